"""An export that sets a blank line after every paragraph, as it does between pages: the
runs of lines between blank lines joined back into pages, where a page break is only the
blank line before a running head and folio (or after a folio at a page's foot), or
before a title (a work's, on its opening page, printed without a folio;
a title inside a page is left cut there, for ``cuts`` to join by the folios' count).
A copy that sets no blank line at all (``unbroken``): its pages opened at their heads and
folios, and at the titles of the pages the folios leave numbers for."""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from ...pagemarks import PAGE
from ..textlines import INITIALED
from . import boilerplate, contents, entrypages, footnotes, heads, indents
from .boilerplate import Group
from .boilerplate.kinds import addressed
from .closing import is_signed, pen_name
from .cuts import ENDED, NEAR
from .entries import opens_entry, paged_entries
from .entrypages import ends_entry
from .folios import REACH, Number, by_chance, sparse
from .lines import (
    NOTE_END,
    ROMAN_LINE,
    STOPPED,
    is_dated,
    is_work_label,
    names_notes,
)
from .titles import reads_as_title

if TYPE_CHECKING:
    from .heads import Candidate
    from .pages import Page

T = TypeVar("T")  # what rides with each page number (``_rising``): a folio's candidate

# the runs of lines a page holds, above which blank lines set more than pages apart: a
# page cut in two by a stray blank line, or by one under its running head, makes two; a
# paragraph's blank line makes one more for each paragraph that ends on the page
RUNS_PER_PAGE = 2
# the least share of the lines a page holds (the median page's) that a page of a text with
# no blank lines holds: the sample's shortest numbered page, a part's title page, holds 7
# lines of the median 32, a fifth; its contents list sets numbered entries a line or two apart
SHORTEST = 0.2
# … and the most: its longest, of the notes set smaller, holds 39 with its head, 1.2 times
# the median, and a page may hold a stamp's lines too before the stamp is known (six)
LONGEST = 1.5
# a line ending in a number among as many others within that many lines either side is
# a list's (a contents' entries, one to three lines each); a page's folio has a line of
# text or a head on either side (a folio at the foot of one page over the next one's:
# two; a note's page, ``p. 19``, is none)
LISTED = 2
# the most lines that follow a volume's last folio where its folios stand at the pages'
# feet: the last one, and the printer's imprint under it (the sample's: a line)
IMPRINT = 2
# the most lines one contents entry takes (its title over two lines, its description and
# date over two more, its page alone under them): the contents' list runs on while a line
# ending in a page comes within that many lines of the last
ENTRY = 5
# a sentence's end, then a number and its stop ending the line: a numbered clause set on
# (``… Posts and Telegraphs. 19.``), no head beside its folio
_CLAUSE = re.compile(r"[a-z][.;:]\s+\d+\.$")
# the most lines, in the volume's longest pages measured, that a title the contents list
# leaves to a page the folios leave a number for, where no title leaves a page measured
# nearby's (``_opening``): nearer one page than two, two the lines under the title of the
# page before (noblank 1-30 and 91-250: the titles taken so leave 0.65 to 1.26 pages, the
# nearest left 1.9; any value between reads them alike)
OPENING_PAGES = 1.5
# the most words a person's name takes: a forename, a middle name or initial, a surname
NAME_WORDS = 3
# the least share of a text's lines its folios span (the sample's, all but the front
# matter's and the last page's: 0.98); a run over less is a numbered list's (the notes')
SPAN = 0.5


def paragraphs_apart(options: list[list[Candidate]], lengths: list[int]
                     ) -> dict[int, Candidate]:
    """The runs of lines (by their head candidates, ``options``; ``lengths``: their lines)
    that open or close a page by their folio, if the text sets blank lines between
    paragraphs (its pages hold more than ``RUNS_PER_PAGE`` runs each, counted over the
    kinds whose numbers are no chance's: a roman ``I`` and ``C`` ending two lines span a
    hundred pages); else none.  The
    folios are those that rise, of each kind, over the most runs (``_rising``): how many
    runs lie between two pages says nothing here; each stands where the volume prints
    its folios (``heads.placed``)."""
    numbered = [(k, n, c) for k, found in enumerate(options) for c in found
                if (n := Number.of(c.folio))]
    rising = [run for run in _by_kind(numbered) if not sparse([(k, n) for k, n, _ in run])]
    folioed = [[(k, n) for k, n, _ in run] for run in rising]
    if not apart(folioed) or by_chance([x for run in folioed for x in run], len(options)):
        return {}
    return heads.placed({k: c for run in rising for k, _, c in run}, options, lengths)


def apart(rising: list[list[tuple[int, Number]]]) -> bool:
    """Whether blank lines set more than pages apart: the runs of lines from the first
    page to the last of each rising run (run of lines, page number) outnumber the pages
    their numbers span ``RUNS_PER_PAGE`` times over."""
    spans = [(run[-1][0] - run[0][0], run[-1][1].value - run[0][1].value) for run in rising
             if run]  # the runs of lines and the pages from a kind's first page to its last
    return sum(pages for _, pages in spans) * RUNS_PER_PAGE < sum(runs for runs, _ in spans)


