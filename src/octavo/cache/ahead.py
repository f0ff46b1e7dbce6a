"""Reading a source into the tree cache in a forked child, while the command starts other
work (a Dask cluster) in its own process.

Reading the volume is a second of pure Python, and so is starting a cluster: in threads of
one process they take turns at the GIL, one after the other; in two processes they run on
two cores at once. The child (``forked``: silent, and it ends without the parent's clean-up)
reads the source as ``read_cached`` does and leaves the tree in the cache; the command then
restores it from there, repeating the reading's warnings as a cache hit does. A child that
fails leaves no tree, and the command reads the source itself, saying what is wrong as it
would have; where no child can be forked, the command simply reads it afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from .. import forked
from ..findings import LOG
from ..sources import Source
from .trees import read_cached


def _read(source: Source) -> bytes:
    """In the child: the source read into the tree cache, its warnings kept with the tree
    for the command to say (not said here, wherever the child's output goes)."""
    LOG.handlers = [logging.NullHandler()]
    LOG.propagate = False
    read_cached(source)
    return b""


@contextmanager
def reading_ahead(source: Source) -> Iterator[None]:
    """Read ``source`` into the tree cache in a forked child while the block runs, and wait
    for it at the block's end (a block that fails or is interrupted stops it). Enter it
    before the block starts threads: only a process's main thread forks safely."""
    child = forked.start(lambda _: _read(source))
    try:
        yield
        if child:
            child.answer()
    finally:
        if child:
            child.end()
