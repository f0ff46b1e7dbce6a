"""Volumes of collected works from a fourth generator, written without reading the OCR
reader or the other three generators: from issue 13's text and from what a real OCR dump of
such a volume (``input/stalin-works-05.ocr.txt``) shows.

``generate(seed) -> (text, truth)``: an OCR-style dump of a volume typeset from Paine's
*Common Sense* (``tests/fixtures/blindtexts/common-sense.txt``, cut into works; apart from
``tests/fixtures/texts``, whose every text the other generators take), and what a
reader should give back (``bench_othervolumes.measure``'s truth: the contents' works with
their paragraphs, the endnotes, the footnotes, the furniture lines). Every way of printing
and scanning is drawn once per seed in ``_draw`` (one volume is printed one way throughout).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

TEXT = Path(__file__).resolve().parent.parent / "tests/fixtures/blindtexts/common-sense.txt"

# The parts' short titles for the running heads, and titles of our own for the pieces a
# part is cut into (title, short title).
SHORT = {"INTRODUCTION": "INTRODUCTION",
         "OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH CONCISE REMARKS ON THE "
         "ENGLISH CONSTITUTION": "ORIGIN AND DESIGN OF GOVERNMENT",
         "OF MONARCHY AND HEREDITARY SUCCESSION": "MONARCHY AND HEREDITARY SUCCESSION"}
MORE_TITLES = {"OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH CONCISE REMARKS ON "
               "THE ENGLISH CONSTITUTION": [
                   ("THE ENGLISH CONSTITUTION EXAMINED", "THE ENGLISH CONSTITUTION"),
                   ("ON THE PREJUDICE OF ENGLISHMEN IN FAVOUR OF THEIR OWN GOVERNMENT",
                    "THE PREJUDICE OF ENGLISHMEN")],
               "OF MONARCHY AND HEREDITARY SUCCESSION": [
                   ("WHAT THE SCRIPTURE SAYS OF KINGS", "THE SCRIPTURE AND KINGS"),
                   ("OF HEREDITARY RIGHT", "OF HEREDITARY RIGHT"),
                   ("HOW KINGS CAME AT FIRST", "HOW KINGS CAME AT FIRST")]}
SUBTITLES = ["(Addressed to the Inhabitants of America)", "Letter to a Friend in Philadelphia",
             "(Published Anonymously)", "(From the Second Edition)"]
SECTIONS = ["THE FIRST REMARKS", "THE ARGUMENT CONTINUED", "THE CONCLUSION DRAWN",
            "A FURTHER OBJECTION", "WHAT FOLLOWS FROM IT"]
CLOSINGS = [["Philadelphia, February 14, 1776"],
            ["Pennsylvania Journal, No. 4,", "January 10, 1776"],
            ["Written in January 1776"]]
PREFACE = ["This volume contains the writings of the author from the years of the dispute "
           "with the mother country, in the order in which they first appeared.",
           "The texts follow the second edition, corrected by the author; where that edition "
           "differs from the first in more than spelling, a note at the end of the volume "
           "says so. The author's own notes stand at the foot of the page.",
           "Dates of writing and of first publication are given under the titles and in "
           "the chronicle at the end of the volume."]
ENDNOTES = [
    ("the King of England", "George III (1738-1820), King of Great Britain from 1760; no "
     "pamphlet printed in the colonies had yet attacked him by name so openly."),
    ("Doctrine of Independance", "The spelling is that of the first editions. The word was "
     "still avoided in the debates of the Congress until the spring of 1776."),
    ("a State-House", "The State-House of Pennsylvania in Philadelphia, where the Continental "
     "Congress met."),
    ("boasted constitution of England", "The praise of the English constitution as a balance "
     "of king, lords and commons was common to the writers of the age; the author states it "
     "in order to deny it."),
    ("a felo de se", "A suicide: a thing which destroys itself."),
    ("Charles the first", "Charles I, King of England, was tried and beheaded in 1649."),
    ("Holland without a king", "The United Provinces of the Netherlands, a republic since "
     "the end of the sixteenth century."),
    ("as declared by Gideon", "See Judges, chapter eight, verses twenty-two and "
     "twenty-three."),
    ("and the prophet Samuel", "See the First Book of Samuel, chapter eight."),
    ("Mahomet like", "That is, by a tale of a divine mission, as the author believed the "
     "founder of Islam to have done."),
    ("Saul was by lot", "See the First Book of Samuel, chapter ten."),
    ("William the Conqueror was an usurper", "William, Duke of Normandy, took the crown of "
     "England in 1066."),
]
FOOTNOTES = [
    ("the scripture doctrine of courts", "Matthew, chapter twenty-two, verse twenty-one.—Ed."),
    ("as oppressive in England as in Turkey", "The Turkish empire served the writers of the "
     "age as the common example of a despotic government.—Ed."),
    ("more converts than reason", "The sentence was much quoted in the newspapers of the "
     "following months.—Ed."),
    ("oppressed by the Midianites", "Judges, chapters six to eight.—Ed."),
    ("the Mosaic account of the creation", "The chronology then in use counted some four "
     "thousand years from the creation to the birth of Christ.—Ed."),
]
CHRONICLE = [("1774", [("November 30", "The author arrives in Philadelphia from England, "
                        "with a letter of introduction from Benjamin Franklin.")]),
             ("1775", [("January", "The author becomes the editor of the Pennsylvania "
                        "Magazine."),
                       ("April 19", "The fighting at Lexington and Concord.")]),
             ("1776", [("January 10", "Common Sense is published anonymously in "
                        "Philadelphia."),
                       ("February 14", "A new edition appears, with several additions."),
                       ("July 4", "The Congress adopts the Declaration of Independence.")])]
STAMPS = [["FREE LIBRARY OF THE", "COMMONWEALTH", " ", "FOR PRIVATE STUDY", "ONLY"],
          ["Scanned by the Open Shelf Project"],
          ["~~ NOT FOR SALE ~~"],
          ["#@#%^#@#"],
          ["DIGITIZED BY", "THE READING ROOM ARCHIVE"],
          ["This copy is distributed free of charge.", "Please do not sell it."]]
AUTHORS = ["THOMAS PAINE", "T. PAINE", "Thomas Paine"]
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
# the stand-ins of the real volume's scan, one per character
STAND_INS = str.maketrans({"“": "³", "”": "²", "’": "¹", "‘": "¹", "—": "‹"})
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ENDNOTE, FOOTNOTE, EMPHASIS = "\x01", "\x02", "\x03"  # marks in a paragraph being set
TIE = "\x04"  # a space no line breaks at (``p. 14``)


def roman(number: int) -> str:
    """``number`` in capital roman figures."""
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _typographic(text: str) -> str:
    """The source's typewriter quotes and dashes as a printer sets them."""
    text = text.replace("--", "—")
    text = re.sub(r'"(?=\w)', "“", text)
    return text.replace('"', "”").replace("'", "’")


