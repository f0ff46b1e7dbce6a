"""Finding sources, choosing their reader, and reading them into Books."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import collector, corrections, encoding, metadata, safety
from .errors import SourceKindError, StructureNotFound
from .files import MAX_SOURCE_MB, clean_text, read_bytes
from .findings import STRUCTURE_MISSING, collecting, report
from .readers import FILE_READERS, PAGE_SPANS, READERS, SOURCE_FILES
from .readers.index_page import index_of
from .tree import Book

SOURCE_SUFFIX = ".txt"
HTML_SUFFIXES = (".htm", ".html", ".xhtml")  # web pages, read by the html reader
MARKUP = re.compile(r"\s*<(?:\?xml|!doctype|html|body)\b", re.IGNORECASE)

__all__ = ["MAX_SOURCE_MB", "Source", "corrected", "discover", "read_book", "read_text",
           "source_text"]


@dataclass(frozen=True)
class Source:
    """A source and the reader that reads it: a text ``name.KIND.txt``, a web page
    ``name.html`` (or ``.htm``), or a book of pages (a folder with ``index.htm``, or that
    index page)."""

    path: Path

    @property
    def home(self) -> Path:
        """What names the source: its file, or the folder of a book's index page."""
        return self.path.parent if index_of(self.path) == self.path else self.path

    @property
    def stem(self) -> str:
        """The source's name without its kind and suffix: ``stalin-works-05``."""
        return self.home.name.split(".", 1)[0]

    @property
    def kind(self) -> str:
        """The reader's name: ``html`` for pages, else the middle suffix of the file name
        (``mia`` when there is none, ``NAME.txt``); one no reader has is an error naming
        the kinds there are."""
        if self.path.suffix.lower() in HTML_SUFFIXES or self.path.is_dir():
            return "html"
        parts = self.path.name.split(".")
        if len(parts) < 3:
            return "mia"
        if parts[-2] not in READERS:
            raise SourceKindError(f"no reader reads the kind {parts[-2]!r} its name gives; "
                                  "name a source NAME.KIND.txt with KIND one of "
                                  + ", ".join(sorted(READERS)), self.path)
        return parts[-2]

    @property
    def meta_path(self) -> Path:
        return metadata.default_path(self.home)

    def files(self) -> list[Path]:
        """The files the source is read from (a book's pages and images as well)."""
        return SOURCE_FILES[self.kind](self.path) if self.kind in SOURCE_FILES else [self.path]


def discover(folder: Path) -> list[Source]:
    """Every source in a folder, in name order: texts, web pages and folders of pages."""
    return [Source(p) for p in sorted(folder.iterdir())
            if (p.is_file() and p.suffix.lower() in (SOURCE_SUFFIX, *HTML_SUFFIXES))
            or (p.is_dir() and index_of(p) is not None)]


def read_text(path: Path) -> str:
    """The text of a source file, or a SourceError saying why it can't be read.

    Any encoding octavo can tell is read (with a warning when not UTF-8); characters
    XML can't hold are dropped (with a warning).
    """
    text = clean_text(encoding.decode(read_bytes(path), path), path)
    if MARKUP.match(text):
        report("s-003", "looks like HTML or XML; octavo reads plain text, so its tags will "
               "show as text (name it NAME.html to read it as a web page)")
    return text


def source_text(source: Source) -> str:
    """A source's text as its reader reads it: decoded, normalised, the editor's
    corrections applied."""
    return corrected(read_text(source.path), source)


def corrected(text: str, source: Source) -> str:
    """A source's text with its editor's corrections applied."""
    fixes = corrections.default_path(source.home)
    if fixes.exists():
        text = corrections.apply(text, corrections.load(fixes), PAGE_SPANS.get(source.kind))
    return text


def _read(source: Source, text: str | None, hints: dict[str, str]) -> Book:
    """The reader's book: from the source's files, or from its text."""
    if text is None:  # the reader reads the source's files, and says what it could not
        fixes = corrections.default_path(source.home)
        fix = functools.partial(corrections.apply, fixes=corrections.load(fixes)
                                ) if fixes.exists() else None
        return FILE_READERS[source.kind](source.path, fix)
    text = corrected(text, source)
    return safety.with_text(READERS[source.kind](text, metadata.hints(hints)), text,
                            source.kind)


def read_book(source: Source, *, plain: bool = False) -> Book:
    """Read a source (its editor's corrections applied first) with its reader, and lay its
    metadata TOML over what the reader found.  Findings are gathered on the Book; a
    source whose reader finds none of the structure its kind has is refused
    (``StructureNotFound``) unless ``plain`` accepts a plain reading."""
    kind = source.kind  # first: a misnamed source is not read at all
    with collecting(source.path) as gathering, collector.held_off():
        # then a missing source is the first thing to say (a file reader says it itself)
        text = None if kind in FILE_READERS else read_text(source.path)
        has_toml = os.path.lexists(source.meta_path)
        overrides = metadata.load_toml(source.meta_path) if has_toml else {}
        gathering.known = metadata.known_findings(source.meta_path) if has_toml else []
        book = _read(source, text, overrides)
        if "book_id" not in overrides:
            overrides["book_id"] = safety.default_book_id(source.stem, source.meta_path.name)
        book.meta = safety.clean_metadata(metadata.merge(book.meta, overrides))
        safety.fill_titles(book, source.stem, source.meta_path.name)
        safety.secure_ids(book)
    book.findings = gathering.findings
    check_structure(book, source, plain)
    return book


def check_structure(book: Book, source: Source, plain: bool) -> None:
    """Refuse (``StructureNotFound``) a book whose reader found none of the structure of its
    kind of source, unless ``plain`` accepts a plain reading."""
    if not plain and any(f.code == STRUCTURE_MISSING for f in book.findings):
        raise StructureNotFound(f"the {source.kind} reader did not find the structure of its "
                                "kind of source (the warnings above say what it missed); "
                                "--plain accepts a plain reading", source.path)
