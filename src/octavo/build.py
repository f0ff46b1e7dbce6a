"""Building a source into its outputs: read once, write each format atomically."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from . import progress
from .cache import read_cached
from .errors import OctavoError, RenderError, one_line
from .output import target, writable_folder, write_all
from .sources import Source
from .tree import Book
from .writers.epub_ahead import EpubAhead
from .writers.pdf_settings import PrintSettings, from_toml

FORMATS = ("epub", "pdf")


@dataclass
class Output:
    """One written output: where, which format, how big, how many pages."""

    path: Path
    format: str
    size: int
    pages: int


def write_book(book: Book, out_dir: Path, formats: tuple[str, ...],
               settings: PrintSettings | None = None,
               ahead: EpubAhead | None = None) -> list[Output]:
    """Write a Book in each format to ``out_dir/<book-id>.<format>``, all or none
    (``ahead``: the EPUB writer, made ready in a process of its own)."""
    writable_folder(out_dir)
    results, outputs = [], {}
    for fmt in formats:
        path = target(out_dir, book.meta.book_id, fmt)
        data, pages = made(book, fmt, path, settings, ahead)
        outputs[path] = data
        results.append(Output(path, fmt, len(data), pages))
    write_all(outputs)
    return results


def made(book: Book, fmt: str, path: Path, settings: PrintSettings | None,
         ahead: EpubAhead | None = None, own: bool = False) -> tuple[bytes, int]:
    """The bytes and page count of a book in one format (``path`` names it in errors); a
    writer's failure a RenderError naming its cause (``--debug`` shows where it happened).
    ``own``: the book may be changed, as the caller keeps no use of it (the EPUB writer
    then marks it up where it is, rather than in a copy)."""
    progress.report(f"making the {fmt.upper()}")
    if fmt == "epub" and ahead and (done := ahead.made(book)):
        return done
    # the writer of this format only: WeasyPrint alone takes half a second to load
    writer = importlib.import_module(f".writers.{fmt}", __package__)
    try:
        if fmt == "epub":
            pages = writer.count_pages(book)  # before the writer marks an own book up
            return writer.build(book, own), pages
        laid_out = writer.build(book, settings)
        return laid_out.data, laid_out.pages
    except OctavoError:
        raise
    except Exception as exc:
        raise RenderError(f"the {fmt.upper()} writer failed: {type(exc).__name__}: "
                          f"{one_line(str(exc))}", path) from exc


def build_outputs(source: Source, out_dir: Path, formats: tuple[str, ...], *,
                  use_cache: bool = True, plain: bool = False,
                  **print_options: object) -> list[Output]:
    """Read a source (from the tree cache unless ``use_cache`` is false) and write its book in
    each format; print options override its [print] table (``plain``: accept a plain reading
    of a source whose structure can't be found)."""
    if "pdf" in formats:
        from .writers import pdf_parallel

        # WeasyPrint loads on another core while the source is read
        pdf_parallel.prepare(source.path.stat().st_size if source.path.is_file() else 0)
    ahead = EpubAhead() if "epub" in formats else None  # ready by the time the book is read
    try:
        book = read_cached(source, use_cache, plain=plain)  # first: a bad TOML is the metadata's
        settings = from_toml(source.meta_path).override(**print_options)
        return write_book(book, out_dir, formats, settings, ahead)
    finally:
        if ahead:
            ahead.end()
