"""Links in the running text: endnote markers to their notes, page references to pages.

Endnote markers are the note's number glued to the word or punctuation before it
(``R.S.F.S.R.1``, ``unions,2``, ``Congress3``) or set in superscript figures
(``unions,²``); the notes come in rising order
through the volume, each cited on a known page, so a marker is taken only where
its number is the next one due and it stands on or near the page its note cites
(plain figures closing a parenthesis that is not open label a point: ``are: 1) To``).
Where the scan's stand-ins for quotes are superscript figures too (``³``/``²``/``¹``),
a marker may have been taken for quotes (``special’”``, note 12): it is one where it is
due, unless a quote it holds closes one its paragraph opened; a plural's apostrophe
(``Workers’``, not ``less’``) last, and one whose word the volume prints so again after
all (the apostrophe belongs to the word, a marker's number is printed once).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...findings import report
from ...tree import Block, Inline, Note, NoteRef, PageMarker, PageRef, Text, child_lists
from ..textlines import CLOSES, CLOSING_QUOTES, PAUSES, SUPERSCRIPTS, WORD_CLOSES

if TYPE_CHECKING:
    from .structure import Structure

# what closes a word (``CLOSES``) but a question's or an
# exclamation's mark: what may follow a marker's number (``_END``), and what one set off by
# a space may follow (``_SPACED``), where a glued one may follow those marks too (``_GLUED``)
_PLAIN_CLOSES = f"{PAUSES}){CLOSING_QUOTES}"
_END = rf"(?=[\s{_PLAIN_CLOSES}*]|$)"
# a number glued to a letter or to what closes a word, or to an ellipsis (a quotation cut
# short), not part of a longer number: after more than a title's marker
# (``titles.GLUED_MARKER``), as it is taken only for the number due
_GLUED = re.compile(rf"(?<=[A-Za-z{CLOSES}\u2026])(?P<n>\d{{1,3}})" + _END)
# glued to a year (``in March 192116)``) or set off by a space (``Conference, 48 the``):
# taken only for the number due, on the page its note cites or next to it
_AFTER_YEAR = re.compile(r"(?<![\d])1[89]\d\d(?P<n>\d{1,2})" + _END)
_SPACED = re.compile(rf"(?<=[A-Za-z{_PLAIN_CLOSES}\u2026])(?P<mark> (?P<n>\d{{1,2}}))(?=[\s)]|$)")
# a number in brackets after a word or what closes one (``the[1] sole``, ``wages.[12]``), or a
# dash set off by a space (``cheapened -[3] i.e.``; not a range's, ``pp. 11–[13]``, nor a
# list's after a colon, ``two:—[1] that``), as editions that number their notes ``[1]`` mark
# them: the brackets go with it
_BRACKETED = re.compile(rf"(?:(?<=[^\W_]|[{CLOSES}\u2026])|(?<=\s[-\u2013\u2014]))"
                        rf"(?P<mark>\[(?P<n>\d{{1,3}})\])")
# a number set as superscript figures (``stronger.¹``, ``Congress¹²``): a marker wherever
# it stands, since no text sets its figures so; but a scan's stand-in for a quote may be
# one (``get?²``, where the character map left it), so a figure near the page its note
# cites, of either kind, is taken before one pages off; a marker closes its word, so one
# before a letter is none (``L¹Égalité``: an elision's apostrophe the character map left)
_SUPERSCRIPT = re.compile(rf"(?<=\S)(?P<n>[{SUPERSCRIPTS}]{{1,3}})(?![{SUPERSCRIPTS}]|[^\W\d_])")
_FIGURES = str.maketrans(SUPERSCRIPTS, "0123456789")
_RANGE = r"\d{1,3}(?:\s*-\s*\d{1,3})?"
# "this volume, p. 206", "this volume, pp. 231-36, 256-62": a link to each page or range
_VOLUME_REF = re.compile(rf"(?:this|the present) volume,\s+(?P<refs>pp?\.\s*{_RANGE}"
                         rf"(?:,\s*{_RANGE})*)")
_ONE_REF = re.compile(r"(?:pp?\.\s*)?(?P<page>\d{1,3})(?:\s*-\s*\d{1,3})?")
_PAGE_SLACK = 2  # pages a marker may stand from the page its note cites


@dataclass
class Slot:
    """A run of text in reading order, with the printed page it stands on."""

    owner: list[Inline]
    text: Text
    page: str


def slots(blocks: list[Block]) -> list[Slot]:
    """Every Text of some blocks in reading order, each with its printed page."""
    found: list[Slot] = []
    page = ""

    def visit(items: list) -> None:
        nonlocal page
        for item in items:
            if isinstance(item, PageMarker):
                page = item.page
            elif isinstance(item, Text):
                found.append(Slot(items, item, page))
            for inner in child_lists(item):
                visit(inner)

    visit(blocks)
    return found


def _near(page: str, cited: str) -> bool:
    return page.isdigit() and cited.isdigit() and abs(int(page) - int(cited)) <= _PAGE_SLACK


def link_endnotes(blocks: list[Block], notes: list[Note], scope: str = "",
                  standing: dict[str, str] | None = None,
                  owned: Counter[str] | None = None) -> dict[str, str]:
    """Turn endnote markers into NoteRefs (ids ``noteref-{scope}N``); return each linked
    note's page of reference.  ``standing``: the quotes the character map put for
    superscript figures (``{"”": "²"}``), which may have been markers; ``owned``: the
    volume's ``possessives`` (by default the blocks')."""
    texts = slots(blocks)
    # a marker some of whose figures were taken for quotes: next after superscript figures
    # near the cited page, and last anywhere; a plural's apostrophe (``workers’``) after all,
    # first where its word takes none elsewhere
    stood = [_Pass(pattern, near=near, decimals=False, numbers=False, figures=figures,
                   unpaired=True, plurals=plurals, recurring=recurring)
             for pattern, figures in _stood_in(standing or {})
             for plurals, recurring in ((False, False), (True, False), (True, True))
             for near in (True, False)]
    owned = possessives(blocks) if owned is None else owned
    passes = (_PASSES[0], *stood[:1], *_PASSES[1:], *stood[1:])
    # the slots each pass that looks through the whole text can find anything in, found once
    holding = {p.pattern: [i for i, slot in enumerate(texts)
                           if p.may_hold(slot.text.text) and p.pattern.search(slot.text.text)]
               for p in passes if not p.near}
    chosen: list[tuple[Slot, int, int, Note]] = []
    start = 0
    for note in notes:
        hit = _find(texts, start, note, holding, passes, owned)
        if hit is None:
            continue
        index, begin, end = hit
        chosen.append((texts[index], begin, end, note))
        start = index
    placed: dict[str, str] = {}
    for slot, begin, end, note in sorted(chosen, key=lambda c: -c[1]):
        ref = NoteRef(note.id, note.number, "endnote", f"noteref-{scope}{note.number}")
        _split(slot, begin, end, ref)
        placed[note.id] = slot.page
    return placed


def possessives(blocks: list[Block]) -> Counter[str]:
    """How often the blocks print each word with a plural's apostrophe (``workers’``)."""
    # (the pattern, opening on any letters, is tried at every letter of a text: only in
    # the few that hold the ``s’`` or ``S’`` every match ends in; in all it took 4% of the
    # sample's read)
    return Counter(m[0].lower() for slot in slots(blocks)
                   if "s\u2019" in (text := slot.text.text) or "S\u2019" in text
                   for m in _POSSESSIVE.finditer(text))


