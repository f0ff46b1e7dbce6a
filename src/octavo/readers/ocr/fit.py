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

from dataclasses import dataclass

from .lines import SENTENCE_END, SHORT, line_kind, runs_on
from .measure import width

SPACE = width("a a") - width("aa")  # a word space's width in ems
REACH = 2  # pages either side: the local measure of a page comes from these


@dataclass(frozen=True)
class Fit:
    """Each page's full measure, and whether the fit test is to be trusted here."""

    measures: list[float]  # per page: the widest running line of the pages around
    trusted: bool
    false_passes: float  # share of running lines that pass (the test's false alarms)
    sentence_passes: float  # share of long lines ending a sentence that pass

    def passes(self, page: int, line: str, following: str, indent: float = 0.0) -> bool:
        """Whether ``following``'s first word (and a space) would have fitted after
        ``line`` on page ``page`` (index), on a line ``indent`` ems short of the measure."""
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        return width(line) + SPACE + width(word) <= self.measures[page] - indent


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
    return Fit(local, bool(running) and sentence_passes > 2 * false_passes,
               false_passes, sentence_passes)


def _share(fit: Fit, lines: list[tuple[int, str, str]]) -> float:
    return sum(fit.passes(*t) for t in lines) / len(lines) if lines else 0.0

