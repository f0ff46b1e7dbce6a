"""The print document laid out by WeasyPrint, with the book's and the page's stylesheets."""

from __future__ import annotations

import base64
import functools

from ..encoding import IMAGE_TYPES
from ..paths import STYLES
from ..render import render
from ..safety import file_url_inside
from ..tree import Metadata
from . import pdf_speed
from .pdf_settings import PrintSettings
from .weasyprint_loaded import weasyprint

FontConfiguration = weasyprint.text.fonts.FontConfiguration
URLFetcher, URLFetcherResponse = weasyprint.urls.URLFetcher, weasyprint.urls.URLFetcherResponse

pdf_speed.apply()  # the same layouts and PDFs, for less work
INLINE_IMAGES = tuple(f"data:{t};base64," for t in IMAGE_TYPES)


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


@functools.cache
def stylesheet(settings: PrintSettings) -> weasyprint.CSS:
    """The page of the chosen trim: size, margins, bleed and marks, heads and folios; parsed
    once per process and settings, as ``book_stylesheet`` is (a batch's worker lays out
    dozens of pamphlets of the same settings: 2 ms each)."""
    return weasyprint.CSS(string=render("print-page.css", trim=settings.size, settings=settings))


def lay_out(text: str, css: weasyprint.CSS) -> weasyprint.Document:
    """Lay out a print XHTML with the book's stylesheet and the page stylesheet."""
    book_css, fonts = book_stylesheet()
    return weasyprint.HTML(string=text, base_url=STYLES.resolve().as_uri() + "/",
                           url_fetcher=LocalFetcher()).render(
        stylesheets=[book_css, css], font_config=fonts)


@functools.cache
def book_stylesheet() -> tuple[weasyprint.CSS, FontConfiguration]:
    """``styles/print.css`` and the faces it loads, once for every document a process lays
    out (a batch of pamphlets would otherwise parse and load them for each)."""
    fonts = FontConfiguration()
    return weasyprint.CSS(filename=STYLES / "print.css", url_fetcher=LocalFetcher(),
                          font_config=fonts), fonts


@functools.cache
def warm_up() -> None:
    """Set WeasyPrint up in this process before its first book: load the book stylesheet's
    faces and lay out and write a line (a worker would otherwise spend a fifth of a second
    of its first pamphlet on this), breaking a word so that the hyphenation patterns of the
    default language are read too (a fifteenth of a second, in every process else). Once
    per process, forks included: a Dask worker forked from the server that preloaded
    ``pdf_warm`` has it done already."""
    lay_out(f'<p lang="{Metadata.language}" style="width: 4em">Octavo <em>typesetting</em> '
            "<strong>Octavo</strong></p>", stylesheet(PrintSettings())).write_pdf()


def write(document: weasyprint.Document, meta: Metadata, settings: PrintSettings) -> bytes:
    """The PDF of a laid-out document, in the chosen variant, with the book's identifier."""
    return document.write_pdf(pdf_variant=settings.variant or None,
                              pdf_identifier=meta.identifier.encode())
