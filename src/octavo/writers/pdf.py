"""The PDF writer: one print XHTML from the templates, laid out by WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass

import weasyprint
from weasyprint.urls import URLFetcher

from ..paths import STYLES
from ..render import linker, notes_by_id, render, toc_entries
from ..safety import file_url_inside
from ..tree import Book


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


def html(book: Book) -> str:
    """The print XHTML of a book."""
    href = linker({})
    lookup = notes_by_id(book)
    return render("print-book.xhtml", book=book, meta=book.meta, medium="print", href=href,
                  note=lookup.__getitem__, toc=toc_entries(book, href))


def build(book: Book) -> Pdf:
    """Lay out a book and return its PDF."""
    document = weasyprint.HTML(string=html(book), base_url=STYLES.resolve().as_uri() + "/",
                               url_fetcher=LocalFetcher()).render()
    data = document.write_pdf()
    return Pdf(data=data, pages=len(document.pages))
