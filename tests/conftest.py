"""Shared fixtures: the real sample sources and books built from them once per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# epubcheck's JVM starts for every book: a quick-starting JIT and GC halve its time here
os.environ.setdefault("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")

from octavo.build import write_book
from octavo.sources import Source, read_book

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "input"
DISCUSSION = Source(INPUT / "stalin-1924-the-discussion.mia.txt")


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
