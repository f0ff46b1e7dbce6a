"""The web service and batches on Dask: a pamphlet on demand, twenty at once, the batch.

- One short work (about 5 printed pages) asked of `octavo serve` whose workers have read the
  volume: seconds from the request to the download link (EPUB; EPUB and PDF), and the same
  request again, answered from the cache.
- Twenty requests at once for different works (EPUB and PDF): all complete; the library's
  pages keep answering (95th percentile) meanwhile; peak memory of the server's processes.
- `octavo pamphlets --all` on the embedded cluster against the volume's PDF, like with like:
  each reading the source, then each with the source's tree cached; and the same batch on a
  two-worker cluster started by hand: the same bytes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from bench_pamphlet import octavo
from procmem import PeakMemory

from octavo.select import page_span, pamphlet_works
from octavo.sources import Source, read_book

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from served import dask_cluster, server  # noqa: E402

VOLUME = Source(ROOT / "input/stalin-works-05.ocr.txt")
CONCURRENT = 20
POLL_SECONDS = 0.005  # a single request's latency is timed closely
PAGE_POLL_SECONDS = 0.25  # as the job page polls: twenty clients at 200 Hz would be a DoS


def span(work) -> int:
    first, last = page_span(work)
    return int(last) - int(first) + 1 if first.isdigit() and last.isdigit() else 0


def ask(client: httpx.Client, book: str, work: str, formats: list[str],
        poll: float = POLL_SECONDS) -> tuple[float, dict]:
    """Ask for a pamphlet and poll its job until it is done: (seconds, the job)."""
    start = time.perf_counter()
    job = client.post("/api/pamphlets", json={"book": book, "works": [work],
                                              "formats": formats}).json()
    while job["state"] in ("queued", "running"):
        time.sleep(poll)
        job = client.get(f"/api/jobs/{job['id']}").json()
    if job["state"] != "ready":
        raise RuntimeError(f"{work}: {job}")
    return time.perf_counter() - start, job


def on_demand(url: str, pid: int, book: str, works: list) -> list[tuple]:
    short = sorted(works, key=lambda w: (abs(span(w) - 5), span(w)))
    client = httpx.Client(base_url=url, timeout=120)
    for work in short[3:5]:  # each worker lays out once before the timing
        ask(client, book, work.id, ["epub", "pdf"])
    epub, _ = ask(client, book, short[0].id, ["epub"])
    both, _ = ask(client, book, short[1].id, ["epub", "pdf"])
    again = min(ask(client, book, short[1].id, ["epub", "pdf"])[0] for _ in range(5))

    rest = [w for w in works if w not in short[:5]][:CONCURRENT]
    pages, done = [], threading.Event()

    def browse() -> None:
        with httpx.Client(base_url=url, timeout=30) as reader:
            while not done.is_set():
                for path in ("/", f"/books/{book}"):
                    start = time.perf_counter()
                    reader.get(path).raise_for_status()
                    pages.append(time.perf_counter() - start)
                time.sleep(0.05)

    browser = threading.Thread(target=browse)
    with PeakMemory(pid) as peak:
        browser.start()
        start = time.perf_counter()
        with ThreadPoolExecutor(CONCURRENT) as pool:
            jobs = list(pool.map(lambda w: ask(httpx.Client(base_url=url, timeout=300), book,
                                               w.id, ["epub", "pdf"], PAGE_POLL_SECONDS),
                                 rest))
        burst = time.perf_counter() - start
        done.set()
        browser.join()
    complete = sum(all(o["state"] == "ready" for o in job["outputs"]) for _, job in jobs)
    p95 = statistics.quantiles(pages, n=20)[-1]
    return [
        (f"serve: 5-page pamphlet ({span(short[0])} pp.), EPUB, request to link", epub, "s",
         0.5),
        (f"serve: 5-page pamphlet ({span(short[1])} pp.), EPUB + PDF", both, "s", 2.0),
        ("serve: the same request again (cached)", again * 1000, "ms", 50),
        (f"serve: {len(rest)} requests at once (EPUB + PDF), all done in", burst, "s", None),
        (f"serve: of {len(rest)} requests at once, completed", complete, "", len(rest)),
        (f"serve: library pages meanwhile, p95 of {len(pages)}", p95 * 1000, "ms", 100),
        ("serve: peak memory of the server's processes", peak.mb, "MB", 1536),
    ]


def batches(folder: Path) -> list[tuple]:
    def pdf() -> float:
        return octavo("build", str(VOLUME.path), "--format", "pdf", "--out",
                      str(folder / "whole"))[0]

    def every(out: str) -> float:
        return octavo("pamphlets", str(VOLUME.path), "--all", "--jobs", "2", "--out",
                      str(folder / out))[0]

    # like with like: the volume's PDF and the batch each read the source (a cold tree
    # cache), then each again with the source's tree cached
    shutil.rmtree(folder / "trees", ignore_errors=True)
    whole = pdf()
    whole_kept = pdf()
    shutil.rmtree(folder / "trees", ignore_errors=True)
    read = every("embedded")
    kept = every("kept")
    with dask_cluster(folder, workers=2) as scheduler:
        octavo("pamphlets", str(VOLUME.path), "--all", "--scheduler", scheduler, "--out",
               str(folder / "two"))

    def files(name: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in (folder / name).glob("*.*")
                if p.suffix in (".epub", ".pdf")}

    same = files("embedded") == files("two") and len(files("two")) > 0
    return [
        ("batch: all pamphlets on the embedded cluster, reading the source", read, "s", None),
        ("batch: all pamphlets (embedded cluster) / whole-volume PDF, each reading the source",
         read / whole, "x", 1.04),
        ("batch: the same, each with the source's tree cached", kept / whole_kept, "x", None),
        ("batch: two-worker cluster's files differ from the embedded one's", float(not same),
         "", 0),
    ]


def run():
    book = read_book(VOLUME)
    works = pamphlet_works(book)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["OCTAVO_CACHE"] = str(folder / "trees")
        with server(ROOT / "input", folder) as (url, pid):
            rows = on_demand(url, pid, book.meta.book_id, works)
        return rows + batches(folder)


if __name__ == "__main__":
    for row in run():
        print(*row)