@dataclass(frozen=True)
class _Pass:
    """A kind of marker: its pattern, whether it is taken only near the page its note
    cites, whether a number after a number's point is a decimal's figures rather than
    a marker (where nothing near the page is, ``in Point 8.8`` is point 8 and note 8's
    marker), and whether one after ``No.`` or a number's comma is that number's (plain
    figures are: ``No.2``, ``10,2``; superscript ones never: ``No.²``, ``10,² or 20``),
    and whether one or two figures after a number's comma are, where nothing else near the
    page is (``10, 12,8 15 hours``: a number's comma groups three figures)."""

    pattern: re.Pattern[str]
    near: bool
    decimals: bool
    numbers: bool = True
    commas: bool = True
    figures: dict[int, int] | None = None  # the marker's characters as figures, if not ``n``'s
    unpaired: bool = False  # a quote stand-in among them must close no quote the text opened
    plurals: bool = True  # whether an apostrophe after a word's ``s`` may be a marker's
    # whether it may be where the text prints the same word with it elsewhere: a plural's
    # apostrophe belongs to the word and comes again with it (``Workers’ Deputies``,
    # ``Workers’ and Peasants’``), a marker's number is printed once
    recurring: bool = True
    holds: str = ""  # a character every marker of its kind holds: a text without it has none

    def may_hold(self, text: str) -> bool:
        """Whether ``text`` may hold a marker of this kind (a character test, before the
        pattern's search at every character)."""
        return not self.holds or self.holds in text


# tried in turn, for each note
_PASSES = (_Pass(_SUPERSCRIPT, near=True, decimals=False, numbers=False),
           _Pass(_BRACKETED, near=True, decimals=False, numbers=False, holds="["),
           _Pass(_GLUED, near=True, decimals=True),
           _Pass(_AFTER_YEAR, near=True, decimals=True),
           _Pass(_SPACED, near=True, decimals=True),
           _Pass(_GLUED, near=True, decimals=False),
           _Pass(_SUPERSCRIPT, near=False, decimals=False, numbers=False),
           _Pass(_GLUED, near=False, decimals=True),
           _Pass(_BRACKETED, near=False, decimals=False, numbers=False, holds="["),
           _Pass(_GLUED, near=True, decimals=False, commas=False))


