"""Readers: one module per kind of source, each turning text into a Book.

A reader is a function ``read(text, hints) -> Book``; it fills the metadata it can find
in the text itself, and ``octavo.sources`` lays the TOML beside the source over it
(``hints``: the TOML's metadata, for what a reader needs before, such as the author).
"""

from __future__ import annotations

from collections.abc import Callable

from ..corrections import PageSpans
from ..tree import Book, Metadata
from . import mia, ocr

Reader = Callable[[str, Metadata], Book]  # the text, and what the TOML says of it

READERS: dict[str, Reader] = {"mia": mia.read, "ocr": ocr.read}
PAGE_SPANS: dict[str, PageSpans] = {"ocr": ocr.pages.page_spans}  # for page-limited corrections
