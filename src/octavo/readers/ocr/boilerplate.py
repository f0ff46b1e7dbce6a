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
short line ends a paragraph, after its sentence's end.  So, however seldom (once), is a
run of short lines that stands between the two halves of a sentence, a full line of text
ending in a word over it and a line going on in lower case under it, even where it opens
the page over its head, past the page break: a paragraph's lines fill the measure; so is a
run of short lines ending no sentence under a page's last footnote, which ends its own:
nothing but the folio stands there; and a group or a line that stands twice, each time
opening its page over a running head or a work's title, once over a head: the print sets
nothing over a head, and a head stands over no other.
Lines with no letter or digit (dot rows, a scanner's separators) are junk wherever they
stand, asterisms aside, and so are lines of superscript figures alone.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..textlines import SUPERSCRIPTS
from . import footnotes, measure
from .closing import SIGNER, is_signed
from .contents import heading_at
from .entries import opens_entry, words
from .entrypages import ALONE, ends_entry, figures, leadered
from .folios import Number, plain
from .heads import candidates, is_capitals, set_as_head
from .lines import LOWER_END, SENTENCE_END, UNENDED
from .misreads import lengths, misread
from .placement import MIN_REPEATS, Placement, head_and_folio, line_at, placements

MIN_LETTERS = 3  # a stamp's line says something in letters
TWICE = 2  # fewer repeats than MIN_REPEATS (``placement``) make a stamp only if, in
# capitals, it stands where no line of the print can
SPREAD = 0.5  # a group's repeats span at least this share of the text's lines
SINGLE_SHARE = 0.5  # a lone line on half the pages or more: no line of text repeats so (a
# signature closes every work, but a work runs over more than two pages)
SIDES = 0.25  # a line on both sides of the spread holds this share of its pages on either:
# halfway between a running head's (none, bar a misread folio) and a stamp's (a half)
AGREE = 0.8  # share of a group's repeats that must agree on a line to make it part of it
ASTERISM = frozenset("*⁂✱✻·• ")
SPECKS = frozenset(SUPERSCRIPTS + " ")  # a line of superscript figures alone is a speck
ALNUM = re.compile(r"[^\W_]")  # a letter or digit (``str.isalnum``)
_FIRST_ITEM = re.compile(r"^1\.?\s+\S")  # a numbered list's first item: a note, a point
_NAME = re.compile(rf"{SIGNER}\.?")  # a signer's
ENTRY_LINES = 12  # lines an entry, or a page's furniture between entries, may run to
SHORT = 3 / 4  # a line narrower than this share of the measure, ending in a word, stands
# inside no paragraph: a justified line fills it, and a ragged one falls so short only
# before a word of a quarter of the measure (a dozen letters or more, at ten words a line)


@dataclass(frozen=True)
class Group:
    """A group of lines (stripped; "" a blank line inside it) and how often it stands."""

    lines: tuple[str, ...]
    count: int

    def describe(self) -> str:
        return " / ".join(line or "(blank)" for line in self.lines)


def is_junk(line: str) -> bool:
    """A line with no letter or digit that is no asterism: dot rows, scanner marks; or of
    superscript figures alone, a speck read so (a note's marker follows a word)."""
    s = line.strip()
    return bool(s) and ((not ALNUM.search(s) and not set(s) <= ASTERISM)
                        or set(s) <= SPECKS)


def _grow(stripped: list[str], at: list[int], counts: Counter[str]) -> tuple[str, ...]:
    """A recurring line with the lines before and after it on which its repeats agree,
    line by line (as most repeats have them, not as its first does), if they recur no
    more often than it (a line that stands more often belongs to a group of its own,
    which this one's repeats sometimes adjoin).  A repeat that misread a line agrees, and
    so does one that lost it, where most have it: its next line is the one they have
    after it."""
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
                lost = [not h and beyond is not None and misread(line(e + step) or "", beyond)
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


def _capitals(group: tuple[str, ...]) -> bool:
    """Whether a group's lines are set in capitals, as a stamp's are."""
    return all(is_capitals(line) for line in group if line)


def _worded(group: tuple[str, ...]) -> bool:
    """Whether a line says something (a stamp has words; an asterism or a number not)."""
    return sum(c.isalpha() for line in group for c in line) >= MIN_LETTERS


def _interrupts(places: list[Placement], capitals: bool) -> bool:
    """Whether a recurring group stands, somewhere, inside a sentence (read across it:
    ``Placement.across``): after a line that ends none (in a word, inside one, broken by a
    hyphen, or a comma), before one that goes on in lower case (or, where the page turns
    there, after a line ending in a word in lower case, before any line: the sentence may
    go on with a name); or, a group in ``capitals``, after a line of text (in lower case)
    that ends none, before any line: a heading follows a sentence's end."""
    return any(_goes_on(*side, capitals) for p in places for side in p.across())


def _goes_on(before: str, after: str, turned: bool, capitals: bool) -> bool:
    """Whether a sentence runs on from ``before`` to ``after`` (``_interrupts``; a line
    in capitals after a signer's name, ``R. Luxemburg``, follows no sentence: a title
    opens the next work there)."""
    return bool(UNENDED.search(before)) and (
        any(c.islower() for c in before) and not _NAME.fullmatch(before) if capitals
        else after[:1].islower() or (turned and LOWER_END.search(before) is not None))


def _turns_inside(places: list[Placement]) -> bool:
    """Whether a recurring line ends its page, somewhere, where the sentence of the page's
    text runs on overleaf (``as the`` / the line / the next page's ``party of``)."""
    return any(turned and _goes_on(before, after, turned, False)
               for p in places for before, after, turned in p.across())


def _under_turned_head(p: Placement) -> bool:
    """Whether a recurring line stands right under the running head and folio that open
    the page, over its text, where the sentence the page before ends with runs on in that
    text: the print sets nothing between the two halves of a sentence."""
    return bool(p.below) and bool(turned := p.turned()) and _goes_on(turned, p.below, False,
                                                                     False)


def _under_footnotes(places: list[Placement]) -> bool:
    """Whether a recurring line ends its page, somewhere, right under the page's footnotes
    (under text, the last footnote ending a sentence): nothing the print sets stands under
    a page's footnotes but its folio; a line opening with a footnote's mark is the page's
    next footnote (one that recurs: ``See the preceding article``)."""
    return any(_under_footnote(p) and not footnotes.opens_footnote(p.line) for p in places)


def _under_footnote(p: Placement) -> bool:
    """Whether a repeat ends its page right under the page's footnotes
    (``_under_footnotes``)."""
    return not p.below and footnotes.FINISHED.search(p.above) is not None and p.footnoted()


def _over_head(p: Placement) -> bool:
    """Whether a recurring line stands right above a running head and its folio
    (``NOTES 24``, a head set as heads are: not ``I have taken the floor``, a line of text
    after a numeral), or between them (``NOTES`` / the line / ``24``, or ``24`` / the line /
    ``K. MARX``, a verso's folio on the outer edge, the page's text under them: no page
    of one line under its head, over its foot folio), at the page's top: where no text
    stands.  (Between a stamp in capitals and a foot folio stands a footnote that recurs:
    ``* Retranslated from the Russian.``)"""
    headed = p.opens and any(c.head and c.folio and set_as_head(c.head)
                             for c in candidates([p.after]))
    return headed or (not p.higher and (
        (bool(plain(p.below)) and is_capitals(p.above) and bool(p.beyond))
        or (bool(plain(p.above)) and is_capitals(p.below))))


def _over_title(p: Placement, listed: list[str]) -> bool:
    """Whether a recurring line opens the page over a work's title, the first line of an
    entry the contents list (``listed``: their lines' words): nothing the print sets stands
    over a title at the top of its page, where no running head stands."""
    return p.opens and opens_entry(p.below, listed, figures=True)


def _under_foot_folios(places: list[Placement]) -> bool:
    """Whether a recurring line stands, more often than not, right under a bare folio
    under the page's text, ending the page: nothing the print sets stands under a foot
    folio (a folio over a running head opens its page, no text over it)."""
    return 2 * sum(_under_foot_folio(p) for p in places) > len(places)


def _under_foot_folio(p: Placement) -> bool:
    """Whether a repeat stands right under a bare folio under the page's text, ending
    the page (``_under_foot_folios``)."""
    return bool(p.higher) and bool(plain(p.above)) and not p.below


def _over_footed_heads(places: list[Placement], counts: Counter[str], listed: list[str]) -> bool:
    """Whether a recurring line opens its pages, more often than not, over a line set as
    heads are that recurs too, or that opens a work's title (``listed``: the contents'
    lines' words), on pages that end with a bare folio: a stamp over running heads whose
    folios stand at the foot, the versos' and the rectos' (a short work's title's first
    words, seen once), not a head (which stands over another such line only on a work's
    opening page, over its title, or over the heading of the notes printed after a work,
    the first note under it: a list's heading, not a head over a page that runs on)."""
    return 2 * sum(_over_footed_head(p, counts, listed) for p in places) > len(places)


def _over_footed_head(p: Placement, counts: Counter[str], listed: list[str]) -> bool:
    """Whether a recurring line opens its page over a line set as heads are that recurs
    too, or that opens a work's title (``listed``), on a page that ends with a bare folio
    (``_over_footed_heads``)."""
    return p.opens and set_as_head(p.below) \
        and (counts[p.below] >= TWICE or _over_title(p, listed)) \
        and not _FIRST_ITEM.match(p.beyond) and bool(plain(p.foot(False)))


def _beside_folio(places: list[Placement], counts: Counter[str]) -> bool:
    """Whether a recurring line mostly (more often than not) opens a page beside a bare
    number, or opens pages that end with one, on one side of the spread: a running head
    whose folio the scan set on a line of its own, or at the page's foot, not boilerplate.
    A stamp under a page's foot folio is no head (a head and its folio open the page), nor
    one over pages of both sides alike (a head stands on the versos or on the rectos, bar
    a misread folio; a section's, ``NOTES``, on both, but over a few pages, not the
    volume), nor one that stands under another page's head (a head opens its page, under
    nothing but a stamp: where works of two pages open on rectos, a stamp over their
    titles keeps to one side)."""
    def beside(p: Placement) -> str:
        """The folio of the page the line opens, if it stands beside it or at its foot."""
        if not p.higher and (number := plain(p.above)):
            return number
        return plain(p.below) or plain(p.foot(True)) if p.opens else ""

    # (right under a line that opens the page and recurs, no stamp between them)
    under = sum(not p.higher and p.before == p.above
                and MIN_REPEATS <= counts[p.above] < len(places) for p in places)
    if under >= MIN_REPEATS:
        return False
    folios = [number for p in places if (number := beside(p))]
    sides = Counter(n.value % 2 for f in folios if (n := Number.of(f)))
    fewer = min(sides[0], sides[1])  # (even folios: versos; odd: rectos)
    return len(folios) > len(places) / 2 and not (
        fewer >= MIN_REPEATS and fewer >= SIDES * (sides[0] + sides[1]))


def _headed_page(stripped: list[str], group: tuple[str, ...], where: dict[str, list[int]],
                 counts: Counter[str], learnt: set[str]) -> tuple[str, ...]:
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
    a head stands under no other.)"""
    if len(group) < 2 or not set_as_head(group[-1]):
        return group
    head, rest = group[-1], group[:-1]
    firsts = placements(stripped, counts, learnt, [(i, i) for i in where[group[0]]])
    if sum(not p.higher and (set_as_head(p.above) or head_and_folio(p.above))
           for p in firsts) >= MIN_REPEATS:
        return group
    heads = placements(stripped, counts, learnt - {head} | {line for line in rest if line},
                       [(i, i) for i in where[head]])
    # (the head right under them, or a foot folio over them)
    placed = sum(p.opens if rest[-1] else bool(plain(p.above)) for p in firsts)
    over_text = sum(bool(p.after) and not plain(p.after) and counts[p.after] < TWICE
                    and not set_as_head(p.after) for p in heads)
    if 2 * placed <= len(firsts) or 2 * over_text <= len(heads) \
            or not _beside_folio(heads, counts):
        return group
    while rest and not rest[-1]:
        rest = rest[:-1]
    return rest


def _span(stripped: list[str]) -> range:
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


def _listed(stripped: list[str], span: range) -> list[str]:
    """The words (``entries.words``, figures too) of the contents list's lines (``span``),
    line by line: not joined into entries as ``breaks`` joins them, the stamps among them
    not yet known (one would run into the entry after it, whose title then opens it no
    more)."""
    return [words(stripped[i], figures=True) for i in span]


def _named(group: tuple[str, ...], listed: list[str]) -> bool:
    """Whether the contents names most of a group's lines inside longer lines: a
    heading's title, not boilerplate."""
    own = {words(line, figures=True) for line in group if line}
    entries = [f" {entry}" for entry in listed if entry not in own]
    named = sum(bool(w) and any(f" {w}" in entry for entry in entries) for w in own)
    return bool(own) and named >= len(own) / 2


def _paged_entry(places: list[Placement], span: range) -> bool:
    """Whether a group stands in the contents (``span``) over a page number alone: an
    entry's title whose page the list sets under it, broken as its opening page breaks it,
    not a stamp (which stands over the text, or a folio it shares a page's foot with)."""
    return any(p.start in span and ALONE.match(p.after) for p in places)


def _entry_start(stripped: list[str], at: list[int], span: range) -> bool:
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
    ``_over_recurring``.)"""
    if all(i in span and leadered(_entry_rest(stripped, i + 1)[-1]) for i in at):
        return True
    after = {i: line_at(stripped, i + 1) for i in at}
    # (the entry's page may stand alone under its leaders: ``… TASKS . . . .`` / ``1``)
    rests = {i: words for i, (words, lines) in _rests(stripped, at, span).items()
             if len(lines) == 1 or leadered(" ".join(lines)) or ALONE.match(lines[-1])}
    titled = sum(_opens_rest(line, [r for i, r in rests.items() if i != j])
                 for j, line in after.items())
    return titled > 0 and 2 * titled >= len(at) - len(rests)


def _broken_title(stripped: list[str], ends: list[int], span: range) -> bool:
    """Whether lines that recur together (their last at ``ends``) open a title broken alike
    in the contents (``span``) and over its work (``THE PEASANTRY AND THE`` /
    ``INTERNATIONAL SITUATION AND THE``): in the contents each goes on to its entry's
    page (``REVOLUTION 3``), and at least half the other repeats stand over the rest of
    such an entry (``REVOLUTION``), the share ``_entry_start`` asks of one line: one copy
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


