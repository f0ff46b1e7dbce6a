"""The volume's own table of contents: entries, their nesting and their printed pages.

Entries run over several lines and end in a page number (arabic, or roman for the
front matter), mostly after a dotted leader.  Works are set in capitals, with a
description and a date in ordinary type after them; numbered items under a
congress are its parts, numbered or roman items under a work its sections.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from ...dates import MONTHS
from ...pagemarks import plain
from .entrypages import ALONE, ENDS, FRONT, NUMBER, PAGED, TRAILING, ends_entry, figures
from .folios import Number, digits
from .heads import unlabelled, unspace
from .lines import MONTH_NAME, YEARS_ALONE, is_dated, names_notes
from .measure import space, width
from .misreads import misread
from .titles import GLUED_MARKER, is_capitals, title_case, title_words

if TYPE_CHECKING:
    from .pages import Page
    from .structure import Structure

# the contents' heading (``C O N T E N T S``, ``Contents``, ``TABLE OF CONTENTS``), or a
# running head naming them beside a folio
_HEAD = re.compile(r"^(?:table of )?(?:c ?o ?n ?t ?e ?n ?t ?s)(?:\s+(?P<folio>\S.*))?$", re.I)
_GLUED = re.compile(rf"{GLUED_MARKER.pattern}$")  # a marker glued on at a line's end
_ROMAN_ITEM = re.compile(r"^(?P<number>[IVX]+)(?:\.\s+(?P<title>.+)|\s*)$")
_NOTE_ONE = re.compile(r"^1\.?\s+\S")  # a numbered note's opening: ``1 The``, ``1. The``
_NUMBERED_ITEM = re.compile(r"^(?P<number>\d+\.)\s+(?P<title>.+)$")
_APPENDIX = re.compile(r"^Appendix \d+\.")
# a division's line: a word and a numeral (``PART I``, its name, if any, under it), or a
# numeral and a name
_NUMBERED_DIVISION = re.compile(r"^[A-Z]+ (?:[IVXL]+|\d+)$")
_DIVISION = re.compile(rf"{_NUMBERED_DIVISION.pattern}|^(?:[IVXL]+|\d+)\.? [^a-z]+$")
DATE = re.compile(rf"(?:{MONTHS})\s+\d{{1,2}}(?:\s*-\s*\d{{1,2}})?(?:,\s*\d{{4}})?")
_TRAILING_DATE = re.compile(rf",?\s*(?P<date>{DATE.pattern})$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_BACK = {"preface": re.compile(r"(?i)^(?:preface|foreword)$"),  # entries of no work
         "notes": re.compile(r"(?i)^(?:[a-z’']+ )?notes$"),
         "chronicle": re.compile(r"(?i)^(?:biographical )?chronicle\b")}
_DESCRIPTION = re.compile(r"\.\s+(?=(?:Report|Speech|Theses|Interview|Synopsis)\b)")
# where a work's title set in title case ends: at a sentence's end (not an initial's or an
# abbreviation's) before a description of more than a word, or before a date or a remark
# in brackets
_TITLE_END = re.compile(rf"(?<=[a-z])\.\s+(?=[A-Z]\S*\s\S)|,?\s+(?=(?:{MONTHS})\s+\d|\()")


@dataclass
class Entry:
    """One entry of the printed contents."""

    title: str  # for display, in title case
    kind: str  # work, part, section, preface, group, appendix, notes, chronicle, matter
    # (back matter of no work: an index, a chronology)
    page: str
    printed: str = ""  # the entry's text as printed, leaders and page dropped
    number: str = ""  # "I.", "1." for sections
    subtitle: str = ""
    date: str = ""
    children: list[Entry] = field(default_factory=list)

    def walk(self):
        """This entry and every entry below it, in order."""
        yield self
        for child in self.children:
            yield from child.walk()


def is_heading(line: str) -> bool:
    """Whether a line is the contents' heading, or a running head naming them."""
    m = _HEAD.match(line.strip())
    return m is not None and (not m["folio"] or bool(plain(m["folio"])))


