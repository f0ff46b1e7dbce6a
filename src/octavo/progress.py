"""Progress of a long command, told to whoever listens: the CLI shows it on a terminal.

Code that reads or writes books calls ``report("laying out the PDF", 3, 8)``; it costs
nothing when no one listens (a library call, a pipe, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar

from .contextual import set_to

Listener = Callable[[str, int, int], None]
_LISTENER: ContextVar[Listener | None] = ContextVar("octavo_progress", default=None)


def report(stage: str, done: int = 0, total: int = 0) -> None:
    """Tell the listener, if any, what is being done (``done`` of ``total`` steps, if known)."""
    if (listener := _LISTENER.get()) is not None:
        listener(stage, done, total)


def listening(listener: Listener) -> AbstractContextManager[None]:
    """Send the reports made inside the block to ``listener``."""
    return set_to(_LISTENER, listener)
