"""The contents' entries as the page pass consults them: a work's title told from the
furniture and from the rest of a page.

A line that opens a page and, but for an OCR's slip, opens an entry of the contents is a
work's title: not a running head, though it stands over a folio at the page's foot where
the print sets the heads alone above the text (on that entry's page, and an entry that
opens a page of its own: not a section's), nor the rest of the page before, though it is
set in title case rather than capitals (on any page).
The lines that open a page without a running head and spell, between them, the title of
an entry near that page (its words before any description or date; a work's, a part's,
the notes', not a section's, which opens no page of its own) are that title, whatever
their case: the paragraphs pass sets them as a heading.
Before the pages are cut (``boilerplate``, ``breaks``), a line is matched to the contents'
lines word for word (``words``, ``opens_entry``).
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from ...lettering import MIN_LETTERS
from . import contents, entrypages
from .find import SLIP, near, similar
from .titles import title_words

if TYPE_CHECKING:
    from collections.abc import Callable

    from .heads import Candidate
    from .pages import Page

TITLE_SHARE = 0.8  # of a page's top line's letters that open a contents entry: its title
NUMBER = 3  # letters a title may run past its entry's: its endnote's number, of up to three
# digits (a volume numbers fewer than a thousand)


def letters(text: str) -> str:
    """A line's letters and digits, any script's, in lower case and run together: a page's
    top line matched to an entry's opening however the OCR spaced either, and but for a
    slip (``_Top``), once the pages are cut; read before ``charmap``, as the scan sets it:
    its punctuation, whatever stands in for it, drops out.  (Not ``words``: an OCR letter-
    spaces a title or runs its words together in one copy only, and a part's number is
    its title's.)"""
    return "".join(re.findall(r"[^\W_]+", text.lower()))


def words(line: str, figures: bool = False) -> str:
    """A line's words, letters of any script, in capitals, each followed by a space: a line
    matched whole word by word to the contents' (``opens_entry``) before the pages are cut,
    as the scan sets it (before ``charmap``: any other character, an apostrophe or its
    stand-in, parts words alike in both copies); no figure, so that a note's marker glued to
    a title's last word (``DAY1``) drops out, as does an entry's page (``breaks``).  With
    ``figures`` (``boilerplate``), figures are words too: an entry's number and page make
    its line longer than the heading it names (``1. Interview …  23`` over ``Interview …``,
    a heading that recurs, no stamp).  (``titles.title_words`` reads the repaired text: an
    apostrophe joins its word.)"""
    return "".join(f"{w} " for w in re.findall(r"[^\W_]+" if figures else r"[^\W\d_]+",
                                               line.upper()))


def opens_entry(line: str, listed: list[str], figures: bool = False) -> bool:
    """Whether a line's ``words`` (with ``figures``, or not) open, word for word, one of the
    contents' entries (or lines, or the rests of entries: ``listed``, each as its ``words``)."""
    start = words(line, figures)
    return bool(start) and any(entry.startswith(start) for entry in listed)


def entry_opener(listed: list[str], figures: bool = False) -> Callable[[str], bool]:
    """``opens_entry`` against the same ``listed`` for many lines: the entries sorted once,
    each line's words looked up among them by bisection (the first entry not before them
    is one they open, if any is)."""
    ordered = sorted(listed)

    def opens(line: str) -> bool:
        start = words(line, figures)
        at = bisect.bisect_left(ordered, start)
        return bool(start) and at < len(ordered) and ordered[at].startswith(start)
    return opens


def paged_entries(listing: list[str]) -> list[tuple[str, str]]:
    """The contents' entries (``listing``: their lines, the ``Page`` over their column of
    pages aside), each as its lines' ``words``, its lines joined up to one that ends it,
    and the page it lists."""
    out, entry = [], ""
    for line in listing:
        if not contents.is_page_column(line):
            entry += words(line)
        if ended := entrypages.ends_entry(line, front=True):
            out.append((entry, ended["page"]))
            entry = ""
    return out


class _Top:
    """A page's top line's letters, asked whether they open one contents entry after
    another: the matcher learns the line's letters once, each entry's in turn."""

    def __init__(self, top: str) -> None:
        self.text = top

    @cached_property
    def _same(self) -> difflib.SequenceMatcher[str]:
        return difflib.SequenceMatcher(b=self.text, autojunk=False)

    def opens(self, entry: str) -> bool:
        """Whether a contents entry opens with about the line's letters, or with just them
        (a title's short first line, ``THESES`` / ``ON THE …``: the letters an OCR may drop
        would be too large a share of it)."""
        top = self.text
        if len(top) >= MIN_LETTERS and entry.startswith(top):
            return True
        opening = entry[:len(top) + 2]
        need = TITLE_SHARE * max(len(opening), len(top))
        if min(len(opening), len(top)) < need:
            return False
        self._same.set_seq1(opening)
        # the letters the two share, however ordered, bound the letters they match in
        # order: most entries fail that cheaper count
        shared = round(self._same.quick_ratio() * (len(opening) + len(top)) / 2)
        return shared >= need and sum(m.size for m in self._same.get_matching_blocks()) >= need


class Entries:
    """The letters of the contents' entries, by their page (a divider's with the entry
    after it) and by their first two letters."""

    def __init__(self, pages: list[Page], first: dict[int, Candidate]) -> None:
        """Read from the pages, their heads and folios (``first``) set aside; but on a page
        that lists entries, a line beside a number is an entry, unless it names the
        contents (the rest of a contents page a stray blank line cut)."""
        shown = [replace(p, head=c.head, lines=p.lines[c.top:len(p.lines) - c.bottom])
                 if (c := first.get(i)) and (contents.is_heading(c.head) or not c.head
                                             or not contents.lists(p)) else p
                 for i, p in enumerate(pages)]
        self.by_page: dict[str, list[str]] = {}
        self.by_start: dict[str, list[str]] = {}
        self._pages: dict[str, list[str]] = {}  # ``pages_of``, by the letters asked
        self._opened: dict[str, tuple[str, ...]] = {}  # ``opened``'s answers, by the letters asked
        dividers: list[str] = []
        lines = contents.contents_lines(shown)
        parsed = [e for top in contents.parse(lines) for e in top.walk()]
        self.printed = [(e.page, title_words(f"{e.number} {e.printed}"))  # works' titles
                        for e in parsed if e.kind != "section"]
        self._titles = ["".join(title) for _, title in self.printed]  # (``opens_work``'s)
        # a section's entry: its title opens no page of its own
        self.sections = {letters(f"{e.number} {e.printed}") for e in parsed
                         if e.kind == "section"}
        for text, page in contents.numbers_off(contents.entry_lines(lines))[0]:
            for entry in map(letters, [*dividers, text] if page else []):
                self.by_page.setdefault(page, []).append(entry)
                self.by_start.setdefault(entry[:2], []).append(entry)
            dividers = [] if page else [*dividers, text]

    def titles(self, line: str, page: str = "") -> bool:
        """Whether ``line`` opens an entry (on ``page``, where given): a work's title."""
        top = _Top(letters(line))
        found = self.by_page.get(page, []) if page else self.by_start.get(top.text[:2], [])
        return any(map(top.opens, found))

    def is_section(self, line: str) -> bool:
        """Whether ``line`` spells, number and all, a section's entry (not a work's)."""
        return letters(line) in self.sections

    def opens_page(self, line: str, page: str) -> bool:
        """Whether ``line`` opens an entry listed at ``page`` that opens a page of its own
        (not a section's): the title over a work's opening page."""
        top = _Top(letters(line))
        return any(top.opens(entry) for entry in self.by_page.get(page, [])
                   if entry not in self.sections)

    def opens_work(self, line: str) -> bool:
        """Whether ``line`` opens the title of a work's entry (not a section's)."""
        return bool(self.opened(line))

    def opened(self, line: str) -> tuple[str, ...]:
        """The works' titles (their letters, once for each entry) that ``line`` opens
        (``opens_work``), asked once for each line's letters (a head opens many pages)."""
        top = _Top(letters(line))
        if top.text not in self._opened:
            self._opened[top.text] = tuple(filter(top.opens, self._titles))
        return self._opened[top.text]

    def page_of(self, line: str) -> str:
        """The page the contents lists the entry ``line`` opens at, "" if none."""
        return next(iter(self.pages_of(line)), "")

    def page_of_work(self, line: str) -> str:
        """The page the contents lists the work ``line`` opens at (an entry that opens a
        page of its own, ``opens_page``: not a section's), "" if none."""
        return next((page for page in self.pages_of(line) if self.opens_page(line, page)), "")

    def pages_of(self, line: str) -> list[str]:
        """The pages the contents lists the entries ``line`` opens at, those it opens letter
        for letter first: an entry it opens only as an OCR's slip would is another work's
        where one opens so (``THE PARTY AND THE STRIKE`` listed after ``THE PRESS AND THE
        STRIKE``, which it opens but for four letters)."""
        top = _Top(letters(line))
        if top.text not in self._pages:  # (the same line opens many pages: a head's)
            opened = [(not (len(top.text) >= MIN_LETTERS
                            and any(e.startswith(top.text) for e in found)), page)
                      for page, found in self.by_page.items() if any(map(top.opens, found))]
            self._pages[top.text] = [page for _, page in sorted(opened, key=lambda o: o[0])]
        return list(self._pages[top.text])

    def title_lines(self, lines: list[str], page: str) -> int:
        """How many of a page's top lines (the page printed ``page``) spell the title of
        an entry near that page, as the works pass reads titles (``find.similar``): 0 if
        they spell none.  Lines that spell a title word for word are that title's: another
        title near it that they only resemble (``THE DIVISION OF LABOUR`` beside ``THE
        PRICE OF LABOUR``) claims no line more (a section's numeral ``I`` under it)."""
        most = exact = 0
        for title in (t for p, t in self.printed if t and near(page, p)):
            size = len("".join(title))
            got: list[str] = []
            k = 0
            while k < len(lines) and len("".join(got)) < size - SLIP:
                more = got + title_words(lines[k])
                if len("".join(more)) > size + NUMBER or not similar(more, title):
                    break
                got, k = more, k + 1
            if len("".join(got)) >= TITLE_SHARE * size:
                most = max(most, k)
            if got == title:
                exact = max(exact, k)
        return exact or most
