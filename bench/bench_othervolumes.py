"""Volumes of collected works from a generator written apart from the tests' own
(``othervolumes``): of their contents' works, endnotes and paragraphs, how many the OCR
reader gives back, how many of their furniture lines reach its text, and whether the works'
dates and closing lines (signature, place and date, source) are read as printed.

``python bench/bench_othervolumes.py A B [-v]``: the figures of seeds A to B one by one
(``-v``: and the paragraphs read otherwise than printed).
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from octavo.errors import StructureNotFound
from octavo.sources import Source, read_book
from octavo.tree import Book, NoteRef, Paragraph, Text, iter_nodes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from othervolumes import generate

SEEDS = range(1, 31)  # the figures are on these; 31-60 are held out
FIGURES = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")  # superscript markers' figures


def _flat(text: str) -> str:
    return " ".join(text.replace("‘", "’").split())


def _said(node) -> str:
    return _flat("".join(t.text for t in iter_nodes(node) if isinstance(t, Text)))


@dataclass
class Figures:
    """One volume's (or a run's) counts."""

    works: int = 0
    found: int = 0
    notes: int = 0
    linked: int = 0
    furniture: int = 0
    paragraphs: int = 0
    same_paragraphs: int = 0
    words: float = 0
    same_words: int = 0
    dated: int = 0  # works found whose date the generator or the reader gives
    same_dates: int = 0
    closed: int = 0  # … whose lines under the text (signature, place, source) either gives
    same_closings: int = 0
    own_shorts: int = 0  # works found whose short title (running head) is the print's
    # head for them, or their title where none of their pages carries it (or the
    # generator does not tell: either)
    differing: list[tuple[list[str], list[str]]] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name in ("works", "found", "notes", "linked", "furniture", "paragraphs",
                     "same_paragraphs", "words", "same_words", "dated", "same_dates",
                     "closed", "same_closings", "own_shorts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self) -> str:
        return (f"works {self.found}/{self.works}  notes linked {self.linked}/{self.notes}  "
                f"furniture {self.furniture}  paragraphs "
                f"{self.same_paragraphs / max(self.paragraphs, 1):.1%}  words "
                f"{self.same_words / max(self.words, 1):.2%}  dates "
                f"{self.same_dates}/{self.dated}  closings {self.same_closings}/{self.closed}  "
                f"short titles {self.own_shorts}/{self.found}")


def _read(text: str) -> Book | None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "other.ocr.txt"
        source.write_text(text, encoding="utf-8")
        source.with_suffix("").with_suffix(".toml").write_text('title = "Works"\n')
        try:
            return read_book(Source(source))
        except StructureNotFound:
            return None


def _same(want: list[str], got: list[str]) -> tuple[int, list]:
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    differ = [(want[a1:a2], got[b1:b2]) for op, a1, a2, b1, b2 in matcher.get_opcodes()
              if op != "equal"]
    return sum(m.size for m in matcher.get_matching_blocks()), differ


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z]+", " ", title.lower()).strip()


def _letters(text: str) -> str:
    """A title's letters, in lower case (a letter-spaced head's as a title's)."""
    return re.sub(r"[^a-z]", "", text.lower())


def measure(seed: int, make=None) -> Figures:
    """How the reader reads the seed's volume (of the generator ``make``; this module's
    ``generate`` as it is when called, which a script may wrap to vary the text)."""
    text, truth = (make or generate)(seed)
    book = _read(text)
    figures = Figures(works=len(truth["works"]), notes=len(truth["endnotes"]))
    want = [_flat(p) for w in truth["works"] for p in w["paragraphs"]]
    figures.paragraphs = len(want)
    want_words = re.findall(r"[\w’]+", " ".join(want))
    if book is None:
        figures.words = len(want_words)
        figures.furniture = len(truth["furniture"])
        return figures
    works = [w for w in book.walk() if w.kind == "work"]
    titles = {_title_key(w.title) for w in works}
    figures.found = sum(_title_key(w["title"]) in titles for w in truth["works"])
    _score_closings(figures, truth["works"], works)
    got = [_said(n) for w in works for b in w.blocks for n in iter_nodes(b)
           if isinstance(n, Paragraph) and n.role != "line"]
    figures.same_paragraphs, figures.differing = _same(want, got)
    got_words = re.findall(r"[\w’]+", " ".join(got))
    figures.words = (len(want_words) + len(got_words)) / 2
    figures.same_words = _same(want_words, got_words)[0]
    # an endnote is linked when a marker in a work's text points at a note of its number
    targets = {n.id: n.number for n in book.notes}
    labels = [r.label.translate(FIGURES) for w in works for b in w.blocks
              for r in iter_nodes(b) if isinstance(r, NoteRef) and r.kind == "endnote"
              and targets.get(r.target) == r.label.translate(FIGURES)]
    wanted = [n["number"] for n in truth["endnotes"]]
    figures.linked = sum(min(labels.count(k), wanted.count(k)) for k in set(wanted))
    figures.furniture = _furniture(book, truth)
    return figures


