"""Reading a source into the tree cache in a child process, while the command starts other
work (a Dask cluster) in its own.

Reading the volume is a second of pure Python, and so is starting a cluster: in threads of
one process they take turns at the GIL, one after the other; in two processes they run on
two cores at once. The child reads the source as ``read_cached`` does, silently, and leaves
the tree in the cache; the command then restores it from there, repeating the reading's
warnings as a cache hit does. A child that fails leaves no tree, and the command reads the
source itself, saying what is wrong as it would have.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .. import progress
from ..findings import LOG
from ..sources import Source
from .trees import read_cached

STOPS = {signal.SIGINT, signal.SIGTERM}


def _read(source: Source) -> None:
    """In the child: the source read into the tree cache, nothing said. Ctrl-C is the
    command's to handle; told to stop, the child leaves no half-written file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    LOG.handlers = [logging.NullHandler()]  # its warnings are kept with the tree and said
    LOG.propagate = False  # by the command
    with progress.listening(lambda *_: None):
        try:
            read_cached(source)
        except Exception:
            return  # no tree is left: the command reads the source and says what is wrong


@contextmanager
def reading_ahead(source: Source) -> Iterator[None]:
    """Read ``source`` into the tree cache in a child process while the block runs, and wait
    for it at the block's end. Enter it before the block starts threads: the child is
    forked."""
    child = multiprocessing.get_context("fork").Process(target=_read, args=(source,),
                                                          name="octavo-reading", daemon=True)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)  # till the child has its handlers
    try:
        child.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    try:
        yield
        child.join()
    finally:
        if child.is_alive():  # the block failed or was interrupted: the tree isn't wanted
            child.terminate()
            child.join()
