"""Laying out a long book on several cores: parts laid out in processes of their own, joined.

The book is cut into parts that each start on a recto: the front matter (title page and
contents), runs of works of about equal length, the endnotes, and what follows them. A
part's layout then depends on nothing in front of it but its folios, which are numbered once
the pages in front are counted (pdf_folios). The contents and the endnotes' "p. N" name pages
of other parts, so those two parts are laid out when the parts they name are paginated, with
the numbers written in; the front's page count, which every folio needs first, comes from a
layout with stand-in numbers (the numbers sit in a reserved margin and do not move a line).
Each part is laid out in a forked process that reports its page count and its anchors; the
parts' PDFs are then joined (pdf_join).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import tempfile
import traceback
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

import weasyprint

from ..render import notes_placed, render
from ..tree import Book, Work, iter_nodes
from .pdf_folios import numbered_after
from .pdf_join import LaidPart, join
from .pdf_layout import Part, Pdf, lay_out, printer, stylesheet, write
from .pdf_settings import PrintSettings

MIN_CHARS = 200_000  # below about a hundred pages, one process lays a book out as fast
RUNS_PER_JOB = 2  # shorter runs leave fewer cores idle while the last one finishes
_ID = re.compile(r'\sid="([^"]+)"')
_TARGET = re.compile(r'\shref="#([^"]+)"')


@dataclass
class _Planned:
    """A part, its text once it can be written, what it holds and names, and its layout."""

    part: Part
    numbered: bool = False  # names pages of other parts: laid out once they are paginated
    text: str = ""
    owned: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)
    pages: int | None = None
    anchors: dict[str, int] | None = None
    done: bool = False


def jobs_default() -> int:
    """The processes to lay out with: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def build(book: Book, settings: PrintSettings, jobs: int) -> Pdf | None:
    """The book's PDF laid out in parts by ``jobs`` processes; None where one is better.

    One process is better for short books, for compact layout (no rectos to start parts
    on) and for the PDF/A and PDF/UA variants (whose metadata and structure are the layout's
    own), and where processes cannot be forked.
    """
    if not pays(book, settings, jobs):
        return None
    html = printer(book, settings)
    plan = _plan(book, html, jobs)
    if plan is None:
        return None
    with tempfile.TemporaryDirectory(prefix="octavo-pdf-") as tmp:
        paths = [Path(tmp) / f"part-{i}.pdf" for i in range(len(plan))]
        _lay_out_parts(book, settings, html, plan, paths, jobs)
        laid = [LaidPart(path, p.owned, blank_after=i + 1 < len(plan) and p.pages % 2 == 1)
                for i, (p, path) in enumerate(zip(plan, paths, strict=True))]
        blank = lay_out(render("print-blank.xhtml", meta=book.meta), stylesheet(settings))
        data = join(laid, write(blank, book, settings))
    return Pdf(data=data, pages=_pages_before(plan, len(plan) - 1) + plan[-1].pages)


def _pages_before(plan: list[_Planned], i: int) -> int:
    """The pages in front of part ``i``: the parts before it, each ending on a verso."""
    return sum(p.pages + p.pages % 2 for p in plan[:i])


def pays(book: Book, settings: PrintSettings, jobs: int) -> bool:
    """Whether laying the book out in parts is worth it (see ``build``)."""
    return (jobs > 1 and settings.book and not settings.variant
            and "fork" in multiprocessing.get_all_start_methods()
            and sum(_length(w) for w in book.works) >= MIN_CHARS)


