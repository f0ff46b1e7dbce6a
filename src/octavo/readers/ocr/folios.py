"""Folios: the printed page numbers, read where they fit the run of pages.

A number at the head of a page is its folio only if it rises with the pages around it:
from one folio to the next the print counts each page of the scan, plus the blank
versos the scan leaves out (a part's title page backed by nothing, a work ending on a
recto), less a page or two the scan's text may have cut in two at a stray blank line, or
more parts where their lines fit the pages (above the footnotes, between two works).
The folios that agree make the longest such run (roman numerals for the front
matter make a run of their own); a number off the run is text, or a misread folio where
its page's running head says it is one.  Pages without a folio get theirs from their
neighbours.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
SPLIT = 2  # pages a scan's text may have cut in two between two folios, whatever their
# lines (where every page is cut, no part tells a page's length); more where the lines of
# the parts fit the pages (``Lengths``)
SKIPPED = 2  # blank versos a scan may leave out between two folios next to each other …
SKIPPED_PER = 8  # … and one more for every this many pages between them (a work's end,
# a part's title page: about one in eight pages in a volume of short works)
FOLIOED = 0.25  # the least share of the pages they span that a print's folios stand on,
# and of a text's pages that they span (the sample's on 406 of its 460, from the 13th to
# the 455th; a quarter leaves room for a scan that lost most of them, or a small volume
# cut in two): else numbers that rise by chance (sections' numerals, the notes' first
# lines) in a copy that lost its folios
REACH = 40  # how many candidates back a run may pass over (misread or stray numbers)


def roman_value(numeral: str) -> int:
    """The value of a roman numeral (``XIV`` → 14)."""
    total = 0
    for i, ch in enumerate(numeral):
        value = ROMAN[ch]
        following = ROMAN[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def to_roman(number: int) -> str:
    """A roman numeral in capitals (14 → ``XIV``)."""
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
                           (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


@dataclass(frozen=True, order=True)
class Number:
    """A folio's kind and value: ("arabic", 24), ("roman", 14); ordered so."""

    kind: str
    value: int

    @classmethod
    def of(cls, folio: str) -> Number | None:
        if folio.isdigit():
            return cls("arabic", int(folio))
        if folio and all(c in ROMAN for c in folio) and to_roman(roman_value(folio)) == folio:
            return cls("roman", roman_value(folio))
        return None

    def printed(self, value: int) -> str:
        return str(value) if self.kind == "arabic" else to_roman(value)


def kind(folio: str) -> str:
    """A folio's kind (``arabic``, ``roman``), "" if it is none."""
    return n.kind if (n := Number.of(folio)) else ""


DIGIT_LIKE = "IlOSB"  # letters the OCR reads for digits …
_DIGIT_LIKE = str.maketrans(DIGIT_LIKE, "11058")  # … and the digits they stand for
# a page number as the OCR may read it: digits, some of them read as those letters
READ_NUMBER = rf"(?=[{DIGIT_LIKE}]*\d)[\d{DIGIT_LIKE}]{{1,3}}(?![^\W\d_])"


def digits(read: str) -> str:
    """A number read with letters for some of its digits (``l63``), as printed: ``163``."""
    return read.translate(_DIGIT_LIKE)


def misread_as(printed: str, folio: str) -> bool:
    """Whether ``printed`` is ``folio`` with letters read for some of its digits (``3S7``,
    ``S``; not ``I``: a numeral), or with a digit dropped (``37``)."""
    read = digits(printed)
    if printed == folio or not any(c.isdigit() for c in printed):  # (letters alone: each a
        return Number.of(printed) is None and read == folio  # digit, and no numeral)
    return read == folio or any(folio[:k] + folio[k + 1:] == read for k in range(len(folio)))


def _spare(a: tuple[int, Number], b: tuple[int, Number]) -> int:
    """How many more numbers than pages lie from folio a to folio b (below 0: pages the
    scan's text cut in two; above: blank versos it left out)."""
    (i, x), (j, y) = a, b
    return (y.value - x.value) - (j - i)


class Lengths:
    """How many lines each of a text's pages holds: where the text has more pages than
    the print between two folios (pages cut in parts at blank lines inside them: above
    the footnotes, under a title, between two works), the lines tell whether they fit."""

    def __init__(self, lengths: list[int]) -> None:
        self._held = list(itertools.accumulate(lengths, initial=0))
        self._longest = max(lengths, default=0)  # the most lines a printed page holds

    def fit(self, a: tuple[int, Number], b: tuple[int, Number]) -> bool:
        """Whether the text's pages from folio a's to folio b's hold no more lines than
        the printed pages they number can: as many as the longest of the text's pages
        each (the print's pages, whole or in parts, hold no more), however many parts a
        page was cut into."""
        (i, x), (j, y) = a, b
        return self._held[j + 1] - self._held[i] <= (y.value - x.value + 1) * self._longest


