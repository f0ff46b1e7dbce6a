"""The errors octavo reports to its user.

Every error is an ``OctavoError`` subclass with its own exit code (the README's
table lists them); the CLI prints it as one line.  Warnings and what an editor should
look at are findings (``octavo.findings``).
"""

from __future__ import annotations


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


class StructureNotFound(SourceError):
    """The reader found none of the structure its kind of source has (pages, running
    heads, a contents list), and a plain reading was not asked for."""

    exit_code = 12


class SourceKindError(SourceError):
    """The source's name gives a kind no reader reads (``x.orc.txt``)."""

    exit_code = 13


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


class ClusterError(OctavoError):
    """The Dask scheduler named can't be reached, or no worker joins it."""

    exit_code = 14


INTERRUPTED = 130  # the shell's code for a process ended by Ctrl-C (128 + SIGINT)


def one_line(text: str) -> str:
    """Text folded onto one line, as every message octavo prints is."""
    return " ".join(text.split())
