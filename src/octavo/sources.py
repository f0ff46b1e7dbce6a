"""Finding sources, choosing their reader, and reading them into Books."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import corrections, encoding, metadata, safety
from .errors import about, warn
from .files import MAX_SOURCE_MB, clean_text, read_bytes
from .readers import FILE_READERS, PAGE_SPANS, READERS, SOURCE_FILES
from .readers.html import index_of
from .tree import Book

SOURCE_SUFFIX = ".txt"
HTML_SUFFIXES = (".htm", ".html", ".xhtml")  # web pages, read by the html reader
MARKUP = re.compile(r"\s*<(?:\?xml|!doctype|html|body)\b", re.IGNORECASE)

__all__ = ["MAX_SOURCE_MB", "Source", "discover", "read_book", "read_text"]


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
        (``mia`` when absent)."""
        if self.path.suffix.lower() in HTML_SUFFIXES or self.path.is_dir():
            return "html"
        parts = self.path.name.split(".")
        return parts[-2] if len(parts) >= 3 and parts[-2] in READERS else "mia"

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
        warn("looks like HTML or XML; octavo reads plain text, so its tags will show as text "
             "(name it NAME.html to read it as a web page)")
    return text


def _about_source(read):
    """Name the source in every warning given while reading it."""

    @functools.wraps(read)
    def reading(source: Source, *args, **kwargs):
        with about(source.path):
            return read(source, *args, **kwargs)

    return reading


@_about_source
def read_book(source: Source) -> Book:
    """Read a source (its editor's corrections applied first) with its reader, and lay its
    metadata TOML over what the reader found."""
    fixes = corrections.default_path(source.home)
    if source.kind in FILE_READERS:  # it reads its files, and says what it could not
        fixed = functools.partial(corrections.apply, fixes=corrections.load(fixes)
                                  ) if fixes.exists() else None
        book = FILE_READERS[source.kind](source.path, fixed)
    else:
        text = read_text(source.path)
        if fixes.exists():
            text = corrections.apply(text, corrections.load(fixes), PAGE_SPANS.get(source.kind))
        book = safety.with_text(READERS[source.kind](text), text, source.kind)
    overrides = metadata.load_toml(source.meta_path) if os.path.lexists(source.meta_path) else {}
    if "book_id" not in overrides:
        overrides["book_id"] = safety.default_book_id(source.stem, source.meta_path.name)
    book.meta = safety.clean_metadata(metadata.merge(book.meta, overrides))
    safety.fill_titles(book, source.stem, source.meta_path.name)
    safety.secure_ids(book)
    return book
