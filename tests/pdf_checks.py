"""A built PDF read back with pypdf, for the tests that check what the print shows."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdf

from octavo.tree import Book


class Built:
    """A built PDF and the Book it came from, with its pages' text."""

    def __init__(self, book: Book, data: bytes):
        self.book, self.data = book, data
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.text = [p.extract_text() for p in self.reader.pages]

    def page_of(self, name: str) -> int:
        """The 1-based page a named destination (an id of the XHTML) lies on."""
        return self.reader.get_destination_page_number(self.reader.named_destinations[name]) + 1

    def links(self):
        """(page, destination name) of every internal link, in page order."""
        for number, page in enumerate(self.reader.pages, 1):
            for annot in page.get("/Annots", []):
                dest = annot.get_object().get("/Dest")
                if isinstance(dest, str):
                    yield number, dest


def flat(text: str) -> str:
    """Text with line ends, no-break spaces and WeasyPrint's hyphenation breaks undone."""
    text = re.sub(r"\u2010\s*\n", "", text.replace("\u00a0", " "))
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Run:
    """A run of text as a page shows it: where it starts (from the top left), its size and
    font (``Linux-Libertine-O-Bold``)."""

    x: float
    y: float
    size: float
    font: str
    text: str


def runs(page: pypdf.PageObject) -> list[Run]:
    """The runs of text on a page, in the order pypdf reads them."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            name = str((font or {}).get("/BaseFont", "")).split("+")[-1]
            found.append(Run(round(tm[4], 1), round(tm[5], 1), round(size, 1), name, text))

    page.extract_text(visitor_text=visit)
    return found
