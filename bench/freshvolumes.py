"""A third generator of OCR-style volumes of collected works, written apart from
``tests/volumegen.py`` and ``othervolumes``: ``generate(seed)`` typesets paragraphs of a known
text (``tests/fixtures/texts``) as a printed volume's OCR dump and says what it printed.

Each seed draws the volume's make-up: title page, contents (leaders, dates, sub-entries),
works (titles of 1-3 lines, datelines, sections, closing lines), the measure and the
hyphenation (hyphens kept or lost by the OCR), footnotes at the page foot, endnote markers
and the notes pages citing ``p. N``, letter-spaced emphasis, running heads and folios, a
scanner's stamp, the page breaks and the encoding (clean, UTF-8 read as cp1252, or the
volume's own stand-ins). The truth is the dict ``bench_othervolumes`` scores: ``works``
(title, paragraphs), ``endnotes`` (number, text), ``footnotes`` and ``furniture`` lines.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

TEXT = Path(__file__).resolve().parent.parent / "tests/fixtures/texts/wage-labour-and-capital.txt"
AUTHORS = [("KARL MARX", "K. Marx"), ("G. V. PLEKHANOV", "G. Plekhanov"),
           ("ROSA LUXEMBURG", "Rosa Luxemburg"), ("AUGUST BEBEL", "A. Bebel"),
           ("PAUL LAFARGUE", "Paul Lafargue"), ("FRANZ MEHRING", "F. Mehring"),
           ("ANTONIO LABRIOLA", "A. Labriola"), ("CLARA ZETKIN", "Clara Zetkin")]
PRESSES = [("PROGRESS PUBLISHERS", "MOSCOW"), ("FOREIGN LANGUAGES PUBLISHING HOUSE", "MOSCOW"),
           ("LAWRENCE AND WISHART", "LONDON"), ("INTERNATIONAL PUBLISHERS", "NEW YORK"),
           ("FOREIGN LANGUAGES PRESS", "PEKING")]
TITLES = ["THE PRICE OF LABOUR", "ON PIECE WAGES AND TIME WAGES", "WAGES",
          "A LETTER TO THE WEAVERS OF THE RHINE PROVINCE", "THE COST OF PRODUCTION",
          "CAPITAL AND THE WORKING DAY", "ON THE QUESTION OF COMPETITION AMONG THE WORKERS",
          "THE CRISIS AND THE WORKERS", "CONCERNING THE RELATIVE WAGE", "TO THE EDITORS",
          "THE GROWTH OF PRODUCTIVE CAPITAL AND ITS EFFECT ON WAGES", "MACHINERY AND LABOUR",
          "AN ADDRESS TO THE WORKERS’ SOCIETIES OF THE NORTH", "THE DIVISION OF LABOUR",
          "THE LAW OF WAGES. Speech Delivered at a Meeting of the Workers’ Educational Society",
          "ON THE TARIFF QUESTION", "EXCHANGE VALUE AND PRICE", "THE SMALL PRODUCERS",
          "PROTECTION AND FREE TRADE. A Reply to Critics", "REPORT TO THE CONGRESS AT GOTHA",
          "THE MIDDLE CLASSES AND THE CRISIS", "NOTES ON THE AGRARIAN QUESTION",
          "CAPITAL, LABOUR AND THE STATE", "THE TEN HOURS BILL", "A REPLY TO HERR BRENTANO",
          "THE TASKS OF THE TRADE UNIONS", "THE ELECTIONS AND THE WORKERS’ PARTY",
          "ON THE DEATH OF A COMRADE", "THE STRIKE AT THE COTTON MILLS",
          "GREETINGS TO THE CONGRESS"]
SECTIONS = ["The Wage Contract", "Money and Commodities", "The Capitalist’s Profit",
            "The Worker’s Share", "Crises", "What Is to Be Done?", "Conclusions",
            "Competition", "The Machine", "Prices and Wages"]
PLACES = ["London", "Paris", "Cologne", "Zurich", "Geneva", "Berlin", "Brussels", "Stuttgart"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PAPERS = ["Neue Rheinische Zeitung", "Die Neue Zeit", "Vorwärts", "Der Volksstaat",
          "The Labour Standard", "L’Égalité", "Sozialdemokrat"]
NOTE_TEXTS = [
    "{paper} was published in {place} from {year} under the editorship of the author.",
    "The congress met in {place} in {month} {year}; its resolutions were printed as a "
    "pamphlet in the same year.",
    "This refers to the strike of the textile workers in {place} in {month} {year}, put "
    "down by troops after three weeks.",
    "The article was first published in {paper}, and reprinted with the author’s "
    "corrections in {year}.",
    "The society was founded in {place} in {year} by German emigrant workers.",
    "The author means the law of {month} {year} restricting the right of association.",
    "The figures are taken from the official returns for {year}.",
    "The manuscript of this work has not been found; it is printed from the text of {paper}.",
]
FOOT_TEXTS = ["See the preceding article.—Ed.", "Here and below the author’s italics.",
              "That is, in {year}.—Ed.", "The word is in English in the original.",
              "Cf. the report printed in {paper}, {month} {year}.",
              "In the manuscript: ‘wages’.—Ed."]
STAMP_LINES = [["READING ROOM", "Workers’ Study Circle", "THE PEOPLE’S ARCHIVE"],
               ["scanned for study, not for sale", "Digital edition 2011",
                "NOT FOR RESALE"], ["www.studycircle.example", "proofread by volunteers"]]
STAND_INS = "¹²³‹›ÕÒÓÑ¤¬¦"
QUOTES = "’“”—‘"
PLACE = 0xE000  # a footnote's marker stands as PLACE + its number until its page is known


def _draw(rng: random.Random) -> dict:
    """The volume's make-up: how this one is printed and scanned."""
    sep = rng.choice(["\n\n", "\f", "\n\f\n", "\n \n", "\n\n\n", "\n\n\n\n"])
    return {
        "measure": rng.randint(46, 66), "page": rng.randint(28, 40), "sep": sep,
        "para": rng.choice(["none", "indent"] + (["blank"] if "\f" in sep else [])),
        "hyphen": rng.choice(["kept", "kept", "joined", "joined", "lost"]),
        "lost": rng.uniform(0.05, 0.3),
        "head": rng.choice(["upper", "title", "spaced"]),
        "folio": rng.choice(["outer", "after", "before", "foot"]),
        "gap": rng.choice([" ", " ", "    "]), "first_folio": rng.random() < 0.5,
        "encoding": rng.choice(["clean", "clean", "cp1252", "stand-ins"]),
        "marker": rng.choice(["plain", "plain", "sup", "bracket"]),
        "stars": rng.choice([["*", "**", "***", "****"], ["*", "†", "‡", "§"]]),
        "stamp": [rng.choice(pool) for pool in STAMP_LINES[:rng.randint(1, 3)]],
        "stamp_at": rng.choice(["top", "foot", "middle"]), "stamp_rate": rng.uniform(0.15, 1),
        "new_page": rng.random() < 0.7, "title_gap": rng.random() < 0.3,
        "leader": rng.choice([" . . . .", "....", ""]), "toc_dates": rng.random() < 0.5,
        "sub": rng.choice(["roman", "roman-title", "arabic-title"]),
        "spaced_gap": rng.choice([" ", "  "]), "emphasis": 0.3, "notes": 0.004,
        "feet": 0.004, "sections": 0.4, "signature": 0.4, "source": 0.5, "subtitles": True,
        "start": rng.choice([1, 3, 5, 7, 9, 11]),
        "foot_gap": rng.random() < 0.5, "notes_ref": rng.choice(["same", "own"]),
        "note_dot": rng.choice(["", "."]),
    }


