"""The structure pass on the OCR volume: its time, and how much of the volume it settles."""

from __future__ import annotations

import copy
import time
from pathlib import Path

from octavo import sources
from octavo.findings import collecting
from octavo.readers import ocr
from octavo.tree import NoteRef, iter_nodes
from octavo.writers.epub import count_pages

SOURCE = Path(__file__).resolve().parents[1] / "input/stalin-works-05.ocr.txt"


def run():
    draft, pages = ocr.draft(sources.source_text(sources.Source(SOURCE)))
    times = []
    for _ in range(3):
        fresh = copy.deepcopy(draft)
        start = time.perf_counter()
        with collecting(SOURCE) as gathering:
            book = ocr.build_book(fresh, pages)
        times.append(time.perf_counter() - start)
    linked = {n.target for w in book.works for n in iter_nodes(w)
              if isinstance(n, NoteRef) and n.kind == "endnote"}
    footnotes = sum(len(w.footnotes) for w in book.walk())
    return [("OCR volume: structure pass (works, notes, links)", min(times), "s", 0.5),
            ("OCR volume: endnotes linked both ways", len(linked), "", None),
            ("OCR volume: endnotes in the notes section", len(book.notes), "", None),
            ("OCR volume: footnotes attached to their works", footnotes, "", None),
            ("OCR volume: printed pages in the page-list", count_pages(book), "", None),
            ("OCR volume: unsettled (audit doubts)",
             sum(f.kind.level == "doubt" for f in gathering.findings), "", None)]
