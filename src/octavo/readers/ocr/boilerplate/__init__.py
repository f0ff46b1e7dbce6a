"""Boilerplate: what a scan repeats over its pages and the print never had.

A watermark, a scanner's stamp, a distribution notice: a group of lines (a blank line
may stand inside it) that recurs, word for word (but for a letter misread, or a line lost,
in a few of its repeats), on pages spread over the whole volume,
at any place on the page, even between a running head and its folio.  It is learnt from
the text, whatever its words: a group of two lines or more is boilerplate when it recurs
on pages from the volume's first half to its second (the text's own repeats, a citation
or a quotation given again, stay within a few pages) and the contents list doesn't name
it (a section heading that recurs in several works does); a single line only when it
stands on a large share of the pages, as no line of running text does, or, spread so,
stands somewhere inside a sentence, or above or inside a running head, or mostly above
works' titles, or under a foot folio, or somewhere under a page's footnotes; or, however
close its repeats, mostly above or inside running heads, above works' titles or under a
running head where the sentence of the page before runs on under it (three times at
least).  A group in capitals
that stands somewhere inside a sentence is boilerplate however seldom it recurs (twice: a
short volume's stamps, two that alternate) and wherever: no heading follows a line of
text that ends no sentence; so is one of two lines or more in capitals that stands twice,
in the volume's first half and its second, where the contents list no heading so; and so
is a line in any case that stands twice, in both halves, falls short of the measure and
ends in a word, where once it ends its page inside a sentence that runs on overleaf: a
short line ends a paragraph, after its sentence's end; and so is a group of two short lines
or more that stands twice, in both halves, each time inside a sentence, once where the
page turns: the print sets nothing but the head and folio between a sentence's halves
there.  So, however seldom (once), is a run of short lines that stands between the two
halves of a sentence, a full line of text ending in a word over it and a line going on in
lower case under it, even where it opens the page over its head (its folio beside it or
not), past the page break and the page before's footnotes (which its text cites): a
paragraph's lines fill the measure; so is a run of short lines between the lines of a
title in capitals that spell a line of the contents without it: the print sets a title's
lines together; so is a run of short lines ending no sentence under a page's last
footnote, which ends its own: nothing but the folio stands there; and a group or a line
that stands twice, each time opening its page over a running head or a work's title, once
over a head: the print sets nothing over a head, and a head stands over no other.
Lines with no letter or digit (dot rows, a scanner's separators) are junk wherever they
stand, asterisms aside, and so are lines of superscript figures alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ....pagemarks import plain
from .. import measure
from ..heads import is_capitals, set_as_head
from ..misreads import lengths, misread
from ..placement import MIN_REPEATS, TWICE, head_and_folio, line_at, placements
from .kinds import ALNUM, Group, is_junk, set_apart, short, worded
from .listing import Listing, listing_of
from .placing import beside_folio
from .seenonce import (
    by_titles_once,
    inside_sentences,
    inside_titles,
    over_heads_once,
    under_footnotes_once,
)
from .verdict import Repeats

__all__ = ["ALNUM", "Group", "is_junk", "learn", "set_apart", "strip", "worded"]

AGREE = 0.8  # share of a group's repeats that must agree on a line to make it part of it


def _grow(stripped: list[str], at: list[int], counts: Counter[str]) -> tuple[str, ...]:
    """A recurring line with the lines before and after it on which its repeats agree,
    line by line (as most repeats have them, not as its first does), if they recur no
    more often than it (a line that stands more often belongs to a group of its own,
    which this one's repeats sometimes adjoin).  A repeat that misread a line agrees, and
    so does one that lost it, where most have it: its next line is the one they have
    after it (a line: a blank one, where a page breaks, tells none lost)."""
    def line(i: int) -> str | None:
        return stripped[i] if 0 <= i < len(stripped) else None

    def most(values: list[str | None]) -> tuple[str | None, int]:
        """The line most repeats have, and how many have it or misread it (a slip of a
        few: most read it right)."""
        seen = Counter(v for v in values if v is not None)
        if not seen:
            return None, 0
        value, count = seen.most_common(1)[0]
        if len(at) / 2 < count < AGREE * len(at):
            count += sum(n for other, n in seen.items() if other != value
                         and misread(other, value))
        return value, count

    def side(step: int) -> list[str]:
        grown, ends = [], list(at)  # each repeat's line farthest out so far
        while True:
            value, count = most([line(e + step) for e in ends])
            if value is None or counts[value] * AGREE > len(at):
                return grown
            lost = [False] * len(ends)
            if count < AGREE * len(at):
                if count <= len(at) / 2:  # (no line most have: the group ends)
                    return grown
                has = [misread(line(e + step) or "", value) for e in ends]
                beyond, _ = most([line(e + 2 * step) for e, h in zip(ends, has, strict=True)
                                  if h])
                # (a blank line beyond, where a page breaks, tells no line lost: a stamp
                # under a verso's head on some pages, opening others, lost no head)
                lost = [not h and bool(beyond) and misread(line(e + step) or "", beyond)
                        for e, h in zip(ends, has, strict=True)]
                if count + sum(lost) < AGREE * len(at):
                    return grown
            ends = [e if gone else e + step for e, gone in zip(ends, lost, strict=True)]
            grown.append(value)

    return (*reversed(side(-1)), stripped[at[0]], *side(1))


def _page_end(stripped: list[str], at: list[int], group: tuple[str, ...],
              line: str) -> tuple[str, ...]:
    """The group's lines about ``line`` (at ``at``) up to a blank line inside it that ends
    a page: where, more often than not, the group stands under a bare folio and text goes
    on after it, its lines before the blank are a stamp under a page's foot folio, those
    after it open the next page (its running head, over its text)."""
    if "" not in group:
        return group
    first = group.index(line)

    def parts_pages(i: int) -> bool:
        start = i - first
        return bool(plain(line_at(stripped, start - 1))) and bool(
            line_at(stripped, start + len(group)))

    if 2 * sum(map(parts_pages, at)) <= len(at):
        return group
    start = max((k + 1 for k in range(first) if not group[k]), default=0)
    stop = next((k for k in range(first, len(group)) if not group[k]), len(group))
    return group[start:stop]


def _headed_page(stripped: list[str], group: tuple[str, ...], where: dict[str, list[int]],
                 counts: Counter[str], learnt: set[str], full: float) -> tuple[str, ...]:
    """A group cut before its last line where that line alone is the running head of a
    page it opens: set as heads are, over pages that end with a folio or beside one, on one
    side of the spread, over the page's text (a line that stands once, no folio, not set
    as heads are: a stamp's last line stands over the head or a title); and the
    group's other lines stand, mostly, where a page ends or opens: under a foot folio (a
    bare number over them), the blank line after them the page's end, or opening the page,
    the head under them.  A stamp on every other page stands so over the versos' head
    each time; no line of it.  (A stamp whose blank line stands inside a page keeps the
    line under it, and so does one whose last line stands over a head or a folio, or one
    that stands, on ``MIN_REPEATS`` pages, under a line opening its page set as heads are:
    a head stands under no other.)  ``full``: the text's measure."""
    if len(group) < 2 or not set_as_head(group[-1]):
        return group
    head, rest = group[-1], group[:-1]
    firsts = placements(stripped, counts, learnt, [(i, i) for i in where[group[0]]], full)
    if sum(not p.higher and (set_as_head(p.above) or head_and_folio(p.above))
           for p in firsts) >= MIN_REPEATS:
        return group
    heads = placements(stripped, counts, learnt - {head} | {line for line in rest if line},
                       [(i, i) for i in where[head]], full)
    # (the head right under them, or a foot folio over them)
    placed = sum(p.opens if rest[-1] else bool(plain(p.above)) for p in firsts)
    over_text = sum(bool(p.after) and not plain(p.after) and counts[p.after] < TWICE
                    and not set_as_head(p.after) for p in heads)
    if 2 * placed <= len(firsts) or 2 * over_text <= len(heads) \
            or not beside_folio(heads, counts):
        return group
    while rest and not rest[-1]:
        rest = rest[:-1]
    return rest


