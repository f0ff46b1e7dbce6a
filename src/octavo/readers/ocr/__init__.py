"""Reader for the OCR text of a printed volume (``NAME.ocr.txt``).

The reader is a flat list of small passes, each a pure function in its own module:

1. ``pages.split_pages`` — cut the text into printed pages; strip running heads,
   folios, the watermark block, separators and scanner junk; infer missing folios.
2. ``repair.repair`` — restore the characters the OCR encoding replaced (quotes,
   apostrophes, dashes, bullets).
3. ``words.Vocabulary`` — the volume's own words, hyphened forms and word pairs, which
   with ``wordfreq``'s English frequencies settle every word decision below.
4. ``footnotes.split_footnotes`` — cut the page-foot footnotes off each page.
5. ``paragraphs.build_blocks`` — join the lines of all pages into headings,
   paragraphs, points, datelines, quotes and asterisms, with page markers.  Paragraph
   ends come from the printed line widths (``measure``): a sentence's short last line,
   or a full one before an indented line, leaning on the words that open the volume's
   paragraphs where the width is ambiguous (``openers``); ``words`` joins the lines
   (end-of-line and lost hyphens, letter-spaced emphasis, OCR gaps, ellipses).
6. ``footnotes.attach`` — put the footnotes' markers in the text as NoteRefs.
7. ``works.build_book`` — cut the draft into works by the printed contents, link the
   endnotes, read the notes and the chronicle (the structure passes).

The editor's corrections (``octavo.corrections``) are applied to the text before all this.
"""

from __future__ import annotations

from ...tree import Book
from . import footnotes, pages, paragraphs, repair, words, works
from .draft import Draft


def draft(text: str) -> tuple[Draft, list[pages.Page]]:
    """The volume's running text as blocks, and its pages (for the structure passes)."""
    page_list = repair.repair(pages.split_pages(text))
    vocab = words.Vocabulary([line for page in page_list for line in page.lines])
    bodies, notes = footnotes.split_footnotes(page_list)
    blocks = paragraphs.build_blocks(bodies, vocab)
    return footnotes.attach(Draft(blocks=blocks), notes, vocab), page_list


def read(text: str) -> Book:
    """Read the OCR text of a printed volume into a Book."""
    return works.build_book(*draft(text))