def mostly_apart(rising: list[list[tuple[int, Number]]]) -> bool:
    """Whether blank lines set more than pages apart (``apart``) between most pairs of
    neighbouring numbers of the rising runs, two pairs or more: one page's own runs (a
    song's stanzas) set one pair apart, a text that parts its paragraphs so parts them
    throughout."""
    pairs = [[a, b] for run in rising for a, b in itertools.pairwise(run)]
    parted = sum(apart([pair]) for pair in pairs)
    return parted >= 2 and 2 * parted > len(pairs)


def rising(numbered: list[tuple[int, Number]]) -> list[list[tuple[int, Number]]]:
    """The longest rising run of each kind of ``numbered`` (run of lines, page number)."""
    return [[(k, n) for k, n, _ in run] for run in _by_kind([(k, n, None) for k, n in numbered])]


def _by_kind(numbered: list[tuple[int, Number, T]]) -> list[list[tuple[int, Number, T]]]:
    """The longest rising run (``_rising``) of each kind of ``numbered``, roman then arabic."""
    return [_rising([x for x in numbered if x[1].kind == kind]) for kind in ("roman", "arabic")]


def _rising(numbered: list[tuple[int, Number, T]]) -> list[tuple[int, Number, T]]:
    """The longest run of ``numbered`` (run of lines, folio, candidate; in order) whose
    folios rise from one run of lines to a later one (a run's own candidates tried
    highest first, so that no two of one run are taken)."""
    ordered = sorted(numbered, key=lambda x: (x[0], -x[1].value))
    tails: list[int] = []  # the least last folio of a rising run of each length …
    ends: list[int] = []  # … and the index in ``ordered`` where that run ends
    before = [-1] * len(ordered)
    for i, (_, n, _) in enumerate(ordered):
        at = bisect.bisect_left(tails, n.value)
        before[i] = ends[at - 1] if at else -1
        tails[at:at + 1], ends[at:at + 1] = [n.value], [i]
    return _chain(ordered, before, ends[-1] if ends else -1)


def _chain(ordered: list[tuple[int, Number, T]], before: list[int], last: int
           ) -> list[tuple[int, Number, T]]:
    """The run of ``ordered`` that ends at its index ``last`` (none if -1), each one's
    predecessor in it at ``before`` (-1 for its first), in order."""
    out = []
    while last >= 0:
        out.append(ordered[last])
        last = before[last]
    return out[::-1]


def joined(pages: list[Page], folioed: dict[int, Candidate]) -> list[Page]:
    """The pages with each run of lines joined to the run before, but those that open
    with their folio (``folioed``: each run's candidate whose folio is in the run), follow
    a run that ends with its folio, open with a running head where the page before
    opened with none (``_heads_under``: a page the head opens ends with its foot folio; one
    printed without either, a work's opening page, ends where the next one's head stands)
    or with a title (``_titled``) or the contents' heading, or follow the contents' entries
    and list none (``contents.ends_list``); a run's first line joined so keeps the blank
    line over it (``indents``).  A signature, a run of its own (``_signs_off``), ends
    its work's page, and the next work's title opens the next run.  A work's number alone,
    a run of its own over a title in capitals (``III.`` / ``THE UNION``), opens the page
    the title goes on."""
    from .pages import Page  # (the module that calls this one)

    out: list[Page] = []
    headed = _heads_under(pages, folioed)
    labels = {k for k in range(len(pages) - 1) if _labels(pages[k].lines, pages[k + 1].lines)}
    signed = {k for k, page in enumerate(pages)
              if _signs_off(page.lines, [line for run in pages[k + 1:k + 2 + (k + 1 in labels)]
                                         for line in run.lines])}
    for k, page in enumerate(pages):
        top = k in folioed and not folioed[k].bottom
        foot = k - 1 in folioed and folioed[k - 1].bottom > 0
        if not out or top or foot or k - 1 in signed or k in labels or (
                page.lines[0].strip() in headed and out[-1].lines[0].strip() not in headed) \
                or (k not in signed and k - 1 not in labels and _titled(page.lines, out[-1])) \
                or contents.is_heading(page.lines[0]) or contents.ends_list(out[-1], page):
            out.append(Page(len(out), lines=list(page.lines), span=page.span, tail=page.tail))
        else:
            out[-1].run_on(page, [indents.gapped(page.lines[0]), *page.lines[1:]])
    return out


