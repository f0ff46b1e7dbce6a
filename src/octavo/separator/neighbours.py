"""What stands beside a run of blank lines: a folio (a number at a line's edge) over or
under it, maybe past a stamp's lines that recur beside other runs word for word."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..pagemarks import ALONE, ARABIC_EDGE, EDGE, PAGE


def runs(blanks: Iterable[int]) -> list[list[int]]:
    """The runs of consecutive indices among ``blanks`` (rising): the blank lines' runs."""
    runs: list[list[int]] = []
    for k in blanks:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def beside(lines: list[str], blanks: set[int]) -> float:
    """The share of ``blanks`` (by index) with a folio-like line over or under them."""
    return runs_beside(lines, [[k] for k in blanks])


def runs_beside(lines: list[str], runs: list[list[int]]) -> float:
    """The share of ``runs`` of blank lines with a folio-like line over or under them, or
    past a stamp's lines (``stamps``)."""
    sides = _sides(runs)
    past, n = stamps(lines, runs).past, len(runs)
    return sum(any(bool(EDGE.search(line[-1])) for k in (r, r + n) for d in {0, past[k]}
                   if (line := _outward(lines, *sides[k], d + 1)))
               for r in range(n)) / max(1, n)


class Stamps(NamedTuple):
    """What stands word for word beside runs of blank lines (``stamps``)."""

    past: list[int]  # per side (over each run, then under each): the lines a folio may
    # stand past
    lines: set[int]  # the lines (by index) so, inside a stamp too: no page's text
    inside: set[int]  # the runs (by index) inside a stamp: no page breaks


def stamps(lines: list[str], runs: list[list[int]]) -> Stamps:
    """How many lines over each of ``runs`` of blank lines (the first ``len(runs)``), then
    under each, stand word for word, in the same order, beside two of them or more: a
    stamp the scan sets over or under its pages' furniture, which the folio may stand past
    (folios rise from page to page, so no such line is one).  A run with such lines on
    both sides, the line next under it under every run its line next over it stands over,
    and that one over every run the other stands under, the two so beside two runs or
    more, is a gap inside the stamp (``Stamps.inside``: the lines further out may differ,
    a stamp under a head that repeats on some pages; a stamp recurs with its gap, where a
    footnote that recurs may end a page once over the versos' head), and looks past
    neither (a stamp at a page's foot stands over the next page's heads, which differ from
    page to page; a footnote that recurs at a page's foot stands over a stamp at the next
    page's top, which stands under other feet too).
    A line is counted once where it stands, though two runs stand beside it (a footnote
    set apart between two blank lines, which the page break under it parts from a
    stamp).  The lines so found are kept too."""
    sides, past = _repeated(lines, runs)
    found = {j + step * d for (j, step), count in zip(sides, past, strict=True)
             for d in range(count)}
    n = len(runs)
    told = [lines[j].strip() if count else "" for (j, _), count in zip(sides, past, strict=True)]
    unders: dict[str, set[str]] = defaultdict(set)
    overs: dict[str, set[str]] = defaultdict(set)
    for q in range(n):  # (what stands under each run, by what over it, and the other way)
        unders[told[q]].add(told[q + n])
        overs[told[q + n]].add(told[q])
    pairs = Counter((told[q], told[q + n]) for q in range(n))
    inside = {r for r in range(n) if told[r] and told[r + n]
              and unders[told[r]] == {told[r + n]} and overs[told[r + n]] == {told[r]}
              and pairs[told[r], told[r + n]] >= 2
              and not _turning(lines, runs[r], past[r], past[r + n])}
    for r in inside:
        past[r] = past[r + n] = 0
    return Stamps(past, found, inside)


def _turning(lines: list[str], run: list[int], over: int, under: int) -> bool:
    """Whether ``run`` is where the page turns, its stamp's lines beside it or not: past
    the ``over`` lines over it a page's foot folio (a number alone under a line of text),
    and the ``under`` lines under it running straight on into text, no other blank line
    between that folio and the next page's lines (a stamp under every recto's folio, the
    versos' head under it, unchanging; a stamp's gap the only blank line there)."""
    k = run[-1] + 1 + under
    return foot_folio(lines, run[0] - 1 - over) is not None \
        and k < len(lines) and bool(lines[k].strip())


def foot_folio(lines: list[str], j: int) -> int | None:
    """The number line ``j`` holds alone, under a line of text: a page's foot folio (alone
    on a page, it is the page's head); else None."""
    if 0 < j < len(lines) and lines[j - 1].strip() and (m := ALONE.match(lines[j].strip())):
        return int(m[1])
    return None


def _repeated(lines: list[str], runs: list[list[int]]) -> tuple[list[tuple[int, int]], list[int]]:
    """The sides of ``runs`` (the line over each, then the line under each, and the step
    outward) and how many lines outward from each stand word for word beside another."""
    sides = _sides(runs)
    past = [0] * len(sides)  # how many repeated lines each side's folio may stand past
    going = list(range(len(sides)))
    while going:  # (one line further out at a time, while the lines so far repeat)
        seen = {k: _outward(lines, *sides[k], past[k] + 1) for k in going}
        where = {k: min(sides[k][0], sides[k][0] + sides[k][1] * past[k]) for k in going}
        counts = Counter(text for text, _ in {(seen[k], where[k]) for k in going})
        going = [k for k in going if seen[k] and counts[seen[k]] > 1 and past[k] < PAGE]
        for k in going:
            past[k] += 1
    return sides, past


def _sides(runs: list[list[int]]) -> list[tuple[int, int]]:
    """The line over each of ``runs`` of blank lines, then the line under each, with the
    step outward from it."""
    return [(run[0] - 1, -1) for run in runs] + [(run[-1] + 1, 1) for run in runs]


def _outward(lines: list[str], j: int, step: int, count: int) -> tuple[str, ...]:
    """The ``count`` lines from ``j`` on, ``step`` by step, stripped; () where a blank
    line or the text's edge comes first."""
    out = tuple(lines[i].strip() for i in range(j, j + step * count, step)
                if 0 <= i < len(lines))
    return out if len(out) == count and all(out) else ()


def page_after(lines: list[str], run: list[int], over: int, under: int) -> set[int]:
    """The pages a run of blank lines may follow, as the numbers beside it tell: the line
    over it a number alone under a line of text (a page's foot), the line under it one
    with a number at its edge, less one (the next page's head); past the ``over`` lines
    over it and the ``under`` lines under it that a stamp set there (``stamps``), where
    the number under them stands beside a head's words (alone under repeated lines, it
    is the foot folio under a footnote that recurs, the page's own)."""
    pages = set()
    if (folio := foot_folio(lines, run[0] - 1 - over)) is not None:
        pages.add(folio)
    j = run[-1] + 1 + under
    if j < len(lines) and (m := ARABIC_EDGE.search(lines[j].strip())) \
            and not (under and ALONE.search(lines[j].strip())):
        pages.add(int(next(filter(None, m.groups()))) - 1)
    return pages
