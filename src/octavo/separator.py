"""Which blank lines part a text's pages: its form feeds, its lines of white space, or its
empty lines, whichever falls at the page rate; the others are gaps inside a page.

A page break is a page break whether the text writes it as an empty line, a form feed or
a line of white space, but many an OCR writes the gaps inside a page too (above the
footnotes, under a title, between paragraphs) as empty lines, or reads a speck inside a
block of lines as a line of spaces.  Where a text pages with form feeds at the page rate
(``PAGE`` lines apart, the median two), they are its page breaks, and its other blank
lines none: where most of those follow a sentence's end they set its paragraphs apart,
and each gives the line under it an indent instead (``_opened``).  Else, of its lines of
white space and its empty lines, the page breaks are those more of which stand beside
a folio (a number at a line's edge, on the line over or under them: the foot of one
page, the head of the next); the others go.  Where
neither stands so more often, the lines of white space between two lines of text are
kept only where they are at least as many as the empty lines (a text paged with them).
A text may also part its pages with runs of two empty lines or more and set shorter runs
inside them: then the runs as long as those standing a page apart and beside a folio
more often than the shorter runs (which mostly stand beside none) are its page breaks,
and the shorter runs go.  Where the runs left still hold gaps as long as the breaks
(single empty lines both), the folios beside the runs count the pages between them, and
the runs they leave over are gaps inside a page and go.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable

from .pagemarks import ARABIC_EDGE, EDGE, MARKERS, PAGE
from .readers.textlines import is_capitals

_ALONE = re.compile(r"^\W*(\d{1,3})\W*$")  # an arabic folio alone on its line
_END = re.compile(r"[.!?][\"”’»)]*\s*$")  # a sentence's end at a line's end
# the most runs between two folios whose choices (two to the power of their number) are
# weighed: a time bound, not a reading's (a few pages between folios hold far fewer)
CHOICES = 12
# the indent a paragraph's first line is given where a blank line over it inside its page
# opened it (``_opened``): a layout-keeping extraction's indent, which the OCR reader
# learns as the volume's mark of an opening (``indents``); any indent of a space or more
# reads alike
OPENING = "    "
_FEED = re.compile(r" *\n? *\f *\n?")  # a form feed, the line ends and spaces around it


def parted(text: str) -> list[str]:
    """The lines of ``text`` (``\\n`` line ends, plain spaces) with its page breaks each
    a blank line, and the blank lines that are no page breaks gone (where the form feeds
    are the breaks, a run of blank lines holding one is one empty line; else a form feed
    is a blank line)."""
    if "\f" in text:
        lines = _FEED.sub("\n\f\n", text).split("\n")
        feeds = [k for k, line in enumerate(lines) if line == "\f"]
        if len(feeds) >= MARKERS and statistics.median(
                b - a for a, b in itertools.pairwise(feeds)) <= PAGE:
            runs = [list(run) for _, run in itertools.groupby(lines, lambda line: not line.strip())]
            opened = _opened(runs)
            return [line for k, run in enumerate(runs) for line in (
                [""] if "\f" in run else [] if not run[0].strip()
                else [OPENING + run[0].lstrip(" "), *run[1:]] if k in opened else run)]
        text = _FEED.sub("\n\n", text)  # (a form feed now and then: a blank line)
    lines = text.split("\n")
    gone = _gaps(lines)
    return [line for k, line in enumerate(lines) if k not in gone]


def _opened(runs: list[list[str]]) -> set[int]:
    """The runs of lines of text (by index in ``runs``: a text paged with form feeds, its
    runs of lines of text and of blank lines) that a blank line inside a page sets apart
    as a paragraph: all under such a gap, where most of the gaps follow a sentence's end
    (a paragraph's last line; the gaps above the footnotes or under a title follow none,
    and a printed line seldom ends a sentence), as ``_inside`` keeps such gaps for the
    reader; else none."""
    gaps = [k for k in range(1, len(runs) - 1) if not runs[k][0].strip()
            and "\f" not in runs[k] and runs[k - 1][0].strip()]
    if 2 * sum(bool(_END.search(runs[k - 1][-1])) for k in gaps) <= len(gaps):
        return set()
    return {k + 1 for k in gaps}


def _gaps(lines: list[str]) -> set[int]:
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
    spaced, emptied = _beside(lines, spaces), _beside(lines, empty)
    if spaced * len(spaces) > emptied * len(empty) and (spaced > emptied
                                                         or len(spaces) >= MARKERS):
        return {k for k, line in enumerate(lines) if not line
                and not any(lines[j] and not lines[j].strip() for j in (k - 1, k + 1)
                            if 0 <= j < len(lines))}
    gone = spaces if emptied > spaced or len(spaces) < len(empty) else set()
    gone |= _shorter_runs(lines)
    return gone | _inside(lines, gone)


def _shorter_runs(lines: list[str]) -> set[int]:
    """The empty lines (by index) of runs shorter than those that part the pages, where a
    text parts its pages with two empty lines or more and sets fewer inside them: of the
    run lengths whose runs (as long or longer) stand a page apart (``PAGE`` lines, the
    median two) and beside a folio more often than the shorter runs, which mostly stand
    beside none, the one whose runs stand so most often (the least of a tie)."""
    runs = [run for run in _runs(k for k, line in enumerate(lines) if not line)
            if run[0] and lines[run[0] - 1].strip()]
    best, gone = 0.0, set()
    for least in range(2, max(map(len, runs), default=0) + 1):
        longer = [run for run in runs if len(run) >= least]
        shorter = [run for run in runs if len(run) < least]
        beside = _runs_beside(lines, longer)
        if (len(longer) >= MARKERS and beside > best
                and statistics.median(b[0] - a[0] for a, b in itertools.pairwise(longer)) <= PAGE
                and beside > _runs_beside(lines, shorter) <= 0.5):
            best, gone = beside, {k for run in shorter for k in run}
    return gone


def _runs(blanks: Iterable[int]) -> list[list[int]]:
    """The runs of consecutive indices among ``blanks`` (rising): the blank lines' runs."""
    runs: list[list[int]] = []
    for k in blanks:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _beside(lines: list[str], blanks: set[int]) -> float:
    """The share of ``blanks`` (by index) with a folio-like line over or under them."""
    return _runs_beside(lines, [[k] for k in blanks])


