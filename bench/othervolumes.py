"""Volumes of collected works typeset as an OCR dump, by a generator written apart from the
tests' own (``tests/volumegen.py``) so as not to share its assumptions.

``generate(seed) -> (text, truth)``: the text a scan of such a volume gives, and what it
holds: its works (title, first page, paragraphs), its endnotes (number, the page citing
each, text), its footnotes and the furniture lines (running heads, folios, stamps) that
must not reach the text.  Every choice is drawn from the seed; a seed's volume is always
the same.  The running text is paragraphs of the sample volume (``input/``) and of the
test fixtures' texts, drawn in a new order.

What varies, seed by seed, as printed collected works and their scans do: the author;
running heads (author on versos and title on rectos, or the volume's part names; capitals,
letter-spaced or in mixed case); folios after the head, before it, on the outer edge or at
the foot; a scanner's stamp (a block of lines on some pages, a line on every page, or
none) and where on the page it falls; the contents (dotted leaders or not, the page on the
title's line or alone below it, dates and subtitles in the entries); endnotes at the
volume's end citing "p. N" or printed after each work, their markers plain or superscript;
footnotes marked * or †; works' subtitles, dates, places, sections numbered in roman,
epigraphs, letters, signatures and sources closing them; hyphenation (and hyphens the scan
lost); letter-spaced emphasis; and the stand-ins the scan used for quotes and dashes.
"""

from __future__ import annotations

import collections
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "stalin-works-05.ocr.txt"
TEXTS = ROOT / "tests" / "fixtures" / "texts"

AUTHORS = [("V. I. LENIN", "V. Lenin"), ("KARL MARX", "K. Marx"), ("FREDERICK ENGELS", "F. Engels"),
           ("MAO TSE-TUNG", "Mao Tse-tung"), ("G. V. PLEKHANOV", "G. Plekhanov"),
           ("ROSA LUXEMBURG", "R. Luxemburg"), ("A. BEBEL", "August Bebel")]
STAMPS = [["SCANNED AT THE", "PEOPLE'S LIBRARY", " ", "FREE EDITION"],
          ["ARCHIVE COPY", "NOT FOR RESALE"],
          ["Digitized by Northfield Reading Room"],
          ["www.redshelf-archive.org"],
          ["PROGRESS READER", "SERIES", " ", "FOR STUDY ONLY"]]
PARTS = ["ARTICLES AND SPEECHES", "WRITINGS", "LETTERS AND ARTICLES", "SELECTED WRITINGS"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TITLE_WORDS = ["workers", "peasantry", "party", "trade unions", "national question",
               "agrarian programme", "tasks", "revolution", "state", "congress", "war", "press",
               "elections", "strike", "international situation", "tactics", "opposition",
               "economic policy", "co-operatives", "army", "youth", "soviets", "municipalities"]
KINDS = ["Report Delivered at a Meeting of Party Workers", "Speech at the Congress of Soviets",
         "Interview With a Correspondent of the Press", "Synopsis of a Pamphlet",
         "Theses Endorsed by the Central Committee", "Reply to the Discussion"]
PLACES = ["Moscow", "Petrograd", "Geneva", "London", "Paris", "Yenan", "Zurich"]
NOTE_OPENINGS = ["The article was published in", "The congress took place in",
                 "The conference met in", "The meeting was held in"]
# stand-ins a scan gives for a curly quote, an apostrophe and a dash
ENCODINGS = {
    "unicode": {},
    "cp1252": {"“": "â€œ", "”": "â€\u009d", "‘": "â€˜", "’": "â€™", "—": "â€”"},
    "macroman": {"“": "Ò", "”": "Ó", "‘": "Ô", "’": "Õ", "—": "Ñ"},
    "symbol": {"“": "³", "”": "²", "‘": "¹", "’": "¹", "—": "‹"},
    "ascii": {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--"},
}
FOOTMARK = "\x00"  # a footnote's mark until its page is known
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# a book face's widths in thousandths of an em (a Times-like face's, from its metrics); each
# volume's face differs from it by a few per cent a letter (``Style.face``)
WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyz", [444, 500, 444, 500, 444, 333, 500, 500, 278,
              278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444],
              strict=True)) | dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [722, 667, 667, 722, 611,
              556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
              722, 944, 722, 722, 611], strict=True)) | {
    " ": 250, ".": 250, ",": 250, ";": 278, ":": 278, "-": 333, "—": 1000, "“": 444,
    "”": 444, "’": 333, "‘": 333, "(": 333, ")": 333, "!": 333, "?": 444, "*": 500, "†": 500}
