"""Verse quoted in the running text: the lines of a stanza, kept as lines.

The print sets a stanza (a poem's, a song's, an epigraph's) line by line, indented or
centred, between the paragraphs of prose; the scan keeps its lines but not its indent.
A line may be a verse line by its own look: a text line opening with a capital, holding
no figure (but a note's marker), neither a line of capitalised words (a name, a
signature, a letter's close, a source: ``—Goethe``) nor one in title case (a subtitle's,
an address's, a list of offices': ``The Tenth Congress of the``), and short (narrower
than ``SHORT`` of its page's measure, as a paragraph's last line is), or as wide as
prose where the line above it is short or, the volume's widths trusted (``fit``), left
room for its first word (a stanza's lines in a narrow measure).
A run of two or more such lines is verse where the prose allows none: a short line is a
paragraph's last, so it ends a sentence and the next opens another, while a stanza's
lines run on (one of them, before its last, ends in no sentence's end, and was broken
before the measure required: narrower than the volume's prose lines that run on all but
rarely are, or, the widths trusted, leaving room for the next word: more than a
paragraph's indent where, after a sentence's end, that line may open a paragraph).  The run stands
between prose lines: the line before it ends a sentence (a line that runs on into the
run's first makes that one the paragraph's last), the line after it is text (or a source
over text; a closing's lines have none under them); first lines ending in a stop, a
colon or a question are paragraphs of one line or bring the quotation in (a stanza's
first begins a sentence, or cries out), a last line after a closed sentence is a
paragraph of one line (a stanza's last ends a sentence begun over it), and a last line
that runs on into the text under it is that paragraph's first; nor does a verse line end
in an article (``… calls itself a Soviet, a`` / ``People’s, government!``), unstressed,
where prose set in a narrow measure may break.  Under a
heading, the run is an epigraph where a source follows it (a subtitle has none).
A stanza's lines set off by nothing but their breaks (the print's space between stanzas
is lost as its indent is) read as one stanza; nor is one whose every line ends a sentence
or a clause (``;``) told from one-line paragraphs and lists.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..textlines import (
    CLOSED,
    CLOSES,
    FIGURE,
    NAME_LINE,
    OPENS,
    SUPERSCRIPTS,
    ends_sentence,
    title_cased,
)
from .contents import lists
from .fit import Fit
from .lines import ARTICLE_END, SENTENCE_END, SHORT, letter_spaced, line_kind, runs_on
from .measure import width
from .pages import Page

Place = tuple[int, int]  # a line's page (its index among the pages) and place on it

STOPPED = ends_sentence(".:?")  # a
# full stop, a colon or a question mark ends the line (not an exclamation: a song's cry)
NOTE_MARK = re.compile(rf"(?<=[^\W\d]|[{CLOSES}])"
                       rf"(?:\d{{1,3}}|[{SUPERSCRIPTS}]{{1,3}})$")
RARE = 0.01  # a prose line that runs on falls as short once in a hundred: two such in a row,
# capitalised, between sentence ends, are rarer than one in ten thousand
SOURCE = re.compile(r"^[\u2014\u2013]")  # a dash opens a quotation's source (``—Goethe``)


@dataclass
class Line:
    """A line of the running text in reading order; ``place`` None for a title or heading
    between lines (nothing runs on over it); ``look`` what it may be by its look: "short"
    a verse line, "long" one but for its width, "" neither."""

    text: str
    place: Place | None
    measure: float = 24.0
    look: str = ""


def look(line: str, measure: float) -> str:
    """What a text line may be by its own look: "short", a verse line; "long", one but
    that it is as wide as prose (a stanza's line in a narrow measure; not one ending in a
    broken word); "" neither."""
    if (not OPENS.match(line) or NAME_LINE.match(line) or title_cased(line)
            or FIGURE.search(NOTE_MARK.sub("", line)) or letter_spaced(line)):
        return ""
    return "short" if width(line) < SHORT * measure else "" if line.endswith("-") else "long"


def reading(pages: list[Page], page_measures: list[float], read: list[bool]) -> list[Line]:
    """The running text's lines in order, a boundary (``place`` None) for each title, each
    heading and each page that is not running text (unnumbered, a contents list: ``read``,
    the pages read, ``pages.running``)."""
    out: list[Line] = []
    for i, (page, page_measure) in enumerate(zip(pages, page_measures, strict=True)):
        if not read[i] or lists(page):
            out.append(Line("", None))
            continue
        if page.title:
            out.append(Line("", None))
        for k, line in enumerate(page.lines[page.title_at + page.title:],
                                 page.title_at + page.title):
            line = line.strip()
            before = out[-1].text if out else ""
            if line_kind(line, before) != "text":
                out.append(Line(line, None))
            else:
                out.append(Line(line, (i, k), page_measure, look(line, page_measure)))
    return out


@dataclass
class Breaks:
    """How the volume tells a line broken before the measure required it (a verse line's
    end) from prose that runs on."""

    short: float  # narrower than this share of its measure
    fit: Fit | None  # … or, where its widths are trusted, room left for the next word

    @classmethod
    def learn(cls, pages: list[Page], page_measures: list[float], fitted: Fit | None,
              read: list[bool]) -> Breaks:
        """Narrower than ``SHORT`` and than all but ``RARE`` of the volume's prose lines
        that run on (into a line in lower case) are: a scan's widths are rough (the
        sample's run on from 0.54 of the measure, one in a hundred under 0.80), a
        typesetter's exact (0.9 and more, but in a plain-text wrap)."""
        ratios = sorted(width(a) / m for page, m, r in zip(pages, page_measures, read,
                                                          strict=True)
                        if r for a, b in itertools.pairwise(page.lines)
                        if b[:1].islower() and runs_on(a.strip(), b.strip()))
        short = min(SHORT, ratios[int(RARE * len(ratios))]) if ratios else SHORT
        return cls(short, fitted if fitted and fitted.trusted else None)

    def room(self, line: Line, following: Line, opening: bool = False) -> bool:
        """Whether the volume's widths are trusted and say ``following``'s first word would
        have fitted after ``line`` (where ``line`` may open a paragraph, ``opening``: after
        a sentence's end, on a line a paragraph's indent short of the measure)."""
        return self.fit is not None and line.place is not None and self.fit.passes(
            line.place[0], line.text, following.text, self.fit.indent if opening else 0.0)

    def early(self, line: Line, following: Line, opening: bool = False) -> bool:
        """Whether ``line``, ending no sentence, was broken before ``following`` though
        not for want of room (verse, not prose; where it may open a paragraph, ``opening``,
        the room of more than its indent)."""
        return not SENTENCE_END.search(line.text) and (
            width(line.text) < self.short * line.measure or self.room(line, following, opening))


