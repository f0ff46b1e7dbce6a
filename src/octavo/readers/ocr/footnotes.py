"""Page-foot footnotes: cut them off the pages, then link their markers in the text.

A footnote starts on a line opening with its marker (``*``, ``**``, ``†``) near the page
foot, after the page's text has used that marker, and runs to the next footnote or
the page's end.  Its marker in the text becomes a NoteRef to it; both stand on the
same printed page, so the matching is local.

A footnote too long for its page runs on at the next page's foot, above that page's own
footnotes, with no marker: where a page's last footnote stops short of a sentence's end,
the next page's text closes with lines wider than its measure (a footnote's smaller type
holds more to the line) and, after them, one more line (the footnote's last, of any width,
ending its sentence): those lines are the footnote's.
"""

from __future__ import annotations

import itertools
import re
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...contextual import set_to
from ...findings import report
from ...lettering import FINISHED, FOOTNOTE_SIGNS
from ...tree import (
    Block,
    Footnote,
    NoteRef,
    PageMarker,
    Paragraph,
    Text,
    Work,
    child_lists,
    iter_nodes,
)
from . import measure, words
from .draft import Draft

if TYPE_CHECKING:
    from .pages import Page
    from .structure import Structure

MARKS = FOOTNOTE_SIGNS  # a footnote's signs: a star, a dagger and the like
SIGNS = "\u00a7\u00b6"  # § ¶: marks that are also signs of their own, a section's, a paragraph's
_CITED: ContextVar[str] = ContextVar("cited", default=MARKS)  # those of the volume read
START = re.compile(rf"^(\*+|[{words.DAGGERS}]{{1,2}})\s*(?=\S)(?![{MARKS}])")


def cites(mark: str) -> re.Pattern[str]:
    """A word that bears the footnote mark ``mark`` (``large*``, ``said.)*``): the mark
    after a sign that is neither a space nor a mark, no mark after it."""
    return re.compile(rf"[^\s{MARKS}]{re.escape(mark)}(?![{MARKS}])")


def cited(line: str, above: list[str]) -> bool:
    """Whether ``line`` opens with a footnote's mark (``START``) that a word of the lines
    ``above`` it bears (``cites``): a footnote the text over it cites."""
    mark = START.match(line)
    return mark is not None and any(map(cites(mark[1]).search, above))


def opens_footnote(line: str) -> bool:
    """Whether a line opens with a footnote's mark (``* See the preceding article``) that
    the volume read marks its footnotes with (``citing``): a footnote's first line, under a
    page's text (where a footnote is given again, it recurs at the foot of pages, and is no
    furniture for that: ``boilerplate``)."""
    return (m := START.match(line)) is not None and m[1][0] in _CITED.get()


def citing(text: str) -> AbstractContextManager[None]:
    """Inside the block, the marks of a footnote are those of ``text``: a section's or a
    paragraph's sign (``SIGNS``) only where it prints one after a word (``words.NOTE_MARK``),
    else the sign opens heads, not footnotes (``§ 3. The State``).  (A star or a dagger is
    a footnote's wherever it stands: a scan may lose the marks in the text.)"""
    cited = {m[1][0] for m in words.NOTE_MARK.finditer(text)}
    return set_to(_CITED, "".join(m for m in MARKS if m not in SIGNS or m in cited))


EDITORIAL = re.compile(r"\u2014\s*Ed\.\s*$")
# how much wider than the text's measure a line must be to be a footnote's smaller type:
# the sample scan's footnote lines hold about 1.18 times its text lines' characters, and
# justified text lines stray from their measure by a few hundredths of it
WIDER = 1.08


@dataclass
class PageNote:
    """A footnote's raw lines as cut from its page."""

    folio: str
    marker: str
    lines: list[str]


def cut(lines: list[str], folio: str = "") -> tuple[list[str], list[PageNote]]:
    """A page's body lines and its footnotes (of the page ``folio``)."""
    for i, line in enumerate(lines):
        if i == 0 or not cited(line, lines[:i]):
            continue
        notes: list[PageNote] = []
        for rest in lines[i:]:
            if (n := START.match(rest)) and (not notes or n[1] != notes[-1].marker
                                             or not notes[-1].lines):
                notes.append(PageNote(folio, n[1], [rest[n.end():].strip()]))
            else:
                notes[-1].lines.append(rest)
        return lines[:i], notes
    return lines, []


