"""The archive's information block: ``Key: value`` lines (Source:, Translated: …).

A web transcription states where its text comes from in lines such as ``Source: Works,
Vol. 6, pp. 1-2`` or ``Transcription/Markup: Brian Reid``; the plain-text form and the
archive's HTML pages (``<span class="info">Source:</span> …``) word them alike, and both
readers turn them into the book's metadata (and so its colophon) here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..tree import Metadata
from ..typography import smarten

# the archive's keys (lower case, "\" and "&" read as "/") → the Metadata field they fill
META_KEYS = {
    "source": "source",
    "publisher": "publisher",
    "first published": "first_published",
    "published": "first_published",
    "transcription/markup": "transcription",
    "transcription/html markup": "transcription",
    "transcription": "transcription",
    "html markup": "transcription",
    "markup": "transcription",
    "translated": "translator",
    "translation": "translator",
    "public domain": "rights",
    "copyleft": "rights",
    "copyright": "rights",
}
DATE_KEYS = {"written", "delivered"}  # the date of the work itself
META_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z/\\& ]{2,40}):\s*(?P<value>.+)$")
PAGES = re.compile(r"pp?\.\s*(\d+)(?:\s*[-\u2013]\s*(\d+))?")


def normal_key(key: str) -> str:
    """A key as the tables spell it: ``Transcription\\Markup`` → ``transcription/markup``."""
    return re.sub(r"\s*[\\/&]\s*", "/", " ".join(key.lower().split()))


def known_key(key: str) -> bool:
    """Whether an information key is one the archive uses for the text's provenance."""
    return normal_key(key) in META_KEYS or normal_key(key) in DATE_KEYS


@dataclass
class Info:
    """What an information block says: the book's metadata and the work's date."""

    meta: Metadata = field(default_factory=Metadata)
    written: str = ""


def read_pairs(pairs: Iterable[tuple[str, str]]) -> Info:
    """The metadata of ``(key, value)`` pairs; keys the archive doesn't use are ignored."""
    info = Info()
    for key, value in pairs:
        name, value = normal_key(key), smarten(" ".join(value.split()).rstrip(";,"))
        if not value:
            continue
        if name in DATE_KEYS and not info.written:
            info.written = value
        elif meta_field := META_KEYS.get(name):
            setattr(info.meta, meta_field, value)
    return info


def split_line(line: str) -> tuple[str, str] | None:
    """``Key: value`` split, or None if the line is no information line."""
    match = META_LINE.match(line.strip())
    return (match["key"], match["value"]) if match else None


def read_lines(lines: Iterable[str]) -> Info:
    """The metadata of ``Key: value`` lines (other lines are ignored)."""
    return read_pairs(pair for line in lines if (pair := split_line(line)))


def source_pages(source: str) -> tuple[str, str]:
    """The printed pages a source line cites (``pp. 1-2`` → ``("1", "2")``), or empty."""
    if pages := PAGES.search(source):
        return pages[1], pages[2] or pages[1]
    return "", ""
