"""Paragraphs' first lines told by their indents, where the scan kept them.

A layout-keeping extraction (``pdftotext -layout``, an OCR that keeps its spaces) sets a
paragraph's indented first line with leading spaces.  ``pages`` takes them off the line's
text and keeps their number on the line (``Line.indent``), so that no other pass sees
them.  Whether they are the print's indents is learnt from the volume's running text:
lines standing further in than their page's text follow a short line or a sentence's end
(a paragraph's last line) far more often than the flush ones do (a printed line ends a
sentence seldom: the sample's 13%).  Where they do, they are a sure sign: an indented line
opens a paragraph, and a flush one after a full line runs on.  Elsewhere (no indents, a
copy indented throughout, white space a saver added here and there) nothing changes.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from .lines import SENTENCE_END, SHORT, is_signature
from .measure import width

# Of the indented lines, at least this share follows a paragraph's likely end (a short
# line, a sentence's end): all would in print; a fifth is left for the OCR's stray spaces
# and for indented quotations, whose lines run on.
AFTER_ENDS = 0.8
FAR_MORE = 3  # … this many times the flush lines' share (about 3 in 4 against 1 in 4
# or less: a printed line is seldom short or a sentence's end)
LEAST = 5  # indented lines at least: fewer tell nothing of a volume


class Line(str):
    """A page's line without its leading spaces, their number kept as ``indent``."""

    indent: int


def stripped(text: str) -> str:
    """``text`` without its leading spaces: a ``Line`` keeping their number, if any."""
    bare = text.lstrip(" ")
    if len(bare) == len(text):
        return bare
    line = Line(bare)
    line.indent = len(text) - len(bare)
    return line


def indent(line: str) -> int:
    """The leading spaces a page's line had (``stripped``)."""
    return getattr(line, "indent", 0)


def like(old: str, new: str) -> str:
    """``new``, a page's line ``old`` mended, with ``old``'s indent."""
    return stripped(" " * indent(old) + new) if indent(old) else new


@dataclass
class Indents:
    """What the volume's lines keep of the print's indents."""

    bases: list[int]  # each page's text indent: its lines' commonest (a tie's least)
    kept: bool  # whether an indent beyond it opens a paragraph

    def shift(self, page: int, line: str) -> int:
        """How much further in than its page's text (``page``, by index) ``line`` stands."""
        return max(indent(line) - self.bases[page], 0) if self.kept else 0

    def opens(self, line: str, shift: int, last: str, before: int,
              measure: float) -> bool | None:
        """Whether ``line``, standing ``shift`` further in than the text, opens a paragraph
        after the line ``last`` (``before``: its shift): an indented line does, unless the
        line before stood as far in (an indented quotation's next line); a flush one after
        a full line does not (its indent counted, a space for a character as the scan set
        it: an indented first line is full), but for a signature or a source, set apart
        with no indent; else the indents do not tell (None)."""
        if not self.kept:
            return None
        if shift and shift != before:
            return True
        if not shift and last and width(last) * (1 + before / len(last)) >= SHORT * measure \
                and not is_signature(line, measure):
            return False
        return None


def learn(pages: list[list[str]], measures: list[float]) -> Indents:
    """What the lines of the pages (their running text's, by page, with the pages'
    ``measures``) keep of the print's indents."""
    bases = [min(Counter(map(indent, lines)).items(), key=lambda c: (-c[1], c[0]))[0]
             if lines else 0 for lines in pages]  # the commonest, the least of a tie
    counts: Counter[tuple[bool, bool]] = Counter()  # (indented, after a likely end)
    placed = [(line, base, measure) for lines, base, measure in zip(pages, bases, measures,
                                                                     strict=True)
              for line in lines]  # (a page's first line after the last page's last)
    for (last, _, measure), (line, base, _) in itertools.pairwise(placed):
        counts[indent(line) > base, bool(SENTENCE_END.search(last))
               or width(last) < SHORT * measure] += 1
    indented = counts[True, True] + counts[True, False]
    flush = counts[False, True] + counts[False, False]
    after_ends = counts[True, True] / indented if indented else 0.0
    kept = indented >= LEAST and after_ends >= AFTER_ENDS and (
        after_ends >= FAR_MORE * counts[False, True] / flush if flush else True)
    return Indents(bases, kept)
