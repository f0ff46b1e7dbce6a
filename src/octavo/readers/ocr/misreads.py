"""An OCR's misreads: the same line read anew on another page, a letter wrong here and
there (``COMMERClAL``, ``C0MRADE``), as a stamp, a running head or a title recurs."""

from __future__ import annotations

import difflib
import re

# the similarity (difflib's ratio) at which two readings are one line: a letter wrong in
# four at most; a line of text that happens to stand where a stamp's or a head's does
# shares far less with it
CLOSE_ENOUGH = 0.75
_NUMBERS = re.compile(r"\d+")


def misread(line: str, as_: str) -> bool:
    """Whether ``line`` is ``as_`` read with a letter wrong here and there (an ``O`` read
    as ``0``, say), not with another number: two running heads' folios differ, as two
    dates do."""
    if line == as_:
        return True
    numbers, others = _NUMBERS.findall(line), _NUMBERS.findall(as_)
    if not line or not as_ or (numbers and others and numbers != others):
        return False
    matcher = difflib.SequenceMatcher(None, line, as_, autojunk=False)
    return matcher.real_quick_ratio() >= CLOSE_ENOUGH \
        and matcher.quick_ratio() >= CLOSE_ENOUGH and matcher.ratio() >= CLOSE_ENOUGH
