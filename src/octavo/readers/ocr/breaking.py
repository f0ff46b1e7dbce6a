"""Where this volume's setter breaks words, learnt from its own line-end breaks.

A setter breaks a word only at certain places: between syllables, a consonant carried
over before a vowel (``ca-pital``, ``com-mon``), never inside a run of consonants that
opens no syllable (``wor-ldwide``).  What those places look like is learnt from the
volume's own breaks (a line ending ``head-``, the next opening with the rest in lower
case): each cut's shape, the vowels and consonants of the two letters either side of it,
is counted, and so is every place of that shape inside the words the volume prints.  A
shape seen at least ``SEEN`` times among the volume's breaks is one its setter makes; one
seen less is none he makes only where its places in the volume's words are so many that,
had he cut there as often as at the places of the shapes he makes (``Breaks.rate``), it
would have been seen more often but by a chance rarer than one in ``SHAPES``: a shape of
fewer places is not judged.  So a line-end hyphen at a cut he never makes is a compound's
own (``world-`` ``wide``), and a line that left room for the part of the next word he is
seen to break off first (``con-`` of ``consequently``) would have been broken there had it
run on (``fit``).  A volume of few breaks (its scan set broken words whole on their
lines, its few line-end hyphens compounds' own of every shape) judges nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

VOWELS = frozenset("aeiouy")  # (``y`` a vowel inside a word: ``ty-rant``, ``sys-tem``)
SIDE = 2  # letters either side of a cut whose classes make its shape: a syllable's break
# is told by the consonants between two vowels (``VC-CV``, ``V-CV``), two letters a side
SEEN = 2  # times a shape is seen among the volume's breaks for it to be its setter's:
# once may be a slip (a compound's own hyphen at a line end, a misread), as ``words.OWN``
SHAPES = 4 ** SIDE  # the shapes of a cut with ``SIDE`` letters either side: a shape the
# setter makes is judged none only where chance leaves it seen so seldom (Poisson, at his
# rate) less often than once in as many, so that none of his is judged so by chance


def shape(head: str, tail: str) -> str:
    """The classes of the letters either side of a cut, ``V`` a vowel and ``C`` another
    letter, ``#`` none (a part shorter than ``SIDE``): ``VC|CV`` for ``com|mon``."""
    return _classes(head[-SIDE:]).rjust(SIDE, "#") + "|" + _classes(tail[:SIDE]).ljust(SIDE, "#")


def _classes(letters: str) -> str:
    """Each letter's class, ``V`` a vowel and ``C`` another (``shape``'s halves)."""
    return "".join("V" if c in VOWELS else "C" for c in letters.lower())


@dataclass(frozen=True)
class Breaks:
    """The shapes of the cuts at the volume's line-end breaks, and of the places inside
    its words, counted."""

    shapes: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    tails: Counter[str] = field(default_factory=Counter)  # the rests carried over

    @classmethod
    def learn(cls, breaks: list[tuple[str, str]], words: Counter[str]) -> Breaks:
        """The model from the volume's breaks, each its head (before the hyphen) and the
        tail opening the next line, and the words it prints (each as often)."""
        places: Counter[str] = Counter()
        for word, count in words.items():
            if not word.isalpha():
                continue  # (a compound's parts are not its places)
            letters = _classes(word)  # (each place's shape is a slice of the word's classes,
            # a shape's letters either side of it)
            for cut in range(SIDE, len(word) - SIDE + 1):
                places[f"{letters[cut - SIDE:cut]}|{letters[cut:cut + SIDE]}"] += count
        return cls(Counter(shape(head, tail) for head, tail in breaks), places,
                   Counter(tail for _, tail in breaks))

    @cached_property
    def rate(self) -> float:
        """How often the setter breaks a word at a place of a shape he makes: his breaks of
        those shapes (seen ``SEEN`` times) for each such place in the volume's words."""
        made = [cut for cut, seen in self.shapes.items() if seen >= SEEN]
        places = sum(self.places[cut] for cut in made)
        return sum(self.shapes[cut] for cut in made) / places if places else 0.0

    def makes(self, head: str, tail: str) -> bool:
        """Whether the setter cuts a word as ``head`` | ``tail``: its shape seen ``SEEN``
        times among his breaks (a line end's own cut counted), or seen as often as chance
        leaves one of his, cutting its places at his rate (True where nothing is known)."""
        cut = shape(head, tail)
        seen, expected = self.shapes[cut], self.rate * self.places[cut]
        return seen >= SEEN or sum(expected ** k / math.factorial(k) for k in range(seen + 1)) \
            * math.exp(-expected) >= 1 / SHAPES

    @cached_property
    def tail(self) -> int:
        """The letters of the least rest the setter carries over (but for the shortest
        tenth, as ``fit``'s least head)."""
        tails = sorted(map(len, self.tails.elements()))
        return tails[len(tails) // 10] if tails else 1

    def least(self, word: str, head: int) -> int:
        """The letters of ``word``'s least head the setter breaks off: its earliest cut he
        makes (``makes``), leaving at least ``head`` letters before it and his least rest
        (``tail``) after; ``len(word)`` where there is none (it is set whole)."""
        for cut in range(max(head, 1), len(word) - self.tail + 1):
            if self.makes(word[:cut], word[cut:]):
                return cut
        return len(word)

    def seen(self, head: str, tail: str) -> bool:
        """Whether the setter is seen to cut a word as ``head`` | ``tail``: its shape seen
        ``SEEN`` times among his breaks (not merely too rare to judge)."""
        return self.shapes[shape(head, tail)] >= SEEN
