"""``octavo pamphlet``, ``octavo pamphlets`` and ``octavo anthology``: books of chosen works."""

from __future__ import annotations

import os
import time
from pathlib import Path

import click

from ..anthology import read_anthology
from ..batch import prepare, run
from ..build import FORMATS, write_book
from ..cache import read_cached
from ..pamphlet import pamphlet as cut_pamphlet
from ..pamphlet import pamphlet_settings
from ..paths import DIST
from ..select import find_works
from ..sources import Source

PAMPHLETS = DIST / "pamphlets"


def _formats(fmt: str) -> tuple[str, ...]:
    return FORMATS if fmt == "all" else (fmt,)


def _options(default_out: Path):
    """The --out and --format options every command here takes."""

    def decorate(command):
        command = click.option("--format", "fmt", type=click.Choice(["epub", "pdf", "all"]),
                               default="all", show_default=True,
                               help="Which outputs to make.")(command)
        return click.option("--out", "out_dir", type=click.Path(path_type=Path),
                            default=default_out, show_default=str(default_out.relative_to(
                                DIST.parent)) + "/", help="Folder to write into.")(command)

    return decorate


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _table(rows: list[tuple[str, ...]]) -> None:
    """Print rows as columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def _written(outputs) -> None:
    _table([("file", "size", "pages")]
           + [(str(o.path), _size(o.size), str(o.pages)) for o in outputs])


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("works", nargs=-1)
@_options(PAMPHLETS)
def pamphlet(source: Path, works: tuple[str, ...], out_dir: Path, fmt: str) -> None:
    """Make a pamphlet of one WORK of SOURCE (or of several, in the order given).

    A WORK is an id as `octavo works` lists it, a unique title prefix, or a printed
    page of the source edition (p206: the work whose pages hold page 206). A source
    holding a single work (a web transcription) needs no WORK. The pamphlet has only
    its work's notes (renumbered), footnotes and page markers, and its own title page
    saying where it comes from; it is written to OUT/<source-id>-<work-id>.epub/.pdf.
    """
    book = read_cached(Source(source))
    _written(write_book(cut_pamphlet(book, find_works(book, works)), out_dir, _formats(fmt),
                        pamphlet_settings(Source(source))))


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("works", nargs=-1)
@click.option("--all", "every", is_flag=True, help="A pamphlet of every work of SOURCE.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the number of CPUs", help="How many processes build at once.")
@_options(PAMPHLETS)
def pamphlets(source: Path, works: tuple[str, ...], every: bool, jobs: int,
              out_dir: Path, fmt: str) -> None:
    """Make a separate pamphlet of each WORK of SOURCE, or of every work with --all.

    Pamphlets build in parallel on --jobs processes. What is up to date isn't rebuilt:
    OUT/.octavo-cache.json keys each output on its work's text, notes and metadata, the
    templates and styles, and octavo's version, so changing one work rebuilds only its
    pamphlet and a run with nothing changed builds nothing.
    """
    if every == bool(works):
        raise click.UsageError("name the WORKs to make pamphlets of, or give --all")
    start = time.perf_counter()
    batch = prepare(Source(source), list(works), out_dir, _formats(fmt))
    with click.progressbar(length=batch.size, label="pamphlets",
                           item_show_func=lambda name: name) as bar:
        made = run(batch, jobs, lambda done: bar.update(1, done.path.name))
    _table([("file", "source pp.", "size", "pages", "built in")]
           + [(m.path.name, m.entry.printed, _size(m.entry.size), str(m.entry.pages),
               f"{m.seconds:.1f} s" if m.built else "cached") for m in made])
    built = sum(m.built for m in made)
    click.echo(f"{built} built, {len(made) - built} up to date, in {out_dir} "
               f"({time.perf_counter() - start:.1f} s)")


@click.command()
@click.argument("toml", type=click.Path(path_type=Path))
@_options(DIST)
def anthology(toml: Path, out_dir: Path, fmt: str) -> None:
    """Make an anthology: one book of the works a TOML names, from one or more sources.

    The TOML gives the book's metadata (title at least) and a [[work]] table per work
    with its `source` (relative to the TOML) and `work` (as for `octavo pamphlet`);
    see examples/anthology.toml.
    """
    _written(write_book(read_anthology(toml), out_dir, _formats(fmt)))


COMMANDS = (pamphlet, pamphlets, anthology)
