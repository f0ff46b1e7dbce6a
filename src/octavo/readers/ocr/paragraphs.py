"""Lines into blocks: headings, paragraphs, points, datelines, asterisms, page markers,
and stanzas of verse (``verse`` finds their lines: each kept a line, a quotation of its own).

Where the scan kept the print's indents, or blank lines between paragraphs, they tell
where a paragraph opens (``indents``).  Elsewhere they are lost, so a paragraph ends
where its last line falls short of the measure after a sentence end and the next line
opens like a sentence, or fills it but the next line is indented (justified lines vary by some
7% in width, so the longer a paragraph has run, the fuller a last line may be, and an
indented first line is full some 4% short; a next line that is itself a short sentence
end shows no indent, unless its opener is likely);
what the next sentence opens with (``openers``) tips an ambiguous width either way.
Where the volume's widths bear it out, the fit test (``fit``) decides instead: a sentence
end that leaves room for the next word (surely, the widths' error allowed twice) ends a
paragraph, as does one before a line that runs on but leaves such room (a paragraph's
first line, its indent lost; after a page's last line, the next page's first holds that
word); where neither shows, the fit test's odds (with the paragraph's length so far and
the lines to the next clear end), the opener's (shrunk towards those of openings with or
without a comma after their first word) and how much of the paragraph's rarer words the
next lines take up (``cohesion``) decide.
Otherwise a paragraph runs on, across page breaks too.  A work's title on its opening
page (``Page.title``: the contents told it) is a heading, whatever its case; display
lines (capitals, roman numerals; a heading runs on over no page break) and the short
labels over them, numbered points and section heads, dates,
asterisms, an interview's answers and the note and chronicle entries start blocks of
their own, and a signature stands alone; a full stop closes a run-in list of points.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field, replace

from ... import forked
from ...tree import (
    Asterism,
    Block,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    PageMarker,
    Paragraph,
    ParagraphRole,
    Quote,
    Text,
)
from ..textlines import AFTER_STOP, LONG_WORD, STOPS, ends_sentence, title_cased
from . import fit, indents, verse, words
from .cohesion import AHEAD, Cohesion
from .contents import lists
from .entrypages import contents_line
from .lines import (
    ARABIC_LINE,
    ARTICLE_END,
    NOTE_START,
    NUMERAL_LINE,
    SENTENCE_END,
    SHORT,
    SIGNATURE,
    YEAR_LINE,
    is_dated,
    is_display,
    is_label,
    is_number_label,
    is_salutation,
    is_signature,
    letter_spaced,
    line_kind,
    names_notes,
    runs_on,
    section_number,
)
from .measure import WIDE, measure, width
from .openers import Openers
from .pages import Page, running, unspace
from .titles import is_capitals

# a full stop, not a colon: a list may follow
FULL_STOP = ends_sentence(STOPS)
QUESTION = ends_sentence("?")
INNER_END = re.compile(rf"[a-z]{{2}}[{STOPS}][{AFTER_STOP}]?\s+[A-Z“]")  # a sentence ended inside:
# a word's last two letters in lower case (not an initial's, ``J. Stalin``, nor an
# abbreviation's in capitals, ``R.C.P.(B.)``), its stop, the next sentence's capital
REPLY = re.compile(r"^\u2014[A-Z]")  # a dash opens an interview's answer
DASHES = ("\u2014", "\u2013")  # a source's dash under a quotation (``textlines.NAME_LINE``)
TITLE_END = re.compile(r"[A-Z.)]\d{1,3}$")  # a title ends with its endnote number
NUMBERED = re.compile(r"^\d{1,2}\. ")
INITIAL_END = re.compile(r"(?<![.\w])[A-Z]\.$|\([A-Z]\.\)$")  # ``V.``, ``(B.)``: no sentence's end
PARENTHESIS = re.compile(r"^\(.*\)\.?$")
NEAR = 1.03  # … as does one up to the full measure when the next line is indented,
INDENT = 0.93  # i.e. the next line is narrower than this share of the measure
FIRST_INDENT = 0.04  # a paragraph's indent: its first lines run this much narrower (medians)
LONG, LONG_NEAR = 15, 1.12  # a paragraph this many lines long ends even after a full line
SMALL_TYPE = 1.1  # lines this much wider than the measure on average are in smaller type
DISPLAY = 0.8  # lines all narrower than this are display lines (a subtitle), not text: of the
# sample's blocks of two lines or more, those whose widest line falls short of 0.76 are
# subtitles and sources, the text's reach 0.87 and more (one subtitle too)
LEAN = 0.04  # thresholds move this much per unit of the next opener's log-odds: about what
# one unit of log-likelihood is worth in line width near SHORT, where widths vary by 6.6%
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
# Where the odds decide, a missed end spoils two paragraphs (run together) and a false one
# one (cut in two): an end is called at odds of 1 to 2, where either choice spoils as many
EVEN = math.log(1 / 2)
CHILD_SHARE = 0.5  # of the texts' characters whose inlines the other core reads


def measures(pages: list[Page], reach: int = 2) -> list[float]:
    """Each page's text measure: the median width of the long lines on the pages around it."""
    widths = [[w for ln in p.lines if (w := width(ln)) >= WIDE] for p in pages]  # (the
    # lines ``measure`` counts, each page's sorted out once, not once a window)
    return [measure([w for ws in widths[max(0, i - reach) : i + reach + 1] for w in ws])
            or 24.0 for i in range(len(pages))]


