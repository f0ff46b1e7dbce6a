"""The verdict on a recurring line's group (``Repeats``): whether it is a stamp, by where
its repeats stand, how they spread over the volume, and what the contents list."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ....lettering import FINISHED
from ....pagemarks import plain
from .. import footnotes, measure
from ..closing import NAME_ALONE, PEN_NAME
from ..entries import words
from ..entrypages import ends_entry
from ..heads import is_capitals
from ..lines import LOWER_END, dates_work, names_notes
from ..placement import MIN_REPEATS, TWICE, Placement, head_and_folio
from ..titles import reads_as_title
from .kinds import (
    ASTERISM,
    addressed,
    all_remarks,
    all_signed,
    all_sourced,
    closes_text,
    in_capitals,
    set_apart,
    short,
    worded,
)
from .listing import (
    Listing,
    breaks_title,
    entry_start,
    heads_a_list,
    in_titles,
    names_heading,
    over_recurring,
    pages_entry,
    under_title,
    unnumbered,
)
from .placing import (
    at_foot,
    beside_folio,
    breaks_word_overleaf,
    goes_on,
    inside_page,
    interrupts,
    opening,
    opens_over_head,
    over_bare_head,
    over_footed_head,
    over_footed_heads,
    over_head,
    over_running_head,
    over_title,
    turns_inside,
    under_foot_folio,
    under_foot_folios,
    under_footnote,
    under_footnotes,
    under_turned_head,
)

SPREAD = 0.5  # a group's repeats span at least this share of the text's lines
SINGLE_SHARE = 0.5  # a lone line on half the pages or more: no line of text repeats so (a
# signature closes every work, but a work runs over more than two pages)


@dataclass
class Repeats:
    """A recurring ``line``'s ``group`` as ``_learn`` weighs it: the line's places in the
    text (``stripped``, ``at``), each repeat's last line's (``ends``) and what lies about
    each (``places``); the lines' ``counts``; the ``contents`` list (``listing.Listing``); the
    text's pages and measure; the head cut off under the group (``_headed_page``);
    whether the text's own blank lines part its pages."""

    stripped: list[str]
    line: str
    group: tuple[str, ...]
    at: list[int]
    ends: list[int]
    places: list[Placement]
    counts: Counter[str]
    contents: Listing
    pages: tuple[int, float]
    cut: tuple[str, ...]
    own_breaks: bool

    def stamp(self) -> bool:
        """Whether the group is boilerplate: it stands as no line of the print does, and
        it is none of the lines the print repeats."""
        return any(reason() for reason in (
            self.spread_group, self.lone_line, self.capitals_in_halves,
            self.capitals_in_sentence, self.short_lines_in_sentences, self.short_line_turning,
            self.twice_over_heads, self.ends_pages, self.addresses)) and not any(
            reason() for reason in (
                self.named, self.signed, self.opens_works, self.paged_entry, self.title_start,
                self.broken_title, self.heads_list, self.cited, self.dated_titles))

    # what sets a group apart from the print

    def spread_group(self) -> bool:
        """Two lines or more all over the volume, or, however near their repeats (a stamp
        on a page in four, by chance on a few pages close together), where the print sets
        nothing: the text's own repeats stay near, and stand where text does."""
        return len(self.at) >= MIN_REPEATS and self.filled >= 2 and (
            self.spread >= SPREAD or self.placed or self.misplaced())

    def lone_line(self) -> bool:
        """One line that says something, no running head, standing apart from the text."""
        return len(self.at) >= MIN_REPEATS and self.filled == 1 and worded(self.group) \
            and self.no_head() and self.apart()

    def addresses(self) -> bool:
        """Web addresses alone, on ``MIN_REPEATS`` pages or more, wherever they stand."""
        return len(self.at) >= MIN_REPEATS and addressed(self.group)

    def no_head(self) -> bool:
        """Over heads or titles, or not beside a folio on one side: no running head."""
        return self.over >= MIN_REPEATS or self.footed or self.placed \
            or not beside_folio(self.places, self.counts)

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
                if not turned and goes_on(before, after, turned, False)]
        return any(2 * len(a & b) < min(len(a), len(b))
                   for a, b in itertools.combinations(over, 2))

    def misplaced(self) -> bool:
        """Once where the print sets nothing: in a sentence, over a head, under the foot."""
        return interrupts(self.places, False) or bool(self.over) or self.footed \
            or 2 * sum(self.titles) > len(self.places) or under_foot_folios(self.places) \
            or under_footnotes(self.places)

    def capitals_in_halves(self) -> bool:
        """Two lines or more in capitals in both halves: a heading stands once."""
        return in_capitals(self.group) and self.filled >= 2 and self.halves

    def capitals_in_sentence(self) -> bool:
        """In capitals inside a sentence: no heading follows text that ends none (nor does
        the contents list hold sentences: an entry over a page's turn, its page under it
        read for a foot folio, is no text)."""
        if not in_capitals(self.group):
            return False
        return interrupts([p for p in self.places if p.start not in self.contents.entries], True)

    def short_lines_in_sentences(self) -> bool:
        """Two lines or more, each set apart (``set_apart``: short of the measure, ending
        no sentence), however few their repeats (twice), each standing inside a sentence: in
        both halves of the volume, once where the page turns inside it; or, one of them in
        capitals, each inside a sentence of its page (not across its turn) under a line as
        wide as the text's inside lines, wherever they stand.  A paragraph's lines fill the
        measure, and the print sets nothing between a sentence's halves at a page's turn but
        the running head and folio, nor a line in capitals inside a page's sentence but a
        display (a title quoted, ``the title`` / ``THE CIVIL WAR IN FRANCE`` / its
        subtitle), whose line over it it breaks short (a verse or a formula quoted twice
        stands inside a page's sentences, not at its turn, and in the text's case)."""
        if not (self.lines_apart and len(self.places) >= TWICE):
            return False
        return (self.halves and all(interrupts([p], False) for p in self.places)
                and turns_inside(self.places)) or (
            any(map(is_capitals, self.group)) and all(map(inside_page, self.places))
            and all(measure.inside(p.above, self.pages[1]) for p in self.places))

    def short_line_turning(self) -> bool:
        """A short line in both halves, once inside a sentence: a short line ends one."""
        return self.filled == 1 and self.halves and worded(self.group) \
            and short(self.line, self.pages[1]) and turns_inside(self.places)

    def twice_over_heads(self) -> bool:
        """However few its repeats (twice), each opening its page over a running head or a
        work's title, once over a head (beside its folio, or over the page's text, its folio
        at the foot: ``over_footed_head``): the print sets nothing over a head, and a head
        over none but a work's title.  A group of two lines or more needs no head, where
        it stands in both halves of the volume, or once over the notes' heading: the print
        repeats no lines over titles far apart but what the contents list (a part's title),
        nor sets over the notes what it sets over a work.  Not a line the contents print
        (a work's title, over its text and once as the head over its last page, its
        signature under it)."""
        over = [h or over_footed_head(p, self.counts, []) or over_running_head(p)
                # (over a head, not a title)
                for h, p in zip(self.headed, self.places, strict=True)]
        # (a span may reach over its repeats: each is kept out from ``line`` on, not from
        # its first line, ``p.start``, so that a title the contents break alike, ``line`` not
        # its first, stays listed by its first: othervolumes 6, whose title over its work
        # ``p.start`` would find twice over heads, kept only by ``broken_title``)
        own = {a + k for a in self.at for k in range(len(self.group))}
        listed = [f" {entry} " for i, entry in zip(self.contents.span, self.contents.listed,
                                                    strict=True) if i not in own]
        listed += [f" {entry} " for i, entry in self.contents.broken if not {i, i + 1} & own]
        # (an entry broken over lines that hold a repeat: a stamp must not vouch for itself)
        headless = self.filled >= 2 and (self.halves or any(
            t and names_notes(p.below) for t, p in zip(self.titles, self.places, strict=True)))
        return worded(self.group) and len(self.places) >= TWICE \
            and (any(over) or headless) and all(
            o or t for o, t in zip(over, self.titles, strict=True)) and not any(
            f" {words(line, figures=True)} " in entry for line in self.group if line
            for entry in listed)

    def ends_pages(self) -> bool:
        """However few its repeats (twice), each ending its page (or standing over its
        foot folio), once or more right under the page's footnotes or its foot folio:
        nothing the print sets stands there, and a group of its own lines that recurs (a
        footnote given again opens with its mark) ends its pages every time by chance
        only.  Or, lines of two or more set apart (short, ending no sentence), once where
        the page turns inside a word broken by a hyphen: the print sets nothing between a
        word's halves at a page's turn but its head and folio (a verse quoted twice at
        pages' feet may stand between a sentence's halves, never a word's)."""
        return worded(self.group) and len(self.places) >= TWICE \
            and not footnotes.opens_footnote(self.group[0]) \
            and all(at_foot(p) for p in self.places) \
            and (any(under_footnote(p) or under_foot_folio(p) for p in self.places)
                 or (self.lines_apart and breaks_word_overleaf(self.places)))

    # what the print repeats so

    def named(self) -> bool:
        """The contents name it: a heading's title."""
        return names_heading(self.group, self.contents.listed)

    def signed(self) -> bool:
        """A signature, closing works however many; or a source and its date (``sourced``);
        or a name that closes works (``signs_works``)."""
        return all_signed(self.group) or self.sourced() or self.signs_works()

    def signs_works(self) -> bool:
        """A name alone (``PUBLIUS.``: a pen name, no author's), an ornament under it or
        none, under a sentence's end each time (the text's: under no footnote; a quote
        after it, straight or a stand-in not yet put back) and no more often than the
        contents list entries, over no running head nor a line of text (one opening in lower
        case, or a paragraph's inside line not set as a title is; the page's footnotes may
        stand under it), opening fewer than half its pages (with an ornament or its stop,
        where the page's edge shows, ``Placement.edged``: a print that parts its
        paragraphs by blank lines sets one over the name; with neither, where a line stands
        right under it: a stamp over a title on a bare opening page; a signature ends its
        page, or a blank line sets it apart from the next title): a
        signature closing the works under their last lines, over the next one's title (a
        stamp stands under a line that ends no sentence somewhere, or on more pages, or over
        heads or text, or opens them), on the page before where it opens its page; its
        repeats read so, most of them (its ornament may stand alone overleaf)."""
        lines = [line for line in self.group if line]
        named = [(p, h) for p, h in zip(self.places, self.headed, strict=True)
                 if p.line == lines[0]]  # (an ornament seen alone, its name on the page before)
        return self.once_a_work and 2 * len(named) > len(self.places) \
            and bool(NAME_ALONE.fullmatch(lines[0])) \
            and all(set(line) <= ASTERISM for line in lines[1:]) \
            and 2 * sum(p.edged() if lines[1:] or PEN_NAME.fullmatch(lines[0])
                        else p.opens and p.below != "" for p, _ in named) < len(named) \
            and all(not headed and FINISHED.search(p.turned() or p.above or p.ran_on())
                    and not p.footnoted() and not p.below[:1].islower()
                    and (not measure.inside(p.below, self.pages[1]) or is_capitals(p.below)
                         or reads_as_title(p.below) or footnotes.opens_footnote(p.below))
                    for p, headed in named)

    def sourced(self) -> bool:
        """A work's source and its date, or an editor's remark (``Written in January
        1776``), under a sentence's end or a signature each time (on the page before, where
        it opens its page under the head and folio), and no more often than the contents
        list entries, where it lists any: the closing lines of the works one issue printed,
        or written in one month (a stamp so worded stands on more pages, over heads and
        inside sentences)."""
        return (all_sourced(self.group) or all_remarks(self.group)) and (
            not self.listed_entries or len(self.at) <= self.listed_entries) \
            and all(closes_text(p.turned() or p.above) for p in self.places)

    def opens_works(self) -> bool:
        """Under a work's title (``under_title``), more often than not (a stamp may stand
        between), under its head or the text over it (opening no page, under no foot folio:
        a stamp stands over the title there, or at the foot; a folio under its head is
        none, a print may set them on two lines), under no line of text that runs on (a
        sentence's line as wide as the measure, ending in none, not set as a
        title's last line may be, in capitals or in title case ending in no word in lower
        case: a stamp stands inside a sentence), over none that goes on in lower case (a
        sentence the page before began, under a head), and no more often than the contents
        list entries: lines each work prints under its title (an author's name, a
        salutation: ``To the People of the State of New York:``)."""
        listed = self.contents.listed + unnumbered(self.contents.listed)
        titled = sum(under_title(self.stripped, p.start, listed, self.pages[1], self.counts)
                     for p in self.places)
        return self.once_a_work and not any(
            p.opens or (plain(p.above) and not head_and_folio(p.higher, p.above))
            or p.below[:1].islower() or (
                measure.inside(p.above, self.pages[1]) and not FINISHED.search(p.above)
                and not is_capitals(p.above)
                and not (reads_as_title(p.above) and not LOWER_END.search(p.above)))
                for p in self.places) \
            and 2 * titled > len(self.places)

    def paged_entry(self) -> bool:
        """A contents entry's title over its page."""
        return pages_entry(self.places, self.contents.span)

    def title_start(self) -> bool:
        """A title's first line, set alike in the contents and over its work."""
        return self.filled == 1 and not over_recurring(self.places, self.counts,
                                                        self.contents.span) \
            and entry_start(self.stripped, self.at, self.contents.span)

    def broken_title(self) -> bool:
        """A title's first lines, broken alike in the contents and over its work."""
        return self.filled >= 2 and breaks_title(self.stripped, self.ends, self.contents.span)

    def dated_titles(self) -> bool:
        """Dates, each by a work's title (``in_titles``) and none opening its page (the
        print sets nothing over a title at a page's top; a stamp worded as a date may
        stand there): the works' datelines, alike where works were written in one month."""
        return any(self.group) and all(dates_work(line) for line in self.group if line) \
            and not any(p.opens for p in self.places) and in_titles(
            self.stripped, [(p.start, end) for p, end in zip(self.places, self.ends, strict=True)],
            self.contents.listed)

    def heads_list(self) -> bool:
        """A numbered list's heading (``NOTES`` over a work's notes)."""
        return heads_a_list(self.places)

    def cited(self) -> bool:
        """A footnote given again: its first line opens with a footnote's mark that the
        text over it on its page bears, a word's end (``large*``), on most of its repeats
        (a page's lines: the text's over its pages): a note set at the foot of each page
        that cites it.  A stamp's mark cites nothing."""
        page = round(len(self.stripped) / max(self.pages[0], 1))
        starts = [p.start for p in self.places]
        return 2 * sum(footnotes.cited(self.group[0], self.stripped[max(a - page, 0):a])
                       for a in starts) > len(starts)

    # what the reasons read

    @cached_property
    def listed_entries(self) -> int:
        """How many entries the contents list (the lines that end one with its page)."""
        return sum(1 for i in self.contents.entries if ends_entry(self.stripped[i]))

    @cached_property
    def once_a_work(self) -> bool:
        """Whether the contents list entries, and it stands no more often than they: on a
        work's page each, as lines every work prints do."""
        return bool(self.listed_entries) and len(self.at) <= self.listed_entries

    @cached_property
    def filled(self) -> int:
        """The group's lines but its blank ones."""
        return sum(1 for g in self.group if g)

    @cached_property
    def lines_apart(self) -> bool:
        """Whether the group holds two lines or more, each set apart (short, ending no
        sentence)."""
        return self.filled >= 2 and all(set_apart(line, self.pages[1])
                                         for line in self.group if line)

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
        """Which repeats stand over or inside a running head (beside its folio; or bare,
        where the group opens its pages over lines set as heads are, more often than not,
        two of them or more, a verso's and a recto's: ``over_bare_head``), or over the head
        cut off.  (A versos' head opens its pages over text, and over a stamp or a notes'
        heading now and then.)"""
        under = [p.below for p in self.places if opens_over_head(p)]
        bare = len(set(under)) >= 2 and 2 * len(under) > len(self.places)
        alone = opening(self.stripped, set(under)) if bare else set()
        return [over_head(p) or p.after in self.cut
                or (bare and over_bare_head(p, self.counts, len(self.at), alone))
                for p in self.places]

    @cached_property
    def over(self) -> int:
        """How many repeats stand so (``headed``)."""
        return sum(self.headed)

    @cached_property
    def titles(self) -> list[bool]:
        """Which repeats open the page over a work's title."""
        return [over_title(p, self.contents.listed) for p in self.places]

    @cached_property
    def footed(self) -> bool:
        """Whether it stands, mostly, over heads whose folios stand at the foot."""
        return over_footed_heads(self.places, self.counts, self.contents.listed)

    @cached_property
    def placed(self) -> bool:
        """Whether it stands mostly where the print sets nothing (each page once)."""
        topped = sum(h or t or under_turned_head(p)
                     for h, t, p in zip(self.headed, self.titles, self.places, strict=True))
        return topped >= MIN_REPEATS and 2 * topped > len(self.places)
