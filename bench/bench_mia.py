"""Reading and building the web transcription."""

from __future__ import annotations

import time
from pathlib import Path

from octavo.sources import Source, read_book
from octavo.writers import epub, pdf

SOURCE = Source(Path(__file__).resolve().parents[1] / "input/stalin-1924-the-discussion.mia.txt")


def run():
    start = time.perf_counter()
    book = read_book(SOURCE)
    read = time.perf_counter() - start
    start = time.perf_counter()
    epub.build(book)
    made_epub = time.perf_counter() - start
    start = time.perf_counter()
    pdf.build(book)
    made_pdf = time.perf_counter() - start
    return [("web transcription: read", read, "s", None),
            ("web transcription: EPUB", made_epub, "s", None),
            ("web transcription: PDF", made_pdf, "s", None)]
