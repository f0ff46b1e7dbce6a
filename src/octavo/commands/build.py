"""``octavo build [SOURCE…]``: sources into EPUB and PDF."""

from __future__ import annotations

from pathlib import Path

import click

from .. import collector
from ..build import Output, build_outputs
from ..errors import SourceError
from ..paths import DIST, INPUT
from ..sources import Source, discover
from ..writers.pdf_settings import BLEED_MM, TRIMS, VARIANTS
from . import options
from .report import size, status


def _sources(paths: tuple[Path, ...]) -> list[Source]:
    if paths:
        return [Source(p) for p in paths]
    found = discover(INPUT)
    if not found:
        raise SourceError("no source texts (*.txt) found", INPUT)
    return found


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@options.output(DIST)
@click.option("--trim", type=click.Choice(sorted(TRIMS)), default=None,
              help="PDF trim size (default: the TOML's [print] trim, else a5).")
@click.option("--print-marks/--no-print-marks", "marks", default=None,
              help=f"Add a {BLEED_MM} mm bleed with crop marks to the PDF.")
@click.option("--pdf-variant", "variant", type=click.Choice(VARIANTS), default=None,
              help="Make an archival (PDF/A-3b) or accessible (PDF/UA-1) PDF.")
@click.option("--plain", is_flag=True,
              help="Build a source whose pages or contents can't be found as "
                   "plain running text, instead of failing.")
@options.no_cache
def build(sources: tuple[Path, ...], out_dir: Path, fmt: str, trim: str | None,
          marks: bool | None, variant: str | None, plain: bool, no_cache: bool) -> None:
    """Build SOURCE texts (default: every source in input/) into EPUB and PDF.

    Each output is written to OUT/<book-id>.epub or .pdf and reported on one line
    with its size and page count. Print options override the [print] table of the
    source's TOML.
    """
    with collector.one_shot():
        for source in _sources(sources):
            with status():
                outputs = build_outputs(source, out_dir, options.formats(fmt),
                                        use_cache=not no_cache, plain=plain, trim=trim,
                                        marks=marks, variant=variant)
            for result in outputs:
                click.echo(f"{result.path}  {size(result.size)}{_pages(result)}")


def _pages(result: Output) -> str:
    """A PDF's pages; an EPUB's pages of the source edition, where its text has any."""
    if result.format != "epub":
        return f"  {result.pages} pages"
    return f"  {result.pages} pages (source edition)" if result.pages else ""
