"""``octavo audit SOURCE``: what the reader could not settle, so an editor knows where to look."""

from __future__ import annotations

from pathlib import Path

import click

from ..readers.ocr.audit import report
from ..sources import Source, read_book


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
def audit(source: Path) -> None:
    """Report what reading SOURCE left unsettled: notes without a marker or with the
    wrong page, contents entries not found, footnotes without a reference, words the
    OCR may have run together."""
    for line in report(read_book(Source(source))):
        click.echo(line)
