"""The contents list's lines and words, and a recurring line as they tell it: an entry's
first line or its rest, a title broken over lines, a heading the contents name."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import NamedTuple

from ....lettering import FINISHED, is_capitals
from .. import measure
from ..contents import heading_at
from ..cuts import TITLE_LINES
from ..entries import opens_entry, words
from ..entrypages import ALONE, ends_entry, figures, leadered
from ..placement import MIN_REPEATS, TWICE, Placement, head_and_folio, line_at
from .kinds import FIRST_ITEM

ENTRY_LINES = 12  # lines an entry, or a page's furniture between entries, may run to


class Listing(NamedTuple):
    """The contents list as the boilerplate is weighed against it: its lines (``span``),
    their words (``listed``), the lines up to the last that ends an entry (``entries``),
    and each entry it breaks over two lines, read whole (``broken``: the first line's
    index, and the words)."""

    span: range
    listed: list[str]
    entries: range
    broken: list[tuple[int, str]]


def listing_of(stripped: list[str]) -> Listing:
    """The contents list of a text's lines (``stripped``), read once for every group."""
    span = contents_span(stripped)
    return Listing(span, listed_words(stripped, span), entries_span(stripped, span),
                   broken_entries(stripped, span))


def contents_span(stripped: list[str]) -> range:
    """The contents list's lines: from its heading on, as long as every few lines end with
    a page number, and the pages in figures rise (the text's first folio after the list
    is lower than its last entry's page; its own folios are roman).  (``breaks``'s
    ``_front_matter`` finds their end in a text with no blank lines otherwise: by fewer
    lines, the blank lines and stamps between entries gone, not by the pages falling.)"""
    start = heading_at(stripped)
    if start is None:
        return range(0)
    end, since, last = start, 0, 0
    for end in range(start, len(stripped)):
        entry = ends_entry(stripped[end])
        page = figures(entry["page"]) if entry else None
        if page is not None and page < last:
            break
        last = last if page is None else page
        since = 0 if entry else since + 1
        if since > ENTRY_LINES:
            break
    return range(start, end)


def entries_span(stripped: list[str], span: range) -> range:
    """The contents' lines (``span``) up to the last that ends an entry with its page:
    ``contents_span`` may run on past it, a dozen lines into the text."""
    last = max((i for i in span if ends_entry(stripped[i])), default=span.start - 1)
    return range(span.start, last + 1)


def listed_words(stripped: list[str], span: range) -> list[str]:
    """The words (``entries.words``, figures too) of the contents list's lines (``span``),
    line by line: not joined into entries as ``breaks`` joins them, the stamps among them
    not yet known (one would run into the entry after it, whose title then opens it no
    more); ``broken_entries`` joins two lines where a recurring group's lines are known."""
    return [words(stripped[i], figures=True) for i in span]


def broken_entries(stripped: list[str], span: range) -> list[tuple[int, str]]:
    """The words (figures too) of each entry the contents (``span``) break over two lines,
    read whole, without the page the second ends in (a subtitle, ``… of the`` / ``Press
    . . . 19``), with its first line's index."""
    return [(i, words(f"{stripped[i]} {_unpaged(stripped[i + 1])}", figures=True))
            for i in span if i + 1 in span and not ends_entry(stripped[i])]


def _unpaged(line: str) -> str:
    """A contents line without the page (and leader) it may end in."""
    return ended["text"] if (ended := ends_entry(line)) else line


def names_heading(group: tuple[str, ...], listed: list[str]) -> bool:
    """Whether the contents names most of a group's lines inside longer lines: a
    heading's title, not boilerplate."""
    own = {words(line, figures=True) for line in group if line}
    entries = [f" {entry}" for entry in listed if entry not in own]
    named = sum(bool(w) and any(f" {w}" in entry for entry in entries) for w in own)
    return bool(own) and named >= len(own) / 2


def pages_entry(places: list[Placement], span: range) -> bool:
    """Whether a group stands in the contents (``span``) over a page number alone: an
    entry's title whose page the list sets under it, broken as its opening page breaks it,
    and outside the contents seldom (over its work: fewer times than a line must recur to
    be a stamp, however it stands); not a stamp (which stands over the text, or a folio it
    shares a page's foot with, the contents' own among them, on page after page)."""
    return any(p.start in span and ALONE.match(p.after) for p in places) \
        and sum(p.start not in span for p in places) < MIN_REPEATS


def entry_start(stripped: list[str], at: list[int], span: range) -> bool:
    """Whether a recurring line (at ``at``) opens a title set over lines
    alike in the contents (``span``) and over its work (``THE NEW ECONOMIC POLICY AND THE``
    / ``REVOLUTION . . . 3``): after a repeat in the contents stands the entry's rest, to
    the line that ends in a page (leader dots before it, or the page alone under it),
    after another its first words (the title's rest, without the description and page the
    contents add; not a running head's, with its folio, under a stamp), and so after at
    least half the repeats outside the entries (a stamp over every page may chance once on
    a title the entry's opens); or every repeat opens an entry in the contents, its rest
    ending in leader dots and a page (``THE RESULTS OF THE DEBATE ON`` over ``THE RAILWAYS
    . . . 5``, and over ``THE ARMY . . . 27``).  (Not asked of a stamp:
    ``over_recurring``.)"""
    if all(i in span and leadered(_entry_rest(stripped, i + 1)[-1]) for i in at):
        return True
    after = {i: line_at(stripped, i + 1) for i in at}
    # (the entry's page may stand alone under its leaders: ``… TASKS . . . .`` / ``1``)
    rests = {i: words for i, (words, lines) in _rests(stripped, at, span).items()
             if len(lines) == 1 or leadered(" ".join(lines)) or ALONE.match(lines[-1])}
    titled = sum(_opens_rest(line, [r for i, r in rests.items() if i != j])
                 for j, line in after.items())
    return titled > 0 and 2 * titled >= len(at) - len(rests)