def _plan(book: Book, html: Callable[[Part], str], jobs: int) -> list[_Planned] | None:
    """The parts in book order, or None where a part would wait for ever: for a page no part
    holds, or for a part that waits for it."""
    works = book.works
    at = next((i for i, w in enumerate(works) if w.kind == "notes"), len(works))
    notes = [Part(works[at:at + 1], front=False, endnotes=False)] if notes_placed(book) else (
        [Part([], front=False)] if book.notes else [])
    plan = [_Planned(Part([], endnotes=False), numbered=True)]
    runs = _runs(works[:at], RUNS_PER_JOB * jobs)
    plan += [_Planned(Part(run, front=False, endnotes=False)) for run in runs]
    plan += [_Planned(p, numbered=True) for p in notes]
    if works[at + 1:]:
        plan.append(_Planned(Part(works[at + 1:], front=False, endnotes=False)))
    stand_in: dict[str, int] = defaultdict(int)
    for planned in plan:
        if planned.numbered:
            planned.part.pages = stand_in
        text = html(planned.part)
        planned.owned, planned.named = set(_ID.findall(text)), set(_TARGET.findall(text))
        planned.part.elsewhere = sorted(planned.named - planned.owned)
        planned.text = html(planned.part)
    order = {name: i for i, p in enumerate(plan) for name in p.owned}
    if any(name not in order or 0 < i < order[name] for i, p in enumerate(plan) if p.numbered
           for name in p.named):
        return None  # a page no part holds, or a part waiting for one that waits for it
    return plan


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


def _lay_out_parts(book: Book, settings: PrintSettings, html: Callable[[Part], str],
                   plan: list[_Planned], paths: list[Path], jobs: int) -> None:
    """Lay out every part into its path, each in a forked process (``jobs`` at a time, so
    that memory stays that of a few layouts), numbering the pages as they are counted."""
    fork = multiprocessing.get_context("fork")
    css = stylesheet(settings)
    running: dict[Connection, int] = {}
    waiting: set[int] = set()
    processes = []

    def start(i: int) -> None:
        text = html(plan[i].part) if plan[i].numbered else plan[i].text
        ours, theirs = fork.Pipe()
        process = fork.Process(target=_part_process,
                               args=(text, css, book, settings, paths[i], theirs), daemon=True)
        process.start()
        theirs.close()
        running[ours] = i
        processes.append(process)

    def pages_of() -> dict[str, int]:
        return {name: _pages_before(plan, i) + index + 1 for i, p in enumerate(plan) if p.anchors
                for name, index in p.anchors.items() if name in p.owned}

    def start_ready() -> None:
        known = pages_of()
        for i, planned in enumerate(plan):
            if len(running) < jobs and i not in started and (
                    not planned.numbered or planned.named - planned.owned <= known.keys()):
                if planned.numbered:
                    planned.part.pages = known
                start(i)
                started.add(i)

    started: set[int] = set()
    try:
        start_ready()
        plan[0].pages = len(lay_out(plan[0].text, css).pages)
        while not all(p.done for p in plan):
            if not running:
                raise RuntimeError("no part of the PDF can be laid out: each waits for another")
            for conn in wait(list(running)):
                i = running[conn]
                try:
                    what, value = conn.recv()
                except EOFError:
                    raise RuntimeError(f"the process laying out part {i} of the PDF died") from None
                if what == "error":
                    raise RuntimeError(f"laying out part {i} of the PDF failed:\n{value}")
                if what == "pages":
                    if plan[i].pages not in (None, value):
                        raise RuntimeError("the contents changed length when numbered")
                    plan[i].pages = value
                    waiting.add(i)
                elif what == "anchors":
                    plan[i].anchors = value
                else:
                    plan[i].done = True
                    del running[conn]
            for i in sorted(waiting):
                if all(p.pages is not None for p in plan[:i]):
                    next(c for c, j in running.items() if j == i).send(_pages_before(plan, i))
                    waiting.discard(i)
            start_ready()
    finally:  # on an error or an interrupt, the other parts are not waited for
        for process in processes:
            if process.is_alive() and not all(p.done for p in plan):
                process.terminate()
            process.join()


def _part_process(text: str, css: weasyprint.CSS, book: Book, settings: PrintSettings,
                  path: Path, conn: Connection) -> None:
    """In a forked process: lay out one part, report its pages and anchors, write its PDF."""
    try:
        def pages_before(pages: int) -> int:
            conn.send(("pages", pages))
            return conn.recv()

        with numbered_after(pages_before):
            document = lay_out(text, css)
        anchors: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, index)
        conn.send(("anchors", anchors))
        path.write_bytes(write(document, book, settings))
        conn.send(("done", None))
    except BaseException:  # reported to the parent, which raises it
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