def learn(lines: list[str], pages: int, printed: frozenset[str] = frozenset(),
          own_breaks: bool = True) -> list[Group]:
    """The boilerplate groups of a text's lines (``pages``: how many pages it has; the
    lines ``printed``, known to be the print's, no stamp alone: passed over as one, a head
    under a stamp would hide).  Where the text's own blank lines part its pages
    (``own_breaks``), the runs of lines set apart inside a sentence are stamps however seldom
    they stand (``inside_sentences``); not where none does: there a page that turns inside
    a sentence sets the next page's head between its halves."""
    stripped = [line.strip() for line in lines]
    where: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(stripped):
        if line:
            where[line].append(i)
    contents = listing_of(stripped)
    full = measure.of_lines(stripped)
    counts = Counter({line: len(at) for line, at in where.items()})
    repeated = sorted((line for line, n in counts.items() if n >= TWICE),  # (the sample's 141
                      key=lambda line: -counts[line])  # of 14,000 lines: only they are weighed)
    seen = (where, counts, repeated)
    first = _learn(stripped, seen, contents, (pages, full), set(), printed, own_breaks)
    groups = _folded(_learn(stripped, seen, contents, (pages, full),
                            {line for g in first for line in g.lines if line}, printed,
                            own_breaks))
    known = {line for g in groups for line in g.lines}
    once: list[Group] = []
    if own_breaks:
        apart = [set_apart(line, full) for line in stripped]
        once = inside_sentences(stripped, full, apart, counts) \
            + under_footnotes_once(stripped, apart) \
            + inside_titles(stripped, apart, contents.entries) \
            + over_heads_once(stripped, apart, contents.span) \
            + by_titles_once(lines, stripped, apart, contents, printed)
    return groups + [g for g in once if not known & set(g.lines) and not set(g.lines) & printed
                     and all(len(where[line]) < MIN_REPEATS for line in g.lines)]