def _heads_under(pages: list[Page], folioed: dict[int, Candidate]) -> set[str]:
    """The running heads of a print that sets its folios at the pages' feet: the lines
    that open two runs or more of those that follow a run ending with its folio, more
    often parted from the last run they opened by such a run than not (one a page, but
    where the OCR lost a folio: a verse's refrain opens its stanzas anywhere).  A page that
    follows one printed without its folio (a work's opening page) opens with its head too;
    a paragraph's first line recurs on no other page."""
    footed = list(itertools.accumulate(
        (k in folioed and folioed[k].bottom > 0 for k in range(len(pages))), initial=0))
    after = Counter(pages[k].lines[0].strip() for k in range(1, len(pages))
                    if footed[k] > footed[k - 1])
    last: dict[str, int] = {}
    parted: Counter[str] = Counter()  # (each line's runs a foot folio parts from its last,
    crowded: Counter[str] = Counter()  # and those none does)
    for k, page in enumerate(pages):
        line = page.lines[0].strip()
        if line in last:
            (parted if footed[k] > footed[last[line]] else crowded)[line] += 1
        last[line] = k
    return {line for line, n in after.items()
            if n > 1 and parted[line] > crowded[line] and heads.head_text(line)}


def _signs_off(lines: list[str], after: list[str]) -> bool:
    """Whether a run of lines is a signature over the next work's title: a name alone in
    capitals ending in its stop (``PUBLIUS.``), the run after it (``after``; none at the
    text's end) a title in capitals or its number's label over one (``No. 2``, ``III.``).
    A title so set (``PREFACE.``) stands over its text."""
    return len(lines) == 1 and heads.is_capitals(lines[0]) \
        and pen_name(lines[0].strip()) \
        and (not after or heads.is_capitals(after[0]) or _labels(after[:1], after[1:]))


def _labels(lines: list[str], after: list[str]) -> bool:
    """Whether a run of lines is a work's number's label alone (``No. 2``, ``III.``; a
    figure alone is a folio) over a title in capitals (``after``: the lines after it)."""
    return len(lines) == 1 and bool(after) and heads.is_capitals(after[0]) \
        and is_work_label(lines[0].strip())


def _titled(lines: list[str], before: Page) -> bool:
    """Whether a run of lines opens with a title: a line in capitals; or, after a page
    that neither opens the contents (their heading) nor lists entries (``contents.lists``,
    however few), and ending none itself (``ends_entry``: the contents may part their
    entries, and the parts they list them under, by blank lines), its first two lines set
    as a title is (``titles.reads_as_title``: a title in title case on its opening page,
    printed without a folio, a title's line and the one under it) or a line that names
    the notes (``Notes``: their heading over their first page)."""
    return heads.is_capitals(lines[0]) or (
        not contents.is_heading(before.lines[0]) and not contents.lists(before, least=1)
        and not any(map(ends_entry, lines[:2]))
        and (reads_as_title(" ".join(lines[:2])) or names_notes(lines[0])))


def unbroken(lines: list[str]) -> tuple[list[Group], set[int], set[int]]:
    """The boilerplate of a text that sets no blank line between its pages (a copy or an
    export that dropped them), the lines it strips (``boilerplate.strip``, once for the
    layout), and the lines that open its pages: each running head, or folio, whose folio
    rises with the others (``_folioed``); where the folios leave
    numbers for pages between two of them, a line in capitals after one that is not for
    each (``_opening``: a work's title on its opening page, printed without a folio; not
    a contents entry, whose title ends within ``ENTRY`` lines in leader dots and a page,
    or stands among the entries: the line after the last one's page may open a title); the
    contents' heading; and the headings in capitals of the sections that are no works
    (the notes, a chronicle: past the last folio where the print numbers them no more).
    A signature in capitals (a name after initials, or the name the title page prints
    over the contents) is no title's first line, and the line after it may be one.
    The boilerplate is learnt from the text parted before its heads, as a text of pages
    is; twice: the groups of two lines or more found first (a stamp between a head and its
    folio) taken off, the heads they parted from their folios are found too, and then the
    lone lines, the text parted before every page's first line found (titles too: a stamp
    over a title or a head opens its page, ``_stamped``); none a head of the run's pages
    nor a name (``_signer``), the print's (alone on its line, a signature stands on as many
    pages as the folios found where works are short, their opening pages printing none)."""
    groups: list[Group] = []
    for last in (False, True):
        gone = boilerplate.strip(lines, groups)
        kept = [i for i, line in enumerate(lines) if i not in gone and line.strip()]
        run, heads_at, _, known = _folioed(lines, kept)
        signs = _signer(lines, kept)
        opening = _stamped(lines, kept, _opened(lines, kept), signs) if last else {
            kept[p] for p in (*run, *heads_at)}
        parted = [part for i, line in enumerate(lines) for part in ["", line][i not in opening:]]
        printed = frozenset(known | {lines[i].strip() for i in kept if signs(lines[i])})
        groups = [g for g in boilerplate.learn(parted, len(run), printed, own_breaks=False)
                  if (last or sum(map(bool, g.lines)) > 1) and not {*g.lines} <= known]
    gone = boilerplate.strip(lines, groups)
    return groups, gone, _opened(lines, [i for i, line in enumerate(lines)
                                         if i not in gone and line.strip()])


