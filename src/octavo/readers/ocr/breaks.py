"""An export that sets a blank line after every paragraph, as it does between pages: the
runs of lines between blank lines joined back into pages, where a page break is only the
blank line before a running head and folio (or after a folio at a page's foot), or
before a line in capitals (a work's title on its opening page, printed without a folio;
a title inside a page is left cut there, for ``cuts`` to join by the folios' count)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from . import contents, heads
from .folios import Number

if TYPE_CHECKING:
    from .heads import Candidate
    from .pages import Page

# the runs of lines a page holds, above which blank lines set more than pages apart: a
# page cut in two by a stray blank line, or by one under its running head, makes two; a
# paragraph's blank line makes one more for each paragraph that ends on the page
RUNS_PER_PAGE = 2


def paragraphs_apart(options: list[list[Candidate]]) -> dict[int, Candidate]:
    """The runs of lines (by their head candidates, ``options``) that open or close a
    page by their folio, if the text sets blank lines between paragraphs (its pages hold
    more than ``RUNS_PER_PAGE`` runs each); else none.  The folios are those that rise,
    of each kind, over the most runs (``_rising``): how many runs lie between two pages
    says nothing here."""
    numbered = [(k, n, c) for k, found in enumerate(options) for c in found
                if (n := Number.of(c.folio))]
    rising = [_rising([x for x in numbered if x[1].kind == kind])
              for kind in ("roman", "arabic")]
    spans = [(run[-1][0] - run[0][0], run[-1][1].value - run[0][1].value) for run in rising
             if run]  # the runs of lines and the pages from a kind's first folio to its last
    if sum(pages for _, pages in spans) * RUNS_PER_PAGE >= sum(runs for runs, _ in spans):
        return {}
    return {k: c for run in rising for k, _, c in run}


def _rising(numbered: list[tuple[int, Number, Candidate]]) -> list[tuple[int, Number, Candidate]]:
    """The longest run of ``numbered`` (run of lines, folio, candidate; in order) whose
    folios rise from one run of lines to a later one (a run's own candidates tried
    highest first, so that no two of one run are taken)."""
    ordered = sorted(numbered, key=lambda x: (x[0], -x[1].value))
    tails: list[int] = []  # the least last folio of a rising run of each length …
    ends: list[int] = []  # … and the index in ``ordered`` where that run ends
    before = [-1] * len(ordered)
    for i, (_, n, _) in enumerate(ordered):
        at = bisect.bisect_left(tails, n.value)
        before[i] = ends[at - 1] if at else -1
        tails[at:at + 1], ends[at:at + 1] = [n.value], [i]
    out, i = [], ends[-1] if ends else -1
    while i >= 0:
        out.append(ordered[i])
        i = before[i]
    return out[::-1]


def joined(pages: list[Page], folioed: dict[int, Candidate]) -> list[Page]:
    """The pages with each run of lines joined to the run before, but those that open
    with their folio (``folioed``: each run's candidate whose folio is in the run), follow
    a run that ends with its folio, or open with a line in capitals or the contents'
    heading."""
    from .pages import Page  # (the module that calls this one)

    out: list[Page] = []
    for k, page in enumerate(pages):
        top = k in folioed and not folioed[k].bottom
        foot = k - 1 in folioed and folioed[k - 1].bottom > 0
        if not out or top or foot or heads.is_capitals(page.lines[0]) or \
                contents.is_heading(page.lines[0]):
            out.append(Page(len(out), lines=list(page.lines), span=page.span))
        else:
            out[-1].lines += page.lines
            out[-1].span = (out[-1].span[0], page.span[1])
    return out