@dataclass
class Builder:
    """Accumulates lines into blocks, one open block at a time."""

    vocab: words.Vocabulary
    openers: Openers
    fit: fit.Fit
    cohesion: Cohesion
    indents: indents.Indents
    blocks: list[Block] = field(default_factory=list)
    kind: str = ""  # what the open block is: "", "heading", "paragraph", "asterism"
    role: ParagraphRole = ParagraphRole.BODY
    text: str = ""
    lines: int = 0
    last: str = ""
    measure: float = 24.0
    page: int = 0  # the index of the page being read
    at: int = 0  # … and of the line on it
    overleaf: str = ""  # the next page's first line (of the running text: ``running``)
    coming: list[str] = field(default_factory=list)  # the lines after this one (over the
    # page too), as many as ``cohesion`` weighs
    marker: str = ""  # a page that began and is not yet placed
    before_last: str = ""  # the open block's text before its last line
    widths: list[float] = field(default_factory=list)  # its lines' widths / the measure
    closed: tuple[str, str] = ("", "")  # the last closed block's role (or kind) and text
    unread: list[tuple[Heading | Paragraph, str]] = field(default_factory=list)  # blocks
    # whose inlines are read from their text once all are joined (``read_inlines``)
    called: set[tuple[int, int]] = field(default_factory=set)  # the lines, by page and
    # place, a paragraph's end was called before (``ends_paragraph``)
    section: int = 0  # the number of the work's last numbered section head (``section_head``)
    verse: set[verse.Place] = field(default_factory=set)  # the verse lines (``verse.find``)
    shifts: tuple[int, int] = (0, 0)  # how far in the last line and this one stand (``indents``)
    opening: str = ""  # the line being read, as the page has it (its indent and gap kept)

    def close(self) -> None:
        """Close the open block and add it to the blocks."""
        if self.kind == "heading":
            heading = Heading([])
            self.blocks.append(heading)
            self.unread.append((heading, self.text))
        elif self.kind == "paragraph":
            role = self.role
            if not role and self.lines == 1 and not SENTENCE_END.search(self.text):
                role = ParagraphRole.LINE
            paragraph = Paragraph([], role=role)
            self.unread.append((paragraph, self.text))
            small = not role and self.type_size() > 1.0
            if role == ParagraphRole.VERSE:
                self.blocks.append(Quote([paragraph]))  # a stanza quoted
            elif small and self.blocks and isinstance(self.blocks[-1], Quote):
                self.blocks[-1].blocks.append(paragraph)  # a quotation's next paragraph
            elif small and self.text.startswith("“"):
                self.blocks.append(Quote([paragraph]))
            else:
                self.blocks.append(paragraph)
        elif self.kind == "asterism":
            self.blocks.append(Asterism())
        if self.kind:
            self.closed = (self.role or self.kind, self.text)
        self.kind, self.role, self.text, self.lines = "", ParagraphRole.BODY, "", 0

    def open(self, kind: str, line: str, role: ParagraphRole = ParagraphRole.BODY) -> None:
        """Close the open block and open a new one with ``line``."""
        self.close()
        if self.marker:
            self.blocks.append(PageMarker(self.marker))
            self.marker = ""
        self.kind, self.role, self.text, self.lines = kind, role, line, 1
        self.widths = [width(line) / self.measure]

    def extend(self, line: str) -> None:
        """Run ``line`` on in the open block (a page marker goes where the page began)."""
        before = len(self.text)
        self.before_last = self.text
        joined = words.join_lines(self.vocab, self.text, line)
        if self.marker:
            at = joined.find(" ", max(before - 1, 0))
            at = len(joined) if at < 0 else at
            joined = joined[:at] + MARK_OPEN + self.marker + MARK_CLOSE + joined[at:]
            self.marker = ""
        self.text, self.lines = joined, self.lines + 1
        self.widths.append(width(line) / self.measure)

    def verse_line(self, line: str) -> None:
        """Take a line of verse: the next of the open stanza's, each kept a line (``\n``
        between them; a page that began before it marked at its start), else a stanza's first."""
        if self.role != ParagraphRole.VERSE:
            self.open("paragraph", line, ParagraphRole.VERSE)
            return
        mark = MARK_OPEN + self.marker + MARK_CLOSE if self.marker else ""
        self.text, self.lines, self.marker = f"{self.text}\n{mark}{line}", self.lines + 1, ""
        self.widths.append(width(line) / self.measure)

    def split_signature(self) -> None:
        """Before a dateline: set the open paragraph's last line apart when it is a short
        line that ends no sentence (a signature ``Stalin``, a source ``Pravda, No. 6,``)."""
        last = self.last.strip()
        if (self.kind != "paragraph" or SENTENCE_END.search(last) or self.under_title()
                or width(last) > SIGNATURE * self.measure):
            return  # not a signature; under a title, the end of a subtitle
        if self.lines > 1:
            marks = words.PAGE_MARK.findall(self.text)
            if len(marks) > self.before_last.count(MARK_OPEN):  # the last line opened a
                self.marker = marks[-1]  # page: its marker goes before it, not with it
            self.text, self.lines = self.before_last, self.lines - 1
            self.close()
            self.open("paragraph", last)
        self.role = ParagraphRole.LINE

    def subtitle_ends(self, line: str, ahead: list[str]) -> bool:
        """Whether ``line`` under a title's open subtitle begins something else: a subtitle
        runs on in its own case (a title-cased one ends where a line with a word in lower
        case begins: the text's, an epigraph's; and so does a date with its place, whose
        short words no title case tells: ``Zurich, May 1854``), and its last line, over the
        text's full lines or a heading, ends in no comma (``Dear Comrade Kautsky,`` there is
        a letter's salutation; and so is one over a line with a word in lower case under a
        title-cased subtitle, that ended there: the text's first line, short by its indent);
        a salutation falls short of the measure, as a text's full line ending in a comma does
        not (under a text's first line, short before a long word)."""
        def lower(text: str) -> bool:
            return any(w[0].islower() for w in LONG_WORD.findall(text))

        titled = title_cased(self.text) or is_dated(self.text)
        last = not ahead or width(ahead[0]) >= SHORT * self.measure or is_display(ahead[0]) \
            or (titled and lower(ahead[0]))
        return (titled and lower(line)) or (last and is_salutation(line)
                                             and width(line) < SHORT * self.measure)

    def breaks_word(self, last: str, line: str) -> bool:
        """Whether a word breaks between ``last`` and the next ``line``: at its hyphen, or
        where the scan lost it (``Commis`` / ``sars;``, ``Vocabulary.lost_join``)."""
        return last.endswith("-") or words.join_lost(self.vocab, last, line)

    def subtitle_shaped(self, line: str) -> bool:
        """Whether the open block is set as a subtitle: display lines, or one line in title
        case as wide as text (``one_line_subtitle``)."""
        return max(self.widths) < DISPLAY or self.one_line_subtitle(line)

    def one_line_subtitle(self, line: str) -> bool:
        """Whether the open block may be a subtitle of one line in title case, which may run
        as wide as text: one line, whole (no display line breaks a word into the next
        ``line``, as a text's first line in title case may), that opens no numbered point
        (``1) The turn in 1904-05 (the Russo-Japanese``) nor any other role."""
        return self.lines == 1 and not self.role and title_cased(self.text) \
            and not self.breaks_word(self.last.strip(), line)

    def under_title(self) -> bool:
        """Whether the open block follows a heading (page markers aside)."""
        for block in reversed(self.blocks):
            if not isinstance(block, PageMarker):
                return isinstance(block, Heading)
        return False

    def in_list(self) -> bool:
        """Whether the open block follows a point that ends in a semicolon or a comma
        (a run-in list's item: ``b) assisting peasant farming …;``)."""
        role, text = self.closed
        return role == ParagraphRole.POINT and text.rstrip().endswith((";", ","))

    def type_size(self) -> float:
        """How much wider the open paragraph's full lines run than the measure: above 1
        for the print's smaller type (quotations, editorial notes), else 1."""
        full = self.widths[:-1] if len(self.widths) > 2 else self.widths
        scale = statistics.median(full) if len(full) >= 2 else 1.0
        return scale if scale > SMALL_TYPE else 1.0

    def ends_paragraph(self, line: str, ahead: list[str]) -> bool:
        """Whether the open paragraph ends before ``line`` (short last line, sentence end,
        or a quotation in smaller type set off after a colon; ``ahead``: the lines after)."""
        last = self.last.strip()
        if ARTICLE_END.search(last):
            return False  # no block ends in an article: a short line so (a paragraph's
            # indented first line, before a long word) is no subtitle, nor a paragraph's end
        indent = self.first_indent(last) if self.lines == 1 else 0.0
        if (max(self.widths) < DISPLAY and (self.lines > 1 or self.under_title())
                and all(width(ln) >= SHORT * self.measure for ln in [line, *ahead[:1]])
                and (not self.fit.trusted or self.fit.passes(self.page, last, line, indent))):
            return True  # display lines (a subtitle) end where the text's full lines begin
            # (where the widths are trusted, a line the next word did not fit after runs
            # on, a paragraph's first line too: the next word did not fit after its indent)
        if self.under_title() and self.subtitle_shaped(line) and self.subtitle_ends(line, ahead):
            return True  # display lines, or one in title case as wide as text
        if line.startswith(DASHES) and is_signature(line, self.measure) \
                and SENTENCE_END.search(last):
            return True  # a source after a dash, under an epigraph or a quotation that ends
            # in a colon or a semicolon as well as a stop (``— K. Marx``), has its own line
        if self.indents.tell and (told := self.indents.opens(
                self.opening, self.shifts[1], last, self.shifts[0], self.measure)) is not None:
            return told  # the scan kept the print's indents
        if (width(line) < DISPLAY * self.measure and not FULL_STOP.search(last)
                and self.under_title()
                and (self.subtitle_shaped(line) or not INNER_END.search(self.before_last))):
            return False  # a subtitle runs on to its end (``… Agenda:`` ``“The … Case”``);
            # lines as wide as text that end a sentence inside are none (fresh 1635)
        if last.endswith(":") and line.startswith("“") and self.type_size() == 1.0:
            wide = [width(ln) / self.measure for ln in [line, *ahead]]
            if len(wide) >= 3 and statistics.median(wide) > SMALL_TYPE:
                return True
        opens = line[:1].isupper() or line[:1] in "“‘(\u2014\u2026"
        if opens and self.lines == 1 and is_signature(last, self.measure):
            return True  # a signature (``J. Stalin``) or a letter's close stands alone
        if opens and ahead and is_display(ahead[0]) and is_label(line, self.measure):
            return True
        if not (SENTENCE_END.search(last) and opens) or INITIAL_END.search(last) \
                or self.vocab.abbreviated(last):
            return False
        if QUESTION.search(last) and REPLY.match(line):
            return True  # an interview's answer
        if self.role == ParagraphRole.POINT and FULL_STOP.search(last) and self.in_list():
            return True  # a full stop closes a list whose items end in semicolons
        if self.fit.trusted:  # room for the next word, or for the one after (an indent)
            after = ahead[0] if ahead else self.overleaf  # at a page's foot, the next page's
            if self.fit.settles(self.page, last, line, indent) or (
                    after and runs_on(line, after) and self.fit.settles(self.page, line, after)):
                return True
            return self.fit.first_line(self.page, line) and (  # else weigh the odds
                self.fit.odds(self.page, line, indent, self.lines, self.at, after, last)
                + self.openers.odds(line, backoff=True)
                + self.cohesion.odds(self.text, [line, *self.coming],
                                     self.fit.until[self.page][self.at]) > EVEN)
        size = self.type_size()
        ratio = self.widths[-1] / size  # the last line against its own page's measure
        near = LONG_NEAR if self.lines >= LONG and FULL_STOP.search(last) else NEAR
        if self.lines == 1 and FULL_STOP.search(last):  # not a list's item (``…;``)
            near -= FIRST_INDENT  # a paragraph's indented first line is full that much short
        lean = LEAN * self.openers.odds(line)
        indent = INDENT + max(lean, 0)  # a likely opener's first line may run fuller
        indented = width(line) < indent * self.measure * size and not letter_spaced(line)
        if lean <= 0 and SENTENCE_END.search(line) and width(line) < SHORT * self.measure:
            indented = False  # a short line ending a sentence ends a paragraph: no indent shows
        return ratio < SHORT + lean or (ratio < near + lean and indented)

    def first_indent(self, last: str) -> float:
        """How far short of the measure the open paragraph's first line ``last`` was set,
        in ems: the volume's indent, learnt from the widths, or the line's own where the
        scan kept it further in (``indents.ems``, as ``indents.opens`` counts it: indents
        drawn anew for each paragraph are not all the learnt one)."""
        return max(self.fit.indent, indents.ems(last, self.shifts[0]))

    def section_head(self, line: str, ahead: list[str]) -> bool:
        """Whether ``line`` heads a numbered section the contents does not list (``2. The
        Question Stated``): a short numbered line ending in no stop, numbered next in the
        work (or first), over a line that opens a paragraph; a numbered point runs on into
        its next line, or ends in a stop, a comma or a figure."""
        number = section_number(line, self.measure)
        after = ahead[0] if ahead else self.overleaf
        if not number or number not in (1, self.section + 1) or not after[:1].isupper() \
                or line_kind(after, line) != "text":
            return False
        self.section = number
        return True

    def numeral(self, line: str, ahead: list[str]) -> bool:
        """Whether ``line``, a number alone, is a section's numeral in figures: over a line
        in capitals (its title), as a roman numeral alone heads a section (``II``)."""
        if not (ARABIC_LINE.match(line) and ahead and is_display(ahead[0])):
            return False
        self.section = int(line.rstrip("."))
        return True

    def next_note(self, line: str) -> bool:
        """Whether ``line`` opens the note after the open one: its number the next, after a
        sentence's end (a work's notes after it cite no page, whose end would say so)."""
        return self.role == ParagraphRole.NOTE and bool(FULL_STOP.search(self.last.strip())) \
            and bool(m := NOTE_START.match(line)) and bool(n := NOTE_START.match(self.text)) \
            and int(m[0]) == int(n[0]) + 1

    def notes_after(self, line: str) -> bool:
        """Whether ``line`` is a heading naming notes under a heading of its own (a work's
        closing signature, ``MAO TSE-TUNG`` over ``NOTES``), not the word that qualifies it
        (``EXPLANATORY`` / ``NOTES``): the open heading is more than one word."""
        return names_notes(line) and len(self.text.split()) > 1

    def title(self, line: str, first: bool) -> None:
        """Take a line of a work's title (which ``pages`` told by the contents, whatever
        its case): a heading of its own, opened by its first line."""
        line = line.strip()
        if first:
            self.open("heading", line)
            self.section = 0
        else:
            self.extend(line)
        self.last = line

    def over_title(self, line: str, role: ParagraphRole) -> None:
        """Take a line set over a work's title (``pages`` told it) as a block of its own:
        a date (``role``: a dateline), or the work's number's label (``No. 6``: a line)."""
        self.open("paragraph", line.strip(), role)
        self.close()
        self.last = line.strip()

    def feed(self, line: str, ahead: list[str]) -> None:
        """Take the next line of the running text (``ahead``: the page's next lines)."""
        self.shifts = (self.shifts[1], self.indents.shift(self.page, line))
        self.opening, line = line, line.strip()
        if (self.page, self.at) in self.verse:
            self.verse_line(line)
            self.last = line
            return
        if self.role == ParagraphRole.VERSE:  # prose after a stanza: a paragraph of its own
            self.close()
        kind = line_kind(line, self.last.strip(), turned=not self.at)
        if kind == "heading" and self.kind == "paragraph" and is_display(self.last) \
                and not SENTENCE_END.search(self.last.strip()):
            kind = "text"  # (a paragraph's run of capitals going on: ``CAPITALS_GOING_ON``)
        if kind == "text" and self.next_note(line):
            kind = "note"
        if kind == "text" and self.numeral(line, ahead):
            kind = "heading"
        if kind in ("point", "text") and self.section_head(line, ahead):
            self.open("heading", line)
            self.close()
        elif kind == "asterism":
            if self.kind != "asterism":
                self.open("asterism", "")
        elif kind == "heading":
            if (self.kind == "heading" and self.at and not NUMERAL_LINE.match(self.text)
                    and not NUMERAL_LINE.match(line)  # a section's numeral under a title
                    and not TITLE_END.search(self.last) and not NUMBERED.match(line)
                    and not (is_number_label(line) and " " not in self.text)  # (a label
                    # under one word, a signature's, ``PUBLIUS`` / ``NUMBER VI``, heads a title)
                    and not YEAR_LINE.match(line) and not self.notes_after(line)
                    and (is_capitals(self.last) or not is_capitals(line))):  # (a name in
                self.extend(line)  # capitals under a title in title case: a line of its own)
            else:
                self.open("heading", line)
        elif kind == "dateline":
            self.split_signature()
            self.open("paragraph", line, ParagraphRole.DATELINE)
            self.close()
        elif kind in ("point", "note", "entry"):
            self.open("paragraph", line, ParagraphRole(kind))
        elif self.kind == "paragraph" and not self.ends_paragraph(line, ahead):
            self.extend(line)
        else:
            if self.kind == "paragraph":
                self.called.add((self.page, self.at))
            self.open("paragraph", line)
            if PARENTHESIS.match(line) and self.blocks and (
                    not isinstance(self.blocks[-1], Paragraph | PageMarker)
                    or getattr(self.blocks[-1], "role", "") == ParagraphRole.DATELINE):
                self.role = ParagraphRole.LINE
                self.close()
        self.last = line