def _stamped(lines: list[str], kept: list[int], opening: set[int],
             signs: Callable[[str], bool]) -> set[int]:
    """The pages' first lines (``opening``, of the lines ``kept``), a line in words that
    recurs right over one taken for it (no name: a signature, ``signs``; no number: a foot
    folio, a contents entry's page): a stamp over a work's title
    or a running head at the page's top, as a text with blank lines sets it; a work's own
    last lines (a sentence's end, a date, a source) recur on no other page, and a stamp
    ending the page before stands, somewhere, inside a sentence too."""
    counts = Counter(lines[i].strip() for i in kept)

    def stamp(line: str) -> bool:
        return counts[line.strip()] > 1 and not signs(line) \
            and boilerplate.worded((line,)) \
            and not footnotes.opens_footnote(line.strip())  # (a footnote ends its page)

    return {kept[p - 1] if p and stamp(lines[kept[p - 1]])
            else i for p, i in enumerate(kept) if i in opening}


def _opened(lines: list[str], kept: list[int]) -> set[int]:
    """The lines (indices of ``lines``; of those ``kept``) that open the pages of a text
    with no blank lines (``unbroken``)."""
    run, heads_at, listing, _ = _folioed(lines, kept)
    listed = [entrypages.leadered(lines[i]) or p in listing for p, i in enumerate(kept)]

    def starts(upper: list[bool]) -> list[int]:  # the first lines of titles, not entries
        return [p for p in range(1, len(kept)) if upper[p] and not (upper[p - 1]
                                                                    and not listed[p - 1])
                and not any(listed[p:p + ENTRY]) and p not in listing]

    # (a signature ends a work: in capitals, ``_signer``; in title case, any)
    signs = _signer(lines, kept)
    signed = [signs(lines[i]) for i in kept]
    capitals = starts([heads.is_capitals(lines[i]) and not signs
                       for i, signs in zip(kept, signed, strict=True)])
    # (a title's first line in title case ends in no stop, nor a comma: a sentence's
    # last line, ``Central Committee.``, or a salutation, ``Dear Comrade Sorge,``)
    titled = starts([heads.set_as_head(heads.head_text(lines[i])) and not is_signed(lines[i])
                     and not STOPPED.search(lines[i].strip()) for i in kept])
    # a label over a title (``Appendix 2``, ``I``): two words at most, no stop, after a
    # sentence's end, numbered (not a signature: ``G. PLEKHANOV``, ``MAO TSE-TUNG``)
    labels = {p for p in range(1, len(kept)) if len(words := lines[kept[p]].split()) <= 2
              and words[0][0].isupper() and not ENDED.search(lines[kept[p]])
              and any(Number.of(word.rstrip(".")) for word in words)
              and ENDED.search(lines[kept[p - 1]]) and not is_dated(lines[kept[p]])
              and not signed[p]}  # (``V. LENIN``: an initial, no numeral)
    # a section of no work's heading opens its page where it stands once (the notes
    # after each work are headed so each, inside its last page: where it stands more than
    # once off the pages' heads, it is no title's first line)
    backs = Counter(heads.head_text(lines[kept[p]]) for p in capitals
                    if contents.names_back(lines[kept[p]]))
    apart = Counter(heads.head_text(lines[kept[p]]) for p in capitals if p not in run
                    and p not in heads_at and contents.names_back(lines[kept[p]]))
    inside = {p for p in capitals if p not in run and p not in heads_at
              and apart[heads.head_text(lines[kept[p]])] > 1}  # (not a running head)

    titles = [[p for p in found if p not in inside] for found in (capitals, titled)]
    paged = paged_entries([lines[kept[p]] for p in listing])
    entries = [entry for entry, _ in paged]
    entitled = [p for p in sorted({*titles[0], *titles[1]})
                if opens_entry(lines[kept[p]], entries)]
    # (a title under a roman numeral alone is a section's, ``III`` / ``THE TASKS``: in the
    # body an arabic one alone may be a folio at the foot, over the next page's head)
    sections = {p for p in range(1, len(kept)) if ROMAN_LINE.match(lines[kept[p - 1]].strip())}
    opening = _opening(run, [*titles, entitled], labels, sections) | _past(run, [
        (p, lines[kept[p]]) for p in entitled], paged)
    return {kept[p] for p in (*run, *heads_at, *opening)} | {
        i for i in kept if contents.is_heading(lines[i])} | {
        kept[p] for p in capitals if contents.names_back(lines[kept[p]])
        and backs[heads.head_text(lines[kept[p]])] == 1}


