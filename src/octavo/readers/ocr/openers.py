"""Which words open paragraphs, from the volume's own sentences.

A sentence that opens inside a line never begins a paragraph; one that opens the
line after a clearly short sentence end does, as does one after a sentence end that left
room for its first word, where the volume's widths are trusted for it (``ends``: the fit
test; a third more openings counted in the volumes drawn at random).  Comparing the two
counts gives each opening word its log-odds of beginning a paragraph: ``Lastly``,
``Such``, ``Thus`` often do, ``Hence``, ``They``, ``For`` hardly ever; a pair of words
refines its first word's odds (``I pass`` does, ``Such was`` does not).  The paragraphs
pass leans on them where a line's width alone leaves its end ambiguous.  A volume too
short to have seen a word often may pool it with the openings of its kind: those that put
a comma after their first word (``Finally,`` ``Comrades,``) begin paragraphs more often.
Odds counted from a few sightings run to extremes; the pooled ones count only as far as
the volume bears them out: as far as the openings of every other page follow the odds
that the pages between give them.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator

from ..textlines import AFTER_STOP, STOPS
from . import logistic, measure
from .measure import width

# mid-line (the space before the look-behind: found by a fast scan, not tried at every character)
INSIDE = re.compile(rf" (?<=[a-z{AFTER_STOP}][{STOPS}] )([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")
LOWER = re.compile(r"\b[a-z]+\b")
ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)ly$")
ORDINALS = "(n)thly"  # the key all the ordinals count under
FIRST = re.compile(r"^([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")  # a sentence's first word or two
STOP = re.compile(rf"[a-z)][{STOPS}][{AFTER_STOP}]*\d{{0,3}}$")
CLEAR = measure.INSIDE  # a sentence's last line narrower than this share of the measure ends
# a paragraph (no paragraph's inside line falls so short)
SEEN = 5  # a word needs this many sightings for odds of its own
PRIOR = 2  # a pair of words counts as this many sightings of its first word's odds
LOW, HIGH = -0.5, 2.0  # clipped: ``This`` or ``That`` open paragraphs too, if seldom


Opening = tuple[str, bool]  # a sentence from its opening on, and whether it begins a paragraph


class Openers:
    """Log-odds that a sentence opening with given words begins a paragraph."""

    def __init__(self, pages: list[list[str]], measures: list[float],
                 ends: Callable[[int, str, str], bool] | None = None) -> None:
        found = [list(_openings(at, lines, measure, ends))
                 for at, (lines, measure) in enumerate(zip(pages, measures, strict=True))]
        lowered = [set().union(*map(LOWER.findall, lines)) for lines in pages]
        self._count(found, lowered, range(len(pages)))
        self.scale = 1.0  # (as its folds count): the pooled odds decide only where the fit
        if ends is not None:  # test is trusted
            self.scale = self._scaled(found, lowered)

    def _count(self, found: list[list[Opening]], lowered: list[set[str]],
               counted: range) -> None:
        """Count the openings ``found`` on the ``counted`` pages (``lowered``: each page's
        words in lower case)."""
        starts: Counter[str] = Counter()
        inside: Counter[str] = Counter()
        common: set[str] = set()  # words printed in lower case too: not names
        commas: list[Counter[bool]] = [Counter(), Counter()]  # starts, inside: a comma after?
        for at in counted:
            common |= lowered[at]
            for opening, start in found[at]:
                if first := FIRST.match(opening):  # (as INSIDE matched it, or the line)
                    (starts if start else inside).update(_keys(first))
                    commas[not start]["," in first[0]] += 1
        self.starts, self.inside, self.common = starts, inside, common | {ORDINALS}
        self.commas = commas
        self.total = [max(sum(n for k, n in c.items() if " " not in k), 1)  # sentences
                      for c in (starts, inside)]
        self.novel = [(sum(n == 1 and not other[k] for k, n in c.items() if " " not in k) + 1)
                      / (total + 1) for c, other, total
                      in zip((starts, inside), (inside, starts), self.total, strict=True)]

    def _scaled(self, found: list[list[Opening]], lowered: list[set[str]]) -> float:
        """How far the odds with backoff are to be trusted, at most wholly: the slope of a
        logistic fit of whether the openings of every other page begin paragraphs on their
        odds counted from the pages between (both ways).  Counted from a few sightings, a
        word's odds run to extremes its openings elsewhere do not bear out."""
        scores: list[tuple[float, bool]] = []
        for half in (0, 1):
            fold = copy.copy(self)  # counted from the other half
            fold._count(found, lowered, range(1 - half, len(found), 2))
            scores += [(fold.odds(opening, backoff=True), start)
                       for at in range(half, len(found), 2) for opening, start in found[at]]
        return min(max(logistic.fit(scores)[0], 0.0), 1.0)

    def odds(self, line: str, backoff: bool = False) -> float:
        """The log-odds that ``line``'s opening sentence begins a paragraph (0: no evidence;
        with ``backoff``, a word's counts are shrunk towards those of the openings that do
        or do not put a comma after their first word, as ``Finally,`` ``Comrades,``:
        a word seen seldom takes their odds, and one never seen opening a sentence those of
        a new word, from the share of each kind of opening whose word it alone saw once: a
        word seen once among the fewer paragraphs' openings but among the others' too is
        no new word)."""
        first = FIRST.match(line)
        if not first:
            return 0.0
        keys = _keys(first)
        s, i = self.starts[keys[0]], self.inside[keys[0]]
        novel = math.log(self.novel[0] / self.novel[1]) if backoff and not s + i else 0.0
        if backoff:
            kind = [c["," in first[0]] + 0.5 for c in self.commas]
            share = kind[0] / sum(kind)
            s, i = s + PRIOR * share, i + PRIOR * (1 - share)
        elif keys[0] not in self.common or s + i < SEEN:
            return 0.0
        else:
            s, i = s + 0.5, i + 0.5
        if len(keys) > 1:  # the pair's own counts, shrunk towards the word's share
            share = s / (s + i)
            s, i = self.starts[keys[1]] + PRIOR * share, self.inside[keys[1]] + PRIOR * (1 - share)
        lean = _clip(novel + math.log(s / self.total[0]) - math.log(i / self.total[1]))
        return self.scale * lean if backoff else lean


def _openings(at: int, lines: list[str], measure: float,
              ends: Callable[[int, str, str], bool] | None) -> Iterator[tuple[str, bool]]:
    """The sentences of page ``at`` whose place tells whether they begin a paragraph, each
    from its opening on, and whether it does: one opening inside a line does not; one
    opening a line after a clearly short sentence end does, as after one ``ends`` ends."""
    for line in lines:
        yield from ((line[m.start() + 1 :], False) for m in INSIDE.finditer(line))
    for previous, line in itertools.pairwise(lines):
        if (FIRST.match(line) and STOP.search(previous.strip())
                and (width(previous) < CLEAR * measure
                     or (ends and ends(at, previous.strip(), line.strip())))):
            yield line, True


def _clip(lean: float) -> float:
    return max(LOW, min(HIGH, lean))


def _keys(m: re.Match[str]) -> list[str]:
    """A sentence opening's first word and, if it has one, its first two (lower case);
    the ordinals (``Thirdly``, ``Eighthly``) count as one word, each being rare."""
    word = ORDINAL.sub(ORDINALS, m[1].lower())
    return [word, f"{word} {m[2]}"] if m[2] else [word]