def heading_at(lines: list[str]) -> int | None:
    """Where the contents' heading first stands in ``lines``: the raw text's (before the
    pages are cut: ``boilerplate.listing.contents_span``, ``breaks._front_matter``) or a
    page's (``pages._stamped_contents``); None where none does."""
    return next((i for i, line in enumerate(lines) if is_heading(line)), None)


def is_page_column(line: str) -> bool:
    """Whether a line is the heading over the contents' column of pages (``Page``)."""
    return line.strip().rstrip(".").lower() in ("page", "pages")


def over_entries(line: str) -> bool:
    """Whether a line stands over the contents' entries: their heading, or the word over
    their column of pages (``Page``)."""
    return is_heading(line) or is_page_column(line)


def names_back(line: str) -> bool:
    """Whether a line, its letter-spacing closed, is the heading of a section that is no
    work (a preface, the notes, a chronicle)."""
    text = unspace(line)
    return any(pattern.match(text) for pattern in _BACK.values())


def contents_lines(pages: list[Page]) -> list[str]:
    """The lines of the contents pages: the page that opens with the heading (or is
    headed so, its heading taken for a running head over a folio at its foot), and the
    pages after it headed CONTENTS, or with no head but entries (a print of folios alone,
    or the rest of a page a stray blank line cut, however few its lines), or whose head
    heads no other page and which lists entries (each of its lines, where they are too few
    to tell by a share): its first entry (or a division's line), taken for a head."""
    lines: list[str] = []
    heads = Counter(page.head for page in pages)
    for page in pages:
        opening = bool(page.lines) and is_heading(page.lines[0])
        if opening or is_heading(page.head) or (lines and not page.head
                                                and lists(page, least=1)):
            lines.extend(page.lines)
        elif lines and heads[page.head] == 1 and (lists(page) or lists(page, least=1,
                                                                      every=True)):
            lines.extend([page.head, *page.lines])
        elif lines:
            break
    return lines


def lists(page: Page, least: int = 4, every: bool = False) -> bool:
    """Whether a page lists entries: ``least`` lines or more (fewer say little on a page of
    their own), of which a third or more (``every``: all) end in a page, or are one below a
    line of text (its entry's, the page set under it); not a line the next goes on from in
    lower case (the text's sentence, ``… instead of 50`` / ``pounds—in the long run``: the
    next entry opens as titles do)."""
    return _lists(tuple(page.lines), least, every)


def ends_list(before: Page, page: Page) -> bool:
    """Whether a page of the contents' entries (``before``) ends the list where ``page``
    follows it listing none past its last (a line ending in a lower number is the text's:
    a number's label, ``No. 1``): the contents end on their own page, and the first work's
    opens the next (its folio at its own foot, its title in title case or under a label),
    never a part of the contents' page."""
    if not lists(before):
        return False
    listed = _paged_numbers(before.lines)
    return bool(listed) and all(n < listed[-1] for n in _paged_numbers(page.lines))


def _paged_numbers(lines: list[str]) -> list[int]:
    """The pages in figures that lines ending an entry list (``entrypages.ends_entry``)."""
    return [n for line in lines if (m := ends_entry(line))
            and (n := figures(m["page"])) is not None]


@lru_cache(maxsize=2048)  # (a volume's pages as the passes have them: a read of the sample
# asks 1860 times of 899)
def _lists(page: tuple[str, ...], least: int, every: bool) -> bool:
    """``lists`` of a page's lines."""
    lines = [line.rstrip() for line in page]
    if _notes_after_text(lines):
        return False
    listed = sum(line[-1:] in ENDS and NUMBER.fullmatch((words := line.split())[-1])
                 is not None and (PAGED.match(" ".join(words)) is not None or (
                     k > 0 and ALONE.match(line) is not None
                     and ALONE.match(lines[k - 1]) is None))
                 and not "".join(lines[k + 1:k + 2]).lstrip()[:1].islower()
                 for k, line in enumerate(lines))
    return (listed == len(page) if every else 3 * listed >= len(page)) and len(page) >= least


