"""Python's cyclic garbage collector, held off while a source is read, and as a command ends.

Reading a volume makes a million objects that live until it is read (lines, words, counts,
blocks), hardly any of them in reference cycles, which is all the collector is for: its
passes over them, each longer as they pile up, took a seventh of the reading (0.12 s of
the sample volume's 0.85 s, in 2 full and 25 middle collections). What they would have
collected is collected at the next pass after. Held off in the main thread only: the
collector is the whole process's, and threads would race to turn it back on.

As the process ends, Python makes a last full pass over every object it holds (a
twentieth of a second after reading a volume), though the system takes its memory back
whole: the objects are frozen first, out of the collector's sight.

While a command makes books from what it reads (``one_shot``), what the reading leaves
(the book, which lives until its books are made) is frozen as the reading ends, not gone
over by the collector's next passes: a pass over the volume's book after its reading and a
full one in the PDF's join took a tenth of a second or more of the one process that works
then. It is thawed when the command is done, so a long-lived process that runs commands
(tests) gets its cycles collected at last.
"""

from __future__ import annotations

import atexit
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_freezing = False  # whether a held-off block freezes what it made as it ends (one_shot)


@contextmanager
def held_off() -> Iterator[None]:
    """No collection inside the block (unless it runs off the main thread, or the
    collector was off already)."""
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if _freezing:
            gc.freeze()
        gc.enable()


def none_at_exit() -> None:
    """No last pass of the collector when this process ends."""
    atexit.register(gc.freeze)


@contextmanager
def one_shot() -> Iterator[None]:
    """Inside the block, what a held-off block made is frozen as that block ends; all is
    thawed as this one ends."""
    global _freezing
    _freezing = True
    try:
        yield
    finally:
        _freezing = False
        gc.unfreeze()