def _runs_beside(lines: list[str], runs: list[list[int]]) -> float:
    """The share of ``runs`` of blank lines with a folio-like line over or under them, or
    past a stamp's lines (``_past``)."""
    sides = [(run[0] - 1, -1) for run in runs] + [(run[-1] + 1, 1) for run in runs]
    past, n = _past(lines, runs), len(runs)
    return sum(any(bool(EDGE.search(line[-1])) for k in (r, r + n) for d in {0, past[k]}
                   if (line := _outward(lines, *sides[k], d + 1)))
               for r in range(n)) / max(1, n)


def _past(lines: list[str], runs: list[list[int]]) -> list[int]:
    """How many lines over each of ``runs`` of blank lines (the first ``len(runs)``), then
    under each, stand word for word, in the same order, beside two of them or more: a
    stamp the scan sets over or under its pages' furniture, which the folio may stand past
    (folios rise from page to page, so no such line is one).  A run with such lines on
    both sides, the same under it wherever those over it stand over a run, is a gap
    inside the stamp, and looks past neither (a stamp at a page's foot stands over the
    next page's heads, which differ from page to page).  A line is counted once
    where it stands, though two runs stand beside it (a footnote set apart between two
    blank lines, which the page break under it parts from a stamp)."""
    sides = [(run[0] - 1, -1) for run in runs] + [(run[-1] + 1, 1) for run in runs]
    past = [0] * len(sides)  # how many repeated lines each side's folio may stand past
    going = list(range(len(sides)))
    while going:  # (one line further out at a time, while the lines so far repeat)
        seen = {k: _outward(lines, *sides[k], past[k] + 1) for k in going}
        where = {k: min(sides[k][0], sides[k][0] + sides[k][1] * past[k]) for k in going}
        counts = Counter(text for text, _ in {(seen[k], where[k]) for k in going})
        going = [k for k in going if seen[k] and counts[seen[k]] > 1 and past[k] < PAGE]
        for k in going:
            past[k] += 1
    n = len(runs)
    told = [_outward(lines, *sides[k], past[k]) if past[k] else () for k in range(2 * n)]
    inside = {r for r in range(n) if told[r] and told[r + n] and all(
        told[q + n] == told[r + n] for q in range(n) if told[q] == told[r])}
    for r in inside:
        past[r] = past[r + n] = 0
    return past