def _signer(lines: list[str], kept: list[int]) -> Callable[[str], bool]:
    """Whether a line is a signature of the text's lines ``kept`` (indices of ``lines``): a
    name after initials, the name the title page prints (over the contents), or a name of
    its surname (``AUGUST BEBEL`` or ``V. LENIN`` under ``A. BEBEL`` or ``V. I. LENIN``),
    in capitals or not (``August Bebel``); not a web address the scan stamped there."""
    named = {heads.head_text(lines[i]).upper() for i in kept[:contents.heading_at(
        [lines[i] for i in kept]) or 0] if not addressed((lines[i].strip(),))} - {""}
    surnames = {name.split()[-1] for name in named if _name_like(name)}
    return lambda line: bool(INITIALED.fullmatch(line.strip())) or (head := heads.head_text(
        line).upper()) in named or (_name_like(head) and head.split()[-1] in surnames)


def _name_like(line: str) -> bool:
    """Whether a line may be a person's name: two or three words (a forename or
    initials, a surname), no figure (``VOLUME 16``, ``MOSCOW 1951``)."""
    return 2 <= len(line.split()) <= NAME_WORDS and not any(c.isdigit() for c in line)


def _opening(run: dict[int, tuple[Number, int]], titles: list[list[int]], labels: set[int],
             sections: set[int]) -> set[int]:
    """The lines (by their places) that open the pages the folios of a text with no blank
    lines (``run``: each folio, and how many lines its head takes, by the line opening its
    page) leave numbers for between two of them, or before the first (an arabic one,
    numbered from 1, where no roman one comes before): from the later back, for each
    number, the first line of a title that leaves no more lines to the page after than a
    full page holds (the longest of the pages around, ``cuts.NEAR``, whose folios follow
    on, its head left out; where no two follow on, the lines between two folios over the
    pages they span): a work's opening page, printed without a folio, holds a page's
    worth under its title, the page before it ends a work.  A title's first line
    (``titles``: those in capitals, in title case, opening an entry; tried in turn, each
    kind at each of its limits): one in capitals after one that is not (or that ends a
    contents entry); where none fits, one in capitals that leaves no more lines than the
    longest page measured anywhere (the pages near may all be short: works' last pages, a
    page of footnotes carried over); then one set as heads are (in title case: a
    salutation too) after one that is not; where none leaves so few lines (a work's
    opening page fuller than any page measured: each page measured a work's short last
    page), either that opens an entry of the contents and leaves no more than
    ``OPENING_PAGES`` times the volume's longest page measured (of those whose folios
    follow on, or the lines between two folios over the pages they span).  A section's
    title (``sections``: under its numeral) is tried only after every other: the page is
    a work's opening page, its title over the first section's numeral, and a section
    further on, nearer the next page, stands inside the page before.  A label over the
    title (``labels``) opens the page with it."""
    at = sorted(run)
    steps = [(a, n, b - a - run[a][1]) for a, b in itertools.pairwise(at)
             if run[b][0].kind == run[a][0].kind and (n := run[b][0].value - run[a][0].value) > 0]
    pages = [(a, held) for a, n, held in steps if n == 1] \
        or [(a, -(-held // n)) for a, n, held in steps]
    longest = max((-(-held // n) for _, n, held in steps), default=0)
    opening: set[int] = set()
    for a, b in itertools.pairwise([-1, *at]):
        first = run[a][0] if a >= 0 else Number(run[b][0].kind, 0)
        then = run[b][0]
        room = then.value - (first.value if first.kind == then.kind else 0) - 1
        near = bisect.bisect_left(pages, (a, 0))
        full = max((n for _, n in pages[max(0, near - NEAR):near + NEAR]), default=0)
        end = b
        # the lines a title of each kind may leave, each limit tried in turn (a section's
        # title after every other)
        limits = ((full, longest), (full,), (OPENING_PAGES * longest,))
        tiers = [(most, [c for c in starts if (c in sections) == inside])
                 for inside in (False, True)
                 for starts, kind in zip(titles, limits, strict=True) for most in kind]
        for _ in range(room):
            end = next((c for most, starts in tiers
                        for c in starts if a < c < end and end - c <= most), a)
            if end == a:
                break
            end -= end - 1 in labels and end - 1 > a
            opening.add(end)
    return opening


def _past(run: dict[int, tuple[Number, int]], titles: list[tuple[int, str]],
          paged: list[tuple[str, str]]) -> set[int]:
    """The lines (by their places) that open the pages after the last folio of a text
    with no blank lines (``run``, by the line opening each page): each a work's opening
    page, printed without a folio (a page that goes on from another prints its own), so
    each page the contents (``paged``: each entry's words and page) list past the last
    folio opens at the first of the ``titles`` (place, line) after it that opens an entry
    listing that page, for as long as the pages rise (a section's title, listed at its
    work's page, opens none), under a line of the last folio's page at least."""
    if not run:
        return set()
    last = max(run)
    before = run[last][0]
    out = set()
    for p, line in titles:
        listed = [n for entry, page in paged if (n := Number.of(page)) and n.kind == before.kind
                  and n.value > before.value and opens_entry(line, [entry])]
        if p > last + run[last][1] and listed:
            out.add(p)
            before = min(listed, key=lambda n: n.value)
    return out


def _folioed(lines: list[str], kept: list[int]
             ) -> tuple[dict[int, tuple[Number, int]], set[int], range, set[str]]:
    """Which of the lines ``kept`` (indices of ``lines``; by place) open a page with its
    running head and folio, or its folio alone, where the folios rise from line to line
    over the most lines (``_spaced``), with the folio of each and the lines its head
    takes; a head on a line of its own is set as one (a line of text over a folio alone
    is the page's last), and a folio alone under it opens no page, the head over it does
    where it is taken (a section's title over a folio at the page's foot, its numeral
    above it, is a list's: the folio alone under it is taken still);
    a head beside a folio is set as heads are (or in lower case: small capitals), not a
    line of text nor a sentence's end before a clause's number (``_CLAUSE``), no number
    is a list's (``LISTED``) or a contents entry's (among the entries, an arabic number
    or one beside a line but the contents' head: their pages' folios are the front
    matter's, in roman), and no numeral a letter of a letter-spaced word.  And the lines
    off that run that read as a head of two of its pages or more beside a number (a
    misread folio), none among the contents' entries (a work's title over its page); the
    places of those entries (``_listing``); and the heads of two of the run's pages or
    more."""
    options = [[c for c in heads.candidates([lines[i] for i in kept[p:p + 2]])
                if not c.bottom and ((c.top == 1 and (not c.head or c.head.islower()))
                                     or heads.set_as_head(c.head))
                and not (c.head and (_CLAUSE.search(lines[kept[p]].strip())
                                     or NOTE_END.search(lines[kept[p]].strip())))]
               for p in range(len(kept))]
    numbered = [(p, n, c) for p, found in enumerate(options) for c in found
                if (n := Number.of(c.folio)) and not _spelt(c.folio, lines[kept[p]])]
    ends = {p: n for p in range(len(kept)) if not NOTE_END.search(lines[kept[p]])
            for c in heads.candidates([lines[kept[p]]])
            if (n := Number.of(c.folio)) and not c.before and not _spelt(c.folio, lines[kept[p]])}
    front = _front_matter([lines[i] for i in kept])
    listing = _listing(front)
    leading = _leading(lines, kept, listing)
    numbered = [x for x in numbered if _listed_beside(ends, *x[:2]) < LISTED
                and not (x[0] and leading[x[0] - 1])
                and not (x[0] in listing and (x[1].kind == "arabic" or x[2].head)
                         and not contents.is_heading(x[2].head))]
    over = {(p + 1, c.folio) for p, _, c in numbered if c.top == 2}  # (a head over its folio)
    numbered = [x for x in numbered if x[2].top != 1 or x[2].head or (x[0], x[2].folio) not in over]
    rising = _spaced(numbered, len(kept), front)
    # (a head in lower case is small capitals read so only where most of the run's are: else
    # a line of text that ends in a number, ``bought 12 hours … the price of 12``)
    seen = Counter(c.head for _, _, c in rising if c.head)
    if not all(heads.accepted(c, seen) for _, _, c in rising):
        rising = _spaced([x for x in numbered if heads.accepted(x[2], seen)], len(kept), front)
    if _ends_with_folio(rising, [lines[i] for i in kept[-IMPRINT:]]):
        rising = _footed(rising, lines, kept)
    known = {h for h, n in Counter(c.head for _, _, c in rising if c.head).items() if n > 1}
    run = {p: (n, c.top) for p, n, c in rising}
    return run, {p for p, found in enumerate(options)  # (a contents entry is no head)
                 if p not in run and p not in listing and any(c.head in known for c in found)
                 }, listing, known


def _listed_beside(ends: dict[int, Number], p: int, n: Number) -> int:
    """How many lines within ``LISTED`` of place ``p`` end in a number (``ends``, by place)
    of ``n``'s kind that rises in order with it, as a list's do (a contents' pages): not
    over it, nor under it after it (a line of text ending in a number by chance, ``…
    instead of 50`` over a page's folio ``19``, or in ``I``, counts none)."""
    return sum(q != p and m.kind == n.kind and ((m.value <= n.value) == (q < p)
                                                or m.value == n.value)
               for q in range(p - LISTED, p + LISTED + 1) if (m := ends.get(q)))


def _spelt(folio: str, line: str) -> bool:
    """Whether a numeral read off ``line`` is a letter of a letter-spaced word in it
    (``C O N T E N T S``: no folio ``C``; ``A. B E B E L``: no ``L``)."""
    return folio.isalpha() and folio not in heads.unspace(line).split()


def _listing(front: tuple[int, int, int, int, int] | None) -> range:
    """The places of the contents' entries, between their heading and their end
    (``front``): no work's title, no page's head nor folio stands among them."""
    return range(front[0] + 1, front[1]) if front else range(0)


def _leading(lines: list[str], kept: list[int], listing: range) -> list[bool]:
    """Which of the lines ``kept`` (by place) are the contents' entries (``listing``) that
    end in leader dots and no page: each entry's page stands alone on the line under it,
    no folio, and its title is no work's."""
    return [p in listing and entrypages.leads(lines[i]) for p, i in enumerate(kept)]


def _ends_with_folio(rising: list[tuple[int, Number, Candidate]], last: list[str]) -> bool:
    """Whether the folios (``rising``) stand at the pages' feet: the text's ``last`` lines
    hold a folio alone that goes on from them (a last page too short to tell by its
    lines, a note or two, left out of the run), its imprint under it."""
    top = max((n.value for _, n, _ in rising if n.kind == "arabic"), default=0)
    return bool(top) and any((n := Number.of(heads.plain(line.strip()))) and n.kind == "arabic"
                             and n.value >= top for line in last)


def _footed(rising: list[tuple[int, Number, Candidate]], lines: list[str], kept: list[int]
            ) -> list[tuple[int, Number, Candidate]]:
    """The run of folios (place, folio, candidate) of a text that ends with a folio
    (``_ends_with_folio``): the folios stand at the pages' feet (a folio at the top has a
    page's text under it),
    so a folio alone on its line ends its page, and the next page, one number on, opens
    on the line after it (its running head, set over the text without a folio, or a
    work's title); a folio on a head's line opens its page still.  A line over a folio
    alone is its page's last line of text (a signature, a sentence's end), no head: the
    next page opens under the folio."""
    out = []
    for p, n, c in rising:
        under = c.top == 2 and heads.plain(lines[kept[p + 1]].strip())
        if heads.plain(lines[kept[p]].strip()) or under:
            p, n, c = p + 1 + bool(under), Number(n.kind, n.value + 1), replace(c, head="", top=0)
        if p < len(kept):
            out.append((p, n, c))
    return out


def _front_matter(lines: list[str]) -> tuple[int, int, int, int, int] | None:
    """Where the contents' heading stands in ``lines`` and where their entries end (by
    place; from the heading, they run on while a line ending in a page, not a date nor a
    word of a numeral's letters, nor an arabic page under one listed before it, but after
    leader dots (the pages fall nowhere: a line of text ending in a number by chance; an
    entry is an entry, its page misread), comes within ``ENTRY`` lines of the last), the least
    roman page an entry lists (a preface after the contents, in the front matter still; 0
    if none does), the most arabic one and the least (0 if none); None where no heading
    stands.  (Not ``boilerplate.listing.contents_span``'s end, found in the lines before
    the stamps are learnt, blank lines and stamps among them: within
    ``boilerplate.listing.ENTRY_LINES`` of them, until the pages fall;
    here an entry's end is read as the front matter's, a date's is none, and the heading's
    ``Page`` column runs them on.)"""
    at = contents.heading_at(lines)
    if at is None:
        return None
    end, least, most, first = at, 0, 0, 0
    for p in range(at + 1, len(lines)):
        if p - end > ENTRY:
            break
        if contents.is_page_column(lines[p]):  # (the heading's: ``Page`` over the column)
            end = p
            continue
        entry = entrypages.ends_entry(lines[p], front=True)
        n = Number.of(entry["page"]) if entry else None
        if n and n.kind == "arabic" and n.value < most and not entrypages.leadered(lines[p]):
            continue  # (the pages fall: a line of text ending in a number by chance)
        if entry and not is_dated(lines[p]):  # (a work's date)
            if n and n.kind == "roman" \
                    and not contents.is_heading(lines[p]):
                least = min(least or n.value, n.value)
            most = max(most, n.value if n and n.kind == "arabic" else 0)
            first = min(first or n.value, n.value) if n and n.kind == "arabic" else first
            end = p
    return at, end + 1, least, most, first


def _spaced(numbered: list[tuple[int, Number, Candidate]],
            lines: int, front: tuple[int, int, int, int, int] | None
            ) -> list[tuple[int, Number, Candidate]]:
    """The run (``_longest``) of the arabic folios of ``numbered`` (place, folio,
    candidate), and of the roman ones outside it (the front matter's; inside the body a
    roman numeral is a section's), the lines a page holds taken as the median of the
    longest rising run's (``_rising``) of folios beside a head set as heads are, or of
    any, whichever spans more of the text (a contents list's or a numbered list's numbers
    rise line by line; where the folios stand alone, the entries are the only numbers
    beside heads), and of two as far, the one that takes more folios; none where the
    arabic run spans less than ``SPAN`` of the text's ``lines``: that is a numbered
    list's, not the pages'.  The front matter's pages come
    before the body's, and where the contents precede it (``front``: where their heading
    stands and their entries end, the least roman page they list), a roman numeral after
    them is a folio only from that page on (a preface's); else it numbers the first
    work's sections; and an arabic one after them under the least arabic page they list
    is none (a numbered section's title, ``1. Crises``: the body's pages go on from the
    first entry's)."""
    def ordered(kind: str, outside: range = range(0)) -> list[tuple[int, Number, Candidate]]:
        return sorted((x for x in numbered if x[1].kind == kind and x[0] not in outside),
                      key=lambda x: (x[0], -x[1].value))

    def median(rising: list[tuple[int, Number, Candidate]]) -> tuple[float, float]:
        steps = sorted(b[0] - a[0] for a, b in itertools.pairwise(rising)
                       if b[1].value - a[1].value == 1)
        return (statistics.median(steps), statistics.median(steps[len(steps) // 2:])) \
            if steps else (PAGE / LONGEST,) * 2

    def spans(run: list[tuple[int, Number, Candidate]]) -> int:
        return run[-1][0] - run[0][0] if run else 0

    # (contents whose heading stands before half the text, more than ``SPAN``, precede the
    # body: no arabic folio stands over their heading, a title page's ``VOLUME 2`` none)
    arabic = ordered("arabic", range(front[0] if front and front[0] < SPAN * lines else 0))
    if front and front[0] < SPAN * lines:
        arabic = [x for x in arabic if x[0] < front[1] or x[1].value >= front[4]]
    headed = [x for x in arabic if heads.set_as_head(x[2].head)]
    page, body = max(((m, _longest(arabic, *m)) for m in dict.fromkeys(
        median(_rising(found)) for found in (headed, arabic) if found)),
        key=lambda x: (spans(x[1]), len(x[1])), default=((PAGE / LONGEST,) * 2, []))
    if not body or _reach(body, front[3] if front else 0) < SPAN * lines:
        return []
    body = _filled(body, arabic)
    roman = ordered("roman", range(body[0][0], body[-1][0] + 1))
    if front and front[1] <= body[0][0]:  # (the contents before the body)
        roman = [x for x in roman if x[0] < front[1] or x[1].value >= front[2] > 0]
    return body + _longest(roman, *page)


def _reach(run: list[tuple[int, Number, Candidate]], listed: int) -> float:
    """The lines the pages of a ``run`` of arabic folios (place, folio, candidate) span:
    from its first folio to its last, or, at the lines its pages hold, as many pages as
    the contents list (``listed``: their last page), where more: a volume of short works
    prints few folios, its works' opening pages none (a numbered list's numbers stand
    fewer lines apart than a page's, and reach no further so)."""
    lines, pages = run[-1][0] - run[0][0], run[-1][1].value - run[0][1].value
    return max(lines, lines / pages * listed) if pages > 0 else lines


def _filled(run: list[tuple[int, Number, Candidate]], ordered: list[tuple[int, Number, Candidate]]
            ) -> list[tuple[int, Number, Candidate]]:
    """The ``run`` of folios (place, folio, candidate) with, between each two whose numbers
    leave some out, the folios of ``ordered`` that number those pages in order between
    them, however few lines their pages hold: folios count on one by one, and a work's
    last page may hold a line or two (too few for ``_longest``'s least page).  Such a
    folio is set as the run's are: alone on its line, or beside a head one of them has,
    or on its line beside one set as heads are (a short work's own head, seen once; not a
    line of text); a folio under a line read as its head that no folio of the run
    has is the folio alone (the line over it its page's last: a signature, a sentence's end)."""
    known = {c.head for _, _, c in run}
    alone = [(p + 1, n, replace(c, head="", top=1))
             if c.top == 2 and not c.before and c.head not in known
             else (p, n, c) for p, n, c in ordered]
    out = []
    for a, b in itertools.pairwise(run):
        out += [a, *_rising([x for x in alone if a[0] < x[0] < b[0]
                             and a[1].value < x[1].value < b[1].value
                             and (x[2].head in known or (x[2].top == 1 and (
                                 not x[2].head or heads.set_as_head(x[2].head))))])]
    return [*out, run[-1]]


def _longest(ordered: list[tuple[int, Number, Candidate]], median: float, full: float
             ) -> list[tuple[int, Number, Candidate]]:
    """The longest run of ``ordered`` (by place) whose folios rise, from ``SHORTEST`` to
    ``LONGEST`` times the ``median`` page's lines for each page from one to the next; of
    runs as long, the one whose pages' lines stray least from the median (a contents
    list's numbered entries, ``I.`` and ``II.`` a page apart, rise as far as its pages'
    own folios do)."""
    most = min(LONGEST * full, PAGE)  # (no page holds more than ``PAGE`` lines)
    best = [(1, 0.0)] * len(ordered)  # the longest run ending at each, and its strays
    before = [-1] * len(ordered)
    for k, (at, n, _) in enumerate(ordered):
        for m in range(max(0, k - REACH), k):
            was, then, _ = ordered[m]
            pages = n.value - then.value
            if pages > 0 and SHORTEST * median * pages <= at - was <= most * pages \
                    and (score := (best[m][0] + 1, best[m][1] - abs(at - was - median * pages))) \
                    > best[k]:
                best[k], before[k] = score, m
    return _chain(ordered, before, max(range(len(ordered)), key=best.__getitem__, default=-1))
