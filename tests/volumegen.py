"""A generator of OCR-style volumes from known text, to prove the OCR reader reads the kind.

It typesets paragraphs as a collected-works volume is printed and scanned: justified
lines of a measure (widths from ``measure.width``, in a printer's face or, as a typewriter
or a plain-text wrap sets them, every character alike; the indent of a paragraph's first
line lost), words hyphened at line ends, letter-spaced emphasis, pages with running heads
(the author on versos, a work's short title on rectos) and folios, a contents list with
leaders, works opening on a new page under a title in capitals with a subtitle and a
date, closing lines, footnotes at the page foot, endnotes cited "p. N" in a notes
section; then it mangles the text as a scan does: stand-in characters, boilerplate,
trailing spaces, line ends, form feeds.  ``Volume.expected`` says what the reader should
give back.

The texts are the sample volume's own paragraphs, proofread (``tests/gold``), and Marx's
*Wage Labour and Capital* (``tests/fixtures/texts``), shuffled into works of other titles;
the stanzas some works quote, public-domain English verse (``tests/fixtures/verse``).
Every choice comes from a seeded random generator: the same options give the same volume.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from octavo.readers.ocr.folios import to_roman
from octavo.readers.ocr.measure import FIXED, TIMES, using, width
from octavo.readers.ocr.titles import title_case

GOLD = Path(__file__).parent / "gold"
TEXTS = Path(__file__).parent / "fixtures" / "texts"
STANZAS = Path(__file__).parent / "fixtures" / "verse" / "stanzas.txt"
VERSE_INDENT = 2.0  # ems a quoted stanza is set in from the text's margin (a common indent
# for verse; no stanza line is set wider than the measure less this)
MARKER = re.compile(r"(?<=[A-Za-z.,;:\u201d)])\d{1,3}\b")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NBSP = "\xa0"  # while set, between a spaced word's letters and in "p. N": it never breaks
STAND_INS = {"“": "³", "”": "²", "‘": "Œ", "’": "¹", "—": "‹"}  # the sample scan's
TITLES = ["The Tasks of the Trade Unions", "On the Question of the Land",
          "Letter to the Editors", "The Workers and the Peasants", "Our Tasks in the Villages",
          "The Results of the Congress", "Concerning Two Errors", "A Reply to Critics"]
BACK_MATTER = 400  # the sample volume's notes and chronicle begin after this page
INDEXED = ["Axelrod, P. B.", "Bebel, August", "Guesde, Jules", "Kautsky, Karl",
           "Lassalle, Ferdinand", "Plekhanov, G. V.", "Vandervelde, Emile"]
SECTIONS = ["The Position at Home", "The Position Abroad", "The Tasks Before Us",
            "Some Conclusions"]


@dataclass
class Options:
    """How the volume is printed and scanned."""

    seed: int = 1
    author: str = "K. Marx"
    works: int = 8
    paragraphs: int = 9  # per work, on average
    measure: float = 24.0  # ems, the width of a full line
    lines: int = 32  # lines of text on a page
    indent: float = 1.0  # ems a paragraph's first line is indented in print
    spaced_heads: bool = True  # the verso head letter-spaced (``K. M A R X``)
    folio_outside: bool = False  # a verso's folio before its head
    title_heads: bool = False  # heads in title case (``Our Tasks``, ``K. Marx``), not capitals
    title_case_titles: bool = False  # works' titles in title case on their opening pages
    watermarks: tuple[tuple[str, ...], ...] = (("FROM THE SCANNER", "", "NOT FOR SALE"),)
    every: int = 4  # pages between watermarks
    stamp_at: str = ""  # where the watermark stands: anywhere, or "top", "foot" (its line),
    # "under head" (the page's top, but under the head where it has one)
    misread_stamps: int = 0  # every so many stamps with a letter of a line misread (0: none)
    stand_ins: dict[str, str] | None = field(default_factory=lambda: dict(STAND_INS))
    straight: bool = False  # straight ASCII quotes instead of curly (stand_ins None)
    trailing: bool = True  # lines end in a space, but a page's last (as the sample scan)
    line_end: str = "\n"
    page_break: str = "\n\n"  # or "\n\f", "\f"
    hyphenate: bool = True
    lost_hyphens: int = 0  # every this many words broken at a line's end (not at a
    # compound's own hyphen), the hyphen lost in the scan: ``revolu`` / ``tionary`` (0: none)
    joined_hyphens: bool = False  # a word broken at a line's end (not at a compound's own
    # hyphen) set whole on its line by the scan, its halves joined: the line runs over
    notes: int = 2  # endnotes per work
    notes_title: str = "Notes"  # the notes section's, as the contents lists it
    notes_after_works: bool = False  # each work's notes after it, under NOTES, numbered
    # afresh from 1 and citing no page, and no notes section (FLP's Selected Works)
    work_note_form: str = "{}"  # how a number opens a note after its work: ``{}.`` (``1.``)
    superscript_markers: bool = False  # endnote markers in superscript figures (``word.¹²``)
    note_form: str = "{}"  # how a number opens a note in the notes section: ``{}.`` (``1.``),
    # ``[{}]`` (``[1]``)
    bracketed_markers: bool = False  # endnote markers in brackets (``word.[12]``), as FLP's
    specks: int = 0  # every this many pages a speck the OCR read as a superscript figure,
    # on a line of its own under the head
    footnotes: bool = True
    contents: bool = True  # print a contents list
    heads: bool = True  # print running heads beside the folios (else the folios alone)
    folios: bool = True  # print folios (else a copy that lost them all: the heads alone)
    opening_folios: bool = False  # a work's first page has its folio at the foot
    stray_blanks: int = 0  # every this many pages, a blank line the scan left inside one
    blank_lines: bool = True  # False: every empty line dropped (a copy or an export that
    # drops them: the pages told by their furniture alone)
    wrapped: int = 0  # the lines wrapped anew at so many characters (an editor's hard wrap,
    # ``fold -s``: each longer line cut in two), 0: as printed
    foot_folios: bool = False  # the folios at the pages' foot, the heads above the text alone
    folio_form: str = "{}"  # how a folio is printed: ``— {} —`` between dashes
    lower_roman: bool = False  # the front matter's folios in lower-case roman (``xiv``)
    contents_at_end: bool = False  # the contents after the notes, numbered on from them
    contents_case: str = "capitals"  # the works' titles in the contents, or "title" case
    footnote_mark: str = "*"  # or ``†``
    hyphen: str = "-"  # what the scan reads a hyphen ending a line as (``–``)
    face: str = TIMES  # the face lines are set in: ``FIXED``, every character alike
    title_first: int = 0  # words on a work's title's first line (``THESES`` / ``ON THE …``),
    # else as many as fit in ``title_measure`` of the measure
    title_measure: float = 0.8
    contents_wrap: bool = False  # each entry broken over lines as its title is over its work
    pages_under: bool = False  # each entry's page alone on the line under its leader dots
    description_wrap: bool = False  # … its description too, over lines of its own
    preface: bool = False  # a preface of two pages before the contents, listed at page I
    preface_title: str = "Preface"  # or another front matter's: ``From the Publishers``
    preface_paragraphs: int = 8  # two pages; one fills a page alone, its folio unprinted
    date_brackets: bool = False  # the date under a title in brackets: ``(May 12, 1921)``
    name_index: bool = False  # an index of names after the works (and notes), in the contents
    notes_author_heads: bool = False  # the notes' versos headed with the author, as the works'
    unsigned: bool = False  # the works close with no ``Signed: …``: the author named in the heads
    misread: int = 0  # every this many heads, the folio misread (``2B``, ``l7``, ``3O``, ``S4``)
    numbered_sections: bool = False  # a section's title as ``1. The Position at Home``, set
    # as the text is (no numeral on a line of its own, no capitals), so in the contents
    section_first: str = ""  # a work in sections opens with the first right under its title
    # (no description, no date): "titled", its numeral and title; "numeral", the numeral alone
    contents_unheaded: bool = False  # the contents' pages after the first with no head, a
    # page opening with an entry
    date_over: bool = False  # a place and date over each work's title (``Moscow, May 1,
    # 1921`` / ``THE TITLE``), not the date under it
    year_dividers: bool = False  # the works grouped by year (the second half's 1922), each
    # year opening on a page of its own that holds it alone, listed with no page
    verse: int = 0  # every so many works (the first among them) quote a stanza of verse
    # between two of their paragraphs, a line of the print each of its lines, set in
    # (``VERSE_INDENT``; the scan keeps no indent), maybe over a page break (0: none)
    kept_indents: bool = False  # the scan keeps each paragraph's first-line indent as
    # leading spaces, one a lower-case letter's width (a layout-keeping extraction:
    # ``pdftotext -layout``, an OCR keeping its spaces)


def sampled(seed: int) -> Options:
    """A volume no one chose: each switch set at random (reproducibly, from ``seed``) among
    the settings the tests name one by one."""
    rng = random.Random(seed)
    return Options(
        seed=seed, author=rng.choice(["K. Marx", "V. I. Lenin", "Rosa Luxemburg", "F. Engels"]),
        works=rng.choice([6, 8, 10, 14]), paragraphs=rng.choice([6, 9, 14]),
        measure=rng.choice([20.0, 24.0, 28.0]), lines=rng.choice([24, 32, 40]),
        indent=rng.choice([0.6, 1.0, 1.5]), spaced_heads=rng.random() < 0.5,
        folio_outside=rng.random() < 0.3, title_heads=rng.random() < 0.2,
        watermarks=rng.choice([(), Options.watermarks, (("A DIGITAL EDITION",),
                                                          ("SCANNED FOR STUDY", "NOT FOR SALE"))]),
        every=rng.choice([1, 2, 3, 4]),  # (a stamp rarer than that repeats too seldom in
        # a volume this short to be told from a quotation)
        stand_ins=rng.choice([None, STAND_INS, {"“": "«", "”": "»", "‘": "‚", "’": "`", "—": "~"}]),
        trailing=rng.random() < 0.5, line_end=rng.choice(["\n", "\r\n"]),
        page_break=rng.choice(["\n\n", "\n\f", "\f"]), notes=rng.choice([0, 1, 2, 4]),
        footnotes=rng.random() < 0.7, opening_folios=rng.random() < 0.3,
        foot_folios=rng.random() < 0.2, folio_form=rng.choice(["{}", "{}", "— {} —", "[{}]"]),
        lower_roman=rng.random() < 0.3, contents_at_end=rng.random() < 0.2,
        footnote_mark=rng.choice(["*", "†"]), hyphen=rng.choice(["-", "-", "–"]),
        face=rng.choice([TIMES, TIMES, FIXED]),
        # drawn last, so that the switches drawn before them keep their values
        title_case_titles=rng.random() < 0.3, heads=rng.random() < 0.8)


@dataclass
class Work:
    """What a generated work holds, as the reader should give it back."""

    title: str
    short: str
    date: str
    subtitle: str
    paragraphs: list[str]
    sections: list[tuple[str, list[str]]]  # (title, paragraphs) after ``paragraphs``
    closing: list[str]
    first_page: int = 0
    section_page: int = 0  # where its section begins, if it has one

    def printed(self) -> list[str]:
        """Its paragraphs as printed, a stanza's lines parted by new lines."""
        return self.paragraphs + [p for _, ps in self.sections for p in ps]

    def texts(self) -> list[str]:
        """Its paragraphs as read back, a stanza's lines one text."""
        return [" ".join(t.split("\n")) for t in self.printed()]


