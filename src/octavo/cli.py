"""The ``octavo`` command line: a thin layer over sources, readers and writers."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import traceback
from pathlib import Path

import click

from . import __version__
from .build import FORMATS, Output, build_outputs
from .errors import INTERRUPTED, OctavoError, SourceError, one_line
from .findings import LOG
from .paths import DIST, INPUT
from .sources import Source, discover
from .writers.pdf_settings import BLEED_MM, TRIMS, VARIANTS


def _sources(paths: tuple[Path, ...]) -> list[Source]:
    if paths:
        return [Source(p) for p in paths]
    found = discover(INPUT)
    if not found:
        raise SourceError("no source texts (*.txt) found", INPUT)
    return found


def _human(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class WarningLines(logging.Handler):
    """Prints each warning as one line on stderr: ``octavo: warning: …``."""

    def emit(self, record: logging.LogRecord) -> None:
        where = "" if record.name.startswith(LOG.name) else f"{record.name}: "
        click.echo(f"octavo: warning: {one_line(where + record.getMessage())}", err=True)


def _report_warnings() -> None:
    for name, level in ((LOG.name, logging.WARNING), ("weasyprint", logging.ERROR)):
        logger = logging.getLogger(name)
        if not any(isinstance(h, WarningLines) for h in logger.handlers):
            logger.addHandler(WarningLines(level))


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt  # so a killed build cleans up as after Ctrl-C


class OctavoGroup(click.Group):
    """Every failure as one line and an exit code (the README's table); --debug: traceback."""

    def invoke(self, ctx: click.Context):
        _report_warnings()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _terminated)
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit):  # usage, --help
            raise
        except OctavoError as exc:
            _fail(ctx, f"error: {exc}", exc.exit_code)
        except KeyboardInterrupt:
            _fail(ctx, "interrupted; earlier outputs are as they were", INTERRUPTED)
        except BrokenPipeError:  # the reader of our output left (`octavo works … | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            _fail(ctx, f"error: internal error, {type(exc).__name__}: {one_line(str(exc))[:300]}"
                  " (run with --debug for the traceback)", 1)


def _fail(ctx: click.Context, message: str, code: int) -> None:
    if ctx.obj and ctx.obj.get("debug"):
        click.echo(traceback.format_exc(), err=True, nl=False)
    click.echo(f"octavo: {message}", err=True)
    sys.exit(code)


@click.group(cls=OctavoGroup)
@click.version_option(__version__, prog_name="octavo")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """octavo turns classic texts into books: a validating EPUB and a print-ready PDF.

    Sources are text files named NAME.KIND.txt (KIND is the reader: ocr for the OCR
    text of a printed volume, mia for a web transcription), web pages saved from the
    archive (NAME.html, or a folder with index.htm for a book of pages), each with
    NAME.toml beside it holding the metadata the text can't give reliably.
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DIST,
              show_default="dist/", help="Folder to write the books into.")
@click.option("--format", "fmt", type=click.Choice(["epub", "pdf", "all"]), default="all",
              show_default=True, help="Which outputs to make.")
@click.option("--trim", type=click.Choice(sorted(TRIMS)), default=None,
              help="PDF trim size (default: the TOML's [print] trim, else a5).")
@click.option("--print-marks/--no-print-marks", "marks", default=None,
              help=f"Add a {BLEED_MM} mm bleed with crop marks to the PDF.")
@click.option("--pdf-variant", "variant", type=click.Choice(VARIANTS), default=None,
              help="Make an archival (PDF/A-3b) or accessible (PDF/UA-1) PDF.")
@click.option("--plain", is_flag=True,
              help="Build a source whose pages, running heads or contents can't be found as "
                   "plain running text, instead of failing.")
def build(sources: tuple[Path, ...], out_dir: Path, fmt: str, trim: str | None,
          marks: bool | None, variant: str | None, plain: bool) -> None:
    """Build SOURCE texts (default: every source in input/) into EPUB and PDF.

    Each output is written to OUT/<book-id>.epub or .pdf and reported on one line
    with its size and page count. Print options override the [print] table of the
    source's TOML.
    """
    formats = FORMATS if fmt == "all" else (fmt,)
    for source in _sources(sources):
        for result in build_outputs(source, out_dir, formats, plain=plain, trim=trim,
                                    marks=marks, variant=variant):
            click.echo(f"{result.path}  {_human(result.size)}{_pages(result)}")


def _pages(result: Output) -> str:
    """A PDF's pages; an EPUB's pages of the source edition, where its text has any."""
    if result.format != "epub":
        return f"  {result.pages} pages"
    return f"  {result.pages} pages (source edition)" if result.pages else ""

from .commands.works import works  # noqa: E402

main.add_command(works)

from .commands.audit import audit  # noqa: E402

main.add_command(audit)

from .commands.pamphlet import COMMANDS as PAMPHLET_COMMANDS  # noqa: E402

for _command in PAMPHLET_COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