def _outward(lines: list[str], j: int, step: int, count: int) -> tuple[str, ...]:
    """The ``count`` lines from ``j`` on, ``step`` by step, stripped; () where a blank
    line or the text's edge comes first."""
    out = tuple(lines[i].strip() for i in range(j, j + step * count, step)
                if 0 <= i < len(lines))
    return out if len(out) == count and all(out) else ()


def _inside(lines: list[str], gone: set[int]) -> set[int]:
    """The empty lines (by index) of the runs left (none of ``gone``) that stand inside a
    page, as the folios tell.  The folios are the numbers beside runs that rise in the
    longest chain (most must), and between two runs with folios beside them stand as
    many pages as the folios count, so one run fewer of breaks.  A run over a line in
    capitals (a title or a stamp opens its page) is taken for a break: where as many are
    as the folios count, the others go; where more are, those of them that alone leave no
    page longer than the longest the text shows whole are the breaks; where fewer are,
    the runs that alone so fit.  A run over capitals with no folio beside it, no further
    than that longest page from the next folio counted (a work's opening page), has no
    break between, unless a line there opens in lower case (text run on over a page's
    turn).  Where no choice or several fit, all the runs between stay.  A run under a line
    with a number at its edge (a head's blank line) stays, and all do where most of the
    gaps found follow a sentence's end, or a stamp of two lines or more under one (a blank
    line after each paragraph, the export's): the reader reads those."""
    runs, at, blanks = [], [], 0  # the runs of empty lines after a line of text, and the
    for run in _runs(k for k, line in enumerate(lines) if not line.strip()):  # lines of
        if run[0] and all(not lines[j] and j not in gone for j in run):  # text over each
            runs.append(run)
            at.append(run[0] - blanks)
        blanks += len(run)
    past = _past(lines, runs)  # (a stamp over a head's folio, or under a foot's)
    numbered = {r: pages for r, run in enumerate(runs)
                if (pages := _after(lines, run, past[r], past[r + len(runs)]))}
    after = _counted(numbered)
    if 2 * len(after) <= len(numbered):  # (most of the numbers beside runs count pages)
        return set()
    pairs = list(itertools.pairwise(after))
    under = [lines[run[-1] + 1] if run[-1] + 1 < len(lines) else "" for run in runs]
    kept = {r for r, line in enumerate(under) if is_capitals(line)}
    turns = {r for r, line in enumerate(under) if line.lstrip()[:1].islower()}
    breaks: dict[int, bool] = {}
    told = set()  # the runs of the folios that told their pages
    pages = [0]  # the lines of the pages the folios and the breaks kept tell whole
    for a, b in pairs:
        between = range(a + 1, b)
        if len(kept.intersection(between)) == after[b] - after[a] - 1:
            breaks |= {r: r in kept for r in between}
            told |= {a, b}
            edges = [a, *sorted(kept.intersection(between)), b]
            pages += [at[d] - at[c] for c, d in itertools.pairwise(edges)]
    longest = min(max(pages), PAGE)
    for a, b in pairs:  # (where more runs are kept than the folios count, those may be)
        between = [r for r in range(a + 1, b) if r not in breaks]
        count = after[b] - after[a] - 1
        free = len(kept.intersection(between)) > count  # (the kept ones to choose among)
        some = [r for r in between if r in kept or not free]
        chosen = _fitting(at[a], [at[r] for r in some], at[b],
                          [r in kept and not free for r in some], count,
                          longest) if 0 < len(some) <= CHOICES else None
        breaks |= dict.fromkeys(between, chosen is None)
        told |= {a, b} if chosen else set()
        breaks |= dict(zip(some, chosen or [True] * len(some), strict=True))
    anchors = sorted(kept | told)
    for a, b in itertools.pairwise(anchors):  # (a page opening before a folio counted)
        if a in kept and a not in after and b in told and at[b] - at[a] <= longest \
                and not any(r in breaks or r in turns for r in range(a + 1, b)):
            breaks |= dict.fromkeys(range(a + 1, b), False)
    gaps = [r for r, brk in breaks.items() if not brk  # (a head's blank line, as it was)
            and not ARABIC_EDGE.search(lines[runs[r][0] - 1].strip())]
    # (the line over the gap, or past a stamp of two lines or more over it: a line alone
    # that recurs may be a signature)
    if 2 * sum(any(_END.search(lines[runs[r][0] - 1 - d]) for d in {0, past[r]} - {1})
               for r in gaps) > len(gaps):
        return set()  # (a blank line after each paragraph: the export's, the reader's)
    return {k for r in gaps for k in runs[r]}


