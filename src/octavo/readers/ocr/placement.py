"""Where a line that recurs stands on its page (``boilerplate``'s placement rules read
it): the lines right about one repeat, and past the stamps beside it; and where it ends or
opens its page, the lines a sentence read past it runs from and to, across the page's turn
(over the running head and folio, the foot folio and the footnotes)."""

from __future__ import annotations

from collections import Counter, defaultdict

from ...pagemarks import plain
from . import footnotes, measure
from .contents import over_entries
from .heads import candidates, set_as_head, unspace

# a line recurs on this many pages at least: fewer repeats can't tell a stamp from a
# quotation given twice …
MIN_REPEATS = 3
TWICE = 2  # … and a line seen this many times recurs at all: fewer than MIN_REPEATS make
# a stamp only if, in capitals, it stands where no line of the print can (``boilerplate``)


def line_at(stripped: list[str], i: int) -> str:
    """The line at ``i``; "" past either end of the text (a page's edge)."""
    return stripped[i] if 0 <= i < len(stripped) else ""


def spelt_alone(lines: list[str]) -> frozenset[str]:
    """The lines (stripped) of a text yet to be paged that spell a running head alone:
    a head set beside its folio on one line (``candidates``) beside ``MIN_REPEATS``
    folios or more, and alone no more than twice as often.  Alone it is a head printed
    without its folio, or the name the versos print signing a work (``PUBLIUS``: once a
    work, and a verso in each work of two pages or more), no stamp; a stamp the OCR ran
    onto a folio's line now and then stands alone on many more pages."""
    folios: defaultdict[str, list[str]] = defaultdict(list)  # (by the head's letters,
    for line in lines:  # its spacing closed: ``P U B L I U S`` alone is ``PUBLIUS``)
        for candidate in candidates([line]) if line[-1:].isdigit() or line[:1].isdigit() \
                or line[-1:] in "-–—]" or line[:1] in "-–—[" else ():
            if candidate.head and candidate.folio:
                folios[candidate.head.replace(" ", "")].append(candidate.folio)
    alone = Counter(key for raw in lines if (key := raw.replace(" ", "")) in folios)
    heads = {key for key, printed in folios.items()
             if len(set(printed)) >= MIN_REPEATS and 2 * len(printed) >= alone[key]}
    return frozenset(raw.strip() for raw in lines if raw.replace(" ", "") in heads)


def head_and_folio(*lines: str) -> bool:
    """Whether ``lines`` read as a running head and its folio, on one line or the folio on
    a line of its own under the head, as they open a page: where a repeat stands next to
    them, the page turns there."""
    return any(c.head and c.folio and c.top == len(lines) for c in candidates(list(lines)))


