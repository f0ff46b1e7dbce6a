"""Building many pamphlets at once: on a Dask cluster, skipping what is up to date.

The source is read once, in the parent; each pamphlet Book is cut from it there (cheap)
and keyed for the cache; only the outputs whose key changed are sent to the cluster (an
embedded one of ``workers`` processes, or an existing scheduler), one task per pamphlet and
format, the biggest first so the workers finish together. The workers send the bytes back
and the parent writes them. A source whose files are unchanged since a run that made all
its outputs isn't even read.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import worker_server
from .cache import Entry, Manifest, output_keys, read_cached, source_fingerprint
from .cache.ahead import reading_ahead
from .errors import OctavoError
from .orders import Rendered, render
from .output import writable_folder, write_atomic
from .pamphlet import output_path, pamphlet, pamphlet_settings
from .select import find_works, markers, pamphlet_works
from .sources import Source
from .tree import Book, Work
from .writers.pdf_settings import PrintSettings

if TYPE_CHECKING:
    from .cluster import Cluster


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


def prepare(source: Source, queries: list[str], out_dir: Path, formats: tuple[str, ...],
            use_cache: bool = True, reading: Callable[[], object] | None = None) -> Batch:
    """The batch of pamphlets of the works named (every work of the source when none is);
    without ``use_cache`` the source is read afresh (outputs still fresh are kept).
    ``reading`` is called when the source has to be read (there is work to do) to start
    other work meanwhile: the source is then read in a child process, on another core."""
    manifest = Manifest(out_dir)
    name = str(source.path.resolve())
    fingerprint = source_fingerprint(source, selection="|".join([*formats, "", *queries]))
    if use_cache and (names := manifest.unchanged(name, fingerprint)):
        return Batch(name, fingerprint, manifest, unchanged=names)
    if reading is not None:
        with reading_ahead(source) if use_cache else nullcontext():
            reading()
    book = read_cached(source, use_cache)
    works = find_works(book, queries) if queries else pamphlet_works(book)
    return Batch(name, fingerprint, manifest,
                 jobs=plan(book, works, out_dir, formats, pamphlet_settings(source)))


def cluster_soon(scheduler: str | None, workers: int) -> Future[Cluster]:
    """A cluster starting in a thread of its own (``scheduler``'s, else an embedded one of
    ``workers`` processes), its workers loading the writers, while the caller does other work
    (reads a source). The embedded workers' server starts first, here: from the main thread
    it ignores Ctrl-C, and it loads Dask and the writers on another core while the thread
    loads Dask for this process (a second of work each)."""
    if not scheduler:
        worker_server.start()

    def start() -> Cluster:
        from .cluster import Cluster

        cluster = Cluster.start(scheduler, workers, batch=True)
        cluster.warm([])
        return cluster

    pool = ThreadPoolExecutor(1, thread_name_prefix="octavo-cluster")
    starting = pool.submit(start)
    pool.shutdown(wait=False)
    return starting


def _written(job: Job, rendered: Rendered) -> Made:
    """An output made for a job, written to its path."""
    write_atomic(job.path, rendered.data)
    entry = Entry(job.key, len(rendered.data), rendered.pages, rendered.printed)
    return Made(job.path, entry, rendered.seconds, built=True)


def run(batch: Batch, workers: int, done: Callable[[Made], None] = lambda made: None,
        scheduler: str | None = None, cluster: Future[Cluster] | None = None) -> list[Made]:
    """Make every output of the batch that isn't fresh: on ``cluster`` if one is starting
    already (it is closed at the end), else on an embedded cluster of ``workers`` processes
    or on the Dask ``scheduler`` given, or in this process when there is one worker or one
    output; tell ``done`` of each output as it is ready. Returns one Made per output, in
    order."""
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
    if todo:
        writable_folder(folder)
    alone = cluster is None and scheduler is None and (workers <= 1 or len(todo) <= 1)
    try:
        if alone:
            for job in todo:
                finish(_written(job, render(job.book, job.fmt, job.settings)))
        elif todo or cluster is not None:
            cluster = cluster or cluster_soon(scheduler, workers)
            _on_cluster(todo, cluster, finish)
        manifest.source_done(batch.source, batch.fingerprint, [p.name for p in order])
    finally:
        manifest.save()
    return [results[p] for p in order]


def _on_cluster(todo: list[Job], starting: Future[Cluster],
                finish: Callable[[Made], None]) -> None:
    """Make the jobs on a Dask cluster, finishing each as its bytes come back."""
    from distributed import as_completed

    with starting.result() as cluster:
        # a task's book is its own, unpickled on the worker: the EPUB writer needs no copy
        futures = {cluster.submit(render, job.book, job.fmt, job.settings, True, fmt=job.fmt,
                                  name=job.path.name): job for job in todo}
        for future in as_completed(futures):
            finish(_written(futures[future], future.result()))