def _over_recurring(places: list[Placement], counts: Counter[str], span: range) -> bool:
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


def _heads_list(places: list[Placement]) -> bool:
    """Whether a recurring group heads a numbered list where it stands, more
    often than not (``NOTES`` over each work's notes, ``1 …``; under the works' closing
    signature, with it): a heading, not a stamp."""
    return 2 * sum(bool(_FIRST_ITEM.match(p.after)) for p in places) > len(places)


def _signed(group: tuple[str, ...]) -> bool:
    """Whether a group is a signature (``Signed: …``, ``Yours …,``, a close and the name
    under it: ``Yours,`` / ``Lenin``): it closes works, however many pages it stands on
    (works of a page or two), and names the signer."""
    lines = [line for line in group if line]
    return bool(lines) and is_signed(lines[0]) and all(
        is_signed(line) or _NAME.fullmatch(line) for line in lines[1:])


def learn(lines: list[str], pages: int, printed: frozenset[str] = frozenset(),
          own_breaks: bool = True) -> list[Group]:
    """The boilerplate groups of a text's lines (``pages``: how many pages it has; the
    lines ``printed``, known to be the print's, no stamp alone: passed over as one, a head
    under a stamp would hide).  Where the text's own blank lines part its pages
    (``own_breaks``), the runs of lines set apart inside a sentence are stamps however seldom
    they stand (``_inside_sentences``); not where none does: there a page that turns inside
    a sentence sets the next page's head between its halves."""
    stripped = [line.strip() for line in lines]
    where: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(stripped):
        if line:
            where[line].append(i)
    span = _span(stripped)
    listed = _listed(stripped, span)
    full = measure.of_lines(stripped)
    counts = Counter({line: len(at) for line, at in where.items()})
    repeated = sorted((line for line, n in counts.items() if n >= TWICE),  # (the sample's 141
                      key=lambda line: -counts[line])  # of 14,000 lines: only they are weighed)
    seen = (where, counts, repeated)
    first = _learn(stripped, seen, (span, listed), (pages, full), set(), printed, own_breaks)
    groups = _folded(_learn(stripped, seen, (span, listed), (pages, full),
                            {line for g in first for line in g.lines if line}, printed,
                            own_breaks))
    known = {line for g in groups for line in g.lines}
    once = _inside_sentences(stripped, full, counts) + _under_footnotes_once(stripped, full) \
        if own_breaks else []
    return groups + [g for g in once if not known & set(g.lines) and not set(g.lines) & printed
                     and all(len(where[line]) < MIN_REPEATS for line in g.lines)]


