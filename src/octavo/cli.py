"""The ``octavo`` command line: a thin layer over sources, readers and writers."""

from __future__ import annotations

import importlib
import logging
import os
import signal
import sys
import threading
import traceback

import click

from . import __version__, collector
from .commands import COMMANDS
from .commands.report import clear_status
from .errors import INTERRUPTED, OctavoError, one_line
from .findings import LOG


class WarningLines(logging.Handler):
    """Prints each warning as one line on stderr: ``octavo: warning: …``."""

    def emit(self, record: logging.LogRecord) -> None:
        where = "" if record.name.startswith(LOG.name) else f"{record.name}: "
        clear_status()
        click.echo(f"octavo: warning: {one_line(where + record.getMessage())}", err=True)


collector.none_at_exit()


def _report_warnings() -> None:
    for name, level in ((LOG.name, logging.WARNING), ("weasyprint", logging.ERROR)):
        logger = logging.getLogger(name)
        if not any(isinstance(h, WarningLines) for h in logger.handlers):
            logger.addHandler(WarningLines(level))


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt  # so a killed build cleans up as after Ctrl-C


class OctavoGroup(click.Group):
    """Every failure as one line and an exit code (the README's table); --debug: traceback.
    Each command's module is loaded when the command runs (or ``--help`` lists it), so
    that a command loads only what it uses."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f".commands.{COMMANDS[cmd_name]}", __package__)
        return getattr(module, cmd_name)

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


if __name__ == "__main__":
    main()
