"""Building a source into its outputs: read once, write each format atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import OctavoError, RenderError
from .output import target, writable_folder, write_all
from .sources import Source, read_book
from .tree import Book
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
               settings: PrintSettings | None = None) -> list[Output]:
    """Write a Book in each format to ``out_dir/<book-id>.<format>``, all or none."""
    writable_folder(out_dir)
    results, outputs = [], {}
    for fmt in formats:
        path = target(out_dir, book.meta.book_id, fmt)
        data, pages = _made(book, fmt, path, settings)
        outputs[path] = data
        results.append(Output(path, fmt, len(data), pages))
    write_all(outputs)
    return results


def _made(book: Book, fmt: str, path: Path,
          settings: PrintSettings | None) -> tuple[bytes, int]:
    """The bytes and page count of a book in one format; a writer's failure a RenderError."""
    from .writers import epub, pdf  # here, not above: WeasyPrint takes half a second to load

    try:
        if fmt == "epub":
            return epub.build(book), epub.count_pages(book)
        laid_out = pdf.build(book, settings)
        return laid_out.data, laid_out.pages
    except OctavoError:
        raise
    except Exception as exc:
        raise RenderError(f"the {fmt.upper()} writer failed: {type(exc).__name__}: "
                          f"{str(exc)[:300]}", path) from exc


def build_outputs(source: Source, out_dir: Path, formats: tuple[str, ...], *,
                  plain: bool = False, **print_options: object) -> list[Output]:
    """Read a source and write its book in each format; print options override its [print]
    (``plain``: accept a plain reading of a source whose structure can't be found)."""
    book = read_book(source, plain=plain)  # first: it reports a bad TOML as the metadata's
    settings = from_toml(source.meta_path).override(**print_options)
    return write_book(book, out_dir, formats, settings)
