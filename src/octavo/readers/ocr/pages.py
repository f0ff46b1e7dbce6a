"""Pass 1: split the OCR text into printed pages and strip the page furniture.

Pages are separated by blank lines.  Each page may open with a running head and
its folio (``J. V. S T A L I N 24``, ``OUR DISAGREEMENTS 5``, ``CONTENTS X``); a
work's first page has none.  The scan's watermark block (``FROM MARX`` …
``DISTRIBUTION``) can stand anywhere, even between a head and its folio, and
``!(@!_!(@#`` separators and dot-only scanner junk appear in the front matter.
All of that is removed; what is left is the page's body lines.  Folios missing
from head-less pages are inferred from the neighbouring pages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

WATERMARK = ("FROM MARX", "TO MAO", "", "NOT FOR", "COMMERCIAL", "DISTRIBUTION")
SEPARATOR = re.compile(r"^[!(@_#)]{5,}$")
JUNK = re.compile(r"^[\s.‹€,:;·-]*$")  # dot rows and other letterless scanner junk
FOLIO = r"(?P<folio>\d{1,3}|[IVXLC]{1,7})"
HEAD = re.compile(r"^(?P<head>[A-Z][A-Z0-9 .,’¹'()\-:]*?)(?:\s+" + FOLIO + r")?\s*$")
HEAD_AFTER_FOLIO = re.compile(r"^\s*(?P<folio>\d{1,3})\s+(?P<head>[A-Z][A-Z .,’¹'()\-:]+?)\s*$")
BARE_FOLIO = re.compile(r"^\s*" + FOLIO + r"\s*$")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass
class Page:
    """One printed page: its folio, running head and body lines (furniture removed)."""

    index: int  # position among the pages of the text, from 0
    folio: str = ""  # the printed page number, "" if not printed nor inferable
    head: str = ""  # the running head without its folio, "" if none
    lines: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # where the page stands in the text


def unspace(text: str) -> str:
    """Close the print's letter-spacing in a head: ``J. V. S T A L I N`` → ``J. V. STALIN``."""
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", text).strip()


def roman_value(numeral: str) -> int:
    """The value of a roman numeral (``XIV`` → 14)."""
    total = 0
    for i, ch in enumerate(numeral):
        value = ROMAN[ch]
        following = ROMAN[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def to_roman(number: int) -> str:
    """A roman numeral in capitals (14 → ``XIV``)."""
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
                           (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def _strip_furniture(lines: list[str]) -> list[str]:
    """Lines without the watermark block, separators and letterless junk."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        window = [ln.strip() for ln in lines[i : i + len(WATERMARK)]]
        if tuple(window) == WATERMARK:
            i += len(WATERMARK)
            continue
        line = lines[i].rstrip()
        if line.strip() and not SEPARATOR.match(line.strip()) and not JUNK.match(line):
            out.append(line)
        i += 1
    return out


def _is_head(text: str) -> bool:
    """Whether a line (folio removed) reads as a running head: capitals, several letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _take_head(page: Page) -> None:
    """Move a leading running head and folio (possibly split by the watermark) off the body."""
    lines = page.lines
    if not lines:
        return
    if m := BARE_FOLIO.match(lines[0]):  # the watermark parted the folio from its head,
        page.folio, page.lines = m["folio"], lines[1:]  # which the scan put at the page foot
        if len(page.lines) > 1 and _is_head(page.lines[-1]) and HEAD.match(page.lines[-1]):
            page.head, page.lines = unspace(page.lines[-1]), page.lines[:-1]
        return
    m = HEAD.match(lines[0])
    if m and _is_head(m["head"]):
        if m["folio"]:
            page.head, page.folio, page.lines = unspace(m["head"]), m["folio"], lines[1:]
        elif len(lines) > 1 and (f := BARE_FOLIO.match(lines[1])):  # the watermark between
            page.head, page.folio, page.lines = unspace(m["head"]), f["folio"], lines[2:]
    elif (m := HEAD_AFTER_FOLIO.match(lines[0])) and _is_head(m["head"]):  # ``24 NOTES``
        page.head, page.folio, page.lines = unspace(m["head"]), m["folio"], lines[1:]


def _number(folio: str) -> tuple[str, int] | None:
    if folio.isdigit():
        return "arabic", int(folio)
    if folio and all(c in ROMAN for c in folio):
        return "roman", roman_value(folio)
    return None


def _infer_folios(pages: list[Page]) -> None:
    """Give head-less pages the folios their neighbours imply.

    Between two printed folios the pages are numbered back from the later one; where the
    gap holds more numbers than pages, the print's blank versos (even pages after a
    part title or a work's end, which the scan drops) are skipped.
    """
    known = [(i, _number(p.folio)) for i, p in enumerate(pages) if _number(p.folio)]
    for (i, (kind, value)), (j, (kind2, value2)) in itertools.pairwise(known):
        if j == i + 1:
            continue
        floor = value if kind == kind2 else 0
        number = value2
        for k in range(j - 1, i, -1):
            number -= 1
            spare = number - floor - (k - i)
            if spare > 0 and number % 2 == 0 and k < j - 1:
                number -= 1
            if number <= floor:
                break
            pages[k].folio = str(number) if kind2 == "arabic" else to_roman(number)
    if known and known[0][0] > 0:  # the head-less first page of the numbered run
        first, (kind, value) = known[0]
        if value > 1:
            folio = str(value - 1) if kind == "arabic" else to_roman(value - 1)
            pages[first - 1].folio = folio


def split_pages(text: str) -> list[Page]:
    """The printed pages of an OCR text, furniture removed, every folio known or inferred."""
    pages: list[Page] = []
    for chunk in re.finditer(r"(?:[^\n]|\n(?!\n))+", text):
        lines = _strip_furniture(chunk[0].split("\n"))
        if not lines:
            continue
        page = Page(index=len(pages), lines=lines, span=chunk.span())
        _take_head(page)
        if page.lines or page.folio:
            pages.append(page)
    _infer_folios(pages)
    return pages


def page_spans(text: str) -> dict[str, tuple[int, int]]:
    """Where each printed page stands in the text, by folio (for page-limited corrections)."""
    return {page.folio: page.span for page in split_pages(text) if page.folio}
