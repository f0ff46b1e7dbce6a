"""A source's text in one canonical shape, whatever the machine that saved it.

Line ends become ``\\n`` (from CRLF or CR), a byte-order mark and zero-width characters
go, tabs and the odd spaces (no-break, thin, figure …) become plain spaces, trailing
white space goes, and a form feed is a page break like a blank line.  What a reader sees
is then the same for a text saved on Windows, trimmed by an editor or paged with form
feeds; a line of white space is a blank line.
"""

from __future__ import annotations

import re

_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85\v]")
_SPACES = re.compile(r"[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\ufeff\u200b-\u200d\u2060\xad]")
_TRAILING = re.compile(r"[ ]+$", re.MULTILINE)


def normalise(text: str) -> str:
    """``text`` with ``\\n`` line ends, plain spaces, no trailing white space, and each
    form feed a blank line (a page break)."""
    text = _LINE_ENDS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    if "\f" in text:
        text = re.sub(r" *\n? *\f *\n?", "\n\n", text)
    return _TRAILING.sub("", text)
