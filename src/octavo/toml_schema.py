"""The TOML files octavo reads, checked one way: a source's metadata and its ``[print]``
table, its corrections, an anthology.

Each module that reads one describes its keys as a schema (``Key``s: a type, whether it
is required, the keys of a table or of each table of an array, a check of the value);
``check`` refuses what the schema does not allow with a ``MetadataError`` (exit code 4)
naming the file, the key and the line it is on, as ``read`` does a file TOML can't parse.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MetadataError

Check = Callable[[Any], str]  # a value's problem ("must not be empty"), or "" for none
Where = tuple[str | int, ...]  # a key's place: ("print", "trim"), ("fix", 2, "count")

_BARE = r"[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'"
_HEADER = re.compile(rf"\s*\[(\[)?\s*((?:{_BARE})(?:\s*\.\s*(?:{_BARE}))*)\s*\]")
_ASSIGN = re.compile(rf"\s*((?:{_BARE})(?:\s*\.\s*(?:{_BARE}))*)\s*=")
_KEY_PART = re.compile(_BARE)
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", dict: "a table"}


@dataclass(frozen=True)
class Key:
    """What a key may hold. ``kind`` is str, int, bool, a tuple of them, dict (a table of
    the keys in ``table``) or list (an array of tables, each of the keys in ``table``)."""

    kind: type | tuple[type, ...]
    required: bool = False
    table: dict[str, Key] | None = None  # None for a table another module checks
    check: Check | None = None


@dataclass
class TomlFile:
    """A TOML file's path, its data and the line each key and table stands on."""

    path: Path
    data: dict[str, Any]
    lines: dict[Where, int]

    def line(self, where: Where) -> int | None:
        """The line of a key or table, else of the nearest table holding it written out."""
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return None

    def error(self, where: Where, problem: str) -> MetadataError:
        """A MetadataError for the key at ``where``: ``key 'trim' in [print] on line 3 …``."""
        line = self.line(where)
        name = " ".join(filter(None, (_name(where), f"on line {line}" if line else "")))
        return MetadataError(f"{name} {problem}" if name else problem, self.path)


def read(path: Path) -> TomlFile:
    """A TOML file read (UTF-8, with or without a byte-order mark), not yet checked."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad writes a BOM
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(f"malformed TOML: {exc}", path) from None
    except UnicodeDecodeError as exc:
        raise MetadataError(f"not UTF-8 text (byte {exc.start})", path) from None
    except OSError as exc:
        raise MetadataError(f"cannot read it: {exc.strerror or exc}", path) from None
    return TomlFile(path, data, _key_lines(text))


def check(file: TomlFile, schema: dict[str, Key], table: dict[str, Any] | None = None,
          where: Where = ()) -> None:
    """Refuse a key ``schema`` doesn't name, a value of the wrong type or one its check
    refuses, and a required key that is missing, in ``table`` (the whole file by default)
    and every table below it."""
    table = file.data if table is None else table
    for key, value in table.items():
        spec = schema.get(key)
        if spec is None:
            raise file.error((*where, key), "is unknown; known keys: " + ", ".join(sorted(schema)))
        check_value(file, (*where, key), value, spec)
    for key, spec in schema.items():
        if spec.required and key not in table:
            wanted = f"[[{key}]] tables" if spec.kind is list else f"key {key!r}"
            raise file.error(where, f"needs {wanted}")


def check_value(file: TomlFile, where: Where, value: Any, spec: Key) -> None:
    """Refuse a value at ``where`` that ``spec`` does not allow (a table's keys too)."""
    kinds = spec.kind if isinstance(spec.kind, tuple) else (spec.kind,)
    if list in kinds:
        if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
            raise file.error(where, f"must be an array of tables ([[{where[-1]}]])")
        for number, item in enumerate(value, 1):
            check(file, spec.table or {}, item, (*where, number))
        return
    if not any(isinstance(value, k) and (k is bool) == isinstance(value, bool) for k in kinds):
        raise file.error(where, "must be " + " or ".join(_TYPE_NAMES[k] for k in kinds))
    if isinstance(value, dict):
        if spec.table is not None:
            check(file, spec.table, value, where)
    elif spec.check and (problem := spec.check(value)):
        raise file.error(where, problem)


def _name(where: Where) -> str:
    """How a message names a place: ``key 'trim' in [print]``, ``[[work]] 2``, or ""."""
    if not where:
        return ""
    *above, last = where
    if isinstance(last, int):
        return f"[[{_dotted(above)}]] {last}"
    if not above:
        return f"key {last!r}"
    if isinstance(above[-1], int):
        return f"key {last!r} in [[{_dotted(above[:-1])}]] {above[-1]}"
    return f"key {last!r} in [{_dotted(above)}]"


def _dotted(keys: list[str | int]) -> str:
    return ".".join(str(k) for k in keys)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _KEY_PART.findall(dotted))


def _key_lines(text: str) -> dict[Where, int]:
    """The line of every key and table header: ``("fix", 2, "count")`` for ``count`` in
    the second ``[[fix]]``. Multi-line strings are skipped; inline tables are found by
    the key holding them."""
    found: dict[Where, int] = {}
    table: Where = ()
    arrays: Counter[Where] = Counter()
    quote = ""
    for number, line in enumerate(text.splitlines(), 1):
        if quote:
            quote = "" if quote in line else quote
            continue
        if header := _HEADER.match(line):
            name = _parts(header[2])
            if header[1]:
                arrays[name] += 1
                table = (*name, arrays[name])
            else:
                table = name
            found.setdefault(table, number)
        elif assign := _ASSIGN.match(line):
            found.setdefault((*table, *_parts(assign[1])), number)
            rest = line[assign.end():]
            quote = next((q for q in ('"""', "'''") if rest.count(q) % 2), "")
    return found
