"""Pass 1: the OCR text cut into printed pages, the page furniture taken off.

The text comes normalised (``octavo.normalise``): pages are separated by blank lines, or,
in a text with none, open at their running heads and folios (``breaks.unbroken``).
What stands on a page and is not the print's text is learnt from the text itself:
boilerplate the scan repeats (``boilerplate``), running heads and folios (``heads``,
``folios``: a head with a folio that rises page by page, in either order, or the folio
alone, or a head above the text over a folio at the foot; where the lines beside the
folios don't recur as running heads do, the print has none, its folios alone, and they
are text; folios in a dress of their own, learnt from their rise: ``_undress``), a work's
title told from a head by the contents (``entries``), the printer's imprint under the last
page's text (``_colophon``).  All of that is removed; what is left is the page's body
lines, of which those that spell a contents entry's title on a head-less page are marked
as the title (``entries``), whatever their case.  Folios missing from head-less pages,
or misread, are worked out from the neighbouring pages.  Where the folios found no head,
the lines set as heads that open pages every other page are heads all the same
(``bareheads``: a copy that lost its folios).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from ...pagemarks import PAGE, plain
from . import (
    bareheads,
    boilerplate,
    breaks,
    catchwords,
    contents,
    cuts,
    folios,
    footnotes,
    heads,
    indents,
    measure,
    placement,
)
from .boilerplate import Group
from .charmap import CharMap
from .entries import Entries
from .folios import Number
from .heads import Candidate, unspace
from .lines import SENTENCE_END, is_dated, is_number_label
from .measure import TIMES
from .misreads import misread
from .titlepage import named_lines, spells_name
from .words import Vocabulary

__all__ = ["Layout", "Page", "layout", "page_spans", "section", "split_pages", "unspace"]

HEADED = 0.25  # the least share of the numbered pages a print's running heads stand on
# (the sample's stand on all 406; a reading that takes something else for heads finds none
# recurring; a quarter leaves room for a scan that lost most of them)

IMPRINT_WORDS = 3  # the fewest words of an imprint (``Printed in England``): fewer, a
# signature's name (``Thomas Paine``)
# a line ending in a page's number: ``(p. 20)``, ``[24]`` (or a folio in its dress,
# ``— 24 —``: ``plain``)
PAGE_CITED = re.compile(r"\d\W?$")

DRESSED = 3  # the fewest folios that tell a dress (``_undress``): two rise by chance


@dataclass(frozen=True)
class Tail:
    """What stands under a page's last line (``_raw_pages``), which may tell its last
    paragraph ended there (``indents.turned``)."""

    carried: int = 0  # the indent a repeat taken off at the page's foot took from the blank
    # line over it: the page's last paragraph ended over it
    under: int = 0  # the blank lines under the page's last line past the first (its break)


@dataclass
class Page:
    """One printed page: its folio, running head and body lines (furniture removed)."""

    index: int  # position among the pages of the text, from 0
    folio: str = ""  # the printed page number, "" if not printed nor inferable
    head: str = ""  # the running head without its folio, "" if none
    lines: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # where the page stands in the text
    misread: str = ""  # a folio printed off the run of pages, which ``folio`` mends
    folio_first: bool = False  # the folio stands before the head (a verso's outer edge)
    folio_below: bool = False  # the folio stands at the page's foot, the head above the text
    title: int = 0  # its top lines that spell a contents entry's title, on a head-less page
    title_at: int = 0  # the line the title opens at: 1 under a date set over it
    counted: bool = False  # ``folio`` counted from the contents' pages, none printed
    foot: str = ""  # the first line taken off under the text (its folio's), kept for its gap
    tail: Tail = field(default_factory=Tail)  # what stands under its last line

    def run_on(self, part: Page, lines: list[str]) -> None:
        """Run on into ``part``, the rest of this page (a run of lines the blank lines parted
        from it): its ``lines`` (as they join), its span's end, and its tail."""
        self.lines += lines
        self.span = (self.span[0], part.span[1])
        self.tail = part.tail


@dataclass
class Layout:
    """The pages of a text and the furniture learnt from it."""

    pages: list[Page]
    boilerplate: list[Group]
    verso_head: str  # the head the versos share (the author's name), "" if none
    folios_before: int  # heads set after their folio (``24 NOTES``)
    folios_after: int  # heads set before their folio (``NOTES 24``)
    folios_below: int = 0  # heads above the text, their folio at the page's foot
    catchwords: int = 0  # the catchwords taken off (the next page's first word, at a foot)
    charmap: CharMap = field(default_factory=lambda: CharMap())  # learnt by ``charmap``
    vocab: Vocabulary = field(default_factory=lambda: Vocabulary([]))  # … and its words
    face: str = TIMES  # the face its lines were set in, learnt by ``faces``