def _notes_after_text(lines: list[str]) -> bool:
    """Whether a heading naming notes stands below a page's running text, over note 1: a
    work's own notes after its end, whose lines may end in a figure (``… the 1``) but
    list nothing."""
    return any(_NOTE_ONE.match(following) and names_notes(line)  # (the cheaper test first)
               for line, following in pairwise(lines[1:]))


def entry_lines(lines: list[str]) -> list[tuple[str, str]]:
    """The contents' lines joined into ``(text, page)`` entries (page "" for dividers)."""
    entries: list[tuple[str, str]] = []
    pending: list[str] = []
    last_page = 0
    dividing = False  # the line before was a division's word and numeral (``PART I``)
    lines = [line for raw in lines if (line := " ".join(raw.split()))]
    widest = max(map(width, map(_entry_text, lines)), default=0.0)
    for k, line in enumerate(lines):
        if over_entries(line):
            continue
        unbroken = _unbroken(line, lines[k + 1:], widest)
        if not pending and dividing and unbroken and _divides(line, lines[k + 1:], named=True):
            # a divider's name in capitals under it (``PART I`` / ``EARLY WRITINGS``)
            entries[-1] = (f"{entries[-1][0]} {line}", "")
            continue
        if not pending and (YEARS_ALONE.fullmatch(line) or line == "Appendices"
                            or (unbroken and _divides(line, lines[k + 1:],
                                                      paged=bool(last_page)))):
            entries.append((line, ""))
            dividing = _NUMBERED_DIVISION.match(line) is not None
            continue
        dividing = False
        match = PAGED.match(line) or (ALONE.match(line) if pending else None) or (
            FRONT.match(line) if not pending and not last_page else None)
        page = _page(match["page"]) if match else ""
        value = _page_value(page) if page else None
        roman = page.isalpha() and Number.of(page) is not None
        if match and value is not None and (value >= last_page or roman):
            pending.append(match["text"])
            text = TRAILING.sub("", " ".join(p for p in pending if p)).strip()
            entries.append((text, page))
            pending = []
            last_page = value if page.isdigit() else last_page
        else:
            pending.append(line)
    return entries


def _entry_text(line: str) -> str:
    """A contents line without its leader and page: the text the contents' measure holds
    (a print may set the page column outside it, the leader running into it)."""
    return TRAILING.sub("", m["text"]) if (m := PAGED.match(line)) else line


def _divides(line: str, after: list[str], named: bool = False, paged: bool = False) -> bool:
    """Whether a line with no page, in capitals, divides the works rather than opens an
    entry: a division's word and numeral (``PART I``), a numbered division (``I. EARLY
    WRITINGS``), a word alone (``APPENDIX``) or (``named``) any line under one of those,
    before a whole entry (its text and page on one line; a title broken over lines has
    none).  After the works' first page (``paged``) a word and a roman numeral are a
    division's, not front matter at a roman page, which the works follow.  A line that
    ends in a comma divides nothing: its entry runs on (``71. THE DURATION …,`` / ``March
    18, 1788 … 55``)."""
    if line.endswith(","):
        return False
    after = [a for a in after if a and not is_page_column(a)]
    following = after[0] if after else ""
    whole = (m := PAGED.match(following)) is not None and bool(m["text"].strip(" ."))
    unpaged = PAGED.match(line) is None or (paged and _DIVISION.match(line) is not None
                                            and line[-1] in "IVXL")
    return is_capitals(line) and unpaged and (
        (named and whole) or (not named and (_DIVISION.match(line) is not None
                                             or " " not in line)
                              and (whole or _divides(following, after[1:], named=True))))


