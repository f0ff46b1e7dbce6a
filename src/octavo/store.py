"""The web service's output cache: every output made, under its content address.

An output is kept as ``<folder>/<key[:2]>/<key>.<format>`` with ``<key>.json`` beside it
(its file name, size, page count, the source pages it holds). Both are written to
temporary files and renamed into place, the JSON last: a build that fails or is cut short
leaves no entry, and a file whose size isn't the recorded one is no entry either.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .cache import Entry
from .orders import Rendered
from .output import write_all

KEY = re.compile(r"[0-9a-f]{64}")


@dataclass
class Stored:
    """An output in the store: where its bytes are and what the manifest says of it."""

    path: Path
    name: str  # the file name to download it as
    entry: Entry


class Store:
    """A folder of outputs addressed by their keys (``orders.Order.key``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, key: str, fmt: str) -> tuple[Path, Path]:
        if not KEY.fullmatch(key) or not fmt.isalpha():
            raise ValueError(f"not an output key: {key!r}, {fmt!r}")
        shelf = self.folder / key[:2]
        return shelf / f"{key}.{fmt}", shelf / f"{key}.json"

    def get(self, key: str, fmt: str) -> Stored | None:
        """The output stored under ``key``, or None."""
        path, about = self._paths(key, fmt)
        try:
            data = json.loads(about.read_text(encoding="utf-8"))
            stored = Stored(path, data.pop("name"), Entry(**data))
            if path.stat().st_size == stored.entry.size:
                return stored
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return None

    def put(self, key: str, fmt: str, rendered: Rendered) -> Stored:
        """Store an output made under its key, all or nothing."""
        path, about = self._paths(key, fmt)
        entry = Entry(key, len(rendered.data), rendered.pages, rendered.printed)
        record = json.dumps({"name": rendered.name, **dataclasses.asdict(entry)}).encode()
        write_all({path: rendered.data, about: record})  # renamed in this order
        return Stored(path, rendered.name, entry)