def _parts() -> list[tuple[str, list[str]]]:
    """The text's parts: (title, paragraphs)."""
    parts: list[tuple[str, list[str]]] = []
    for block in TEXT.read_text(encoding="utf-8").split("\n\n"):
        if block.startswith("#"):
            continue
        if block.startswith("= "):
            parts.append((block[2:].strip(), []))
        else:
            parts[-1][1].append(_typographic(" ".join(block.split())))
    return parts


@dataclass
class Work:
    """One work of the volume as it is to be set."""

    title: str
    short: str
    paragraphs: list[str]
    subtitle: str = ""
    sections: dict[int, str] = field(default_factory=dict)  # paragraph index -> heading
    closing: list[str] = field(default_factory=list)


def _draw(rng: random.Random) -> dict:
    """The ways this volume is printed and scanned, one draw each."""
    encoding = rng.choice(["clean", "clean", "ascii", "stand-ins", "macroman", "cp1252"])
    breaks = rng.choice(["blank", "blank", "two blanks", "formfeed", "spaces"])
    return {
        "lines": rng.randint(28, 42), "measure": rng.randint(48, 68),
        "jitter": rng.choice([0, 2, 4]), "breaker": rng.choice(["greedy", "balanced"]),
        "hyphens": rng.choice(["none", "kept", "kept", "lost"]),
        "paragraphs": rng.choice(["indent", "nothing", "nothing"]
                                 + (["blank"] if breaks == "formfeed" else [])),
        "indent": rng.randint(2, 5),
        "author": rng.choice(AUTHORS),
        "heads": rng.choice(["author/title", "author/title", "title/title"]),
        "spaced": rng.random() < 0.4, "centred": rng.random() < 0.3,
        "folio": rng.choice(["after", "before", "outer", "below", "foot"]),
        "folio_form": rng.choice(["{}", "{}", "— {} —", "- {} -", "[{}]"]),
        "first_folio": rng.choice(["foot", "none"]),
        "preface": rng.choice(["", "PREFACE", "FROM THE PUBLISHERS"]),
        "contents": rng.choice(["front", "front", "end"]),
        "contents_head": rng.choice(["CONTENTS", "C O N T E N T S", "TABLE OF CONTENTS"]),
        "leaders": rng.choice([" . ", ".", ""]), "page_word": rng.random() < 0.5,
        "notes_head": rng.choice(["NOTES", "N O T E S", "EXPLANATORY NOTES",
                                  "NOTES AND REFERENCES"]),
        "note_ref": rng.choice(["end", "own line", "brackets"]),
        "markers": rng.choice(["figures", "superscript"])
        if encoding in ("clean", "cp1252") else "figures",
        "footnotes": rng.randint(0, 4), "rule": rng.random() < 0.3,
        "chronicle": rng.random() < 0.5, "emphasis": rng.randint(0, 8),
        "sections": rng.choice(["roman line", "roman dot", "arabic", "stars"]),
        "subtitles": rng.random() < 0.5, "closings": rng.random() < 0.6,
        "encoding": encoding, "breaks": breaks,
        "stamps": rng.sample(STAMPS, rng.choice([0, 1, 1, 2])),
        "stamp_at": rng.choice(["top", "split", "under head", "foot", "end"]),
        "stamp_every": rng.choice([1, 1, 2, 3, 0]),  # 0: pages drawn at random
        "crlf": rng.random() < 0.25, "trailing": rng.random() < 0.5,
        "colophon": rng.random() < 0.5,
    }


