"""A text paged with form feeds: where they fall at the page rate, they are its page
breaks, and a blank line inside a page that sets a paragraph apart is given back as an
indent (``opened``)."""

from __future__ import annotations

import itertools
import re
import statistics

from ..pagemarks import MARKERS, PAGE
from . import neighbours
from .gaps import sets_apart

# the indent a paragraph's first line is given where a blank line over it inside its page
# opened it (``opened``): a layout-keeping extraction's indent, which the OCR reader
# learns as the volume's mark of an opening (``indents``); any indent of a space or more
# reads alike.  A longer gap gives a space more for each blank line past the first, so that
# the blank line closing a page's last paragraph over the gap the volume sets above its
# footnotes still shows (``indents.turned``)
OPENING = "    "
FEED = re.compile(r" *\n? *\f *\n?")  # a form feed, the line ends and spaces around it


def paged(text: str) -> list[str] | None:
    """The lines of ``text`` with each form feed one empty line (under as many more as
    blank lines stood over it: a paragraph's gap at a page's end) and its other blank
    lines gone, where its form feeds part its pages: ``PAGE`` lines apart (the median two),
    and ``MARKERS`` of them or more, or, in a short text (a pamphlet's few pages), fewer
    that leave no stretch of it longer than ``PAGE`` lines (a feed before each chapter
    leaves longer ones), some beside a folio and no other run of blank lines beside one
    (``_beside_folios``: a page break there; a feed before each work of a page or two
    leaves the breaks inside the works to blank lines), or with folios that count a page
    from feed to feed (``_count_pages``); else None."""
    lines = FEED.sub("\n\f\n", text).split("\n")
    feeds = [k for k, line in enumerate(lines) if line == "\f"]
    if len(feeds) < 2 or statistics.median(b - a for a, b in itertools.pairwise(feeds)) > PAGE:
        return None
    if len(feeds) < MARKERS and (
            max(b - a for a, b in itertools.pairwise([-1, *feeds, len(lines)])) > PAGE
            or not (_beside_folios(lines, *(split := _fed_runs(lines)))
                    or _count_pages(lines, *split))):
        return None
    runs = [list(run) for _, run in itertools.groupby(lines, lambda line: not line.strip())]
    indented = opened(runs)
    return [line for k, run in enumerate(runs) for line in (
        [""] * (1 + run.index("\f")) if "\f" in run else [] if not run[0].strip()
        else [OPENING + " " * (len(runs[k - 1]) - 1) + run[0].lstrip(" "), *run[1:]]
        if k in indented else run)]


def opened(runs: list[list[str]]) -> set[int]:
    """The runs of lines of text (by index in ``runs``: a text paged with form feeds, its
    runs of lines of text and of blank lines) that a blank line inside a page sets apart
    as a paragraph: all under such a gap, where most of the gaps follow a sentence's end
    (a paragraph's last line; the gaps above the footnotes or under a title follow none,
    and a printed line seldom ends a sentence), as ``inside.page_gaps`` keeps such gaps for the
    reader; else none."""
    gaps = [k for k in range(1, len(runs) - 1) if not runs[k][0].strip()
            and "\f" not in runs[k] and runs[k - 1][0].strip()]
    if not sets_apart([runs[k - 1][-1] for k in gaps]):
        return set()
    return {k + 1 for k in gaps}


def _count_pages(lines: list[str], fed: list[list[int]], other: list[list[int]]) -> bool:
    """Whether the pages the runs of blank lines holding a form feed follow (``page_after``:
    a foot folio's, a head's number less one) rise by one from feed to feed, each two
    feeds in a row that both tell one, two such pairs or more, and no other run of blank
    lines stands under a page's foot folio: no page break stands between two such feeds,
    whatever numbers stand beside the other runs (a section's numeral, a newspaper's issue
    under a paragraph's gap: fresh 1277, a work a page; a foot folio over a blank line is
    a break the feeds miss, where a feed opens each work of two pages; ``fed``, ``other``:
    ``_fed_runs``)."""
    if any(neighbours.foot_folio(lines, run[0] - 1) is not None for run in other):
        return False
    past = neighbours.stamps(lines, fed).past
    pages = [neighbours.page_after(lines, run, past[r], past[r + len(fed)])
             for r, run in enumerate(fed)]
    pairs = [(a, b) for a, b in itertools.pairwise(pages) if a and b]
    return len(pairs) >= 2 and all(any(q - p == 1 for p in a for q in b) for a, b in pairs)


def _beside_folios(lines: list[str], fed: list[list[int]], other: list[list[int]]) -> bool:
    """Whether the runs of blank lines holding a form feed (``fed``) stand beside a folio
    (past a stamp's lines), some of them, and the text's ``other`` runs of blank lines none."""
    return neighbours.runs_beside(lines, fed) > 0 and not neighbours.runs_beside(lines, other)


def _fed_runs(lines: list[str]) -> tuple[list[list[int]], list[list[int]]]:
    """The runs of blank lines holding a form feed, and the text's other runs of blank
    lines inside it (a run at either edge parts no pages)."""
    fed: list[list[int]] = []
    other: list[list[int]] = []
    for run in neighbours.runs(k for k, line in enumerate(lines) if not line.strip()):
        if any(lines[k] == "\f" for k in run):
            fed.append(run)
        elif run[0] and run[-1] + 1 < len(lines):
            other.append(run)
    return fed, other