@dataclass
class Volume:
    """A generated volume: its text, and what reading it should give."""

    text: str
    works: list[Work]
    notes: list[tuple[str, int | str]]  # each endnote's text and the page citing it
    footnotes: list[str]
    emphasis: list[str]  # words set letter-spaced
    pages: list[int]  # the folios of the works' pages
    furniture: list[str]  # lines that must not reach the book's text


def stanzas() -> list[list[str]]:
    """The stanzas of verse a volume may quote, each as its lines."""
    text = "\n".join(ln for ln in STANZAS.read_text(encoding="utf-8").splitlines()
                     if not ln.startswith("#"))
    return [part.strip().splitlines() for part in re.split(r"\n\s*\n", text) if part.strip()]


def _quote_verse(works: list[Work], o: Options) -> None:
    """A stanza that fits the measure set in, in every ``o.verse``-th work, after one of its
    paragraphs but its last (drawn from a generator of its own)."""
    rng = random.Random(o.seed + 2)
    fitting = [s for s in stanzas() if max(map(width, s)) <= o.measure - VERSE_INDENT]
    rng.shuffle(fitting)
    for work in works[::o.verse]:
        if not fitting:
            return
        run = next((ps for ps in (work.paragraphs, *(ps for _, ps in work.sections))
                    if len(ps) >= 2), None)
        if run is not None:
            run.insert(rng.randint(1, len(run) - 1), "\n".join(fitting.pop()))


