"""The server process that workers are forked from, started as early as a command knows it
will want them: the embedded Dask cluster's workers, and the processes that lay out a long
book's parts (pdf_parallel).

multiprocessing's fork server first loads its preload (for Dask: Dask itself and the
writers, worker_preload; WeasyPrint takes half a second of processor time to load, in every
worker else).
Started when the workers are, that loading waits on the command's own work; started first,
it runs on another core meanwhile, and the workers are up half a second sooner (measured
here: Dask's workers 1.3-1.6 s from the command's start instead of 1.8-2.1 s).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import signal
import threading

PRELOAD = ["octavo.worker_preload"]  # Dask and the writers
_started = False  # whether this process started the server


def start(preload: list[str] = PRELOAD) -> None:
    """Start the fork server loading ``preload``, if it isn't running yet. Started from the
    main thread, it ignores Ctrl-C from its start, as do the workers it forks: Ctrl-C is the
    command's, which stops them (the server took it as an error in the middle of its
    loading, and said so with a traceback)."""
    global _started
    multiprocessing.get_context("forkserver").set_forkserver_preload(preload)
    _started = True
    if threading.current_thread() is not threading.main_thread():
        multiprocessing.forkserver.ensure_running()
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)  # kept over exec, unlike a mask
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, handler)


def running() -> bool:
    """Whether this process started the fork server (a process forked from it did not)."""
    return _started
