"""The HTML reader's findings, each naming the page of a book it is about."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from ...findings import report

_PAGE: ContextVar[str] = ContextVar("octavo_html_page", default="")


def tell(code: str, message: str) -> None:
    """Report a finding (``octavo.findings``), the book's page it is about first."""
    report(code, f"{_PAGE.get()}: {message}" if _PAGE.get() else message)


@contextmanager
def on_page(path: Path, folder: Path) -> Iterator[None]:
    """Name a book's page (by its path in the book's folder) in what is told inside."""
    token = _PAGE.set(path.relative_to(folder).as_posix())
    try:
        yield
    finally:
        _PAGE.reset(token)
