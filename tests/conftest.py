"""Shared fixtures: the real sample sources and books built from them once per session.

No warning goes unnoticed (as WeasyPrint's tests run under ``@assert_no_logs``): a test
fails when octavo warns while it runs (what the CLI would print: octavo's warnings,
WeasyPrint's errors), unless it takes the ``octavo_warnings`` fixture, the warnings it
expects, and checks them; a fixture (the sample books, read and built) fails on any. A
block that expects some takes them with ``warnings_said()``, and nothing around it sees them.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# epubcheck's JVM starts for every book: a quick-starting JIT and GC halve its time here
os.environ.setdefault("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")

from octavo.build import write_book
from octavo.findings import LOG
from octavo.sources import Source, read_book

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "input"
DISCUSSION = Source(INPUT / "stalin-1924-the-discussion.mia.txt")


WATCHED = ((LOG.name, logging.WARNING), ("weasyprint", logging.ERROR))  # as the CLI prints
_LISTENING: list[list[str]] = []  # the blocks collecting warnings, the innermost last


class _Said(logging.Handler):
    """Hands each warning to the innermost block collecting them."""

    def emit(self, record: logging.LogRecord) -> None:
        if _LISTENING:
            _LISTENING[-1].append(f"{record.name}: {record.getMessage()}")


for _name, _level in WATCHED:
    logging.getLogger(_name).addHandler(_Said(_level))


@contextmanager
def warnings_said() -> Iterator[list[str]]:
    """The warnings octavo gives inside the block, which no block around it then sees."""
    said: list[str] = []
    _LISTENING.append(said)
    try:
        yield said
    finally:  # not always the innermost: a fixture's block stays open after its setup
        del _LISTENING[next(i for i, s in enumerate(_LISTENING) if s is said)]


def warning_codes(said: list[str]) -> set[str]:
    """The finding codes of the warnings said (``… [w-001]``)."""
    return {w.rsplit("[", 1)[-1].rstrip("]") for w in said if w.endswith("]")}


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef):
    """A fixture (a book read or built for many tests) fails on any warning."""
    with warnings_said() as said:
        made = yield
    if said:
        pytest.fail(f"fixture {fixturedef.argname!r} gave unexpected warnings: "
                    + " | ".join(said), pytrace=False)
    return made


@pytest.fixture(autouse=True)
def _warned(request) -> Iterator[list[str]]:
    with warnings_said() as said:
        yield said
    if said and "octavo_warnings" not in request.fixturenames:
        pytest.fail("unexpected warnings (take the octavo_warnings fixture if they are "
                    "meant): " + " | ".join(said), pytrace=False)


@pytest.fixture
def octavo_warnings(_warned) -> list[str]:
    """The warnings a test expects octavo to give (``logger: message``), to check."""
    return _warned


@pytest.fixture(scope="session", autouse=True)
def tree_cache_of_the_session(tmp_path_factory):
    """The commands' tree cache in a folder of the test session's, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OCTAVO_CACHE", str(tmp_path_factory.mktemp("session-trees")))
        yield


@pytest.fixture(scope="session")
def discussion():
    """The web transcription read into a Book."""
    return read_book(DISCUSSION)


@pytest.fixture(scope="session")
def discussion_outputs(tmp_path_factory, discussion):
    """The web transcription built into EPUB and PDF: {format: Output}."""
    out = tmp_path_factory.mktemp("discussion")
    return {o.format: o for o in write_book(discussion, out, ("epub", "pdf"))}


@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory):
    """The synthetic every-node sample book built into EPUB and PDF: {format: Output}."""
    from samples import rich_book

    out = tmp_path_factory.mktemp("sample")
    return {o.format: o for o in write_book(rich_book(), out, ("epub", "pdf"))}


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """``octavo serve`` on the sample library (input/), on a free port: its base URL and
    the folder of its store and tree cache."""
    from served import server

    folder = tmp_path_factory.mktemp("served")
    with server(INPUT, folder) as (url, _):
        yield url, folder