def fits(a: tuple[int, Number], b: tuple[int, Number]) -> bool:
    """Whether folio b can follow folio a in the print, their pages being where they are."""
    return _fits(a, b, _spare(a, b))


def _fits(a: tuple[int, Number], b: tuple[int, Number], spare: int,
          lengths: Lengths | None = None) -> bool:
    """``fits``, with the numbers spare between the two (``_spare``) taken already: pages
    cut in parts (the spare below 0), ``SPLIT`` of them, or more where their ``lengths``
    fit the pages."""
    (i, x), (j, y) = a, b
    return x.kind == y.kind and j > i and y.value > x.value and \
        spare <= SKIPPED + (j - i) // SKIPPED_PER and (
            spare >= -SPLIT or (lengths is not None and lengths.fit(a, b)))


def run(candidates: list[tuple[int, Number]],
        lengths: Lengths | None = None) -> set[tuple[int, Number]]:
    """The candidate folios (page index, number; in page order, a page may have several)
    that make the longest rising run of each kind, of two as long the one that counts the
    pages the closer (a line read for a folio that leaves a work's opening page, printed
    without one, no number of its own: ``19`` ending a note, the folio ``20`` beside the
    head over it); roman ones inside the arabic run, or
    on a page of its own at either end, are none (``I laughed``, ``K. M A R X``), and lend
    no support to the roman ones outside it (a section's ``II`` at the foot of a work's
    opening page, its ``III`` on the next page, is no run of front matter).  The pages'
    ``lengths``, where given, tell how many parts the pages between two folios may have
    been cut into."""
    kept: set[tuple[int, Number]] = set()
    for kind in ("arabic", "roman"):
        body = [i for i, n in kept if n.kind == "arabic"]  # the front matter stands outside
        items = [c for c in candidates if c[1].kind == kind
                 and (kind == "arabic" or not body or not min(body) <= c[0] <= max(body))]
        best = [(1, 0)] * len(items)  # the longest run to each, and its pages miscounted
        before = [-1] * len(items)
        for k, item in enumerate(items):
            for m in range(max(0, k - REACH), k):
                spare = _spare(items[m], item)  # (once for both: 15,000 pairs in the sample)
                step = (best[m][0] + 1, best[m][1] - abs(spare))
                if step > best[k] and _fits(items[m], item, spare, lengths):
                    best[k], before[k] = step, m
        k = max(range(len(items)), key=best.__getitem__, default=-1)
        if k >= 0 and best[k][0] >= 2:
            while k >= 0:
                kept.add(items[k])
                k = before[k]
    return kept


def by_chance(run: list[tuple[int, Number]], pages: int) -> bool:
    """Whether a run of folios (page index, number) is numbers that rise by chance, not a
    print's folios: they stand on fewer than ``FOLIOED`` of the pages their numbers span
    (``sparse``), or the pages of no kind span that share of the text's ``pages``."""
    reach = max((max(i for i, _ in ofkind) - min(i for i, _ in ofkind) + 1
                 for ofkind in _kinds(run)), default=0)
    return sparse(run) or reach < FOLIOED * pages


def sparse(run: list[tuple[int, Number]]) -> bool:
    """Whether a run of folios (page index, number) stands on fewer than ``FOLIOED`` of
    the pages its numbers span, of each kind (a roman ``I`` and ``C`` ending two lines
    span a hundred)."""
    return len(run) < FOLIOED * sum(max(v for _, v in ofkind) - min(v for _, v in ofkind) + 1
                                    for ofkind in _kinds(run))


def _kinds(run: list[tuple[int, Number]]) -> list[list[tuple[int, int]]]:
    """A run's folios (page index, value), by their kind, roman then arabic; none empty."""
    return [ofkind for kind in ("roman", "arabic")
            if (ofkind := [(i, n.value) for i, n in run if n.kind == kind])]


def infer(folios: list[str]) -> list[str]:
    """Folios for the pages without one, from the nearest folios on either side.

    Between two printed folios the pages are numbered back from the later one; where the
    gap holds more numbers than pages, the print's blank versos (even pages after a
    part title or a work's end, which the scan drops) are skipped.  The page before the
    first folio takes the number before it; the pages before an arabic one count back to
    1 (works of a page each open the body, their opening pages printed without folios).
    """
    out = list(folios)
    known = [(i, n) for i, f in enumerate(folios) if (n := Number.of(f))]
    for (i, first), (j, second) in itertools.pairwise(known):
        if j == i + 1:
            continue
        floor = first.value if first.kind == second.kind else 0
        number = second.value
        for k in range(j - 1, i, -1):
            number -= 1
            spare = number - floor - (k - i)
            if spare > 0 and number % 2 == 0 and k < j - 1:
                number -= 1
            if number <= floor:
                break
            out[k] = second.printed(number)
    if known and known[0][0] > 0 and known[0][1].value > 1:
        first_index, number = known[0]
        back = first_index if number.kind == "arabic" else 1
        for k in range(1, min(back, number.value - 1) + 1):
            out[first_index - k] = number.printed(number.value - k)
    return out
