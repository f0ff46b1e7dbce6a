"""Reader for the OCR text of a printed volume (``NAME.ocr.txt``).

The text comes normalised (``octavo.normalise``: line ends, spaces, form feeds) and
corrected (``octavo.corrections``).  The reader is two flat lists of small passes.

The draft, each a pure function in its own module:

1. ``pages.layout`` — cut the text into printed pages; learn and strip the boilerplate
   the scan repeats, the running heads and folios (``boilerplate``, by where its
   repeats stand: ``placement``; ``heads``, ``folios``; works' titles told from heads by
   the contents, and marked on their opening pages, whatever their case: ``entries``;
   heads without folios: ``bareheads``);
   infer missing and misread folios.
2. ``charmap.learn`` / ``charmap.repair`` — work out which stand-in characters the scan
   used for quotes, apostrophes and dashes, and put the real ones back;
   ``dropcaps.joined`` — a drop capital read as a line of its own put back in its word.
3. ``footnotes.split_footnotes`` — cut the page-foot footnotes off each page;
   ``faces.learn`` — the face the lines were set in, a printer's or every character
   alike, in which ``measure`` takes their widths from here on.
4. ``words.Vocabulary`` — the volume's own words, hyphened forms and word pairs, which
   with ``wordfreq``'s English frequencies settle every word decision below.
5. ``paragraphs.build_blocks`` — join the lines of all pages into headings,
   paragraphs, points, datelines, quotes, stanzas and asterisms, with page markers (what
   each line is by its look: ``lines``; which runs of lines are verse, kept line by line:
   ``verse``; where a paragraph ends: the indents or blank lines the scan kept,
   ``indents``, else widths, ``openers``, ``fit``, learnt on the other core while 4.
   runs: ``ahead``).
6. ``footnotes.attach`` — put the footnotes' markers in the text as NoteRefs.

The structure (``STRUCTURE``), each a function of the shared ``structure.Structure``:

7. ``furniture.check`` — say what was learnt, and what could not be found;
   ``rewrapped.check`` — say so where the lines were wrapped anew, narrower than printed.
8. ``contents.read`` — the printed contents as nested entries.
9. ``notes.read`` — the numbered endnotes of the notes pages.
10. ``running.name_works`` — an id for each work from its running head.
11. ``body.take`` — the running text from the first work to the back matter (from the
    page the first title opens, to the page the back matter's title opens), blank pages
    marked.
12. ``links.endnotes`` — endnote markers linked to their notes, and checked.
    ``worknotes.take`` — where there is no notes section, the notes printed after each
    work, numbered afresh, taken out of the text and linked to their markers.
13. ``links.page_refs`` — "this volume, p. N" linked, in the text, footnotes and notes.
14. ``cut.works`` — each entry's title found (``find``), the text cut there into works,
    parts and ``sections``, with their subtitles, dates and ``closing`` lines.
15. ``backmatter.add`` — the notes and the chronicle as works.
16. ``footnotes.to_works`` — each footnote to the work that cites it.
"""

from __future__ import annotations

from collections.abc import Callable

from ... import frequencies
from ...tree import Book, Metadata, Work
from . import (
    ahead,
    backmatter,
    body,
    charmap,
    contents,
    cut,
    dropcaps,
    faces,
    footnotes,
    furniture,
    indents,
    links,
    measure,
    notes,
    pages,
    paragraphs,
    rewrapped,
    running,
    titlepage,
    words,
    worknotes,
)
from .draft import Draft
from .structure import Structure

STRUCTURE: list[Callable[[Structure], None]] = [
    furniture.check,
    rewrapped.check,
    contents.read,
    notes.read,
    running.name_works,
    body.take,
    links.endnotes,
    worknotes.take,
    links.page_refs,
    cut.works,
    backmatter.add,
    footnotes.to_works,
]


def draft(text: str) -> tuple[Draft, pages.Layout]:
    """The volume's running text as blocks, and its pages with what was learnt of them."""
    layout = pages.layout(text)
    layout.charmap = charmap.learn([line for page in layout.pages for line in page.lines])
    layout.pages = dropcaps.joined(charmap.repair(layout.pages, layout.charmap))
    bodies, page_notes = footnotes.split_footnotes(layout.pages)
    bodies = indents.turned(layout.pages, bodies)
    layout.face = faces.learn(bodies)
    # what the paragraphs pass learns of the pages, learnt on the other core while the
    # vocabulary is counted and the word frequencies are loaded here
    with measure.using(layout.face), ahead.Learning(bodies) as learning:
        vocab = layout.vocab = words.Vocabulary([line for page in layout.pages
                                                 for line in page.lines])
        frequencies.load()
        learnt = learning.result()
        blocks = paragraphs.build_blocks(bodies, vocab, learnt)
        return footnotes.attach(Draft(blocks=blocks), page_notes, vocab), layout


def read(text: str, hints: Metadata | None = None) -> Book:
    """Read the OCR text of a printed volume into a Book (``hints``: what the TOML says,
    of which the author's name)."""
    return build_book(*draft(text), hints)


def build_book(the_draft: Draft, layout: pages.Layout, hints: Metadata | None = None) -> Book:
    """The volume's works cut from its draft by the structure passes."""
    told = hints.author if hints else ""
    st = Structure(the_draft, layout, *((told, "the TOML") if told else furniture.author(layout)))
    with measure.using(layout.face):
        for step in STRUCTURE:
            step(st)
    if not st.works:  # no contents to cut by: the running text as it reads
        st.works = [Work(id="text", title="", blocks=the_draft.blocks,
                         footnotes=the_draft.footnotes)]
    title, volume = titlepage.read(layout)
    return Book(Metadata(title=title, author=st.author, volume=volume), st.works, st.notes)
