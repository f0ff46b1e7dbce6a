"""Readers: one module per kind of source, each turning text into a Book.

A reader is a function ``read(text, hints) -> Book``; it fills the metadata it can find
in the text itself, and ``octavo.sources`` lays the TOML beside the source over it
(``hints``: the TOML's metadata, for what a reader needs before, such as the author).
Each is imported when first called: a command whose tree is cached never loads a reader
(nor what it needs, such as wordfreq's tables).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..corrections import PageSpans
from ..tree import Book, Metadata

Reader = Callable[[str, Metadata], Book]  # the text, and what the TOML says of it


def _on_call(module: str, name: str) -> Callable:
    """``module.name``, imported when first called."""

    def call(*args: object) -> object:
        return getattr(importlib.import_module(module, __name__), name)(*args)

    call.__doc__ = f"{module.lstrip('.')}.{name}, imported when first called."
    return call


READERS: dict[str, Reader] = {"mia": _on_call(".mia", "read"), "ocr": _on_call(".ocr", "read")}
PAGE_SPANS: dict[str, PageSpans] = {  # for page-limited corrections
    "ocr": _on_call(".ocr.pages", "page_spans")}
