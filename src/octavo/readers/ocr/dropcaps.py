"""Drop capitals: a work's opening letter set large over two lines or three, which the
OCR reads as a line of its own over the rest of its word (``T`` / ``HE three last
numbers``): the letter is put back in its word, where the two make a commoner word."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .words import zipf

if TYPE_CHECKING:
    from .pages import Page

_LETTER = re.compile(r"^\s*(?P<letter>[A-Z])\s*$")
# the rest of the word in capitals, the sentence going on in lower case after it (a title
# in capitals under a section's numeral, ``I`` / ``THE MACHINE``, goes on in none)
_REST = re.compile(r"^\s*(?P<rest>[A-Z]+)\b.*[a-z]")


def joined(pages: list[Page]) -> list[Page]:
    """The pages with each drop capital put back in its word."""
    return [replace(page, lines=_joined(page.lines))
            if any(_LETTER.match(line) for line in page.lines) else page for page in pages]


def _joined(lines: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if (m := _LETTER.match(line)) and k + 1 < len(lines) \
                and (rest := _REST.match(lines[k + 1])) and _word(m["letter"], rest["rest"]):
            rest = lines[k + 1]
            indent = len(rest) - len(rest.lstrip(" "))
            out.append(rest[:indent] + m["letter"] + rest[indent:])
            k += 2
            continue
        out.append(line)
        k += 1
    return out


def _word(letter: str, rest: str) -> bool:
    """Whether a letter and the capitals under it make a word more common than the
    capitals alone (``T`` / ``HE``: ``THE``; not a section's ``I`` over ``A house``)."""
    return zipf(letter + rest) > zipf(rest)