def running_text(pages: list[Page], read: list[bool] | None = None) -> list[list[str]]:
    """Each page's lines of running text: a numbered page's, not the contents' (``read``:
    which pages are read, ``pages.running``, if asked already)."""
    return [p.lines if r and not lists(p) else []
            for p, r in zip(pages, running(pages) if read is None else read, strict=True)]


def learn_fit(pages: list[Page], page_measures: list[float],
              text: list[list[str]] | None = None) -> fit.Fit:
    """The fit test, learnt from the running text of the numbered pages (``text``, if
    taken already: ``running_text``)."""
    return fit.learn(running_text(pages) if text is None else text, page_measures)


@dataclass
class Learnt:
    """What the pass learns of the pages before it joins their lines."""

    measures: list[float]  # each page's
    openers: Openers
    fit: fit.Fit
    cohesion: Cohesion
    indents: indents.Indents
    verse: set[verse.Place]  # the verse lines, as the fit test tells them (``verse.find``)

    def with_fit(self, fitted: fit.Fit, pages: list[Page], read: list[bool]) -> Learnt:
        """The same with another fit test, and the verse lines of the ``pages`` (those
        ``read``, ``pages.running``) as it tells them."""
        return replace(self, fit=fitted, verse=verse.find(pages, self.measures, fitted, read))


