"""Which words open paragraphs, from the volume's own sentences.

A sentence that opens inside a line never begins a paragraph; one that opens the
line after a clearly short sentence end does.  Comparing the two counts gives each
opening word its log-odds of beginning a paragraph: ``Lastly``, ``Such``, ``Thus``
often do, ``Hence``, ``They``, ``For`` hardly ever; a pair of words refines its
first word's odds (``I pass`` does, ``Such was`` does not).  The paragraphs pass
leans on them where a line's width alone leaves its end ambiguous.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from .measure import width

# mid-line (the space before the look-behind: found by a fast scan, not tried at every character)
INSIDE = re.compile(r" (?<=[a-z)\u201d\u2019][.!?] )([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")
LOWER = re.compile(r"\b[a-z]+\b")
ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)ly$")
ORDINALS = "(n)thly"  # the key all the ordinals count under
FIRST = re.compile(r"^([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")  # a sentence's first word or two
STOP = re.compile(r"[a-z)][.!?][\u201d\u2019)]*\d{0,3}$")
CLEAR = 0.75  # a sentence's last line narrower than this share of the measure ends a paragraph
SEEN = 5  # a word needs this many sightings for odds of its own
PRIOR = 2  # a pair of words counts as this many sightings of its first word's odds
LOW, HIGH = -0.5, 2.0  # clipped: ``This`` or ``That`` open paragraphs too, if seldom


class Openers:
    """Log-odds that a sentence opening with given words begins a paragraph."""

    def __init__(self, pages: list[list[str]], measures: list[float]) -> None:
        starts: Counter[str] = Counter()
        inside: Counter[str] = Counter()
        common: set[str] = set()  # words printed in lower case too: not names
        for lines, measure in zip(pages, measures, strict=True):
            for line in lines:
                for m in INSIDE.finditer(line):
                    inside.update(_keys(m))
                common.update(LOWER.findall(line))
            for previous, line in itertools.pairwise(lines):
                if ((first := FIRST.match(line)) and STOP.search(previous.strip())
                        and width(previous) < CLEAR * measure):
                    starts.update(_keys(first))
        self.starts, self.inside, self.common = starts, inside, common | {ORDINALS}
        self.total = [max(sum(n for k, n in c.items() if " " not in k), 1)  # sentences
                      for c in (starts, inside)]

    def odds(self, line: str) -> float:
        """The log-odds that ``line``'s opening sentence begins a paragraph (0: no evidence)."""
        first = FIRST.match(line)
        keys = _keys(first) if first else []
        if not keys or keys[0] not in self.common or (
                self.starts[keys[0]] + self.inside[keys[0]] < SEEN):
            return 0.0
        s, i = self.starts[keys[0]] + 0.5, self.inside[keys[0]] + 0.5
        if len(keys) > 1:  # the pair's own counts, shrunk towards the word's share
            share = s / (s + i)
            s, i = self.starts[keys[1]] + PRIOR * share, self.inside[keys[1]] + PRIOR * (1 - share)
        lean = math.log(s / self.total[0]) - math.log(i / self.total[1])
        return max(LOW, min(HIGH, lean))


def _keys(m: re.Match[str]) -> list[str]:
    """A sentence opening's first word and, if it has one, its first two (lower case);
    the ordinals (``Thirdly``, ``Eighthly``) count as one word, each being rare."""
    word = ORDINAL.sub(ORDINALS, m[1].lower())
    return [word, f"{word} {m[2]}"] if m[2] else [word]
