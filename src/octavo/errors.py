"""The errors octavo reports to its user, each with its own exit code."""

from __future__ import annotations


class OctavoError(Exception):
    """An error the user can act on: one line naming the file and the cause."""

    exit_code = 1

    def __init__(self, message: str, path: object = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path is not None else message)


class SourceError(OctavoError):
    """The source file is missing, unreadable or not text."""

    exit_code = 3


class MetadataError(OctavoError):
    """The metadata TOML beside a source is malformed or contradictory."""

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
