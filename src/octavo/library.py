"""The library a web service offers: the sources of one folder, read, with their contents.

Books are addressed by the ids the library gives them (each source's ``book_id``) and works
by the ids of their trees: nothing a request says ever becomes a path. A source is read
again when one of its files changes (its fingerprint); one that can't be read is listed
with the reason.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .cache import read_cached
from .commands.works import describe
from .errors import OctavoError, WorkNotFound, one_line
from .orders import fingerprint
from .pamphlet import pamphlet_settings
from .select import find_work, find_works, lineage, pamphlet_works
from .sources import Source, discover
from .tree import BACK_MATTER, Book, Work
from .writers.pdf_settings import PrintSettings

THUMBNAIL_WIDTH = 200  # pixels: a shelf of covers at a glance, a tenth of the cover's width


@dataclass
class Title:
    """One source of the library: its book (once read) or why it can't be read."""

    id: str
    source: Source
    fingerprint: str
    book: Book | None = None
    settings: PrintSettings = field(default_factory=PrintSettings)
    error: str = ""

    @cached_property
    def works(self) -> dict[str, Work]:
        """Every work of the book (parts included) by id."""
        return {w.id: w for w, _ in lineage(self.book)} if self.book else {}

    @cached_property
    def count(self) -> int:
        """How many works the book holds, as pamphlets count them."""
        return len(pamphlet_works(self.book)) if self.book else 0

    @cached_property
    def contents(self) -> list[dict]:
        """The book's contents as printed (``entry`` of each work)."""
        return [entry(w) for w in self.book.works] if self.book else []

    @cached_property
    def thumbnail(self) -> bytes:
        """The book's cover, drawn from its metadata, as a small PNG."""
        from PIL import Image

        from .writers.cover import cover_png

        cover = Image.open(io.BytesIO(cover_png(self.book.meta)))
        small = cover.resize((THUMBNAIL_WIDTH, cover.height * THUMBNAIL_WIDTH // cover.width),
                             Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
        return out.getvalue()

    def find(self, query: str) -> Work:
        """The work an id, a title prefix or a printed page (``p206``) names."""
        if self.book is None:
            raise WorkNotFound(f"{self.id} can't be read: {self.error}")
        if len(query) > self.longest:
            raise WorkNotFound(f"no work of {self.id} has a title that long")
        return self.works.get(query) or find_work(self.book, query)

    @cached_property
    def longest(self) -> int:
        """The length of the book's longest work title or id: no query need be longer
        (and the nearest-title search is quadratic in it)."""
        return max((len(t) for w in self.works.values() for t in (w.id, w.title)), default=0)

    def chosen(self, queries: list[str]) -> list[Work]:
        """The works named, in the order given, less those inside another one named (a
        ticked part goes with its ticked whole)."""
        if len(queries) > len(self.works):
            raise OctavoError(f"{len(queries)} works asked for; {self.id} holds "
                              f"{len(self.works)}")
        works = [self.find(q) for q in queries]
        inside = {id(c) for w in works for c in w.walk() if c is not w}
        return find_works(self.book, [w.id for w in works if id(w) not in inside])


def entry(work: Work) -> dict:
    """A work as the pages and the API show it: its id, title, date, pages, notes cited,
    whether it can be made a pamphlet, and its parts."""
    return {**describe(work), "pamphlet": work.kind not in BACK_MATTER,
            "children": [entry(c) for c in work.children]}


class Library:
    """The sources of a folder, read on first sight and again when their files change."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._titles: dict[Path, Title] = {}
        self._lock = threading.Lock()

    def titles(self) -> list[Title]:
        """Every source of the folder, in name order; the first of two with one id wins."""
        with self._lock:
            found = {s.path: s for s in discover(self.folder)}
            for path in [p for p in self._titles if p not in found]:
                del self._titles[path]
            for path, source in found.items():
                known = self._titles.get(path)
                try:
                    current = fingerprint(source)
                except OSError as exc:
                    self._titles[path] = Title(source.stem, source, "", error=one_line(str(exc)))
                    continue
                if known is None or known.fingerprint != current:
                    self._titles[path] = _read(source, current)
            titles, seen = [], set()
            for title in self._titles.values():
                if title.id in seen:
                    title = replace(title, book=None,
                                    error=f"another source has the book id {title.id}")
                seen.add(title.id)
                titles.append(title)
            return titles

    def title(self, book_id: str) -> Title:
        """The book of that id, or WorkNotFound (only ids the library lists are looked up)."""
        for title in self.titles():
            if title.id == book_id and title.book is not None:
                return title
        raise WorkNotFound(f"no book {book_id!r} in this library")


def _read(source: Source, current: str) -> Title:
    """A source read into a Title (its tree from the tree cache when unchanged)."""
    try:
        book = read_cached(source)
        settings = pamphlet_settings(source)
    except OctavoError as exc:
        message = str(exc).removeprefix(f"{source.path}: ")
        return Title(source.stem, source, current, error=message)
    except Exception as exc:  # a reader's bug: the other books are still served
        return Title(source.stem, source, current,
                     error=f"internal error while reading it: {type(exc).__name__}")
    return Title(book.meta.book_id, source, current, book, settings)
