"""Reading the OCR volume: the reader's passes alone, and with the corrections file."""

from __future__ import annotations

import time
from pathlib import Path

from octavo import corrections, sources
from octavo.readers import ocr
from octavo.readers.ocr.pages import page_spans

SOURCE = Path(__file__).resolve().parents[1] / "input/stalin-works-05.ocr.txt"


def _best_of(runs: int, job, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        start = clock()
        job()
        times.append(clock() - start)
    return min(times)


def run():
    text = sources.read_text(SOURCE)
    fixes = corrections.load(corrections.default_path(SOURCE))
    ocr.read(text)  # warm the word-frequency tables once, as any later read finds them
    fixed = _best_of(3, lambda: corrections.apply(text, fixes, page_spans))
    def job():
        return ocr.read(corrections.apply(text, fixes, page_spans))

    read = _best_of(3, job)
    cpu = _best_of(3, job, time.process_time)  # what a busy machine does not inflate
    return [("OCR volume: corrections applied", fixed, "s", None),
            ("OCR volume: read (corrections + reader)", read, "s", 1.0),
            ("OCR volume: read, CPU time", cpu, "s", 1.0)]
