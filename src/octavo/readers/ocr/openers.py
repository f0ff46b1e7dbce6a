"""Which words open paragraphs, from the volume's own sentences.

A sentence that opens inside a line never begins a paragraph; one that opens the
line after a clearly short sentence end does.  Comparing the two counts gives each
opening word, or pair of words where seen often enough, its log-odds of beginning a
paragraph: ``Lastly``, ``Such``, ``I pass``, ``The second`` often do, ``Hence``,
``They``, ``For`` hardly ever.  The paragraphs pass leans on them where a line's
width alone leaves its end ambiguous.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from .measure import width

INSIDE = re.compile(r"(?<=[a-z)\u201d\u2019][.!?]) ([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")  # mid-line
LOWER = re.compile(r"\b[a-z]+\b")
FIRST = re.compile(r"^([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?")  # a sentence's first word or two
STOP = re.compile(r"[a-z)][.!?][\u201d\u2019)]*\d{0,3}$")
CLEAR = 0.75  # a sentence's last line narrower than this share of the measure ends a paragraph
SEEN = 5  # a word needs this many sightings for odds of its own
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
        self.starts, self.inside, self.common = starts, inside, common
        self.total = [max(sum(n for k, n in c.items() if " " not in k), 1)  # sentences
                      for c in (starts, inside)]

    def odds(self, line: str) -> float:
        """The log-odds that ``line``'s opening sentence begins a paragraph (0: no evidence)."""
        first = FIRST.match(line)
        keys = _keys(first) if first else []
        if not keys or keys[0] not in self.common:
            return 0.0
        for key in reversed(keys):  # the two words where they are seen often enough
            s, i = self.starts[key], self.inside[key]
            if s + i >= SEEN:
                lean = math.log((s + 0.5) / self.total[0]) - math.log((i + 0.5) / self.total[1])
                return max(LOW, min(HIGH, lean))
        return 0.0


def _keys(m: re.Match[str]) -> list[str]:
    """A sentence opening's first word and, if it has one, its first two (lower case)."""
    word = m[1].lower()
    return [word, f"{word} {m[2]}"] if m[2] else [word]
