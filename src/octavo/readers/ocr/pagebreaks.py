"""Which blank lines of a text break its pages: those that fall at the page rate.

A scan's text parts its pages with blank lines, but many an OCR writes a block gap as a
blank line too: the space above the footnotes, under a title and its date, between
paragraphs, before a work that runs on partway down a page.  Such a line is no page
break.  The pages are found as in a text with no blank line at all (``breaks.unbroken``:
at their running heads and folios, and at the titles of the pages the folios leave
numbers for), and where nearly all of them open after a blank line (``AGREE``: the two
readings agree on the pages), a blank line between two of those page openings that
stand no more than a page apart is inside that page.  Where two openings stand further
apart (a page whose opening was not found), the blank lines between them are left as
page breaks; where the openings and the blank lines disagree, all are.
"""

from __future__ import annotations

import bisect
import itertools
import statistics

from ...pagemarks import EDGE, MARKERS, PAGE
from . import breaks, heads

# the least share of the pages found by their heads and folios that open after a blank
# line, for those pages to be the text's (fresh volumes 1-100: 43 agree wholly, 14 more
# from 0.9 up, one page in ten or more opened at a section's title; below, the heads
# and folios were not all found: a title-case head over a folio at the foot)
AGREE = 0.9


def inside(lines: list[str]) -> set[int]:
    """The blank lines of ``lines`` (by index) that stand inside a printed page: between
    two page openings no further apart than the longest page (``breaks.LONGEST`` times the
    median page's lines, ``PAGE`` at most), not the last blank lines before the later one
    (its break), nor those over a line in capitals, a stamp passed over or not (a title:
    its page's opening may be the one not found, the contents' end before it), nor those
    beside a line with a number at its edge (a folio, of a page whose opening was not
    found), a stamp passed over; none where the openings count fewer pages than a text's
    (``MARKERS``), or fewer than ``AGREE`` of them after the first follow a blank line."""
    kept = [i for i, line in enumerate(lines) if line.strip()]
    _, gone, opening = breaks.unbroken([lines[i] for i in kept])
    pairs = list(itertools.pairwise(sorted(opening)))
    if len(pairs) < MARKERS or sum(not lines[kept[b] - 1].strip() for _, b in pairs) \
            < AGREE * len(pairs):
        return set()
    longest = min(breaks.LONGEST * statistics.median(b - a for a, b in pairs), PAGE)
    text = {kept[p] for p in range(len(kept)) if p not in gone}  # (no stamp)
    over: dict[int, int] = {}  # the line of text over each line …
    under: dict[int, int] = {}  # … and under it
    for i in range(len(lines)):
        over[i] = i if i in text else over.get(i - 1, i)
    for i in reversed(range(len(lines))):
        under[i] = i if i in text else under.get(i + 1, i)
    return {i for a, b in pairs if b - a <= longest
            for i in range(kept[a] + 1, kept[b - 1] + 1) if not lines[i].strip()
            and not any(heads.is_capitals(lines[j])
                        for j in (under[i], kept[bisect.bisect(kept, i)]))
            and not any(EDGE.search(lines[j].strip()) for j in (over[i], under[i]))
            and not lines[under[i]][:1].islower()}  # (text running on over a page's turn)
