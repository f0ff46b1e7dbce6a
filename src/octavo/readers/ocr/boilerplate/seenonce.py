"""Stamps seen once: runs of short lines set apart between the two halves of a sentence
or of a title, under a page's last footnote, over a page's head, or under a work's closing
lines at its page's end or over a title at its top, that no line of the print stands as."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ....lettering import FINISHED
from ....pagemarks import plain
from .. import footnotes, measure
from ..closing import SOURCE
from ..cuts import TITLE_LINES
from ..entries import entry_opener, words
from ..heads import candidates, is_capitals, unspace
from ..lines import LED_DATE, LOWER_END, MONTH_NAME, is_dated
from ..placement import MIN_REPEATS, head_and_folio, line_at, page_block, text_end
from .kinds import Group
from .listing import Listing

TITLE_END = re.compile(r"[.:;]\s")  # a contents line's title ends at its first stop (its
# description, its leader dots after it)


def under_footnotes_once(stripped: list[str], apart: list[bool]) -> list[Group]:
    """The runs of short lines that end a page under its footnotes, however seldom (once):
    the last lines of a run of lines between blank lines (over its foot folio, if any, or
    under it: then the footnote's last line stands over the folio), each
    set apart (``apart``, each line's ``set_apart``: short of the measure, worded, ending no
    sentence) and
    none opening with a footnote's mark, under a line that ends a sentence, a footnote's
    last: the lines from the last that opens with a footnote's mark to it end none (a
    footnote's sentence runs on over them; a page's text, or another page's run in where
    the scan lost the break, ends sentences).  A footnote ends its sentence on its last
    line, and the print sets nothing under a page's footnotes but its folio, nor under a
    folio at its foot: so, where the page has no footnotes, a run under its foot folio is
    one too, one of its lines opening in lower case under a line that ends in no word in
    lower case (``_lowered``), the folio in figures on a page with no head and folio over
    it (a number there is a section's or a letter's, ``II`` or ``12`` over verse or over
    ``to Friedrich Engels``, not the page's folio)."""
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
        while k > start and apart[k - 1] \
                and not footnotes.opens_footnote(stripped[k - 1]):
            k -= 1
        top = k - 1 if last == end and k - 1 > start and plain(stripped[k - 1]) else k
        # (a stamp under the foot folio: the footnote's last line stands over the folio)
        marked = [m for m in range(start, top) if footnotes.opens_footnote(stripped[m])]
        if start < top and k < last and ((
                marked and FINISHED.search(stripped[top - 1])
                and not any(FINISHED.search(stripped[m]) for m in range(marked[-1], top - 1)))
                or (not marked and top < k and stripped[top].isdigit()
                    and not head_and_folio(*stripped[start:start + 2])
                    and not head_and_folio(stripped[start]) and _lowered(stripped, k, last))):
            found[tuple(stripped[k:last])] += 1
    return [Group(g, n) for g, n in found.items()]


def inside_sentences(stripped: list[str], full: float, apart: list[bool],
                     counts: Counter[str]) -> list[Group]:
    """The runs of short lines that stand between the two halves of a sentence, however
    seldom (once): after a line of text as wide as a paragraph's inside lines
    (``measure.INSIDE`` of the measure ``full``) that ends in a word in lower case or in a
    hyphen, before a line that goes on in lower case (none of the run: ``apart``), the
    run's first line not reading on in lower case, its last short even with that line's
    first word.  A paragraph's lines fill the measure to its last, and no line of the print
    stands inside a sentence set apart from it so.  The run may open a page, over the
    sentence's first half past the page break and the page's footnotes (``_over_break``: a
    stamp at a page's top), its last lines that recur (``counts``, on ``MIN_REPEATS``
    pages or more) left out: the page's head, its folio at the foot, under the stamp, or a
    stamp under a head; and so is a head with its folio on its line under it; or end the
    page before, under its folio alone at the foot (``_under_foot_folio``: the print sets
    nothing there).  Across a page break it is two lines or more (one alone is a head seen
    once, a short work's), each standing once in the text (a line that stands elsewhere
    too, a work's title, is a head seen once).  (``learn`` keeps those whose lines stand on
    fewer pages than ``MIN_REPEATS``: a running head stands so on many pages where a scan
    lost the blank lines that part them.)"""
    found: Counter[tuple[str, ...]] = Counter()
    for i, after in enumerate(stripped):
        if not after[:1].islower() or measure.inside(line_at(stripped, i - 1), full) \
                or apart[i]:
            continue
        ragged = _ragged(line_at(stripped, i - 1), after, full)  # (a ragged line falls
        # short before a long word only)
        top = i - 1 if head_and_folio(line_at(stripped, i - 1)) else i  # (the page's head
        # with its folio, the stamp over it)
        k = top
        while k > 0 and apart[k - 1]:
            k -= 1
        over, broken = _over_break(stripped, k)
        if top < i and not broken:
            continue  # (a head opens its page)
        run = _unrepeated(stripped[k:top], counts) if broken else stripped[k:top]
        if broken and not run and (under := _under_foot_folio(stripped, k, apart)):
            over, run = under  # (nothing set apart over the page's text: under the foot
            # folio of the page before, the sentence's first half over the folio)
            run = _unrepeated(run, counts)
        if ragged and all(_ragged(a, b, full) for a, b in itertools.pairwise(run)):
            continue  # (the sentence's own lines, each ragged before a long word: not a
            # run that holds a line short even with the next's first word, no text's)
        if (len(run) > 1 or (run and not broken)) and not run[0][:1].islower() \
                and measure.inside(over, full) \
                and (LOWER_END.search(over) or over.endswith("-")) \
                and not (broken and any(counts[line] > 1 for line in run)):
            found[tuple(run)] += 1
    return [Group(g, n) for g, n in found.items()]


def _ragged(line: str, under: str, full: float) -> bool:
    """Whether ``line`` may be a ragged line of text that fell short before the first word
    of the line ``under`` it: with that word, as wide as a paragraph's inside lines."""
    return measure.inside(f"{line} {under.split(' ', 1)[0]}", full)


def inside_titles(stripped: list[str], apart: list[bool], span: range) -> list[Group]:
    """The runs of short lines (``apart``: short of the measure, ending no sentence) that
    stand between the lines of a work's title in capitals, however seldom (once): the
    title's lines over the run (up to ``TITLE_LINES`` with words, as far up as a blank
    line) and the line under it, all in capitals (no date, no head in title case), open,
    word for word, a line of the contents (``span``) up to its first stop (a title broken
    inside one of its lines: where the entry runs over lines, or on past a stop, a line
    under the title may be its description),
    where the lines over it and the run's first do not.  The print sets a title's lines
    together."""
    opens = entry_opener([words(TITLE_END.split(stripped[i], maxsplit=1)[0]) for i in span])

    def splits(over: list[str], run: list[str], under: str) -> bool:
        return all(map(is_capitals, over)) and opens(" ".join([*over, under])) \
            and not opens(" ".join([*over, run[0]]))

    found: Counter[tuple[str, ...]] = Counter()
    for i, under in enumerate(stripped):
        if not i or i in span or not apart[i - 1] or not is_capitals(under):
            continue
        k = i
        while k > 0 and k - 1 not in span and apart[k - 1]:
            k -= 1
            over = _title_over(stripped, k)
            if any(splits(over[j:], stripped[k:i], under) for j in range(len(over))):
                found[tuple(stripped[k:i])] += 1
                break
    return [Group(g, n) for g, n in found.items()]


def over_heads_once(stripped: list[str], apart: list[bool], span: range) -> list[Group]:
    """The runs of lines set apart (``apart``) that open a page right over its running
    head beside its folio, however seldom (once): a head that opens other pages beside
    their folios, on ``MIN_REPEATS`` or more (a line of text beside a number opens a page
    or two).  The print sets nothing over a page's head.  Not in the contents (``span``),
    where a part's heading stands over an entry that reads as a head beside its folio."""
    opening = Counter(c.head for i, line in enumerate(stripped) if line and not line_at(
        stripped, i - 1) for c in candidates([line]) if c.head and c.folio and c.top == 1)
    found: Counter[tuple[str, ...]] = Counter()
    for i, line in enumerate(stripped):
        if not (i and apart[i - 1]) or i in span:
            continue
        k = i
        while k > 0 and apart[k - 1]:
            k -= 1
        if not line_at(stripped, k - 1) and any(  # (the run opens its page)
                opening[c.head] >= MIN_REPEATS for c in candidates([line])
                if c.head and c.folio and c.top == 1):
            found[tuple(stripped[k:i])] += 1
    return [Group(g, n) for g, n in found.items()]


def by_titles_once(lines: list[str], stripped: list[str], apart: list[bool],
                   contents: Listing, printed: frozenset[str]) -> list[Group]:
    """The runs of two lines or more set apart (``apart``), none indented, that stand by a
    work's title across a page break, however seldom (once): ending a work and its page,
    right under the work's date, source or author's name (``printed``), before the page
    the next work's title opens (past its running head and folio, on one line or two); or
    opening a page right over a work's title (or the notes', a listed title letter-spaced
    or not: ``N O T E S``).  Past the contents or the volume's first
    title (the title page's lines stand before); one of their lines opening in lower case
    under a line that ends in no word in lower case, the first opening with no footnote's
    mark.  Under a work's closing lines the print sets nothing on its page but footnotes,
    and over a title at a page's top a running head, a part's heading or an author's name,
    each in capitals or title case.  None of the run's lines dates a work, names its source
    or author, or opens an entry of the contents (``listed``: a work's title).  (Between
    paragraphs, and over a title in mid-page, the print sets lists, verse, headings and
    epigraphs whose lines may open in lower case.)"""
    opener = entry_opener(contents.listed, figures=True)

    def listing(line: str) -> bool:  # (letter-spaced or not: ``N O T E S``)
        return opener(line) or opener(unspace(line))

    def closes(line: str) -> bool:  # (a work's date, source or author's signature)
        return is_dated(line) or line in printed or bool(SOURCE.search(line)) or bool(
            LED_DATE.match(line) and MONTH_NAME.search(line))  # (``Written in May 1879``)

    def titled(m: int) -> bool:  # (a listed title outside the contents: a work's)
        return m not in contents.span and line_at(stripped, m)[:1].isupper() \
            and listing(stripped[m])

    first = next((m for m in range(len(stripped)) if stripped[m] and titled(m)), len(stripped))
    first = min(first, contents.span.stop) if contents.span else first  # (the title page's)
    found: Counter[tuple[str, ...]] = Counter()
    k = first + 1
    while k < len(stripped):
        i = k
        while i < len(stripped) and apart[i] and lines[i] == stripped[i] \
                and not listing(stripped[i]) and not closes(stripped[i]):
            i += 1
        over, under = line_at(stripped, k - 1), line_at(stripped, i)
        if i - k > 1 and not footnotes.opens_footnote(stripped[k]) and (
                (closes(over) and not under and titled(_opening(stripped, i)))
                or (not over and titled(i) and not head_and_folio(under))) \
                and _lowered(stripped, k, i):
            found[tuple(stripped[k:i])] += 1
        k = i + 1
    return [Group(g, n) for g, n in found.items()]


def _lowered(stripped: list[str], k: int, i: int) -> bool:
    """Whether one of the lines ``k`` to ``i`` opens in lower case under a line that ends in
    no word in lower case (the lines of a title, a heading or a date do not)."""
    return any(stripped[m][:1].islower() and not LOWER_END.search(stripped[m - 1])
               for m in range(k, i))


def _title_over(stripped: list[str], k: int) -> list[str]:
    """The lines with words over line ``k`` that may be a title's (``TITLE_LINES`` at most),
    up to a blank line."""
    over: list[str] = []
    m = k - 1
    while m >= 0 and stripped[m] and len(over) < TITLE_LINES:
        if words(stripped[m]):
            over.insert(0, stripped[m])
        m -= 1
    return over


def _over_break(stripped: list[str], k: int) -> tuple[str, bool]:
    """The line over line ``k`` past the blank lines of a page break, and the folio alone
    at the foot of the page before and its footnotes (``text_end``): a stamp set over the
    next page's text ("" at the text's start); and whether a page break stands between."""
    j = _above_blanks(stripped, k)
    if j < k - 1 and plain(stripped[j]):
        j = _above_blanks(stripped, j)
    return line_at(stripped, _past_footnotes(stripped, j) if j < k - 1 else j), j < k - 1


def _under_foot_folio(stripped: list[str], k: int, apart: list[bool]
                      ) -> tuple[str, list[str]] | None:
    """The page's last line of text over its folio alone at the foot and its footnotes
    (``_past_footnotes``), and the lines set apart (``apart``) under the folio that end
    the page before line ``k``, past the break's blank lines; None where no folio stands
    over such lines (the print sets nothing under a foot folio).  A line opening with a
    footnote's mark ends the run upwards: a scan may read a page's footnotes last, under
    its folio (``under_footnotes_once`` asks the same)."""
    j = _above_blanks(stripped, k)
    m = j + 1
    while m > 0 and apart[m - 1] and not footnotes.opens_footnote(stripped[m - 1]):
        m -= 1
    if m > j or m < 2 or not plain(stripped[m - 1]) or not stripped[m - 2]:
        return None
    return line_at(stripped, _past_footnotes(stripped, m - 2)), stripped[m:j + 1]


def _unrepeated(run: list[str], counts: Counter[str]) -> list[str]:
    """``run`` without its last lines that recur (``counts``, on ``MIN_REPEATS`` pages or
    more): the next page's head, its folio at the foot, under a stamp; or a stamp learnt
    under a head seen once."""
    while run and counts[run[-1]] >= MIN_REPEATS:
        run = run[:-1]
    return run


def _opening(stripped: list[str], k: int) -> int:
    """The first line of text of the page after line ``k``: past the blank lines under it,
    and the page's head with its folio, on its line or the next (the text's end at its
    end)."""
    j = k + 1
    while j < len(stripped) - 1 and not stripped[j]:
        j += 1
    if j < len(stripped) and head_and_folio(stripped[j]):
        return j + 1
    return j + 2 if j + 1 < len(stripped) and head_and_folio(stripped[j], stripped[j + 1]) else j


def _above_blanks(stripped: list[str], k: int) -> int:
    """The line over line ``k`` past the blank lines over it (0 at the text's start)."""
    j = k - 1
    while j > 0 and not stripped[j]:
        j -= 1
    return j


def _past_footnotes(stripped: list[str], j: int) -> int:
    """Line ``j``, or where it closes footnotes that the text over them cites (their first
    mark after a word: ``peaceful*``), and ends their sentence, the page's last line of
    text over them (``text_end``): lines opening with a star that no word cites are the
    text's (a list's points), as is a last line that runs on."""
    end = text_end(stripped, j)
    if end == j or not FINISHED.search(stripped[j]):
        return j
    above = [stripped[m] for m in page_block(stripped, end)]
    return end if footnotes.cited(stripped[end + 1], above) else j
