"""Book metadata: the TOML beside a source, merged over what the reader found."""

from __future__ import annotations

import dataclasses
import tomllib
import uuid
from pathlib import Path

from .errors import MetadataError
from .tree import Metadata

FIELDS = {f.name for f in dataclasses.fields(Metadata)}
NAMESPACE = uuid.UUID("6f63746f-766f-4e00-8000-626f6f6b6964")  # "octavo" book ids


def load_toml(path: Path) -> dict[str, str]:
    """Read a metadata TOML; every key but the ``[print]`` table must be a Metadata string."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(f"malformed TOML: {exc}", path) from None
    except UnicodeDecodeError:
        raise MetadataError("not UTF-8 text", path) from None
    data.pop("print", None)  # print settings, read by octavo.writers.pdf_settings
    for key, value in data.items():
        if key not in FIELDS:
            line = _line_of(path, key)
            raise MetadataError(f"unknown key {key!r}{line}; known keys: "
                                + ", ".join(sorted(FIELDS)), path)
        if not isinstance(value, str):
            raise MetadataError(f"key {key!r}{_line_of(path, key)} must be a string", path)
    return data


def _line_of(path: Path, key: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.split("=", 1)[0].strip().strip('"') == key:
            return f" on line {number}"
    return ""


def merge(found: Metadata, overrides: dict[str, str]) -> Metadata:
    """The reader's metadata with the TOML's keys laid over it, identifier filled in."""
    meta = dataclasses.replace(found, **overrides)
    if not meta.identifier:
        seed = "|".join((meta.book_id, meta.title, meta.volume, meta.author, meta.edition))
        meta.identifier = f"urn:uuid:{uuid.uuid5(NAMESPACE, seed)}"
    return meta


def default_path(source: Path) -> Path:
    """The metadata TOML of a source: ``name.kind.txt`` → ``name.toml``."""
    return source.with_name(source.name.split(".", 1)[0] + ".toml")
