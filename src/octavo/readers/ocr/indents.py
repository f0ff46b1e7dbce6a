"""Paragraphs' openings told by the indents or blank lines the scan kept.

A layout-keeping extraction (``pdftotext -layout``, an OCR that keeps its spaces) sets a
paragraph's indented first line with leading spaces; some scans set a blank line between
paragraphs.  ``pages`` takes the spaces off the line's text and keeps their number on the
line (``Line.indent``), and ``breaks.joined``, which makes such a page whole again, keeps
the blank line as ``Line.gap``, so that no other pass sees either.  Whether they mark the
print's paragraphs is learnt from the volume's running text: the lines standing further in
than their page's text (or under a blank line) follow a short line or a sentence's end (a
paragraph's last line) far more often than the others do (a printed line ends a sentence
seldom: the sample's 13%).  Where they do, they are a sure sign: such a line opens a
paragraph, and an unmarked one after a full line runs on.  Elsewhere (no indents, a copy
indented throughout, white space a saver added here and there) nothing changes.  Over a
page break no mark shows, but the blank line that closed a page's last paragraph may stand
over the page's foot (``turned``): the next page's first line is given the mark.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .lines import SENTENCE_END, SHORT, is_signature
from .measure import width

if TYPE_CHECKING:
    from .pages import Page

# Of the indented lines, at least this share follows a paragraph's likely end (a short
# line, a sentence's end): all would in print; a fifth is left for the OCR's stray spaces
# and for indented quotations, whose lines run on.
AFTER_ENDS = 0.8
FAR_MORE = 3  # … this many times the flush lines' share (about 3 in 4 against 1 in 4
# or less: a printed line is seldom short or a sentence's end)
LEAST = 5  # indented lines at least: fewer tell nothing of a volume


class Line(str):
    """A page's line without its leading spaces, their number kept as ``indent``; ``gap``
    if a blank line stood over it inside its page (``breaks.joined``)."""

    indent: int = 0
    gap: bool = False


def stripped(text: str) -> str:
    """``text`` without its leading spaces: a ``Line`` keeping their number, if any."""
    if not text.startswith(" "):
        return text
    bare = text.lstrip(" ")
    return bare if len(bare) == len(text) else _line(bare, len(text) - len(bare), False)


def marked(pages: Iterable[Iterable[str]]) -> bool:
    """Whether any line of the ``pages`` kept an indent or a blank line over it (a ``Line``:
    where none did, the indents tell nothing, and a line mended needs none put back)."""
    return any(map(isinstance, itertools.chain.from_iterable(pages), itertools.repeat(Line)))


def indent(line: str) -> int:
    """The leading spaces a page's line had (``stripped``)."""
    return getattr(line, "indent", 0)


def ems(line: str, spaces: int) -> float:
    """How wide ``spaces`` leading spaces stood before ``line``, in ems: a space for a
    character of the line, as the scan set it."""
    return spaces * width(line) / len(line) if line else 0.0


def gap(line: str) -> bool:
    """Whether a blank line stood over a page's line inside its page (``gapped``)."""
    return getattr(line, "gap", False)


def gapped(line: str) -> Line:
    """A page's line with a blank line over it inside its page."""
    return _line(line, indent(line), True)


def like(old: str, new: str) -> str:
    """``new``, a page's line ``old`` mended, with what ``old`` kept of its indent and gap."""
    return _line(new, old.indent, old.gap) if isinstance(old, Line) else new


def _line(text: str, indent: int, gap: bool) -> Line:
    """``text`` as a page's line with its ``indent`` and ``gap``."""
    out = Line(text)
    out.indent, out.gap = indent, gap
    return out


@dataclass
class Indents:
    """What the volume's lines keep of the print's paragraph openings."""

    bases: list[int]  # each page's text indent: its lines' commonest (a tie's least)
    kept: bool  # whether an indent beyond it opens a paragraph
    gaps: bool = False  # whether a blank line inside a page does

    @property
    def tell(self) -> bool:
        """Whether the indents or the blank lines tell a paragraph's opening (``opens``)."""
        return self.kept or self.gaps

    def shift(self, page: int, line: str) -> int:
        """How much further in than its page's text (``page``, by index) ``line`` stands."""
        return max(indent(line) - self.bases[page], 0) if self.kept else 0

    def opens(self, line: str, shift: int, last: str, before: int,
              measure: float) -> bool | None:
        """Whether ``line``, standing ``shift`` further in than the text, opens a paragraph
        after the line ``last`` (``before``: its shift): an indented line does, unless the
        line before stood as far in (an indented quotation's next line), as does one under
        a blank line; a flush line after a full line does not (its indent counted, ``ems``:
        an indented first line is full; not a signature set far in, ``Publius.`` ranged
        right), but for a signature or a source, set apart with no indent; else the volume
        does not tell (None).  (A line with no blank line over
        it is left to the widths: an export may set blank lines after only some paragraphs.)"""
        if (shift and shift != before) or (self.gaps and gap(line)):
            return True
        if self.kept and not shift and last \
                and width(last) + ems(last, before) >= SHORT * measure \
                and not is_signature(line, measure) and not is_signature(last, measure):
            return False
        return None


