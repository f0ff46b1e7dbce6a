"""The server process the embedded Dask cluster's workers are forked from, started as
early as a command knows it will want workers.

Dask starts each worker from multiprocessing's fork server, which first loads ``PRELOAD``
(Dask itself and the writers: WeasyPrint takes half a second of processor time to load,
in every worker else). Started when the cluster is, that loading waits on the cluster's own
set-up in the command's process; started first, it runs on another core meanwhile, and the
workers are up half a second sooner (measured here: 1.3-1.6 s from the command's start
instead of 1.8-2.1 s).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import signal
import threading

PRELOAD = ["distributed", "octavo.orders", "octavo.writers.epub", "octavo.writers.pdf"]


def start() -> None:
    """Start the fork server loading ``PRELOAD``, if it isn't running yet. Started from the
    main thread, it ignores Ctrl-C from its start, as do the workers it forks: Ctrl-C is the
    command's, which stops them (the server took it as an error in the middle of its
    loading, and said so with a traceback)."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    if threading.current_thread() is not threading.main_thread():
        multiprocessing.forkserver.ensure_running()
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)  # kept over exec, unlike a mask
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, handler)