FACE: dict[str, float] = dict(WIDTHS)  # the volume being typeset's face


def _width(text: str) -> float:
    return sum(FACE.get(c, 500) for c in text)


def _sample_paragraphs() -> list[str]:
    """The sample volume's running paragraphs: its body pages without heads, stamps and
    folios, joined at the short lines ending a sentence, its stand-ins made curly."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    counts = collections.Counter(line.strip() for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("The development of"))
    stop = next(i for i, line in enumerate(lines) if line.strip() == "N O T E S")
    words = collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]+", "\n".join(lines)))
    kept: list[str] = []
    current: list[str] = []
    after_break = False
    for raw in lines[start:stop]:
        line = raw.strip()
        if not line:
            after_break = True
            continue
        if after_break or counts[line] > 4 or line.isdigit():  # a head, a stamp, a folio
            after_break = False
            continue
        if line.isupper():  # a title or a heading
            current = []
            continue
        current.append(line)
        if re.search(r"[.!?:][²”)]?$", line) and len(line) < 45:  # of its 55 or so
            kept.append(_joined(current))
            current = []
    table = str.maketrans({"³": "“", "²": "”", "¹": "’", "‹": "—"})
    good = []
    for text in kept:
        text = re.sub(r" ?— ?", "—", re.sub(r" ([.,;:])", r"\1", text.translate(table)))
        tokens = re.findall(r"[A-Za-z]+", text)
        if (25 <= len(tokens) <= 220 and text[:1].isupper()
                and not re.search(r"(?<!\S)[b-z](?!\S)", text)  # letters spaced, or lost
                and not re.search(r"[^\w\s.,;:!?“”’()\-—]", text)
                and not re.search(r"[A-Za-z.,]\d", text) and not text.isupper()
                and all(words[t.lower()] > 2 for t in tokens)):
            good.append(text)
    return good


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text += line if text.endswith("-") or not text else " " + line
    return " ".join(text.split())


def _fixture_paragraphs() -> list[str]:
    return [line.strip() for path in sorted(TEXTS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and 20 <= len(line.split()) <= 260]


_POOL: list[str] = []


def _pool() -> list[str]:
    if not _POOL:
        _POOL.extend(_sample_paragraphs() + _fixture_paragraphs())
    return _POOL


@dataclass
class Style:
    """A volume's look: every switch drawn from the seed."""

    rng: random.Random
    author: tuple[str, str] = AUTHORS[0]
    measure: int = 26000  # thousandths of an em
    indent: int = 1000  # a paragraph's first line's (the scan loses it)
    page_lines: int = 36
    heads: str = "author"  # versos: "author" or "part"
    part: str = PARTS[0]
    head_case: str = "caps"  # "caps", "spaced" (letter-spaced capitals) or "mixed"
    folio: str = "after"  # "after", "before", "outer", "foot"
    stamp: list[str] = field(default_factory=list)
    stamp_every: int = 0  # 1: every page; 0: none (a volume here is some 25 pages: a stamp
    # on every 3rd or 5th repeats as often as one on every 40th of a real volume)
    stamp_place: str = "after-head"  # "top", "after-head", "bottom"
    leaders: bool = True
    page_below: bool = False
    work_notes: bool = False  # notes after each work, not at the volume's end
    notes_page: bool = False  # a work's notes open a page
    superscript: bool = False
    footmarks: tuple[str, ...] = ("*", "**", "***")  # a page's first, second, third
    encoding: str = "unicode"
    hyphens: str = "kept"  # "kept" or "lost" (some line-end hyphens the scan dropped)
    trailing: str = " "
    separator: str = "\n\n"

    @classmethod
    def drawn(cls, seed: int) -> Style:
        r = random.Random(seed)
        FACE.update({c: w * r.uniform(0.93, 1.07) for c, w in WIDTHS.items()})
        encoding = r.choice(list(ENCODINGS))
        return cls(
            rng=r, author=r.choice(AUTHORS), measure=r.randrange(23000, 30000, 500),
            indent=r.choice([1000, 1500, 2000]),
            page_lines=r.randrange(30, 42), heads=r.choice(["author", "author", "part"]),
            part=r.choice(PARTS),
            head_case=r.choice(["caps", "spaced", "mixed"]),
            folio=r.choice(["after", "before", "outer", "foot"]),
            stamp=r.choice(STAMPS), stamp_every=r.choice([0, 1, 3, 5]),
            stamp_place=r.choice(["top", "after-head", "bottom"]),
            leaders=r.random() < 0.7, page_below=r.random() < 0.3,
            work_notes=r.random() < 0.3, notes_page=r.random() < 0.3,
            superscript=r.random() < 0.4,
            footmarks=r.choice([("*", "**", "***"), ("*", "†", "‡")]), encoding=encoding,
            hyphens=r.choice(["kept", "kept", "kept", "lost"]),
            trailing=r.choice([" ", ""]), separator=r.choice(["\n\n", "\n\n", "\n\f\n", "\n \n"]))

    def head(self, text: str) -> str:
        """A running head as the volume prints it (only the author's name letter-spaced)."""
        if self.head_case == "spaced" and text == self.author[0]:
            return " ".join(word if "." in word else " ".join(word) for word in text.split())
        if self.head_case == "mixed":
            return " ".join(w if "." in w else w.capitalize() for w in text.split())
        return text


