"""The schedule of a book laid out in parts, with parts that only pretend to lay out."""

from __future__ import annotations

import threading
from multiprocessing import Pipe

import pytest

from octavo.writers.pdf_schedule import (
    Anchored,
    Failed,
    Paginated,
    PartFailed,
    PartTraceback,
    Planned,
    Schedule,
    Written,
)

# part: (pages, ids it holds, ids it names, numbered); the front names the works, the notes
# name pages of two of them, as a book's contents and "p. N" do
BOOK = [(3, {"front"}, {"w1", "w2", "w3"}, True),
        (5, {"w1", "n1-ref"}, {"n1"}, False),
        (4, {"w2"}, set(), False),
        (7, {"w3", "n2-ref"}, {"n2"}, False),
        (2, {"n1", "n2"}, {"n1-ref", "n2-ref"}, True)]


class FakeParts:
    """Parts run on threads: each reports its pages, waits for the pages in front, reports
    its anchors (each id on the part's first page) and is written; what they saw is kept."""

    def __init__(self, book, fail: dict[int, str] | None = None) -> None:
        self.book, self.fail = book, fail or {}
        self.plan = [Planned(set(owned), set(named), numbered)
                     for _, owned, named, numbered in book]
        self.before: dict[int, int] = {}
        self.known: dict[int, dict[str, int]] = {}
        self.at_once: list[int] = []

    def start(self, i: int, known: dict[str, int]):
        self.known[i] = dict(known)
        self.at_once.append(sum(p.started and not p.done for p in self.plan))
        ours, theirs = Pipe()
        threading.Thread(target=self.part, args=(i, theirs), daemon=True).start()
        return ours

    def part(self, i: int, conn) -> None:
        pages, owned, _, _ = self.book[i]
        if self.fail.get(i) == "dies":
            conn.close()
            return
        try:
            conn.send(Paginated(pages))
            self.before[i] = conn.recv()
            if i in self.fail:
                try:
                    raise ValueError(self.fail[i])
                except ValueError as exc:
                    conn.send(Failed.of(exc))
                    return
            conn.send(Anchored(dict.fromkeys(sorted(owned), 0)))
            conn.send(Written())
        except (EOFError, OSError):  # the schedule gave up on the book (another part failed)
            return

    def run(self, jobs: int) -> Schedule:
        schedule = Schedule(self.plan, jobs, self.start)

        def front_pages() -> int:  # counted by the schedule's own process, one of the jobs
            self.beside_front = sum(p.started and not p.done for p in self.plan)
            return self.book[0][0]

        schedule.run(front_pages)
        return schedule


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_parts_learn_the_pages_in_front_and_wait_for_the_pages_they_name(jobs):
    parts = FakeParts(BOOK)
    schedule = parts.run(jobs)
    # each part ends on a verso: 3 -> 4, 5 -> 6, 4, 7 -> 8
    assert parts.before == {0: 0, 1: 4, 2: 10, 3: 14, 4: 22}
    assert all(p.done for p in schedule.plan) and max(parts.at_once) <= jobs
    assert parts.beside_front == jobs - 1
    assert parts.known[0].keys() >= {"w1", "w2", "w3"}  # the contents start numbered
    assert {k: parts.known[4][k] for k in ("n1-ref", "n2-ref")} == {"n1-ref": 5,
                                                                    "n2-ref": 15}
    assert schedule.pages_before(4) + 2 == 24  # the book's pages


def test_a_failed_part_says_which_and_why_and_keeps_where():
    with pytest.raises(PartFailed, match=r"part 3 of 5 failed: ValueError: no such glyph") as e:
        FakeParts(BOOK, fail={2: "no such glyph"}).run(2)
    assert isinstance(e.value.__cause__, PartTraceback)
    assert "raise ValueError" in str(e.value.__cause__)


def test_a_part_whose_process_dies_is_an_error_not_a_wait():
    with pytest.raises(PartFailed, match="part 2 of 5 died"):
        FakeParts(BOOK, fail={1: "dies"}).run(2)


def test_a_part_waiting_for_a_page_no_part_holds_is_an_error_not_a_wait():
    book = [*BOOK[:4], (2, {"n1", "n2"}, {"nowhere"}, True)]
    with pytest.raises(PartFailed, match="each waits for another"):
        FakeParts(book).run(2)