def find(pages: list[Page], page_measures: list[float], fitted: Fit | None,
         read: list[bool]) -> set[Place]:
    """The places of the running text's verse lines (``page_measures``: each page's;
    ``fitted``: the fit test, where learnt; ``read``: the pages read, ``pages.running``)."""
    lines = reading(pages, page_measures, read)
    breaks = Breaks.learn(pages, page_measures, fitted, read)
    found: set[Place] = set()
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and lines[end].look and (
                lines[end].look == "short" or end == k or lines[end - 1].look == "short"
                or breaks.room(lines[end - 1], lines[end])):
            end += 1  # (two lines as wide as prose in a row are prose, but where the
            # first left room for the next word)
        while k + 1 < end and lines[k].look != "short" and not breaks.room(lines[k],
                                                                           lines[k + 1]):
            k += 1
        if end - k >= 2:
            found.update(ln.place for ln in _stanza(lines, k, end, breaks) if ln.place)
        k = max(end, k + 1)
    return found


def _opening(lines: list[Line], k: int) -> bool:
    """Whether ``lines[k]`` may open a paragraph: the text line over it ends a sentence."""
    return k > 0 and lines[k - 1].place is not None and bool(
        SENTENCE_END.search(lines[k - 1].text))


def _stanza(lines: list[Line], start: int, end: int, breaks: Breaks) -> list[Line]:
    """The verse of a run of verse-like lines ``lines[start:end]``: none where the prose
    allows such a run (see the module's docstring).  A first line that ends the sentence
    of the line over it is that paragraph's last, a last line that runs on into the line
    under it the next one's first: not verse."""
    before = lines[start - 1] if start else Line("", None)
    if before.place and not SENTENCE_END.search(before.text):
        before, start = lines[start], start + 1  # a paragraph's last line
    while end > start and end < len(lines) and lines[end].place \
            and not CLOSED.search(lines[end - 1].text):
        end -= 1  # a paragraph's first line
    if end - start >= 2 and CLOSED.search(lines[end - 2].text):
        end -= 1  # a sentence of one line after a closed one: a paragraph (a stanza's
        # last line ends a sentence begun over it)
    while end > start and STOPPED.search(lines[start].text):
        before, start = lines[start], start + 1  # a paragraph of one line, or one that
        # brings in the quotation (a stanza's first line begins a sentence, or cries out)
    run = lines[start:end]
    if any(ARTICLE_END.search(ln.text) for ln in run[:-1]):
        return []  # prose, broken inside a phrase (``… of a`` / ``Soviet character.``)
    after = lines[end:end + 2]
    sourced = bool(after) and bool(after[0].place) and bool(SOURCE.match(after[0].text)) \
        and NAME_LINE.match(after[0].text) is not None
    if len(run) < 2 or not any(breaks.early(lines[i], lines[i + 1], _opening(lines, i))
                               for i in range(start, end - 1)):
        return []
    if before.place is None:  # under a heading: an epigraph has its source under it
        return run if sourced else []
    if not SENTENCE_END.search(before.text):
        return []
    follows = after[1:2] if sourced else after[:1]
    return run if follows and follows[0].place else []