def _works(rng: random.Random, style: dict) -> list[Work]:
    """The text's parts cut into works, with subtitles, sections and closings drawn."""
    works = []
    for title, paragraphs in _parts():
        titles = list(MORE_TITLES.get(title, []))
        rng.shuffle(titles)
        pieces = 1 if len(paragraphs) < 10 else rng.randint(1, 3 if len(paragraphs) > 20 else 2)
        cuts = sorted(rng.sample(range(3, len(paragraphs) - 3), pieces - 1))
        for n, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(paragraphs)], strict=True)):
            name, short = (title, SHORT[title]) if n == 0 else titles.pop()
            works.append(Work(name, short, paragraphs[a:b]))
    for work in works:
        if style["subtitles"] and rng.random() < 0.5:
            work.subtitle = rng.choice(SUBTITLES)
        if len(work.paragraphs) >= 6 and rng.random() < 0.5:
            at = sorted(rng.sample(range(2, len(work.paragraphs) - 1), rng.randint(1, 2)))
            heads = rng.sample(SECTIONS, len(at) + 1)
            work.sections = dict(zip([0, *at], heads, strict=True))
        if style["closings"] and rng.random() < 0.5:
            work.closing = rng.choice([*CLOSINGS, [style["author"].upper()]])
    if style["preface"]:
        works.insert(0, Work(style["preface"], style["preface"],
                             [_typographic(p) for p in PREFACE],
                             closing=["The Publishers"]))
    return works