def _unbroken(line: str, after: list[str], widest: float) -> bool:
    """Whether a line was not broken for want of room: the next line's first word would
    have fitted on it, in the contents' widest text (``_entry_text``: a title's first line
    has no room)."""
    following = next((a for a in after if a), "")
    return bool(following) and \
        width(line) + space() + width(following.split()[0]) <= widest


def _page(printed: str) -> str:
    """An entry's page as printed: a number (its misread digits read back), or a numeral."""
    return digits(printed) if any(c.isdigit() for c in printed) else printed.upper()


def _page_value(page: str) -> int:
    return int(page) if page.isdigit() else 0


def parse(lines: list[str], opens: Callable[[str], bool] | None = None,
          turns: Callable[[str, str, str, str, str], bool] | None = None) -> list[Entry]:
    """The contents as a tree of entries: works with their parts and sections.  Where
    they set no work's title in capitals, an entry in title case is a work if the page it
    lists opens without a running head (``opens``, where the pages are known: taken to),
    as a work's does, or the running heads turn there (``turns``, asked of the entry's
    page between the pages of the entries before and after it: a work's own short title
    heads its pages), and is neither the page of the work open nor before its next part;
    else a section.  Where they do, an entry in title case on such a page is back matter
    (an index, a chronology: no work), else a section.  A work's numbered items are its
    parts (a congress's speeches) where the first comes on a later page, which opens so
    too; else its sections."""
    top: list[Entry] = []
    work: Entry | None = None  # the open work or part
    composite: Entry | None = None  # the open work whose numbered items are parts
    roman: Entry | None = None  # the open roman-numbered section
    items, numbered = numbers_off(entry_lines(lines))  # (numbered: each paged entry a work)
    capitals = any(is_capitals(_leading_capitals(text)) for text, page in items
                   if page and not _ROMAN_ITEM.match(text) and not _NUMBERED_ITEM.match(text)
                   and not (numbered and _unworked(text, page, False)))  # (the works' case)
    for i, (text, page) in enumerate(items):
        if not page:
            if text == "Appendices":
                work = composite = roman = None
                top.append(Entry("Appendices", "group", "", printed=text))
            continue  # a year divider: the volume's works follow in date order anyway
        following = items[i + 1] if i + 1 < len(items) else ("", "")
        if back := _unworked(text, page, before_works=work is None):
            top.append(Entry(_display(text) if back == "notes" else text, back, page,
                             printed=text))
            work = composite = roman = None
        elif (m := _ROMAN_ITEM.match(text)) and work is not None:
            number = m["number"] + ("." if m["title"] else "")
            roman = Entry(_display(m["title"] or ""), "section", page,
                          printed=m["title"] or "", number=number)
            work.children.append(roman)
        elif _APPENDIX.match(text) and top and top[-1].kind == "group":
            top[-1].children.append(Entry(_display(text), "appendix", page, printed=text))
            top[-1].page = top[-1].page or page
        elif numbered or (not _NUMBERED_ITEM.match(text) and (
                is_capitals(_leading_capitals(text)) if capitals
                else (work is None or ((opens is None or opens(page) or bool(
                    turns and turns(_paged(items[:i], -1), page, _paged(items[i + 1:], 0),
                                    text, work.printed)))
                    and page != work.page))
                and not (composite and _part_follows(items[i + 1:], work)))):
            work = _work_entry(text, page, capitals)
            top.append(work)
            roman = None
            composite = work if _parts_follow(page, following, opens) else None
        elif m := _NUMBERED_ITEM.match(text):
            if composite is not None and work is not None and (work is composite
                                                               or work.kind == "part"):
                work = _part_entry(m["number"], m["title"], page)
                composite.children.append(work)
                roman = None
            elif roman or work:  # (not one the scan lost its work's entry over)
                section = Entry(_display(m["title"]), "section", page, printed=m["title"],
                                number=m["number"])
                (roman or work).children.append(section)  # type: ignore[union-attr]
        elif work is not None and capitals and opens is not None and opens(page) \
                and page != work.page and not _work_follows(items[i + 1:]):
            # not in capitals, after the last work, and its page opens without a running
            # head as a work's does: the edition's back matter (an index, a chronology)
            top.append(Entry(_display(text), "matter", page, printed=text))
            work = composite = roman = None
        elif work is not None:
            work.children.append(Entry(_display(text), "section", page, printed=text))
    return top


