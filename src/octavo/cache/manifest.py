"""The build cache: which outputs are up to date, kept as a manifest in the output folder.

An output's key hashes everything it is made of: the book it renders (its works as
serialised data, the notes they use, its metadata), the format, the templates and styles,
and octavo itself (its version and code). An output whose key is in the manifest and whose
file is still there, at the recorded size, needs no rebuilding.

A source's fingerprint (its text and the files beside it under its name — TOML,
corrections — the same templates and code) lets a batch that has nothing to do skip even
reading the source.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from ..output import write_atomic
from ..sources import Source
from . import keys
from .codec import serialise

MANIFEST = ".octavo-cache.json"


def output_keys(book: object, formats: tuple[str, ...]) -> dict[str, str]:
    """The cache key of each output of ``book``, by format."""
    data = json.dumps(serialise(book), ensure_ascii=False, sort_keys=True)
    return {fmt: keys.digest(keys.toolchain(), fmt, data) for fmt in formats}


def source_fingerprint(source: Source, selection: str) -> str:
    """The fingerprint of a source's files and what was asked of them."""
    return keys.digest(keys.toolchain(), selection, *keys.files(keys.source_files(source)))


@dataclasses.dataclass
class Entry:
    """What the manifest remembers of one output."""

    key: str
    size: int
    pages: int
    printed: str = ""  # the pages of the source edition it holds


class Manifest:
    """The cache manifest of an output folder: ``{file name: Entry}`` and source fingerprints."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.outputs = {k: Entry(**v) for k, v in data["outputs"].items()}
            self.sources: dict[str, dict] = data["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            self.outputs, self.sources = {}, {}

    def fresh(self, path: Path, key: str) -> Entry | None:
        """The entry of an output that is up to date, or None."""
        entry = self.outputs.get(path.name)
        if entry and entry.key == key and path.exists() and path.stat().st_size == entry.size:
            return entry
        return None

    def record(self, path: Path, entry: Entry) -> None:
        self.outputs[path.name] = entry

    def source_done(self, source: str, fingerprint: str, outputs: list[str]) -> None:
        """Remember that ``fingerprint`` of a source made exactly ``outputs``."""
        self.sources[source] = {"fingerprint": fingerprint, "outputs": outputs}

    def unchanged(self, source: str, fingerprint: str) -> list[str] | None:
        """The outputs of a source whose fingerprint is unchanged, if all are still fresh."""
        known = self.sources.get(source)
        if not known or known["fingerprint"] != fingerprint:
            return None
        folder = self.path.parent
        ok = all((entry := self.outputs.get(name)) and self.fresh(folder / name, entry.key)
                 for name in known["outputs"])
        return known["outputs"] if ok else None

    def save(self) -> None:
        data = {"outputs": {k: dataclasses.asdict(v) for k, v in sorted(self.outputs.items())},
                "sources": dict(sorted(self.sources.items()))}
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True).encode())
