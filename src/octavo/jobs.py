"""The web service's builds: jobs of one or two outputs, made on the cluster, kept in the store.

A job is a pamphlet asked for: works of a book in EPUB, PDF or both, one output (one
``Order``) each. Its id hashes its outputs' keys, so the same request finds the same job;
an output already in the store is ready at once, and one being made for another job is
shared, not made twice.

Bounds: at most ``queue`` outputs are being made or waiting (beyond that ``Busy``, with
the seconds after which to try again, estimated from the outputs timed so far); an
output a worker has worked on for longer than ``time_limit`` seconds fails, and that
worker is restarted so the layout really stops. A failed output leaves nothing in the store.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .cluster import Cluster
from .errors import OctavoError, one_line
from .library import Title
from .orders import Order, render_order
from .pamphlet import pages_cited
from .store import Store, Stored
from .tree import Work

KEEP = 10_000  # jobs remembered (a few hundred bytes each); an older one is asked for anew
WATCH_SECONDS = 0.25  # how often running outputs are checked against the time limit


class Busy(OctavoError):
    """The queue is full: try again in ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class Output:
    """One output of a job: waiting, being made (and which step), ready, or failed."""

    order: Order
    state: str = "queued"  # queued, running, ready, failed
    step: str = "waiting for a worker"
    stored: Stored | None = None
    error: str = ""
    started: float | None = None  # when a worker began it (monotonic seconds)
    worker: str = ""
    future: Any = None


@dataclass
class Job:
    """A pamphlet asked for: its book, works, and outputs."""

    id: str
    book: str
    works: list[Work]
    outputs: list[Output]
    created: float = field(default_factory=time.time)

    @property
    def title(self) -> str:
        return "; ".join(w.title for w in self.works)

    @property
    def pages(self) -> str:
        """The source edition's pages the pamphlet holds: ``pp. 286–90``."""
        return pages_cited(self.works)

    @property
    def state(self) -> str:
        """ready when every output is, failed when one failed, else running or queued."""
        states = {o.state for o in self.outputs}
        for state in ("failed", "running", "queued"):
            if state in states:
                return state
        return "ready"

    @property
    def kept(self) -> bool:
        """Whether the files made for it are still in the store (which has a size limit)."""
        return all(o.stored.path.exists() for o in self.outputs if o.stored is not None)


class Jobs:
    """The jobs of a server: asked for, made on the cluster, their outputs stored."""

    def __init__(self, cluster: Cluster, store: Store, queue: int, time_limit: float) -> None:
        self.cluster, self.store = cluster, store
        self.queue, self.time_limit = queue, time_limit
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.building: dict[str, Output] = {}  # by order key
        self.timed: list[float] = []  # seconds the outputs made so far took
        self._lock = threading.RLock()
        self._stop = threading.Event()
        cluster.on_progress(self._progress)
        self._watch = threading.Thread(target=self._watchdog, name="octavo-time-limit",
                                       daemon=True)
        self._watch.start()

    def ask(self, title: Title, works: list[Work], formats: tuple[str, ...],
            trim: str) -> Job:
        """The job making a pamphlet of ``works`` (chosen from ``title``) in ``formats``."""
        settings = title.settings.override(trim=trim)
        orders = [Order(str(title.source.path), title.fingerprint,
                        tuple(w.id for w in works), fmt, settings) for fmt in formats]
        job_id = hashlib.sha256("|".join(o.key for o in orders).encode()).hexdigest()[:32]
        with self._lock:
            job = self.jobs.get(job_id)
            if job is not None and job.state != "failed" and job.kept:
                self.jobs.move_to_end(job_id)
                return job
            outputs = [self._output(o) for o in orders]
            new = [o for o in outputs if o.future is None and o.state == "queued"]
            if len(self.building) + len(new) > self.queue:
                raise Busy(f"{len(self.building)} outputs are being made or waiting, the most "
                           f"this server takes; try again shortly", self.retry_after())
            for output in new:
                self._submit(output)
            job = self.jobs[job_id] = Job(job_id, title.id, works, outputs)
            while len(self.jobs) > KEEP:
                self.jobs.popitem(last=False)
            return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def _output(self, order: Order) -> Output:
        """The output for an order: ready from the store, shared if being made, else new."""
        if stored := self.store.get(order.key, order.fmt):
            return Output(order, "ready", "ready", stored)
        return self.building.get(order.key) or Output(order)

    def retry_after(self) -> int:
        """Seconds until the queue has room: what is queued, at the mean time an output
        took so far (a second before any was timed), spread over the cluster's threads."""
        mean = sum(self.timed) / len(self.timed) if self.timed else 1.0
        return max(1, math.ceil(len(self.building) * mean / self.cluster.threads))

    def _submit(self, output: Output) -> None:
        order = output.order
        self.building[order.key] = output
        output.future = self.cluster.submit(render_order, order, fmt=order.fmt,
                                            name=f"{order.works[0]}.{order.fmt}")
        output.future.add_done_callback(lambda future: self._finished(output, future))

    def _finished(self, output: Output, future: Any) -> None:
        """Store what a worker made, or say why it failed."""
        try:
            if output.state != "failed":  # not already failed by the time limit
                rendered = future.result()
                output.stored = self.store.put(output.order.key, output.order.fmt, rendered)
                output.state, output.step = "ready", "ready"
                self.timed.append(rendered.seconds)
        except OctavoError as exc:
            self._fail(output, str(exc))
        except Exception as exc:  # a worker died, a bug: said in one line, no traceback
            self._fail(output, f"the build failed: {type(exc).__name__}: "
                               f"{one_line(str(exc))[:300]}")
        finally:
            with self._lock:
                if self.building.get(output.order.key) is output:
                    del self.building[output.order.key]
            output.future = None

    @staticmethod
    def _fail(output: Output, message: str) -> None:
        output.state, output.step, output.error = "failed", "failed", message

    def _progress(self, event: dict) -> None:
        """A step a worker reports. This runs on Dask's event loop, which ``ask`` may be
        waiting on while it holds the lock: so no lock here (one dict look-up is atomic)."""
        output = self.building.get(event["key"])
        if output is not None and output.state in ("queued", "running"):
            output.state, output.step, output.worker = "running", event["step"], event["worker"]
            output.started = output.started or time.monotonic()

    def _watchdog(self) -> None:
        """Fail what has run past the time limit and restart the worker running it."""
        while not self._stop.wait(WATCH_SECONDS):
            now = time.monotonic()
            with self._lock:
                late = [o for o in self.building.values() if o.state == "running"
                        and o.started and now - o.started > self.time_limit]
                for output in late:
                    self._fail(output, f"took longer than the time limit of "
                                       f"{self.time_limit:g} s")
                    del self.building[output.order.key]
            for output in late:
                if output.future is not None:
                    output.future.cancel()
                self.cluster.restart(output.worker)

    def close(self) -> None:
        """Stop watching and cancel what is still waiting or being made."""
        self._stop.set()
        self._watch.join()
        with self._lock:
            for output in self.building.values():
                if output.future is not None:
                    output.future.cancel()
