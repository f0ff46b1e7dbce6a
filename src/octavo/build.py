"""Building a source into its outputs: read once, write each format atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .output import write_atomic
from .sources import Source, read_book
from .tree import Book

FORMATS = ("epub", "pdf")


@dataclass
class Output:
    """One written output: where, which format, how big, how many pages."""

    path: Path
    format: str
    size: int
    pages: int


def write_book(book: Book, out_dir: Path, formats: tuple[str, ...]) -> list[Output]:
    """Write a Book in each format to ``out_dir/<book-id>.<format>``."""
    from .writers import epub, pdf  # here, not above: WeasyPrint takes half a second to load

    results = []
    for fmt in formats:
        path = out_dir / f"{book.meta.book_id}.{fmt}"
        if fmt == "epub":
            data, pages = epub.build(book), epub.count_pages(book)
        else:
            laid_out = pdf.build(book)
            data, pages = laid_out.data, laid_out.pages
        write_atomic(path, data)
        results.append(Output(path, fmt, len(data), pages))
    return results


def build_outputs(source: Source, out_dir: Path, formats: tuple[str, ...]) -> list[Output]:
    """Read a source and write its book in each format."""
    return write_book(read_book(source), out_dir, formats)