def _folded(groups: list[Group]) -> list[Group]:
    """The groups, each that misreads another's lines, or some of them in a row (the same
    stamp, misread alike on a few pages), counted with it, under the lines most of their
    repeats read (a part's repeats are the whole's, counted once)."""
    out: list[Group] = []
    for group in groups:
        same = next((k for k, o in enumerate(out) if _misreads(group.lines, o.lines)
                     or _misreads(o.lines, group.lines)), None)
        if same is None:
            out.append(group)
        elif len(out[same].lines) == len(group.lines):
            more = max(out[same], group, key=lambda g: g.count)
            out[same] = Group(more.lines, out[same].count + group.count)
        elif len(group.lines) > len(out[same].lines):
            out[same] = group
    return out


def _misreads(part: tuple[str, ...], group: tuple[str, ...]) -> bool:
    """Whether the lines ``part`` misread some of ``group``'s in a row, or all of them."""
    return any(all(misread(a, b) for a, b in zip(part, group[k:], strict=False))
               for k in range(len(group) - len(part) + 1))


def _learn(stripped: list[str], seen: tuple[dict[str, list[int]], Counter[str], list[str]],
           contents: Listing, pages: tuple[int, float],
           learnt: set[str], printed: frozenset[str], own_breaks: bool) -> list[Group]:
    """The boilerplate groups of a text's lines (``stripped``; ``seen``: each line's
    places, how many they are, and the lines standing twice or more, the most often first;
    ``contents``: the contents list, read once; ``pages``: how many pages
    the text has, and its measure in ems), the lines of the groups
    ``learnt`` before (of a first reading, or of this one: stamps, the most frequent first)
    taken for no text beside another group; ``own_breaks``: whether the text's own blank
    lines part its pages."""
    where, counts, repeated = seen
    groups: dict[tuple[str, ...], int] = {}
    grouped: set[str] = set()
    for line in repeated:  # (no pair made a line)
        at = where[line]
        if line in grouped or (len(at) < MIN_REPEATS and not is_capitals(line)
                               and not short(line, pages[1])):
            continue
        group = _grow(stripped, at, counts)
        while group and not group[-1]:
            group = group[:-1]
        while group and not group[0]:
            group = group[1:]
        group = _page_end(stripped, at, group, line)
        whole, group = group, _headed_page(stripped, group, where, counts, learnt | grouped,
                                           pages[1])
        if line not in group or (group == (line,) and line in printed):
            continue  # (the next page's head, the group grown to it from its own line)
        first = group.index(line)
        repeats = [(i - first, i - first + len(group) - 1) for i in at]  # (first, last)
        places = placements(stripped, counts, (learnt | grouped) - set(group), repeats,
                            pages[1])
        # (right over the head cut off)
        cut = whole[len(group):] if whole[len(group):len(group) + 1] != ("",) else ()
        if Repeats(stripped, line, group, at, [e for _, e in repeats], places, counts,
                    contents, pages, cut, own_breaks).stamp():
            groups.setdefault(group, len(at))
            grouped.update(group)
    return [Group(g, n) for g, n in sorted(groups.items(), key=lambda item: -len(item[0]))]


