"""Which of a text's blank lines are no page breaks: of its lines of white space and its
empty lines, those standing beside fewer folios; shorter runs of empty lines where longer
ones part the pages; and the gaps the folios count inside a page (``inside.page_gaps``)."""

from __future__ import annotations

import itertools
import statistics

from ..lettering import FINISHED, FOOTNOTE_SIGNS
from ..pagemarks import MARKERS, PAGE
from . import neighbours
from .inside import page_gaps


def no_breaks(lines: list[str]) -> set[int]:
    """The blank lines (by index) that are no page breaks: the empty lines, where more of
    the lines of white space stand beside a folio than of the empty lines (the folios
    stand one a page, beside its breaks), and a larger share of them, or ``MARKERS`` of
    them or more (a volume's pages: a few empty lines inside them, one under a line
    ending in a number, may stand beside one more often); else the lines of white space
    alone between two lines of text, where the empty lines stand more often so, or where
    they are fewer than the empty lines after a line of text.  The text's last line end
    is no empty line."""
    spaces = {k for k in range(1, len(lines) - 1) if lines[k].isspace()
              and lines[k - 1].strip() and lines[k + 1].strip()}
    empty = {k for k in range(1, len(lines) - 1) if not lines[k] and lines[k - 1].strip()}
    spaced, emptied = neighbours.beside(lines, spaces), neighbours.beside(lines, empty)
    if spaced * len(spaces) > emptied * len(empty) and (spaced > emptied
                                                         or len(spaces) >= MARKERS):
        return {k for k, line in enumerate(lines) if not line
                and not any(lines[j] and not lines[j].strip() for j in (k - 1, k + 1)
                            if 0 <= j < len(lines))}
    gone = spaces if emptied > spaced or len(spaces) < len(empty) else set()
    gone |= _shorter_runs(lines)
    return gone | page_gaps(lines, gone)


def _shorter_runs(lines: list[str]) -> set[int]:
    """The empty lines (by index) of runs shorter than those that part the pages, where a
    text parts its pages with two empty lines or more and sets fewer inside them: of the
    run lengths whose runs (as long or longer) stand a page apart (``PAGE`` lines, the
    median two) and beside a folio more often than the shorter runs, which mostly stand
    beside none, the one whose runs stand so most often (the least of a tie)."""
    runs = [run for run in neighbours.runs(k for k, line in enumerate(lines) if not line)
            if run[0] and lines[run[0] - 1].strip()]
    best, gone = 0.0, set()
    for least in range(2, max(map(len, runs), default=0) + 1):
        longer = [run for run in runs if len(run) >= least]
        if len(longer) < MARKERS:
            break  # (longer runs are fewer still)
        shorter = [run for run in runs if len(run) < least]
        beside = neighbours.runs_beside(lines, longer)
        if (beside > best
                and statistics.median(b[0] - a[0] for a, b in itertools.pairwise(longer)) <= PAGE
                and beside > neighbours.runs_beside(lines, shorter) <= 0.5):
            best, gone = beside, {k for run in shorter for k in run}
    return gone


def opened(lines: list[str], gone: set[int]) -> set[int]:
    """The lines (by index) under an empty line that is no page break (``gone``) and that
    set a paragraph apart, given an indent for it (as ``feeds.opened`` gives one where the
    form feeds part the pages): all the unindented lines of text under such gaps, where
    the gaps are a volume's paragraphs' (``MARKERS`` of them or more) and most follow a
    sentence's end (a paragraph's last line; a gap under a title follows none); else none.
    A gap over a footnote (its sign opening the line under it) sets no paragraph apart."""
    gaps = [k for k in sorted(gone) if not lines[k] and 0 < k < len(lines) - 1
            and lines[k - 1].strip() and lines[k + 1].strip()
            and lines[k + 1].lstrip()[:1] not in FOOTNOTE_SIGNS]
    if len(gaps) < MARKERS or not sets_apart([lines[k - 1] for k in gaps]):
        return set()
    return {k + 1 for k in gaps if not lines[k + 1].startswith(" ")}


def sets_apart(over: list[str]) -> bool:
    """Whether gaps inside the pages set paragraphs apart: most of the lines over them
    (``over``) end a sentence, as a paragraph's last line does (a gap under a title, or
    over the footnotes under a line running on, follows none; a printed line seldom ends a
    sentence)."""
    return 2 * sum(bool(FINISHED.search(line)) for line in over) > len(over)
