"""Readers (anthologies): works from one or more sources gathered into one book.

A reader is a small TOML file: Metadata keys (``title`` at least) and a ``[[work]]`` table
per work, in the book's order, naming its ``source`` (a path relative to the TOML) and, unless
the source holds a single work, the ``work`` (an id, a title prefix or ``p206``)::

    title = "On the Press"
    [[work]]
    source = "../input/stalin-works-05.ocr.txt"
    work = "the-press-as-a-collective-organiser"

The book has its own contents and notes, numbered through; each work closes with a line
saying where it comes from. Works from different sources get their ids prefixed with
their source's book id, so nothing collides.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from .cache import read_cached
from .errors import MetadataError, OctavoError
from .ids import slugify
from .metadata import FIELDS, merge
from .pamphlet import extract_line, file_stem
from .select import excerpt, find_works, renumber
from .sources import Source
from .tree import Book, ClosingLine, Metadata, Work


@dataclasses.dataclass(frozen=True)
class Pick:
    """One work of a reader as the TOML names it."""

    source: Path
    work: str = ""


def load(path: Path) -> tuple[dict[str, str], list[Pick]]:
    """A reader TOML's metadata and its picks, checked."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MetadataError(f"can't read the reader: {exc}", path) from None
    picks = data.pop("work", None)
    if not isinstance(picks, list) or not picks:
        raise MetadataError("a reader names its works in [[work]] tables", path)
    for key, value in data.items():
        if key not in FIELDS or not isinstance(value, str):
            raise MetadataError(f"{key!r} is not a metadata key with a string value", path)
    if not data.get("title"):
        raise MetadataError("a reader needs a title", path)
    found = []
    for number, pick in enumerate(picks, 1):
        if not (isinstance(pick, dict) and isinstance(pick.get("source"), str)
                and isinstance(pick.get("work", ""), str) and set(pick) <= {"source", "work"}):
            raise MetadataError(f"work {number}: give a source and optionally a work, "
                                "both strings", path)
        found.append(Pick((path.parent / pick["source"]), pick.get("work", "")))
    return data, found


def anthology(meta: dict[str, str], chosen: list[tuple[Book, Work]]) -> Book:
    """One book of the ``chosen`` works (each with the book it comes from), in that order."""
    books = list({id(book): book for book, _ in chosen}.values())
    works = [w for _, w in chosen]
    if len({id(w) for w in works}) < len(works):
        raise OctavoError("a reader names the same work twice")
    copies: dict[int, Work] = {}
    excerpts = []
    for book in books:
        own = [w for b, w in chosen if b is book]
        scope = f"{file_stem(book.meta.book_id)}-" if len(books) > 1 else ""
        cut = excerpt(book, own, scope)
        for original, copy in zip(own, cut.works, strict=True):
            copy.closing.append(ClosingLine("remark", extract_line(book.meta, [original])))
            copies[id(original)] = copy
        excerpts.append(cut)
    gathered = renumber(excerpts, [copies[id(w)] for w in works])
    return Book(meta=reader_meta(meta, books), works=gathered.works, notes=gathered.notes)


def reader_meta(given: dict[str, str], books: list[Book]) -> Metadata:
    """A reader's metadata: what its TOML gives, the rest from its sources where they agree."""

    def agreed(name: str) -> str:
        values = {getattr(b.meta, name) for b in books}
        return values.pop() if len(values) == 1 else ""

    found = Metadata(
        author=agreed("author"), language=agreed("language") or "en", rights=agreed("rights"),
        translator=agreed("translator"),
        source="; ".join(dict.fromkeys(b.meta.source or b.meta.edition for b in books)),
    )
    book_id = file_stem(given.get("book_id") or slugify(given["title"]))
    return merge(found, {**given, "book_id": book_id})


def read_reader(path: Path, use_cache: bool = True) -> Book:
    """The book a reader TOML describes, its sources read once each (from the tree cache
    unless ``use_cache`` is false)."""
    meta, picks = load(path)
    books: dict[Path, Book] = {}
    chosen = []
    for pick in picks:
        key = pick.source.resolve()
        if key not in books:
            books[key] = read_cached(Source(pick.source), use_cache)
        book = books[key]
        chosen += [(book, w) for w in find_works(book, [pick.work] if pick.work else [])]
    return anthology(meta, chosen)
