"""Volumes of the kind made from known text (the tests' generator, every switch drawn at
random): how much of their text the OCR reader gives back, and how many of their
paragraph ends no reading of the widths can find.

A paragraph that ends on a line too full for the next paragraph's first word, before a
first line as wide as a line that runs on (its indent is lost in the scan), looks in the
text exactly like a sentence ending at a line's end inside a paragraph: only the odds
the reader learns (how long the volume's paragraphs run, which words open them, how much
of a paragraph's words the next lines take up) can call it.  (The generator draws its
paragraphs apart from a pool, so the last cue is stronger here than in a volume whose
paragraphs follow on from each other.)  The last row counts the paragraphs either side
of those ends: what a reader of the widths alone would not read back.
"""

from __future__ import annotations

import difflib
import itertools
import re
import sys
import tempfile
from pathlib import Path

from octavo.readers.ocr.fit import first_word
from octavo.readers.ocr.lines import SENTENCE_END
from octavo.readers.ocr.measure import space, using, width
from octavo.sources import Source, read_book
from octavo.tree import Paragraph, Text, iter_nodes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from volumegen import Options, Typesetter, Volume, generate, sampled

SEEDS = range(1, 31)  # the same thirty each run (the tests read a few of them)


def _read(volume: Volume) -> list[str]:
    """The generated volume's works' paragraphs as the reader gives them back."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "generated.ocr.txt"
        source.write_text(volume.text, encoding="utf-8")
        source.with_suffix("").with_suffix(".toml").write_text('title = "Works"\n')
        book = read_book(Source(source))
    return [" ".join("".join(t.text for t in iter_nodes(n) if isinstance(t, Text)).split())
            for w in book.walk() if w.kind == "work" for b in w.blocks
            for n in iter_nodes(b) if isinstance(n, Paragraph) and n.role != "line"]


def _same(want: list[str], got: list[str]) -> int:
    return sum(m.size for m in difflib.SequenceMatcher(a=want, b=got, autojunk=False)
               .get_matching_blocks())


def _untold(options: Options, volume: Volume) -> int:
    """The volume's paragraphs on either side of an end no width tells: a sentence's last
    line with no room for the next paragraph's first word, before a first line with no
    room for its own next word on a full line either."""
    setter = Typesetter(options, 1)
    touched: set[tuple[int, int]] = set()
    with using(options.face):
        runs = [run for w in volume.works for run in [w.paragraphs, *(p for _, p in w.sections)]]
        for n, run in enumerate(runs):  # (a heading parts a work's runs)
            for k, (before, text) in enumerate(itertools.pairwise(run)):
                last, (first, *rest) = setter.lines_of(before)[-1], setter.lines_of(text)
                following = first_word(rest[0]) if rest else ""
                if (SENTENCE_END.search(last) and first[:1].isupper()
                        and width(last) + space() + width(first_word(first)) > options.measure
                        and (not following or first.endswith("-")
                             or options.measure - width(first) < space() + width(following))):
                    touched |= {(n, k), (n, k + 1)}
    return len(touched)


def run():
    paragraphs = same_paragraphs = words = same_words = untold = 0
    for seed in SEEDS:
        options = sampled(seed)
        volume = generate(options)
        want = [t for w in volume.works for t in w.texts()]
        got = _read(volume)
        paragraphs, same_paragraphs = paragraphs + len(want), same_paragraphs + _same(want, got)
        want_words, got_words = (re.findall(r"[\w’]+", " ".join(x)) for x in (want, got))
        words += (len(want_words) + len(got_words)) / 2
        same_words += _same(want_words, got_words)
        untold += _untold(options, volume)
    return [(f"{len(SEEDS)} generated volumes: paragraphs not read back (share)",
             1 - same_paragraphs / paragraphs, "", 0.05),
            (f"{len(SEEDS)} generated volumes: words not read back (share)",
             1 - same_words / words, "", 0.002),
            (f"{len(SEEDS)} generated volumes: paragraphs at an end no width tells (share)",
             untold / paragraphs, "", None)]