def strip(lines: list[str], groups: list[Group]) -> set[int]:
    """The indices of the lines that are boilerplate or junk.

    A group is taken where it stands whole, and where two or more of its lines stand
    together in its order (a scan that cut one short, or lost a line inside it), with the
    lines among them that misread the group's (``misread``) and the blank lines that stand
    where the group has one, or that parts two of its lines where it has none (the gap
    inside a stamp that the separator kept, the folios telling it nothing there); a lone
    line of a group only if it is the group; a repeat that misreads them all where it
    stands whole.  (A blank line after a repeat's last line, before the next repeat's
    first, ends a page.)
    """
    junk = {i for i, line in enumerate(lines) if is_junk(line)}
    gone = set(junk)
    stripped = [line.strip() for line in lines]
    for group in groups:
        ls = group.lines
        first = {line: k for k, line in reversed(list(enumerate(ls))) if line}
        opening = lengths(ls[0])
        i = 0
        while i < len(stripped):
            k = first.get(stripped[i])
            if k is None and len(stripped[i]) in opening and misread(stripped[i], ls[0]):
                k = 0  # (the groups' ends are lines)
            if k is None or (i in gone and i not in junk):  # (a group may hold a junk
                i += 1  # line: a stamp of signs and a line of words, each repeat whole)
                continue
            j, found, held = _repeat(stripped, ls, i, k)
            if found >= min(2, len(first)) or held == len(first):
                gone.update(range(i, j))
            i = max(j, i + 1)
    return gone


def _repeat(stripped: list[str], ls: tuple[str, ...], i: int, k: int) -> tuple[int, int, int]:
    """Where a repeat of the group ``ls`` that opens at line ``i`` with the group's line
    ``k`` ends, how many of the group's lines it holds word for word and how many it holds
    or misreads: it goes on through each line that is, or misreads, the group's next line,
    or one further on (the lines between lost), and through a blank line that the group
    has between the lines either side of it, or that parts two of its lines where it has
    none (a gap inside a stamp, which the separator read for a break on a page where the
    folios tell none, as it did not on the others)."""
    found = held = 0
    while i < len(stripped) and k < len(ls):
        line = stripped[i]
        if line:
            step = next((s for s in range(k, len(ls)) if misread(line, ls[s])), None)
            if step is None:
                break
            found += line == ls[step]
            held += 1
            k = step + 1
        else:
            after = line_at(stripped, i + 1)
            gap = ls.index("", k) if "" in ls[k:] else k - 1  # (the group's blank line)
            if not after or not any(misread(after, ls[s]) for s in range(gap + 1, len(ls))):
                break
            k = gap + 1
        i += 1
    return i, found, held
