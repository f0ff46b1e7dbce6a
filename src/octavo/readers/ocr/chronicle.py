"""The Biographical Chronicle: years, and dated entries under them.

Each entry's date stands in a column before its text; the OCR sets the two side
by side on one line (``January 5 J. V. Stalin writes …``).  Where a date runs over
two lines the columns get mixed: ``Before J. V. Stalin takes part in the sub-`` /
``December 2 commission of …`` is the date "Before December 2".
"""

from __future__ import annotations

import re

from ...dates import MONTHS
from ...tree import Chronicle, ChronicleEntry, ChronicleYear, PageMarker, Paragraph
from .flow import Line, flow, inlines
from .pages import Page, section
from .words import Vocabulary

_HEAD = re.compile(r"^(?:BIOGRAPHICAL)?CHRONICLE$")  # spaces closed up, in capitals
_YEAR = re.compile(r"^(?P<year>(?:\d ?){3}\d)$")
_SPAN = re.compile(r"^\((?:[\d -]+)\)$")
_DAY = r"\d{1,2}(?:\s*-\s*\d{1,2})?"
_DATE = (rf"(?:(?:Beginning|Middle|End) of\s+|(?:Before|After|Between|Not later than)\s+)?"
         rf"(?:{MONTHS})(?:\s*-\s*(?:{MONTHS}))?"
         rf"(?:\s+{_DAY}(?:\s*-\s*(?:{MONTHS})\s+\d{{1,2}}|\s+and\s+\d{{1,2}})?)?")
_ENTRY = re.compile(rf"^(?P<date>{_DATE})\s+(?P<text>[A-Z“].*)$")
_PREFIX = re.compile(rf"^(?P<prefix>Before|After|Between [A-Z][a-z]+-|Between|Not later than"
                     rf"|(?:{MONTHS}) \d{{1,2}}-)\s+(?P<text>[A-Z“].*)$")
_REST_OF_DATE = re.compile(rf"^(?P<date>(?:{MONTHS}|[a-z]+)\s*{_DAY}(?:\s+and\s+\d{{1,2}})?)"
                           r"\s+(?P<text>.*)$")


def _is_heading(text: str) -> bool:
    """``BIOGRAPHICAL CHRONICLE`` or ``Chronicle``, letter-spaced or not."""
    return _HEAD.match(text.replace(" ", "").upper()) is not None


def parse(pages: list[Page], vocab: Vocabulary, verso_head: str = ""
          ) -> list[PageMarker | Chronicle]:
    """The chronicle as blocks: the opening page's marker, then the dated list (its versos
    headed ``verso_head`` or its own)."""
    lines = flow(section(pages, _is_heading, verso_head))
    opening: list[PageMarker | Chronicle] = []
    years: list[ChronicleYear] = []
    entries: list[tuple[str, list[Line]]] = []
    carried = ""  # a page that begins before the first entry of a year
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _is_heading(text) or _SPAN.match(text.replace(" ", "")) or _SPAN.match(text):
            if line.page:
                opening.append(PageMarker(line.page))
            i += 1
            continue
        if m := _YEAR.match(text):
            _close(years, entries, vocab)
            years.append(ChronicleYear(m["year"].replace(" ", ""), []))
            carried = carried or line.page
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if (m := _PREFIX.match(text)) and following and (
                rest := _REST_OF_DATE.match(following.text)):
            prefix = m["prefix"]
            if prefix.endswith("-"):  # a word or a range broken at the line's end
                date = prefix + rest["date"] if prefix[-2].isdigit() else prefix[:-1] + rest["date"]
            else:
                date = f"{prefix} {rest['date']}"
            entries.append((date, [Line(m["text"], line.page or carried),
                                   Line(rest["text"], following.page)]))
            carried = ""
            i += 2
            continue
        if m := _ENTRY.match(text):
            entries.append((" ".join(m["date"].split()), [Line(m["text"], line.page or carried)]))
            carried = ""
        elif entries:
            entries[-1][1].append(line)
        i += 1
    _close(years, entries, vocab)
    return [*opening, Chronicle(years)]


def _close(years: list[ChronicleYear], entries: list[tuple[str, list[Line]]],
           vocab: Vocabulary) -> None:
    """Move the gathered entries under the latest year."""
    if years and entries:
        years[-1].entries.extend(
            ChronicleEntry(date, [Paragraph(inlines(lines, vocab))]) for date, lines in entries)
    entries.clear()
