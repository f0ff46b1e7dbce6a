"""What commands print: sizes, tables of outputs, and progress on a terminal."""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .. import progress

if TYPE_CHECKING:
    from ..build import Output

SHOW_AFTER = 1.0  # seconds: a command done sooner shows no progress at all
BAR = 20  # characters of the bar drawn for a stage with counted steps


def size(count: int) -> str:
    """A file size as people read it: ``312 KB``, ``1.5 MB``."""
    return f"{count / 1024:.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def page_count(count: int, fmt: str) -> str:
    """The pages column of a table: a PDF's pages; an EPUB's pages of the source edition,
    where its text has any (``456 (source)``), else a dash."""
    if fmt != "epub":
        return str(count)
    return f"{count} (source)" if count else "\u2013"


def table(rows: list[tuple[str, ...]]) -> None:
    """Print rows as columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def written(outputs: Iterable[Output]) -> None:
    """The table of the outputs written: file, size, pages."""
    table([("file", "size", "pages")]
          + [(str(o.path), size(o.size), page_count(o.pages, o.format)) for o in outputs])


class StatusLine:
    """One line on stderr saying what a command is doing, drawn over itself; shown only
    once the command has run ``SHOW_AFTER`` seconds, and wiped when it is done."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latest = ""
        self.shown = False
        self.timer = threading.Timer(SHOW_AFTER, self.show)
        self.timer.daemon = True
        self.start = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        bar = ""
        if total:
            filled = BAR * done // total
            bar = f" [{'#' * filled}{'-' * (BAR - filled)}] {done}/{total}"
        with self.lock:
            self.latest = f"octavo: {stage}{bar}"
        if time.monotonic() - self.start >= SHOW_AFTER:
            self.show()

    def show(self) -> None:
        with self.lock:
            if self.latest:
                width = shutil.get_terminal_size().columns
                self.draw(f"\r\x1b[K{self.latest[:width - 1]}")
                self.shown = True

    @staticmethod
    def draw(text: str) -> None:
        """Write to the terminal as it is (click.echo would drop the escapes in a test)."""
        sys.stderr.write(text)
        sys.stderr.flush()

    def clear(self) -> None:
        """Take the line off the screen, for a line printed in its place (a warning); the
        next report draws it again."""
        with self.lock:
            if self.shown:
                self.draw("\r\x1b[K")
            self.shown = False

    def wipe(self) -> None:
        self.timer.cancel()
        self.clear()
        self.latest = ""


@contextmanager
def status() -> Iterator[None]:
    """Show the progress reported inside the block on stderr, if stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    global _shown
    line = _shown = StatusLine()
    line.timer.start()
    try:
        with progress.listening(line):
            yield
    finally:
        line.wipe()
        _shown = None


_shown: StatusLine | None = None  # the status line on the terminal, if any


def clear_status() -> None:
    """Take the status line, if any, off the screen before another line is printed."""
    if _shown is not None:
        _shown.clear()