def _fill(year: int, rng: random.Random, text: str) -> str:
    return text.format(paper=rng.choice(PAPERS), place=rng.choice(PLACES),
                       month=rng.choice(MONTHS), year=year + rng.randint(-3, 0))


def _spaced(text: str, gap: str = " ") -> str:
    return gap.join(" ".join(word) for word in text.split())


def _mangle(text: str, style: dict, rng: random.Random) -> str:
    if style["encoding"] == "cp1252":
        out = []
        for byte in text.encode("utf-8"):
            try:
                out.append(bytes([byte]).decode("cp1252"))
            except UnicodeDecodeError:
                out.append(chr(byte))
        return "".join(out)
    if style["encoding"] == "stand-ins":
        return text.translate(str.maketrans(QUOTES, "".join(rng.sample(STAND_INS, 5))))
    return text


class Typesetter:
    """Sets tokens to the measure: each token is (printed, footnote, endnote)."""

    def __init__(self, style: dict, rng: random.Random):
        self.style, self.rng, self.measure = style, rng, style["measure"]

    def _split(self, word: str, room: int) -> tuple[str, str] | None:
        for mark in ("-", "—"):  # a compound's hyphen or a dash: the line may end on it
            cut = word.rfind(mark, 0, max(room, 0))  # (a full line has no room: -1 would
            # search all but the last letter, and set the line over the measure)
            if 2 < cut < len(word) - 2:
                return word[:cut + 1], word[cut + 1:]
        if not re.fullmatch(r"[A-Za-z][a-z]{4,}[,.;:]?", word):
            return None
        vowel = [c in "aeiouyAEIOU" for c in word] + [False]
        for cut in range(min(room - 1, len(word) - 3), 1, -1):  # ab-stract, ca-pital
            if not vowel[cut] and vowel[cut + 1] and (vowel[cut - 1] or vowel[cut - 2]):
                if self.style["hyphen"] == "joined":  # the OCR set the word whole on the line
                    return word, ""
                lost = self.style["hyphen"] == "lost" and self.rng.random() < self.style["lost"]
                return word[:cut] + ("" if lost else "-"), word[cut:]
        return None

    def lines(self, tokens: list[tuple[str, int | None, int | None]], indent: str = ""):
        """Yield (line, footnotes, endnotes) filled to the measure, words broken at its end
        as the print breaks them and the OCR gives them back."""
        line, notes, ends = indent, [], []
        queue = list(tokens)
        while queue:
            word, foot, end = queue.pop(0)
            sep = "" if line in ("", indent) else " "
            if len(line) + len(sep) + len(word) > self.measure and line.strip():
                parts = self._split(word, self.measure - len(line) - len(sep))
                if parts:
                    line += sep + parts[0]
                    word, sep = parts[1], ""
                if parts and not word:
                    notes += [foot] if foot is not None else []
                    ends += [end] if end is not None else []
                yield line, notes, ends
                line, notes, ends, sep = "", [], [], ""
                if not word:
                    continue
            line += sep + word
            notes += [foot] if foot is not None else []
            ends += [end] if end is not None else []
        if line.strip():
            yield line, notes, ends


