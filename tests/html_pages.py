"""The archive's pages as a reader of them sees them, found without octavo's HTML reader:
their paragraphs (to compare a book's text with), and the paragraphs of built books."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import lxml.html
from conftest import warning_codes, warnings_said
from lxml import etree

from octavo.sources import Source, read_book
from octavo.tree import Book

FIXTURES = Path(__file__).resolve().parent / "fixtures/html"
# the warnings reading a fixture gives: its flaws are on purpose (a page the index links
# that the folder lacks; images not saved, or on the web)
WARNS = {"manifesto": {"w-003"}, "gettysburg": {"w-002"}}
WLC = FIXTURES / "wage-labour-and-capital"
NS = {"x": "http://www.w3.org/1999/xhtml"}
QUOTES = str.maketrans("‘’“”\u00a0", "''\"\" ")


def norm(text: str) -> str:
    """Text as words and punctuation: white space collapsed, quotes straight."""
    return " ".join(text.translate(QUOTES).split())


def read_fixture(path: Path) -> Book:
    """A fixture read into a Book, warning of its flaws and of nothing else."""
    with warnings_said() as said:
        book = read_book(Source(path))
    assert warning_codes(said) == WARNS.get(Source(path).stem, set()), said
    return book


def page(path: Path) -> lxml.html.HtmlElement:
    """A saved page's tree: UTF-8 where its bytes are, else Windows-1252."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return lxml.html.document_fromstring(text.encode(), parser=lxml.html.HTMLParser(
        encoding="utf-8"))


def paragraphs(path: Path, leave: tuple[str, ...] = ("title", "footer")) -> list[str]:
    """Every paragraph of a page that holds text, but those of the classes ``leave``."""
    return [t for p in page(path).iter("p") if p.get("class") not in leave
            if (t := norm(p.text_content()))]


def pages_in_order(index: Path) -> list[Path]:
    """The pages an index page links, in order, each once (as a reader follows them)."""
    found = []
    for a in page(index).iter("a"):
        target = (index.parent / (a.get("href") or "").split("#")[0]).resolve()
        if target.is_file() and target != index.resolve() and target not in found:
            found.append(target)
    return found


def epub_works(data: bytes) -> list[etree._Element]:
    """The body of each work document of an EPUB, in spine order."""
    z = zipfile.ZipFile(io.BytesIO(data))
    opf = etree.fromstring(z.read("EPUB/content.opf"))
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {i.get("id"): i.get("href") for i in opf.xpath("//opf:item", namespaces=ns)}
    bodies = []
    for ref in opf.xpath("//opf:itemref/@idref", namespaces=ns):
        doc = etree.fromstring(z.read(f"EPUB/{hrefs[ref]}"))
        if doc.xpath("//x:section[contains(concat(' ', @class, ' '), ' work ')]", namespaces=NS):
            bodies.append(doc)
    return bodies


def text_blocks(doc: etree._Element) -> list[str]:
    """The paragraphs of a work document: not its title block, closing lines or notes."""
    found = doc.xpath("//x:body//x:p[not(ancestor::x:header) and not(ancestor::x:footer)"
                      " and not(ancestor::x:aside)]", namespaces=NS)
    return [t for p in found if (t := norm("".join(p.itertext())))]


def pdf_body(reader) -> str:
    """A PDF's text less each page's running head and folio (drawn last, so the last line),
    its lines joined and hyphenation breaks undone."""
    text = "\n".join("\n".join(p.extract_text().splitlines()[:-1]) for p in reader.pages)
    text = re.sub(r"([\u2010-])[ \t]*\n", lambda m: "" if m[1] == "\u2010" else "-", text)
    return norm(text)
