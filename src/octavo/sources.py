"""Finding sources, choosing their reader, and reading them into Books."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from . import corrections, encoding, metadata, safety
from .errors import SourceEmpty, SourceError, SourceKindError, SourceTooLarge, StructureNotFound
from .findings import STRUCTURE_MISSING, collecting, report
from .normalise import mojibake, normalise
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
        report("s-001", decoded.note)
    if mojibake(decoded.text):
        report("s-008", "the text was UTF-8 read as Latin-1 or cp1252 on its way (“â€™” for "
               "“’”); mended")
    text, dropped = safety.clean_source(normalise(decoded.text))
    if dropped:
        report("s-002", f"dropped {dropped} control character(s) that XML can't hold")
    if not text.strip():
        raise SourceEmpty("holds no text, only white space", path)
    if MARKUP.match(text):
        report("s-003", "looks like HTML or XML; octavo reads plain text, so its tags will "
               "show as text")
    return text


def source_text(source: Source) -> str:
    """A source's text as its reader reads it: decoded, normalised, the editor's
    corrections applied."""
    return corrected(read_text(source.path), source)


def corrected(text: str, source: Source) -> str:
    """A source's text with its editor's corrections applied."""
    fixes = corrections.default_path(source.path)
    if fixes.exists():
        text = corrections.apply(text, corrections.load(fixes), PAGE_SPANS.get(source.kind))
    return text


def read_book(source: Source, *, plain: bool = False) -> Book:
    """Read a source (its editor's corrections applied first) with its reader, and lay its
    metadata TOML over what the reader found.  Findings are gathered on the Book; a
    source whose reader finds none of the structure its kind has is refused
    (``StructureNotFound``) unless ``plain`` accepts a plain reading."""
    reader = READERS[source.kind]  # first: a misnamed source is not read at all
    with collecting(source.path) as gathering:
        text = read_text(source.path)  # a missing source is said before its TOML
        has_toml = os.path.lexists(source.meta_path)
        overrides = metadata.load_toml(source.meta_path) if has_toml else {}
        gathering.known = metadata.known_findings(source.meta_path) if has_toml else []
        text = corrected(text, source)
        book = safety.with_text(reader(text, metadata.hints(overrides)), text, source.kind)
        if "book_id" not in overrides:
            overrides["book_id"] = safety.default_book_id(source.stem, source.meta_path.name)
        book.meta = safety.clean_metadata(metadata.merge(book.meta, overrides))
        safety.fill_titles(book, source.stem, source.meta_path.name)
        safety.secure_ids(book)
    book.findings = gathering.findings
    if not plain and any(f.code == STRUCTURE_MISSING for f in book.findings):
        raise StructureNotFound(f"the {source.kind} reader did not find the structure of its "
                                "kind of source (the warnings above say what it missed); "
                                "--plain accepts a plain reading", source.path)
    return book