def _counted(numbered: dict[int, set[int]]) -> dict[int, int]:
    """The runs' pages (``numbered``: what the numbers beside each may tell, by run) that
    rise as folios do: the longest chain of runs and pages that rises all the way, of such
    chains the one of the earliest runs and least pages (a number at the edge of a
    contents' entry, a numbered heading or paragraph, or a note's page is left out)."""
    items = sorted((r, page) for r, pages in numbered.items() for page in pages)
    longest = _rising(items)
    chain: dict[int, int] = {}
    need = max(longest, default=0)
    for i, (r, page) in enumerate(items):
        if longest[i] == need and (not chain or (r > next(reversed(chain))
                                                 and page > chain[next(reversed(chain))])):
            chain[r] = page
            need -= 1
    return chain


def _rising(items: list[tuple[int, int]]) -> list[int]:
    """The longest chain rising in both run and page from each of ``items`` (sorted): the
    runs taken from the last, the best chain over a greater page kept in a Fenwick tree of
    the pages (greatest first), so a read of many pages takes n log n steps, not n²."""
    ranks = {page: k for k, page in enumerate(sorted({p for _, p in items}, reverse=True), 1)}
    tree = [0] * (len(ranks) + 1)  # tree[k]: the longest chain from a page of rank ≤ k
    longest = [1] * len(items)
    for _, run in itertools.groupby(reversed(range(len(items))), lambda i: items[i][0]):
        run = list(run)  # (a run's items are all asked before any is told: runs rise too)
        for i in run:
            k, best = ranks[items[i][1]] - 1, 0  # (the ranks below: the greater pages)
            while k:
                best, k = max(best, tree[k]), k & (k - 1)
            longest[i] = 1 + best
        for i in run:
            k = ranks[items[i][1]]
            while k < len(tree):
                tree[k], k = max(tree[k], longest[i]), k + (k & -k)
    return longest


def _after(lines: list[str], run: list[int], over: int = 0, under: int = 0) -> set[int]:
    """The pages a run of blank lines may follow, as the numbers beside it tell: the line
    over it a number alone under a line of text (a page's foot), the line under it one
    with a number at its edge, less one (the next page's head); past the ``over`` lines
    over it and the ``under`` lines under it that a stamp set there (``_past``), where
    the number under them stands beside a head's words (alone under repeated lines, it
    is the foot folio under a footnote that recurs, the page's own)."""
    pages = set()
    for j, folio, less in ((run[0] - 1 - over, _ALONE, 0), (run[-1] + 1 + under, ARABIC_EDGE, 1)):
        if 0 <= j < len(lines) and (m := folio.search(lines[j].strip())) \
                and not (less and under and _ALONE.search(lines[j].strip())) \
                and (less or (j and lines[j - 1].strip())):  # (alone on a page: its head)
            pages.add(int(next(filter(None, m.groups()))) - less)
    return pages


def _fitting(start: int, inner: list[int], end: int, kept: list[bool], count: int,
             longest: int) -> list[bool] | None:
    """Which of the ``inner`` places (lines of text counted) between a page's ``start``
    and a later one's ``end`` are its ``count`` breaks, ``kept`` among them: the one
    choice that leaves no page over ``longest``; None where none or several do."""
    found = []
    for chosen in itertools.product((False, True), repeat=len(inner)):
        if sum(chosen) != count or any(k and not c for k, c in zip(kept, chosen, strict=True)):
            continue
        edges = [start, *(p for p, c in zip(inner, chosen, strict=True) if c), end]
        if max(b - a for a, b in itertools.pairwise(edges)) <= longest:
            found.append(list(chosen))
    return found[0] if len(found) == 1 else None