def _syllables(word: str) -> list[str]:
    """Where a word may be broken at a line end: before a consonant between two vowels, or
    between two consonants (not inside th, ch, sh, ph, wh, ck, ng); two letters at least
    before the break, three after."""
    core = re.match(r"^([^\W\d_]+)(.*)$", word)
    if not core or len(core.group(1)) < 6:
        return [word]
    letters, tail = core.groups()
    low = letters.lower()

    def vowel(i: int) -> bool:
        return low[i] in "aeiouy"

    cuts = [i for i in range(2, len(letters) - 2)
            if (vowel(i - 1) and not vowel(i) and vowel(i + 1))
            or (not vowel(i - 1) and not vowel(i) and vowel(i - 2) and vowel(i + 1)
                and low[i - 1:i + 1] not in ("th", "ch", "sh", "ph", "wh", "ck", "ng"))]
    pieces = [letters[a:b] for a, b in zip([0, *cuts], [*cuts, len(letters)], strict=True)]
    pieces[-1] += tail
    return pieces


def _items(text: str, style: dict) -> list[tuple[str, str]]:
    """A paragraph as pieces to set: (text, how it joins the next: space, soft, hard)."""
    items: list[tuple[str, str]] = []
    for word in text.split():
        if EMPHASIS in word:  # letter-spaced, never broken
            _, bare, rest = word.split(EMPHASIS)
            items.append((" ".join(bare) + rest, "space"))
            continue
        parts = word.split("-") if re.fullmatch(r"[^\W\d_]{2,}(-[^\W\d_]{2,})+\W*", word) \
            else [word]
        for n, part in enumerate(parts):
            pieces = _syllables(part) if style["hyphens"] != "none" else [part]
            if any(ENDNOTE in p or FOOTNOTE in p for p in pieces[:-1]):
                pieces = [part]
            for m, piece in enumerate(pieces):
                if m < len(pieces) - 1:
                    items.append((piece, "soft"))
                elif n < len(parts) - 1:
                    items.append((piece + "-", "hard"))
                else:
                    items.append((piece, "space"))
    return items


def _line(items: list[tuple[str, str]], style: dict) -> str:
    """The pieces of one line, joined, with the hyphen of a word broken at its end."""
    out = ""
    for n, (text, join) in enumerate(items):
        out += text
        if n < len(items) - 1:
            out += " " if join == "space" else ""
        elif join == "soft" and style["hyphens"] == "kept":
            out += "-"
    return out


def _break(items: list[tuple[str, str]], widths: list[int], style: dict) -> list[str]:
    """The pieces set in lines of the given widths (the last width for all further lines),
    greedily or with the least raggedness (squared slack summed over all but the last)."""
    def width(n: int) -> int:
        return widths[min(n, len(widths) - 1)]

    def fits(a: int, b: int, n: int) -> bool:
        return b == a + 1 or len(_line(items[a:b], style)) <= width(n)

    if style["breaker"] == "greedy":
        lines, start = [], 0
        while start < len(items):
            end = start + 1
            while end < len(items) and fits(start, end + 1, len(lines)):
                end += 1
            lines.append(_line(items[start:end], style).replace(TIE, " "))
            start = end
        return lines
    # least raggedness: best[i] = (cost, lines) of setting items[i:]; widths of line one on
    best: dict[int, tuple[float, list[tuple[int, int]]]] = {len(items): (0, [])}
    for start in range(len(items) - 1, -1, -1):
        options = []
        for end in range(start + 1, len(items) + 1):
            if not fits(start, end, 1 if start else 0):
                break
            rest = best[end]
            slack = 0 if end == len(items) else \
                width(1 if start else 0) - len(_line(items[start:end], style))
            soft = 30 if items[end - 1][1] == "soft" and end < len(items) else 0
            options.append((slack * slack + soft + rest[0], [(start, end), *rest[1]]))
        best[start] = min(options)
    return [_line(items[a:b], style).replace(TIE, " ") for a, b in best[0][1]]


def _set(text: str, style: dict, rng: random.Random, measure: int | None = None) -> list[str]:
    """A paragraph set in lines; unmarked paragraphs keep their last line short, so that a
    reader can see where they end."""
    measure = measure or style["measure"]
    indent = style["indent"] if style["paragraphs"] == "indent" else 0
    items = _items(text, style)
    for narrower in range(0, 12, 2):
        widths = [measure - indent - narrower] + [
            measure - narrower + rng.randint(-style["jitter"], style["jitter"])
            for _ in range(60)]
        lines = _break(items, widths, style)
        if style["paragraphs"] != "nothing" or len(lines[-1]) < 0.8 * measure:
            break
    lines[0] = " " * indent + lines[0]
    return lines


