"""Findings: everything octavo has to tell an editor about a source, in one shape.

A finding has a stable code (``n-002``), the topic it belongs to, its place (the
source, a printed page, a line of the text) and a one-line message.  Its kind decides
who hears of it: a *warning* (an encoding guessed, a correction that matched nothing) is
printed by every command, a *doubt* (a contents entry not found, a note whose page
disagrees) is what ``octavo audit`` lists for an editor to settle, and a *learnt* finding
says what the reader learnt from the text (its boilerplate, running heads, character
map) so an editor can check it.  An editor marks a finding as known in the source's
TOML, and it stops showing::

    [[known]]
    code = "n-002"
    page = "412"      # optional: only this page's (else every finding of the code)

Code that reads or writes books reports with ``report(code, message, page=…)``; while a
source is read (``collecting``) its findings are gathered for the Book, each warning
also printed at once on stderr as ``octavo: warning: SOURCE: p. 4: message [code]``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

LOG = logging.getLogger("octavo")
WARNING, DOUBT, LEARNT = "warning", "doubt", "learnt"
STRUCTURE_MISSING = "f-101"


@dataclass(frozen=True)
class Kind:
    """What a code means: its topic, who hears of it, and a summary for the README."""

    code: str
    topic: str
    level: str
    summary: str


KINDS = {k.code: k for k in (
    Kind("s-001", "source", WARNING, "the source's encoding was guessed or mended"),
    Kind("s-002", "source", WARNING, "characters XML can't hold were dropped"),
    Kind("s-003", "source", WARNING, "the source looks like markup, not text"),
    Kind("s-004", "source", WARNING, "no title: the file name is used"),
    Kind("s-005", "source", WARNING, "an unsafe file name or work id was replaced"),
    Kind("s-006", "source", WARNING, "the reader found no structure: read as plain text"),
    Kind("s-007", "source", WARNING, "the text has no title block of its kind"),
    Kind("s-008", "source", WARNING, "UTF-8 read as Latin-1 or cp1252 on its way, mended"),
    Kind("c-001", "corrections", WARNING, "a correction matched another number of times"),
    Kind("c-002", "corrections", WARNING, "corrections don't apply to a book of web pages"),
    Kind("w-001", "web", WARNING, "a page's HTML is malformed or cut short: read as it can be"),
    Kind("w-002", "web", WARNING, "an image left out: not saved beside the page, or no "
                                  "PNG, JPEG or GIF"),
    Kind("w-003", "web", WARNING, "a page of a book left out: not saved, or not readable"),
    Kind("w-004", "web", WARNING, "the index page's own text, besides its contents, not read"),
    Kind("w-005", "web", WARNING, "a page holds no text"),
    Kind("f-001", "furniture", LEARNT, "boilerplate the scan repeats, taken off"),
    Kind("f-002", "furniture", LEARNT, "running heads and folios"),
    Kind("f-003", "furniture", LEARNT, "the scan's stand-in characters and what they mean"),
    Kind("f-004", "furniture", LEARNT, "the author, from the running heads or the TOML"),
    Kind("f-005", "furniture", LEARNT, "the face the lines were set in, which their widths "
         "are measured by"),
    Kind("f-006", "furniture", DOUBT, "no contents list: the works cut at the titles of "
         "the pages that open without a running head"),
    Kind("f-007", "furniture", LEARNT, "catchwords at the pages' feet, taken off"),
    Kind("f-101", "furniture", WARNING, "no pages or no contents list found"),
    Kind("f-102", "furniture", WARNING, "the lines were wrapped anew, narrower than printed"),
    Kind("p-001", "pages", DOUBT, "a page is blank or missing in the scan"),
    Kind("p-002", "pages", DOUBT, "a folio off the run of pages, read as the run says"),
    Kind("t-001", "contents", DOUBT, "a contents entry not found in the body"),
    Kind("t-002", "contents", DOUBT, "a section of the contents not found in its work"),
    Kind("d-001", "dates", DOUBT, "the contents and the title lines date a work apart"),
    Kind("n-001", "notes", DOUBT, "an endnote with no marker in the text"),
    Kind("n-002", "notes", DOUBT, "an endnote's page and its marker's disagree"),
    Kind("n-003", "markers", DOUBT, "a number that looks like a note marker"),
    Kind("o-001", "footnotes", DOUBT, "a footnote with no reference in any work"),
    Kind("o-002", "footnotes", DOUBT, "a footnote reference with no footnote"),
    Kind("h-001", "chronicle", DOUBT, "a chronicle date whose days run backwards"),
    Kind("j-001", "joins", DOUBT, "a word the OCR may have run together"),
)}
TOPICS = {
    "source": "Source", "corrections": "Corrections", "furniture": "Furniture learnt",
    "pages": "Pages", "contents": "Contents entries", "dates": "Dates the contents and "
    "the title lines disagree on", "notes": "Endnotes", "markers": "Numbers that look "
    "like note markers", "footnotes": "Footnotes", "chronicle": "Chronicle dates",
    "joins": "Words the OCR may have run together", "paragraphs": "Paragraph ends",
    "web": "Web pages",
}


@dataclass(frozen=True)
class Finding:
    """One thing to tell: its code, message and place."""

    code: str
    message: str
    page: str = ""  # the printed page, for sources with pages
    line: int = 0  # the line of the source text, from 1 (0: none)
    source: str = ""  # the source's path, filled in as it is read

    @property
    def kind(self) -> Kind:
        return KINDS[self.code]

    def place(self) -> str:
        """``SOURCE: p. 4: line 20: `` as far as known."""
        parts = [self.source] if self.source else []
        parts += [f"p. {self.page}"] * bool(self.page) + [f"line {self.line}"] * bool(self.line)
        return "".join(f"{p}: " for p in parts)

    def line_text(self) -> str:
        """The finding as the CLI prints it."""
        return " ".join(f"{self.place()}{self.message} [{self.code}]".split())

    def as_dict(self) -> dict[str, str | int]:
        return {"code": self.code, "topic": self.kind.topic, "level": self.kind.level,
                "source": self.source, "page": self.page, "line": self.line,
                "message": self.message}


@dataclass(frozen=True)
class Known:
    """A finding an editor has marked as known: its code, and the page if only one's."""

    code: str
    page: str = ""

    def covers(self, finding: Finding) -> bool:
        return finding.code == self.code and (not self.page or finding.page == self.page)


