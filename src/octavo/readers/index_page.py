"""The index page that makes a folder of saved web pages one book, apart from the html
reader so that telling a source's kind doesn't load lxml."""

from __future__ import annotations

from pathlib import Path

INDEX_NAMES = ("index.htm", "index.html")


def index_of(path: Path) -> Path | None:
    """The index page a source names: a folder's ``index.htm``, or the page so named."""
    if path.is_dir():
        return next((path / n for n in INDEX_NAMES if (path / n).is_file()), None)
    return path if path.name.lower() in INDEX_NAMES else None
