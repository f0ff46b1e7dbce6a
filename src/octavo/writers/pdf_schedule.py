"""The order in which a book's parts are laid out, each in a process of its own.

A part reports, in this order, over its pipe: ``Paginated`` (its page count, once laid
out; the parent answers with the pages in front of it, for its folios, when every part
before it is counted), ``Anchored`` (the page index of each id it holds), then ``Written``,
or ``Failed`` at any point. A part that names pages of other parts (``numbered``: the
contents, the notes' "p. N") starts only once those pages are known. At most ``jobs`` parts
run at once, so memory stays that of a few layouts. Nothing here lays out: ``start`` does,
so the schedule can be tested with parts that only pretend to.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from .. import progress


@dataclass(frozen=True)
class Paginated:
    """A part is laid out in this many pages; it waits to learn the pages in front of it."""

    pages: int


@dataclass(frozen=True)
class Anchored:
    """The index of the page of the part holding each id (its first occurrence)."""

    anchors: dict[str, int]


@dataclass(frozen=True)
class Written:
    """The part's PDF is written."""


@dataclass(frozen=True)
class Failed:
    """The part failed: the exception as one names it, and where (the part's traceback)."""

    error: str
    trace: str

    @classmethod
    def of(cls, exc: BaseException) -> Failed:
        return cls(f"{type(exc).__name__}: {exc}",
                   "".join(traceback.format_exception(exc)))


Message = Paginated | Anchored | Written | Failed


class PartTraceback(Exception):
    """Where a part failed, in its own process: the traceback ``--debug`` shows."""


class PartFailed(RuntimeError):
    """A part of the book could not be laid out; the message says why."""


def received(conn: Connection, doing: str) -> Paginated | Anchored | Written:
    """The next message of the process ``doing`` something; PartFailed if it failed or died."""
    try:
        message: Message = conn.recv()
    except EOFError:
        raise PartFailed(f"the process {doing} died") from None
    if isinstance(message, Failed):
        raise PartFailed(f"{doing} failed: {message.error}") from PartTraceback(message.trace)
    return message


@dataclass
class Planned:
    """A part as the schedule sees it: what it holds and names, and how far it has got."""

    owned: set[str]
    named: set[str]
    numbered: bool = False  # names pages of other parts: starts once those are known
    pages: int | None = None
    anchors: dict[str, int] | None = None
    done: bool = False
    started: bool = False


@dataclass
class Schedule:
    """Lays out ``plan``'s parts by calling ``start(i, pages)`` (which starts part ``i``,
    given the page of every id known so far, and returns its end of the pipe), ``jobs`` at
    a time; ``front_pages`` counts the first part's pages, which every folio needs first."""

    plan: list[Planned]
    jobs: int
    start: Callable[[int, dict[str, int]], Connection]
    running: dict[Connection, int] = field(default_factory=dict)
    waiting: set[int] = field(default_factory=set)

    def run(self, front_pages: Callable[[], int]) -> None:
        plan = self.plan
        # while this process counts the front's pages it is one of the jobs; the parts started
        # after it inherit what it loaded (faces, hyphenation patterns)
        self.start_ready(self.jobs - 1)
        plan[0].pages = front_pages()
        self.start_ready()
        while not all(p.done for p in plan):
            if not self.running:
                raise PartFailed("no part of the PDF can be laid out: each waits for another")
            for conn in wait(list(self.running)):
                self.receive(conn)
            for i in sorted(self.waiting):
                if all(p.pages is not None for p in plan[:i]):
                    conn = next(c for c, j in self.running.items() if j == i)
                    conn.send(self.pages_before(i))
                    self.waiting.discard(i)
            self.start_ready()

    def receive(self, conn: Connection) -> None:
        i = self.running[conn]
        part = self.plan[i]
        match received(conn, f"laying out part {self.name(i)}"):
            case Paginated(pages):
                if part.pages not in (None, pages):
                    raise PartFailed(f"part {self.name(i)} changed length when numbered "
                                     f"({part.pages} pages, then {pages})")
                part.pages = pages
                self.waiting.add(i)
            case Anchored(anchors):
                part.anchors = anchors
            case Written():
                part.done = True
                del self.running[conn]
                progress.report("laying out the PDF in parts", sum(p.done for p in self.plan),
                                len(self.plan))

    def name(self, i: int) -> str:
        return f"{i + 1} of {len(self.plan)}"

    def pages_before(self, i: int) -> int:
        """The pages in front of part ``i``: the parts before it, each ending on a verso."""
        return sum(p.pages + p.pages % 2 for p in self.plan[:i])

    def pages_known(self) -> dict[str, int]:
        """The page number of every id whose part is laid out and counted in front."""
        return {name: self.pages_before(i) + index + 1 for i, p in enumerate(self.plan)
                if p.anchors for name, index in p.anchors.items() if name in p.owned}

    def start_ready(self, jobs: int | None = None) -> None:
        """Start the parts that can start, up to ``jobs`` (else the schedule's) at once."""
        known = self.pages_known()
        for i, part in enumerate(self.plan):
            if len(self.running) < (self.jobs if jobs is None else jobs) and not part.started and (
                    not part.numbered or part.named - part.owned <= known.keys()):
                part.started = True
                self.running[self.start(i, known)] = i
