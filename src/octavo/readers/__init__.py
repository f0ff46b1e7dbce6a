"""Readers: one module per kind of source, each turning text into a Book.

A reader is a function ``read(text, hints) -> Book``; it fills the metadata it can find
in the text itself, and ``octavo.sources`` lays the TOML beside the source over it
(``hints``: the TOML's metadata, for what a reader needs before, such as the author).
A reader whose source is more than one text (HTML pages: the encoding their bytes declare,
the chapter pages an index links, the images beside them) reads it from its path as well
(``FILE_READERS``), and names the files it reads (``SOURCE_FILES``, for the tree cache).
Each is imported when first called: a command whose tree is cached never loads a reader
(nor what it needs, such as wordfreq's tables or lxml).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..corrections import PageSpans
from ..tree import Book, Metadata

Reader = Callable[[str, Metadata], Book]  # the text, and what the TOML says of it
FileReader = Callable[[Path, Callable[[str], str] | None], Book]  # path, corrections


def _on_call(module: str, name: str) -> Callable:
    """``module.name``, imported when first called."""

    def call(*args: object) -> object:
        return getattr(importlib.import_module(module, __name__), name)(*args)

    call.__doc__ = f"{module.lstrip('.')}.{name}, imported when first called."
    return call


READERS: dict[str, Reader] = {"mia": _on_call(".mia", "read"), "ocr": _on_call(".ocr", "read"),
                              "html": _on_call(".html", "read_text")}
FILE_READERS: dict[str, FileReader] = {"html": _on_call(".html", "read")}
SOURCE_FILES: dict[str, Callable[[Path], list[Path]]] = {"html": _on_call(".html", "files")}
PAGE_SPANS: dict[str, PageSpans] = {  # for page-limited corrections
    "ocr": _on_call(".ocr.pages", "page_spans")}
