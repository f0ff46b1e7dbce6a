"""The web service's output cache: every output made, under its content address.

An output is kept as ``<folder>/<key[:2]>/<key>.<format>`` with ``<key>.json`` beside it
(its file name, size, page count, the source pages it holds). Both are written to
temporary files and renamed into place, the JSON last: a build that fails or is cut short
leaves no entry, and a file whose size isn't the recorded one is no entry either.

A store may be given a size limit: after each output stored, the least recently used
outputs (by their JSON's time, which a look-up renews) are removed, JSON first, until the
store is within it; the output just stored is kept whatever its size.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import time
from collections import defaultdict
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

    def __init__(self, folder: Path, limit: int | None = None) -> None:
        self.folder = folder
        self.limit = limit  # bytes, or None: no limit

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
                _used(about)
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
        _used(about)
        if self.limit is not None:
            self._trim(keep=key)
        return Stored(path, rendered.name, entry)

    def _trim(self, keep: str) -> None:
        """Remove the least recently used outputs but ``keep`` until the store is within
        its limit."""
        files: dict[str, list[tuple[Path, os.stat_result]]] = defaultdict(list)
        for path in self.folder.glob("??/*.*"):
            if path.name.startswith("."):  # an output being written (``output.write_all``)
                continue
            try:
                files[path.name.split(".", 1)[0]].append((path, path.stat()))
            except OSError:  # removed meanwhile
                continue
        total = sum(st.st_size for kept in files.values() for _, st in kept)

        def last_use(key: str) -> tuple[float, str]:
            about = [st.st_mtime for path, st in files[key] if path.suffix == ".json"]
            return (max(about, default=0.0), key)  # no JSON: no entry, the first to go

        for key in sorted(set(files) - {keep}, key=last_use):
            if total <= self.limit:
                break
            for path, st in sorted(files[key], key=lambda f: f[0].suffix != ".json"):
                path.unlink(missing_ok=True)  # the JSON first: the entry is gone at once
                total -= st.st_size


def _used(about: Path) -> None:
    """Mark an entry used now, to the nanosecond (a file's own times are the kernel's
    coarse clock, milliseconds apart: two outputs made in a row would seem made at once)."""
    now = time.time_ns()
    os.utime(about, ns=(now, now))
