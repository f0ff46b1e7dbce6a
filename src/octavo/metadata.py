"""Book metadata: the TOML beside a source, merged over what the reader found."""

from __future__ import annotations

import dataclasses
import re
import uuid
from pathlib import Path

from .findings import KINDS, Known
from .safety import name_problem
from .toml_schema import Check, Key, check, read
from .tree import Metadata

FIELDS = {f.name for f in dataclasses.fields(Metadata)}
NAMESPACE = uuid.UUID("6f63746f-766f-4e00-8000-626f6f6b6964")  # "octavo" book ids
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # a BCP 47 tag, loosely
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def _filled(then: Check | None = None) -> Check:
    """A check refusing an empty value, then applying ``then``."""
    return lambda value: "must not be empty" if not value.strip() else (
        then(value) if then else "")


def _book_id(value: str) -> str:
    problem = name_problem(value)
    return f"= {value!r} can't name the output files: {problem}" if problem else ""


def _language(value: str) -> str:
    return "" if LANGUAGE.fullmatch(value) else (
        f"= {value!r} is not a language tag such as 'en' or 'de-AT'")


def _identifier(value: str) -> str:
    return "" if not value or URI.fullmatch(value) else (
        f"= {value!r} is not a URI such as 'urn:isbn:…' or 'urn:uuid:…'")


CHECKS: dict[str, Check] = {"title": _filled(), "language": _filled(_language),
                            "book_id": _filled(_book_id), "identifier": _identifier}
# the Metadata keys, each a string, as a source's TOML or an anthology's gives them
KEYS: dict[str, Key] = {name: Key(str, check=CHECKS.get(name)) for name in sorted(FIELDS)}
_CODE = Key(str, required=True, check=lambda code: "" if code in KINDS else (
    f"= {code!r} is no finding's code (octavo audit shows them)"))
SOURCE_TOML = {**KEYS, "print": Key(dict),  # the [print] table: writers.pdf_settings checks it
               "known": Key(list, table={"code": _CODE, "page": Key(str)})}


def load_toml(path: Path) -> dict[str, str]:
    """A source's metadata TOML: Metadata strings; its [print] table (that
    ``writers.pdf_settings`` reads) and [[known]] tables (``known_findings``) are checked."""
    toml = read(path)
    check(toml, SOURCE_TOML)
    return {k: v for k, v in toml.data.items() if k not in ("print", "known")}


def known_findings(path: Path) -> list[Known]:
    """The findings the TOML's ``[[known]]`` tables mark as known (``code``, ``page``)."""
    toml = read(path)
    check(toml, SOURCE_TOML)
    return [Known(e["code"], e.get("page", "")) for e in toml.data.get("known", [])]


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
