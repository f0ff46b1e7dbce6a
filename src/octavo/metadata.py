"""Book metadata: the TOML beside a source, merged over what the reader found."""

from __future__ import annotations

import dataclasses
import re
import tomllib
import uuid
from pathlib import Path

from .errors import MetadataError
from .findings import KINDS, Known
from .safety import name_problem
from .tree import Metadata

FIELDS = {f.name for f in dataclasses.fields(Metadata)}
NAMESPACE = uuid.UUID("6f63746f-766f-4e00-8000-626f6f6b6964")  # "octavo" book ids
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # a BCP 47 tag, loosely
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
REQUIRED = ("title", "language", "book_id")  # keys that may not be given empty


def read_toml(path: Path) -> dict[str, object]:
    """The tables and keys of a source's TOML, or a MetadataError saying why it can't be read."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(f"malformed TOML: {exc}", path) from None
    except UnicodeDecodeError as exc:
        raise MetadataError(f"not UTF-8 text (byte {exc.start})", path) from None
    except OSError as exc:
        raise MetadataError(f"cannot read it: {exc.strerror or exc}", path) from None


def load_toml(path: Path) -> dict[str, str]:
    """Read a metadata TOML; every key but the ``[print]`` table must be a Metadata string."""
    data = read_toml(path)
    data.pop("print", None)  # print settings, read by octavo.writers.pdf_settings
    data.pop("known", None)  # findings an editor has settled, read by known_findings
    for key, value in data.items():
        if key not in FIELDS:
            line = _line_of(path, key)
            raise MetadataError(f"unknown key {key!r}{line}; known keys: "
                                + ", ".join(sorted(FIELDS)), path)
        if not isinstance(value, str):
            raise MetadataError(f"key {key!r}{_line_of(path, key)} must be a string", path)
    check(data, path)
    return data


def check(data: dict[str, object], path: Path) -> None:
    """Refuse values that would make a broken book: an unsafe book_id, a bad language …"""
    problems = {key: "must not be empty" for key in REQUIRED
                if isinstance(data.get(key), str) and not data[key].strip()}
    if isinstance(book_id := data.get("book_id"), str) and book_id and name_problem(book_id):
        problems["book_id"] = f"= {book_id!r} can't name the output files: {name_problem(book_id)}"
    if isinstance(lang := data.get("language"), str) and lang and not LANGUAGE.fullmatch(lang):
        problems["language"] = f"= {lang!r} is not a language tag such as 'en' or 'de-AT'"
    if isinstance(ident := data.get("identifier"), str) and ident and not URI.fullmatch(ident):
        problems["identifier"] = f"= {ident!r} is not a URI such as 'urn:isbn:…' or 'urn:uuid:…'"
    if problems:
        key, problem = next(iter(problems.items()))
        raise MetadataError(f"key {key!r}{_line_of(path, key)} {problem}", path)


def _line_of(path: Path, key: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if line.split("=", 1)[0].strip().strip('"[] ') == key:
            return f" on line {number}"
    return ""


def known_findings(path: Path) -> list[Known]:
    """The findings the TOML's ``[[known]]`` tables mark as known (``code``, ``page``)."""
    entries = read_toml(path).get("known", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise MetadataError(f"[[known]]{_line_of(path, 'known')} must be tables with a code "
                            "and, optionally, a page", path)
    known = []
    for entry in entries:
        code, page = entry.get("code"), entry.get("page", "")
        if code not in KINDS or not isinstance(page, str) or set(entry) - {"code", "page"}:
            raise MetadataError(f"[[known]] entry {entry!r}{_line_of(path, 'known')} needs a "
                                "known finding code (octavo audit shows them) and, "
                                "optionally, a page (a string)", path)
        known.append(Known(code, page))
    return known


def hints(overrides: dict[str, str]) -> Metadata:
    """What the TOML says of a book, for a reader that can use it (the author's name)."""
    return Metadata(**overrides)


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
