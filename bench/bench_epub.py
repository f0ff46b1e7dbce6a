"""Building EPUBs: time and size for every source whose reader exists, and the cover alone."""

from __future__ import annotations

import time
from pathlib import Path

from octavo.readers import READERS
from octavo.sources import discover, read_book
from octavo.writers import cover, epub

INPUT = Path(__file__).resolve().parents[1] / "input"


def run():
    rows = []
    for source in discover(INPUT):
        if source.path.name.split(".")[-2] not in READERS:
            continue
        book = read_book(source)
        start = time.perf_counter()
        data = epub.build(book)
        rows += [(f"{source.stem}: EPUB build", time.perf_counter() - start, "s", 10.0),
                 (f"{source.stem}: EPUB size", len(data) / 1024, "KiB", None),
                 (f"{source.stem}: pages in the page-list", epub.count_pages(book), "", None)]
        start = time.perf_counter()
        cover.cover_png(book.meta)
        rows.append((f"{source.stem}: cover image", time.perf_counter() - start, "s", 1.0))
    return rows
