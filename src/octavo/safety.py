"""Keeping input from breaking outputs: XML-legal text, names safe as file names, and a
book with text and titles whatever the reader made of its source.

Jinja's autoescaping makes ``<``, ``&`` and quotes harmless; what it lets through
are characters XML forbids outright (most C0 controls, lone surrogates, U+FFFE/F),
which ``xml_text`` removes. It runs on the source text as it is read, on every
metadata value, and on everything a template prints (the Jinja ``finalize`` hook).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from .findings import report
from .ids import slugify
from .tree import Book, Metadata, Paragraph, Text, Work, iter_nodes

# what XML 1.0 forbids; the C1 controls and non-characters it merely discourages go too
ILLEGAL_XML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd"
                         "\U00010000-\U0010ffff]")
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# names Windows reserves for devices, whatever the extension
RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$",
            *(f"{dev}{n}" for dev in ("com", "lpt") for n in "0123456789¹²³")}


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return ILLEGAL_XML.sub("", text)


def clean_source(text: str) -> tuple[str, int]:
    """A source's text without the characters XML cannot hold, and how many went.

    Form feeds stay: they are how many OCR dumps mark a page; readers use or drop them.
    """
    count = 0

    def drop(match: re.Match) -> str:
        nonlocal count
        if match[0] == "\f":
            return match[0]
        count += 1
        return ""

    return ILLEGAL_XML.sub(drop, text), count


def finalize(value: object) -> object:
    """Jinja's ``finalize`` hook: every printed string made XML-legal, markup kept markup."""
    if isinstance(value, Markup):
        return Markup(xml_text(value))
    if isinstance(value, str):
        return xml_text(value)
    return value


def clean_metadata(meta: Metadata) -> Metadata:
    """Every metadata value made XML-legal (they go into the OPF and every document)."""
    values = {f.name: xml_text(v) for f in dataclasses.fields(meta)
              if isinstance(v := getattr(meta, f.name), str)}
    return dataclasses.replace(meta, **values)


def name_problem(name: str) -> str | None:
    """Why ``name`` can't be a file name in an output folder, or None if it can."""
    if not SAFE_NAME.fullmatch(name):
        return ("it may hold only letters, digits, '.', '_' and '-' (1–100 of them, the first "
                "a letter or digit)")
    if ".." in name or name.endswith("."):
        return "it may not hold '..' or end with '.'"
    if name.split(".", 1)[0].lower() in RESERVED:
        return f"{name.split('.', 1)[0]!r} is a device name Windows reserves"
    return None


def is_safe_name(name: str) -> bool:
    """Whether ``name`` is safe as a file name in any output folder, on any system."""
    return name_problem(name) is None


def safe_name(text: str) -> str:
    """``text`` as is where it is a safe file name, else a safe slug of it."""
    if is_safe_name(text):
        return text
    slug = slugify(text)
    return slug if is_safe_name(slug) else f"x-{slug}"


def default_book_id(stem: str, toml_name: str) -> str:
    """The book id a source's file name gives (made safe, with a warning, if need be)."""
    book_id = safe_name(stem)
    if book_id != stem:
        report("s-005", f"the file name {stem!r} is not a safe book id; the outputs are named "
             f"{book_id!r} (set book_id in {toml_name} to choose)")
    return book_id


def with_text(book: Book, text: str, kind: str) -> Book:
    """The reader's book, or the text as plain paragraphs if the reader found none."""
    if any(isinstance(n, Text) and n.text.strip() for w in book.works for n in iter_nodes(w)):
        return book
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    report("s-006", f"the {kind} reader found nothing it recognises; read as "
           f"{len(paragraphs)} plain paragraph(s)")
    work = Work(id="text", title="", blocks=[Paragraph([Text(p)]) for p in paragraphs])
    return Book(meta=book.meta, works=[work])


def fill_titles(book: Book, fallback: str, toml_name: str) -> None:
    """A title for the book and each work that has none (readers may find none)."""
    if not book.meta.title.strip():
        book.meta.title = fallback
        report("s-004", f"no title in the text or in {toml_name}; using {fallback!r}")
    for work in book.walk():
        if not work.title.strip():
            work.title = book.meta.title


def secure_ids(book: Book) -> None:
    """Give safe ids to works whose ids can't be file names (each work is a file)."""
    taken = {w.id for w in book.walk()}
    for work in book.walk():
        if is_safe_name(work.id):
            continue
        base = safe_name(work.id)
        new, n = base, 1
        while new in taken:
            n += 1
            new = f"{base}-{n}"
        report("s-005", f"work id {work.id!r} is not a safe file name; using {new!r}")
        taken.add(new)
        work.id = new


def file_url_inside(url: str, folder: Path) -> bool:
    """Whether ``url`` is a ``file:`` URL of a file inside ``folder`` (escapes decoded,
    ``..`` and symbolic links resolved), the only kind of URL the PDF writer may fetch."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return False
    return Path(unquote(parts.path)).resolve().is_relative_to(folder.resolve())
