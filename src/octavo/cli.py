"""The ``octavo`` command line: a thin layer over sources, readers and writers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .build import FORMATS, build_outputs
from .errors import OctavoError, SourceError
from .paths import DIST, INPUT
from .sources import Source, discover


def _sources(paths: tuple[Path, ...]) -> list[Source]:
    if paths:
        return [Source(p) for p in paths]
    found = discover(INPUT)
    if not found:
        raise SourceError("no source texts (*.txt) found", INPUT)
    return found


def _human(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class OctavoGroup(click.Group):
    """Turns OctavoErrors into one-line messages and exit codes (tracebacks with --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OctavoError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"octavo: error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=OctavoGroup)
@click.version_option(__version__, prog_name="octavo")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """octavo turns classic texts into books: a validating EPUB and a print-ready PDF.

    Sources are text files named NAME.KIND.txt (KIND is the reader: ocr for the OCR
    text of a printed volume, mia for a web transcription), each with NAME.toml beside
    it holding the metadata the text can't give reliably.
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DIST,
              show_default="dist/", help="Folder to write the books into.")
@click.option("--format", "fmt", type=click.Choice(["epub", "pdf", "all"]), default="all",
              show_default=True, help="Which outputs to make.")
def build(sources: tuple[Path, ...], out_dir: Path, fmt: str) -> None:
    """Build SOURCE texts (default: every source in input/) into EPUB and PDF.

    Each output is written to OUT/<book-id>.epub or .pdf and reported on one line
    with its size and page count.
    """
    formats = FORMATS if fmt == "all" else (fmt,)
    for source in _sources(sources):
        for result in build_outputs(source, out_dir, formats):
            click.echo(f"{result.path}  {_human(result.size)}  {result.pages} pages"
                       f"{' (source edition)' if result.format == 'epub' else ''}")


from .commands.pamphlet import COMMANDS as PAMPHLET_COMMANDS  # noqa: E402

for _command in PAMPHLET_COMMANDS:
    main.add_command(_command)