def _raw_pages(text: str, gone: set[int], opening: set[int]) -> list[Page]:
    """The text's pages as blank-line separated runs of the lines not ``gone``, a page
    also opening at each of the lines ``opening``, without the indents a layout-keeping
    extraction gives them (kept on the lines: ``indents``).  A repeat taken off that stands
    further in than the same lines stand elsewhere took the indent, or the blank line the
    separator made one, of the line after it: that line has it back (a stamp under a
    paragraph's end, over the next paragraph's first line), if the text's own lines stand
    in so far somewhere (a paragraph's indent; a stamp set further in on some pages than on
    others, the rectos, took no line's indent); a repeat at a page's foot keeps it for the
    page (``Tail.carried``: ``indents.turned`` opens the next page's first line so), and
    a page counts the blank lines under its last line past its break (``Tail.under``)."""
    pages: list[Page] = []
    lines: list[str] = []
    start = end = offset = 0
    every = text.split("\n")
    stands = {i: len(every[i]) - len(every[i].lstrip(" ")) for i in gone}  # how far in
    bare = {i: every[i][indent:] for i, indent in stands.items()}  # … and its text
    least: dict[str, int] = {}  # each line taken off, the least it stands in anywhere
    for i, indent in stands.items():
        least[bare[i]] = min(least.get(bare[i], indent), indent)
    kept = {len(line) - len(line.lstrip(" ")) for i, line in enumerate(every)
            if i not in gone and line.strip()}  # the indents the text's lines stand at
    carried = 0  # the indent the repeat over the next line took from it
    for i, line in enumerate(every):
        if i in gone:
            if i - 1 not in gone:  # (a repeat's first line)
                carried = stands[i] - least[bare[i]]
                carried = carried if carried in kept else 0
        else:
            if i in opening and lines:
                pages.append(Page(len(pages), lines=lines, span=(start, end)))
                lines = []
            if line.strip():
                start = offset if not lines else start
                shown = " " * carried + line if carried and not line.startswith(" ") else line
                lines.append(indents.stripped(shown))
                end = offset + len(line)
            elif lines:
                pages.append(Page(len(pages), lines=lines, span=(start, end), tail=Tail(carried)))
                lines = []
            elif pages and not every[i - 1].strip() and i - 1 not in gone:
                pages[-1].tail = replace(pages[-1].tail, under=pages[-1].tail.under + 1)
            carried = 0
        offset += len(line) + 1
    if lines:
        pages.append(Page(len(pages), lines=lines, span=(start, end), tail=Tail(carried)))
    return pages


def _known(chosen: dict[int, Candidate]) -> Counter[str]:
    """How many pages each head of the pages' candidates (``chosen``, by page) stands on."""
    return Counter(c.head for c in chosen.values() if c.head)


def _take(page: Page, candidate: Candidate, folio: str) -> None:
    page.head, page.folio, page.folio_first = candidate.head, folio, candidate.before
    page.folio_below = candidate.footed
    page.foot = page.lines[len(page.lines) - candidate.bottom] if candidate.bottom else ""
    page.lines = page.lines[candidate.top:len(page.lines) - candidate.bottom]


def _heads(pages: list[Page]) -> list[Page]:
    """Take each page's running head and folio off its lines, where they fit the run; the
    pages the scan's text cut in two made whole again, the folios missing or misread worked
    out, and the lines that spell an entry's title on a head-less page marked."""
    options = [heads.candidates(p.lines) for p in pages]
    if folioed := breaks.paragraphs_apart(options, [len(p.lines) for p in pages]):  # blank
        # lines set paragraphs apart
        pages = breaks.joined(pages, folioed)
        options = [heads.candidates(p.lines) for p in pages]
    chosen, known, entries = _chosen(pages, options)
    for i, candidate in chosen.items():
        if heads.accepted(candidate, known):
            _take(pages[i], candidate, candidate.folio)
    pages, options = _made_whole(pages, options, chosen, known, entries)
    _folios_worked_out(pages, options, known, entries)
    bareheads.take(pages, entries)
    _number_first(pages, entries)
    _number_last(pages, entries)
    _mark_titles(pages, entries)
    return pages


def _chosen(pages: list[Page], options: list[list[Candidate]]
            ) -> tuple[dict[int, Candidate], Counter[str], Entries]:
    """Each page's head and folio among its ``options`` (by page: those a head is taken
    from are ``heads.accepted``), the heads they found (how many pages each stands on) and
    the contents' entries the pages are told by."""
    chosen = heads.placed(_fitting(pages, options), options, [len(p.lines) for p in pages])
    if folios.by_chance([(i, n) for i, c in chosen.items() if (n := Number.of(c.folio))],
                        len(pages)):
        chosen = {}  # no folios: numbers rising by chance
    known = _known(chosen)
    text = {(i, c) for i, c in chosen.items()
            if not heads.accepted(c, known) and _folio_alone(options[i], c) is c}
    if text:  # a line of text beside a number took a folio's place in the run
        chosen = _fitting(pages, options, text)
        known = _known(chosen)
    if not _recur(pages, chosen):  # the folios printed alone: a line of its own beside one is
        # text, but a head that stands so beside two or more, in the same place (one left),
        # and nowhere inside a page's text (there it is a section's title)
        placed = Counter((c.head, c.top, c.bottom, c.before) for c in chosen.values())
        inside = {heads.head_text(line) for p in pages for line in p.lines[1:-1]}
        chosen = {i: _folio_alone(options[i], c) if (
            placed[c.head, c.top, c.bottom, c.before] < 2 or c.head in inside)
            and (c.top == 2 or c.bottom) else c for i, c in chosen.items()}
    entries = Entries(pages, chosen)
    for i in [i for i, c in chosen.items() if _numbered(pages[i], c, entries)
              or (i and _listed_first(pages[i - 1], pages[i], c, known))]:
        alone = _folio_alone(options[i], chosen[i])  # (a section's title: its folio alone)
        if alone.head:
            del chosen[i]
        else:
            chosen[i] = alone
    for i, candidate in chosen.items():  # a work's opening page, its folio at the foot
        if candidate.footed and (entries.opens_page(_top(pages[i]), candidate.folio)
                                 or _opens_contents(pages, chosen, i)) \
                and not _over_title(pages[i], candidate, known, entries):
            chosen[i] = _folio_alone(options[i], candidate)
    known = _known(chosen)
    chosen = {i: c if heads.accepted(c, known) and not cuts.under_cut(
                 pages, chosen, known, i, entries.opens_page)
             else _folio_alone(options[i], c)
             for i, c in chosen.items()}  # a line of text over a folio at the foot
    return chosen, known, entries