def _under_footnotes_once(stripped: list[str], full: float) -> list[Group]:
    """The runs of short lines that end a page under its footnotes, however seldom (once):
    the last lines of a run of lines between blank lines (over its foot folio, if any), each
    set apart (``set_apart``: short of the measure ``full``, worded, ending no sentence) and
    none opening with a footnote's mark, under a line that ends a sentence, a footnote's
    last: the lines from the last that opens with a footnote's mark to it end none (a
    footnote's sentence runs on over them; a page's text, or another page's run in where
    the scan lost the break, ends sentences).  A footnote ends its sentence on its last
    line, and the print sets nothing under a page's footnotes but its folio."""
    found: Counter[tuple[str, ...]] = Counter()
    end = 0
    while end < len(stripped):
        start = end
        while start < len(stripped) and not stripped[start]:
            start += 1
        end = start
        while end < len(stripped) and stripped[end]:
            end += 1
        last = end - 1 if end - 1 > start and plain(stripped[end - 1]) else end
        k = last
        while k > start and set_apart(stripped[k - 1], full) \
                and not footnotes.opens_footnote(stripped[k - 1]):
            k -= 1
        marked = [m for m in range(start, k) if footnotes.opens_footnote(stripped[m])]
        if start < k < last and marked and footnotes.FINISHED.search(stripped[k - 1]) \
                and not any(footnotes.FINISHED.search(stripped[m]) for m in
                            range(marked[-1], k - 1)):
            found[tuple(stripped[k:last])] += 1
    return [Group(g, n) for g, n in found.items()]