def breaks_title(stripped: list[str], ends: list[int], span: range) -> bool:
    """Whether lines that recur together (their last at ``ends``) open a title broken alike
    in the contents (``span``) and over its work (``THE PEASANTRY AND THE`` /
    ``INTERNATIONAL SITUATION AND THE``): in the contents each goes on to its entry's
    page (``REVOLUTION 3``), and at least half the other repeats stand over the rest of
    such an entry (``REVOLUTION``), the share ``entry_start`` asks of one line: one copy
    may be misread; a stamp over a contents page and a work's opening one stands over
    others' lines too, on most of its pages."""
    rests = _rests(stripped, ends, span)
    outside = [line_at(stripped, i + 1) for i in ends if i not in span]
    return bool(rests) and len(rests) == sum(i in span for i in ends) and bool(outside) \
        and 2 * sum(_opens_rest(line, [r for r, _ in rests.values()]) for line in outside) \
        >= len(outside)


def _rests(stripped: list[str], ends: list[int], span: range
           ) -> dict[int, tuple[str, list[str]]]:
    """The entries' rests after the repeats (ending at ``ends``) that stand in the
    contents (``span``) and go on to an entry's page: their words, and their lines."""
    return {i: (words(" ".join(lines), figures=True), lines) for i in ends if i in span
            and ends_entry((lines := _entry_rest(stripped, i + 1))[-1])}


def _opens_rest(line: str, rests: list[str]) -> bool:
    """Whether a line (no entry's, with no page) spells the first words of one of the
    entries' ``rests``: the rest of a title over its work."""
    return not ends_entry(line) and opens_entry(line, rests, figures=True)


def over_recurring(places: list[Placement], counts: Counter[str], span: range) -> bool:
    """Whether a recurring line stands, outside the contents (``span``), mostly over a line
    that recurs too (a running head with no folio beside it, the folios at the foot): a
    stamp over every page, not a title's first line, over the rest of its title."""
    outside = [p for p in places if p.start not in span]
    return 2 * sum(counts[p.after] >= MIN_REPEATS for p in outside) > len(outside)


def _entry_rest(stripped: list[str], i: int) -> list[str]:
    """The contents' lines from line ``i`` to the one that ends an entry with its page (an
    entry's title and description may run over a few: the last, after them, then shows
    its leader dots, where the contents' bounds, ``span``, reach into the text)."""
    lines = []
    for line in stripped[i:i + ENTRY_LINES]:
        lines.append(line)
        if ends_entry(line):
            break
    return lines or [""]


def in_titles(stripped: list[str], repeats: list[tuple[int, int]], listed: list[str]) -> bool:
    """Whether each repeat (its first line and its last) stands by a work's title: a line
    of the run it stands in, between blank lines (or the page's edge), opens an entry the
    contents list (outside them: the title over its work; a date or subtitle by it), no
    further from it than a title's lines and a subtitle's run (``TITLE_LINES`` and one)."""
    reach = TITLE_LINES + 1

    def titled(start: int, end: int) -> bool:
        run = [*itertools.takewhile(bool, reversed(stripped[max(0, start - reach):start])),
               *itertools.takewhile(bool, stripped[end + 1:end + 1 + reach])]
        return any(opens_entry(line, listed, figures=True) for line in run)
    return all(titled(start, end) for start, end in repeats)


def under_title(stripped: list[str], start: int, listed: list[str], full: float,
                counts: Counter[str]) -> bool:
    """Whether a repeat (its first line ``start``) stands under a work's title: a line of
    the run over it, between blank lines (or the page's edge), no further from it than a
    title's lines and a subtitle's run (``TITLE_LINES`` and one), opens an entry the
    contents list (``listed``), and is no running head (beside its folio, or standing on
    more pages than one: ``counts``), which may spell the title too; and no line between
    them is a paragraph's inside line (as wide as the measure ``full``, ending no
    sentence, not in capitals: a stamp under the text's lines stands under no title; a
    source's line may be as wide, and a title's line in capitals)."""
    for line in itertools.takewhile(bool, reversed(stripped[max(0, start - TITLE_LINES - 1):
                                                            start])):
        if opens_entry(line, listed, figures=True) and not head_and_folio(line) \
                and counts[line] < TWICE:
            return True
        if measure.inside(line, full) and not FINISHED.search(line) and not is_capitals(line):
            return False
    return False


def unnumbered(listed: list[str]) -> list[str]:
    """The contents' lines (``listed``, their words) that open with an item's number, as
    the titles they number are set over their works: without it (``8 THE CONSEQUENCES …``,
    ``THE CONSEQUENCES …`` under its label, ``NUMBER VIII``)."""
    return [rest for line in listed if (parts := line.split(" ", 1))[0].isdigit()
            and len(parts) == 2 and (rest := parts[1])]


def heads_a_list(places: list[Placement]) -> bool:
    """Whether a recurring group heads a numbered list where it stands, more
    often than not (``NOTES`` over each work's notes, ``1 …``; under the works' closing
    signature, with it): a heading, not a stamp."""
    return 2 * sum(bool(FIRST_ITEM.match(p.after)) for p in places) > len(places)
