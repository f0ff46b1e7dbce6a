"""Pages the scan's text cut in two at a stray blank line: which runs of lines are the
second part of a page (``parts``), the pages made whole again (``rejoin``), and whether a
page's head over its folio at the foot is a second part's first line (``under_cut``)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..textlines import CLAUSE_STOPS
from . import bareheads, contents, footnotes, heads
from .folios import Number
from .lines import CITED, SENTENCE_END
from .titlepage import spells_name

if TYPE_CHECKING:
    from .heads import Candidate
    from .pages import Page

TITLE_LINES = 3  # the lines a title on a page's top runs to, that a running head repeats:
# the sample's titles run to three lines on 44 of its 50 opening pages (4 or 5 on the rest,
# whose running heads repeat their opening words)
NEAR = 5  # pages either side whose lengths tell how many lines a full page holds: a quarter
# of the sample's numbered pages fall short (a work's opening or last page, a page cut), so
# among the 4 before and 3 after one is full but where every work there is a page or two
# a line that ends a sentence (a quote, a marker after), or an endnote with its page
ENDED = re.compile(rf"[{CLAUSE_STOPS}]\S{{0,3}}$|{CITED}$")
_ENTRY = re.compile(r"(\d{1,3}) (?=\S)")  # a numbered entry's first line (an endnote's)
# a year or a period alone, letter-spaced or not (``1 9 2 4``, ``1921-23``): a divider page
# of works grouped by year, set on a page of its own
DIVIDER = re.compile(r"(?:\d ?){4}(?:\s*[-\u2013]\s*(?:\d ?){2,4})?")


def parts(pages: list[Page], headed: list[list[Candidate]], at_foot: list[bool],
           titled: list[bool], heads_run: bool, same: list[bool], below: list[bool],
           listed: list[str], works: list[bool], within: list[bool]) -> set[int]:
    """The pages that are the second part of a page the scan's text cut in two at a stray
    blank line.  Such a part has no head, no folio and no head beside a misread folio
    (``headed``: known heads, or capitals beside no number), nor opens with a head, set as
    heads are, that another page has beside its folio (a page opens there, cut before a
    work's title set inside it, its folio at the foot of the part that title opens); it
    is one if the page before
    holds only its head, or only its folio (the head's words lost) over no title, or if,
    opening with no title in capitals, it runs on from the
    page before or the folios around leave no number for every page between them (the
    first such are parts, those opening with a title last, a work's title (``works``)
    after a section's, and of those alike the ones that make, joined to the page before,
    no page longer than a full one (``_made``) first: a section's title inside a page, or
    under the gap below a work's title that opens the page, a work's under another's
    opening the page; where the folios leave no number for two parts in a row,
    both are, the page made whole of three); a page holding only a year or a period (a
    divider) never is, nor one that follows the contents' entries and lists none
    (``contents.ends_list``).  A part may carry the page's folio at its foot
    (``at_foot``), where the part before has none, whether the text runs on or not; not
    after a title: a work's opening page, which the print leaves without a folio, is a
    page of its own unless the folios leave it no number (the part under the folio may
    then open with a section's title), or its title is listed at the page the folio
    prints (``same``), and never where it is
    listed at a lower page (``below``: the page printed no folio); nor after the parts
    that follow a page, one opening with a work's title listed at that page's folio
    (``within``): a work opening inside that page, they are its rest, up to a page that
    opens with the versos' head (the title page's name, ``bareheads.names_volume``),
    which is never a part where the folios must join some.  Where the print runs
    heads (``heads_run``), a page with its folio at the foot and no head is a part all the
    same: its head opened the part before (not one that opens with a head another page
    has: a page opens there, whatever ran on into it).  A page of the page before's
    footnotes (``feet``) is a part, before the folios count.  Nothing follows a folio at a
    page's foot; a part that could end one page or open the next goes where the pages so
    made are no longer than pages are (``_ends``).  A part after one that ends with its
    footnotes, the last ending its sentence, is none of that one's (``_closed``: footnotes
    close a page) but where it goes on with a footnote of its own.  Before the first
    folio, the last opening page the contents list (``listed``: the page each is listed
    at) counts as numbered so, and
    those before it listed lower (``_rising``); the page right after it with the same
    folio at its foot is its rest (the title's gap cut it off the title).
    After the last folio, where no count can tell, a page opening with no title is a part
    if it fits under the page before (``_fits``), whichever page it follows there (a last
    work's opening page, printed without a folio, cut).  Where the folios leave a number
    for a page that a part took in, that part is a page whose head the scan lost if it runs
    longer with the page before than any page printed whole (``_whole``).  Two parts in a
    row, the second with a head or a folio (a page of its own the first may open), leave the
    first to one of the two pages; with neither (works opening inside a page, the scan's
    text cut at each title), both are the page's."""
    bare = [not p.head and not p.folio and not h and not divider(p)
            for p, h in zip(pages, headed, strict=True)]
    taken = {p.head for p in pages if heads.set_as_head(p.head)}
    named = spells_name(pages)
    # the pages that open with the versos' head, the title page's name, printed with no folio
    versos = [bool(p.lines) and bareheads.names_volume(p, named) for p in pages]
    opens_head = [v or (bool(p.lines) and heads.head_text(p.lines[0]) in taken)
                  for p, v in zip(pages, versos, strict=True)]
    loose = [b and not t and not o for b, t, o in zip(bare, titled, opens_head, strict=True)]
    footed = [not p.head and not h and (not p.folio or foot) and bool(p.lines)
              and not t and not o and not divider(p)  # a folio at the foot, or none
              for p, h, foot, t, o in zip(pages, headed, at_foot, titled, opens_head,
                                          strict=True)]
    numbered = [(k, n) for k, p in enumerate(pages) if (n := Number.of(p.folio))]
    opening = [(k, n) for k in range(numbered[0][0] if numbered else 0)  # (the body's)
               if bare[k] and titled[k] and (n := Number.of(listed[k]))]
    numbered = _rising(opening) + numbered
    under = feet(pages)  # (the pages of footnotes: parts whatever the folios count)
    parts = under | {k for k in range(1, len(pages)) if not at_foot[k - 1] and (
        (not pages[k - 1].lines and ((bare[k] and pages[k - 1].head)
                                     or (loose[k] and pages[k - 1].folio)))
        or (footed[k] and at_foot[k] and bare[k - 1] and not below[k]
            and (heads_run or same[k] or not titled[k - 1]))
        or ((loose[k] or (footed[k] and bare[k - 1] and not titled[k - 1]))
            and runs_on(pages[k - 1], pages[k])))}
    longest = 0  # lines of the longest page printed whole, once a count needs it
    needed: set[int] = set()  # the parts between two folios that leave a number for none
    for (i, a), (j, b) in itertools.pairwise(numbered):
        between = range(i + 1, j)
        room = b.value - a.value - 1 if a.kind == b.kind else len(between)
        excess = len(between) - len(parts.intersection(between)) - room
        cut = [k for k in between if loose[k] and k not in parts and not at_foot[k - 1]]
        # (a work opening inside the page before: the parts after it are that page's rest,
        # up to a page that opens with the versos' head)
        headed_at = max((k for k in between if versos[k]), default=i)
        cut += [j] if (footed[j] or (titled[j] and at_foot[j] and not pages[j].head)) and \
            bare[j - 1] and (j - 1 > i or room < 0) \
            and not any(within[k] for k in range(headed_at + 1, j)) \
            and not _closed(pages[j - 1], pages[j]) else []
        if excess > len(cut):  # (the opening pages, ordered, only where more must join)
            full, before = _full(pages, i, j + 1), parts.union(cut)
            cut += sorted((k for k in between if bare[k] and titled[k] and k not in parts
                           and not at_foot[k - 1] and not versos[k]),
                          key=lambda k: (works[k], _made(pages, before, k) > full))
        joined = cut[:max(0, excess)]
        parts.update(joined)
        inside = parts.intersection([*between, j])
        if joined and len(inside) == len(between) - room:  # (the folios leave no number
            needed.update(inside)  # for any of them: none goes back to a page of its own)
        if excess < 0:  # a number left for a page: a part that is a page whose head was lost
            longest = longest or max(len(p.lines) for p in pages if p.folio)
            parts.difference_update([k for k in between if k in parts
                                     and _whole(pages, k, longest)][:-excess])
    parts.update(k for k in range(numbered[-1][0] + 1 if numbered else len(pages), len(pages))
                 if loose[k] and not at_foot[k - 1] and _fits(pages, k))  # no folio to count
    for k in sorted(parts):
        if k - 1 in parts and (pages[k].folio or pages[k].head) \
                and not {k - 1, k} <= needed:  # a part between two pages joins one of
            parts.discard(k if _ends(pages, k - 1) else k - 1)  # them, unless the folios
            # leave no number for either or the second has neither head nor folio
    return {k for k in parts | under if not contents.ends_list(pages[k - 1], pages[k])}


def _made(pages: list[Page], parts: set[int], k: int) -> int:
    """The lines of the page the part ``k`` makes, joined to the page before: its own and
    those of the pages back to the first that is no part (``parts``)."""
    start = k - 1
    while start in parts:
        start -= 1
    return sum(len(p.lines) for p in pages[start:k + 1])


def divider(page: Page) -> bool:
    """Whether a page holds nothing but a year or a period: works grouped by year open
    with such a page of its own."""
    return len(page.lines) == 1 and bool(DIVIDER.fullmatch(page.lines[0].strip()))


def _rising(opening: list[tuple[int, Number]]) -> list[tuple[int, Number]]:
    """The opening pages before the first folio (by page, with the number the contents
    list each at) that count as numbered so: the last, and each before it listed at a
    number of its kind below the next's (a first work's opening page cut in two, before
    the opening page of the second, has no folio to count by but the contents'); one
    listed at the same number takes the next's place, which is then a part of its page
    (the first work ends in mid-page, the second's title under it)."""
    kept = opening[-1:]
    for k, n in reversed(opening[:-1]):
        if n.kind == kept[0][1].kind and n.value <= kept[0][1].value:
            kept[:n.value == kept[0][1].value] = [(k, n)]
    return kept


def _ends(pages: list[Page], k: int) -> bool:
    """Whether the part ``k``, between the page before and the part after, ends the page
    before rather than opens the page after: the pages so made run fewer lines past a
    full page (the longest page around, notes set smaller holding more).
    Where neither does, it opens the page after, whose folio at its foot closes the page
    the blank line cut.  A footnote ends its page: a part holding one (its marker in the
    part or the page before) ends the page before, a part after one opens the page after."""
    if _footnoted(pages[k - 1].lines):
        return False
    if _footnoted(pages[k - 1].lines + pages[k].lines):
        return True
    before, part, after = (len(pages[i].lines) for i in (k - 1, k, k + 1))
    full = _full(pages, k - 1, k + 2)

    def over(*pages: int) -> int:
        return sum(max(0, n - full) for n in pages)

    return over(before + part, after) < over(before, part + after)


def _whole(pages: list[Page], k: int, longest: int) -> bool:
    """Whether the page ``k``, a part by its look, is a page whose running head and folio
    the scan lost, not the second part of a page cut in two: with the page before it runs
    to more lines than any page the volume prints whole (``longest``)."""
    return len(pages[k - 1].lines) + len(pages[k].lines) > longest


def _fits(pages: list[Page], k: int) -> bool:
    """Whether the page ``k`` after the last folio, a part by its look, fits under the
    page before: both together hold no more lines than a full page, and it runs to more
    than a line (a line alone there is the book's imprint, ``Printed in …``)."""
    return 1 < len(pages[k].lines) <= _full(pages, k - 1, k + 1) - len(pages[k - 1].lines)


def _full(pages: list[Page], start: int, stop: int) -> int:
    """How many lines a full page holds: the longest of the pages within ``NEAR`` of the
    pages ``start`` to ``stop`` (left out); numbered or not (a work's opening page, where
    the print gives it no folio, is as full as any; a part of a page, shorter, says
    nothing against)."""
    return max((len(p.lines) for p in pages[max(0, start - NEAR + 1):start]
                + pages[stop:stop + NEAR - 2]), default=0)


def runs_on(before: Page, page: Page) -> bool:
    """Whether a page's text runs on from the page before: it opens in lower case, or
    the page before ends inside a sentence, or it opens with the entry numbered next to
    the last of the page before (the notes, whose pages after the last folio no count of
    the folios can join)."""
    if not before.lines or not page.lines:  # a page of its furniture alone: no text to
        return False  # run on from, or to run on
    letter = next((c for c in page.lines[0] if c.isalpha()), "")
    opens = _ENTRY.match(page.lines[0])
    last = next((int(m[1]) for line in reversed(before.lines) if (m := _ENTRY.match(line))),
                None)
    return letter.islower() or not ENDED.search(before.lines[-1]) or (
        bool(opens) and last is not None and int(opens[1]) == last + 1)


def rejoin(pages: list[Page], parts: set[int],
            head_over: Callable[[str, str], str]) -> list[Page]:
    """The pages with each of ``parts`` joined to the page before it.  Where the folio
    stood at the foot of the second part, the first part's top line is the page's running
    head if it reads as one (``head_over``: the head in a line over a folio, "" if none)."""
    out: list[Page] = []
    for k, page in enumerate(pages):
        if k in parts:
            whole = out[-1]
            if not whole.folio and page.folio and not whole.head and whole.lines and (
                    head := head_over(whole.lines[0], page.folio)):
                whole.head, whole.lines, whole.folio_below = head, whole.lines[1:], True
            whole.run_on(page, page.lines)
            whole.folio = whole.folio or page.folio  # one at the foot of the second part
        else:
            out.append(replace(page, index=len(out)))
    return out


def under_cut(pages: list[Page], first: dict[int, Candidate], known: Counter[str],
              i: int, opens: Callable[[str, str], bool]) -> bool:
    """Whether the page ``i``'s head, over its folio at the foot, is the first line of a
    page's second part: it heads no other page, and the page before, cut from it by a
    stray blank line, has no folio and opens with another line set as a head (the page's,
    not the title of a work, or of the notes, that the head repeats in any case), and the
    folios before leave it no number of its own (a work's opening page, printed without),
    nor do the contents: no line under that top one, as far down as a title runs, opens a
    work listed at the page before the folio (``opens``: whether a line opens a work's
    entry at a page; the top line a stamp's, seen once, over the work's opening page)."""
    candidate = first[i]
    if not (candidate.footed and known[candidate.head] < 2 and i and i - 1 not in first):
        return False  # (most heads: the page before's lines are not read)
    top = [heads.head_text(line) for line in pages[i - 1].lines[:TITLE_LINES]]
    folio = Number.of(candidate.folio)
    before = folio.printed(folio.value - 1) if folio and folio.value > 1 else ""
    return bool(top) and heads.set_as_head(top[0]) \
        and candidate.head.casefold() not in " ".join(top).casefold() \
        and not _numbered(first, i) \
        and not (before and any(opens(line, before)
                                for line in pages[i - 1].lines[1:1 + TITLE_LINES]))


def _numbered(first: dict[int, Candidate], i: int) -> bool:
    """Whether the folios of the pages (``first``, by page) leave a number for every page
    between the page ``i`` and the last before it that has one."""
    before = max((k for k in first if k < i), default=-1)
    a = Number.of(first[before].folio) if before >= 0 else None
    b = Number.of(first[i].folio)
    return bool(a and b and a.kind == b.kind and b.value - a.value >= i - before)


def feet(pages: list[Page]) -> set[int]:
    """The pages that are the footnotes of the page before, set under a blank line: with
    neither head nor folio, they open with a footnote's mark that the page before's text
    holds and cuts no footnote of its own (a page never opens with a marked footnote; one
    run on from the page before has no mark), whether the volume prints folios or not."""
    return {k for k in range(1, len(pages)) if not pages[k].head and not pages[k].folio
            and pages[k].lines and footnotes.opens_footnote(pages[k].lines[0])
            and not _footnoted(pages[k - 1].lines)
            and _footnoted(pages[k - 1].lines + pages[k].lines)}


def _closed(page: Page, after: Page) -> bool:
    """Whether ``page`` ends with its footnotes, the last ending its sentence, which close
    a page: the part ``after`` it is none of its, but where it goes on with a footnote of
    its own (a stray blank line inside a footnote leaves it unended)."""
    return _footnoted(page.lines) and bool(SENTENCE_END.search(page.lines[-1])) and not (
        after.lines and footnotes.opens_footnote(after.lines[0]))


def _footnoted(lines: list[str]) -> bool:
    """Whether ``lines`` end with footnotes (``footnotes.cut``): a page's, or a page's with
    a part after it."""
    return bool(footnotes.cut(lines)[1])