def _tells(pairs: Iterable[tuple[bool, bool]]) -> bool:
    """Whether a mark on lines opens paragraphs, by ``pairs`` of each line's mark and
    whether the line before was a likely paragraph's end."""
    counts = Counter(pairs)
    marked = counts[True, True] + counts[True, False]
    other = counts[False, True] + counts[False, False]
    after_ends = counts[True, True] / marked if marked else 0.0
    return marked >= LEAST and after_ends >= AFTER_ENDS and (
        after_ends >= FAR_MORE * counts[False, True] / other if other else True)


def learn(pages: list[list[str]], measures: list[float]) -> Indents:
    """What the lines of the pages (their running text's, by page, with the pages'
    ``measures``) keep of the print's paragraph openings."""
    if not marked(pages):
        return Indents([0] * len(pages), False)
    bases = [min(Counter(map(indent, lines)).items(), key=lambda c: (-c[1], c[0]))[0]
             if lines else 0 for lines in pages]  # the commonest, the least of a tie
    placed = [(line, base, measure, k == 0) for lines, base, measure in zip(
        pages, bases, measures, strict=True) for k, line in enumerate(lines)]
    ends = [(bool(SENTENCE_END.search(last)) or width(last) < SHORT * measure, line, base, top)
            for (last, _, measure, _), (line, base, _, top) in itertools.pairwise(placed)]
    # (a page's first line after the last page's last; no gap shows over it)
    return Indents(bases, _tells((indent(line) > base, end) for end, line, base, _ in ends),
                   _tells((gap(line), end) for end, line, _, top in ends if not top))


def turned(pages: list[Page], bodies: list[Page]) -> list[Page]:
    """The ``bodies`` (each page's text lines, ``footnotes.split_footnotes`` of ``pages``)
    with a paragraph's opening marked on a page's first line where the page before ended
    its paragraph on its last line, told by the blank line a scan that sets paragraphs
    apart keeps there, between the text and the page's foot (a footnote's first line, or
    the folio under the text): the foot stands deeper under the text (``_depth``) than any
    foot of its kind under a text that runs on (a last line that ends no sentence) does.
    Where no foot of a kind stands under a text that runs on, or none deeper after a
    sentence's end, that kind tells nothing.  So, on a page with no footnotes, do a stamp
    taken off at its foot further in than the stamp stands elsewhere (``Tail.carried``: it
    took the indent a form feed's text gives the line under a gap) and a page break under
    more blank lines (``Tail.under``: a form feed's text keeps those over its feeds), each
    deeper than any under a text that runs on (a stamp set further in on every verso, or
    every break alike, tells nothing)."""
    feet = [_foot(page, body) for page, body in zip(pages, bodies, strict=True)]
    ends = [bool(body.lines and SENTENCE_END.search(body.lines[-1])) for body in bodies]
    deep = [_depth(line) for _, line in feet]
    over = {kind: _over(depths) for kind in ("note", "folio") if (depths := [
        (d, end) for (k, _), d, end in zip(feet, deep, ends, strict=True) if k == kind])}
    bare = [k != "note" for k, _ in feet]  # (no footnote's gap stands under the text)
    closed = [a or b for a, b in zip(_closed([page.tail.carried for page in pages], ends, bare),
                                     _closed([page.tail.under for page in pages], ends, bare),
                                     strict=True)]
    if all(least is None for least in over.values()) and not any(closed):
        return bodies
    opening = Counter(indent(ln) for body in bodies for ln in body.lines if indent(ln))
    shift = opening.most_common(1)[0][0] if opening else 0
    out = list(bodies)
    for k in range(len(bodies) - 1):
        deeper = (least := over.get(feet[k][0])) is not None and deep[k] > least
        if (deeper or closed[k]) and ends[k] and (after := bodies[k + 1].lines):
            first = _line(after[0], max(indent(after[0]), shift), True)
            out[k + 1] = replace(bodies[k + 1], lines=[first, *after[1:]])
    return out


def _closed(depths: list[int], ends: list[bool], bare: list[bool]) -> list[bool]:
    """Which pages (``bare``: those with no footnote under their text) the ``depths`` of
    their feet tell closed their last paragraph: deeper than any under a text that runs on
    (``_over``; ``ends``: whether each page's last line ended a sentence)."""
    least = _over([(d, end) for d, end, b in zip(depths, ends, bare, strict=True) if b])
    return [b and least is not None and d > least for d, b in zip(depths, bare, strict=True)]


def _foot(page: Page, body: Page) -> tuple[str, str]:
    """A page's foot: ("note", its first footnote's first line), ("folio", the folio's
    line under the text), or ("", "").  (``split_footnotes`` keeps a body its page's
    first lines: a line of the page past them was cut off as a footnote's.)"""
    if len(page.lines) > len(body.lines):
        return "note", page.lines[len(body.lines)]
    return ("folio", page.foot) if page.foot else ("", "")


def _depth(line: str) -> int:
    """How far a foot's line stands under the text: its indent (which a text paged by form
    feeds gives for the blank lines over it, a space more for each past the first), or 1
    under a blank line."""
    return max(indent(line), int(gap(line)))


def _over(depths: list[tuple[int, bool]]) -> int | None:
    """The depth a foot's line stands at beyond which it tells a paragraph's end, by
    ``depths`` of each foot's line and whether the text's last line ended a sentence: the
    deepest of the feet under a text that runs on (one at least), if some after a
    sentence's end stand deeper; else None."""
    flowing = [depth for depth, end in depths if not end]
    if not flowing:
        return None
    least = max(flowing)
    return least if any(depth > least for depth, end in depths if end) else None