def _made_whole(pages: list[Page], options: list[list[Candidate]], chosen: dict[int, Candidate],
                known: Counter[str], entries: Entries) -> tuple[list[Page], list[list[Candidate]]]:
    """The pages with those the scan's text cut in two joined (``cuts``), and the options
    of the pages left."""
    titled = [not p.head and bool(p.lines) and (  # (a headed page is no part)
        heads.is_capitals(_top(p)) or contents.is_heading(p.lines[0])
        or entries.titles(_top(p)) or contents.names_back(_top(p))) for p in pages]
    at_foot = [i in chosen and chosen[i].bottom > 0 for i in range(len(pages))]
    kinds = list(itertools.accumulate((folios.kind(p.folio) for p in pages), lambda a, b: b or a))
    heads_run = _heads_run(pages, titled)
    printed = {p.folio for p in pages if p.folio}
    # (with no folio at all, nothing tells a page cut in two from two pages)
    parts = cuts.feet(pages) if not chosen else cuts.parts(pages, [[
        c for c in found if c.head and not heads.foreign(c, kind) and (
        known[c.head] >= 2 or (heads.is_capitals(c.head) and not Number.of(c.folio)))]
        for found, kind in zip(options, kinds, strict=True)],
                   at_foot, titled, heads_run,
                   [k > 0 and foot and titled[k - 1] and entries.titles(
                       _top(pages[k - 1]), page.folio) for k, (page, foot) in
                    enumerate(zip(pages, at_foot, strict=True))],
                   [k > 0 and foot and titled[k - 1] and _listed_below(pages, k, entries, printed)
                    for k, foot in enumerate(at_foot)],
                   _listed(pages, titled, entries),
                   [t and entries.opens_work(_top(p)) for p, t in zip(pages, titled, strict=True)],
                   _opening_inside(pages, titled, entries))

    def head_over(line: str, folio: str) -> str:  # a page made whole, its folio at its foot
        head = heads.head_text(line) if heads_run else ""  # (a title, the contents', none)
        return head if head and heads.accepted(Candidate(head, folio, 1), known) and \
            not entries.titles(head, folio) and not contents.is_heading(head) else ""

    return (cuts.rejoin(pages, parts, head_over),
            [o for k, o in enumerate(options) if k not in parts])


def _folios_worked_out(pages: list[Page], options: list[list[Candidate]], known: Counter[str],
                       entries: Entries) -> None:
    """Each page with no head nor folio given the folio inferred from its neighbours, or
    the misread one among its ``options`` taken, with its head, for the folio it stands
    for."""
    inferred = _front(pages, folios.infer([p.folio for p in pages]), entries)
    seen: set[str] = set()  # the heads of the pages before
    last = (0, "")  # the last page with a folio, and that folio
    for k, (page, folio, found) in enumerate(zip(pages, inferred, options, strict=True)):
        if page.head or page.folio:
            seen.add(page.head)
            last = (k, page.folio) if page.folio else last
            continue
        before = pages[k - 1].folio if k else ""
        for number in (folio, _earlier(folio, before), "" if folio else _after(*last, k)):
            # the inferred number; the one before it, where the folios around leave a page
            # two (the print dropped a blank verso after it, or before it); past the last
            # folio, the page's count from it: the misread folio says which
            if number and (misread := _misread(found, known, seen, number)):
                folio = number
                break
        else:
            misread = None
        if misread:
            _take(page, misread, folio)
            page.misread = misread.folio
        else:
            page.folio = folio
        last = (k, page.folio) if page.folio else last


def _mark_titles(pages: list[Page], entries: Entries) -> None:
    """Mark the top lines that spell an entry's title on each head-less page (or under a
    head with its folio at the foot)."""
    for page in pages:
        page.title = entries.title_lines(page.lines, page.folio) if not page.head or \
            page.folio_below else 0  # (a head over a title, its folio at the foot)
        if page.lines and not page.title and _top(page) != page.lines[0] and (
                not page.head or (page.folio_below and is_number_label(page.lines[0]))) \
                and (under := entries.title_lines(page.lines[1:], page.folio)):
            page.title_at, page.title = 1, under  # (a date or a mark over it)
    _stamped_titles(pages, entries)


def _stamped_titles(pages: list[Page], entries: Entries) -> None:
    """Mark the titles a run of lines set apart stands over, on head-less pages, in a volume
    that opens every work on a page of its own (the contents' entries but for those pages'
    all open theirs with their titles): there the lines over a title are a stamp the scan
    set once (its repeats, none, teach nothing), for the print sets nothing over a work's
    title on its opening page.  Set apart: each short of the measure, worded, ending no
    sentence nor broken word (``boilerplate.set_apart``), as a work's last lines, the text
    run on from the page before, are not all."""
    # the head-less numbered pages under no title, not the contents' (their entries, their
    # heading over them); the text measured only where there are such (most volumes: none)
    bare = [(i, page) for i, page in enumerate(pages) if not (
        page.head or page.title or not page.folio or not page.lines
        or contents.lists(page, least=1) or contents.is_heading(page.lines[0]))]
    full = measure.of_pages(pages) if bare else 0.0
    found: dict[int, tuple[int, int]] = {}
    for i, page in bare:
        k = 0
        while k < len(page.lines) - 1 and boilerplate.set_apart(page.lines[k], full):
            k += 1
            if under := entries.title_lines(page.lines[k:], page.folio):
                found[i] = (k, under)
                break
    if found and sum(1 for page in pages if page.title) + len(found) >= len(entries.printed):
        for i, (at, under) in found.items():
            pages[i].title_at, pages[i].title = at, under


def _over_title(page: Page, candidate: Candidate, known: Counter[str], entries: Entries) -> bool:
    """Whether a head that opens its entry's title stands over that title, not as its first
    line: the line under it opens the entry again (a work's, not a section's listed at the
    same page: ``1. The Machine`` under the title), and it heads other pages too, or the
    lines under it begin with its words or spell the whole title (a print that sets the
    running head over a work's opening page; a work of a page or two, its head seen once:
    no title says its first line twice); not where the two lines spell the entry's opening
    between them (``THE ARMY`` / ``Interview With …``, listed ``THE ARMY. Interview With
    …``: the title's first line, its second the description the entry runs on to, which,
    matched forgivingly for an OCR's slips, opens the entry a few letters on).  The work's
    number's label may stand between them (``NUMBER XXIX``)."""
    under = page.lines[candidate.top:]
    if len(under) > 1 and is_number_label(under[0]):
        under = under[1:]
    return bool(under) and entries.titles(candidate.head, candidate.folio) \
        and entries.opens_page(under[0], candidate.folio) \
        and not entries.titles(f"{candidate.head} {under[0]}", candidate.folio) \
        and (known[candidate.head] >= 2 or f"{under[0]} ".startswith(f"{candidate.head} ")
             or entries.title_lines(under, candidate.folio) > 0)


