"""Builds on Dask distributed: a cluster embedded in the command, or an existing one.

``Cluster.start(workers=N)`` starts a local cluster inside the process: N worker processes of
one thread each (a layout holds the GIL the whole time), listening on 127.0.0.1 only.
``Cluster.start("tcp://HOST:8786")`` sends the same tasks to a running ``dask scheduler``; its
workers need octavo installed and, for orders by source (the web service), the library's
files at the same paths. Either way a task's result (an output's bytes) comes back here, so
no worker writes into the caller's folders.

Asked to, at most ``layouts`` PDF layouts run at once across the cluster (a Dask
semaphore): the layout is the step that takes the memory and the time. Unasked, a worker
thread lays out one PDF at a time anyway, and a task asks the scheduler for nothing.
"""

from __future__ import annotations

import gc
import logging
import os
import uuid
from collections.abc import Callable
from typing import Any

import dask
from distributed import Client, LocalCluster, Semaphore, Worker, WorkerPlugin

from . import worker_server
from .errors import ClusterError
from .orders import PROGRESS, held

LAYOUTS = "octavo-pdf-layouts"  # the semaphore's name on the scheduler
BACKGROUND_NICENESS = 10  # half-way down the scale: `nice`'s own default
CONNECT_SECONDS = 30  # how long to wait for an existing scheduler and a first worker
EMBEDDED = {
    # workers forked from a server process that has loaded Dask: the cluster is up in
    # 0.7 s here, 1.7 s with fresh interpreters, and stops at once
    "distributed.worker.multiprocessing-method": "forkserver",
    # a layout runs for seconds in one thread, and each wake-up of the worker's event loop
    # takes the GIL from it: with Dask's profiler sampling every 10 ms and its loop ticking
    # every 20 ms, a pamphlet took a fifth more CPU than in a plain process; with these
    # off or slowed, the same (measured here, 12 pamphlets, three runs each)
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


# an embedded worker's cyclic collector: a pass when 50,000 more containers than were freed
# are alive (not 700), the older generations seldom; what the worker loaded before its first
# task is frozen out of its sight. A pamphlet's layout makes hundreds of thousands of boxes
# that outlive a pass: the 35 pamphlets' PDFs spent 1.1-1.4 s of their 14 s in the collector
# with Python's thresholds, 0.26-0.37 s with these, for 20 MB more at the peak
COLLECTOR_THRESHOLDS = (50_000, 20, 10)
# a batch's workers end with it (and a process ending frees its memory whole): a pass
# only when 500,000 more containers than were freed are alive, about 55 MB. What each
# pamphlet leaves is its cycles (WeasyPrint's styles and boxes, 7,000 containers), and a
# pass took 1.2 µs for each, in freeing it: the sample volume's 70 outputs left 520,000,
# which its ten passes at 50,000 took 0.5-0.6 s of its 16 s to free; on two workers, there
# is no pass now
BATCH_THRESHOLDS = (500_000, 20, 10)


def _limited(task: Callable, *args: object, layouts: int) -> object:
    """Run a task that lays out a PDF on a worker, holding a lease of the layout semaphore."""
    with Semaphore(max_leases=layouts, name=LAYOUTS):
        return task(*args)


class _Background(WorkerPlugin):
    """A worker plugin: builds run at a lower priority than the process serving pages on
    the same machine, so a page is answered at once however many layouts run."""

    name = "octavo-background"

    def setup(self, worker: Worker) -> None:
        os.nice(BACKGROUND_NICENESS)


class _Collector(WorkerPlugin):
    """A worker plugin: the cyclic garbage collector set for layouts (``thresholds``)."""

    name = "octavo-collector"

    def __init__(self, thresholds: tuple[int, int, int]) -> None:
        self.thresholds = thresholds

    def setup(self, worker: Worker) -> None:
        gc.freeze()
        gc.set_threshold(*self.thresholds)


def _warm(sources: list[tuple[str, str]]) -> None:
    """On a worker: load the writers, set WeasyPrint up (faces, the book's stylesheet) and
    read the sources' trees before the first order."""
    from .writers import epub  # noqa: F401
    from .writers.pdf_layout import warm_up

    warm_up()
    for path, fingerprint in sources:
        held(path, fingerprint)


class Cluster:
    """A Dask client on an embedded local cluster or on an existing scheduler."""

    def __init__(self, client: Client, local: LocalCluster | None = None,
                 layouts: int | None = None) -> None:
        """A cluster already started (``start``): its client, and its local cluster if
        embedded; ``layouts``: the most PDF layouts at once, if limited."""
        self.client, self.local, self.layouts = client, local, layouts

    @classmethod
    def start(cls, scheduler: str | None = None, workers: int = 1,
              layouts: int | None = None, batch: bool = False) -> Cluster:
        """Connect to ``scheduler`` (waiting for a worker), or start an embedded cluster of
        ``workers`` processes; ``batch``: its workers end with a batch (BATCH_THRESHOLDS)."""
        logging.getLogger("distributed").setLevel(logging.ERROR)  # octavo reports failures
        if scheduler:
            try:
                client = Client(scheduler, timeout=CONNECT_SECONDS)
            except (OSError, ValueError) as exc:
                raise ClusterError(f"cannot reach the Dask scheduler: {exc}", scheduler) from None
            try:
                client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            except TimeoutError:
                client.close()
                raise ClusterError(f"no worker joined in {CONNECT_SECONDS} s", scheduler) from None
            return cls(client, layouts=layouts)
        dask.config.set(EMBEDDED)
        worker_server.start()  # unless a batch started it already (batch.cluster_soon)
        # no dashboard; the scheduler's HTTP routes on a free port of 127.0.0.1
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                             host="127.0.0.1", dashboard_address="127.0.0.1:0",
                             silence_logs=logging.ERROR,
                             plugins=(_Collector(BATCH_THRESHOLDS if batch
                                                 else COLLECTOR_THRESHOLDS),))
        return cls(Client(local), local, layouts)

    @property
    def threads(self) -> int:
        """How many tasks the cluster runs at once."""
        info = self.client.scheduler_info(n_workers=-1)["workers"]
        return sum(w["nthreads"] for w in info.values()) or 1

    def submit(self, task: Callable, *args: object, fmt: str, name: str) -> Any:
        """Send ``task(*args)`` to the cluster; returns its Dask future. Every task is of one
        Dask task group (named by a key's first part), whatever its name: once a few are
        waiting, the scheduler queues them and hands each to the first free worker, in the
        order they came (a batch sends the longest first). Keys named ``octavo-<name>`` had
        been grouped by the name's leading words, one group per pamphlet of a book whose id
        is all words."""
        key = ("octavo-task", name, uuid.uuid4().hex[:12])
        if fmt == "pdf" and self.layouts:
            return self.client.submit(_limited, task, *args, layouts=self.layouts, key=key,
                                      pure=False)
        return self.client.submit(task, *args, key=key, pure=False)

    def in_background(self) -> None:
        """Have the embedded cluster's workers (and those restarted later) yield the CPU to
        this process: the pages it serves stay quick while builds run."""
        if self.local is not None:
            self.client.register_plugin(_Background())

    def warm(self, sources: list[tuple[str, str]]) -> None:
        """Have every worker load the writers and read ``sources`` ((path, fingerprint))."""
        self.client.run(_warm, sources)

    def on_progress(self, handler: Callable[[dict], None]) -> None:
        """Call ``handler`` with each step an order reports (see ``orders._report``); it runs
        on the client's event loop, so it must not wait for anything."""
        self.client.subscribe_topic(PROGRESS, lambda event: handler(event[1]))

    def restart(self, worker: str) -> None:
        """Restart a worker (by its nanny), ending whatever it runs."""
        self.client.restart_workers([worker], raise_for_error=False)

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