def unknown(findings: list[Finding], known: list[Known]) -> list[Finding]:
    """The findings no entry of ``known`` covers."""
    return [f for f in findings if not any(k.covers(f) for k in known)]


@dataclass
class Gathering:
    """The findings of the source being read, and those its editor marked as known."""

    source: str = ""
    findings: list[Finding] = field(default_factory=list)
    known: list[Known] = field(default_factory=list)


_GATHERING: ContextVar[Gathering | None] = ContextVar("octavo_findings", default=None)
_SOURCE: ContextVar[str] = ContextVar("octavo_finding_source", default="")


def report(code: str, message: str, *, page: str = "", line: int = 0) -> Finding:
    """Record a finding for the source being read; print it at once if it is a warning
    the editor has not marked as known."""
    gathering = _GATHERING.get()
    finding = Finding(code, message, page, line, gathering.source if gathering else _SOURCE.get())
    if gathering is not None:
        gathering.findings.append(finding)
    if finding.kind.level == WARNING and unknown([finding], gathering.known if gathering else []):
        announce(finding)
    return finding


def announce(finding: Finding) -> None:
    """Print a warning-level finding as one line on stderr (through the CLI's handler)."""
    LOG.warning("%s", finding.line_text())


@contextmanager
def collecting(source: object) -> Iterator[Gathering]:
    """Gather the findings reported inside the block, naming ``source`` in them (set
    ``known`` on what it yields once the editor's list is read)."""
    token = _GATHERING.set(gathering := Gathering(str(source)))
    try:
        yield gathering
    finally:
        _GATHERING.reset(token)


@contextmanager
def about(source: object) -> Iterator[None]:
    """Name ``source`` in every finding reported inside the block (writing its outputs)."""
    token = _SOURCE.set(str(source))
    try:
        yield
    finally:
        _SOURCE.reset(token)