def _inside_sentences(stripped: list[str], full: float, counts: Counter[str]) -> list[Group]:
    """The runs of short lines that stand between the two halves of a sentence, however
    seldom (once): after a line of text as wide as a paragraph's inside lines (``SHORT`` of
    the measure ``full``) that ends in a word in lower case or in a hyphen, before a line
    that goes on in lower case (none of the run: ``set_apart``), the run's first line not
    reading on in lower case, its last short even with that line's first word.  A
    paragraph's lines fill the measure to its last, and no line of the print stands inside
    a sentence set apart from it so.  The run may open a page, over the sentence's first
    half past the page break (``_over_break``: a stamp at a page's top), its last lines
    that recur (``counts``, on ``MIN_REPEATS`` pages or more) left out: the page's head,
    its folio at the foot, under the stamp, or a stamp under a head; there it is two lines
    or more (one alone is a head seen once, a short work's), each standing once in the
    text (a line that stands elsewhere too, a work's title, is a head seen once).
    (``learn`` keeps those whose lines stand on fewer pages than ``MIN_REPEATS``: a
    running head stands so on many pages where a scan lost the blank lines that part
    them.)"""
    found: Counter[tuple[str, ...]] = Counter()
    for i, after in enumerate(stripped):
        if not after[:1].islower() or _inside_line(line_at(stripped, i - 1), full) \
                or set_apart(after, full) \
                or _inside_line(f"{line_at(stripped, i - 1)} {after.split(' ', 1)[0]}", full):
            continue  # (a ragged line falls short before a long word only)
        k = i
        while k > 0 and set_apart(stripped[k - 1], full):
            k -= 1
        over, broken = _over_break(stripped, k)
        run = stripped[k:i]
        while broken and run and counts[run[-1]] >= MIN_REPEATS:
            run.pop()  # (the next page's head, its folio at the foot, under a stamp; or a
            # stamp learnt under a head seen once)
        if (len(run) > 1 or (run and not broken)) and not run[0][:1].islower() \
                and _inside_line(over, full) \
                and (LOWER_END.search(over) or over.endswith("-")) \
                and not (broken and any(counts[line] > 1 for line in run)):
            found[tuple(run)] += 1
    return [Group(g, n) for g, n in found.items()]


