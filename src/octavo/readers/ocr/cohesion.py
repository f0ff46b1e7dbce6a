"""Whether the next lines take up the words of the paragraph so far.

A paragraph's sentences share more of their rarer words with each other than with the
next paragraph's (the cue text tiling splits texts by).  How much more, the volume says:
the rarity of a word is its share of the volume's lines, and the likelihood ratio of a
given overlap comes from the sentences whose place the text settles, those opening
inside a line (never a paragraph's first) against those opening the line after a
clearly short sentence end (a paragraph's first, as ``openers`` counts them).  On a
volume whose paragraphs take up each other's words as often as their own sentences do,
the ratio is flat and tips nothing.  Only prose teaches it: a heading, a note or a
chronicle's entry closes the paragraph so far and opens none (the real scan's chronicle,
whose entries share their dates and names, would teach the opposite of its prose).
The next lines are weighed as far as the next clear end (at least the three the pass sees,
at most five): were the paragraph to end, its next would end there, and the lines beyond
belong to neither reading's paragraph; the more of them, the more words tell.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from . import logistic
from .lines import line_kind
from .measure import width
from .openers import CLEAR, FIRST, INSIDE, STOP

WORD = re.compile(r"[a-z]+")
AHEAD = 5  # lines at most: the candidate first line and those after it, as far as the
# next paragraph's end (of 3 to 8 tried on othervolumes 91-290 and 551-750, 5 called the
# most ends right)
SEEN = 3  # lines at least: the candidate first line and the two after it


class Cohesion:
    """Log-likelihood ratios of a paragraph's end, given how much of its words the next
    lines take up."""

    def __init__(self, pages: list[list[str]], measures: list[float]) -> None:
        lines = [(line.strip().lower(), line.strip(), measure)
                 for page, measure in zip(pages, measures, strict=True) for line in page]
        seen: Counter[str] = Counter()
        for lower, _, _ in lines:
            seen.update(set(WORD.findall(lower)))
        self.lines = max(len(lines), 1)
        self.rarity = {w: math.log(self.lines / n) for w, n in seen.items()}
        scores: list[tuple[float, bool]] = []  # (overlap, a paragraph's first sentence)
        held: set[str] = set()  # the words of the paragraph so far
        prose = [line_kind(line, before) == "text"
                 for before, line in itertools.pairwise(["", *(ln for _, ln, _ in lines)])]
        for n, (lower, line, measure) in enumerate(lines):
            if not prose[n]:
                held = set()  # a heading, a note, an entry (a chronicle's): no paragraph's
            nexts = [low for low, _, _ in lines[n + 1 : n + AHEAD]]
            for m in INSIDE.finditer(line):  # a sentence opening inside the line
                before = held.union(WORD.findall(lower[: m.start()]))
                scores.append((self.overlap(before, [lower[m.start():], *nexts]), False))
            held.update(WORD.findall(lower))
            if (n + 1 < len(lines) and STOP.search(line) and width(line) < CLEAR * measure
                    and FIRST.match(lines[n + 1][1]) and prose[n + 1]):
                scores.append((self.overlap(held, [low for low, _, _ in
                                                   lines[n + 1 : n + 1 + AHEAD]]), True))
                held = set()
        self.slope, base = logistic.fit(scores)  # its intercept less the kinds' log-ratio:
        ends = sum(end for _, end in scores)
        self.base = base - math.log(ends / (len(scores) - ends)) if self.slope else 0.0

    def overlap(self, held: set[str], following: list[str]) -> float:
        """The cosine of the rare words of the paragraph so far (``held``) and of the
        ``following`` lines, each word weighed by its rarity."""
        ahead = set(WORD.findall(" ".join(following).lower()))
        weight = self.rarity.get
        rare = math.log(self.lines)  # a word not seen in the volume: as rare as can be
        norm = math.sqrt(sum(weight(w, rare) ** 2 for w in held)
                         * sum(weight(w, rare) ** 2 for w in ahead))
        return sum(weight(w, rare) ** 2 for w in ahead if w in held) / norm if norm else 0.0

    def odds(self, paragraph: str, following: list[str], end: int = AHEAD) -> float:
        """The log-likelihood ratio of a paragraph's end between ``paragraph`` (its text so
        far) and the ``following`` lines (the next line first), as far as the next clear
        end (``end`` lines on, the next line counted): were the paragraph to end, its next
        would end there, and the lines beyond are a third's."""
        if not self.slope:
            return 0.0
        held = set(WORD.findall(paragraph.lower()))
        return self.base + self.slope * self.overlap(held, following[:max(SEEN, min(end, AHEAD))])
