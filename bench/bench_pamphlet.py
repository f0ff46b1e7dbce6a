"""Pamphlets: one short work, every work of the volume in parallel, and the cached re-run.

On the OCR volume once its reader is there; until then on a synthetic volume of the same
kind (works of 2–40 printed pages, a composite one, notes and page markers), read by a
reader registered for the benchmark only.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from octavo.build import write_book
from octavo.pamphlet import pamphlet
from octavo.readers import READERS
from octavo.select import page_span, pamphlet_works
from octavo.sources import Source, read_book
from octavo.tree import Book, Metadata, Note, NoteRef, PageMarker, Paragraph, Text, Work

HERE = Path(__file__).resolve().parent
VOLUME = HERE.parent / "input/stalin-works-05.ocr.txt"
PAGES = [5, 12, 3, 20, 8, 30, 6, 4, 15, 10, 2, 25, 7, 9, 40, 5, 11, 6, 18, 3, 14, 22, 8, 13]
SENTENCE = ("The development of the movement has a long history, covering several decades "
            "of theoretical work and of practical struggle, in which the leading group was "
            "formed and tested. ")


def synthetic(text: str) -> Book:
    """A volume like the OCR one: ``text`` is ignored; every page has a marker, every third a
    note, and one work is a congress of four speeches."""
    page, notes = 1, []

    def pages(count: int) -> list:
        nonlocal page
        blocks = []
        for _ in range(count):
            blocks.append(PageMarker(str(page)))
            inlines = [Text(SENTENCE * 6)]
            if page % 3 == 0:
                notes.append(Note(f"note-{len(notes) + 1}", str(len(notes) + 1),
                                  [Paragraph([Text(SENTENCE)])]))
                inlines.append(NoteRef(notes[-1].id, notes[-1].number, id=f"ref-{page}"))
            blocks += [Paragraph(inlines), Paragraph([Text(SENTENCE * 8)])]
            page += 1
        return blocks

    def work(ident: str, count: int, kind: str = "work") -> Work:
        first = page
        return Work(ident, ident.replace("-", " ").title(), kind=kind, blocks=pages(count),
                    first_page=str(first), last_page=str(page - 1))

    works = [work(f"work-{i:02}", n) for i, n in enumerate(PAGES, 1)]
    congress = Work("the-congress", "The Congress", first_page=str(page))
    congress.children = [work(f"speech-{i}", 10, "part") for i in range(1, 5)]
    congress.last_page = str(page - 1)
    meta = Metadata(title="Works", volume="Volume 1", author="A. N. Author", place="Moscow",
                    date="1953")
    return Book(meta=meta, works=[*works, congress], notes=notes)


def register() -> None:
    """Make the synthetic volume readable (as ``*.synthetic.txt``) when there's no OCR reader."""
    if "ocr" not in READERS:
        READERS["synthetic"] = synthetic


def source(folder: Path) -> Source:
    if "ocr" in READERS:
        return Source(VOLUME)
    register()
    path = folder / "volume.synthetic.txt"
    path.write_text("synthetic")
    return Source(path)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def octavo(*args: str) -> tuple[float, float]:
    """Run the octavo command in a fresh interpreter, as a user would: (wall, CPU) seconds,
    the CPU time summed over all its processes."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv.pop(1)); "
                    "import bench_pamphlet; bench_pamphlet.register(); "
                    "from octavo.cli import main; main()", str(HERE), *args],
                   check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def timed(action) -> tuple[float, float]:
    """(wall, CPU) seconds of an action run in this process, with the processes it forks."""
    start, cpu = time.perf_counter(), time.process_time() + children_cpu()
    action()
    return time.perf_counter() - start, time.process_time() + children_cpu() - cpu


def run():
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["OCTAVO_CACHE"] = str(folder / "trees")  # a cold tree cache, ours alone
        src = source(folder)
        what = "volume" if "ocr" in READERS else "synthetic volume"
        book = read_book(src)
        works = pamphlet_works(book)

        def span(w: Work) -> int:
            first, last = page_span(w)
            return int(last) - int(first) + 1 if first.isdigit() and last.isdigit() else 0

        short = min(works, key=lambda w: (abs(span(w) - 5), span(w)))
        write_book(pamphlet(book, [short]), folder / "warm", ("epub", "pdf"))  # load the writers
        one, _ = timed(lambda: write_book(pamphlet(book, [short]), folder / "one",
                                          ("epub", "pdf")))
        one_cli, _ = octavo("pamphlet", str(src.path), short.id, "--out", str(folder / "cli"))
        one_warm, _ = octavo("pamphlet", str(src.path), short.id, "--out", str(folder / "cli"))
        # the volume's PDF made as the batch is, by the command in a fresh process that reads
        # the source (the pamphlets above cached its tree): like with like
        shutil.rmtree(folder / "trees")
        whole, whole_cpu = octavo("build", str(src.path), "--format", "pdf",
                                  "--out", str(folder / "whole"))
        batch = ["pamphlets", str(src.path), "--all", "--jobs", "2", "--out", str(folder / "all")]
        shutil.rmtree(folder / "trees")  # the batch reads the source too
        every, every_cpu = octavo(*batch)
        again, _ = octavo(*batch)
    return [
        (f"{what}: one pamphlet ({span(short)} pp.), EPUB + PDF", one, "s", 1.5),
        (f"{what}: same, `octavo pamphlet`, source not read before", one_cli, "s", None),
        (f"{what}: same, `octavo pamphlet`, its tree cached", one_warm, "s", None),
        (f"{what}: whole-volume PDF, `octavo build --format pdf`", whole, "s", None),
        (f"{what}: all {len(works)} pamphlets, EPUB + PDF, --jobs 2", every, "s", None),
        (f"{what}: all pamphlets / whole-volume PDF", every / whole, "x", 1.2),
        (f"{what}: CPU time, all pamphlets / whole-volume PDF", every_cpu / whole_cpu, "x",
         None),
        (f"{what}: all pamphlets again, nothing changed", again, "s", 1.0),
        ("load average during the benchmark (2 cores)", os.getloadavg()[0], "", None),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row)