@dataclass
class Page:
    """One printed page: its folio, running head, body and foot."""

    number: int
    roman: bool = False
    head: str | None = None  # None on a work's first page
    body: list[str] = field(default_factory=list)
    foot: list[str] = field(default_factory=list)
    notes: int = 0  # footnotes at its foot


class Typesetter:
    """Sets a volume's parts page by page, noting where note markers fall."""

    def __init__(self, style: dict, rng: random.Random) -> None:
        self.style, self.rng = style, rng
        self.pages: list[Page] = []
        self.endnote_pages: dict[int, int] = {}
        self.stars: dict[int, str] = {}  # footnote -> its marker
        self.footnotes: list[str] = []
        self.sections: dict[str, int] = {}  # "work/section heading" -> its page

    def new_page(self, head: str | None, number: int | None = None,
                 roman_folio: bool | None = None) -> Page:
        """Start a page (the next number unless given, in the last page's figures unless
        told)."""
        last = self.pages[-1] if self.pages else Page(0)
        number = number if number is not None else last.number + 1
        self.pages.append(Page(number, last.roman if roman_folio is None else roman_folio,
                               head))
        return self.pages[-1]

    def room(self, page: Page) -> int:
        """Lines left on the page."""
        return self.style["lines"] - len(page.body) - len(page.foot)

    def add(self, lines: list[str], heads: tuple[str, str], keep: int = 1,
            footnotes: dict[int, str] | None = None) -> None:
        """Set lines on the current page and the next ones; ``keep`` lines at least go
        together (a heading with the first lines of what it heads)."""
        page = self.pages[-1]
        if self.room(page) < keep:
            page = self.new_page(heads[(page.number + 1) % 2])
        plain = {**self.style, "paragraphs": "nothing"}
        for line in lines:
            notes = [n for n in sorted(footnotes or {}) if f"{FOOTNOTE}{n}{FOOTNOTE}" in line]
            for _ in range(2):  # on this page, or else on the next
                foot = []
                for k, n in enumerate(notes):
                    foot += _set(f"{'*' * (page.notes + k + 1)} {footnotes[n]}", plain,
                                 self.rng)
                rule = ["______"] if foot and self.style["rule"] and not page.foot else []
                if self.room(page) >= 1 + len(foot) + len(rule):
                    break
                page = self.new_page(heads[(page.number + 1) % 2])
            for k, n in enumerate(notes):
                self.stars[n] = "*" * (page.notes + k + 1)
                self.footnotes.append(footnotes[n])
            page.notes += len(notes)
            page.foot += rule + foot
            for number in map(int, re.findall(f"{ENDNOTE}(\\d+){ENDNOTE}", line)):
                self.endnote_pages[number] = page.number
            page.body.append(line)


def _mark(text: str, anchor: str, marker: str) -> str:
    """The paragraph with ``marker`` after the anchor's words and their punctuation."""
    at = text.find(anchor)
    end = at + len(anchor)
    while end < len(text) and text[end] in ",.;:!?”)":
        end += 1
    return text[:end] + marker + text[end:]


def _markers(line: str, style: dict, footnote_stars: dict[int, str]) -> str:
    """A set line with its note markers printed."""
    def endnote(match: re.Match) -> str:
        number = match.group(1)
        return number.translate(SUPERSCRIPT) if style["markers"] == "superscript" else number

    line = re.sub(f"{ENDNOTE}(\\d+){ENDNOTE}", endnote, line)
    return re.sub(f"{FOOTNOTE}(\\d+){FOOTNOTE}", lambda m: footnote_stars[int(m.group(1))],
                  line)


def _spaced(text: str, gap: str) -> str:
    """Letter-spaced, initials left as they are: ``T. P A I N E``."""
    return gap.join(w if w.endswith(".") else " ".join(w) for w in text.split())


