"""The build cache: which outputs are up to date, kept as a manifest in the output folder.

An output's key hashes everything it is made of: the book it renders (its works as
serialised data, the notes they use, its metadata), the format, the templates and styles,
and octavo itself (its version and code). An output whose key is in the manifest and whose
file is still there, at the recorded size, needs no rebuilding.

A source's fingerprint (its text, its TOML, the same templates and code) lets a batch that
has nothing to do skip even reading the source.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import cache
from pathlib import Path

from . import __version__
from .output import write_atomic
from .paths import STYLES, TEMPLATES

MANIFEST = ".octavo-cache.json"
CODE = Path(__file__).resolve().parent


def serialise(node: object) -> object:
    """A tree (or any part of it) as JSON-able data naming each node's class."""
    if dataclasses.is_dataclass(node):
        fields = {f.name: serialise(getattr(node, f.name)) for f in dataclasses.fields(node)}
        return [type(node).__name__, fields]
    if isinstance(node, list | tuple):
        return [serialise(item) for item in node]
    return node


def _hash(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


@cache
def toolchain() -> str:
    """A hash of what turns a tree into outputs: templates, styles, octavo's version and code."""
    files = sorted([*TEMPLATES.rglob("*"), *STYLES.rglob("*"), *CODE.rglob("*.py")])
    return _hash(__version__, *(b for f in files if f.is_file()
                                for b in (f.name, f.read_bytes())))


def output_key(book: object, fmt: str) -> str:
    """The cache key of one output of ``book``."""
    data = json.dumps(serialise(book), ensure_ascii=False, sort_keys=True)
    return _hash(toolchain(), fmt, data)


def source_fingerprint(*files: Path, selection: str) -> str:
    """The fingerprint of a source's files and what was asked of them."""
    return _hash(toolchain(), selection,
                 *(f.read_bytes() if f.exists() else b"" for f in files))


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
