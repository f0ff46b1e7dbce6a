"""Laying out the print PDF: the whole volume, a single-work pamphlet, peak memory.

The volume is the OCR source read by its reader; until that reader lands, a stand-in of
the same size: the OCR text's words cut into paragraphs and works, with endnotes,
footnotes, sections and a chronicle at the volume's density. Each measurement runs in a
fresh process, so peak memory is that build's own.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OCR = ROOT / "input/stalin-works-05.ocr.txt"
WORKS, NOTES = 48, 240  # the volume has about 48 works and 240 endnotes


def standin_volume():
    """A Book the size and shape of the OCR volume, from its own words."""
    from octavo.metadata import merge
    from octavo.tree import (
        Book,
        Chronicle,
        ChronicleEntry,
        ChronicleYear,
        Footnote,
        Metadata,
        Note,
        NoteRef,
        Paragraph,
        Section,
        Text,
        Work,
    )

    lines = OCR.read_text(encoding="utf-8").splitlines()
    words = iter(w for w in " ".join(lines[300:13200]).split() if re.search(r"[a-z]", w))
    paragraphs = [" ".join(itertools.islice(words, 60 + (i * 37) % 120)) for i in range(1000)]
    paragraphs = [p for p in paragraphs if p]
    per_work = len(paragraphs) // WORKS
    note_every = len(paragraphs) // NOTES
    notes, works = [], []
    for w in range(WORKS):
        blocks, footnotes, section = [], [], None
        for i, text in enumerate(paragraphs[w * per_work:(w + 1) * per_work]):
            inlines = [Text(text)]
            n = w * per_work + i
            if n % note_every == 0:
                note = f"note-{len(notes) + 1}"
                inlines.append(NoteRef(note, str(len(notes) + 1), id=f"ref-{note}"))
                notes.append(Note(note, str(len(notes) + 1), [Paragraph([Text(text[:300])])]))
            if n % 37 == 5:
                fn = f"fn-{w}-{i}"
                inlines.append(NoteRef(fn, "*", kind="footnote"))
                footnotes.append(Footnote(fn, "*", [Paragraph([Text(text[:200])])]))
            if w % 3 == 0 and i % 8 == 0:
                section = Section(f"w{w}-s{i}", [Text(text[:40])], number=f"{i // 8 + 1}.")
                blocks.append(section)
            (section.blocks if section else blocks).append(Paragraph(inlines))
        works.append(Work(f"work-{w}", text[:60].upper(), short_title=text[:25],
                          date="January 1, 1921", blocks=blocks, footnotes=footnotes))
    entries = [ChronicleEntry(f"March {d}", [Paragraph([Text(paragraphs[d][:160])])])
               for d in range(1, 120)]
    works.append(Work("chronicle", "Biographical Chronicle", kind="chronicle",
                      blocks=[Chronicle([ChronicleYear("1921", entries)])]))
    meta = merge(Metadata(title="Works", volume="Volume 5", author="J. V. Stalin"),
                 {"book_id": "standin"})
    return Book(meta=meta, works=works, notes=notes)


def volume():
    """The OCR volume read by its reader once there is one, else the stand-in."""
    from octavo.readers import READERS
    from octavo.sources import Source, read_book

    return read_book(Source(OCR)) if "ocr" in READERS else standin_volume()


def _measure(which: str) -> dict:
    """Build in this process and report seconds, pages and peak memory (MB) of the build and
    the processes it forks, sampled every 20 ms."""
    import os
    import time

    from procmem import PeakMemory

    from octavo.writers import pdf
    from octavo.writers.pdf_settings import PrintSettings

    book = volume()
    settings = PrintSettings()
    if which == "pamphlet":
        book.works = book.works[4:5]
        book.notes = [n for n in book.notes if any(
            getattr(x, "target", None) == n.id for x in _nodes(book.works[0]))]
        settings = PrintSettings(book=False)
    with PeakMemory(os.getpid()) as peak:
        start = time.perf_counter()
        laid_out = pdf.build(book, settings)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": laid_out.pages, "peak": peak.mb}


def _nodes(work):
    from octavo.tree import iter_nodes
    return iter_nodes(work)


def _run_child(which: str) -> dict:
    out = subprocess.run([sys.executable, __file__, which], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.splitlines()[-1])


def run():
    built, pamphlet = _run_child("volume"), _run_child("pamphlet")
    from octavo.readers import READERS

    what = "volume" if "ocr" in READERS else "volume stand-in"
    return [(f"PDF: {what} ({built['pages']} pages)", built["seconds"], "s", 10.0),
            (f"PDF: {what}, peak memory", built["peak"], "MB", 600.0),
            (f"PDF: single-work pamphlet ({pamphlet['pages']} pages)", pamphlet["seconds"],
             "s", 2.0)]


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1])))