def _stood_in(standing: dict[str, str]) -> list[tuple[re.Pattern[str], dict[int, int]]]:
    """A marker set in superscript figures of which some the character map took for quotes
    (``exchange’⁰``, ``hours’``): glued to a word or a stop, before no letter, with one
    quote at least; and how its characters read as figures."""
    if not standing:
        return []
    quotes = re.escape("".join(standing))
    chars = f"{SUPERSCRIPTS}{quotes}"
    pattern = re.compile(rf"(?<=[^\W{SUPERSCRIPTS}]|[{WORD_CLOSES}])"
                         rf"(?P<n>(?=[{chars}]{{0,2}}[{quotes}])[{chars}]{{1,3}})(?![{chars}]|[^\W\d_])")
    return [(pattern, str.maketrans({q: f.translate(_FIGURES) for q, f in standing.items()})
             | _FIGURES)]


def _find(texts: list[Slot], start: int, note: Note, holding: dict[re.Pattern[str], list[int]],
          passes: tuple[_Pass, ...], owned: Counter[str]) -> tuple[int, int, int] | None:
    """The next marker of ``note`` from slot ``start``: (slot, start, end) or None;
    ``owned`` counts each word the text prints with a plural's apostrophe.
    A pass taken only near the cited page stops past it; one taken anywhere reads only
    the slots its pattern finds anything in (``holding``); one of quotes' stand-ins is taken
    anywhere only for a note citing no page (a work's own notes: an apostrophe pages
    from the page a note cites is no marker of it)."""
    for kind in passes:
        pattern, near = kind.pattern, kind.near
        if kind.unpaired and not near and note.cited_page:
            continue
        if near:
            at: range | list[int] = range(start, len(texts))
        else:
            found = holding[pattern]
            at = found[bisect.bisect_left(found, start):]
        for index in at:
            slot = texts[index]
            if near and not _near(slot.page, note.cited_page):
                if _beyond(slot.page, note.cited_page):
                    break
                continue
            if not kind.may_hold(slot.text.text):
                continue
            for m in pattern.finditer(slot.text.text):
                if m["n"].translate(kind.figures or _FIGURES) == note.number \
                        and not _taken(slot.text.text, m.start("n"), m.end("n"), kind) \
                        and not (kind.unpaired and _quoting(slot, m, kind, owned)):
                    return (index, *m.span("mark" if "mark" in pattern.groupindex else "n"))
    return None


def _beyond(page: str, cited: str) -> bool:
    return page.isdigit() and cited.isdigit() and int(page) > int(cited) + _PAGE_SLACK


# a number's comma (not a year's: ``1921,``), an abbreviation (not ``leadership.``), or
# ``No.`` but not the word answering a question, a sentence of its own (``cotton? No.9 He``)
_COMMA = r"(?<!\d\d\d)\d,"
_NUMBER_BEFORE = re.compile(rf"(?:{_COMMA}|\b(?:pp?|Vol)\.|(?<![.?!]\s)\bNo\.|§)\s*$")
_DECIMAL_BEFORE = re.compile(r"(?<!\d\d\d)\d\.\s*$")
_COMMA_BEFORE = re.compile(rf"{_COMMA}\s*$")


_SINGLES = re.compile(r"\u2018|(?<![^\W\d_])\u2019|\u2019(?![^\W\d_])")  # no apostrophe's
_POSSESSIVE = re.compile(r"[^\W\d_]*[sS]\u2019(?![^\W\d_])")  # a plural's apostrophe, its
# word (in capitals too: a title's ``WORKERS’``)


def _quoting(slot: Slot, m: re.Match[str], kind: _Pass, owned: Counter[str]) -> bool:
    """Whether the stand-ins ``m`` found are quotes: one closes a quote the paragraph
    opened before it, or an apostrophe follows an ``s`` (not ``ss``) where ``kind`` takes
    no plurals, or (unless it takes recurring ones) where the text prints its word so again
    (``owned``)."""
    text = slot.text.text
    if m.start() and text[m.start() - 1] in "sS" and text[m.start()] == "\u2019":
        word = re.split(r"[\W\d_]", text[:m.start()])[-1].lower()
        # a plural's ``s`` follows a word ending in none (``less’`` is none: ``classes’``)
        if not word.endswith("ss") and (
                not kind.plurals or (not kind.recurring and owned[f"{word}\u2019"] > 1)):
            return True
    # the paragraph's text before this run (a page turning inside it parts its texts)
    at = next(i for i, item in enumerate(slot.owner) if item is slot.text)
    before, after = ("".join(item.text for item in items if isinstance(item, Text))
                     for items in (slot.owner[:at], slot.owner[at + 1:]))
    figured = m.end("n") - m.start("n") > 1  # (figures run on from a stand-in: ``”⁶``)
    return any(_closes(before + text + after, len(before) + i, figured)
               for i in range(*m.span("n")))