def learn(pages: list[Page], page_measures: list[float]) -> Learnt:
    """The openers, fit test, cohesion, indents and verse lines of pages whose measures are
    given (``measures``)."""
    read = running(pages)
    text = running_text(pages, read)
    fitted = learn_fit(pages, page_measures, text)
    return Learnt(page_measures, Openers([p.lines for p in pages], page_measures,
                                         fitted.passes if fitted.trusted else None), fitted,
                  Cohesion(text if fitted.trusted else [],  # (only the fit's odds use it)
                           page_measures if fitted.trusted else []),
                  indents.learn(text, page_measures),
                  verse.find(pages, page_measures, fitted, read))


def build_blocks(pages: list[Page], vocab: words.Vocabulary,
                 learnt: Learnt | None = None) -> list[Block]:
    """The running text of the numbered pages as blocks, with a marker for every page
    (``learnt``: what ``learn`` learns of them, if learnt already); a trusted fit test is
    learnt again from the ends the first reading called, and the pages read again."""
    learnt = learnt or learn(pages, measures(pages))
    read = running(pages)
    builder = joined(pages, vocab, learnt, read)
    if learnt.fit.trusted:  # how soon paragraphs end, learnt again from the ends called
        refit = fit.refit(learnt.fit, running_text(pages, read), learnt.measures,
                          builder.called)
        builder = joined(pages, vocab, learnt.with_fit(refit, pages, read), read)
    read_inlines(builder.unread, vocab)
    return builder.blocks