def split_footnotes(pages: list[Page]) -> tuple[list[Page], list[PageNote]]:
    """Pages with only their body lines, and every page's footnotes in order (a footnote
    run on from the page before given the lines it runs on with)."""
    bodies, notes = [], []
    wide = measure.of_pages(pages) * WIDER
    last: PageNote | None = None  # the footnote closing the page before, if unfinished
    for page in pages:
        body, found = cut(page.lines, page.folio)
        if last is not None and (run := carried(body, wide)):
            body = body[:-run]
            last.lines += page.lines[len(body):len(body) + run]
        bodies.append(replace(page, lines=body))
        notes.extend(found)
        last = found[-1] if found and not FINISHED.search(found[-1].lines[-1]) else None
    return bodies, notes


def carried(body: list[str], wide: float) -> int:
    """How many of a page's last body lines are a footnote run on from the page before:
    lines wider than ``wide``, then the page's last line, which ends the footnote's
    sentence (the text's lines run on to the next page: a line under the page before's
    last footnote, a stamp, may have left it unfinished)."""
    if not body or not FINISHED.search(body[-1]):
        return 0
    run = 1
    while run < len(body) and measure.width(body[-run - 1]) > wide:
        run += 1
    return 0 if run == 1 and measure.width(body[-1]) <= wide else run


def _footnote(note: PageNote, number: int, vocab: words.Vocabulary) -> Footnote:
    text = ""
    for line in note.lines:
        text = words.join_lines(vocab, text, line)
    block = Paragraph(words.inlines(vocab.mend(text), vocab))
    return Footnote(f"fn-{note.folio or 'x'}-{number}", note.marker, [block],
                    editorial=bool(EDITORIAL.search(text)))


def attach(draft: Draft, notes: list[PageNote], vocab: words.Vocabulary) -> Draft:
    """The draft with its footnotes, each marker in the text turned into a NoteRef to one."""
    by_page: dict[str, list[Footnote]] = {}
    for k, note in enumerate(notes, 1):
        footnote = _footnote(note, k, vocab)
        draft.footnotes.append(footnote)
        by_page.setdefault(note.folio, []).append(footnote)
    page = ""
    for node, after in itertools.pairwise([*iter_nodes(*draft.blocks), None]):
        if isinstance(node, PageMarker):
            page = node.page
        elif isinstance(node, NoteRef) and node.kind == "footnote" and not node.target:
            # a marker just before a page's turning is the last page's, or the next's
            # where its word ran over the turning (``world-`` / ``wide*``: the page's
            # marker stands after the word, the note at the foot of the page it ends on)
            turning = [after.page] if isinstance(after, PageMarker) else []
            for folio in [page, *turning]:
                match = next((f for f in by_page.get(folio, []) if f.marker == node.label),
                             None)
                if match:
                    node.target = match.id
                    by_page[folio].remove(match)
                    break
    _unlink_strays(draft.blocks)
    return draft


def _unlink_strays(blocks: list[Block]) -> None:
    """Turn markers that found no footnote back into the text they were."""
    for node in iter_nodes(*blocks):
        for items in child_lists(node):
            for i, item in enumerate(items):
                if isinstance(item, NoteRef) and item.kind == "footnote" and not item.target:
                    items[i] = Text(item.label)


def to_works(st: Structure) -> None:
    """The structure pass: give each footnote to the work whose text cites it."""
    footnotes = st.footnotes
    attached: set[str] = set()
    for top in st.works:
        for work in top.walk():
            for node in iter_nodes(work, skip=(Work, Footnote)):  # its own, not its parts'
                if isinstance(node, NoteRef) and node.kind == "footnote" \
                        and node.target in footnotes and node.target not in attached:
                    work.footnotes.append(footnotes[node.target])
                    attached.add(node.target)
    for fid, footnote in footnotes.items():
        if fid not in attached:
            report("o-001", f"footnote {footnote.marker} ({fid}) has no reference in any work",
                   page=fid.split("-")[1].strip("x"))
