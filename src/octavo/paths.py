"""Where octavo's templates, styles and default input live."""

from __future__ import annotations

import os
from pathlib import Path

HOME = Path(os.environ.get("OCTAVO_HOME", Path(__file__).resolve().parents[2]))
TEMPLATES = HOME / "templates"
STYLES = HOME / "styles"
INPUT = HOME / "input"
DIST = HOME / "dist"


def cache_folder() -> Path:
    """Where octavo keeps what it can make again (read trees, tables): ``$OCTAVO_CACHE``, else
    ``$XDG_CACHE_HOME/octavo`` or ``~/.cache/octavo``."""
    if folder := os.environ.get("OCTAVO_CACHE"):
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "octavo"
