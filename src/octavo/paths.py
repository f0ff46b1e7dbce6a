"""Where octavo's templates, styles and default input live."""

from __future__ import annotations

import os
from pathlib import Path

HOME = Path(os.environ.get("OCTAVO_HOME", Path(__file__).resolve().parents[2]))
TEMPLATES = HOME / "templates"
STYLES = HOME / "styles"
INPUT = HOME / "input"
DIST = HOME / "dist"