def _paged(items: list[tuple[str, str]], at: int) -> str:
    """The page of the entry ``at`` among those of ``items`` with a page ("" if none)."""
    paged = [page for _, page in items if page]
    return paged[at] if paged else ""


def numbers_off(items: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
    """The entries (``entry_lines``' ``(text, page)``), their numbers taken off where every
    paged entry but the back matter is numbered (``8. THE CONSEQUENCES …``: the works' own
    numbers, as an edition of numbered papers lists them, not sections whose work's entry
    the scan lost, and the titles over the works print them apart or not at all); and
    whether they were."""
    paged = [text for text, page in items if page and not _unworked(text, page, False)]
    if not paged or not all(_NUMBERED_ITEM.match(text) for text in paged):
        return items, False
    return [(m["title"] if page and (m := _NUMBERED_ITEM.match(text)) else text, page)
            for text, page in items], True


def _unworked(text: str, page: str, before_works: bool) -> str:
    """The kind of an entry of no work (``_BACK``: a preface, the notes, a chronicle), or,
    paged in roman before the works, the edition's front matter (a preface); "" for
    others."""
    back = next((kind for kind, pattern in _BACK.items() if pattern.match(text)), "")
    if not back and not page.isdigit() and before_works and not _ROMAN_ITEM.match(text):
        back = "preface"
    return back


def _parts_follow(page: str, following: tuple[str, str], opens: Callable[[str], bool] | None
                  ) -> bool:
    """Whether a work's entry (listed at ``page``) is followed by its parts: a numbered
    item (``following``: its text and page) on a later page, which opens as a work's does
    (``opens``, where the pages are known)."""
    return bool(_NUMBERED_ITEM.match(following[0]) and following[1].isdigit()
                and int(following[1]) > int(page) and (opens is None or opens(following[1])))


def _work_follows(items: list[tuple[str, str]]) -> bool:
    """Whether a work's entry, in capitals, comes among these."""
    return any(page and not _ROMAN_ITEM.match(text) and not _NUMBERED_ITEM.match(text)
               and is_capitals(_leading_capitals(text)) for text, page in items)


def _part_follows(items: list[tuple[str, str]], part: Entry | None) -> bool:
    """Whether the next numbered item is the part after ``part`` (an entry in title case
    before it is a section of ``part``, not a work: a contents set in title case tells
    them apart by their place alone)."""
    number = next((m["number"] for text, page in items if page
                   and (m := _NUMBERED_ITEM.match(text))), "")
    return part is not None and part.kind == "part" and number.rstrip(".").isdigit() and \
        int(number.rstrip(".")) == int(part.printed.split(".")[0]) + 1


def _leading_capitals(text: str) -> str:
    """An entry's first three words, or fewer where a title of one or two words ends at a
    full stop or comma before its description (``THE SOVIETS. Theses …``)."""
    words = text.split()[:3]
    ends = [n for n, word in enumerate(words[:-1], 1) if word[-1] in ".,"
            and any(c.islower() for c in words[n])]
    return " ".join(words[:ends[0]] if ends else words)


def _split_capitals(text: str) -> tuple[str, str]:
    """The capitals that make a work's title, and the description after them."""
    words = text.split()
    for n, word in enumerate(words):
        if any(c.islower() for c in word):
            # a word of one capital after the title's stop is in either case: it opens the
            # description it is the first word of (``FREE TRADE. A Reply to Critics``)
            if n >= 2 and len(words[n - 1]) == 1 and words[n - 1].isupper() \
                    and words[n - 2][-1] in ".:;,":
                n -= 1
            return " ".join(words[:n]), " ".join(words[n:])
    return text, ""


def _describe(rest: str) -> tuple[str, str]:
    """``(subtitle, date)`` from what follows a title in the contents."""
    rest = rest.strip(" ,.")
    date = ""
    if m := _TRAILING_DATE.search(rest):
        date, rest = m["date"], rest[: m.start()]
    elif m := re.match(rf"^(?P<date>{DATE.pattern})\s*(?P<rest>.*)$", rest):
        date, rest = m["date"], m["rest"]
    elif m := re.search(rf",\s*(?P<date>{DATE.pattern})\s*(?P<paren>\(.*\))$", rest):
        date, rest = m["date"], rest[: m.start()] + " " + m["paren"]
    elif date := _dated_tail(rest):
        rest = rest[: -len(date)]
    return rest.strip(" ,"), date


def _dated_tail(text: str) -> str:
    """The longest run of ``text``'s comma-parted pieces that ends it, leaves words before
    it, holds a month and reads as a dateline does (``lines.is_dated``: a place and a
    date, a month and a year: ``A Reply to Critics, Paris, April 1856``); "" if none.  A
    year alone is left as it is (a part's ``1905-1907``, a description's ``Draft,
    1902``), and a text that is all date keeps its first piece (``Theses, April 1917``:
    ``Theses``; ``Berlin, August 1856``: ``Berlin``, no word told from a place)."""
    parts = text.split(", ")
    return next((tail for i in range(1, len(parts))
                 if MONTH_NAME.search(tail := ", ".join(parts[i:])) and is_dated(tail)), "")


def _work_entry(text: str, page: str, capitals: bool = True) -> Entry:
    if capitals:
        title, rest = _split_capitals(text)
    else:
        m = _TITLE_END.search(text)
        title, rest = (text[:m.start()], text[m.end():]) if m else (text, "")
    subtitle, date = _describe(rest)
    if m := re.match(rf"^(?P<date>{DATE.pattern})\s*(?P<paren>\(.*\))$", subtitle):
        subtitle, date = m["paren"], m["date"]
    return Entry(_display(title), "work", page, printed=title, subtitle=subtitle, date=date)


def _part_entry(number: str, text: str, page: str) -> Entry:
    pieces = _DESCRIPTION.split(text, maxsplit=1)
    title, rest = pieces[0], pieces[1] if len(pieces) > 1 else ""
    if not rest:
        title, date = _describe(title)
        return Entry(f"{number} {_display(title)}", "part", page, printed=f"{number} {title}",
                     date=date)
    subtitle, date = _describe(rest)
    return Entry(f"{number} {_display(title)}", "part", page, printed=f"{number} {title}",
                 subtitle=subtitle, date=date)


def _display(text: str) -> str:
    text = text.strip().rstrip(",")
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1]
    return title_case(text)


