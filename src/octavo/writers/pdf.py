"""The PDF writer: a book laid out by WeasyPrint, in one process or, when long, in several."""

from __future__ import annotations

from .. import cores
from ..tree import Book
from . import pdf_parallel
from .pdf_html import Pdf, html
from .pdf_settings import PrintSettings


def build(book: Book, settings: PrintSettings | None = None, jobs: int | None = None) -> Pdf:
    """Lay out a book and return its PDF: a long one in parts by ``jobs`` processes
    (by default one per core octavo may use), otherwise in this process."""
    settings = settings or PrintSettings()
    jobs = cores.available() if jobs is None else jobs
    if laid_out := pdf_parallel.build(book, settings, jobs):
        return laid_out
    from .pdf_layout import lay_out, stylesheet, write  # WeasyPrint: the parts load it apart

    document = lay_out(html(book, settings), stylesheet(settings))
    return Pdf(data=write(document, book.meta, settings), pages=len(document.pages))
