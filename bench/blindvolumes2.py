"""A fifth generator of test volumes (``blindvolumes2``): papers of *The Federalist*
(``tests/fixtures/blindtexts/federalist-papers.txt``) typeset as the OCR dump of a scanned
"collected works" volume, with its truth in ``bench_othervolumes``' format.

Written blind: from issue 13's wording, the real dump ``input/stalin-works-05.ocr.txt`` and
the truth format ``bench_othervolumes.measure`` scores, without reading the OCR reader or
the other generators. Each seed draws one way of printing for its whole volume (heads,
folios, contents, paragraphs, hyphenation, notes, emphasis, encoding, stamps, page breaks)
and some shapes a scan of another edition may show that the issue does not list: drop
capitals read as a letter on a line of its own, catchwords at the foot of the page, block
quotations, a paper's number on a line above its title or in its running head, ornaments
between works, a rule over the footnotes, a stamp between two lines of text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = (Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "blindtexts"
          / "federalist-papers.txt")
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
         "XIII", "XIV", "XV", "XVI"]
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PROPER = {"UNION", "CONSTITUTION", "STATE", "STATES", "CONGRESS", "PRESIDENT", "EXECUTIVE",
          "CONFEDERATE", "REPUBLIC", "SENATE", "AMERICA"}
STAMPS = [["DIGITIZED BY THE OPEN SHELF", "PROJECT, 2004"],
          ["Scanned for private study", "not for resale"],
          ["LIBRARY OF THE", "WESTERN RESERVE", "DEBATING SOCIETY"],
          ["Reprint Collective", "FREE COPY", "", "NOT FOR SALE", "1998"],
          ["www.openstacks.example.org"],
          ["PROPERTY OF THE", "COUNTY READING ROOM"]]
STAND_INS = [{"“": "³", "”": "²", "’": "¹", "—": "‹", "–": "¬"},
             {"“": '"', "”": '"', "’": "'", "—": "--", "–": "-"},
             {"“": "``", "”": "''", "’": "'", "—": "--", "–": "-"}]


@dataclass
class Paper:
    number: int
    title: str
    short: str
    source: str
    date: str
    author: str
    editor: str
    notes: dict[str, str]
    paragraphs: list[str]


def _papers() -> list[Paper]:
    papers: list[Paper] = []
    for chunk in SOURCE.read_text(encoding="utf-8").split("\n@@ ")[1:]:
        head, _, body = chunk.partition("\n\n")
        lines = head.split("\n")
        keys = dict(line.split(": ", 1) for line in lines[1:])
        notes = {k[5:]: v for k, v in keys.items() if k.startswith("note ")}
        papers.append(Paper(int(lines[0]), keys["title"], keys["short"], keys["source"],
                            keys.get("date", ""), keys["author"], keys.get("editor", ""),
                            notes, [p for p in body.split("\n") if p.strip()]))
    return papers


@dataclass
class Line:
    text: str
    work: int = -1  # the work whose text it is (-1: none)
    kind: str = "text"  # text, title, blank, rule
    notes: list[int] = field(default_factory=list)  # footnotes it marks
    endnotes: list[int] = field(default_factory=list)  # endnotes it marks
    new_page: bool = False
    keep: int = 0  # lines after it that must stand on its page


@dataclass
class Style:
    width: int
    height: int
    verso: str
    spaced_heads: bool
    upper_shorts: bool
    folio: str  # after, outer, before, foot, split
    folio_look: str
    gap: str
    first_page: str  # bare, foot, head
    new_pages: bool
    ornament: bool
    number_label: str
    number_in_head: bool
    title_upper: bool
    dateline: str  # under, closing, oneline, none
    attribution: str
    signature: str
    paragraphs: str  # indent, blank, none
    indent: int
    hyphens: str  # kept, joined, lost
    spaced_emphasis: bool
    block_quotes: bool
    drop_cap: bool
    author_notes: str  # foot, end
    marker: str  # super, plain, bracket
    stars: str
    footnote_rule: bool
    notes_head: str
    cite: str
    encoding: str  # clean, mojibake, macroman, standin
    stand_in: dict[str, str]
    stamp: list[str]
    stamp_where: str  # top, foot, middle, inside
    stamp_every: float
    separator: str
    crlf: bool
    trailing: bool
    contents_leaders: str
    contents_dates: bool
    contents_numbers: bool
    contents_upper: bool
    contents_notes: bool
    catchwords: bool
    first_folio: int


def _style(rng: random.Random) -> Style:
    style = Style(
        width=rng.randint(54, 72), height=rng.randint(30, 42),
        verso=rng.choice(["THE FEDERALIST", "HAMILTON, MADISON AND JAY", "PUBLIUS",
                          "The Federalist"]),
        spaced_heads=rng.random() < 0.4, upper_shorts=rng.random() < 0.6,
        folio=rng.choice(["after", "outer", "before", "foot", "split"]),
        folio_look=rng.choice(["plain", "plain", "dash", "bracket"]),
        gap=rng.choice([" ", "   ", "\t", "wide"]),
        first_page=rng.choice(["bare", "foot", "head"]), new_pages=rng.random() < 0.7,
        ornament=rng.random() < 0.4,
        number_label=rng.choice(["", "", "No. {n}", "NUMBER {r}", "FEDERALIST No. {n}"]),
        number_in_head=rng.random() < 0.2, title_upper=rng.random() < 0.6,
        dateline=rng.choice(["under", "under", "closing", "oneline", "none"]),
        attribution=rng.choice(["", "", "{A}", "[{a}]", "By {a}"]),
        signature=rng.choice(["PUBLIUS.", "PUBLIUS", "Publius."]),
        paragraphs=rng.choice(["indent", "blank", "none"]), indent=rng.randint(2, 5),
        hyphens=rng.choice(["kept", "kept", "joined", "lost"]),
        spaced_emphasis=rng.random() < 0.35, block_quotes=rng.random() < 0.5,
        drop_cap=rng.random() < 0.15, author_notes=rng.choice(["foot", "foot", "end"]),
        marker=rng.choice(["super", "plain", "bracket"]), stars=rng.choice(["*", "*†"]),
        footnote_rule=rng.random() < 0.3,
        notes_head=rng.choice(["NOTES", "N O T E S", "EDITOR’S NOTES", "Notes"]),
        cite=rng.choice(["p. {p}", "p. {p}", "(p. {p})", "[p. {p}]"]),
        encoding=rng.choice(["clean", "mojibake", "macroman", "standin"]),
        stand_in=rng.choice(STAND_INS), stamp=rng.choice(STAMPS),
        stamp_where=rng.choice(["top", "foot", "middle", "inside"]),
        stamp_every=rng.choice([1.0, 0.5, 0.2, 0.08]),
        separator=rng.choice(["\n\n", "\n\n\n", "\f", "\n\f\n", "\n \n"]),
        crlf=rng.random() < 0.2, trailing=rng.random() < 0.5,
        contents_leaders=rng.choice([" . . . ", "....", " ", "  "]),
        contents_dates=rng.random() < 0.3, contents_numbers=rng.random() < 0.4,
        contents_upper=rng.random() < 0.5,
        contents_notes=rng.random() < 0.6, catchwords=rng.random() < 0.12,
        first_folio=rng.choice([1, 3, 5, 9]))
    if style.encoding == "macroman":  # no superscript figures in MacRoman; its dagger
        style.stars = "*"  # would read as a no-break space
        style.marker = "plain" if style.marker == "super" else style.marker
    if style.encoding == "standin" and style.stand_in["’"] == "¹":
        style.marker = "plain" if style.marker == "super" else style.marker
    return style


def _spaced(word: str, gap: str = " ") -> str:
    return gap.join(" ".join(w) for w in word.split(" "))


def _split_point(word: str) -> int:
    """Where a word may be hyphenated (0: nowhere): after a vowel before a consonant."""
    letters = re.match(r"[A-Za-z]+", word)
    if not letters or len(letters.group()) < 7:
        return 0
    core = letters.group()
    for i in range(len(core) - 4, 2, -1):
        if core[i - 1] in "aeiou" and core[i] not in "aeiouy" and core[i + 1] in "aeiouy":
            return i
    return 0


def _wrap(tokens: list[str], width: int, first: int, hyphens: str,
          rng: random.Random) -> list[str]:
    """Greedy lines of ``width`` (the first ``first`` narrower), words hyphenated at line
    ends as the style says; a token may hold spaces (letter-spaced words)."""
    lines: list[str] = []
    line = ""
    room = width - first
    queue = list(tokens)
    while queue:
        token = queue.pop(0)
        if not line:
            line = token
        elif len(line) + 1 + len(token) <= room:
            line += " " + token
        else:
            cut = _split_point(token) if hyphens != "joined" and " " not in token else 0
            if "-" in token[1:-1] and len(line) + 1 + token.index("-") < room \
                    and rng.random() < 0.7:
                at = token.index("-") + 1
                lines.append(line + " " + token[:at])
                queue.insert(0, token[at:])
                line, room = "", width
                continue
            if cut and len(line) + cut + 2 <= room and rng.random() < 0.8:
                mark = "-" if hyphens == "kept" else ""
                lines.append(line + " " + token[:cut] + mark)
                queue.insert(0, token[cut:])
                line, room = "", width
                continue
            lines.append(line)
            line, room = token, width
    if line:
        lines.append(line)
    return lines


class Volume:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.style = _style(self.rng)
        papers = _papers()
        count = self.rng.randint(7, len(papers))
        self.papers = sorted(self.rng.sample(papers, count), key=lambda p: p.number)
        self.lines: list[Line] = []
        self.footnotes: list[str] = []  # by id
        self.endnotes: list[str] = []  # by number - 1
        self.works: list[dict] = []
        self.sources: set[str] = set()

    # -- the text ----------------------------------------------------------------------

    def _tokens(self, paragraph: str, work: int, opening: bool) -> tuple[list[str], str]:
        """The printed tokens of a paragraph and its truth; marks in the tokens stand for
        notes (``\\x00F<id>\\x00`` a footnote's star, settled on its page; ``\\x01<n>\\x01``
        where endnote n's marker stands). The capitals opening a paper are no emphasis."""
        s = self.style
        printed: list[str] = []
        truth: list[str] = []
        leading = opening
        for word in paragraph.split(" "):
            marks = re.findall(r"\[\^(\w+)\]", word)
            bare = re.sub(r"\[\^\w+\]", "", word)
            shown = bare
            core = re.match(r"^([“(]*)([A-Z]{2,})([^A-Za-z]*)$", bare)
            leading = leading and bool(re.fullmatch(r"[A-Z]+", bare))
            if s.spaced_emphasis and core and not leading \
                    and not re.fullmatch(r"[IVXLC]+", core.group(2)):
                caps = core.group(2)
                low = caps.capitalize() if caps in PROPER else caps.lower()
                bare = core.group(1) + low + core.group(3)
                shown = core.group(1) + _spaced(low) + core.group(3)
            for mark in marks:
                shown = self._mark(shown, mark, work)
            printed.append(shown)
            truth.append(bare)
        return printed, " ".join(truth)

    def _mark(self, word: str, mark: str, work: int) -> str:
        s = self.style
        paper = self.papers[work]
        if mark != "e" and s.author_notes == "foot":
            self.footnotes.append(paper.notes[mark])
            return _attach(word, f"\x00F{len(self.footnotes) - 1}\x00", before_stop=False)
        text = paper.editor if mark == "e" else paper.notes[mark]
        self.endnotes.append(text)
        number = str(len(self.endnotes))
        shown = {"super": number.translate(SUPERSCRIPT), "plain": number,
                 "bracket": f"[{number}]"}[s.marker] + f"\x01{int(number) - 1}\x01"
        return _attach(word, shown, before_stop=s.marker == "bracket")

    def _paragraph(self, paragraph: str, work: int, first_of_work: bool) -> str:
        s = self.style
        tokens, truth = self._tokens(paragraph, work, first_of_work)
        quote = s.block_quotes and paragraph.startswith("“") and not first_of_work
        width = s.width - (6 if quote else 0)
        lead = 3 if quote else 0
        first = s.indent if s.paragraphs == "indent" else 0
        lines = _wrap(tokens, width, first, s.hyphens, self.rng)
        if s.paragraphs == "none" and not quote:
            for narrower in range(1, 8):  # a printer's looser setting: a short last line
                if len(lines) < 2 or len(lines[-1]) < s.width * 0.8:
                    break
                lines = _wrap(tokens, width - narrower, first, s.hyphens, self.rng)
        if s.drop_cap and first_of_work and len(lines[0]) > 2 and lines[0][1].isalpha():
            self._add(Line(lines[0][0], work))
            lines[0] = lines[0][1:]
        for i, text in enumerate(lines):
            pad = " " * (lead + (first if i == 0 else 0))
            self._add(Line(pad + text, work))
        if s.paragraphs == "blank":
            self.lines.append(Line("", work, "blank"))
        return truth

    def _add(self, line: Line) -> None:
        line.notes = [int(n) for n in re.findall(r"\x00F(\d+)\x00", line.text)]
        line.endnotes = [int(n) for n in re.findall(r"\x01(\d+)\x01", line.text)]
        line.text = re.sub(r"\x01\d+\x01", "", line.text)
        self.lines.append(line)

    def _title_lines(self, title: str) -> list[str]:
        s = self.style
        shown = title.upper() if s.title_upper else title
        if len(shown) <= s.width - 10 and (shown.count(" ") < 3 or self.rng.random() < 0.7):
            return [shown]
        words = shown.split(" ")
        half = len(shown) / 2
        best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - half),
                   default=1)
        return [" ".join(words[:best]), " ".join(words[best:])] if len(words) > 1 else [shown]

    def build_works(self) -> None:
        s = self.style
        for index, paper in enumerate(self.papers):
            sources: list[str] = []
            closing: list[str] = []
            date: str | None = None
            day = paper.date.split(", ", 1)[-1]  # a date under a title: without its weekday
            head: list[Line] = []
            if index and not s.new_pages and s.ornament:
                head.append(Line("*      *      *", -1, "rule"))
            if s.number_label:
                label = s.number_label.format(n=paper.number, r=_roman(paper.number))
                head.append(Line(label, index, "title"))
                sources.append(label)
            head += [Line(t, index, "title") for t in self._title_lines(paper.title)]
            if s.dateline == "under":
                head.append(Line(paper.source, index, "title"))
                sources.append(paper.source)
                if day:
                    head.append(Line(day, index, "title"))
                date = day
            elif s.dateline == "oneline":
                line = paper.source + (f" {paper.date}." if paper.date else "")
                head.append(Line(line, index, "title"))
                sources.append(line)
            elif s.dateline == "none":
                if day:
                    head.append(Line(day, index, "title"))
                date = day
            if s.attribution:
                who = s.attribution.format(A=paper.author, a=paper.author.title())
                head.append(Line(who, index, "title"))
                sources.append(who)
            head[0].new_page = s.new_pages or index == 0
            if not s.new_pages and index:
                self.lines.append(Line("", -1, "blank"))
            head[-1].keep = 3
            self.lines += head
            paragraphs = [self._paragraph(p, index, i == 1)
                          for i, p in enumerate(paper.paragraphs)]
            sign = s.signature
            pad = " " * self.rng.choice([0, 0, s.width - len(sign) - 4])
            self.lines.append(Line(pad + sign, index, "title"))
            closing.append(sign)
            if s.dateline == "closing":
                for extra in [paper.source, paper.date]:
                    if extra:
                        self.lines.append(Line(extra, index, "title"))
                        closing.append(extra)
            work = {"title": paper.title, "paragraphs": paragraphs, "closing": closing,
                    "short": paper.short, "sources": sources}
            if date is not None:
                work["date"] = date
            self.works.append(work)

    # -- the pages -----------------------------------------------------------------------

    def paginate(self) -> list[dict]:
        """Pages of body lines with their footnotes, first folio ``first_folio``."""
        s = self.style
        pages: list[dict] = []
        page: dict = {"lines": [], "notes": []}
        used = 0
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            cost = 1 + sum(self._note_height(n) for n in line.notes)
            keep = sum(1 for _ in self.lines[i + 1:i + 1 + line.keep])
            if page["lines"] and (line.new_page or used + cost + keep > s.height):
                pages.append(page)
                page, used = {"lines": [], "notes": []}, 0
            if not page["lines"] and line.kind == "blank":
                i += 1
                continue
            page["lines"].append(line)
            page["notes"] += line.notes
            used += cost
            i += 1
        pages.append(page)
        for number, page in enumerate(pages):
            page["folio"] = s.first_folio + number
        return pages

    def _note_height(self, ident: int) -> int:
        return len(_wrap(self.footnotes[ident].split(" "), self.style.width, 2,
                         self.style.hyphens, self.rng)) + 1

    def render(self) -> tuple[str, dict]:
        s = self.style
        self.build_works()
        pages = self.paginate()
        starts: dict[int, int] = {}
        cites: dict[int, int] = {}
        headed: set[int] = set()
        furniture: set[str] = {line for line in s.stamp if line}
        out: list[list[str]] = [self._title_page()]
        body: list[list[str]] = []
        for n, page in enumerate(pages):
            first_work = next((ln.work for ln in page["lines"] if ln.work >= 0), -1)
            for line in page["lines"]:
                if line.kind == "title" and line.work not in starts:
                    starts[line.work] = page["folio"]
                for ident in line.endnotes:
                    cites[ident] = page["folio"]
            opens = page["lines"][0].new_page and page["lines"][0].kind == "title"
            recto = page["folio"] % 2 == 1
            head = self.verso_head() if not recto else self.recto_head(first_work)
            if recto and first_work >= 0 and (not opens or s.first_page == "head"):
                headed.add(first_work)
            catch = ""
            if s.catchwords and n + 1 < len(pages):
                nxt = re.sub(r"\x00F\d+\x00", "", pages[n + 1]["lines"][0].text).split()
                catch = nxt[0] if nxt else ""
            body.append(self._page(page, head, opens, catch, furniture))
        for work, truth in enumerate(self.works):
            truth["headed"] = work in headed
        notes_pages = self._notes_pages(pages[-1]["folio"] + 1, cites, furniture)
        contents = self._contents(starts, notes_pages[0][1] if notes_pages else 0, furniture)
        out += contents + body + [p for p, _ in notes_pages]
        furniture.add(self._show_head(s.verso))
        text = self._join(out)
        truth = {"works": self.works, "footnotes": self.footnotes,
                 "endnotes": [{"number": str(i + 1), "text": t}
                              for i, t in enumerate(self.endnotes)],
                 "furniture": sorted(furniture)}
        return text, truth

    def _show_head(self, words: str) -> str:
        return _spaced(words, "   ") if self.style.spaced_heads else words

    def verso_head(self) -> str:
        return self._show_head(self.style.verso)

    def recto_head(self, work: int) -> str:
        if work < 0:
            return self.verso_head()
        paper = self.papers[work]
        short = paper.short.upper() if self.style.upper_shorts else paper.short
        shown = self._show_head(short)
        if self.style.number_in_head:
            shown = f"[No. {paper.number}]   {shown}"
        return shown

    def _folio(self, number: int, roman: bool = False) -> str:
        shown = _roman(number) if roman else str(number)
        return {"plain": shown, "dash": f"— {shown} —", "bracket": f"[{shown}]"}[
            self.style.folio_look]

    def _head_lines(self, head: str, folio: str, recto: bool) -> list[str]:
        s = self.style
        gap = s.gap if s.gap != "wide" else " " * max(3, s.width - len(head) - len(folio))
        if s.folio == "after" or (s.folio == "outer" and recto):
            return [head + gap + folio]
        if s.folio in ("before", "outer"):
            return [folio + gap + head]
        if s.folio == "split":
            return [head, folio]
        return [head]

    def _page(self, page: dict, head: str, opens: bool, catch: str,
              furniture: set[str]) -> list[str]:
        s = self.style
        folio = self._folio(page["folio"])
        recto = page["folio"] % 2 == 1
        top: list[str] = []
        if not opens or s.first_page == "head":
            top = self._head_lines(head, folio, recto)
            furniture.add(head)
        foot: list[str] = []
        if (opens and s.first_page == "foot") or (s.folio == "foot" and top):
            foot.append(folio)
        text: list[str] = []
        stars: dict[int, str] = {}
        for line in page["lines"]:
            shown = line.text
            for ident in line.notes:
                stars[ident] = _star(len(stars), s.stars)
                shown = shown.replace(f"\x00F{ident}\x00", stars[ident])
            text.append(shown)
        while text and not text[-1].strip():
            text.pop()
        if page["notes"]:
            if s.footnote_rule:
                text.append("______")
                furniture.add("______")
            for ident in page["notes"]:
                lines = _wrap([stars[ident], *self.footnotes[ident].split(" ")], s.width, 0,
                              s.hyphens, self.rng)
                text += lines
        if catch:
            text.append(" " * (s.width - len(catch)) + catch)
        stamped = self.rng.random() < s.stamp_every
        if stamped and s.stamp_where == "top":
            top = s.stamp + top
        elif stamped and s.stamp_where == "middle":
            top = top[:1] + s.stamp + top[1:]
        elif stamped and s.stamp_where == "inside" and len(text) > 6:
            at = self.rng.randint(3, len(text) - 3)
            text = text[:at] + s.stamp + text[at:]
        elif stamped:
            foot = foot + s.stamp
        return top + text + foot

    def _title_page(self) -> list[str]:
        s = self.style
        lines = ["THE FEDERALIST", "", "A COLLECTION OF ESSAYS,", "WRITTEN IN FAVOUR OF THE",
                 "NEW CONSTITUTION", "", "BY", "ALEXANDER HAMILTON, JAMES MADISON", "AND JOHN JAY",
                 "", "SELECTED PAPERS", "", "NEW YORK", "1901"]
        if s.stamp_every >= 0.5:
            lines += ["", *s.stamp]
        return lines

    def _contents(self, starts: dict[int, int], notes_at: int,
                  furniture: set[str]) -> list[list[str]]:
        s = self.style
        entries: list[list[str]] = []
        for work, paper in enumerate(self.papers):
            title = paper.title.upper() if s.contents_upper else paper.title
            if s.contents_numbers:
                title = f"{paper.number}. {title}"
            if s.contents_dates and paper.date:
                title += ", " + paper.date.split(", ", 1)[1]
            entries.append(self._entry(title, str(starts[work])))
        if s.contents_notes and notes_at:
            entries.append(self._entry("Notes", str(notes_at)))
        head = self._show_head("CONTENTS")
        pages: list[list[str]] = [[head, "", "Page"] if self.rng.random() < 0.5 else [head, ""]]
        roman = 5
        for entry in entries:
            if len(pages[-1]) + len(entry) > s.height:
                roman += 1
                top = self._head_lines(head, self._folio(roman, roman=True), roman % 2 == 1)
                pages.append(list(top))
                furniture.add(head)
            pages[-1] += entry
        return pages

    def _entry(self, title: str, page: str) -> list[str]:
        s = self.style
        words = title.split(" ")
        lines = _wrap(words, s.width - 8, 0, "joined", self.rng)
        last = lines[-1]
        if s.contents_leaders in (" . . . ", "...."):
            fill = max(1, (s.width - len(last) - len(page) - 2) // len(s.contents_leaders))
            lines[-1] = last + " " + (s.contents_leaders * fill).strip() + " " + page
        else:
            lines[-1] = last + s.contents_leaders + page
        return lines

    def _notes_pages(self, folio: int, cites: dict[int, int], furniture: set[str]
                     ) -> list[tuple[list[str], int]]:
        s = self.style
        if not self.endnotes:
            return []
        lines = [s.notes_head, ""]
        for i, text in enumerate(self.endnotes):
            cite = s.cite.format(p=cites[i])
            entry = _wrap([str(i + 1), *text.split(" ")], s.width, 0, s.hyphens, self.rng)
            if len(entry[-1]) + len(cite) + 2 < s.width:
                entry[-1] += " " + cite
            else:
                entry.append(cite)
            lines += entry
        pages: list[tuple[list[str], int]] = []
        head = self._show_head("NOTES")
        while lines:
            room = s.height if not pages else s.height - 1
            chunk, lines = lines[:room], lines[room:]
            if pages:
                chunk = self._head_lines(head, self._folio(folio), folio % 2 == 1) + chunk
                furniture.add(head)
            pages.append((chunk, folio))
            folio += 1
        return pages

    def _join(self, pages: list[list[str]]) -> str:
        s = self.style
        shown: list[str] = []
        for page in pages:
            lines = [ln + (" " if s.trailing and ln and self.rng.random() < 0.8 else "")
                     for ln in page]
            shown.append("\n".join(lines))
        sep = s.separator if s.separator != "\f" else "\n\f"
        text = "\n\n\n\n\n" + sep.join(shown) + "\n"
        text = _encode(text, s)
        return text.replace("\n", "\r\n") if s.crlf else text


def _attach(word: str, mark: str, before_stop: bool) -> str:
    """The word with a note's mark after it (after its closing punctuation, or before it)."""
    if before_stop:
        core = re.match(r"^(.*?)([.,;:)”]*)$", word)
        assert core
        return core.group(1) + mark + core.group(2)
    return word + mark


def _star(index: int, stars: str) -> str:
    if stars == "*":
        return "*" * (index + 1)
    return stars[index % 2] * (index // 2 + 1)


def _roman(number: int) -> str:
    tens = {1: "X", 2: "XX", 3: "XXX", 4: "XL", 5: "L", 6: "LX", 7: "LXX", 8: "LXXX",
            9: "XC"}
    return tens.get(number // 10, "") + ROMAN[number % 10]


def _encode(text: str, style: Style) -> str:
    if style.encoding == "mojibake":
        return "".join(_cp1252(c) for c in text)
    if style.encoding == "macroman":
        return text.encode("mac_roman").decode("latin-1")
    if style.encoding == "standin":
        for char, stand in style.stand_in.items():
            text = text.replace(char, stand)
    return text


def _cp1252(char: str) -> str:
    if ord(char) < 128:
        return char
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                   for b in char.encode("utf-8"))


def generate(seed: int) -> tuple[str, dict]:
    """The OCR text of the seed's volume and its truth."""
    return Volume(seed).render()