def _numbered(page: Page, candidate: Candidate, entries: Entries) -> bool:
    """Whether a head read on a page's top line, after a folio or over one at the foot,
    is a numbered section's title, the number its own (``1. The First Part``, ``I. THE
    FIRST PART``): the line spells, number and all, a section the contents list; or a
    work's number's label over the title of a work the contents list (``FEDERALIST No.
    2`` over ``CONCERNING DANGERS …``: on a work's opening page, which carries no head;
    not on the contents' own), its word before the number cut short as a label's is
    (``No.``; a head's is not: ``ESSAYS 2`` over the second of essays a page long)."""
    return candidate.top == 1 and bool(candidate.head) and (
        entries.is_section(page.lines[0]) or (
            is_number_label(page.lines[0]) and candidate.head.endswith(".")
            and len(page.lines) > 1 and entries.opens_work(page.lines[1])
            and not contents.lists(page)))


def _listed_first(before: Page, page: Page, candidate: Candidate, known: Counter[str]
                  ) -> bool:
    """Whether a head read beside a number on a page that lists entries, under the
    contents' heading ending the page ``before`` (a blank line parting them), is the first
    entry and its page (``General Introduction  9``): it names no contents, and heads no
    other page (``known``: the pages each head stands on)."""
    return candidate.top == 1 and known[candidate.head] < 2 and bool(before.lines) \
        and contents.is_heading(before.lines[-1]) \
        and not contents.is_heading(candidate.head) and contents.lists(page)


def _top_at(page: Page) -> int:
    """Where a page's line that may be a title (``_top``) stands among its lines."""
    return page.lines.index(_top(page))


def _top(page: Page) -> str:
    """A page's first line, or the line under it where it is a date (a place and a date set
    over a work's title), a mark with no letter or digit (a speck the scan read, ``•``) or
    a number's label (``No. 6``): the line that may be a title ("" on a page of none)."""
    lines = page.lines
    if not lines:
        return ""
    over = len(lines) > 1 and (is_dated(lines[0]) or not boilerplate.ALNUM.search(lines[0])
                               or is_number_label(lines[0]))
    return lines[1] if over else lines[0]


def _front(pages: list[Page], inferred: list[str], entries: Entries) -> list[str]:
    """The folios inferred, but for the pages before the first folio, counted back from it:
    a page that opens with an entry the contents list lower (a work of one page, the blank
    verso after it dropped by the scan) takes the listed page, and the count goes on back
    from there; it stops at the last page that opens with an entry listed at a roman page
    (a publisher's note at VI before a body that opens at 17), which takes that page, the
    pages before it none."""
    first = next((k for k, p in enumerate(pages) if p.folio), len(pages))
    for k in range(first - 1, -1, -1):
        listed = Number.of(entries.page_of(_top(pages[k]))) if pages[k].lines else None
        own = Number.of(inferred[k])
        if listed and own and listed.kind == "roman" and own.kind != "roman":
            return ["" if j < k else listed.printed(listed.value) if j == k else folio
                    for j, folio in enumerate(inferred)]
        if listed and own and listed.kind == own.kind == "arabic" and listed.value < own.value:
            known = [p.folio for p in pages]
            known[k] = listed.printed(listed.value)
            return _front(pages, [folio if j > k else number for j, (folio, number) in
                                  enumerate(zip(inferred, folios.infer(known), strict=True))],
                          entries)
    return inferred


def _earlier(folio: str, before: str) -> str:
    """The number before ``folio`` if it is past ``before`` (the folio of the page before),
    of the same kind: the other number the folios around may leave a page."""
    n, b = Number.of(folio), Number.of(before)
    return n.printed(n.value - 1) if n and b and n.kind == b.kind and \
        n.value - 1 > b.value else ""


def _after(at: int, folio: str, k: int) -> str:
    """The number of page ``k`` counted on from ``folio``, page ``at``'s, "" if none."""
    return n.printed(n.value + k - at) if (n := Number.of(folio)) else ""


def _number_first(pages: list[Page], entries: Entries) -> None:
    """Number the opening pages before the first folio that no folio after them counts back
    to (a page of front matter printed without one, ``From the Publishers``) as the
    contents list them, where that number comes before the first folio (of another kind,
    or less); where there is no folio at all, the pages are counted (``_counted``)."""
    first = next((k for k, p in enumerate(pages) if p.folio), len(pages))
    after = Number.of(pages[first].folio) if first < len(pages) else None
    for page in pages[:first]:
        listed = Number.of(entries.page_of(page.lines[0])) if page.lines else None
        if not page.head and listed and (not after or listed.kind != after.kind
                                         or listed.value < after.value):
            page.folio = listed.printed(listed.value)
    if not after:
        _counted(pages, entries)


def _counted(pages: list[Page], entries: Entries) -> None:
    """Number the pages of a text with no folio at all by counting them: a page that opens
    with no head and spells an entry's title (and lists no entries) takes the page the
    contents list that entry at, where the count reaches it as folios may run
    (``folios.fits``: no further back than the pages a stray blank line may have cut in
    two, no further on than the blank pages a scan drops), or the first listed of another
    kind (the body after the front matter); the pages after it count on (the scan drops
    blank pages only before a work's opening page, which the contents number), those
    before the first so numbered count back.  Where blank lines set paragraphs apart too
    (``breaks.mostly_apart``: between most pairs of neighbouring pages that spell titles
    the runs of lines outnumber the pages the contents count), a run of lines is no page:
    those between two that spell titles are numbered as far between their numbers as they
    stand (``_spread``)."""
    spelled = [(k, n) for k, page in enumerate(pages) for n in _spelled(page, entries)]
    if breaks.mostly_apart(run := breaks.rising(spelled)):
        _spread(pages, sorted(x for kind in run for x in kind))
    else:
        _count_on(pages, spelled)
    for page in pages:
        page.counted = True
    if len(pages) > 1 and _imprint(pages[-2], pages[-1]):
        pages[-1].folio = ""  # on a page no print numbers
    first = next(((k, n) for k, p in enumerate(pages) if (n := Number.of(p.folio))), None)
    for k in range(first[0] if first else 0):  # the front matter counted back
        pages[k].folio = first[1].printed(first[1].value - first[0] + k) \
            if first and first[1].value - first[0] + k > 0 else ""