def _over_break(stripped: list[str], k: int) -> tuple[str, bool]:
    """The line over line ``k`` past the blank lines of a page break and the folio alone
    at the foot of the page before (a stamp set over the next page's text; "" at the
    text's start), and whether a page break stands between."""
    j = k - 1
    while j > 0 and not stripped[j]:
        j -= 1
    if j < k - 1 and plain(stripped[j]):
        j -= 1
        while j > 0 and not stripped[j]:
            j -= 1
    return line_at(stripped, j), j < k - 1


def set_apart(line: str, full: float) -> bool:
    """Whether a line may stand apart from the text (``_inside_sentences``): short of the
    measure ``full``, worded, ending neither a sentence nor a word broken by a hyphen, no
    folio nor head beside one."""
    return bool(line) and measure.width(line) < SHORT * full and _worded((line,)) \
        and not SENTENCE_END.search(line) and not line.endswith("-") \
        and not plain(line) and not head_and_folio(line)


def _inside_line(line: str, full: float) -> bool:
    """Whether a line is as wide as a paragraph's inside lines (``SHORT`` of ``full``)."""
    return bool(line) and measure.width(line) >= SHORT * full


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
           contents: tuple[range, list[str]], pages: tuple[int, float],
           learnt: set[str], printed: frozenset[str], own_breaks: bool) -> list[Group]:
    """The boilerplate groups of a text's lines (``stripped``; ``seen``: each line's
    places, how many they are, and the lines standing twice or more, the most often first;
    ``contents``: the contents' lines and their words; ``pages``: how many pages
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
                               and not _short(line, pages[1])):
            continue
        group = _grow(stripped, at, counts)
        while group and not group[-1]:
            group = group[:-1]
        while group and not group[0]:
            group = group[1:]
        group = _page_end(stripped, at, group, line)
        whole, group = group, _headed_page(stripped, group, where, counts, learnt | grouped)
        if line not in group or (group == (line,) and line in printed):
            continue  # (the next page's head, the group grown to it from its own line)
        first = group.index(line)
        repeats = [(i - first, i - first + len(group) - 1) for i in at]  # (first, last)
        places = placements(stripped, counts, (learnt | grouped) - set(group), repeats)
        # (right over the head cut off)
        cut = whole[len(group):] if whole[len(group):len(group) + 1] != ("",) else ()
        if _Repeats(stripped, line, group, at, [e for _, e in repeats], places, counts,
                    contents, pages, cut, own_breaks).stamp():
            groups.setdefault(group, len(at))
            grouped.update(group)
    return [Group(g, n) for g, n in sorted(groups.items(), key=lambda item: -len(item[0]))]


def _short(line: str, full: float) -> bool:
    """Whether a line ending in a word falls short of the measure (``full``): no
    paragraph's inside; its last line ends a sentence."""
    return line[-1:].isalpha() and measure.width(line) < SHORT * full


