"""The web service's bounds, on a real one-worker Dask cluster: a full queue answers 503 with
Retry-After, a job past its time limit fails and stops its worker, a worker killed mid-build
has its job retried, and what fails leaves nothing in the store."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import httpx
import pytest
from conftest import INPUT

from octavo.cluster import Cluster
from octavo.jobs import Busy, Jobs
from octavo.library import Library
from octavo.store import Store

LONG = "The Twelfth Congress"  # the volume's longest work: its PDF takes a few seconds
SHORT = "To Pravda"
WAIT_SECONDS = 120  # a cold worker on a busy machine


@pytest.fixture(scope="module")
def title():
    return Library(INPUT).title("stalin-works-05")


@pytest.fixture(scope="module")
def cluster(title):
    with Cluster(workers=1) as started:
        started.warm([(str(title.source.path), title.fingerprint)])
        yield started


@pytest.fixture
def jobs(cluster, tmp_path):
    made = Jobs(cluster, Store(tmp_path / "store"), queue=2, time_limit=WAIT_SECONDS)
    yield made
    made.close()


def settled(job, states=("ready", "failed")):
    deadline = time.monotonic() + WAIT_SECONDS
    while job.state not in states and time.monotonic() < deadline:
        time.sleep(0.05)
    return job.state


def stored_files(jobs):
    return sorted(p.name for p in jobs.store.folder.rglob("*") if p.is_file())


def test_a_full_queue_is_refused_with_a_time_to_come_back(jobs, title):
    from octavo.web.app import create_app

    for trim in ("a5", "6x9"):  # two layouts of seconds each fill the queue of 2
        jobs.ask(title, [title.find(LONG)], ("pdf",), trim)
    with pytest.raises(Busy) as busy:
        jobs.ask(title, [title.find(SHORT)], ("epub",), "a5")
    assert busy.value.retry_after >= 1
    response, page = asyncio.run(ask_twice(create_app(Library(INPUT), jobs), title.id))
    assert response.status_code == 503 and "try again" in response.json()["error"]
    assert int(response.headers["retry-after"]) >= 1
    assert page.status_code == 503 and "Too busy" in page.text
    assert page.headers["content-type"].startswith("text/html")


async def ask_twice(app, book: str) -> tuple[httpx.Response, httpx.Response]:
    """The API's and the form's answers to a request for a pamphlet."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://octavo") as client:
        return (await client.post("/api/pamphlets", json={"book": book, "works": [SHORT]}),
                await client.post(f"/books/{book}/pamphlets",
                                  data={"work": SHORT, "format": "pdf"}))


def test_a_job_past_its_time_limit_fails_stops_its_worker_and_stores_nothing(jobs, title):
    jobs.time_limit = 0.5
    job = jobs.ask(title, [title.find(LONG)], ("pdf",), "a5")
    assert settled(job) == "failed"
    assert "time limit of 0.5 s" in job.outputs[0].error
    time.sleep(1)  # the worker was stopped mid-layout: nothing came back to store
    assert stored_files(jobs) == []
    jobs.time_limit = WAIT_SECONDS  # the restarted worker makes the next one
    again = jobs.ask(title, [title.find(SHORT)], ("epub", "pdf"), "a5")
    assert settled(again) == "ready", [o.error for o in again.outputs]


def test_a_worker_killed_mid_build_has_its_job_retried(jobs, title, cluster):
    job = jobs.ask(title, [title.find(LONG)], ("pdf",), "6x9")
    assert settled(job, ("running", "ready", "failed")) == "running"
    (pid,) = cluster.client.run(os.getpid).values()
    os.kill(pid, signal.SIGKILL)
    assert settled(job) == "ready", job.outputs[0].error
    assert stored_files(jobs) == sorted(f"{job.outputs[0].order.key}.{ext}"
                                        for ext in ("json", "pdf"))


def span(seconds: float) -> tuple[float, float]:
    """A task's stand-in: when it began and ended (wall clock, shared by the processes)."""
    start = time.time()
    time.sleep(seconds)
    return start, time.time()


def test_no_more_pdf_layouts_at_once_than_allowed():
    with Cluster(workers=2, layouts=1) as two:
        for fmt, overlap in (("pdf", False), ("epub", True)):
            futures = [two.submit(span, 1.0, fmt=fmt, name=f"{fmt}-{i}") for i in range(2)]
            (a, b) = sorted(f.result() for f in futures)
            assert (b[0] < a[1]) is overlap, (fmt, a, b)