def _spelled(page: Page, entries: Entries) -> list[Number]:
    """The pages the contents list the entries at whose title a head-less page spells from
    its top (none on a contents page)."""
    if not page.lines or page.head or contents.lists(page):
        return []
    top = _top_at(page)
    return [n for p in entries.pages_of(page.lines[top]) if (n := Number.of(p))
            and entries.title_lines(page.lines[top:], p)]


def _count_on(pages: list[Page], spelled: list[tuple[int, Number]]) -> None:
    """Number each page on from the last that spells a title whose listed number the count
    reaches as folios may run (``spelled``: page, number)."""
    count: tuple[int, Number] | None = None  # the last page numbered so, and its number
    spells: dict[int, list[Number]] = {}
    for i, n in spelled:
        spells.setdefault(i, []).append(n)
    for k, page in enumerate(pages):
        at = next((n for n in spells.get(k, []) if not count or n.kind != count[1].kind
                   or folios.fits(count, (k, n))), None)
        if at:
            count = (k, at)
        page.folio = count[1].printed(count[1].value + k - count[0]) if count else ""


def _spread(pages: list[Page], spelled: list[tuple[int, Number]]) -> None:
    """Number the pages from each that spells a title (``spelled``: page, number, in order)
    to the next as far between their numbers as they stand; those after the last as the
    run of its kind rose, from its first to it; those before one of another kind as the
    one before; those before the first, none (counted back after).  A run numbered as
    the one before it is a part of that page, and takes no number (``paragraphs.joined``
    reads it on, with no marker of its own)."""
    for page in pages[:spelled[0][0]]:
        page.folio = ""
    last = ""
    starts: dict[str, tuple[int, Number]] = {}  # the first of each kind
    for title in spelled:
        starts.setdefault(title[1].kind, title)
    for (i, x), after in zip(spelled, [*spelled[1:], None], strict=True):
        start = starts[x.kind]
        if after and after[1].kind == x.kind:
            rise, runs = after[1].value - x.value, after[0] - i
        elif not after and start[0] < i:
            rise, runs = x.value - start[1].value, i - start[0]
        else:
            rise, runs = 0, 1
        for k in range(i, after[0] if after else len(pages)):
            number = x.printed(x.value + (k - i) * rise // runs)
            pages[k].folio, last = ("" if number == last else number), number  # (a run on
            # the page the run before stands on is a part of it: no page of its own)


def _imprint(before: Page, last: Page) -> bool:
    """Whether the volume's last page is the printer's imprint: a line alone, a sentence
    of its own after the sentence the page before ends (not the text's last words run on
    over the page: a note's ``… explaining a`` / ``name in the text. p. 51``)."""
    return len(last.lines) == 1 and last.lines[0][:1].isupper() and bool(
        before.lines and SENTENCE_END.search(before.lines[-1]))


def _number_last(pages: list[Page], entries: Entries) -> None:
    """Number the opening pages after the last folio (a last work's, the notes', printed
    without one where no folio follows to count back from) as the contents list them, for
    as long as they go on rising (of the entries a top line may open, ``THE STATE``'s and,
    but for an OCR's slip, ``ON THE STATE AND …``'s, the first listed past the page
    before); a page opening with an entry listed at the page before is none of them but
    that page's second part, cut off at the title set in its midst, and passed over.  A
    top line that opens no entry, and no sentence's rest (in lower case), may be a line set
    over the title (a stamp seen once): the line under it is read, its entry taken where
    its page fits the run of folios."""
    last = max((k for k, p in enumerate(pages) if Number.of(p.folio)), default=len(pages))
    at, before = last, Number.of(pages[last].folio) if last < len(pages) else None
    for k, page in enumerate(pages[last + 1:], start=last + 1):
        if page.folio or page.head or not before or not page.lines:
            return
        top = _top_at(page)
        numbers = _listed_past(page.lines[top], entries, before)
        if not numbers and top + 1 < len(page.lines) and not page.lines[top][:1].islower():
            numbers = [n for n in _listed_past(page.lines[top + 1], entries, before)
                       if folios.fits((at, before), (k, n))]
        listed = min((n for n in numbers if n.value > before.value), key=lambda n: n.value,
                     default=None)
        if not listed and numbers:  # (its own: the page before's)
            continue
        if not listed:
            return
        page.folio, at, before = listed.printed(listed.value), k, listed


def _listed_past(line: str, entries: Entries, before: Number) -> list[Number]:
    """The pages of ``before``'s kind, none before it, the contents list the entries at
    that ``line`` may open."""
    return [n for p in entries.pages_of(line) if (n := Number.of(p))
            and n.kind == before.kind and n.value >= before.value]


def _fitting(pages: list[Page], options: list[list[Candidate]],
             text: set[tuple[int, Candidate]] | None = None) -> dict[int, Candidate]:
    """Each page's likeliest candidate (``options``, by page) whose folio fits the run of
    folios, but those of ``text`` (by page): a line beside a number that reads as no
    running head (a numbered endnote, ``23 An editor's note on``, opening the second part
    of a page cut in two) is no folio, and must not make the run pass over the next page's."""
    numbered = [(i, n, c) for i, found in enumerate(options) for c in found
                if (n := Number.of(c.folio)) and (i, c) not in (text or set())]
    in_run = folios.run(sorted({(i, n) for i, n, _ in numbered}),
                        folios.Lengths([len(p.lines) for p in pages]))
    in_run |= _alone(pages, numbered, in_run)
    chosen: dict[int, Candidate] = {}
    for i, n, candidate in numbered:
        if (i, n) in in_run and i not in chosen:
            chosen[i] = candidate
    return chosen


def _listed_below(pages: list[Page], k: int, entries: Entries, printed: set[str]) -> bool:
    """Whether the work whose title opens page ``k - 1`` is listed at a page of the folio's
    kind below page ``k``'s folio (at its foot) that no page prints (``printed``: the
    folios the pages print), and no page before opens with that title: the work's opening
    page is a page of its own, printed without a folio, not a part of the next (where a
    page prints the folio, the title over the part is that page's running head, naming its
    work; where a page before opens with the title, that half-title's page is the one
    listed)."""
    top = _top(pages[k - 1])
    at = entries.page_of_work(top)
    listed, below = Number.of(at), Number.of(pages[k].folio)
    return bool(listed and below) and at not in printed and listed.kind == below.kind \
        and listed.value < below.value \
        and top not in {_top(p) for p in pages[:k - 1]}  # type: ignore[union-attr]


def _listed(pages: list[Page], titled: list[bool], entries: Entries) -> list[str]:
    """The page the contents lists each titled page before the first folio at (a work's
    opening page, printed without one), "" for the other pages: a section's title, which
    opens no page of its own, is listed at none (its page, cut in two under the work's
    title at a stray blank line, counts as the work's)."""
    first = next((k for k, p in enumerate(pages) if p.folio), len(pages))
    return [entries.page_of_work(top) if k < first and titled[k] and (top := _top(p)) else ""
            for k, p in enumerate(pages)]


def _opening_inside(pages: list[Page], titled: list[bool], entries: Entries) -> list[bool]:
    """Which titled pages open with a work's title the contents list at the folio of the
    last page before them that has one, a work other than the one whose title opens that
    page (not its head over the page after): a work opening inside that page, cut off
    from it at the title's gap."""
    out, last = [], None
    for k, page in enumerate(pages):
        top = _top(page) if titled[k] else ""
        out.append(bool(top) and last is not None and entries.opens_page(top, last.folio)
                   and not set(entries.opened(top)) & set(entries.opened(_top(last))))
        last = page if page.folio else last
    return out


def _opens_contents(pages: list[Page], chosen: dict[int, Candidate], i: int) -> bool:
    """Whether a page's head (``chosen``, by page) is the contents' heading over the first
    of their pages, the page before neither opening with it nor headed so."""
    before = pages[i - 1].lines[:1] if i else []
    return contents.is_heading(chosen[i].head) and not (
        (before and contents.is_heading(before[0]))
        or (i - 1 in chosen and contents.is_heading(chosen[i - 1].head)))


def _recur(pages: list[Page], chosen: dict[int, Candidate]) -> bool:
    """Whether the heads of the pages' candidates (``chosen``, by page) recur as running
    heads do (``heads.recur``), on a share of the numbered pages (a section's title that
    two pages each open or end with beside their folios heads none); a line of text
    beside the folio of a page after one with no folio is left out: it may open the
    second part of a page cut in two.  A head that repeats, in whatever case, the top line
    of a page before (a work's title) is seen twice: in works of two pages, each recto head
    stands once."""
    known = Counter(c.head for i, c in chosen.items() if c.head and (
        i - 1 in chosen or heads.set_as_head(c.head)))
    tops: dict[str, int] = {}  # the first page each top line opens
    for k, page in enumerate(pages[:max(chosen, default=0)]):
        tops.setdefault(heads.head_text(page.lines[0]).casefold() if page.lines else "", k)
    titles = Counter(head for i, c in chosen.items()
                     if (head := c.head) in known and tops.get(head.casefold(), i) < i)
    return heads.recur(known + titles) and sum(known.values()) >= HEADED * len(chosen)


def _heads_run(pages: list[Page], titled: list[bool]) -> bool:
    """Whether the print runs heads over its pages: more pages have one than pages, after
    a page with its folio, have a folio and neither head nor title (a page after one
    with no folio may be the second part of a page cut in two, its head on the first)."""
    plain = sum(1 for k in range(1, len(pages)) if pages[k].folio and not pages[k].head
                and not titled[k] and pages[k - 1].folio)
    return sum(1 for p in pages if p.head) > plain


def _folio_alone(found: list[Candidate], candidate: Candidate) -> Candidate:
    """The page's reading with the candidate's folio alone, the line taken for its head
    left to the text (``found``: the page's candidates), if it has one."""
    return next((c for c in found if not c.head and c.folio == candidate.folio), candidate)


def _alone(pages: list[Page], numbered: list[tuple[int, Number, Candidate]],
           in_run: set[tuple[int, Number]]) -> set[tuple[int, Number]]:
    """Folios off the runs that are folios all the same: beside a head that repeats the
    top line of the page before (a work's title, then its running head), on a page where
    no run of any kind goes (a preface's one roman folio, the contents elsewhere; not
    ``I``, a section's numeral, under a head inside the body's run, whose page's folio
    stands at the foot of its second part), and whose folio no run holds (``I`` under a
    head whose page's folio stands at its foot)."""
    spans: dict[str, list[int]] = {}
    for i, n in in_run:
        spans.setdefault(n.kind, []).append(i)
    held = {i for i, _ in in_run}
    return {(i, n) for i, n, c in numbered
            if not any(min(run) <= i <= max(run) for run in spans.values())
            and i not in held
            and c.head and i > 0 and pages[i - 1].lines
            and c.head == heads.head_text(pages[i - 1].lines[0])}


def _misread(found: list[Candidate], known: Counter[str], seen: set[str],
             folio: str) -> Candidate | None:
    """A page's head beside a misread folio: a known head beside a folio off the run, or a
    head in capitals with a folio that reads as the one inferred (``3S7``, ``37``); one
    at the page's foot only under a head that pages before had (the contents' first page
    may end in an entry's page under its heading, the notes' first page in a note's, its
    ``p. 9`` on a line of its own, under their heading), and no numeral of another kind
    (``heads.foreign``)."""
    return next((c for c in found if c.head and (not c.footed or c.head in seen)
                 and not heads.foreign(c, folios.kind(folio)) and (known[c.head] >= 2 or (
            heads.is_capitals(c.head) and folios.misread_as(c.folio, folio)))), None)


def running(pages: list[Page]) -> list[bool]:
    """Which pages the running text is read from: the numbered ones, and a page between two
    of them that has none (a part of a page, its folio gone with another part where the
    scan's blank lines cut it: its text read on with the page before, not lost); not the
    front matter's, nor the pages past the last folio."""
    numbered = [k for k, page in enumerate(pages) if page.folio]
    return [bool(page.folio) or bool(page.lines and numbered and numbered[0] < k < numbered[-1])
            for k, page in enumerate(pages)]


def section(pages: list[Page], named: Callable[[str], bool], verso_head: str = "",
            listed: str = "") -> list[Page]:
    """A section's pages (the notes, a chronicle): the first page whose top line names it
    (``named``), its head not the contents' (or, its title taken for that page's head, the
    first page so headed: its title that head; or, where neither is, the page the contents
    gives it, ``listed``, from its line that names it: a stamp seen once, or a misread
    line, stood over its title at its top, fresh 1253), and the pages after it headed by
    its name, or, where the print heads none of them (its folios alone), the head-less
    numbered pages up to the next title (or the contents' heading, which no entry lists).
    A head that misreads one of its heads, or its title, is its own, as is a head-less page
    between two it heads, or whose text runs on from the page before (``cuts.runs_on``: its
    last page, the next head another's): the scan lost that page's head.  A page with
    neither head nor folio whose top line is one of its heads is its own too (its last
    page, the folio lost, its head read as a line).  Where the print
    heads the section's versos as the works' (``verso_head``, the author's name) and only
    its rectos with its name, those versos are its own too."""
    if (opening := _opening(pages, named, listed)) is None:
        return []
    pages, start, title = opening
    seen = {title}  # its heads so far, and its title

    def own(head: str) -> bool:  # (no head is none of its own: "" would misread "")
        if head and (named(head) or any(misread(head, h) for h in seen)):
            seen.add(head)
            return True
        return False

    end = start + 1
    bare = end < len(pages) and not pages[end].head
    while end < len(pages) and (own(pages[end].head) or (
            verso_head and pages[end].head == verso_head and not pages[end].title) or (
            not pages[end].head and not pages[end].folio and pages[end].lines
            and own(heads.head_text(pages[end].lines[0]))) or (
            not pages[end].head and pages[end].folio and not pages[end].title
            and not contents.is_heading(pages[end].lines[0] if pages[end].lines else "")
            and (bare or own(next((p.head for p in pages[end:] if p.head), ""))
                 or cuts.runs_on(pages[end - 1], pages[end])))):
        end += 1
    return pages[start:end]


def _opening(pages: list[Page], named: Callable[[str], bool], listed: str
             ) -> tuple[list[Page], int, str] | None:
    """Where ``section`` opens, by the three ways its docstring gives in turn: the pages
    (one cut at its title, where the contents' page told it), the first one's index, and
    the section's title; None where nothing names it."""
    top = _named_at(pages, named, lambda p: p.lines[0])
    if top is not None:
        return pages, top, heads.head_text(pages[top].lines[0])
    headed = _named_at(pages, named, lambda p: p.head)
    if headed is not None:
        return pages, headed, pages[headed].head
    found = next(((i, k) for i, p in enumerate(pages) if p.folio == listed
                  for k, line in enumerate(p.lines) if named(line)), None) if listed else None
    if found is None or contents.is_heading(pages[found[0]].head):
        return None
    at, k = found
    opened = replace(pages[at], lines=pages[at].lines[k:], title=0, title_at=0)
    return [*pages[:at], opened, *pages[at + 1:]], at, heads.head_text(opened.lines[0])


def _named_at(pages: list[Page], named: Callable[[str], bool], line: Callable[[Page], str]
              ) -> int | None:
    """The first page with lines whose ``line`` (its top line, its head) names a section,
    its head not the contents' (not an entry that opens a page of the contents, ``CONTENTS
    V`` / ``Notes`` / ``29``)."""
    return next((i for i, p in enumerate(pages) if p.lines and named(line(p))
                 and not contents.is_heading(p.head)), None)


# the layout page_spans made last in this thread (or task), and of what text
_HANDED: ContextVar[tuple[str, Layout] | None] = ContextVar("handed", default=None)


def layout(text: str) -> Layout:
    """The printed pages of a normalised OCR text, furniture removed, every folio known or
    inferred, and what was learnt about the furniture. The layout ``page_spans`` made of
    the same text last is handed over (once: its taker may change it) rather than made
    again: corrections checked on the corrected text's pages cost no second layout."""
    handed = _HANDED.get()
    _HANDED.set(None)
    if handed and handed[0] == text:
        return handed[1]
    with footnotes.citing(text):
        return _layout(text)


def _layout(text: str) -> Layout:
    """``layout``'s pages of ``text``, made anew."""
    lines = text.split("\n")
    if _unbroken(lines):  # no blank line parts the pages: they open at their heads
        groups, gone, opening = breaks.unbroken(lines)
        caught: set[int] = set()
    else:
        opening = set()
        caught = catchwords.find(lines)  # (taken off first: no stamp's line)
        kept = [line for k, line in enumerate(lines) if k not in caught]
        printed = named_lines(kept) | placement.spelt_alone(kept)  # (a head, a signature:
        # no stamp)
        groups = boilerplate.learn(kept, sum(1 for a, b in itertools.pairwise(["", *kept])
                                             if not a.strip() and b.strip()), printed)
        gone = boilerplate.strip(lines, groups) | caught
    pages = _raw_pages(text, gone, opening)
    _colophon(pages)
    _undress(pages)
    if stamp := _stamped_contents(pages):
        groups = [*groups, stamp]
    pages = _heads(pages)
    taken = len(caught) + catchwords.strip(pages, len(caught))
    headed = [p for p in pages if p.head and not p.counted]
    verso = heads.verso_head([p.head for p in pages], [p.folio for p in pages],
                             spells_name(pages))
    return Layout(pages, groups, verso,
                  folios_before=sum(p.folio_first for p in headed),
                  folios_after=sum(not p.folio_first and not p.folio_below for p in headed),
                  folios_below=sum(p.folio_below for p in headed), catchwords=taken)


def _stamped_contents(pages: list[Page]) -> Group | None:
    """Take off the lines over the contents' heading on its page (the first page to hold
    the heading, or the first that lists entries) where each is set apart (short of the
    measure, worded, ending no sentence: ``boilerplate.set_apart``) and stands elsewhere
    in the volume word for word: a stamp the scan set there and on a page or so besides
    (the title page), seen too seldom to be learnt, for the print sets nothing over the
    heading that opens the contents.  A title over a heading of its own stands once.
    The stamp so taken off, with the pages it stands on (for the audit), or None."""
    for page in pages:
        at = contents.heading_at(page.lines)
        if at is None and not contents.lists(page):
            continue
        if at:
            seen = Counter(line.strip() for p in pages for line in p.lines)
            full = measure.of_pages(pages)
            if all(seen[line.strip()] > 1 and boilerplate.set_apart(line, full)
                   for line in page.lines[:at]):
                stamp = tuple(line.strip() for line in page.lines[:at])
                page.lines = page.lines[at:]
                return Group(stamp, min(seen[line] for line in stamp))
        return None
    return None


def _colophon(pages: list[Page]) -> None:
    """Take off the printer's imprint set under the volume's last lines on their page
    (``_imprint``: on a page of its own, it is read as one): the last page's last line, a
    sentence of its own (a capital, a word in lower case: no signer's name, whose words
    are all capitalised) that ends in a word, as no paragraph's last line does, with no
    figure (a closing date), under a line that ends a sentence or in a page's number (the
    text's last line; a note's or a contents entry's, which end in the page they cite; the
    page's foot folio)."""
    last = next((p for p in reversed(pages) if p.lines), None)
    if last is None or len(last.lines) < 2:
        return
    line, above = last.lines[-1].strip(), last.lines[-2].strip()
    words = line.split()
    if line[:1].isupper() and line[-1].isalpha() and any(w.islower() for w in words) and \
            not any(c.isdigit() for c in line) and len(words) >= IMPRINT_WORDS and \
            (SENTENCE_END.search(above) or PAGE_CITED.search(above) or plain(above)):
        del last.lines[-1]


# a number in a dress of one or two signs either side, opening a line or ending it (a
# folio beside a head, or alone)
_DRESS = r"(?P<left>[^\s\d]{1,2}) ?(?P<number>\d{1,3}|[IVXLC]{1,7}) ?(?P<right>[^\s\d]{1,2})"
_DRESS_AT = (re.compile(rf"^{_DRESS}(?=\s|$)"), re.compile(rf"(?:^|(?<=\s)){_DRESS}$"))


def _undress(pages: list[Page]) -> None:
    """Folios in a dress no print is known to wear (``folios.plain`` reads ``— 12 —``,
    ``[12]``; a scan's encoding may have turned the dashes into letters, ``Ñ 12 Ñ``), learnt
    from the pages: a pair of signs either side of a number at a page's edge (its first
    two lines, its last) whose numbers rise with the pages as folios do (``folios.run``,
    not ``by_chance``, mostly a number a page), dressed there as ``[12]``, which the heads
    and folios are read in (every number in that dress at a page's edge: a roman front
    page's too)."""
    edges = [(k, j) for k, page in enumerate(pages)
             for j in {0, 1, len(page.lines) - 1} if 0 <= j < len(page.lines)]
    found: dict[tuple[str, str], list[tuple[int, int, re.Match[str]]]] = {}
    for k, j in edges:
        line = pages[k].lines[j].strip()
        spots = {m.start(): m for pattern in _DRESS_AT if (m := pattern.search(line))}
        for m in spots.values():  # (a folio alone matches at either edge: once)
            if not plain(m[0]):
                found.setdefault((m["left"], m["right"]), []).append((k, j, m))
    for places in found.values():
        # (in page order)
        numbers = sorted({(k, n) for k, _, m in places if (n := Number.of(m["number"]))})
        rising = sorted(folios.run(numbers), key=lambda c: c[0])
        steps = [b.value - a.value == j - k for (k, a), (j, b) in itertools.pairwise(rising)]
        if len(rising) < DRESSED or folios.by_chance(rising, len(pages)) \
                or 2 * sum(steps) <= len(steps):
            continue  # (numbers rising slower than the pages, ``§ 2.`` ``§ 3.``: sections')
        for k, j, m in places:  # (all of them: whether each is a folio, the runs tell)
            if Number.of(m["number"]):
                line = pages[k].lines[j]
                at = line.index(m[0], len(line) - len(line.lstrip()) + m.start())
                pages[k].lines[j] = f"{line[:at]}[{m['number']}]{line[at + len(m[0]):]}"


def _unbroken(lines: list[str]) -> bool:
    """Whether no blank line parts the pages of a text: a run of more lines than two pages
    hold stands between blank lines."""
    return max((len(list(run)) for blank, run in itertools.groupby(
        lines, lambda line: not line.strip()) if not blank), default=0) > 2 * PAGE


def split_pages(text: str) -> list[Page]:
    """The printed pages of an OCR text, furniture removed, every folio known or inferred."""
    return layout(text).pages


def page_spans(text: str) -> dict[str, tuple[int, int]]:
    """Where each printed page stands in the text, by folio (for page-limited corrections);
    the layout is kept for the reader, should the text be read as it is."""
    made = layout(text)
    _HANDED.set((text, made))
    return {page.folio: page.span for page in made.pages if page.folio}
