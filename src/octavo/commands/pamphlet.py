"""``octavo pamphlet``, ``octavo pamphlets`` and ``octavo anthology``: books of chosen works."""

from __future__ import annotations

import time
from pathlib import Path

import click

from .. import cores
from ..anthology import read_anthology
from ..batch import cluster_soon, prepare, run
from ..build import write_book
from ..cache import read_cached
from ..pamphlet import pamphlet as cut_pamphlet
from ..pamphlet import pamphlet_settings
from ..paths import DIST
from ..select import find_works
from ..sources import Source
from . import options
from .report import page_count, size, status, table, written

PAMPHLETS = DIST / "pamphlets"


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("works", nargs=-1)
@options.output(PAMPHLETS)
@options.no_cache
def pamphlet(source: Path, works: tuple[str, ...], out_dir: Path, fmt: str,
             no_cache: bool) -> None:
    """Make a pamphlet of one WORK of SOURCE (or of several, in the order given).

    A WORK is an id as `octavo works` lists it, a unique title prefix, or a printed
    page of the source edition (p206: the work whose pages hold page 206). A source
    holding a single work (a web transcription) needs no WORK. The pamphlet has only
    its work's notes (renumbered), footnotes and page markers, and its own title page
    saying where it comes from; it is written to OUT/<source-id>-<work-id>.epub/.pdf.
    """
    with status():
        book = read_cached(Source(source), use_cache=not no_cache)
        made = write_book(cut_pamphlet(book, find_works(book, works)), out_dir,
                          options.formats(fmt), pamphlet_settings(Source(source)))
    written(made)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("works", nargs=-1)
@click.option("--all", "every", is_flag=True, help="A pamphlet of every work of SOURCE.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=cores.available(),
              show_default="the cores octavo may use",
              help="How many worker processes the embedded cluster starts.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Build on an existing Dask cluster (tcp://HOST:8786) instead.")
@options.output(PAMPHLETS)
@options.no_cache
def pamphlets(source: Path, works: tuple[str, ...], every: bool, jobs: int,
              scheduler: str | None, out_dir: Path, fmt: str, no_cache: bool) -> None:
    """Make a separate pamphlet of each WORK of SOURCE, or of every work with --all.

    Pamphlets build in parallel on a Dask cluster: one started inside the command with
    --jobs worker processes, or an existing one (--scheduler) whose workers have octavo
    installed; the files are written here. What is up to date isn't rebuilt:
    OUT/.octavo-cache.json keys each output on its work's text, notes and metadata, the
    templates and styles, and octavo's version, so changing one work rebuilds only its
    pamphlet and a run with nothing changed builds nothing.
    """
    if every == bool(works):
        raise click.UsageError("name the WORKs to make pamphlets of, or give --all")
    start = time.perf_counter()
    formats = options.formats(fmt)
    starting = {}

    def start_cluster() -> None:  # there is work: the cluster starts while the source is read
        starting["cluster"] = cluster_soon(scheduler, jobs)

    parallel = scheduler or (jobs > 1 and (every or len(works) * len(formats) > 1))
    with status():
        batch = prepare(Source(source), list(works), out_dir, formats,
                        use_cache=not no_cache, reading=start_cluster if parallel else None)
    with click.progressbar(length=batch.size, label="pamphlets",
                           item_show_func=lambda name: name) as bar:
        made = run(batch, jobs, lambda done: bar.update(1, done.path.name), scheduler,
                   starting.get("cluster"))
    table([("file", "source pp.", "size", "pages", "built in")]
          + [(m.path.name, m.entry.printed, size(m.entry.size),
              page_count(m.entry.pages, m.path.suffix.lstrip(".")),
              f"{m.seconds:.1f} s" if m.built else "cached") for m in made])
    built = sum(m.built for m in made)
    click.echo(f"{built} built, {len(made) - built} up to date, in {out_dir} "
               f"({time.perf_counter() - start:.1f} s)")


@click.command()
@click.argument("toml", type=click.Path(path_type=Path))
@options.output(DIST)
@options.no_cache
def anthology(toml: Path, out_dir: Path, fmt: str, no_cache: bool) -> None:
    """Make an anthology: one book of the works a TOML names, from one or more sources.

    The TOML gives the book's metadata (title at least) and a [[work]] table per work
    with its `source` (relative to the TOML) and `work` (as for `octavo pamphlet`);
    see examples/anthology.toml.
    """
    with status():
        made = write_book(read_anthology(toml, use_cache=not no_cache), out_dir,
                          options.formats(fmt))
    written(made)
