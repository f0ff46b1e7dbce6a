"""Anthologies: works from one or more sources gathered into one book.

An anthology is a small TOML file: Metadata keys (``title`` at least) and a ``[[work]]``
table per work, in the book's order, naming its ``source`` (a path relative to the TOML)
and, unless the source holds a single work, the ``work`` (an id, a title prefix or
``p206``)::

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
from pathlib import Path

from .cache import read_cached
from .errors import OctavoError
from .ids import slugify
from .metadata import KEYS, merge
from .pamphlet import extract_line, file_stem
from .select import excerpt, find_works, renumber
from .sources import Source
from .toml_schema import Key, check, read
from .tree import Book, ClosingLine, Metadata, Work


@dataclasses.dataclass(frozen=True)
class Pick:
    """One work of an anthology as its TOML names it."""

    source: Path
    work: str = ""


SCHEMA = {**KEYS, "title": dataclasses.replace(KEYS["title"], required=True),
          "work": Key(list, required=True, table={"source": Key(str, required=True),
                                                   "work": Key(str)})}


def load(path: Path) -> tuple[dict[str, str], list[Pick]]:
    """An anthology TOML's metadata and its picks, checked."""
    toml = read(path)
    check(toml, SCHEMA)
    data = dict(toml.data)
    picks = [Pick(path.parent / p["source"], p.get("work", "")) for p in data.pop("work")]
    return data, picks


def anthology(meta: dict[str, str], chosen: list[tuple[Book, Work]]) -> Book:
    """One book of the ``chosen`` works (each with the book it comes from), in that order."""
    books = list({id(book): book for book, _ in chosen}.values())
    works = [w for _, w in chosen]
    if len({id(w) for w in works}) < len(works):
        raise OctavoError("an anthology names the same work twice")
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
    return Book(meta=anthology_meta(meta, books), works=gathered.works, notes=gathered.notes)


def anthology_meta(given: dict[str, str], books: list[Book]) -> Metadata:
    """An anthology's metadata: what its TOML gives, the rest from its sources where they agree."""

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


def read_anthology(path: Path, use_cache: bool = True) -> Book:
    """The book an anthology TOML describes, its sources read once each (from the tree
    cache unless ``use_cache`` is false)."""
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
