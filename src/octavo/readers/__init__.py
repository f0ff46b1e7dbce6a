"""Readers: one module per kind of source, each turning text into a Book.

A reader is a function ``read(text, hints) -> Book``; it fills the metadata it can find
in the text itself, and ``octavo.sources`` lays the TOML beside the source over it
(``hints``: the TOML's metadata, for what a reader needs before, such as the author).
A reader whose source is more than one text (HTML pages: the encoding their bytes declare,
the chapter pages an index links, the images beside them) reads it from its path as well
(``FILE_READERS``), and names the files it reads (``SOURCE_FILES``, for the tree cache).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..corrections import PageSpans
from ..tree import Book, Metadata
from . import html, mia, ocr

Reader = Callable[[str, Metadata], Book]  # the text, and what the TOML says of it
FileReader = Callable[[Path, Callable[[str], str] | None], Book]  # path, corrections

READERS: dict[str, Reader] = {"mia": mia.read, "ocr": ocr.read, "html": html.read_text}
FILE_READERS: dict[str, FileReader] = {"html": html.read}
SOURCE_FILES: dict[str, Callable[[Path], list[Path]]] = {"html": html.files}
PAGE_SPANS: dict[str, PageSpans] = {"ocr": ocr.pages.page_spans}  # for page-limited corrections
