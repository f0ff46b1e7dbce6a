"""What a build worker does: render a book, or a pamphlet ordered by source and work ids.

These functions run in whatever process a build is sent to: a Dask worker of the embedded
cluster or of an existing one (see ``cluster.py``), or the calling process itself. They
return the output's bytes; the caller writes them, so workers need no shared output folder.

An ``Order`` names its source by path and by fingerprint (its files and octavo's code): a
worker keeps the tree of each source it has read (the last ``HELD`` of them) and checks that
the files it reads are those the order was keyed on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from threading import Lock

from .build import made
from .cache import read_cached, source_fingerprint
from .errors import OctavoError
from .pamphlet import pamphlet
from .select import find_works, page_span
from .sources import Source
from .tree import Book
from .writers.pdf_settings import PrintSettings

HELD = 8  # a 450-page volume's tree takes about 40 MB: eight stay near a third of a GB
PROGRESS = "octavo-progress"  # the Dask event topic orders report their steps on

_trees: OrderedDict[str, Book] = OrderedDict()
_lock = Lock()


@dataclass(frozen=True)
class Order:
    """One output to make: a pamphlet of works of a source, in one format."""

    source: str  # the source text's path, as the workers see it
    fingerprint: str  # of the source's files and octavo's code (``fingerprint``)
    works: tuple[str, ...]  # work ids, in the pamphlet's order
    fmt: str
    settings: PrintSettings

    @property
    def key(self) -> str:
        """The output's content address: same source bytes, works, options and octavo."""
        options = asdict(self.settings) if self.fmt == "pdf" else {}
        data = json.dumps([self.fingerprint, self.works, self.fmt, options], sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()


@dataclass
class Rendered:
    """An output made: its bytes, file name, page count, the source pages it holds, and the
    seconds it took."""

    data: bytes
    name: str
    pages: int
    printed: str
    seconds: float


def fingerprint(source: Source) -> str:
    """A hash of a source's files (text, TOML, corrections) and of octavo's code."""
    return source_fingerprint(source, selection="")


def printed_pages(book: Book) -> str:
    """The source edition's pages a pamphlet holds: ``286–290``."""
    return "–".join(dict.fromkeys(p for p in page_span(book.works[0]) if p))


def render(book: Book, fmt: str, settings: PrintSettings | None = None,
           own: bool = False) -> Rendered:
    """A book in one format (a pamphlet: one layout process, the cluster runs the rest);
    ``own``: nothing else uses the book (a task's own copy of it, or a pamphlet just cut)."""
    start = time.perf_counter()
    name = f"{book.meta.book_id}.{fmt}"
    data, pages = made(book, fmt, Path(name), settings, own=own)
    return Rendered(data, name, pages, printed_pages(book), time.perf_counter() - start)


def held(source: str, expected: str) -> Book:
    """The tree of a source, kept from an earlier order or read (``expected``: its
    fingerprint, which the files read here must have)."""
    with _lock:
        if (book := _trees.get(expected)) is not None:
            _trees.move_to_end(expected)
            return book
    found = Source(Path(source))
    if fingerprint(found) != expected:
        raise OctavoError("the source's files here are not those the order was made for",
                          source)
    book = read_cached(found)
    with _lock:
        _trees[expected] = book
        while len(_trees) > HELD:
            _trees.popitem(last=False)
    return book


def render_order(order: Order) -> Rendered:
    """Make what an order asks for, from the tree of its source (read once per worker)."""
    _report(order, "reading the source")
    book = held(order.source, order.fingerprint)
    _report(order, f"making the {order.fmt.upper()}")
    return render(pamphlet(book, find_works(book, order.works)), order.fmt, order.settings,
                  own=True)


def _report(order: Order, step: str) -> None:
    """Tell the client what an order is doing, when it runs on a Dask worker."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # not on a worker: nobody is waiting for news
        return
    worker.log_event(PROGRESS, {"key": order.key, "step": step, "worker": worker.address})
