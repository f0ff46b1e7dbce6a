"""The page-break lines some OCR exports write (``--- Page 12 ---``, ``[Page 12]``): each
becomes the blank line that breaks pages in the canonical text.

Such a line is learnt from the text, not named: lines of one form but for a number
(``--- Page # ---``, ``Page # of 456``, an address and ``#/456``), the first on the text's
first page or right after it, whose numbers count the pages of the scan one by one, with
not one skipped, on many pages.  A printed folio is none: the print leaves its first pages
(title, contents) unnumbered, or numbers them apart in roman, and skips the folios of the
blank pages a scan drops; and it stands beside a running head or alone, bare or in a
folio's dress (``— 12 —``, ``[12]``, ``Page 12``: a print that numbers every page from its
first so is read by its folios), unless the pages carry their print's folios as well: lines
in a folio's dress that count the scan's pages over pages that mostly open or end with a
number of their own (a running head's folio) are the export's.
A folio's dress is spelt here (``plain``), below the readers, since it tells these lines
from folios before any reader reads; the OCR reader's folios (``readers.ocr.folios``) are
read by it.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+")
MARKERS = 10  # the fewest lines of a form that count a text's pages (a pamphlet's dozen)
FIRST = 2  # the highest number the first may have: the first page's or the second's, from 0
PAGE = 80  # the most lines a page holds: the first marker stands within two of them

FOLIO = re.compile(r"\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}")  # roman in capitals or not
# a line's edge holding a folio: beside a running head, or alone (``EDGE``); or arabic,
# the number captured (``ARABIC_EDGE``); its dress may be a stand-in, a letter of no
# English word standing alone (a dash a Mac wrote and Latin-1 read: ``Ñ 24 Ñ``)
_DRESS = r"(?:\W|(?<!\w)[^\x00-\x7f](?!\w))"
_AT_EDGE = rf"^{_DRESS}*({{0}})\b|\b({{0}}){_DRESS}*$"
EDGE = re.compile(_AT_EDGE.format(FOLIO.pattern))
ARABIC_EDGE = re.compile(_AT_EDGE.format(r"\d{1,3}"))
ALONE = re.compile(r"^\W*(\d{1,3})\W*$")  # an arabic folio alone on its line
# a folio as some prints dress it: between dashes (``— 15 —``, ``-15-``; a stand-in for
# one, a Latin-1 letter where a Mac's dash was read so: ``Ñ 15 Ñ``) or brackets
# (``[15]``), or named (``Page 15``; ``p. 15`` alone on a line is a note's cited page)
_DRESSED = re.compile(rf"(?P<dash>[^\w\s\[\]]|[\xc0-\xff])(?P=dash)?\s*(?P<a>{FOLIO.pattern})\s*"
                      rf"(?P=dash)(?P=dash)?|(?:Page|PAGE)\s*(?P<b>{FOLIO.pattern})"
                      rf"|\[\s*(?P<c>{FOLIO.pattern})\s*\]")
# a folio some prints end with a full stop (``15.``), alone in figures only: ``I.`` alone
# is a section's numeral; beside a head a roman one too (``PREFACE XIII.``: the OCR
# reader's ``heads``)
_STOPPED = re.compile(r"(?P<d>\d{1,3})\.")
PRINTED = rf"{FOLIO.pattern}|{_DRESSED.pattern}"  # a folio as a line prints it


def plain(printed: str) -> str:
    """The folio a line prints, bare or dressed (``— 15 —``, ``Page 15``, ``15.``: ``15``),
    a roman one in capitals (``xiv``: ``XIV``); "" if the line is none."""
    if m := _STOPPED.fullmatch(printed):
        return m["d"]
    m = FOLIO.fullmatch(printed) or _DRESSED.fullmatch(printed)
    return (m["a"] or m["b"] or m["c"] if m.groups() else m[0]).upper() if m else ""


def unmark(text: str) -> str:
    """``text`` (``\\n`` line ends) with its page-break lines blank, if it has any."""
    runs = 0
    for line, before in zip(top := text.lstrip("\n").split("\n", 2 * PAGE)[:2 * PAGE],
                            ["", *top], strict=False):
        runs += bool(line.strip()) and not before.strip()
        if runs > 2:  # (the first page, and the line after it)
            break
        line = line.strip()
        for number in _NUMBER.finditer(line) if len(line) <= PAGE else ():
            before, after = line[:number.start()].rstrip(), line[number.end():].lstrip()
            if (before or after) and int(number[0]) <= FIRST and \
                    (found := _counted(text, before, after)) and \
                    (not plain(line) or _numbered(text, found)):
                bounds = [0, *(at for m in found for at in m.span()), len(text)]
                return "".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2],
                                                         strict=True))
    return text


def _counted(text: str, before: str, after: str) -> list[re.Match[str]]:
    """The lines of ``text`` of the form ``before`` number ``after``, if there are
    ``MARKERS`` or more and their numbers rise one by one; else none."""
    found = list(re.finditer(rf"(?m)^[ \t]*{re.escape(before)}[ \t]*(\d+)[ \t]*"
                             rf"{re.escape(after)}[ \t]*$", text))
    first = int(found[0][1]) if found else 0
    return found if len(found) >= MARKERS and all(
        int(m[1]) == first + k for k, m in enumerate(found)) else []


def _numbered(text: str, found: list[re.Match[str]]) -> bool:
    """Whether most pages the marker lines head open or end with a number of their own."""
    edges = 0
    for m, end in zip(found, [*(m.start() for m in found[1:]), len(text)], strict=True):
        lines = [line for line in text[m.end():end].split("\n") if line.strip()]
        edges += bool(lines) and any(EDGE.search(line.strip()) for line in (lines[0], lines[-1]))
    return 2 * edges > len(found)

