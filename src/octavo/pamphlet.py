"""Pamphlets: a book of one work (or a few) cut from a volume, with its own front and back.

``pamphlet(book, works)`` is pure: it returns a new Book holding copies of the works, their
notes (renumbered), footnotes and page markers, and metadata of its own: the work's title,
an extract line naming where it comes from ("From J. V. Stalin, Works, Vol. 5,
pp. 286–90, Moscow 1953") and a book id derived from the source's and the works' ids.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .errors import OutputError
from .ids import slugify
from .metadata import merge
from .select import ancestors, excerpt, page_span, renumber
from .sources import Source
from .tree import Book, Metadata, Work
from .writers.pdf_settings import PrintSettings, from_toml

SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,150}")
VOLUME = re.compile(r"^Vol(?:ume)?\.?\s*(\w+)", re.IGNORECASE)


def elide(first: str, last: str) -> str:
    """A page range as printed citations set it: 286–90, 199–226, 101–8, 3–10."""
    if last == first or not last:
        return first
    if not (first.isdigit() and last.isdigit()) or int(last) < int(first):
        return f"{first}–{last}"
    start = int(first)
    if start < 100 or start % 100 == 0 or len(last) != len(first):
        return f"{first}–{last}"
    keep = 1 if start % 100 < 10 else 2
    shared = next((i for i, (a, b) in enumerate(zip(first, last, strict=True)) if a != b),
                  len(last))
    return f"{first}–{last[min(shared, len(last) - keep):]}"


def pages_cited(works: list[Work]) -> str:
    """The printed pages of works as a citation: ``p. 206`` or ``pp. 286–90, 291–96``."""
    spans = [page_span(w) for w in works]
    ranges = [elide(first, last) for first, last in spans if first]
    if not ranges:
        return ""
    return ("p. " if len(ranges) == 1 and "–" not in ranges[0] else "pp. ") + ", ".join(ranges)


def collection(meta: Metadata) -> str:
    """How a citation names the book a work comes from: ``Works, Vol. 5``."""
    if meta.volume:
        volume = VOLUME.match(meta.volume)
        return f"{meta.title}, {f'Vol. {volume[1]}' if volume else meta.volume}"
    return meta.edition or meta.title


def extract_line(meta: Metadata, works: list[Work]) -> str:
    """Where the works come from: ``From J. V. Stalin, Works, Vol. 5, pp. 286–90, Moscow 1953``."""
    parts = [meta.author, collection(meta), pages_cited(works), f"{meta.place} {meta.date}"]
    return "From " + ", ".join(p.strip() for p in parts if p.strip())


def file_stem(*parts: str) -> str:
    """A file name stem from ids: lower-case ASCII and hyphens only, so it can't leave its
    folder; ids that aren't already such slugs are slugified."""
    return "-".join(p if SAFE_NAME.fullmatch(p) else slugify(p) for p in parts if p)


def pamphlet_meta(book: Book, works: list[Work]) -> Metadata:
    """The metadata of a pamphlet of ``works`` cut from ``book``: the source's imprint
    (publisher, place, date) moves into the extract line, as it isn't the pamphlet's own."""
    meta = book.meta
    enclosing = ancestors(book, works[0])
    return merge(dataclasses.replace(
        meta,
        title="; ".join(w.title for w in works),
        subtitle=enclosing[-1].title if len(works) == 1 and enclosing else "",
        volume="", publisher="", place="", date="", identifier="", description="",
        book_id=file_stem(meta.book_id, *(w.id for w in works)),
        extract=extract_line(meta, works),
    ), {})


def pamphlet(book: Book, works: list[Work]) -> Book:
    """A new Book of ``works`` (in that order) from ``book``, with their own notes."""
    cut = renumber([excerpt(book, works)])
    return Book(meta=pamphlet_meta(book, works), works=cut.works, notes=cut.notes)


def output_path(out_dir: Path, book: Book, fmt: str) -> Path:
    """Where a book's output goes: ``out_dir/<book-id>.<fmt>``, never outside ``out_dir``."""
    path = out_dir / f"{file_stem(book.meta.book_id)}.{fmt}"
    if path.resolve().parent != out_dir.resolve():
        raise OutputError("file name would leave the output folder", path)
    return path


def pamphlet_settings(source: Source) -> PrintSettings:
    """A pamphlet's print settings: its source's ``[print]`` table, laid out compact."""
    return from_toml(source.meta_path).override(book=False)