def _heading(text: str, style: dict, measure: int) -> list[str]:
    """A title set in capitals over as many lines as it needs, centred or flush."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > measure - 10:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if style["centred"]:
        lines = [" " * ((measure - len(x)) // 2) + x for x in lines]
    return lines


def _contents(works: list[Work], starts: dict[str, str], sections: dict[str, int],
              tail: list[tuple[str, str]], style: dict) -> list[str]:
    """The contents list: each title (with its subtitle) and its folio, leaders between."""
    measure, lines = style["measure"], []
    if style["page_word"]:
        lines.append(" " * (measure - 4) + "Page")
    entries = []
    for work in works:
        title = work.title + (f". {work.subtitle.strip('()')}" if work.subtitle else "")
        entries.append((title, starts[work.title]))
        if style["sections"] != "stars":
            entries += [(f"   {name.title()}", str(sections[f"{work.title}/{name}"]))
                        for i, name in work.sections.items() if i]
    entries += tail
    for title, folio in entries:
        words, line = title.split(), ""
        for word in words:
            if line and len(line) + len(word) + 1 > measure - 8:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else (" " * 3 + word if title[0] == " "
                                                      else word)
        if folio:
            fill = max(1, measure - len(line) - len(folio) - 1)
            leader = (style["leaders"] * (fill // max(len(style["leaders"]), 1)))[:fill] \
                if style["leaders"] else ""
            line = f"{line} {leader.strip()} {folio}".replace("  ", " ")
        lines.append(line)
    return lines


def _mangle(text: str, encoding: str) -> str:
    """The volume's text as its scan's encoding shows it (one way for the whole volume)."""
    if encoding == "ascii":
        return text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})) \
            .replace("—", "--")
    if encoding == "stand-ins":
        return text.translate(STAND_INS)
    if encoding == "macroman":
        return text.encode("mac_roman").decode("latin-1")
    if encoding == "cp1252":
        def byte(b: int) -> str:
            try:
                return bytes([b]).decode("cp1252")
            except UnicodeDecodeError:
                return chr(b)  # the five bytes cp1252 leaves undefined: their C1 controls
        return "".join(byte(b) for b in text.encode("utf-8"))
    return text


def _place_notes(works: list[Work], rng: random.Random, style: dict
                 ) -> tuple[list[dict], dict[int, str]]:
    """Mark every endnote and a few footnotes after their anchors, endnotes numbered in the
    order they are printed; letter-space a few words."""
    marks = []
    for n, (anchor, text) in enumerate(ENDNOTES + rng.sample(FOOTNOTES, style["footnotes"])):
        for w, work in enumerate(works):
            found = [i for i, p in enumerate(work.paragraphs) if anchor in p]
            if found:
                i = found[0]
                marks.append((w, i, work.paragraphs[i].find(anchor), n, anchor, text))
                break
    endnotes: list[dict] = []
    footnotes: dict[int, str] = {}
    for w, i, _, n, anchor, text in sorted(marks):
        if n < len(ENDNOTES):
            endnotes.append({"number": str(len(endnotes) + 1), "text": text})
            marker = f"{ENDNOTE}{len(endnotes)}{ENDNOTE}"
        else:
            footnotes[n] = text
            marker = f"{FOOTNOTE}{n}{FOOTNOTE}"
        works[w].paragraphs[i] = _mark(works[w].paragraphs[i], anchor, marker)
    for _ in range(style["emphasis"]):
        work = rng.choice(works)
        i = rng.randrange(len(work.paragraphs))
        words = work.paragraphs[i].split(" ")
        plain = [k for k, x in enumerate(words) if re.fullmatch(r"[a-z]{4,9}", x)]
        if plain:
            k = rng.choice(plain)
            words[k] = f"{EMPHASIS}{words[k]}{EMPHASIS}"
            work.paragraphs[i] = " ".join(words)
    return endnotes, footnotes


def generate(seed: int) -> tuple[str, dict]:
    """The seed's volume as an OCR dump, and what a reader should give back."""
    rng = random.Random(seed * 7919 + 13)
    style = _draw(rng)
    works = _works(rng, style)
    gap = rng.choice([" ", "  "])

    def spaced(head: str) -> str:
        return _spaced(head, gap) if style["spaced"] else head

    endnotes, footnotes = _place_notes(works, rng, style)
    # the body, from folio 1
    setter = Typesetter(style, rng)
    preface = works[0] if style["preface"] else None
    starts: dict[str, str] = {}
    for work in works[1:] if preface else works:
        verso = work.short if style["heads"] == "title/title" else style["author"]
        setter.new_page(None, None if setter.pages else 1, False)
        starts[work.title] = str(setter.pages[-1].number)
        _set_work(setter, work, (spaced(verso), spaced(work.short)), style, rng, footnotes)
    # the notes, and the chronicle
    notes_start = setter.pages[-1].number + 1
    setter.new_page(None)
    notes_heads = (spaced("NOTES"), spaced("NOTES"))
    setter.add(_heading(style["notes_head"], style, style["measure"]), notes_heads)
    plain = {**style, "paragraphs": "nothing"}
    for note in endnotes:
        ref = f"p.{TIE}{setter.endnote_pages[int(note['number'])]}"  # never broken
        text = f"{note['number']} {note['text']}"
        if style["note_ref"] == "end":
            text += f" {ref}"
        elif style["note_ref"] == "brackets":
            text = f"{note['number']}. {note['text']} ({ref})"
        lines = _set(text, plain, rng)
        if style["note_ref"] == "own line":
            lines.append(ref.replace(TIE, " "))
        setter.add(lines, notes_heads, keep=2)
    tail = [("Notes", str(notes_start))]
    if style["chronicle"]:
        tail.append(("Biographical Chronicle", str(setter.pages[-1].number + 1)))
        setter.new_page(None)
        heads = (spaced("BIOGRAPHICAL CHRONICLE"), spaced("BIOGRAPHICAL CHRONICLE"))
        setter.add(["BIOGRAPHICAL CHRONICLE", "(1774-1776)"], heads)
        for year, entries in CHRONICLE:
            setter.add([_spaced(year, " ") if style["spaced"] else year], heads, keep=3)
            for date, text in entries:
                setter.add(_set(f"{date} {text}", plain, rng), heads)
    body = setter.pages
    # the front matter, in roman folios: title page, contents (here or at the end), preface
    front = Typesetter(style, rng)
    title_page = Page(1, True, None, [
        style["author"].upper(), spaced("WORKS"), f"VOLUME {rng.choice(['ONE', 'I', '1'])}",
        "1774-1776", "PHILADELPHIA", "THE COMMONWEALTH PRESS", str(rng.randint(1948, 1962))])
    for _ in range(2):  # twice: the preface's folio depends on the contents' length
        front.pages = [title_page]
        if style["contents"] == "front":
            lines = _contents(works, {preface.title: "XXX", **starts} if preface else starts,
                              setter.sections, tail, style)
            _set_contents(front, lines, style, contents_start=rng.choice([2, 3]))
        if preface:
            front.new_page(None)
            starts[preface.title] = roman(front.pages[-1].number)
            _set_work(front, preface, (spaced(preface.title),) * 2, style, rng, {})
    pages = front.pages + body
    if style["contents"] == "end":
        end = Typesetter(style, rng)
        end.pages = [Page(body[-1].number)]
        _set_contents(end, _contents(works, starts, setter.sections, tail, style), style,
                      contents_start=body[-1].number + 1)
        pages += end.pages[1:]
    stars = {**front.stars, **setter.stars}
    text, furniture = _print(pages, style, rng, stars)
    truth = {
        # the preface is the editors', not one of the author's works: front matter
        "works": [{"title": w.title, "paragraphs": [_clean(p) for p in w.paragraphs],
                   "closing": w.closing, "short": w.short} for w in works if w is not preface],
        "endnotes": endnotes,
        "footnotes": setter.footnotes,
        "furniture": sorted(furniture),
        "style": {k: v for k, v in style.items() if k != "stamps"},
    }
    return text, truth


