"""Work on the other core (``octavo.forked``): a forked child's answer comes back whole, a
failed child's is None (the caller then does the work), and what the reader learns and
the EPUB written there are what the parent would have made."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from samples import rich_book

from octavo import forked
from octavo.readers.ocr import ahead, charmap, footnotes, pages, paragraphs
from octavo.sources import Source, source_text
from octavo.writers import epub
from octavo.writers.epub_ahead import EpubAhead

VOLUME = Path(__file__).resolve().parents[1] / "input" / "stalin-works-05.ocr.txt"
BIG = bytes(range(256)) * 4096  # a megabyte: more than a pipe holds


def test_a_child_answers_its_request_whole():
    child = forked.start(lambda ask: ask()[::-1])
    assert child is not None
    assert child.send(BIG)
    assert child.answer() == BIG[::-1]


def test_a_failed_child_answers_none():
    child = forked.start(lambda ask: 1 / 0)
    assert child is not None
    assert child.answer() is None


def test_a_child_not_asked_is_ended():
    child = forked.start(lambda ask: ask())
    assert child is not None
    pid = child.pid
    child.end()
    assert child.pid == 0
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


def test_a_list_is_mapped_on_two_cores_in_order():
    assert forked.mapped(lambda n: [n, os.getpid()], list(range(9)), 4) != [
        [n, os.getpid()] for n in range(9)]  # the later ones were worked out elsewhere
    assert forked.mapped(lambda n: n * n, list(range(9)), 4) == [n * n for n in range(9)]


def test_what_a_failed_child_would_have_mapped_is_mapped_here():
    parent = os.getpid()

    def square(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("only here")
        return n * n

    assert forked.mapped(square, list(range(9)), 4) == [n * n for n in range(9)]


def test_no_child_is_forked_off_the_main_thread():
    found = []
    thread = threading.Thread(target=lambda: found.append(forked.start(lambda ask: b"")))
    thread.start()
    thread.join()
    assert found == [None]


def test_the_paragraphs_pass_learns_the_same_on_the_other_core():
    layout = pages.layout(source_text(Source(VOLUME)))
    repaired = charmap.repair(layout.pages, charmap.learn(
        [line for page in layout.pages for line in page.lines]))
    bodies, _ = footnotes.split_footnotes(repaired)
    with ahead.Learning(bodies) as learning:
        assert learning.child is not None
        there, here = learning.result(), paragraphs.learn(bodies, paragraphs.measures(bodies))
    assert (there.measures, there.fit) == (here.measures, here.fit)
    assert vars(there.openers) == vars(here.openers)


def test_the_epub_written_ahead_is_the_epub():
    book = rich_book()
    assert EpubAhead().made(book) == (epub.build(book), epub.count_pages(book))
