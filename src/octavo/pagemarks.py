"""The page-break lines some OCR exports write (``--- Page 12 ---``, ``[Page 12]``): each
becomes the blank line that breaks pages in the canonical text.

Such a line is learnt from the text, not named: lines of one form but for a number
(``--- Page # ---``, ``Page # of 456``, a URL and ``#/470``), the first on the text's
first page or right after it, whose numbers count the pages of the scan one by one, with
not one skipped, on many pages.  A printed folio is none: the print leaves its first
pages (title, contents) unnumbered, or numbers them apart in roman, and skips the folios
of the blank pages a scan drops; and it stands beside a running head or alone, bare or
in a folio's dress (``— 12 —``, ``[12]``, ``Page 12``: a print that numbers every page
from its first so is read by its folios, unless most of its pages open or end with a
folio of their own).
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+")
MARKERS = 10  # the fewest lines of a form that count a text's pages (a pamphlet's dozen)
FIRST = 2  # the highest number the first may have: the first page's or the second's, from 0
PAGE = 80  # the most lines a page holds: the first marker stands within two of them
# a page's own printed folio, by its first or last line: a number (or roman numeral, with
# or without a full stop) ending or opening it
_OWN_FOLIO = re.compile(r"(?:^|\s)(?:\d{1,4}|[IVXLC]{1,7})\.?$|^(?:\d{1,4}|[IVXLC]{1,7})\.?\s")


def unmark(text: str) -> str:
    """``text`` (``\\n`` line ends) with its page-break lines blank, if it has any."""
    runs = 0
    for line, before in zip(top := text.lstrip("\n").split("\n", 2 * PAGE)[:2 * PAGE],
                            ["", *top], strict=False):
        runs += bool(line.strip()) and not before.strip()
        if runs > 2:  # (the first page, and the line after it)
            break
        if len(line) > PAGE or not line.strip():
            continue
        for found in _forms(text, line.strip()):
            bounds = [0, *(at for m in found for at in m.span()), len(text)]
            return "".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return text


def _forms(text: str, line: str) -> list[list[re.Match[str]]]:
    """The page-break lines of ``text`` of ``line``'s form: the line's one number that
    counts the pages (``Page 1 of 456``: the first; ``…/works5 1/470``: the second), its
    other numbers the same on every line; none if ``line`` is a print's folio or no
    number in it counts."""
    numbers = list(_NUMBER.finditer(line))
    if not numbers or line == numbers[0][0]:  # a bare number: a folio
        return []
    return [found for n in numbers if int(n[0]) <= FIRST
            and (found := _counted(text, line[:n.start()].strip(), line[n.end():].strip()))
            and not (_folio(line) and _own_folios(text, found))]


def _counted(text: str, before: str, after: str) -> list[re.Match[str]]:
    """The lines of ``text`` of the form ``before`` number ``after``, if there are
    ``MARKERS`` or more and their numbers rise one by one; else none."""
    found = list(re.finditer(rf"(?m)^[ \t]*{re.escape(before)}[ \t]*(\d+)[ \t]*"
                             rf"{re.escape(after)}[ \t]*$", text))
    first = int(found[0][1]) if found else 0
    return found if len(found) >= MARKERS and all(
        int(m[1]) == first + k for k, m in enumerate(found)) else []


def _folio(line: str) -> bool:
    """Whether a line is dressed as a print dresses its folios (``— 12 —``, ``[12]``,
    ``Page 12``)."""
    from .readers.ocr.folios import plain  # (the OCR reader's, loaded for a candidate only)

    return bool(plain(line.strip()))


def _own_folios(text: str, found: list[re.Match[str]]) -> bool:
    """Whether the pages the lines ``found`` part hold no folio but theirs: the lines are
    then a print's folios, numbering every page from its first; where most of the pages
    open or end with a number of their own, that is their folio, and the lines the
    export's."""
    bounds = [0, *(at for m in found for at in m.span()), len(text)]
    pages = [[ln for ln in text[a:b].split("\n") if ln.strip()]
             for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    numbered = sum(bool(_OWN_FOLIO.search(p[0].strip()) or _OWN_FOLIO.search(p[-1].strip()))
                   for p in pages if p)
    return 2 * numbered <= len(found)  # (half: a text line may end with a number)
