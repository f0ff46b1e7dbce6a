"""Processes the web and cluster tests start: ``octavo serve``, ``dask scheduler`` and
``dask worker``, each on a free port of 127.0.0.1, stopped (and waited for) at the end."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
STARTUP_SECONDS = 120  # a cold read of the volume and a cluster start, on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def process(args: list[str], log: Path, env: dict[str, str] | None = None,
            ) -> Iterator[subprocess.Popen]:
    """A process running ``args`` (its output to ``log``), ended when the block is left."""
    with log.open("wb") as out:
        running = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
    try:
        yield running
    finally:
        running.terminate()
        try:
            running.wait(30)
        except subprocess.TimeoutExpired:
            running.kill()
            running.wait()


def wait_until(ready, what: str, running: subprocess.Popen, log: Path) -> None:
    """Wait for ``ready()`` to be true, failing with the process's log if it ends first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if running.poll() is not None:
            raise AssertionError(f"{what} ended ({running.returncode}):\n{log.read_text()}")
        if ready():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} not ready in {STARTUP_SECONDS} s:\n{log.read_text()}")


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def server(library: Path, folder: Path, *options: str) -> Iterator[tuple[str, int]]:
    """``octavo serve LIBRARY`` on a free port, its store and tree cache under ``folder``:
    yields its base URL and process id once it answers."""
    port = free_port()
    log = folder / "serve.log"
    args = [str(BIN / "octavo"), "serve", str(library), "--port", str(port),
            "--cache", str(folder / "store"), *options]
    with process(args, log, {"OCTAVO_CACHE": str(folder / "trees")}) as running:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(f"{url}/api/books"), "octavo serve", running, log)
        yield url, running.pid


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def dask_cluster(folder: Path, workers: int) -> Iterator[str]:
    """A ``dask scheduler`` and a ``dask worker`` of ``workers`` processes, started by hand
    as an administrator would: yields the scheduler's address."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = folder / "scheduler.log"
    scheduler = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"]
    worker = [str(BIN / "dask"), "worker", address, "--host", "127.0.0.1", "--nworkers",
              str(workers), "--nthreads", "1", "--no-dashboard"]
    with process(scheduler, log) as running:
        wait_until(lambda: listening(port), "dask scheduler", running, log)
        with process(worker, folder / "worker.log"):
            yield address
