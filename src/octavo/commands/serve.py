"""``octavo serve``: the library's pages and JSON API, with pamphlets made on a Dask cluster."""

from __future__ import annotations

import re
from pathlib import Path

import click

from .. import cores
from ..cache import tree_folder
from ..errors import SourceError
from ..paths import INPUT

QUEUE = 100  # outputs waiting or being made: at about a second each, a minute's work on 2 cores
JOB_SECONDS = 120.0  # the volume's longest work (89 pp.) takes 4 s; 30 times that is a fault
CACHE_LIMIT = "1G"  # every pamphlet, EPUB and PDF, of some 200 volumes like the sample's 5.3 MB
SIZE = re.compile(r"(\d+(?:\.\d+)?) ?([KMGT]?)(?:I?B)?")
UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


class Size(click.ParamType):
    """A size in bytes, with an optional K, M, G or T (binary multiples): ``500M``."""

    name = "size"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        if not (m := SIZE.fullmatch(str(value).strip().upper())):
            self.fail(f"{value!r} is not a size (as 500M, 2G)", param, ctx)
        return int(float(m[1]) * UNITS[m[2]])


@click.command()
@click.argument("library", type=click.Path(path_type=Path), default=INPUT)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Build on an existing Dask cluster (tcp://HOST:8786) instead of one "
                   "started here.")
@click.option("--workers", type=click.IntRange(min=1), default=cores.available(),
              show_default="the cores octavo may use",
              help="Worker processes of the embedded cluster.")
@click.option("--queue", type=click.IntRange(min=1), default=QUEUE, show_default=True,
              help="Outputs waiting or being made at most; beyond, 503 with Retry-After.")
@click.option("--job-timeout", type=click.FloatRange(min=0, min_open=True),
              default=JOB_SECONDS, show_default=True,
              help="Seconds a worker may spend on one output before it is stopped.")
@click.option("--pdf-layouts", type=click.IntRange(min=1), default=None,
              show_default="one per worker thread", help="PDF layouts at once, at most.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              show_default="$OCTAVO_CACHE/pamphlets", help="Where made files are kept.")
@click.option("--cache-limit", type=Size(), default=CACHE_LIMIT, show_default=True,
              help="How much the made files may take; the least recently used go first.")
@click.option("--root-path", default="", help="The path prefix a reverse proxy serves "
                                               "the application under (/octavo).")
def serve(library: Path, host: str, port: int, scheduler: str | None, workers: int,
          queue: int, job_timeout: float, pdf_layouts: int | None, cache_dir: Path | None,
          cache_limit: int, root_path: str) -> None:
    """Serve the books of LIBRARY (a folder of sources, default input/) on the web.

    The library page lists them; a book's page shows its contents, where works can be
    ticked and made into a pamphlet (EPUB, PDF or both); the JSON API is documented at
    /api/docs. Pamphlets are made on a Dask cluster started here (--workers processes)
    or on an existing one (--scheduler), and kept by content: the same request again is
    served from the cache.
    """
    import uvicorn

    from ..cluster import Cluster
    from ..jobs import Jobs
    from ..library import Library
    from ..store import Store
    from ..web.app import create_app

    if not library.is_dir():
        raise SourceError("is not a folder of sources", library)
    books = Library(library)
    titles = books.titles()
    with Cluster.start(scheduler, workers, pdf_layouts) as cluster:
        cluster.in_background()
        cluster.warm([(str(t.source.path), t.fingerprint) for t in titles if t.book])
        jobs = Jobs(cluster, Store(cache_dir or tree_folder() / "pamphlets", cache_limit), queue,
                    job_timeout)
        click.echo(f"octavo: serving {len(titles)} source(s) of {books.folder} at "
                   f"http://{host}:{port}{root_path}/ with {cluster.threads} worker(s) "
                   f"{'of ' + scheduler if scheduler else 'started here'}", err=True)
        try:
            uvicorn.run(create_app(books, jobs), host=host, port=port, root_path=root_path,
                        log_level="warning")
        finally:
            jobs.close()