def source_paragraphs() -> list[str]:
    """Whole prose paragraphs of the gold pages of the works (a page's first and last
    paragraph may be cut, and the back matter's entries are no prose), and the texts'."""
    out = []
    for path in sorted(GOLD.glob("page-*.txt")):
        if not path.stem.removeprefix("page-").isdigit() or int(path.stem[5:]) >= BACK_MATTER:
            continue
        body = path.read_text(encoding="utf-8").partition("## footnotes")[0]
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
        for p in paragraphs[1:-1]:
            p = MARKER.sub("", p)
            if len(p) >= 200 and p[0].isupper() and p[-1] in ".:" and not re.match(r"\d", p) \
                    and "*" not in p:
                out.append(p)
    for path in sorted(TEXTS.glob("*.txt")):
        out += [line for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
    return out


@dataclass
class Page:
    """A printed page: its folio, running head, text lines and footnote lines."""

    folio: int
    head: str  # "" on an opening page
    author_on_verso: bool  # a work's page: the versos carry the author's name
    lines: list[str] = field(default_factory=list)
    feet: list[str] = field(default_factory=list)
    unheaded: bool = False  # its head left out, its folio printed


class Typesetter:
    """Lines and pages of the volume being made."""

    def __init__(self, options: Options, folio: int) -> None:
        self.o = options
        self.pages: list[Page] = []
        self.page = Page(folio, "", False)
        self.head = ""  # the head of the pages after this one
        self.works = False
        self.breaks = 0  # words broken at a line's end so far

    def lines_of(self, text: str, first_indent: bool = True) -> list[str]:
        """A paragraph set in justified lines; the indent of its first line shows only as
        a shorter line (or as leading spaces, where the scan keeps them)."""
        words = text.split(" ")
        out: list[str] = []
        line: list[str] = []
        room = self.o.measure - (self.o.indent if first_indent else 0)
        while words:
            word = words[0]
            if width(" ".join([*line, word]).replace(NBSP, " ")) <= room:
                line.append(words.pop(0))
                continue
            left = room - width(" ".join([*line, "x"]).replace(NBSP, " ")) + width("x")
            cut = self._hyphen(word, left) if self.o.hyphenate and line else None
            if cut:
                own = word[cut - 1] == "-"  # a compound's hyphen
                self.breaks += not own
                lost = not own and self.o.lost_hyphens and self.breaks % self.o.lost_hyphens == 0
                if self.o.joined_hyphens and not own:
                    line.append(words.pop(0))
                else:
                    line.append(word[:cut] + ("" if own or lost else "-"))
                    words[0] = word[cut:]
            if not line:  # a word wider than the line: set it alone
                line.append(words.pop(0))
            out.append(" ".join(line))
            line, room = [], self.o.measure
        if line:
            out.append(" ".join(line))
        if self.o.kept_indents and first_indent and out:
            out[0] = " " * max(1, round(self.o.indent / width("n"))) + out[0]
        return out

    def _hyphen(self, word: str, left: float) -> int | None:
        """Where to break a long word at the line's end, if the line would be loose."""
        if "-" in word[2:-2]:
            at = word.index("-", 2) + 1
            return at if width(word[:at]) <= left else None
        if not re.fullmatch(r"[a-z]{8,}", word) or left < 3:
            return None
        for cut in range(len(word) - 3, 3, -1):
            if width(word[:cut] + "-") <= left:
                return cut
        return None

    def new_page(self, head: str | None = None) -> None:
        """Turn the page; the next one carries ``head`` (default: the running head)."""
        if self.page.lines or self.page.feet:
            self.pages.append(self.page)
            self.page = Page(self.page.folio + 1, "", False)
        self.page.head = self.head if head is None else head
        self.page.author_on_verso = self.works

    def add(self, lines: list[str], foot: str = "", watch: str = "") -> tuple[int, int]:
        """Set lines, turning pages as they fill; a footnote goes to the page of the line
        holding its marker.  Returns the page of the first line and of ``watch``'s line."""
        first = found = 0
        for line in lines:
            if len(self.page.lines) + len(self.page.feet) >= self.o.lines:
                self.new_page()
            first = first or self.page.folio
            self.page.lines.append(line)
            if foot and self.o.footnote_mark in line:
                self.page.feet, foot = [f"{self.o.footnote_mark} {foot}"], ""
            if watch and not found and watch in line:
                found = self.page.folio
        return first, found

    def close(self) -> list[Page]:
        self.new_page()
        return self.pages


def _mangle(text: str, options: Options) -> str:
    text = text.replace(NBSP, " ")
    text = text[:-1] + options.hyphen if text.endswith("-") else text
    if options.stand_ins:
        return text.translate(str.maketrans(options.stand_ins))
    if options.straight:
        return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return text


def generate(options: Options) -> Volume:
    """A volume typeset and scanned as the options say."""
    with using(options.face):
        return _generate(options)


def _generate(o: Options) -> Volume:
    rng = random.Random(o.seed)
    pool = source_paragraphs()
    rng.shuffle(pool)
    titles = rng.sample(TITLES, k=min(o.works, len(TITLES)))
    works: list[Work] = []
    notes: list[tuple[str, int | str]] = []
    footnotes: list[str] = []
    emphasis: list[str] = []
    for n, title in enumerate(titles):
        count = max(2, o.paragraphs + rng.randint(-2, 2))
        texts = [pool.pop() for _ in range(count)]
        sections = []
        if n % 2:  # every other work in sections
            half = 0 if o.section_first else count // 2
            sections = [(SECTIONS[0], texts[half:])]
            texts = texts[:half]
        month = rng.choice(["January", "March", "May", "October"])
        year = _year(n, o)
        works.append(Work(title, title.upper(), f"{month} {rng.randint(1, 28)}, {year}",
                          "" if o.section_first and sections else
                          rng.choice(["Report Delivered at a Meeting", "Speech at a Conference",
                                      ""]), texts, sections,
                          [f"Pravda, No. {rng.randint(10, 300)},",
                           f"{month} {rng.randint(1, 28)}, {year}",
                           *([] if o.unsigned else [f"Signed: {o.author}"])]))

    if o.verse:
        _quote_verse(works, o)

    # the body, set first (front matter is numbered in roman, the body from 1)
    ts = Typesetter(o, 1)
    ts.works = True
    for work_number, work in enumerate(works):
        if o.year_dividers and _year(work_number, o) != _year(work_number - 1, o):
            ts.new_page(head="")
            ts.add([" ".join(_year(work_number, o)) if o.spaced_heads else
                    _year(work_number, o)])
        ts.new_page(head="")
        ts.head = work.short
        work.first_page = ts.page.folio
        shown = work.title if o.title_case_titles else work.title.upper()
        dated = not (o.section_first and work.sections)
        date = f"({work.date})" if o.date_brackets else work.date
        ts.add([f"Moscow, {work.date}"] * (dated and o.date_over) + _title_lines(shown, o)
               + ([work.subtitle] if work.subtitle else [])
               + [date] * (dated and not o.date_over))
        due = set(rng.sample(range(len(work.texts())), k=min(o.notes, len(work.texts()))))
        due -= {k for k, text in enumerate(work.printed()) if "\n" in text}  # no note in verse
        own = len(notes)  # the notes before this work's
        foot = "A cart on which a gun was mounted.—Ed." if o.footnotes and work_number % 2 \
            == 0 else ""
        for k, text in enumerate(work.printed()):
            if k == len(work.paragraphs) and work.sections and o.numbered_sections:
                work.section_page, _ = ts.add(ts.lines_of(f"1. {work.sections[0][0]}"))
            elif k == len(work.paragraphs) and work.sections:
                work.section_page, _ = ts.add(["I", *(
                    [] if o.section_first == "numeral"
                    else _split_caps(work.sections[0][0].upper(), o.measure))])
            if "\n" in text:  # a stanza: its lines as they are, no emphasis nor note
                ts.add(text.split("\n"))
                continue
            printed, watch = text, ""
            if k in due:
                number = len(notes) + 1 - (own if o.notes_after_works else 0)
                printed, watch = _with_note(printed, f"[{number}]" if o.bracketed_markers
                                            else str(number).translate(
                                                SUPERSCRIPT if o.superscript_markers else {}))
                notes.append((f"An editor’s note on “{work.title}”, number {number}, "
                              "explaining a name in the text.", 0))
            if rng.random() < 0.3:
                printed, word = _with_emphasis(printed, rng)
                emphasis += [word] if word else []
            if foot and k == 0 and ". " in printed:
                printed = printed.replace(". ", f".{o.footnote_mark} ", 1)
                footnotes.append(foot)
            _, page = ts.add(ts.lines_of(printed), foot=foot if o.footnote_mark in printed else "",
                             watch=watch)
            if watch:
                notes[-1] = (notes[-1][0], "" if o.notes_after_works else page)
        ts.add(work.closing)
        if o.notes_after_works and notes[own:]:
            ts.add(["NOTES"])
            for number, (text, _) in enumerate(notes[own:], 1):
                ts.add(ts.lines_of(f"{o.work_note_form.format(number)} {text}",
                                   first_indent=False))
    body_pages = ts.close()

    # the notes section, where there are notes
    ts = Typesetter(o, body_pages[-1].folio + 1)
    notes_page = ts.page.folio
    ts.head = o.notes_title.upper()
    ts.works = o.notes_author_heads
    ts.add([" ".join(o.notes_title.upper().replace(" ", ""))])
    for number, (text, page) in enumerate(notes, 1):
        ts.add(ts.lines_of(f"{o.note_form.format(number)} {text} p.{NBSP}{page}",
                           first_indent=False))
    section = notes and not o.notes_after_works
    back_pages = ts.close() if section else []
    listed = [_leadered(o.notes_title, notes_page, o.measure)] if section else []

    # an index of names, where there is one
    index_pages: list[Page] = []
    if o.name_index:
        ts = Typesetter(o, [*body_pages, *back_pages][-1].folio + 1)
        listed.append(_leadered("Name Index", ts.page.folio, o.measure))
        ts.head = "NAME INDEX"
        ts.add(["NAME INDEX", *(f"{name}—{', '.join(map(str, sorted(rng.sample(range(1, 99), 3))))}"
                                for name in INDEXED)])
        index_pages = ts.close()
    back_pages += index_pages

    # the contents, set last, in front of the body (or after the notes)
    ts = Typesetter(o, [*body_pages, *back_pages][-1].folio + 1 if o.contents_at_end else 1)
    entries = []
    if o.preface and not o.contents_at_end:
        ts.head = o.preface_title.upper()
        ts.add([ts.head, *ts.lines_of(" ".join(pool[:o.preface_paragraphs]))])
        ts.new_page(head="")
        entries.append(_leadered(o.preface_title, "I", o.measure))
    preface = [to_roman(p.folio) for p in ts.pages]
    ts.head = "CONTENTS"
    for work_number, work in enumerate(works):
        if o.year_dividers and _year(work_number, o) != _year(work_number - 1, o):
            entries.append(_year(work_number, o))
        title = work.title.upper() if o.contents_case == "capitals" else title_case(work.title)
        lines = _title_lines(title, o) if o.contents_wrap else [title]
        last = f"{lines[-1]}. {work.subtitle}".strip(" .")
        lines[-1:] = _split_caps(last, o.measure * o.title_measure) if o.description_wrap \
            else [last]
        entries += lines[:-1]
        entries.append(_leadered(lines[-1], work.first_page, o.measure))
        entries += [_leadered("I" if o.section_first == "numeral" else
                              f"{'1' if o.numbered_sections else 'I'}. {title}",
                              work.section_page, o.measure) for title, _ in work.sections]
    ts.add(["C O N T E N T S", "Page", *(part for line in [*entries, *listed] for part in (
        line.rsplit(" ", 1) if o.pages_under and re.search(r" \. \S+$", line) else [line]))])
    front = ts.close()
    for page in front[len(preface) + 1:] if o.contents_unheaded else []:
        page.unheaded = True

    front = front if o.contents else []
    text = _scan([*body_pages, *back_pages, *front], o, roman=0) if o.contents_at_end else \
        _scan([*front, *body_pages, *back_pages], o, roman=len(front))
    return Volume(text, works, notes, footnotes, emphasis,
                  [*preface, *(p.folio for p in body_pages)],
                  [line for group in o.watermarks for line in group if line]
                  + [_misread(line) for group in o.watermarks for line in group
                     if line and o.misread_stamps])


def _year(work_number: int, o: Options) -> str:
    """The year of a work: 1921, or, where the works are grouped by year, 1922 for the
    second half ("" before the first)."""
    if work_number < 0:
        return ""
    return "1922" if o.year_dividers and 2 * work_number >= o.works else "1921"


# letters an OCR reads as others, the commonest first
MISREADS = (("O", "0"), ("I", "l"), ("E", "F"), ("o", "0"), ("e", "c"))


def _misread(line: str) -> str:
    """A line as an OCR misreads it on a page: the first letter that reads as another."""
    return next((line.replace(letter, read, 1) for letter, read in MISREADS
                 if letter in line), line)


def _with_note(text: str, number: str) -> tuple[str, str]:
    """The text with an endnote marker glued to the last word of its first sentence, and
    the marker with the letters before it (to find its line); not to a numeral ending it
    (``Point 8.25``: a number, to any reader), but to the word before it."""
    m = re.search(r"[a-z]\.(?= [A-Z])", text) or re.search(r"[a-z][.:]$", text) or \
        re.search(r"[a-z](?=[^a-z]*\d\W*$)", text)
    at = m.start() + 1 if m else len(text)
    return f"{text[:at]}{number}{text[at:]}", f"{text[max(0, at - 3):at]}{number}"


def _with_emphasis(text: str, rng: random.Random) -> tuple[str, str]:
    """The text with a word letter-spaced (not beside a one-letter word, which no reader
    could tell from the run: ``I s h a l l``)."""
    words = list(re.finditer(r"(?<!\b\w )(?<= )[a-z]{5,9}(?= )(?! \w\b)", text))
    if not words:
        return text, ""
    m = rng.choice(words)
    return f"{text[:m.start()]}{NBSP.join(m[0])}{text[m.end():]}", m[0]


def _title_lines(title: str, o: Options) -> list[str]:
    """A work's title as its lines: the first of ``o.title_first`` words, or as they fit."""
    words = title.split()
    if 0 < o.title_first < len(words):
        return [" ".join(words[:o.title_first]), " ".join(words[o.title_first:])]
    return _split_caps(title, o.measure * o.title_measure / 0.8)


def _split_caps(title: str, measure: float) -> list[str]:
    lines, line = [], ""
    for word in title.split():
        if line and width(f"{line} {word}") > measure * 0.8:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _leadered(entry: str, page: int | str, measure: float) -> str:
    """A contents entry with its leader dots (". " is half an em) and page."""
    dots = max(3, int((measure - width(entry) - 1.5) / 0.5))
    return f"{entry} {' '.join('.' * dots)} {page}"


def _scan(pages: list[Page], o: Options, roman: int) -> str:
    """The pages as a scan's text: heads with folios, boilerplate, the encoding, the ends."""
    rng = random.Random(o.seed + 1)
    author = o.author if o.title_heads else o.author.upper()
    if o.spaced_heads and not o.title_heads:
        author = " ".join(" ".join(w) if len(w) > 2 else w for w in author.split())
    chunks = []
    stamps = 0
    for n, page in enumerate(pages):
        folio = to_roman(page.folio) if n < roman else str(page.folio)
        if o.misread and page.head and n % o.misread == 0 and n >= roman:
            folio = next((folio.replace(d, c, 1) for d, c in zip("8105", "BlOS", strict=True)
                          if d in folio), folio)
        folio = o.folio_form.format(folio.lower() if o.lower_roman else folio)
        verso = page.folio % 2 == 0
        head = author if page.author_on_verso and verso else page.head
        head = title_case(head) if o.title_heads and head != author else head
        first = ([f"{folio} {head}" if o.folio_outside and verso else f"{head} {folio}"]
                 if o.heads else [folio]) if page.head else []
        first = ([head] if o.heads else []) if o.foot_folios and page.head else first
        first = [] if page.unheaded and o.foot_folios else [folio] if page.unheaded else first
        first = first if o.folios else [head] if o.heads and page.head else []
        body = [_mangle(line, o) for line in [*page.lines, *page.feet]]
        if o.folios and ((o.opening_folios and not page.head and n >= roman)
                         or (o.foot_folios and page.head)):
            body.append(folio)
        lines = [*first, *body]
        if o.specks and n % o.specks == 0 and first:
            lines.insert(len(first), str(n % 9 + 1).translate(SUPERSCRIPT))
        if o.stray_blanks and n % o.stray_blanks == 1 and len(lines) > 6:
            lines.insert(rng.randrange(2, len(lines) - 2), "")  # the page cut in two
        if o.watermarks and n % o.every == o.every // 2:
            group = list(o.watermarks[(n // o.every) % len(o.watermarks)])
            stamps += 1
            if o.misread_stamps and stamps % o.misread_stamps == 0:  # a line of it misread
                worded = [k for k, line in enumerate(group) if line]
                k = worded[stamps // o.misread_stamps % len(worded)]
                group[k] = _misread(group[k])
            at = {"top": 0, "foot": len(lines), "under head": len(first)}.get(
                o.stamp_at, rng.randrange(len(lines) + 1))
            if (first and at == 0 and not o.stamp_at and rng.random() < 0.5 and o.heads
                    and not o.foot_folios and o.folios):
                # between the head and its folio
                parted = [folio, head] if o.folio_outside and verso else [head, folio]
                lines = [parted[0], *group, parted[1], *body]
            else:
                lines[at:at] = group
        if o.wrapped:
            lines = [part for line in lines for part in (
                textwrap.wrap(line, o.wrapped) if len(line) > o.wrapped else [line])]
        lines = [line + " " if o.trailing else line for line in lines]
        lines[-1] = lines[-1].rstrip()
        chunks.append("\n".join(lines))
    text = o.page_break.join(chunks) + "\n"
    return (text if o.blank_lines else re.sub(r"\n\s*\n", "\n", text)).replace("\n", o.line_end)
