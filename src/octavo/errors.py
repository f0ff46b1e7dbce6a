"""The errors and warnings octavo reports to its user.

Every error is an ``OctavoError`` subclass with its own exit code (the README's
table lists them); the CLI prints it as one line. Warnings go through ``warn()``,
which names the source being read (see ``about()``); the CLI prints each as one
line on stderr, ``octavo: warning: …``. Readers and writers should call ``warn()``
rather than print.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LOG = logging.getLogger("octavo")
_SUBJECT: ContextVar[object] = ContextVar("octavo_subject", default=None)


class OctavoError(Exception):
    """An error the user can act on: one line naming the file and the cause."""

    exit_code = 1

    def __init__(self, message: str, path: object = None):
        self.path = path
        super().__init__(one_line(f"{path}: {message}" if path is not None else message))


class SourceError(OctavoError):
    """The source file is missing, not a regular file, or unreadable."""

    exit_code = 3


class SourceEmpty(SourceError):
    """The source file holds no text."""

    exit_code = 8


class SourceNotText(SourceError):
    """The source file is binary (a PDF, an image, an archive …), not text."""

    exit_code = 9


class SourceEncodingError(SourceError):
    """The source file is text in an encoding octavo cannot tell."""

    exit_code = 10


class SourceTooLarge(SourceError):
    """The source file is larger than octavo will read."""

    exit_code = 11


class SourceKindError(SourceError):
    """The source's name gives a kind no reader reads (``x.orc.txt``)."""

    exit_code = 12


class MetadataError(OctavoError):
    """A TOML octavo reads (a source's metadata and print settings, its corrections, an
    anthology) is malformed or holds a key or value octavo can't take."""

    exit_code = 4


class WorkNotFound(OctavoError):
    """A work id, title prefix or page names no work of the source."""

    exit_code = 5


class OutputError(OctavoError):
    """An output could not be written."""

    exit_code = 6


class RenderError(OctavoError):
    """A writer (EPUB packaging or PDF layout) failed."""

    exit_code = 7


INTERRUPTED = 130  # the shell's code for a process ended by Ctrl-C (128 + SIGINT)


def one_line(text: str) -> str:
    """Text folded onto one line, as every message octavo prints is."""
    return " ".join(text.split())


@contextmanager
def about(subject: object) -> Iterator[None]:
    """Name ``subject`` (a source's path) in every warning given inside the block."""
    token = _SUBJECT.set(subject)
    try:
        yield
    finally:
        _SUBJECT.reset(token)


def warn(message: str) -> None:
    """Warn the user (one line, naming the source being read, if any)."""
    subject = _SUBJECT.get()
    LOG.warning("%s", one_line(f"{subject}: {message}" if subject is not None else message))