@dataclass
class _Repeats:
    """A recurring ``line``'s ``group`` as ``_learn`` weighs it: the line's places in the
    text (``stripped``, ``at``), each repeat's last line's (``ends``) and what lies about
    each (``places``); the lines' ``counts``; the contents' lines and their words; the
    text's pages and measure; the head cut off under the group (``_headed_page``);
    whether the text's own blank lines part its pages."""

    stripped: list[str]
    line: str
    group: tuple[str, ...]
    at: list[int]
    ends: list[int]
    places: list[Placement]
    counts: Counter[str]
    contents: tuple[range, list[str]]
    pages: tuple[int, float]
    cut: tuple[str, ...]
    own_breaks: bool

    def stamp(self) -> bool:
        """Whether the group is boilerplate: it stands as no line of the print does, and
        it is none of the lines the print repeats."""
        return any(reason() for reason in (
            self.spread_group, self.lone_line, self.capitals_in_halves,
            self.capitals_in_sentence, self.short_line_turning, self.twice_over_heads,
            self.ends_pages)) and not any(
            reason() for reason in (
                self.named, self.signed, self.paged_entry, self.title_start,
                self.broken_title, self.heads_list))

    # what sets a group apart from the print

    def spread_group(self) -> bool:
        """Two lines or more all over the volume, or, however near their repeats (a stamp
        on a page in four, by chance on a few pages close together), where the print sets
        nothing: the text's own repeats stay near, and stand where text does."""
        return len(self.at) >= MIN_REPEATS and self.filled >= 2 and (
            self.spread >= SPREAD or self.placed or self.misplaced())

    def lone_line(self) -> bool:
        """One line that says something, no running head, standing apart from the text."""
        return len(self.at) >= MIN_REPEATS and self.filled == 1 and _worded(self.group) \
            and self.no_head() and self.apart()

    def no_head(self) -> bool:
        """Over heads or titles, or not beside a folio on one side: no running head."""
        return self.over >= MIN_REPEATS or self.footed or self.placed \
            or not _beside_folio(self.places, self.counts)

    def apart(self) -> bool:
        """On more pages than a line of text, or where the print sets nothing."""
        return len(self.at) >= SINGLE_SHARE * self.pages[0] or self.placed or (
            self.spread >= SPREAD and self.misplaced()) or self.inside_pages()

    def inside_pages(self) -> bool:
        """Where blank lines part the pages (``own_breaks``), inside two sentences of their
        own that run on under it on the same page, not going on from the line over it in
        lower case: a running head stands where its page opens, and a line of the print
        that recurs so reads on in the sentence (``rant workers.`` under ``German emig-``),
        or in a sentence given again with a word or a figure changed (a note's, under
        ``founded in Geneva in 1868 by``), or ends a clause of it, as a stamp's line ends in
        no stop (``It is necessary, for example:``)."""
        if not self.own_breaks or self.line[:1].islower() or not self.line[-1:].isalnum():
            return False
        over = [set(re.findall(r"[^\W\d_]+", before)) for p in self.places
                for before, after, turned in p.across()
                if not turned and _goes_on(before, after, turned, False)]
        return any(2 * len(a & b) < min(len(a), len(b))
                   for a, b in itertools.combinations(over, 2))

    def misplaced(self) -> bool:
        """Once where the print sets nothing: in a sentence, over a head, under the foot."""
        return _interrupts(self.places, False) or bool(self.over) or self.footed \
            or 2 * sum(self.titles) > len(self.places) or _under_foot_folios(self.places) \
            or _under_footnotes(self.places)

    def capitals_in_halves(self) -> bool:
        """Two lines or more in capitals in both halves: a heading stands once."""
        return _capitals(self.group) and self.filled >= 2 and self.halves

    def capitals_in_sentence(self) -> bool:
        """In capitals inside a sentence: no heading follows text that ends none."""
        return _capitals(self.group) and _interrupts(self.places, True)

    def short_line_turning(self) -> bool:
        """A short line in both halves, once inside a sentence: a short line ends one."""
        return self.filled == 1 and self.halves and _worded(self.group) \
            and _short(self.line, self.pages[1]) and _turns_inside(self.places)

    def twice_over_heads(self) -> bool:
        """However few its repeats (twice), each opening its page over a running head or a
        work's title, once over a head (beside its folio, or over the page's text, its folio
        at the foot: ``_over_footed_head``): the print sets nothing over a head, and a head
        over none but a work's title.  Not a line the contents print (a work's title, over
        its text and once as the head over its last page, its signature under it)."""
        over = [h or _over_footed_head(p, self.counts, [])  # (over a head, not a title)
                for h, p in zip(self.headed, self.places, strict=True)]
        own = {a + k for a in self.at for k in range(len(self.group))}  # (a span may
        listed = [f" {entry} " for i, entry in zip(*self.contents, strict=True)  # reach
                  if i not in own]  # over its repeats)
        return _worded(self.group) and len(self.places) >= TWICE and any(over) and all(
            o or t for o, t in zip(over, self.titles, strict=True)) and not any(
            f" {words(line, figures=True)} " in entry for line in self.group if line
            for entry in listed)

    def ends_pages(self) -> bool:
        """However few its repeats (twice), each ending its page, once or more right under
        the page's footnotes or its foot folio: nothing the print sets stands there, and a
        group of its own lines that recurs (a footnote given again opens with its mark) ends
        its pages every time by chance only."""
        return _worded(self.group) and len(self.places) >= TWICE \
            and not footnotes.opens_footnote(self.group[0]) \
            and all(not p.below for p in self.places) \
            and any(_under_footnote(p) or _under_foot_folio(p) for p in self.places)

    # what the print repeats so

    def named(self) -> bool:
        """The contents name it: a heading's title."""
        return _named(self.group, self.contents[1])

    def signed(self) -> bool:
        """A signature, closing works however many."""
        return _signed(self.group)

    def paged_entry(self) -> bool:
        """A contents entry's title over its page."""
        return _paged_entry(self.places, self.contents[0])

    def title_start(self) -> bool:
        """A title's first line, set alike in the contents and over its work."""
        return self.filled == 1 and not _over_recurring(self.places, self.counts,
                                                        self.contents[0]) \
            and _entry_start(self.stripped, self.at, self.contents[0])

    def broken_title(self) -> bool:
        """A title's first lines, broken alike in the contents and over its work."""
        return self.filled >= 2 and _broken_title(self.stripped, self.ends, self.contents[0])

    def heads_list(self) -> bool:
        """A numbered list's heading (``NOTES`` over a work's notes)."""
        return _heads_list(self.places)

    # what the reasons read

    @cached_property
    def filled(self) -> int:
        """The group's lines but its blank ones."""
        return sum(1 for g in self.group if g)

    @cached_property
    def spread(self) -> float:
        """The share of the text's lines its repeats span."""
        return (self.at[-1] - self.at[0]) / max(len(self.stripped), 1)

    @cached_property
    def halves(self) -> bool:
        """Whether it stands in the volume's first half and its second."""
        return self.at[0] < len(self.stripped) / 2 <= self.at[-1]

    @cached_property
    def headed(self) -> list[bool]:
        """Which repeats stand over or inside a running head, or over the head cut off."""
        return [_over_head(p) or p.after in self.cut for p in self.places]

    @cached_property
    def over(self) -> int:
        """How many repeats stand so (``headed``)."""
        return sum(self.headed)

    @cached_property
    def titles(self) -> list[bool]:
        """Which repeats open the page over a work's title."""
        return [_over_title(p, self.contents[1]) for p in self.places]

    @cached_property
    def footed(self) -> bool:
        """Whether it stands, mostly, over heads whose folios stand at the foot."""
        return _over_footed_heads(self.places, self.counts, self.contents[1])

    @cached_property
    def placed(self) -> bool:
        """Whether it stands mostly where the print sets nothing (each page once)."""
        topped = sum(h or t or _under_turned_head(p)
                     for h, t, p in zip(self.headed, self.titles, self.places, strict=True))
        return topped >= MIN_REPEATS and 2 * topped > len(self.places)


def strip(lines: list[str], groups: list[Group]) -> set[int]:
    """The indices of the lines that are boilerplate or junk.

    A group is taken where it stands whole, and where two or more of its lines stand
    together in its order (a scan that cut one short, or lost a line inside it), with the
    lines among them that misread the group's (``misread``) and the blank lines that stand
    where the group has one; a lone line of a group only if it is the group; a repeat
    that misreads them all where it stands whole.  (A blank line after a
    repeat's last line, before the next repeat's first, ends a page.)
    """
    gone = {i for i, line in enumerate(lines) if is_junk(line)}
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
            if k is None or i in gone:
                i += 1
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
    has between the lines either side of it."""
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
            if not after or not any(misread(after, ls[s]) for s in range(k + 1, len(ls))) \
                    or "" not in ls[k:]:
                break
            k = ls.index("", k) + 1
        i += 1
    return i, found, held
