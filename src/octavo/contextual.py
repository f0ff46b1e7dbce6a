"""A context variable set for the length of a block (the read's face, a build's listener)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def set_to(var: ContextVar[T], value: T) -> Iterator[None]:
    """``var`` set to ``value`` inside the block, and back as it was after it."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)
