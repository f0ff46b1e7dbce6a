"""``octavo audit SOURCE``: what the reader could not settle, so an editor knows where to look."""

from __future__ import annotations

from pathlib import Path

import click

from ..cache import read_cached
from ..sources import Source
from . import options


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@options.no_cache
def audit(source: Path, no_cache: bool) -> None:
    """Report what reading SOURCE left unsettled: notes without a marker or with the
    wrong page, contents entries not found, footnotes without a reference, words the
    OCR may have run together."""
    from ..readers.ocr.audit import report  # the OCR reader's, loaded only to audit

    for line in report(read_cached(Source(source), use_cache=not no_cache)):
        click.echo(line)
