"""A contents entry's end: its leader dots and its page, as the contents print them.

An entry's last line ends in its page, mostly after a dotted leader (dots spaced or not,
or ellipses), or the page stands alone on the line under it; in figures (as the OCR may
read them: ``l5``), or in roman numerals for the front matter.  A single roman letter is
a page only after a leader's dot (``Preface . . . V``), not after a word (a division's
``Part I``); a number glued to what goes before it is none (a year's end, ``1921-23``, a
thousand, ``1,000``), nor is one of four figures (a year).
"""

from __future__ import annotations

import re

from .folios import DIGIT_LIKE, READ_NUMBER, digits

LEADER = r"(?:\s+\.|\s*(?:\.{2,}|…))"  # a leader's dots, spaced or not, or ellipses
# a page, as the contents print it (or as the OCR read it: ``l5``)
NUMBER = re.compile(rf"{READ_NUMBER}|[IVXL]{{2,}}|[ivxl]{{2,}}")
ENDS = set("0123456789IVXLivxl" + DIGIT_LIKE)  # the characters a page ends in
_LETTER = r"(?<=\.\s)[IVXivx]"  # a one-letter roman page, after a leader's dot only
PAGED = re.compile(rf"^(?P<text>.*?){LEADER}*\s+(?P<page>{NUMBER.pattern}|{_LETTER})$")
ALONE = re.compile(rf"^(?P<text>)(?P<page>{NUMBER.pattern})$")  # a page below its entry
# front matter listed on a line of its own, before the first arabic page, at one roman
# letter without a leader (``From the Publishers V``): words before it, not a divider's one
# word and its numeral (``Part I``)
FRONT = re.compile(r"^(?P<text>\S+(?:\s+\S+)+)\s+(?P<page>[IVX])$")
LEADERS = re.compile(rf"(?:{LEADER}){{2,}}")  # a leader: two dots or more
_LEADERED = re.compile(rf"{LEADERS.pattern}\s+(?:{NUMBER.pattern}|{_LETTER})$")
_LEADS = re.compile(rf"{LEADERS.pattern}$")  # … its page on the line under it
# the dots, ellipses and spaces a line ends in: a leader is looked for in them alone (a
# search of the whole line tries each way of parting a long run of dots into a leader's,
# at each of its places, where the line ends in something else: a page)
_TAIL = re.compile(r"[\s.…]*$")
TRAILING = re.compile(rf"{LEADER}+$")  # the leader an entry's text ends in, its page gone
# spaced leader dots, a page or none after them: taken off a contents line set as text
_SPACED = re.compile(r"(?:\s+\.){2,}\s*(?=(?:\d{1,3}|[IVXLC]+)?\s*$)")


def leadered(line: str) -> bool:
    """Whether a line ends a contents entry: leader dots (two or more) and a page."""
    return _LEADERED.search(line.strip()) is not None


def leads(line: str) -> bool:
    """Whether a line ends in leader dots and no page: in the contents, its entry's page
    stands on the line under it (in the text, an ellipsis ends the line so)."""
    return _LEADS.search(_TAIL.search(line.strip())[0]) is not None


def contents_line(line: str) -> str:
    """A line of the contents list without its leader dots (``Preface . . . XIII``)."""
    return " ".join(_SPACED.sub(" ", line).split())


def ends_entry(line: str, front: bool = False) -> re.Match[str] | None:
    """Whether a line ends a contents entry with its page (its ``text`` and ``page``), or
    is the page alone; with ``front``, or lists front matter at one roman letter without
    a leader (``FRONT``: ``From the Publishers V``), which only its place tells from a
    title ending in a numeral: asked of the lines before the works' first page (breaks'
    ``_front_matter``, for the least roman page the contents list)."""
    s = " ".join(line.split())
    return PAGED.match(s) or ALONE.match(s) or (FRONT.match(s) if front else None)


def figures(page: str) -> int | None:
    """A page in figures (as read: ``l5``) as a number; None for a roman one."""
    return int(digits(page)) if any(c.isdigit() for c in page) else None
