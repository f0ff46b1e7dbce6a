"""The print document: XHTML from the templates and the page stylesheet, laid out by WeasyPrint."""

from __future__ import annotations

import base64
import contextlib
import functools
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..encoding import IMAGE_TYPES
from ..paths import STYLES
from ..render import linker, notes_by_id, notes_placed, render, toc_entries
from ..safety import file_url_inside
from ..tree import Book
from .endnotes import note_groups, ref_id
from .pdf_settings import PrintSettings

# The creation date written into every PDF, so that the same input gives the same bytes;
# SOURCE_DATE_EPOCH (the reproducible-builds convention) overrides it.
FIXED_DATE = 946684800  # 2000-01-01T00:00:00Z
INLINE_IMAGES = tuple(f"data:{t};base64," for t in IMAGE_TYPES)


@dataclass
class Part:
    """What one print document holds: all of a book, or one part laid out apart.

    ``pages`` writes in the page numbers of targets in other parts (the layout counts
    its own); ``elsewhere`` lists those targets' ids, kept as anchors so links to them
    survive until the parts are joined.
    """

    works: list
    front: bool = True
    endnotes: bool = True
    pages: dict[str, int] | None = None
    elsewhere: list[str] = field(default_factory=list)


@dataclass
class Pdf:
    """A laid-out PDF: its bytes and its page count."""

    data: bytes
    pages: int


class LocalFetcher(URLFetcher):
    """Fetches only files under the project's styles folder and the images the book carries
    inline (``data:`` URLs of the raster types an Image holds); refuses everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), fail_on_errors=False)

    def fetch(self, url, headers=None):
        if url.startswith(INLINE_IMAGES):
            media_type, _, data = url.removeprefix("data:").partition(";base64,")
            return URLFetcherResponse(url, base64.b64decode(data, validate=True),
                                      {"Content-Type": media_type})
        if not file_url_inside(url, STYLES):
            raise ValueError(f"octavo does not fetch {url!r}")
        return super().fetch(url, headers)


def created() -> str:
    """The W3C date-time stamped on the PDF: SOURCE_DATE_EPOCH, else a fixed date."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", FIXED_DATE))
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def html(book: Book, settings: PrintSettings | None = None, part: Part | None = None) -> str:
    """The print XHTML of a book, or of one part of it."""
    return printer(book, settings)(part)


def printer(book: Book, settings: PrintSettings | None = None) -> Callable[[Part | None], str]:
    """``html`` for one book and settings, with what every part shares worked out once."""
    settings = settings or PrintSettings()
    href = linker({})
    meta = book.meta
    shared = dict(
        book=book, meta=meta, medium="print", href=href, note=notes_by_id(book).__getitem__,
        toc=toc_entries(book, href), groups=note_groups(book), ref_id=ref_id,
        settings=settings, created=created(), notes_placed=notes_placed(book),
        subject=meta.description or meta.extract or meta.edition or meta.volume or meta.title)

    def part_html(part: Part | None) -> str:
        return render("print-book.xhtml", part=part or Part(book.works), **shared)

    return part_html


def stylesheet(settings: PrintSettings) -> weasyprint.CSS:
    """The page of the chosen trim: size, margins, bleed and marks, heads and folios."""
    return weasyprint.CSS(string=render("print-page.css", trim=settings.size, settings=settings))


def lay_out(text: str, css: weasyprint.CSS) -> weasyprint.Document:
    """Lay out a print XHTML with the book's stylesheet and the page stylesheet."""
    book_css, fonts = book_stylesheet()
    with _collector_paused():
        return weasyprint.HTML(string=text, base_url=STYLES.resolve().as_uri() + "/",
                               url_fetcher=LocalFetcher()).render(
            stylesheets=[book_css, css], font_config=fonts)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a layout: the layout makes millions of objects and
    few cycles, and the collector, run again and again over the young ones, took a sixth of
    its time (measured here); what cycles it leaves are collected when it is back on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@functools.cache
def book_stylesheet() -> tuple[weasyprint.CSS, FontConfiguration]:
    """``styles/print.css`` and the faces it loads, once for every document a process lays
    out (a batch of pamphlets would otherwise parse and load them for each)."""
    fonts = FontConfiguration()
    return weasyprint.CSS(filename=STYLES / "print.css", url_fetcher=LocalFetcher(),
                          font_config=fonts), fonts


def warm_up() -> None:
    """Set WeasyPrint up in this process before its first book: load the book stylesheet's
    faces and lay out and write a line (a worker would otherwise spend a fifth of a second
    of its first pamphlet on this)."""
    lay_out("<p>Octavo</p>", stylesheet(PrintSettings())).write_pdf()


def write(document: weasyprint.Document, book: Book, settings: PrintSettings) -> bytes:
    """The PDF of a laid-out document, in the chosen variant, with the book's identifier."""
    return document.write_pdf(pdf_variant=settings.variant or None,
                              pdf_identifier=book.meta.identifier.encode())
