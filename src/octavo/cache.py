"""The build cache: which outputs are up to date, kept as a manifest in the output folder.

An output's key hashes everything it is made of: the book it renders (its works as
serialised data, the notes they use, its metadata), the format, the templates and styles,
and octavo itself (its version and code). An output whose key is in the manifest and whose
file is still there, at the recorded size, needs no rebuilding.

A source's fingerprint (its text and the files beside it under its name — TOML,
corrections — the same templates and code) lets a batch that has nothing to do skip even
reading the source.

The tree a source reads into is cached too, as JSON in the user's cache folder
(``$OCTAVO_CACHE``, else ``$XDG_CACHE_HOME/octavo`` or ``~/.cache/octavo``), keyed on the
source's files and octavo's code: a second pamphlet of the same volume doesn't read it again.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import os
from functools import cache
from pathlib import Path

from . import __version__, tree
from .errors import OctavoError
from .ids import slugify
from .output import write_atomic
from .paths import STYLES, TEMPLATES
from .sources import Source, read_book

MANIFEST = ".octavo-cache.json"
CODE = Path(__file__).resolve().parent


NODES = {name: cls for name, cls in vars(tree).items()
         if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def serialise(node: object) -> object:
    """A tree (or any part of it) as JSON-able data, each node a dict naming its class."""
    if dataclasses.is_dataclass(node):
        return {"@": type(node).__name__,
                **{f.name: serialise(getattr(node, f.name)) for f in dataclasses.fields(node)}}
    if isinstance(node, list | tuple):
        return [serialise(item) for item in node]
    return node


def restore(data: object) -> object:
    """The tree that ``serialise`` made ``data`` of."""
    if isinstance(data, dict):
        fields = {k: restore(v) for k, v in data.items() if k != "@"}
        return NODES[data["@"]](**fields)
    if isinstance(data, list):
        return [restore(item) for item in data]
    return data


def _hash(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _files(paths) -> list[bytes | str]:
    return [b for f in sorted(paths) if f.is_file() for b in (f.name, f.read_bytes())]


@cache
def code() -> str:
    """A hash of octavo's version and code."""
    return _hash(__version__, *_files(CODE.rglob("*.py")))


@cache
def toolchain() -> str:
    """A hash of what turns a tree into outputs: octavo's code, its templates and styles."""
    return _hash(code(), *_files([*TEMPLATES.rglob("*"), *STYLES.rglob("*")]))


def source_files(source: Source) -> list[Path]:
    """A source's files (a book of pages: its pages and images) and the files beside it
    under its name (its TOML, corrections)."""
    return sorted({*source.home.parent.glob(glob.escape(source.stem) + ".*"), *source.files()})


def output_keys(book: object, formats: tuple[str, ...]) -> dict[str, str]:
    """The cache key of each output of ``book``, by format."""
    data = json.dumps(serialise(book), ensure_ascii=False, sort_keys=True)
    return {fmt: _hash(toolchain(), fmt, data) for fmt in formats}


def source_fingerprint(source: Source, selection: str) -> str:
    """The fingerprint of a source's files and what was asked of them."""
    return _hash(toolchain(), selection, *_files(source_files(source)))


def tree_folder() -> Path:
    """Where read trees are cached."""
    if folder := os.environ.get("OCTAVO_CACHE"):
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "octavo"


def read_cached(source: Source) -> tree.Book:
    """The Book a source reads into: from the tree cache when its files and octavo's code
    are unchanged, else read (and cached, if the cache folder can be written)."""
    if not source.path.exists():
        return read_book(source)  # which says what is wrong with it
    name = slugify(source.stem)
    path = tree_folder() / f"{name}-{_hash(code(), *_files(source_files(source)))[:24]}.json"
    try:
        return restore(json.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    book = read_book(source)
    try:
        for old in path.parent.glob(f"{name}-*.json"):
            old.unlink(missing_ok=True)
        write_atomic(path, json.dumps(serialise(book), ensure_ascii=False).encode())
    except (OSError, OctavoError):
        pass  # no cache then
    return book


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