class Placement:
    """What lies about one repeat of a group (its first line ``start``, its last ``end``)
    on its page, the lines of the groups ``learnt`` (stamps beside it: neither head, folio
    nor text) passed over; "" stands for a page's edge.  ``boilerplate``'s placement rules
    are predicates over it."""

    def __init__(self, stripped: list[str], counts: Counter[str], learnt: set[str],
                 start: int, end: int, full: float) -> None:
        self._stripped, self._counts, self._learnt, self._end = stripped, counts, learnt, end
        self._full = full  # (the text's measure)
        self.start, self.line = start, stripped[start]  # (this repeat's first line as read)
        self.last = line_at(stripped, end)  # (and its last; "" past the text, a repeat of
        # the group's line too near the end for the group to stand whole)
        # the lines right over and under it; then, stamps passed over, those above and below
        self.before, self.after = line_at(stripped, start - 1), line_at(stripped, end + 1)
        top, self._bottom = self._past(start - 1, -1), self._past(end + 1, 1)
        self.above, self.below = line_at(stripped, top), line_at(stripped, self._bottom)
        self.opens = not self.above
        self.higher = line_at(stripped, self._past(top - 1, -1))  # over ``above``
        self.beyond = line_at(stripped, self._past(self._bottom + 1, 1))  # under ``below``
        self._top = top

    def across(self) -> list[tuple[str, str, bool]]:
        """The lines a sentence read past this repeat would run from and to, and whether
        its page turns between them: the lines over and under it; where it ends its page,
        the page's last line of text and the next page's first (``_text_end``,
        ``_overleaf``); and where it stands right under the running head and folio that
        open its page, from the page before's last line of text (``turned``).  None runs
        from the contents' heading, or the ``Page`` over their column of pages (a title
        stands under them), nor past a repeat that ends its page under no folio and opens
        as a footnote does (a footnote that recurs ends its page so too)."""
        froms = [line for line in (self.above, self.turned()) if line and not over_entries(line)
                 and not self._stamps(line)]
        if not froms:
            return []
        if self.below:
            return [(line, self.below, False) for line in froms]
        footed = bool(plain(self.above))
        if not footed and footnotes.opens_footnote(self.line):
            return []
        return [(self._text_end(footed), self._overleaf(), True)]

    def _stamps(self, line: str) -> bool:
        """Whether a line over the repeat is a stamp's (not yet learnt): it recurs, not set
        as heads are, nor as wide as a paragraph's inside line on fewer than
        ``MIN_REPEATS`` pages (a sentence given again, a page's line of it twice)."""
        return self._counts[line] >= TWICE and not set_as_head(line) and (
            self._counts[line] >= MIN_REPEATS
            or not measure.inside(line, self._full))

    def turned(self) -> str:
        """Where it stands right under a running head and its folio that open its page (on
        one line, or the folio on a line of its own under the head), or a head printed
        alone under the page before's foot folio, the last line of text of the page before
        (over its foot folio, if it has one, and its footnotes); else ""."""
        top = self._top
        if self.higher and head_and_folio(self.higher, self.above):
            top = self._past(top - 1, -1)  # (the head's line, over its folio's)
            if line_at(self._stripped, self._past(top - 1, -1)):
                return ""
        elif self.higher or not (head_and_folio(self.above) or self._bare_head()):
            return ""
        return self._text_before(top - 1)

    def _bare_head(self) -> bool:
        """Whether the line over it opens its page as a running head printed without its
        folio: set as heads are (letter-spaced or not), on as many pages as it or more (a
        stamp over a head stands on fewer than the head it opens), the page before ending
        in its foot folio."""
        before = self._over_blanks(self._past(self._top - 1, -1), -1)
        return set_as_head(unspace(self.above)) \
            and self._counts[self.above] >= max(TWICE, self._counts[self.line]) \
            and bool(plain(line_at(self._stripped, before)))

    def edged(self) -> bool:
        """Whether it opens its page where the page's edge shows: under the page before's
        foot folio or footnotes (its last line of text is not the line over the blank), or
        over the running head and folio.  A print that parts its paragraphs by blank lines
        as it parts its pages sets a line after a blank one that opens no page."""
        if not self.opens:
            return False
        over = line_at(self._stripped, self._over_blanks(self._past(self._top - 1, -1), -1))
        return over.rstrip(footnotes.MARKS) != self.ran_on() or head_and_folio(self.below) \
            or head_and_folio(self.below, self.beyond)

    def ran_on(self) -> str:
        """Where it opens its page, the last line of text of the page before; else ""."""
        return self._text_before(self._top) if self.opens else ""

    def _text_before(self, blank: int) -> str:
        """The last line of text of the page that ends over the blank line ``blank`` (over
        the run of blank lines it ends: a scan may part its pages with two): over its foot
        folio, if it has one, and its footnotes and their rule."""
        last = self._over_blanks(self._past(blank - 1, -1), -1)
        if plain(line_at(self._stripped, last)):
            last = self._past(last - 1, -1)
        return self._over_footnotes(last, ruled=True)

    def footnoted(self) -> bool:
        """Whether the lines right over it close the page's footnotes, under its text: one
        of them opens with a footnote's mark, under a line."""
        block = page_block(self._stripped, self._top)
        return any(footnotes.opens_footnote(self._stripped[k]) for k in block[1:])

    def _over_footnotes(self, end: int, ruled: bool = False) -> str:
        """The last line of text of the page ending at ``end`` (``text_end``; with
        ``ruled``, over the rule over its footnotes, ``______``, a line of no letter nor
        figure), the mark of a footnote it ends with taken off (``… a knowledge of
        even*``)."""
        s = self._stripped
        last = text_end(s, end)
        while ruled and 0 <= last < end and s[last] and not any(c.isalnum() for c in s[last]):
            last -= 1
        return line_at(s, last).rstrip(footnotes.MARKS)

    def _over_blanks(self, i: int, step: int) -> int:
        """The first line from ``i`` on, going by ``step``, that is neither blank nor a
        stamp's line (``_past``): past a page break of more than one blank line."""
        while 0 <= i < len(self._stripped) and not self._stripped[i]:
            i = self._past(i + step, step)
        return i

    def _past(self, i: int, step: int) -> int:
        """The first line from ``i`` on, going by ``step``, that is no stamp's line."""
        while 0 <= i < len(self._stripped) and self._stripped[i] and \
                self._stripped[i] in self._learnt:
            i += step
        return i

    def foot(self, stamps: bool) -> str:
        """Its page's last line, over the first blank line under it (but, with ``stamps``,
        one between two lines that recur: inside a stamp)."""
        s, counts = self._stripped, self._counts
        end = next((j for j in range(self._end + 1, len(s)) if not s[j] and not (
            stamps and counts[s[j - 1]] >= MIN_REPEATS and j + 1 < len(s)
            and counts[s[j + 1]] >= MIN_REPEATS)), len(s))
        return line_at(s, self._past(end - 1, -1))

    def _text_end(self, footed: bool) -> str:
        """Where it ends its page, the page's last line of text over it (where it stands
        under the page's ``footed`` folio, over the folio), over its footnotes."""
        return self._over_footnotes(self._past(self._top - 1, -1) if footed else self._top)

    def _overleaf(self) -> str:
        """The first line of text past the blank line under it: past the lines that recur
        there or read as a head and its folio (the next page's running head)."""
        i = self._over_blanks(self._bottom + 1, 1)
        while (line := line_at(self._stripped, i)) and (
                self._counts[line] >= MIN_REPEATS or line in self._learnt
                or head_and_folio(line)):
            i += 1
        return line


def text_end(stripped: list[str], end: int) -> int:
    """The last line of text of the page ending at line ``end``: over the footnotes under
    the text (the first opens with its mark)."""
    marked = (k for k in page_block(stripped, end) if footnotes.opens_footnote(stripped[k]))
    return next(marked, end + 1) - 1


def page_block(stripped: list[str], end: int) -> range:
    """The lines from ``end`` up to the blank line over them (a page's foot, where its
    footnotes stand; its text too, where no blank line parts them); none where ``end`` is
    blank."""
    start = end
    while start >= 0 and stripped[start]:
        start -= 1
    return range(start + 1, end + 1)


def placements(stripped: list[str], counts: Counter[str], learnt: set[str],
               spans: list[tuple[int, int]], full: float) -> list[Placement]:
    """The placement of each repeat (its first line and its last) of ``spans`` (``full``:
    the text's measure)."""
    return [Placement(stripped, counts, learnt, start, end, full) for start, end in spans]