def titles_lines(pages: list[Page]) -> list[str]:
    """Where a volume prints no contents list, one made of its pages (as a contents
    prints its entries, for ``parse``): each numbered page that opens without a running
    head under a title in capitals (a work's opening page, a part's, the notes') listed
    at its folio, the title's lines joined up to one that ends in a note's marker glued
    to it (dropped; a heading in capitals may follow).  The back matter's title in title
    case, as a contents prints it; none where no work's title is found so."""
    out = []
    works = 0
    for page in pages:
        top: list[str] = []
        for line in page.lines if page.folio and not page.head else []:
            if not is_capitals(line) or _ROMAN_ITEM.match(line.strip()) or (
                    top and _GLUED.search(top[-1])):  # (a marker ends its title)
                break
            top.append(unspace(line))
        title = _GLUED.sub("", " ".join(top))
        if back := any(pattern.match(title) for pattern in _BACK.values()):
            title = title_case(title)  # (as a contents sets the back matter)
        if top:
            out.append(f"{title} . . {page.folio}")
            works += not back
    return out if works else []


def read(st: Structure) -> None:
    """The structure pass: the printed contents of the volume's pages as entries, or,
    where it prints none, the titles of its pages (``titles_lines``)."""
    st.entries = of_pages(st.layout.pages, st.layout.verso_head)


