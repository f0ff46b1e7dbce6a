"""Whether the next line's first word would have fitted at the end of a line: the test
Tesseract's paragraph finder makes (``FirstWordWouldHaveFit``), weighed by how far this
volume's widths can be trusted for it.

A justified line that runs on was broken for lack of room: its next word, with a space
before it, would not have fitted in the measure.  A paragraph's last line leaves room to
spare, so a sentence end followed by a word that would have fitted closes a paragraph.

The test is only as good as the widths.  ``measure.width`` reckons them from a Times-like
face; a volume set in another face, or scanned with words run together, breaks lines
where these widths say the next word fits.  So the volume is asked first: among lines
that surely run on (inside a sentence, after a line inside a sentence, so not a
paragraph's first line), how many would wrongly pass the test; and among long lines that
end a sentence, how many pass it.  Only where a pass at a sentence end is more likely a
paragraph's end than a false pass (twice as many passes there as false ones) does the
test decide; elsewhere the widths of the lines alone do, as before.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from .lines import SENTENCE_END, SHORT, line_kind, runs_on
from .measure import width
from .openers import CLEAR

SPACE = width("a a") - width("aa")  # a word space's width in ems
REACH = 2  # pages either side: the local measure of a page comes from these


@dataclass(frozen=True)
class Fit:
    """Each page's full measure, and whether the fit test is to be trusted here."""

    measures: list[float]  # per page: the widest running line of the pages around
    trusted: bool
    false_passes: float  # share of running lines that pass (the test's false alarms)
    sentence_passes: float  # share of long lines ending a sentence that pass
    prior: float = 0.0  # log-odds that a line ending a sentence ends its paragraph
    indent: float = 0.0  # a paragraph's first line is this much short of the measure

    def passes(self, page: int, line: str, following: str, indent: float = 0.0) -> bool:
        """Whether ``following``'s first word (and a space) would have fitted after
        ``line`` on page ``page`` (index), on a line ``indent`` ems short of the measure."""
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        return width(line) + SPACE + width(word) <= self.measures[page] - indent

    def first_line(self, page: int, line: str) -> bool:
        """Whether ``line`` may be a paragraph's first line by its width: short of the
        measure by the indent, but for a word space the setter may have squeezed."""
        return width(line) <= self.measures[page] - self.indent + SPACE

    def odds(self, page: int, following: str, indent: float = 0.0) -> float:
        """The log-odds that a sentence's last line that fails the test ends its
        paragraph: a paragraph's last line may be of any width, one that runs on is
        short of the measure by less than ``following``'s first word and a space."""
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        return self.prior + math.log((SPACE + width(word)) / (self.measures[page] - indent))


def learn(pages: list[list[str]], measures: list[float]) -> Fit:
    """The fit test for these pages (their running lines; ``measures``: each page's
    measure as the paragraphs pass reckons it)."""
    lines = [(line.strip(), at) for at, page in enumerate(pages) for line in page]
    running: list[tuple[int, str, str]] = []  # (page, line, next line) inside sentences
    ending: list[tuple[int, str, str]] = []  # … at sentence ends
    for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:], strict=False):
        if not line or not after or width(line) < SHORT * measures[at]:
            continue
        if SENTENCE_END.search(line):
            if line_kind(after, line) == "text":
                ending.append((at, line, after))
        elif before and not SENTENCE_END.search(before) and runs_on(line, after):
            running.append((at, line, after))  # not a paragraph's first line either
    widest = [0.0] * len(pages)
    for at, line, _ in running:
        widest[at] = max(widest[at], width(line))
    local = [max(widest[max(0, i - REACH) : i + REACH + 1], default=0.0) or measures[i]
             for i in range(len(pages))]
    fit = Fit(local, False, 0.0, 0.0)
    false_passes = _share(fit, running)
    sentence_passes = _share(fit, ending)
    if not running or sentence_passes <= 2 * false_passes:
        return Fit(local, False, false_passes, sentence_passes)
    return Fit(local, True, false_passes, sentence_passes,
               _prior(fit, lines, false_passes), _indent(fit, lines, measures))


def _prior(fit: Fit, lines: list[tuple[str, int]], false_passes: float) -> float:
    """The log-odds that a sentence's last line (before a sentence's first) ends its
    paragraph: the share of such lines that pass, against the share that would if every
    one did (its width anywhere in the measure) and the share that would if none did
    (the false passes)."""
    ends = [(at, line, after) for (line, at), (after, _) in itertools.pairwise(lines)
            if line and after[:1].isupper() and SENTENCE_END.search(line)
            and line_kind(after, line) == "text"]
    if not ends:
        return 0.0
    room = sum(1 - (SPACE + width(after.split(maxsplit=1)[0])) / fit.measures[at]
               for at, _, after in ends) / len(ends)
    share = (_share(fit, ends) - false_passes) / max(room - false_passes, 1e-3)
    share = min(max(share, 0.01), 0.99)
    return math.log(share / (1 - share))


def _indent(fit: Fit, lines: list[tuple[str, int]], measures: list[float]) -> float:
    """A paragraph's indent: how far short of the measure the widest of the lines that
    follow a clearly short sentence end (paragraphs' first lines) falls."""
    firsts = [fit.measures[at] - width(line)
              for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:],
                                                            strict=False)
              if line[:1].isupper() and SENTENCE_END.search(before)
              and width(before) < CLEAR * measures[at] and runs_on(line, after)]
    return max(0.0, min(firsts, default=0.0))


def _share(fit: Fit, lines: list[tuple[int, str, str]]) -> float:
    return sum(fit.passes(*t) for t in lines) / len(lines) if lines else 0.0
