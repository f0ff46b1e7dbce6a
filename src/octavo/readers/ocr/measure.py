"""How wide a line of the print was, from its characters' widths in the face it was set in.

Justified lines of one measure vary a lot in character count (``illicit`` against
``womanhood``) but little in width; a line that falls short of the measure is a
paragraph's last line.  A printed volume's widths are Times Roman's advance widths in
1/1000 em (``TIMES``); a text set by character count, as a typewriter or a plain-text
wrap sets it, has every character as wide (``FIXED``).  Which face a volume's lines were
set in is learnt from them (``faces``); ``width`` measures in the face of the read under
way (``using``), Times unless told.
"""

from __future__ import annotations

import statistics
from collections import defaultdict, deque
from collections.abc import Iterable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING

from ...contextual import set_to

if TYPE_CHECKING:
    from .pages import Page

_WIDTHS = {
    **dict.fromkeys("abcdeghknopquvxyz", 500), "a": 444, "c": 444, "e": 444, "z": 444,
    "f": 333, "i": 278, "j": 278, "l": 278, "t": 278, "r": 333, "s": 389, "m": 778, "w": 722,
    **dict.fromkeys("ABCDGHKNOQUVXY", 722), "E": 611, "F": 556, "I": 333, "J": 389, "L": 611,
    "M": 889, "P": 556, "R": 667, "S": 556, "T": 611, "W": 944, "Z": 611, "B": 667,
    **dict.fromkeys("0123456789", 500), " ": 250, ".": 250, ",": 250, ";": 278, ":": 278,
    "-": 333, "(": 333, ")": 333, "\u201c": 444, "\u201d": 444, "\u2018": 333, "\u2019": 333,
    "\u2014": 1000, "!": 333, "?": 444, "*": 500,
}


TIMES = "times"
FIXED = "fixed"
_TABLES: dict[str, defaultdict[str, int]] = {
    TIMES: defaultdict(lambda: 500, _WIDTHS),  # others: half an em
    FIXED: defaultdict(lambda: 500),  # every character half an em
}
_FACE: ContextVar[str] = ContextVar("face", default=TIMES)
INSIDE = 3 / 4  # of the measure: no paragraph's inside line falls shorter (inside a sentence,
# ending in a word): a justified line fills it, and a ragged one falls so short only before
# a word of a quarter of the measure (a dozen letters or more, at ten words a line)
WIDE = 12  # ems: the least width of a line a measure counts (not a short heading, nor a
# paragraph's short last line)
MEASURED = 32768  # lines whose widths are kept per face (as many as the LRU cache this
# replaced kept: the sample's 14,725 lines and the joins the passes measure); past it the
# oldest goes, one for each new (not all at once: a read's cost would hang on how full
# the reads before it left them)
_MEASURED: dict[str, dict[str, float]] = {TIMES: {}, FIXED: {}}  # a plain dict's look-up
# costs less than an LRU cache's, asked some 230,000 times a read
_ORDER: dict[str, deque[str]] = {TIMES: deque(), FIXED: deque()}  # the lines as kept (a
# plain dict lets go of its first key slowly: each time past all those let go before)


def using(face: str) -> AbstractContextManager[None]:
    """Measure in ``face`` (``TIMES`` or ``FIXED``) inside the block."""
    return set_to(_FACE, face)


def face() -> str:
    """The face of the read under way (``TIMES`` unless told)."""
    return _FACE.get()


def width(line: str) -> float:
    """The line's width in ems, in the face of the read under way."""
    set_in = _FACE.get()
    measured = _MEASURED[set_in]
    if (known := measured.get(line)) is not None:
        return known
    order = _ORDER[set_in]
    if len(order) >= MEASURED:
        del measured[order.popleft()]
    order.append(line)
    measured[line] = found = _width(line, set_in)
    return found


def inside(line: str, full: float) -> bool:
    """Whether a line is as wide as a paragraph's inside lines (``INSIDE`` of the measure
    ``full``)."""
    return bool(line) and width(line) >= INSIDE * full


def space() -> float:
    """A word space's width in ems, in the face of the read under way."""
    return _space(_FACE.get())


@cache
def _space(face: str) -> float:
    return _width("a a", face) - _width("aa", face)


def _width(line: str, face: str) -> float:
    return sum(map(_TABLES[face].__getitem__, line.strip())) / 1000


def forget() -> None:
    """Let go of the widths kept (a face's table changed: a test's)."""
    for kept in (*_MEASURED.values(), *_ORDER.values()):
        kept.clear()
    _space.cache_clear()


def of_lines(lines: Iterable[str]) -> float:
    """The text measure of ``lines`` (``measure`` of their widths)."""
    return measure([width(line) for line in lines])


def of_pages(pages: Iterable[Page]) -> float:
    """The text measure of the pages' lines, in the face of the read under way: a volume's,
    asked by ``footnotes`` before the face is learnt (in Times) and by ``rewrapped`` after
    (in the volume's face), so not once for both."""
    return of_lines(line for page in pages for line in page.lines)


def measure(widths: list[float]) -> float:
    """The text measure of a run of lines, from their widths: the median of the long ones."""
    wide = [w for w in widths if w >= WIDE]
    return statistics.median(wide) if wide else 0.0
