"""The print document's XHTML, from the templates: of a whole book or of one part of it.

Nothing here loads WeasyPrint (pdf_layout does), so a command can plan a long book's parts
while the processes that lay them out load it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..render import linker, notes_by_id, notes_placed, render, toc_entries
from ..tree import Book
from .endnotes import note_groups, ref_id
from .pdf_settings import PrintSettings

# The creation date written into every PDF, so that the same input gives the same bytes;
# SOURCE_DATE_EPOCH (the reproducible-builds convention) overrides it.
FIXED_DATE = 946684800  # 2000-01-01T00:00:00Z


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
