"""Reader for the OCR text of a printed volume (``NAME.ocr.txt``).

The reader is a flat list of small passes, each a pure function in its own module:

1. ``pages.split_pages`` — cut the text into printed pages; strip running heads,
   folios, the watermark block, separators and scanner junk; infer missing folios.
2. ``repair.repair`` — restore the characters the OCR encoding replaced (quotes,
   apostrophes, dashes, bullets).
3. ``footnotes.split_footnotes`` — cut the page-foot footnotes off each page.
4. ``paragraphs.build_blocks`` — join the lines of all pages into headings,
   paragraphs, points, datelines, quotes and asterisms, with page markers; ``words``
   decides end-of-line hyphens, lost hyphens and letter-spaced emphasis.
5. ``footnotes.attach`` — replace the footnote markers in the text by NoteRefs.
6. ``structure`` — cut the draft into works (the structure passes, when present).
"""

from __future__ import annotations

from ...tree import Book, Metadata, Work
from . import footnotes, pages, paragraphs, repair, words
from .draft import Draft


def draft(text: str) -> tuple[Draft, list[pages.Page]]:
    """The volume's running text as blocks, and its pages (for the structure passes)."""
    page_list = repair.repair(pages.split_pages(text))
    vocab = words.Vocabulary([line for page in page_list for line in page.lines])
    bodies, notes = footnotes.split_footnotes(page_list)
    blocks = paragraphs.build_blocks(bodies, vocab)
    return footnotes.attach(Draft(blocks=blocks), notes, vocab), page_list


def structure(result: Draft, page_list: list[pages.Page]) -> Book:
    """Cut the draft into works; one work holding everything until the structure passes exist."""
    try:
        from .works import build_book  # the structure helper's passes
    except ImportError:
        return Book(Metadata(), [Work("volume", "", blocks=result.blocks,
                                      footnotes=result.footnotes)])
    return build_book(result, page_list)


def read(text: str) -> Book:
    """Read the OCR text of a printed volume into a Book."""
    return structure(*draft(text))
