"""Reader for web-archive HTML pages as the Marxists Internet Archive serves them, saved.

A single page is one work; a folder with an index page (``index.htm``), or the index page
itself, is a book whose works are the pages its contents link (``book.py``). Each page is
read by small passes over lxml's tree of it, in this order:

1. ``load``: bytes decoded as the page declares (BOM, ``<meta charset>``, ``http-equiv``),
   else detected; parsed, malformed markup warned of;
2. ``clean``: scripts, styles, objects, forms and navigation dropped;
3. ``titles``: the title block (author, title, subtitles, date) and the information block
   (``Source:``, ``Translated:`` …, read as ``readers.info`` reads the text form's lines);
4. ``notes``: markers tied to the notes at the page's end (or in the text);
5. ``images``: images saved in the folder kept, others left out with a warning;
6. ``links``: links between the book's pages and to places in them;
7. ``blocks`` and ``inlines``: the rest as paragraphs, quotations, lists, tables, sections,
   emphasis and line breaks; ``page`` puts one page's work together.
"""

from __future__ import annotations

from ...tree import Book, Metadata
from . import load
from .book import files, index_of, read, single

__all__ = ["files", "index_of", "read", "read_text"]


def read_text(text: str, hints: Metadata | None = None) -> Book:
    """A single page read from its text (no folder: its images can't be found; the TOML's
    ``hints`` aren't needed)."""
    return single(load.parse(text))
