"""Reading a book of web pages: 60 chapter pages behind an index page, made from the test
fixtures (the archive's Wage Labour and Capital pages and our pages with notes, images and
links), as the reader meets a long book saved from the archive."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from octavo.readers.html import read
from octavo.sources import Source, read_book

FIXTURES = Path(__file__).resolve().parents[1] / "tests/fixtures/html"
PAGES = 60
TARGET = 0.5  # seconds, the target for reading such a book


def make_book(folder: Path, pages: int = PAGES) -> Path:
    """A folder of ``pages`` chapter pages (the fixtures' pages in turn) and its index."""
    sources = sorted((FIXTURES / "wage-labour-and-capital").glob("ch*.htm")) + [
        FIXTURES / "manifesto" / name for name in ("preamble.htm", "ch01.htm", "ch02.htm")] + [
        FIXTURES / "common-sense.htm", FIXTURES / "vindication.htm",
        FIXTURES / "mask-of-anarchy.htm"]
    shutil.copytree(FIXTURES / "manifesto" / "images", folder / "images")
    links = []
    for number in range(1, pages + 1):
        source = sources[(number - 1) % len(sources)]
        shutil.copy(source, folder / f"ch{number:02}.htm")
        links.append(f'<p class="index"><a href="ch{number:02}.htm">Chapter {number}</a></p>')
    (folder / "index.htm").write_text(
        "<html><head><meta charset='utf-8'><title>A Long Book</title></head><body>"
        "<h4>Many Hands</h4><h1>A Long Book</h1>" + "\n".join(links) + "</body></html>")
    return folder


def timed(function, *args) -> tuple[float, float]:
    """The best of three runs, wall clock and processor time (the machine is shared: the
    best run is the one least delayed by others)."""
    runs = []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        function(*args)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(runs)


def run():
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_book(Path(tmp) / "long-book")
        assert len(read(folder).works) == PAGES  # and warm: imports, the first parse
        reading, cpu = timed(read, folder)
        whole, _ = timed(read_book, Source(folder))
    return [(f"web pages: read a {PAGES}-page book", reading, "s", TARGET),
            (f"web pages: read a {PAGES}-page book (processor time)", cpu, "s", None),
            ("web pages: read_book of it (TOML, checks)", whole, "s", None)]


if __name__ == "__main__":
    for row in run():
        print(row)