@dataclass
class Line:
    text: str
    footnote: list[str] = field(default_factory=list)  # lines set at the page's foot
    notes: list[int] = field(default_factory=list)  # endnotes whose markers it holds
    section: str = ""  # the contents' entry of the section it opens
    page: int = 0


@dataclass
class Work:
    title: str
    short: str
    subtitle: str
    date: str
    paragraphs: list[str]
    lines: list[Line] = field(default_factory=list)
    first_page: int = 0
    sections: list[Line] = field(default_factory=list)  # the lines opening sections
    closing: list[str] = field(default_factory=list)  # the lines set under its text
    sources: list[str] = field(default_factory=list)  # its epigraph's source (``—K. Marx``)


class Volume:
    """One seed's volume, typeset."""

    def __init__(self, seed: int) -> None:
        self.style = Style.drawn(seed)
        self.r = self.style.rng
        self.notes: list[dict] = []  # number, page, text, work
        self.footnotes: list[str] = []
        self.furniture: set[str] = set()
        self.titles: set[str] = set()
        self.unread: list[str] = []  # the pool's paragraphs not yet drawn, in drawing order
        self.current = 0  # the work being typeset
        self.page = 0  # the last page typeset
        self.furnished = 0  # the last page furnished
        self.works = [self._work(n) for n in range(self.r.randrange(6, 11))]

    # ------------------------------------------------------------------ the works' text

    def _title(self) -> tuple[str, str]:
        words = [f"THE {w.upper()}" for w in self.r.sample(TITLE_WORDS, self.r.randrange(1, 4))]
        joiner = self.r.choice([" AND ", " OF ", " AND "])
        title = ("ON " if self.r.random() < 0.4 else "") + joiner.join(words)
        return title, title if len(title) < 40 else title.split(joiner)[0]

    def _date(self) -> str:
        return f"{self.r.choice(MONTHS)} {self.r.randrange(1, 29)}, {self.r.randrange(1895, 1925)}"

    def _work(self, n: int) -> Work:
        r = self.r
        self.current = n
        title, short = self._title()
        while title in self.titles:
            title, short = self._title()
        self.titles.add(title)
        subtitle = r.choice(KINDS) if r.random() < 0.4 else ""
        date = self._date() if r.random() < 0.5 else ""
        work = Work(title=title, short=short, subtitle=subtitle, date=date,
                    paragraphs=[])
        lines = work.lines
        for line in self._wrap_title(title):
            lines.append(Line(line))
        if subtitle:
            lines += [Line(t) for t in self._wrap(subtitle, hyphenate=False)]
        if date:
            lines.append(Line(date))
        if r.random() < 0.15:  # an epigraph
            epigraph = self._sentence()
            lines += [Line(t) for t in self._wrap(epigraph, hyphenate=False, measure=0.7)]
            work.paragraphs.append(epigraph)
            work.sources.append(f"{r.choice(['—', '— '])}{r.choice(AUTHORS)[1]}")
            lines.append(Line(work.sources[-1]))
        letter = r.random() < 0.15
        if letter:
            greeting = f"Dear Comrade {r.choice(['Gorky', 'Kautsky', 'Sorge', 'Lafargue'])},"
            lines.append(Line(greeting))
        sections = r.random() < 0.3
        count = r.randrange(3, 12)
        for k in range(count):
            if sections and k % 3 == 0:
                numeral = ["I", "II", "III", "IV", "V"][k // 3]
                heading = " AND ".join(f"THE {w.upper()}" for w in r.sample(TITLE_WORDS, 2))
                lines += [Line(numeral, section=f"{numeral}. {_sentence_case(heading)}"),
                          Line(heading)]
                work.sections.append(lines[-2])
            self._paragraph(work, self._draw())
        text_end = len(lines)
        if letter or r.random() < 0.3:
            signature = self.style.author[1]
            lines.append(Line(signature if r.random() < 0.5 else signature.upper()))
        if r.random() < 0.3:
            lines.append(Line(f"{r.choice(PLACES)}, {self._date()}"))
        elif r.random() < 0.4:
            lines += [Line(f"{r.choice(['Pravda', 'Iskra', 'Die Neue Zeit', 'Proletary'])}, No. "
                           f"{r.randrange(1, 300)},"), Line(self._date())]
        work.closing = [line.text for line in lines[text_end:]]
        return work

    def _draw(self) -> str:
        """A paragraph of the pool, none twice in a volume (a volume repeats none)."""
        if not self.unread:
            self.unread = self.r.sample(_pool(), len(_pool()))
        return self.unread.pop()

    def _sentence(self) -> str:
        text = self._draw()
        return re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text)[0]

    def _paragraph(self, work: Work, text: str) -> None:
        """Typeset a paragraph into the work's lines, with endnote and footnote markers,
        letter-spaced emphasis, and hyphenated line ends."""
        r = self.r
        words = text.split()
        marks: dict[int, str] = {}
        if r.random() < 0.35:  # an endnote marker after a word ending in a letter or . ,
            spots = [i for i, w in enumerate(words) if re.search(r"[a-z]{4}[.,;]?$", w)]
            if spots:
                marks[r.choice(spots)] = "note"
        if r.random() < 0.1:
            spots = [i for i, w in enumerate(words)
                     if re.search(r"[a-z][.,]?$", w) and i not in marks]
            if spots:
                marks[r.choice(spots)] = "foot"
        if r.random() < 0.15:  # one word letter-spaced for emphasis
            spots = [i for i, w in enumerate(words)
                     if re.fullmatch(r"[a-z]{3,7}", w) and i not in marks]
            if spots:
                marks[r.choice(spots)] = "spaced"
        printed: list[str] = []
        for i, w in enumerate(words):
            kind = marks.get(i, "")
            if kind == "note":
                number = 1 + sum(1 for n in self.notes
                                 if not self.style.work_notes or n["work"] == self.current)
                label = str(number)
                label = label.translate(SUPERSCRIPT) if self.style.superscript else label
                self.notes.append({"number": str(number), "page": "", "work": self.current,
                                   "text": f"{r.choice(NOTE_OPENINGS)} {r.choice(PLACES)} "
                                           f"on {self._date()}. {self._sentence()}"})
                w += label
            elif kind == "foot":
                w += FOOTMARK  # the page's own mark is put in when the page is made up
            elif kind == "spaced":
                w = " ".join(w)
            printed.append(w)
        work.paragraphs.append(text)
        lines, where = self._fill(printed, hyphenate=True, indent=self.style.indent)
        first = len(work.lines)
        work.lines += [Line(t) for t in lines]
        for i, kind in marks.items():
            holder = work.lines[first + where[i]]
            if kind == "note":
                holder.notes.append(len(self.notes) - 1 if kind == "note" else 0)
            elif kind == "foot":
                foot = f"{FOOTMARK} {self._sentence()}"
                self.footnotes.append(foot[2:])
                holder.footnote += self._wrap(foot, hyphenate=False, measure=0.95)

    def _wrap_title(self, title: str) -> list[str]:
        return self._wrap(title, hyphenate=False, measure=0.8)

    def _wrap(self, text: str, *, hyphenate: bool, measure: float = 1.0) -> list[str]:
        return self._fill(re.split(" +", text.strip()), hyphenate=hyphenate, measure=measure)[0]

    def _fill(self, words: list[str], *, hyphenate: bool, measure: float = 1.0,
              indent: int = 0) -> tuple[list[str], list[int]]:
        """Greedy lines no wider than the measure (the first indented), a long word broken
        at a line's end; and the line each word ends on."""
        limit = self.style.measure * measure - indent
        lines: list[str] = []
        where: list[int] = []
        current = ""
        queue = list(words)
        while queue:
            word = queue.pop(0)
            trial = f"{current} {word}" if current else word
            if _width(trial) <= limit or not current:
                current = trial
                where.append(len(lines))
                continue
            cut = self._break(word, limit - _width(current + " ")) if hyphenate else None
            limit = self.style.measure * measure
            if cut:
                lines.append(f"{current} {cut[0]}")
                current = cut[1]
                where.append(len(lines))
            else:
                lines.append(current)
                queue.insert(0, word)
                current = ""
        if current:
            lines.append(current)
        return lines, where

    def _break(self, word: str, room: float) -> tuple[str, str] | None:
        """A word broken where its first part and a hyphen fit the room left."""
        if "-" in word[2:-2]:
            head, rest = word.split("-", 1)
            return (head + "-", rest) if _width(head + "-") <= room else None
        if not re.fullmatch(r"[“(]?[A-Za-z][a-z]{5,}[.,;:”)]*", word):
            return None
        vowels, stem = "aeiouy", word.rstrip(".,;:”)")
        for at in range(len(stem) - 3, 2, -1):
            a, b, c, d = stem[at - 2], stem[at - 1], stem[at], stem[at + 1]
            syllable = (b in vowels and c not in vowels and d in vowels) or (
                a in vowels and b not in vowels and c not in vowels and d in vowels)
            if syllable and _width(word[:at] + "-") <= room:  # ro-man, com-mon
                lost = self.style.hyphens == "lost" and self.r.random() < 0.2
                return word[:at] + ("" if lost else "-"), word[at:]
        return None

    # ------------------------------------------------------------------ pages

    def text(self) -> tuple[str, dict]:
        style = self.style
        pages: list[list[str]] = []
        for w, work in enumerate(self.works):
            work.first_page = self.page + 1
            notes = [Line("NOTES")] + [Line(t) for n in self.notes if n["work"] == w
                                       for t in self._note_lines(n, cite=False)]
            notes = notes if style.work_notes and len(notes) > 1 else []
            run_on = [] if style.notes_page else notes  # under the text, or on a page of their own
            for k, lines in enumerate(self._paginate(work.lines + run_on)):
                pages.append(self._furnish(lines, work.short, first=k == 0))
            if notes and not run_on:
                pages += [self._furnish(lines, work.short, first=False)
                          for lines in self._paginate(notes)]
        notes_page = self.page + 1
        if not style.work_notes and self.notes:
            notes = [Line("N O T E S" if style.head_case == "spaced" else "NOTES")]
            notes += [Line(t) for n in self.notes for t in self._note_lines(n, cite=True)]
            for k, lines in enumerate(self._paginate(notes)):
                pages.append(self._furnish(lines, "NOTES", first=k == 0, matter=True))
        text = style.separator.join([self._front(notes_page)] + [
            "\n".join(line + style.trailing if line.strip() else line for line in lines)
            for lines in pages]) + "\n"
        truth = {
            "works": [{"title": w.title, "page": str(w.first_page), "paragraphs": w.paragraphs,
                       "date": w.date, "closing": w.closing, "short": w.short,
                       "sources": w.sources}
                      for w in self.works],
            "endnotes": [{k: str(v) for k, v in n.items()} for n in self.notes],
            "footnotes": self.footnotes,
            "furniture": sorted(self.furniture),
            "style": {k: v for k, v in vars(style).items() if k != "rng"},
        }
        return text.translate(str.maketrans(ENCODINGS[style.encoding])), truth

    def _note_lines(self, note: dict, *, cite: bool) -> list[str]:
        text = f"{note['number']} {note['text']}" + (f" p.\u00a0{note['page']}" if cite else "")
        return [line.replace("\u00a0", " ")  # (the page's number kept with its p.)
                for line in self._wrap(text, hyphenate=False, measure=0.95)]

    def _paginate(self, lines: list[Line]) -> list[list[str]]:
        """The lines cut into pages, each page's footnotes at its foot, and the page each
        endnote's marker falls on noted."""
        room = self.style.page_lines - 2
        pages: list[list[str]] = [[]]
        feet: list[str] = []
        for line in lines:
            if len(pages[-1]) + len(feet) + 1 + len(line.footnote) > room:
                pages[-1] += self._marked(feet)
                pages.append([])
                feet = []
            mark = self.style.footmarks[min(sum(f.startswith(FOOTMARK) for f in feet), 2)]
            pages[-1].append(line.text.replace(FOOTMARK, mark))
            line.page = self.page + len(pages)
            feet += line.footnote
            for index in line.notes:
                self.notes[index]["page"] = str(self.page + len(pages))
        pages[-1] += self._marked(feet)
        self.page += len(pages)
        return pages

    def _marked(self, feet: list[str]) -> list[str]:
        """A page's footnotes, each with its mark in the order of the page's markers."""
        marks = iter(self.style.footmarks + self.style.footmarks[-1:] * len(feet))
        return [line.replace(FOOTMARK, next(marks)) if line.startswith(FOOTMARK) else line
                for line in feet]

    def _furnish(self, lines: list[str], title: str, *, first: bool,
                 matter: bool = False) -> list[str]:
        """A page's lines with its running head, folio and the scanner's stamp (the pages are
        furnished in order, the last one paginated first)."""
        style = self.style
        self.furnished += 1
        page = self.furnished
        verso = page % 2 == 0
        if style.heads == "part" and not matter:
            name = style.part if verso else title
        else:
            name = style.author[0] if verso and not matter else title
        head = style.head(name)
        folio = str(page)
        out = list(lines)
        if not first:
            if style.folio == "after" or (style.folio == "outer" and not verso):
                top = f"{head} {folio}"
            elif style.folio in ("before", "outer"):
                top = f"{folio} {head}"
            else:
                top = head
                out.append(folio)
            out.insert(0, top)
            self.furniture.add(top)
        elif style.folio == "foot":
            out.append(folio)
        if style.stamp_every and page % style.stamp_every == 0:
            self.furniture.update(s for s in style.stamp if len(s) > 3)
            at = {"top": 0, "after-head": 0 if first else 1, "bottom": len(out)}[style.stamp_place]
            out[at:at] = style.stamp
        return out

    def _front(self, notes_page: int) -> str:
        """Title pages and the contents, folioed in roman."""
        style = self.style
        title_page = [style.author[0], "COLLECTED WORKS", f"VOLUME {self.r.randrange(2, 40)}",
                      "FOREIGN LANGUAGES PUBLISHING HOUSE",
                      f"MOSCOW {self.r.randrange(1950, 1965)}"]
        entries: list[list[str]] = []
        for work in self.works:
            text = work.title
            if work.subtitle and self.r.random() < 0.7:
                text += f". {work.subtitle}"
            if work.date and self.r.random() < 0.5:
                text += f", {work.date}"
            entries.append(self._entry(text, work.first_page))
            for line in work.sections[: 3 if self.r.random() < 0.6 else 0]:
                entries.append(self._entry(line.section, line.page))
        if not style.work_notes and self.notes:
            entries.append(self._entry("Notes", notes_page))
        heading = "C O N T E N T S" if style.head_case == "spaced" else "CONTENTS"
        pages = [[heading] + (["Page"] if self.r.random() < 0.5 else [])]
        for entry in entries:  # (an entry is kept whole on a page)
            if len(pages[-1]) + len(entry) > style.page_lines - 2:
                pages.append([f"CONTENTS {_roman(len(pages) + 4)}"])
                self.furniture.add(pages[-1][0])
            pages[-1] += entry
        return style.separator.join("\n".join(p) for p in [title_page, *pages])

    def _entry(self, text: str, page: int) -> list[str]:
        lines = self._wrap(text, hyphenate=False, measure=0.85)
        leader = " . . . . . . ." if self.style.leaders else ""
        if self.style.page_below:
            return [*lines[:-1], lines[-1] + leader, str(page)]
        return [*lines[:-1], f"{lines[-1]}{leader} {page}"]


def _sentence_case(heading: str) -> str:
    small = {"and", "of", "the", "in", "on"}
    words = heading.lower().split()
    return " ".join([words[0].capitalize()]
                    + [w if w in small else w.capitalize() for w in words[1:]])


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def generate(seed: int) -> tuple[str, dict]:
    """The OCR text of the seed's volume, and what it holds (see the module's docstring)."""
    return Volume(seed).text()
