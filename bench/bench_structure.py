"""The structure pass on the OCR volume: its time, and how much of the volume it settles."""

from __future__ import annotations

import copy
import time
from pathlib import Path

from octavo import corrections
from octavo.readers import ocr
from octavo.readers.ocr.pages import page_spans
from octavo.readers.ocr.works import build_book
from octavo.tree import NoteRef, iter_nodes
from octavo.writers.epub import count_pages

SOURCE = Path(__file__).resolve().parents[1] / "input/stalin-works-05.ocr.txt"


def run():
    text = SOURCE.read_text(encoding="utf-8")
    fixed = corrections.apply(text, corrections.load(corrections.default_path(SOURCE)), page_spans)
    draft, pages = ocr.draft(fixed)
    times = []
    for _ in range(3):
        fresh = copy.deepcopy(draft)
        start = time.perf_counter()
        book = build_book(fresh, pages)
        times.append(time.perf_counter() - start)
    linked = {n.target for w in book.works for n in iter_nodes(w)
              if isinstance(n, NoteRef) and n.kind == "endnote"}
    footnotes = sum(len(w.footnotes) for w in book.walk())
    return [("OCR volume: structure pass (works, notes, links)", min(times), "s", 0.5),
            ("OCR volume: endnotes linked both ways", len(linked), "", None),
            ("OCR volume: endnotes in the notes section", len(book.notes), "", None),
            ("OCR volume: footnotes attached to their works", footnotes, "", None),
            ("OCR volume: printed pages in the page-list", count_pages(book), "", None),
            ("OCR volume: unsettled (audit findings)", len(book.warnings), "", None)]
