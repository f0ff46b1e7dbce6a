"""An OCR's misreads: the same line read anew on another page, a letter wrong here and
there (``COMMERClAL``, ``C0MRADE``), as a stamp, a running head or a title recurs."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter

# the similarity (difflib's ratio) at which two readings are one line: a letter wrong in
# four at most; a line of text that happens to stand where a stamp's or a head's does
# shares far less with it
CLOSE_ENOUGH = 0.75
_NUMBERS = re.compile(r"\d+")


def lengths(line: str) -> range:
    """The lengths a misreading of ``line`` may run to (difflib's real_quick_ratio)."""
    n = len(line)
    return range(math.ceil(n * CLOSE_ENOUGH / (2 - CLOSE_ENOUGH)),
                 math.floor(n * (2 - CLOSE_ENOUGH) / CLOSE_ENOUGH) + 1)


def misread(line: str, as_: str) -> bool:
    """Whether ``line`` is ``as_`` read with a letter wrong here and there (an ``O`` read
    as ``0``, say), not with another number: two running heads' folios differ, as two
    dates do."""
    if line == as_:
        return True
    if len(line) not in lengths(as_):
        return False
    numbers, others = _NUMBERS.findall(line), _NUMBERS.findall(as_)
    if not line or not as_ or (numbers and others and numbers != others):
        return False
    shared = sum((_letters(line) & _letters(as_)).values())  # (difflib's quick_ratio)
    return 2 * shared >= CLOSE_ENOUGH * (len(line) + len(as_)) and difflib.SequenceMatcher(
        None, line, as_, autojunk=False).ratio() >= CLOSE_ENOUGH


@functools.lru_cache(maxsize=1024)
def _letters(line: str) -> Counter[str]:
    return Counter(line)