def of_pages(pages: list[Page], verso: str = "") -> list[Entry]:
    """The entries of a volume's pages (``read``; ``verso``: the versos' head)."""
    headless = {p.folio for p in pages if not p.head}
    return parse(contents_lines(pages) or titles_lines(pages), headless.__contains__,
                 _turns(pages, verso))


def _turns(pages: list[Page], verso: str) -> Callable[[str, str, str, str, str], bool]:
    """Whether the running heads turn at an entry's page (by the folios of the entries
    before it, of it, and after it, "" for none: the volume's end; where no page prints
    the one after it, to the last page printed before it): those over the pages
    between it and the entry after it, the versos' (``verso``) aside, are none of those
    over the pages between the entry before and it, nor misread them (a section's pages
    carry its work's head; a page of the entries' own may carry either work's, where one
    ends on it and the next opens).  Where no head stands between the entry before and
    it, the head over its own page stands for them if it names the open work
    (``previous``; a section's own head turns nothing); where none stands between it and
    the entry after it, the head over that entry's page, if it names the entry
    (``title``): a work of a page or two, opening inside a page, the heads a page
    behind."""
    at = {p.folio: k for k, p in enumerate(pages) if p.folio}

    def heads(start: str, end: str) -> set[str]:  # (end "": the volume's end)
        a, b = at.get(start), at.get(end, len(pages) if not end else up_to(end))
        return set() if a is None or b is None else {
            p.head for p in pages[a + 1:b] if p.head and p.head != verso}

    def up_to(folio: str) -> int | None:  # (a page printed without its folio: the notes'
        # first, under their heading; the pages up to the last printed before it)
        wanted = Number.of(folio)
        before = [k for k, p in enumerate(pages) if wanted and (n := Number.of(p.folio))
                  and n.kind == wanted.kind and n.value < wanted.value]
        return before[-1] + 1 if before else None

    def turns(before: str, page: str, after: str, title: str = "", previous: str = ""
              ) -> bool:
        old, new = heads(before, page), heads(page, after)
        if not old and (k := at.get(page)) is not None and _names(pages[k].head, previous):
            old = {pages[k].head}  # (the work before, of a page or two: its head stands
            # over the page the entry opens inside)
        if not new and (k := at.get(after)) is not None and _names(pages[k].head, title):
            new = {pages[k].head}  # (a work of a page or two that opens inside its page:
            # its own head first stands over the next entry's page, which opens under it)
        return bool(old and new) and not any(misread(a, b) for a in old for b in new)
    return turns


def _names(head: str, title: str) -> bool:
    """Whether a running head names a title, as a short title does: its words stand in the
    title's in their order (``The Command and the Pardoning Power``), or, run together (a
    letter-spaced head read without its spaces), inside the title's or spelling some of
    its words in their order (``THECOMMANDANDTHEPARDONINGPOWER``); its work's number's
    label, if it opens with one, aside (``[No. 74]``)."""
    words, within = title_words(unlabelled(head)), title_words(title)
    rest = iter(within)
    return bool(words) and (all(word in rest for word in words)
                            or "".join(words) in "".join(within)
                            or _spelt("".join(words), within))


def _spelt(run: str, words: list[str]) -> bool:
    """Whether a run of letters is some of ``words`` in their order, run together."""
    ends = {0}  # where the words taken so far can end in the run
    for word in words:
        ends |= {end + len(word) for end in ends if run.startswith(word, end)}
    return len(run) in ends
