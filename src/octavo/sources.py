"""Finding sources, choosing their reader, and reading them into Books."""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from . import corrections, encoding, metadata, safety
from .errors import SourceEmpty, SourceError, SourceKindError, SourceTooLarge, about, warn
from .readers import PAGE_SPANS, READERS
from .tree import Book

SOURCE_SUFFIX = ".txt"
MAX_SOURCE_MB = 32  # a 1,000-page volume is about 3 MB of text
MARKUP = re.compile(r"\s*<(?:\?xml|!doctype|html|body)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """A source text and the reader that reads it (from ``name.KIND.txt``)."""

    path: Path

    @property
    def stem(self) -> str:
        """The source's name without its kind and suffix: ``stalin-works-05``."""
        return self.path.name.split(".", 1)[0]

    @property
    def kind(self) -> str:
        """The reader's name, the middle suffix of the file name (``mia`` when there is
        none, ``NAME.txt``); one no reader has is an error naming the kinds there are."""
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
        return metadata.default_path(self.path)


def discover(folder: Path) -> list[Source]:
    """Every source text in a folder, in name order."""
    return [Source(p) for p in sorted(folder.glob(f"*{SOURCE_SUFFIX}")) if p.is_file()]


def read_text(path: Path) -> str:
    """The text of a source file, or a SourceError saying why it can't be read.

    Any encoding octavo can tell is read (with a warning when not UTF-8); characters
    XML can't hold are dropped (with a warning).
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory, not a source text", path)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("is not a regular file", path)
        if info.st_size > MAX_SOURCE_MB * 1024 * 1024:
            raise SourceTooLarge(f"is {info.st_size / 1024 / 1024:.0f} MB; octavo reads "
                                 f"sources of up to {MAX_SOURCE_MB} MB", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file", path) from None
    except OSError as exc:
        raise SourceError(f"cannot read it: {exc.strerror or exc}", path) from None
    if not data:
        raise SourceEmpty("is empty", path)
    decoded = encoding.decode(data, path)
    if decoded.note:
        warn(decoded.note)
    text, dropped = safety.clean_source(decoded.text)
    if dropped:
        warn(f"dropped {dropped} control character(s) that XML can't hold")
    if not text.strip():
        raise SourceEmpty("holds no text, only white space", path)
    if MARKUP.match(text):
        warn("looks like HTML or XML; octavo reads plain text, so its tags will show as text")
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
    reader = READERS[source.kind]  # first: a misnamed source is not read at all
    text = read_text(source.path)
    fixes = corrections.default_path(source.path)
    if fixes.exists():
        text = corrections.apply(text, corrections.load(fixes), PAGE_SPANS.get(source.kind))
    overrides = metadata.load_toml(source.meta_path) if os.path.lexists(source.meta_path) else {}
    book = safety.with_text(reader(text), text, source.kind)
    if "book_id" not in overrides:
        overrides["book_id"] = safety.default_book_id(source.stem, source.meta_path.name)
    book.meta = safety.clean_metadata(metadata.merge(book.meta, overrides))
    safety.fill_titles(book, source.stem, source.meta_path.name)
    safety.secure_ids(book)
    return book
