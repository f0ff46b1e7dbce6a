"""Finding sources, choosing their reader, and reading them into Books."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import corrections, metadata
from .errors import SourceError
from .readers import PAGE_SPANS, READERS
from .tree import Book

SOURCE_SUFFIX = ".txt"


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
        """The reader's name, the middle suffix of the file name (``mia`` when absent)."""
        parts = self.path.name.split(".")
        return parts[-2] if len(parts) >= 3 and parts[-2] in READERS else "mia"

    @property
    def meta_path(self) -> Path:
        return metadata.default_path(self.path)


def discover(folder: Path) -> list[Source]:
    """Every source text in a folder, in name order."""
    return [Source(p) for p in sorted(folder.glob(f"*{SOURCE_SUFFIX}")) if p.is_file()]


def read_text(path: Path) -> str:
    """The text of a source file, or a SourceError saying why it can't be read."""
    if not path.exists():
        raise SourceError("no such file", path)
    if path.is_dir():
        raise SourceError("is a directory, not a source text", path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 text (byte {exc.start})", path) from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc), path) from None


def read_book(source: Source) -> Book:
    """Read a source (its editor's corrections applied first) with its reader, and lay its
    metadata TOML over what the reader found."""
    text = read_text(source.path)
    fixes = corrections.default_path(source.path)
    if fixes.exists():
        text = corrections.apply(text, corrections.load(fixes), PAGE_SPANS.get(source.kind))
    book = READERS[source.kind](text)
    overrides = metadata.load_toml(source.meta_path) if source.meta_path.exists() else {}
    overrides.setdefault("book_id", source.stem)
    book.meta = metadata.merge(book.meta, overrides)
    return book
