"""Building many pamphlets at once: on several processes, skipping what is up to date.

The source is read once, in the parent; each pamphlet Book is cut from it there (cheap)
and keyed for the cache; only the outputs whose key changed are sent to the workers,
one job per pamphlet and format, the biggest first so the processes finish together.
A source whose files are unchanged since a run that made all its outputs isn't even read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .build import write_book
from .cache import Entry, Manifest, output_keys, read_cached, source_fingerprint
from .errors import OctavoError
from .pamphlet import output_path, pamphlet, pamphlet_settings
from .select import find_works, markers, page_span, pamphlet_works
from .sources import Source
from .tree import Book, Work
from .writers.pdf_settings import PrintSettings


@dataclass
class Job:
    """One output to make: a pamphlet in one format, its cache key and rough cost."""

    book: Book
    fmt: str
    path: Path
    key: str
    weight: int  # a rough cost: printed pages, more for a PDF
    settings: PrintSettings | None = None


@dataclass
class Made:
    """One output of the batch: where, how big, how many pages, and whether it was built."""

    path: Path
    entry: Entry
    seconds: float = 0.0
    built: bool = False


@dataclass
class Batch:
    """What a batch has to do: its jobs, or (source unchanged) the outputs it made before."""

    source: str
    fingerprint: str
    manifest: Manifest
    jobs: list[Job] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.jobs) or len(self.unchanged)


def plan(book: Book, works: list[Work], out_dir: Path, formats: tuple[str, ...],
         settings: PrintSettings | None = None) -> list[Job]:
    """The jobs for a pamphlet of each of ``works``, in order."""
    jobs, seen = [], set()
    for work in works:
        made = pamphlet(book, [work])
        pages = 1 + sum(1 for _ in markers(work))
        for fmt, key in output_keys(made, formats).items():
            path = output_path(out_dir, made, fmt)
            if path.name in seen:
                raise OctavoError(f"two pamphlets would be written to {path.name}")
            seen.add(path.name)
            jobs.append(Job(made, fmt, path, key, pages * (8 if fmt == "pdf" else 1), settings))
    return jobs


def prepare(source: Source, queries: list[str], out_dir: Path,
            formats: tuple[str, ...], use_cache: bool = True) -> Batch:
    """The batch of pamphlets of the works named (every work of the source when none is);
    without ``use_cache`` the source is read afresh (outputs still fresh are kept)."""
    manifest = Manifest(out_dir)
    name = str(source.path.resolve())
    fingerprint = source_fingerprint(source, selection="|".join([*formats, "", *queries]))
    if use_cache and (names := manifest.unchanged(name, fingerprint)):
        return Batch(name, fingerprint, manifest, unchanged=names)
    book = read_cached(source, use_cache)
    works = find_works(book, queries) if queries else pamphlet_works(book)
    return Batch(name, fingerprint, manifest,
                 jobs=plan(book, works, out_dir, formats, pamphlet_settings(source)))


def _make(job: Job) -> Made:
    start = time.perf_counter()
    (out,) = write_book(job.book, job.path.parent, (job.fmt,), job.settings)
    printed = "–".join(dict.fromkeys(p for p in page_span(job.book.works[0]) if p))
    return Made(out.path, Entry(job.key, out.size, out.pages, printed),
                time.perf_counter() - start, built=True)


def run(batch: Batch, workers: int, done: Callable[[Made], None] = lambda made: None,
        ) -> list[Made]:
    """Make every output of the batch that isn't fresh, on ``workers`` processes; tell
    ``done`` of each output as it is ready. Returns one Made per output, in order."""
    manifest = batch.manifest
    folder = manifest.path.parent
    order = [*(folder / n for n in batch.unchanged), *(j.path for j in batch.jobs)]
    results: dict[Path, Made] = {}

    def finish(made: Made) -> None:
        manifest.record(made.path, made.entry)
        results[made.path] = made
        done(made)

    for path in (folder / n for n in batch.unchanged):
        finish(Made(path, manifest.outputs[path.name]))
    todo = []
    for job in batch.jobs:
        if entry := manifest.fresh(job.path, job.key):
            finish(Made(job.path, entry))
        else:
            todo.append(job)
    todo.sort(key=lambda j: j.weight, reverse=True)
    try:
        if workers <= 1 or len(todo) <= 1:
            for job in todo:
                finish(_make(job))
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed  # here: 0.05 s

            from .writers import epub, pdf  # noqa: F401  (loaded once, inherited by workers)

            with ProcessPoolExecutor(max_workers=workers) as pool:
                for future in as_completed([pool.submit(_make, job) for job in todo]):
                    finish(future.result())
        manifest.source_done(batch.source, batch.fingerprint, [p.name for p in order])
    finally:
        manifest.save()
    return [results[p] for p in order]
