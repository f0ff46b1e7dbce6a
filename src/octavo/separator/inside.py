"""The gaps inside a page among the runs of empty lines left, as the folios beside the
runs count the pages between them."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter

from ..lettering import FINISHED, is_capitals
from ..pagemarks import ARABIC_EDGE, PAGE
from . import neighbours

INSIDE = 3 / 4  # of a full line's letters: no paragraph's inside line falls shorter (the
# OCR reader's ``measure.INSIDE`` of the measure's width, which the separator, run on the
# text's characters before any measure is known, takes of the line over the gap)

# the most runs between two folios whose choices (two to the power of their number) are
# weighed: a time bound, not a reading's (a few pages between folios hold far fewer)
CHOICES = 12


def page_gaps(lines: list[str], gone: set[int]) -> set[int]:
    """The empty lines (by index) of the runs left (none of ``gone``) that stand inside a
    page, as the folios tell.  The folios are the numbers beside runs that rise in the
    longest chain (most must), and between two runs with folios beside them stand as many
    pages as the folios count, so one run fewer of breaks.  A run over a line in capitals (a
    title or a stamp opens its page), or over words that stand under other runs too (a
    running head over the text, each page it opens; not a stamp's first line, of two lines
    or more that stand so: it stands under runs wherever the stamp does, under a title's gap
    too), or under a stamp the pages' feet share (``_feet``), is taken for a break, and so
    is one inside a sentence past a head seen once (``_heads_in_sentences``) where those
    fill the folios' count of one break or more already: where as many are as the folios
    count, the others go; where more are, those of them that alone leave no page longer than
    the longest the text shows whole are the breaks, those under the feet's stamp among them
    whatever; where fewer are, the runs that alone so fit.  A run over capitals with no
    folio beside it, no further than that longest page from the next folio counted (a work's
    opening page), has no break between, unless a line there opens in lower case (text run
    on over a page's turn).  Where no choice or several fit, all the runs between stay.  A
    run under a line with a number at its edge (a head's blank line) stays, and all do where
    most of the gaps found follow a sentence's end, or a stamp of two lines or more under
    one (a blank line after each paragraph, the export's): the reader reads those.  A run
    inside a stamp (``Stamps.inside``: its lines over and under it the same wherever either
    stands, the two so twice or more, and no page's foot folio past those over it where
    those under it run on into text) is no break and no choice among them, whatever stands
    under it or the folios count."""
    runs, starts, blanks = [], [], 0  # the runs of empty lines after a line of text, and
    for run in neighbours.runs(k for k, line in enumerate(lines) if not line.strip()):  # the
        if run[0] and all(not lines[j] and j not in gone for j in run):  # lines of text over
            runs.append(run)
            starts.append(run[0] - blanks)
        blanks += len(run)
    past, found, inner = neighbours.stamps(lines, runs)  # (a stamp over a head's folio, or under
    # a foot's; a stamp's lines are no page's text: its pages' lengths, the longest among
    # them, are the same wherever a stamp stands, and whether its inner gap reads as a
    # blank line)
    stamped = sorted(found)
    at = [start - bisect.bisect_left(stamped, run[0])
          for start, run in zip(starts, runs, strict=True)]
    numbered = {r: pages for r, run in enumerate(runs)
                if (pages := neighbours.page_after(lines, run, past[r], past[r + len(runs)]))}
    after = _counted(numbered)
    if 2 * len(after) <= len(numbered):  # (most of the numbers beside runs count pages)
        return set()
    pairs = list(itertools.pairwise(after))
    under = [lines[run[-1] + 1] if run[-1] + 1 < len(lines) else "" for run in runs]
    opening = Counter(line.strip() for line in under if _worded(line))
    sure = _feet(lines, runs, past, after, inner)
    kept = sure | {r for r, line in enumerate(under) if r not in inner and (is_capitals(line) or (
        opening[line.strip()] > 1 and past[r + len(runs)] < 2))}
    headed = _heads_in_sentences(lines, runs, past, inner)
    turns = {r for r, line in enumerate(under) if line.lstrip()[:1].islower()}
    breaks: dict[int, bool] = {}
    told = set()  # the runs of the folios that told their pages
    pages = [0]  # the lines of the pages the folios and the breaks kept tell whole
    for a, b in pairs:
        between = [r for r in range(a + 1, b) if r not in inner]
        if 0 < after[b] - after[a] - 1 <= len(kept.intersection(between)):
            kept |= headed.intersection(between)  # (a head in a sentence joins the choice
            # where the kept runs fill a count of one break or more already)
        if len(kept.intersection(between)) == after[b] - after[a] - 1:
            breaks |= {r: r in kept for r in between}
            told |= {a, b}
            edges = [a, *sorted(kept.intersection(between)), b]
            pages += [at[d] - at[c] for c, d in itertools.pairwise(edges)]
    longest = min(max(pages), PAGE)
    for a, b in pairs:  # (where more runs are kept than the folios count, those may be)
        between = [r for r in range(a + 1, b) if r not in breaks and r not in inner]
        count = after[b] - after[a] - 1
        free = len(kept.intersection(between)) > count  # (the kept ones to choose among)
        some = [r for r in between if r in kept or not free]
        chosen = _fitting(at[a], [at[r] for r in some], at[b],
                          [r in sure or (r in kept and not free) for r in some], count,
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
    # that recurs may be a signature, whose work's last sentence ends over it; a folio may
    # stand past a stamp of one line, ``neighbours.runs_beside``, a sentence's end not:
    # fresh 95 with foot gaps, stamps at the top and works run on keeps its gaps so)
    if 2 * sum(any(FINISHED.search(lines[runs[r][0] - 1 - d]) for d in {0, past[r]} - {1})
               for r in gaps) > len(gaps):
        return set()  # (a blank line after each paragraph: the export's, the reader's)
    return {k for r in [*gaps, *inner] for k in runs[r]}


def _feet(lines: list[str], runs: list[list[int]], past: list[int], after: dict[int, int],
          inner: set[int]) -> set[int]:
    """The runs (by index, none of ``inner``) under a stamp that stands at the pages' feet:
    its two lines or more (``past``, over each run) the same as over a run the folios
    count (``after``) with a page's foot folio past them.  Such a run is a break whatever
    stands under it: a title's gap over capitals on the same page is none (fresh 1135: a
    word parted over the page's turn, under the stamp).  Lines that recur over a break
    the next page's head counted are no stamp for that (a letter's close and signature,
    which end pages and gaps inside them alike); a head over a gap inside its page stands
    under the stamp, not over the gap."""
    def over(r: int) -> tuple[str, ...]:
        return tuple(lines[runs[r][0] - 1 - d].strip() for d in range(past[r]))
    stamps = {over(r) for r in after if past[r] >= 2
              and neighbours.foot_folio(lines, runs[r][0] - 1 - past[r]) is not None}
    return {r for r in range(len(runs)) if r not in inner and past[r] >= 2
            and over(r) in stamps}


def _heads_in_sentences(lines: list[str], runs: list[list[int]], past: list[int],
                        inner: set[int]) -> set[int]:
    """The runs (by index, none of ``inner``) inside a sentence past one line under them:
    the line over the run (past a stamp's lines over it, ``past``) ends in a letter in
    lower case or a hyphen; the line under it (past a stamp's lines under it) is words
    opening with a capital (``_worded``: no footnote's mark) shorter than ``INSIDE`` of
    that line over the run (a full line, as the sentence runs on: not a line of the
    paragraph under a stray blank line); and the next line goes on in lower case.  The
    print sets no title inside a sentence, so that line may be the next page's running
    head, seen once (a short work's, its folio lost).  Such a run is no sure break (a
    verse, a formula or a footnote unmarked may stand so inside a page): ``page_gaps``
    lets it into the choice only where the runs kept fill the folios' count already, a
    title's gap over capitals among them (fresh 1354)."""
    found: set[int] = set()
    for r, run in enumerate(runs):
        above, head = run[0] - 1 - past[r], run[-1] + 1 + past[r + len(runs)]
        if r in inner or above < 0 or head + 1 >= len(lines):
            continue
        over = lines[above].strip()
        if (over[-1:].islower() or over.endswith("-")) and _worded(lines[head]) \
                and len(lines[head].strip()) < INSIDE * len(over) \
                and lines[head].lstrip()[:1].isupper() and lines[head + 1].lstrip()[:1].islower():
            found.add(r)
    return found


def _worded(line: str) -> bool:
    """Whether a line is words opening with a letter, as a running head is: no footnote
    opening with its mark, no section's numeral (both recur under gaps inside pages)."""
    return line.lstrip()[:1].isalpha() and len(line.split()) >= 2


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


def _fitting(start: int, inner: list[int], end: int, kept: list[bool], count: int,
             longest: int) -> list[bool] | None:
    """Which of the ``inner`` places (lines of text counted) between a page's ``start``
    and a later one's ``end`` are its ``count`` breaks, ``kept`` among them: the one
    choice that leaves no page over ``longest``; None where none or several do (two runs
    that only a stamp's lines, counted in no page, part fit alike)."""
    found = []
    for chosen in itertools.product((False, True), repeat=len(inner)):
        if sum(chosen) != count or any(k and not c for k, c in zip(kept, chosen, strict=True)):
            continue
        edges = [start, *(p for p, c in zip(inner, chosen, strict=True) if c), end]
        if max(b - a for a, b in itertools.pairwise(edges)) <= longest:
            found.append(list(chosen))
    return found[0] if len(found) == 1 else None
