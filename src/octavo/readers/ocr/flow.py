"""Lines of the back matter as a flow: each line knows the printed page it begins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...tree import Inline, PageMarker, Text
from .pages import Page

_HYPHEN_END = re.compile(r"(?<=[A-Za-z])-$")


@dataclass
class Line:
    """One line of text; ``page`` is the folio of the page it opens, "" inside a page."""

    text: str
    page: str = ""


def flow(pages: list[Page]) -> list[Line]:
    """The lines of some pages in order, the first line of each page tagged with its folio."""
    out: list[Line] = []
    for page in pages:
        for n, text in enumerate(page.lines):
            out.append(Line(" ".join(text.split()), page.folio if n == 0 else ""))
        if not page.lines and page.folio:
            out.append(Line("", page.folio))
    return out


def inlines(lines: list[Line]) -> list[Inline]:
    """Lines joined into running text, a PageMarker where each page begins.

    A hyphen at a line's end is dropped between lower-case letters (``sub-`` +
    ``commission``) and kept before a capital (``Pan-`` + ``Islamism``).
    """
    out: list[Inline] = []
    text = ""
    for line in lines:
        if line.page:
            if text:
                out.append(Text(text))
            out.append(PageMarker(line.page))
            text = ""
        piece = line.text
        if text and _HYPHEN_END.search(text) and piece:
            text = (text[:-1] if piece[:1].islower() else text) + piece
        elif text and piece:
            text = f"{text} {piece}"
        elif not text and out and isinstance(out[-1], PageMarker) and piece:
            text = _continue(out, piece)
        else:
            text = text or piece
    if text:
        out.append(Text(text))
    return out


def _continue(out: list[Inline], piece: str) -> str:
    """Join across a page break: the text before the marker decides the space or hyphen."""
    before = next((i for i in reversed(out) if isinstance(i, Text)), None)
    if before is None:
        return piece
    if _HYPHEN_END.search(before.text):
        if piece[:1].islower():
            before.text = before.text[:-1]
        return piece
    return " " + piece