def _closes(text: str, at: int, figured: bool) -> bool:
    """Whether the quote at ``text[at]`` closes one the text opened before it (quotes
    pair up: a closing quote after as many opened as closed closes none), and, where
    figures run on from it (``figured``), the next quote after it, if any, opens one: a
    quote closes once, so where the next closes too, that one closes it (``internal”⁶
    Party policy,”``: ``internal²⁶``, the marker ``²⁶``).  A lone stand-in is asked only
    the first: the next may be a speck or a one-figure marker read as a quote
    (``“national” interests … towards” local``).  (``charmap``'s ``_closer`` asks before
    the repair which of rival characters is the closing quote: each opening quote's vote
    goes to the first of them after it, not to a known quote's depth.)"""
    before, rest = text[:at], text[at + 1:]
    if text[at] == "\u201d":
        later = re.search("[\u201c\u201d]", rest)
        return before.count("\u201c") > before.count("\u201d") and (
            not figured or later is None or later[0] == "\u201c")
    if text[at] == "\u2019":
        singles, later = _SINGLES.findall(before), _SINGLES.findall(rest)
        return singles.count("\u2018") > len(singles) - singles.count("\u2018") and (
            not figured or not later or later[0] == "\u2018")
    return False


def _taken(text: str, at: int, end: int, kind: _Pass) -> bool:
    """Whether a number glued to punctuation is really part of a number or a reference,
    as far as ``kind`` of marker can be (after a number's point, a decimal's figures), or
    a point's label: plain figures closing a parenthesis that none opened (``are: 1) To``,
    after no parenthesis or a closed one, a label's: ``a) … b) 2) To``; a marker closes an
    open one: ``(the Conference 48)``)."""
    before = text[:at]
    return bool((kind.numbers and ((_NUMBER_BEFORE.search(before) and (
                    kind.commas or end - at == 3 or not _COMMA_BEFORE.search(before))) or (
                    text.startswith(")", end) and before.rfind("(") <= before.rfind(")"))))
                or (kind.decimals and _DECIMAL_BEFORE.search(before)))


def _split(slot: Slot, begin: int, end: int, *nodes: Inline) -> None:
    """Replace ``slot.text[begin:end]`` by ``nodes`` inside its owner list; the slot keeps
    the text before them, so earlier matches in the same text can be split next."""
    text = slot.text.text
    index = next(i for i, item in enumerate(slot.owner) if item is slot.text)
    head = Text(text[:begin])
    pieces: list[Inline] = [head] if head.text else []
    pieces.extend(nodes)
    if text[end:]:
        pieces.append(Text(text[end:]))
    slot.owner[index:index + 1] = pieces
    slot.text = head if head.text else slot.text


def link_pages(blocks: list[Block]) -> int:
    """Turn "this volume, p. 206" into PageRefs to that printed page; return how many."""
    count = 0
    for slot in slots(blocks):
        for m in reversed(list(_VOLUME_REF.finditer(slot.text.text))):
            refs = m["refs"]
            nodes: list[Inline] = []
            pos = 0
            for r in _ONE_REF.finditer(refs):
                if r.start() > pos:
                    nodes.append(Text(refs[pos:r.start()]))
                nodes.append(PageRef(r["page"], [Text(r[0])]))
                pos = r.end()
            _split(slot, m.start("refs"), m.end("refs"), *nodes)
            count += sum(isinstance(n, PageRef) for n in nodes)
    return count


def endnotes(st: Structure) -> None:
    """The structure pass: link the body's endnote markers, and say where a note has no
    marker or its marker stands on another page than the note says."""
    placed = link_endnotes(st.body, st.notes, standing=st.layout.charmap.standing())
    for note in st.notes:
        page = placed.get(note.id)
        if page is None:
            report("n-001", f"note {note.number} (cited p. {note.cited_page}) has no marker "
                   "in the text", page=note.cited_page)
        elif page != note.cited_page:
            report("n-002", f"note {note.number} says p. {note.cited_page}, its marker stands "
                   f"on p. {page}", page=page)


def page_refs(st: Structure) -> None:
    """The structure pass: link "this volume, p. N" in the body, footnotes and notes."""
    for blocks in (st.body, *(f.blocks for f in st.draft.footnotes),
                   *(n.blocks for n in st.notes)):
        link_pages(blocks)