def _clean(paragraph: str) -> str:
    """A paragraph as a reader should give it: without its note markers."""
    return re.sub(f"({ENDNOTE}|{FOOTNOTE})\\d+({ENDNOTE}|{FOOTNOTE})|{EMPHASIS}", "",
                  paragraph)


def _set_work(setter: Typesetter, work: Work, heads: tuple[str, str], style: dict,
              rng: random.Random, footnotes: dict[int, str]) -> None:
    """A work on pages: title, subtitle, sections, paragraphs, closing lines."""
    measure = style["measure"]
    setter.add(_heading(work.title, style, measure), heads)
    if work.subtitle:
        setter.add(_heading(work.subtitle, {**style, "centred": True}, measure), heads)
    for i, paragraph in enumerate(work.paragraphs):
        if i in work.sections:
            number = list(work.sections).index(i) + 1
            name = work.sections[i]
            lines = {"roman line": [roman(number), name],
                     "roman dot": [f"{roman(number)}. {name}"],
                     "arabic": [f"{number}. {name.title()}"],
                     "stars": ["*", "*", "*"] if i else []}[style["sections"]]
            if style["sections"] != "stars" or i:
                setter.add(lines, heads, keep=len(lines) + 2)
                setter.sections[f"{work.title}/{name}"] = setter.pages[-1].number
        if style["paragraphs"] == "blank" and i:
            setter.add([""], heads)
        setter.add(_set(paragraph, style, rng), heads, keep=2, footnotes=footnotes)
    if work.closing:
        setter.add(work.closing, heads, keep=len(work.closing))