def joined(pages: list[Page], vocab: words.Vocabulary, learnt: Learnt,
           read: list[bool] | None = None) -> Builder:
    """A builder that has read the pages' lines into blocks (their inlines not yet read;
    ``read``: which pages are, ``pages.running``, if asked already)."""
    read = running(pages) if read is None else read
    builder = Builder(vocab, learnt.openers, learnt.fit, learnt.cohesion, learnt.indents,
                      verse=learnt.verse)
    for at, (page, page_measure) in enumerate(zip(pages, learnt.measures, strict=True)):
        if not read[at] or ((listing := lists(page)) and not page.folio):
            continue
        builder.measure, builder.page = page_measure, at
        if listing:
            builder.close()
            builder.blocks.append(PageMarker(page.folio))
            builder.blocks.extend(
                Heading([Text(unspace(ln))]) if unspace(ln) != ln.strip() and is_display(ln)
                else Paragraph([Text(contents_line(ln))], role=ParagraphRole.LINE)
                for ln in page.lines)
            builder.last = ""
            continue
        if page.folio:  # (a part of a page without: read on, no marker of its own)
            if builder.marker:  # an empty page: place its marker at once
                builder.close()
                builder.blocks.append(PageMarker(builder.marker))
            builder.marker = page.folio
        overleaf = pages[at + 1].lines if at + 1 < len(pages) and read[at + 1] else []  # (a
        # part read on too, its folio gone with another part)
        builder.overleaf = overleaf[0] if overleaf else ""
        over = overleaf[: AHEAD - 1]  # (as many of its lines as may come next)
        for builder.at, line in enumerate(page.lines):
            builder.coming = [*page.lines[builder.at + 1 : builder.at + AHEAD], *over][: AHEAD - 1]
            if builder.at < page.title_at:  # a date over the title, its number's label,
                if is_dated(line):  # or a speck: none
                    builder.over_title(line, ParagraphRole.DATELINE)
                elif is_number_label(line):
                    builder.over_title(line, ParagraphRole.LINE)
            elif builder.at < page.title_at + page.title:
                builder.title(line, first=builder.at == page.title_at)
            else:
                builder.feed(line, page.lines[builder.at + 1 : builder.at + 3])
    builder.close()
    return builder


def lined(text: str, vocab: words.Vocabulary) -> list[Inline]:
    """A block's text as inlines (``words.inlines``, the words mended), a line break
    between a stanza's lines (``\n``)."""
    out: list[Inline] = []
    for n, line in enumerate(text.split("\n")):
        out += [LineBreak()] * bool(n) + words.inlines(vocab.mend(line), vocab)
    return out


def read_inlines(unread: list[tuple[Heading | Paragraph, str]], vocab: words.Vocabulary) -> None:
    """Give each block the inlines of its text (``words.inlines``, the words mended): the
    later texts' read on the other core."""
    texts = [text for _, text in unread]
    cut, left = len(texts), CHILD_SHARE * sum(map(len, texts))
    while cut and left > 0:
        cut -= 1
        left -= len(texts[cut])
    read = forked.mapped(lambda text: lined(text, vocab), texts, cut)
    for (block, _), inlines in zip(unread, read, strict=True):
        if isinstance(block, Heading):  # a display line's letter-spacing is not emphasis
            inlines = [Text(i.children[0].text) if isinstance(i, Emphasis) else i
                       for i in inlines]
        block.inlines = inlines
