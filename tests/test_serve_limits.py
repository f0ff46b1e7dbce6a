"""The web service's bounds, on a real one-worker Dask cluster: a full queue answers 503 with
Retry-After, a job past its time limit fails and stops its worker, a worker killed mid-build
has its job retried, and what fails leaves nothing in the store."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time

import httpx
import pytest
from click.testing import CliRunner
from conftest import INPUT

from octavo.cli import main
from octavo.cluster import COLLECTOR_THRESHOLDS, Cluster
from octavo.commands.serve import Size
from octavo.jobs import Busy, Jobs
from octavo.library import Library
from octavo.orders import Rendered
from octavo.store import Store
from octavo.web.app import create_app

LONG = "The Twelfth Congress"  # the volume's longest work: its PDF takes a few seconds
SHORT = "To Pravda"
WAIT_SECONDS = 120  # a cold worker on a busy machine


@pytest.fixture(scope="module")
def title():
    return Library(INPUT).title("stalin-works-05")


@pytest.fixture(scope="module")
def cluster(title):
    with Cluster.start(workers=1) as started:
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
    # the worker started in its place collects its garbage as seldom as the first did
    assert [*cluster.client.run(gc.get_threshold).values()] == [COLLECTOR_THRESHOLDS]


def span(seconds: float) -> tuple[float, float]:
    """A task's stand-in: when it began and ended (wall clock, shared by the processes)."""
    start = time.time()
    time.sleep(seconds)
    return start, time.time()


def test_no_more_pdf_layouts_at_once_than_allowed():
    with Cluster.start(workers=2, layouts=1) as two:
        for fmt, overlap in (("pdf", False), ("epub", True)):
            futures = [two.submit(span, 1.0, fmt=fmt, name=f"{fmt}-{i}") for i in range(2)]
            (a, b) = sorted(f.result() for f in futures)
            assert (b[0] < a[1]) is overlap, (fmt, a, b)


def test_the_least_recently_used_outputs_leave_a_store_over_its_limit(tmp_path):
    store = Store(tmp_path / "store", limit=2 * 1000 + 2 * 200)  # two outputs and their JSON

    def put(key: str) -> None:
        store.put(key * 64, "epub", Rendered(b"x" * 1000, f"{key}.epub", 1, "1", 0.1))

    put("a")
    put("b")
    assert store.get("a" * 64, "epub")  # a is used again: b is now the least recent
    put("c")
    kept = {key for key in "abc" if store.get(key * 64, "epub")}
    assert kept == {"a", "c"}
    assert sorted(p.name for p in store.folder.rglob("*") if p.is_file()) == sorted(
        f"{k * 64}.{ext}" for k in "ac" for ext in ("epub", "json"))
    store.limit = 1  # one output over the limit by itself is still kept, the newest
    put("d")
    assert [key for key in "acd" if store.get(key * 64, "epub")] == ["d"]


def test_a_download_whose_file_the_limit_removed_is_gone_and_made_again(cluster, title,
                                                                         tmp_path):
    jobs = Jobs(cluster, Store(tmp_path / "store", limit=1), queue=2,
                time_limit=WAIT_SECONDS)
    try:
        first = jobs.ask(title, [title.find(SHORT)], ("epub",), "a5")
        assert settled(first) == "ready"
        second = jobs.ask(title, [title.find(LONG)], ("epub",), "a5")
        assert settled(second) == "ready"
        assert stored_files(jobs) == sorted(
            f"{second.outputs[0].order.key}.{ext}" for ext in ("epub", "json"))
        gone = asyncio.run(download(create_app(Library(INPUT), jobs), first.id))
        assert gone.status_code == 410 and "ask for the pamphlet again" in gone.json()["error"]
        again = jobs.ask(title, [title.find(SHORT)], ("epub",), "a5")
        assert again.state != "ready"  # not served from the store: made again
        assert settled(again) == "ready"
    finally:
        jobs.close()


async def download(app, job: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://octavo") as client:
        return await client.get(f"/api/jobs/{job}/epub")


@pytest.mark.parametrize(("given", "size"), [("500M", 500 * 2**20), ("2G", 2 * 2**30),
                                             ("1.5 GiB", int(1.5 * 2**30)), ("4096", 4096)])
def test_a_cache_limit_is_read_as_a_size(given, size):
    assert Size().convert(given, None, None) == size


def test_a_cache_limit_that_is_no_size_is_a_usage_error():
    result = CliRunner().invoke(main, ["serve", "--cache-limit", "lots"])
    assert result.exit_code == 2 and "'lots' is not a size" in result.output
