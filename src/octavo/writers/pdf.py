"""The PDF writer: one print XHTML from the templates, laid out by WeasyPrint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

import weasyprint
from weasyprint.urls import URLFetcher

from ..paths import STYLES
from ..render import linker, notes_by_id, notes_placed, render, toc_entries
from ..safety import file_url_inside
from ..tree import Book
from .pdf_notes import note_groups, ref_id
from .pdf_settings import PrintSettings

# The creation date written into every PDF, so that the same input gives the same bytes;
# SOURCE_DATE_EPOCH (the reproducible-builds convention) overrides it.
FIXED_DATE = 946684800  # 2000-01-01T00:00:00Z


@dataclass
class Pdf:
    """A laid-out PDF: its bytes and its page count."""

    data: bytes
    pages: int


class LocalFetcher(URLFetcher):
    """Fetches only files under the project's styles folder; refuses everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), fail_on_errors=False)

    def fetch(self, url, headers=None):
        if not file_url_inside(url, STYLES):
            raise ValueError(f"octavo does not fetch {url!r}")
        return super().fetch(url, headers)


def created() -> str:
    """The W3C date-time stamped on the PDF: SOURCE_DATE_EPOCH, else a fixed date."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", FIXED_DATE))
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def html(book: Book, settings: PrintSettings | None = None) -> str:
    """The print XHTML of a book."""
    settings = settings or PrintSettings()
    href = linker({})
    meta = book.meta
    subject = meta.description or meta.extract or meta.edition or meta.volume or meta.title
    return render("print-book.xhtml", book=book, meta=meta, medium="print", href=href,
                  note=notes_by_id(book).__getitem__, toc=toc_entries(book, href),
                  groups=note_groups(book), ref_id=ref_id, settings=settings,
                  subject=subject, created=created(), notes_placed=notes_placed(book))


def stylesheet(settings: PrintSettings) -> weasyprint.CSS:
    """The page of the chosen trim: size, margins, bleed and marks, heads and folios."""
    return weasyprint.CSS(string=render("print-page.css", trim=settings.size,
                                        settings=settings))


def build(book: Book, settings: PrintSettings | None = None) -> Pdf:
    """Lay out a book and return its PDF."""
    settings = settings or PrintSettings()
    document = weasyprint.HTML(string=html(book, settings),
                               base_url=STYLES.resolve().as_uri() + "/",
                               url_fetcher=LocalFetcher()).render(
        stylesheets=[stylesheet(settings)])
    data = document.write_pdf(pdf_variant=settings.variant or None,
                              pdf_identifier=book.meta.identifier.encode())
    return Pdf(data=data, pages=len(document.pages))