def _set_contents(setter: Typesetter, lines: list[str], style: dict, contents_start: int) -> None:
    """The contents list on its own pages (the first without a running head)."""
    setter.new_page(None, contents_start, style["contents"] == "front")
    setter.add([style["contents_head"]], ("CONTENTS", "CONTENTS"))
    setter.add(lines, ("CONTENTS", "CONTENTS"))


def _print(pages: list[Page], style: dict, rng: random.Random,
           stars: dict[int, str]) -> tuple[str, set[str]]:
    """The pages as the scan's text: heads, folios, stamps, page breaks, encoding; and the
    furniture lines printed (as a reader that left them would give them, decoded)."""
    furniture: set[str] = set()
    out_pages = []
    for index, page in enumerate(pages):
        body = [_markers(x, style, stars) for x in page.body]
        folio = style["folio_form"].format(roman(page.number) if page.roman else page.number)
        top: list[str] = []
        foot_folio: list[str] = []
        head = page.head
        place = style["folio"]
        if head is not None:
            if place == "outer":
                place = "before" if page.number % 2 == 0 else "after"
            if style["centred"]:
                head = " " * ((style["measure"] - len(head)) // 2) + head
            furniture.add(head.strip())
            top = {"after": [f"{head} {folio}"], "before": [f"{folio} {head.strip()}"],
                   "below": [head, folio], "foot": [head]}[place]
            foot_folio = [folio] if place == "foot" else []
            furniture.update(x.strip() for x in top)
        elif (page.number > 1 or not page.roman) and style["first_folio"] == "foot":
            foot_folio = [folio]
        furniture.update(foot_folio)
        lines = top + body + page.foot + foot_folio
        every = style["stamp_every"]
        if rng.random() < 0.3 if every == 0 else index % every == 0:
            block = [x for b in style["stamps"] for x in b]
            furniture.update(x.strip() for x in block)
            at = style["stamp_at"]
            if at == "split" and head is not None and place == "after":
                lines[0:1] = [head, *block, folio]  # the real dump's: head, stamp, folio
            else:
                where = {"top": 0, "split": len(top), "under head": len(top),
                         "foot": len(lines) - len(foot_folio), "end": len(lines)}[at]
                lines[where:where] = block
        out_pages.append(lines)
    if style["colophon"]:
        out_pages[-1].append("Printed in the United States of America")
        furniture.add("Printed in the United States of America")
    sep = {"blank": "\n\n", "two blanks": "\n\n\n", "formfeed": rng.choice(["\n\f", "\n\f\n"]),
           "spaces": "\n" + " " * rng.randint(1, 6) + "\n"}[style["breaks"]]
    end = " " if style["trailing"] else ""
    text = sep.join("\n".join(x + end if x.strip() else x for x in p) for p in out_pages)
    text = _mangle("\n" * rng.randint(0, 4) + text + "\n", style["encoding"])
    if style["crlf"]:
        text = text.replace("\n", "\r\n")
    return text, {x for x in furniture if len(x) > 3}
