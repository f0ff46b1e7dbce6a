"""``octavo audit SOURCE``: every finding of a source, grouped, so an editor knows where to look."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..cache import read_cached
from ..findings import TOPICS, Finding, unknown
from ..metadata import known_findings
from ..sources import Source
from . import options


def audit_findings(source: Source, *, known: bool = False,
                   use_cache: bool = True) -> list[Finding]:
    """What reading ``source`` found, and what its finished tree shows, in one list; the
    findings its TOML marks as known left out unless ``known`` (the source read from the
    tree cache unless ``use_cache`` is false)."""
    from ..readers.ocr.audit import findings as tree_findings  # the OCR reader's: loaded here

    book = read_cached(source, use_cache, plain=True)  # a plain reading says what it missed
    found = [*book.findings, *tree_findings(book, str(source.path))]
    if known or not os.path.lexists(source.meta_path):
        return found
    return unknown(found, known_findings(source.meta_path))


def report(found: list[Finding]) -> list[str]:
    """The findings as lines of a readable report, grouped by topic, with their codes."""
    if not found:
        return ["Nothing to report: every note, footnote and contents entry was settled."]
    lines: list[str] = []
    for topic, heading in TOPICS.items():
        items = [f for f in found if f.kind.topic == topic]
        if items:
            lines += [f"{heading} ({len(items)})"]
            lines += [f"  {f.code}  {f'p. {f.page}: ' if f.page else ''}{f.message}"
                      for f in items]
            lines.append("")
    return lines[:-1]


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
@click.option("--known", is_flag=True,
              help="List the findings the source's TOML marks as known, too.")
@options.no_cache
def audit(source: Path, as_json: bool, known: bool, no_cache: bool) -> None:
    """Report what reading SOURCE found: the furniture it learnt (boilerplate, running
    heads, stand-in characters, the author), notes without a marker or with the wrong
    page, contents entries not found, footnotes without a reference, words the OCR may
    have run together. Each finding has a code; mark one as known in the source's TOML
    ([[known]] code = "n-002", page = "412") and it stops showing."""
    found = audit_findings(Source(source), known=known, use_cache=not no_cache)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=1))
        return
    for line in report(found):
        click.echo(line)