def _furniture(book: Book, truth: dict) -> int:
    """The head, folio and stamp lines found in what the book shows, more often than the
    volume prints them: in its paragraphs of any role (a line of its own too), its works'
    titles, dates and closing lines, footnotes and notes (the notes print their own words,
    a head's among them: ``The Party’s tasks``), case aside (titles read in title case);
    an epigraph's source (``—Mao Tse-tung``) is the print's, where the truth gives one.
    Not in headings or subtitles: the truth lists no section's or part's title and no
    subtitle, and a head may be words of one (``The Congress``)."""
    works = [w for w in book.walk() if w.kind == "work"]
    shown = [_said(n) for w in works for b in w.blocks for n in iter_nodes(b)
             if isinstance(n, Paragraph)]
    shown += [_said(f) for w in book.walk() for f in w.footnotes]
    shown += [_flat(" ".join([w.title, w.date, *(c.text for c in w.closing)])) for w in works]
    said = "\n".join(shown + [_said(n) for n in book.notes]).lower()
    printed = [_flat(p) for w in truth["works"] for p in w["paragraphs"]]
    printed += [_flat(" ".join([w["title"], w.get("date") or "", *(w.get("closing") or []),
                                *w.get("sources", [])])) for w in truth["works"]]
    printed += [_flat(f) for f in truth["footnotes"]]
    printed += [_flat(n["text"]) for n in truth["endnotes"]]
    printed = "\n".join(printed).lower()
    lines = {_flat(line).lower() for line in truth["furniture"] if len(line) > 3}
    return sum(max(0, said.count(line) - printed.count(line)) for line in lines)


def _score_closings(figures: Figures, wanted: list[dict], works: list) -> None:
    """Count the works found whose date and closing lines are as printed, of those the
    generator (where it tells them) or the reader gives any (a source's two lines read as
    one: their words compared), and those whose short title is their own."""
    read = {_title_key(w.title): w for w in works}
    for want in wanted:
        work = read.get(_title_key(want["title"]))
        if work is None:
            continue
        heads = [want["short"]] if want.get("headed") else [want["short"], want["title"]]
        figures.own_shorts += _letters(work.short_title) in map(_letters, heads)
        if "date" in want and (want["date"] or work.date):
            figures.dated += 1
            figures.same_dates += _flat(want["date"]) == _flat(work.date)
        said = _flat(" ".join(c.text for c in work.closing))
        if "closing" in want and (want["closing"] or said):
            figures.closed += 1
            figures.same_closings += _flat(" ".join(want["closing"])) == said


def rows(name: str, seeds: range, make=None) -> list[tuple[str, float, str, float]]:
    """The benchmark's rows for the volumes of ``seeds`` (of the generator ``make``; this
    module's by default), each called ``name``: what is missed, against its target."""
    total = Figures()
    for seed in seeds:
        total.add(measure(seed, make))
    n = f"{len(seeds)} {name}"
    return [(f"{n}: works of the contents not found", total.works - total.found, "", 0),
            (f"{n}: endnotes not linked", total.notes - total.linked, "", 0),
            (f"{n}: furniture lines left in the text", total.furniture, "", 0),
            (f"{n}: paragraphs not identical (share)",
             1 - total.same_paragraphs / total.paragraphs, "", 0.05),
            (f"{n}: words not right (share)", 1 - total.same_words / total.words, "", 0.002),
            (f"{n}: works' dates not as printed", total.dated - total.same_dates, "", 0),
            (f"{n}: works' closing lines not as printed", total.closed - total.same_closings,
             "", 0),
            (f"{n}: works' short titles not their own", total.found - total.own_shorts, "", 0)]


def run() -> list[tuple[str, float, str, float]]:
    return rows("other volumes", SEEDS)


def main(argv: list[str], make=None) -> None:
    verbose = "-v" in argv
    first, last = (int(a) for a in argv if a != "-v")
    total = Figures()
    for seed in range(first, last + 1):
        figures = measure(seed, make)
        total.add(figures)
        print(f"seed {seed:3}: {figures.row()}", flush=True)
        for want, got in figures.differing if verbose else []:
            print("".join(f"   - {p}\n" for p in want) + "".join(f"   + {p}\n" for p in got))
    print(f"all     : {total.row()}")


if __name__ == "__main__":
    main(sys.argv[1:])