def _marked(word: str, style: dict, number: int) -> str:
    if style["marker"] == "sup":
        return word + str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return word + (f"[{number}]" if style["marker"] == "bracket" else str(number))


def _works(rng: random.Random, style: dict, author: tuple[str, str], year: int) -> list[dict]:
    pool = [line.strip() for line in TEXT.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    rng.shuffle(pool)
    works = []
    for title in rng.sample(TITLES, rng.randint(5, 10)):
        paragraphs = [pool.pop() for _ in range(rng.randint(2, 7)) if pool]
        if not paragraphs:
            break
        main, _, sub = title.partition(". ")
        sub = sub if style["subtitles"] else ""
        month, day = rng.choice(MONTHS), rng.randint(1, 28)
        work = {"title": main, "subtitle": sub, "paragraphs": paragraphs, "sections": {},
                "date": rng.choice(["", f"{month} {day}, {year}", f"{rng.choice(PLACES)}, "
                                    f"{month} {year}", f"Written in {month} {year}"]),
                "closing": []}
        # every draw is made whatever the make-up, so that a change redraws nothing else
        starts = sorted(rng.sample(range(1, max(len(paragraphs), 3)), rng.randint(1, 2)))
        names = rng.sample(SECTIONS, len(starts) + 1)
        if len(paragraphs) >= 4 and rng.random() < style["sections"]:
            work["sections"] = dict(zip([0, *starts], names, strict=True))
        signature = rng.choice([author[1], author[1].upper()])
        source = [f"{rng.choice(PAPERS)}, No. {rng.randint(2, 300)},", f"{month} {day + 1}, {year}"]
        work["closing"] += [signature] if rng.random() < style["signature"] else []
        work["closing"] += source if rng.random() < style["source"] else []
        works.append(work)
    return works


def _heading(index: int, name: str, style: dict) -> str:
    roman = ["I", "II", "III", "IV"][index]
    return {"roman": roman, "roman-title": f"{roman}. {name.upper()}",
            "arabic-title": f"{index + 1}. {name}"}[style["sub"]]


def _title_lines(title: str, width: int) -> list[str]:
    """The title set in lines no wider than ``width`` (a word wider stands alone)."""
    lines, line = [], ""
    for word in title.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _body(works: list[dict], style: dict, rng: random.Random, year: int, truth: dict):
    """The body as items, ("line" or "title", text, footnotes, endnotes), ("work", index)
    and ("mark", key) where a section starts."""
    setter, gap = Typesetter(style, rng), style["spaced_gap"]
    items, number = [], 0
    for index, work in enumerate(works):
        items.append(("work", index))
        blank = [("line", "", [], [])] if style["title_gap"] else []
        lines = _title_lines(work["title"], rng.randint(24, 40))
        items += [("title", line, [], []) for line in lines]
        items += [("title", work["subtitle"], [], [])] if work["subtitle"] else []
        items += [("title", work["date"], [], [])] if work["date"] else []
        items += blank
        stars = 0
        for at, text in enumerate(work["paragraphs"]):
            if at in work["sections"]:
                name = work["sections"][at]
                items += [("line", "", [], [])] if style["para"] == "blank" else []
                items.append(("mark", (index, at)))
                items.append(("title", _heading(len([k for k in work["sections"] if k < at]),
                                                 name, style), [], []))
            tokens, words = [], text.split()
            emphasis = rng.randrange(len(words))
            emphasis = emphasis if rng.random() < style["emphasis"] else -1
            for i, word in enumerate(words):
                foot = end = None
                if i == emphasis and word.isalpha() and len(word) > 3:
                    word = _spaced(word, gap)
                elif i > 3 and rng.random() < style["notes"] and not word[-1].isdigit():
                    number += 1
                    word, end = _marked(word, style, number), number
                    truth["endnotes"].append({"number": str(number), "text": _fill(
                        year, rng, rng.choice(NOTE_TEXTS))})
                elif (i > 3 and stars < 3 and rng.random() < style["feet"]
                      and not word[-1].isdigit()):
                    foot = len(truth["footnotes"])  # its star is the page's: set with the page
                    word += chr(PLACE + foot)
                    stars += 1
                    truth["footnotes"].append(_fill(year, rng, rng.choice(FOOT_TEXTS)))
                tokens.append((word, foot, end))
            indent = " " * rng.randint(2, 5) if style["para"] == "indent" else ""
            items += [("line", "", [], [])] if style["para"] == "blank" and at else []
            items += [("line", *row) for row in setter.lines(tokens, indent)]
        if work["closing"]:
            items += [("line", "", [], [])] if style["para"] == "blank" else []
            items += [("title", line, [], []) for line in work["closing"]]
        truth["works"].append({"title": work["title"], "paragraphs": work["paragraphs"],
                               "date": work["date"], "closing": work["closing"],
                               "short": _short(work["title"])})
    return items


def _paginate(items: list, style: dict, rng: random.Random, truth: dict):
    """Pages of the body (dicts of folio, lines, footnote lines, work, first), the folio of
    each endnote's marker and of each work's and section's start."""
    setter, pages, folio = Typesetter(style, rng), [], style["start"]
    page: dict = {}
    marks: dict[int, int] = {}
    where: dict = {}

    def new(work: int, first: bool) -> dict:
        nonlocal folio
        pages.append({"folio": folio, "lines": [], "foot": [], "work": work, "first": first})
        folio += 1
        return pages[-1]

    current = 0
    for item in items:
        if item[0] == "work":
            current = item[1]
            room = style["page"] - len(page.get("lines", [])) - len(page.get("foot", []))
            if not page or style["new_page"] or room < 8:
                page = new(current, True)
            else:
                page["lines"] += ["", ""] if page["lines"] else []
            where[current] = page["folio"]
            continue
        if item[0] == "mark":
            where[item[1]] = page["folio"]
            continue
        _, text, feet, ends = item
        notes = [truth["footnotes"][k].split() for k in feet]
        room = sum(len(list(setter.lines([(w, None, None) for w in ["**", *n]]))) for n in notes)
        if len(page["lines"]) + len(page["foot"]) + room + 1 > style["page"]:
            page = new(current, False)
            if not text:
                continue
        for k, note in zip(feet, notes, strict=True):  # the stars start again on each page
            star = style["stars"][min(page.setdefault("stars", 0), 3)]
            page["stars"] += 1
            text = text.replace(chr(PLACE + k), star)
            page["foot"] += [line for line, _, _ in setter.lines(
                [(w, None, None) for w in [star, *note]])]
        page["lines"].append(text)
        for end in ends:
            marks[end] = page["folio"]
    return pages, marks, where


def _head(text: str, style: dict) -> str:
    if style["head"] == "title":
        return " ".join(w.lower() if w in ("AND", "OF", "THE", "TO", "ON") and i
                        else w.capitalize() for i, w in enumerate(text.split()))
    return _spaced(text) if style["head"] == "spaced" else text


def _short(title: str) -> str:
    """The running head's short title: words off its end to 30 letters, never ending on a
    little word ("THE MIDDLE CLASSES", not "THE MIDDLE CLASSES AND THE")."""
    words = title.replace(",", "").split()
    while len(" ".join(words)) > 30 or words[-1] in ("A", "AND", "AT", "OF", "THE", "TO", "ON"):
        words.pop()
    return " ".join(words)


def _render(page: dict, head: str, style: dict, rng: random.Random, stamp: bool) -> str:
    folio, lines = str(page["folio"]), list(page["lines"])
    top = []
    if head:
        where = style["folio"]
        if where == "outer":
            where = "before" if page["folio"] % 2 == 0 else "after"
        top = [{"before": folio + style["gap"] + head, "after": head + style["gap"] + folio,
                "foot": head}[where]]
    bottom = [""] * style["foot_gap"] + page["foot"] if page["foot"] else []
    if (head and style["folio"] == "foot") or (not head and style["first_folio"]):
        bottom.append(folio)
    if stamp:
        at = {"top": 0, "foot": len(top) + len(lines) + len(bottom),
              "middle": len(top) + rng.randint(0, len(lines))}[style["stamp_at"]]
        lines = (top + lines + bottom)
        lines[at:at] = style["stamp"]
        return "\n".join(lines)
    return "\n".join(top + lines + bottom)


def _contents(works: list[dict], where: dict, style: dict, end: int) -> list[str]:
    out = ["C O N T E N T S" if style["head"] == "spaced" else "CONTENTS", "Page"]
    for index, work in enumerate(works):
        title = work["title"] + (f". {work['subtitle']}" if work["subtitle"] else "")
        if style["toc_dates"] and work["date"] and not work["date"].startswith("Written"):
            title += f", {work['date']}"
        out += _leadered(title, str(where[index]), style)
        for at, name in work["sections"].items():
            out += _leadered(_heading(list(work["sections"]).index(at), name, style),
                             str(where[index, at]), style)
    return out + _leadered("Notes", str(end), style)


def _leadered(text: str, number: str, style: dict) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > style["measure"] - 8:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    room = max(style["measure"] - len(line) - len(number) - 2, 0)
    leader = (style["leader"] * 40)[:room].rstrip() if style["leader"] else ""
    return [*lines, f"{line}{leader} {number}"]


def generate(seed: int, changes: dict | None = None) -> tuple[str, dict]:
    """The OCR text of seed's volume and what it printed (``changes``: make-up drawn
    otherwise, to tell which of its ways a reading fails on)."""
    rng = random.Random(seed)
    style = _draw(rng) | (changes or {})

    def stream(name: str) -> random.Random:  # one per concern: a change redraws only its own
        return random.Random(f"{seed} {name}")

    if style["encoding"] == "stand-ins" and style["marker"] == "sup":
        style["marker"] = "plain"  # the stand-ins are superscript figures too
    rng = stream("volume")
    author = rng.choice(AUTHORS)
    year = rng.randint(1848, 1905)
    truth: dict = {"works": [], "endnotes": [], "footnotes": [], "furniture": []}
    works = _works(stream("works"), style, author, year)
    items = _body(works, style, stream("marks"), year, truth)
    pages, marks, where = _paginate(items, style, stream("feet"), truth)
    # a work's head stands on the rectos it runs at the top of, past its opening page
    headed = {page["work"] for page in pages if not page["first"] and page["folio"] % 2}
    for index, want in enumerate(truth["works"]):
        want["headed"] = index in headed
    # the notes pages: each note cites the page of its marker
    notes_lines, setter = [], Typesetter(style, stream("notes"))
    for note in truth["endnotes"]:
        cite = f"p. {marks[int(note['number'])]}"
        number = f"{note['number']}{style['note_dot']}"
        if style["marker"] == "bracket":  # the notes are numbered as the text marks them
            number = f"[{note['number']}]"
        words = [(w, None, None) for w in f"{number} {note['text']}".split()]
        rows = [line for line, _, _ in setter.lines(words)]
        if style["notes_ref"] == "same" and len(rows[-1]) + len(cite) + 1 <= style["measure"]:
            rows[-1] += " " + cite
        else:
            rows.append(cite)
        notes_lines += rows
    notes_head = "N O T E S" if style["head"] == "spaced" else "NOTES"
    folio = pages[-1]["folio"] + 1
    chunks = [notes_lines[i:i + style["page"]] for i in range(0, len(notes_lines), style["page"])]
    for i, chunk in enumerate(chunks or [[]]):
        pages.append({"folio": folio + i, "lines": ([notes_head] if not i else []) + chunk,
                      "foot": [], "work": -1, "first": not i})
    name = author[0]
    heads = {-1: _head("NOTES", style)}
    for index, work in enumerate(works):
        heads[index] = _head(_short(work["title"]), style)
    verso = _head(name, style)
    truth["furniture"] = sorted({verso, name, *(heads.values()), *style["stamp"]}
                                | {_head(h, {"head": "upper"}) for h in heads.values()})
    body, rng = [], stream("pages")
    for page in pages:
        head = "" if page["first"] else verso if page["folio"] % 2 == 0 else heads[page["work"]]
        body.append(_render(page, head, style, rng, rng.random() < style["stamp_rate"]))
    rng = stream("title")
    press, city = rng.choice(PRESSES)
    kind = rng.choice(["COLLECTED WORKS", "SELECTED WORKS", "WORKS"])
    title_page = [_spaced(name) if rng.random() < 0.4 else name, kind,
                  f"VOLUME {rng.randint(1, 40)}", f"{year - 2}-{year}", "", press,
                  f"{city} {rng.randint(1950, 1980)}"]
    contents = _contents(works, where, style, folio)
    front = ["\n".join(title_page)]
    front += ["\n".join(contents[i:i + style["page"]])
              for i in range(0, len(contents), style["page"])]
    text = style["sep"].join(front + body) + "\n"
    return _mangle(text, style, stream("code")), truth
