"""Which face a volume's lines were set in: a printer's, each letter as wide as it is
(``measure.TIMES``), or every character alike, as a typewriter or a plain-text wrap sets
them (``measure.FIXED``).

A line that runs on was broken for lack of room: in the face it was set in, its next
word would not have fitted after it.  Measured in another face, many such lines seem to
have had room.  So each face is asked how many of the lines that surely run on had room
for their next word (``fit.false_share``).  Times, the printer's, is kept unless every
character alike leaves fewer than half as many: the margin by which ``fit`` trusts the
test (a scan whose widths no face explains keeps the print's).
"""

from __future__ import annotations

from . import fit, measure
from .pages import Page
from .paragraphs import measures, running_text

ENOUGH = 1000  # lines to ask: shares near none and near half (a wrong face's: 0.4 to 0.8
# on the volumes we made and the sample scan) differ by many times their error at this size


def learn(pages: list[Page]) -> str:
    """The face the pages' running lines were set in, asked of pages spread through them."""
    some = pages[:: -(-sum(len(p.lines) for p in pages) // ENOUGH) or 1]
    text = running_text(some)
    running = fit.running_on(text, measures(some))  # (told by their words, not widths)
    times, fixed = (_false_share(running, len(text), face)
                    for face in (measure.TIMES, measure.FIXED))
    return measure.FIXED if fixed * fit.MARGIN < times else measure.TIMES


def _false_share(running: list[fit.Sample], pages: int, face: str) -> float:
    with measure.using(face):
        return fit.false_share(running, pages)
