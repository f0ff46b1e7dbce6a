"""Fingerprints: of octavo's code, of what turns a tree into outputs, of a source's files."""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .. import __version__
from ..paths import STYLES, TEMPLATES
from ..sources import Source

CODE = Path(__file__).resolve().parents[1]


def digest(*parts: bytes | str) -> str:
    """A SHA-256 of the parts, each length-prefixed so that no two lists hash alike."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def files(paths: Iterable[Path]) -> list[bytes | str]:
    """The names and contents of the files among ``paths``, in name order."""
    return [b for f in sorted(paths) if f.is_file() for b in (f.name, f.read_bytes())]


@cache
def code() -> str:
    """A hash of octavo's version and code."""
    return digest(__version__, *files(CODE.rglob("*.py")))


@cache
def toolchain() -> str:
    """A hash of what turns a tree into outputs: octavo's code, its templates and styles."""
    return digest(code(), *files([*TEMPLATES.rglob("*"), *STYLES.rglob("*")]))


def source_files(source: Source) -> list[Path]:
    """A source's files (a book of pages: its pages and images) and the files beside it
    under its name (its TOML, corrections)."""
    return sorted({*source.home.parent.glob(glob.escape(source.stem) + ".*"), *source.files()})
