"""Lines of the back matter as a flow: each line knows the printed page it begins."""

from __future__ import annotations

from dataclasses import dataclass

from ...tree import Inline
from . import words
from .pages import Page
from .paragraphs import MARK_CLOSE, MARK_OPEN


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


def inlines(lines: list[Line], vocab: words.Vocabulary) -> list[Inline]:
    """Lines joined into running text, a PageMarker where each page begins.

    A hyphen at a line's end is decided as in the running text, by the volume's words
    (``sub-`` + ``commission`` is one word, ``revolutionary-`` + ``minded`` a compound,
    ``Pan-`` + ``Islamism`` keeps it); the text helper's ``words.inlines`` then settles
    OCR gaps, spacing and spaced letters.
    """
    text = ""
    for line in lines:
        mark = f"{MARK_OPEN}{line.page}{MARK_CLOSE}" if line.page else ""
        piece = line.text
        if piece and (kept := words.keeps_hyphen(vocab, text[-64:], piece)) is not None:
            text = (text if kept else text[:-1]) + mark + piece
        elif text and words.hyphen_lost(vocab, text[-64:], piece):
            text = f"{text}-{mark}{piece}"
        elif text:
            text = f"{text} {mark}{piece}"
        else:
            text = mark + piece
    return words.inlines(text, vocab)
