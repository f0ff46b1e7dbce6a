"""Folios for a part of a book laid out apart: its pages numbered from where the part falls.

A part's layout does not depend on the number of its first page (every part starts on a
recto), only its folios do. WeasyPrint makes the margin boxes (running heads and folios)
after paginating the whole document, so a part can be paginated before the pages in front
of it are counted: when its first margin box is made, it reports its own page count and
learns how many pages come before it.

This is the one hook into WeasyPrint's private layout (``weasyprint.layout``), fenced: the
pin in pyproject, a loud failure if the hook did not run, and a test. WeasyPrint's public
way in, ``write_pdf(finisher=…)``, is handed the PDF once it is laid out and drawn: too late
for a folio, which is text laid out in a margin box like any other. What can be done on the
finished PDF is done there, with public tools (pdf_join, on the parts' PDFs, with pikepdf).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .weasyprint_loaded import weasyprint


@contextmanager
def numbered_after(pages_before: Callable[[int], int]) -> Iterator[None]:
    """Lay out, inside this block, a document whose folios follow ``pages_before(n)`` pages.

    ``pages_before`` is called once, with the document's page count, when pagination is
    done; it may wait until the pages in front are counted.
    """
    make_margin_boxes = weasyprint.layout.make_margin_boxes
    before: list[int] = []

    def numbered(context, page, state):
        if not before:
            before.append(pages_before(len(context.page_maker) - 1))
        quote_depth, counters, scopes, groups = state
        counters = {**counters, "page": [n + before[0] for n in counters["page"]]}
        return make_margin_boxes(context, page, (quote_depth, counters, scopes, groups))

    weasyprint.layout.make_margin_boxes = numbered
    try:
        yield
        if not before:  # else the parts after this one would wait for its count forever
            raise RuntimeError("WeasyPrint made its margin boxes without octavo's hook; "
                               "its layout internals have changed (pyproject pins them)")
    finally:
        weasyprint.layout.make_margin_boxes = make_margin_boxes
