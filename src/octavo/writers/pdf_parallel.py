"""Laying out a long book on several cores: parts laid out in processes of their own, joined.

The book is cut into parts that each start on a recto: the front matter (title page and
contents), runs of works of about equal length, the endnotes, and what follows them. A
part's layout then depends on nothing in front of it but its folios, which are numbered once
the pages in front are counted (pdf_folios). The contents and the endnotes' "p. N" name pages
of other parts, so those two parts are laid out when the parts they name are paginated, with
the numbers written in; the front's page count, which every folio needs first, comes from a
layout with stand-in numbers (the numbers sit in a reserved margin and do not move a line).
Each part is laid out in a process of its own (pdf_schedule says when, and what it reports),
forked from the server the command started while it read the book, WeasyPrint loaded in it
(worker_server), else from this process; the parts' PDFs are then joined (pdf_join).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path

from .. import cores, progress, worker_server
from ..render import notes_placed, render
from ..tree import Book, Metadata, Work, iter_nodes
from .pdf_html import Part, Pdf, printer
from .pdf_schedule import Anchored, Failed, Paginated, Planned, Schedule, Written, received
from .pdf_settings import PrintSettings

MIN_CHARS = 200_000  # below about a hundred pages, one process lays a book out as fast
RUNS_PER_JOB = 2  # shorter runs leave fewer cores idle while the last one finishes
_ID = re.compile(r'\sid="([^"]+)"')
_TARGET = re.compile(r'\shref="#([^"]+)"')


@dataclass
class _Part:
    """A part of the book: what it holds, and its place in the schedule. Its XHTML is
    written when it starts (a numbered one's with the pages it names, known by then)."""

    part: Part
    planned: Planned


def build(book: Book, settings: PrintSettings, jobs: int) -> Pdf | None:
    """The book's PDF laid out in parts by ``jobs`` processes; None where one is better.

    One process is better for short books, for compact layout (no rectos to start parts
    on) and for the PDF/A and PDF/UA variants (whose metadata and structure are the layout's
    own), and where processes cannot be forked.
    """
    if not pays(book, settings, jobs):
        return None
    html = printer(book, settings)
    parts = _plan(book, html, jobs)
    if parts is None:
        return None
    with tempfile.TemporaryDirectory(prefix="octavo-pdf-") as tmp:
        paths = [Path(tmp) / f"part-{i}.pdf" for i in range(len(parts))]
        blank = Path(tmp) / "blank.pdf"
        schedule = _lay_out_parts(book.meta, settings, html, parts, paths, blank, jobs)
        from .pdf_join import LaidPart, join  # pikepdf: only to join (loaded meanwhile)

        plan = schedule.plan
        laid = [LaidPart(path, p.owned, blank_after=i + 1 < len(plan) and p.pages % 2 == 1)
                for i, (p, path) in enumerate(zip(plan, paths, strict=True))]
        progress.report("joining the parts of the PDF")
        data = join(laid, blank.read_bytes())
    return Pdf(data=data, pages=schedule.pages_before(len(plan) - 1) + plan[-1].pages)


def pays(book: Book, settings: PrintSettings, jobs: int) -> bool:
    """Whether laying the book out in parts is worth it (see ``build``)."""
    return (jobs > 1 and settings.book and not settings.variant
            and "fork" in multiprocessing.get_all_start_methods()
            and sum(_length(w) for w in book.works) >= MIN_CHARS)


def _plan(book: Book, html: Callable[[Part], str], jobs: int) -> list[_Part] | None:
    """The parts in book order, or None where a part would wait for ever: for a page no part
    holds, or for a part that waits for it."""
    works = book.works
    at = next((i for i, w in enumerate(works) if w.kind == "notes"), len(works))
    notes = [Part(works[at:at + 1], front=False, endnotes=False)] if notes_placed(book) else (
        [Part([], front=False)] if book.notes else [])
    layout = [(Part([], endnotes=False), True)]
    layout += [(Part(run, front=False, endnotes=False), False)
               for run in _runs(works[:at], RUNS_PER_JOB * jobs)]
    layout += [(p, True) for p in notes]
    if works[at + 1:]:
        layout.append((Part(works[at + 1:], front=False, endnotes=False), False))
    stand_in: dict[str, int] = defaultdict(int)
    parts = []
    for part, numbered in layout:
        if numbered:
            part.pages = stand_in
        text = html(part)
        owned, named = set(_ID.findall(text)), set(_TARGET.findall(text))
        part.elsewhere = sorted(named - owned)
        parts.append(_Part(part, Planned(owned, named, numbered)))
    order = {name: i for i, p in enumerate(parts) for name in p.planned.owned}
    if any(name not in order or 0 < i < order[name] for i, p in enumerate(parts)
           if p.planned.numbered for name in p.planned.named):
        return None  # a page no part holds, or a part waiting for one that waits for it
    return parts


def _length(work: Work) -> int:
    return sum(len(getattr(node, "text", "")) for node in iter_nodes(work))


def _runs(works: list[Work], count: int) -> list[list[Work]]:
    """The works cut into ``count`` runs (fewer if there are fewer works) of even length."""
    total, runs, run, done = sum(map(_length, works)), [], [], 0
    for work in works:
        length = _length(work)
        if run and len(runs) < count - 1 and done + length / 2 > total * (len(runs) + 1) / count:
            runs.append(run)
            run = []
        run.append(work)
        done += length
    return [*runs, run] if run else runs


def prepare(source_bytes: int) -> None:
    """Start, before a book is read, the server its parts would be laid out from: WeasyPrint
    loads there on another core meanwhile. Not for a source of fewer bytes than a book laid
    out in parts has characters: its book is laid out in one process, and the server's
    loading would be wasted (a longer source's book may still turn out short: then nothing
    waits for the server)."""
    if (source_bytes >= MIN_CHARS and cores.available() > 1
            and "forkserver" in multiprocessing.get_all_start_methods()):
        worker_server.start(["octavo.writers.pdf_warm"])


def _processes() -> BaseContext:
    """Where the parts' processes come from: the server, if this process started it; else
    forks of this process, which sets WeasyPrint up for them first."""
    if worker_server.running():
        return multiprocessing.get_context("forkserver")
    from .pdf_layout import warm_up

    warm_up()
    return multiprocessing.get_context("fork")


def _lay_out_parts(meta: Metadata, settings: PrintSettings, html: Callable[[Part], str],
                   parts: list[_Part], paths: list[Path], blank: Path, jobs: int) -> Schedule:
    """Lay out every part into its path, each in a process of its own, ``jobs`` at a time,
    numbering the pages as they are counted (the first process counts the front's pages, then
    writes the blank page into ``blank``); the schedule, done."""
    context = _processes()
    processes = []

    def spawn(target: Callable[..., None], *args: object) -> Connection:
        ours, theirs = context.Pipe()
        process = context.Process(target=target, args=(*args, theirs), daemon=True)
        process.start()
        theirs.close()
        processes.append(process)
        return ours

    def start(i: int, known: dict[str, int]) -> Connection:
        part = parts[i]
        if part.planned.numbered:
            part.part.pages = known
        return spawn(_part_process, html(part.part), meta, settings, paths[i])

    def front_pages() -> int:
        # the first parts are laid out: the join's modules load meanwhile, not after them
        importlib.import_module(".pdf_join", __package__)
        return received(counting, "counting the front's pages").pages

    counting = spawn(_front_process, html(parts[0].part), meta, settings, blank)
    schedule = Schedule([p.planned for p in parts], jobs, start)
    try:
        schedule.run(front_pages)
        received(counting, "writing the blank page")
    finally:  # on an error or an interrupt, the other parts are not waited for
        for process in processes:
            if process.is_alive() and not all(p.done for p in schedule.plan):
                process.terminate()
            process.join()
    return schedule


def _reporting(conn: Connection, work: Callable[[], None]) -> None:
    """In a part's process: do its work, reporting a failure to the parent (which raises it).

    The cycle collector stays off: a layout makes millions of objects and hardly a cycle,
    and the process ends once its PDF is written (the collector's passes over the ever more
    objects took about a tenth of a part's time, and touched the server's pages, copying
    them)."""
    gc.disable()
    try:
        work()
    except BaseException as exc:
        conn.send(Failed.of(exc))
    finally:
        conn.close()


def _front_process(text: str, meta: Metadata, settings: PrintSettings, blank: Path,
                   conn: Connection) -> None:
    """In a process of its own: count the front's pages, laid out with stand-in numbers
    (the second part starts on their count), then write the blank page that follows a part
    ending on a recto (wanted only by the join)."""
    from .pdf_layout import lay_out, stylesheet, write  # loaded in the server or the parent

    def work() -> None:
        css = stylesheet(settings)
        conn.send(Paginated(len(lay_out(text, css).pages)))
        page = lay_out(render("print-blank.xhtml", meta=meta), css)
        blank.write_bytes(write(page, meta, settings))
        conn.send(Written())

    _reporting(conn, work)


def _part_process(text: str, meta: Metadata, settings: PrintSettings, path: Path,
                  conn: Connection) -> None:
    """In a process of its own: lay out one part, report its pages and anchors, write its PDF."""
    from .pdf_folios import numbered_after
    from .pdf_layout import lay_out, stylesheet, write

    def pages_before(pages: int) -> int:
        conn.send(Paginated(pages))
        return conn.recv()

    def work() -> None:
        with numbered_after(pages_before):
            document = lay_out(text, stylesheet(settings))
        anchors: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, index)
        conn.send(Anchored(anchors))
        path.write_bytes(write(document, meta, settings))
        conn.send(Written())

    _reporting(conn, work)
