"""The tree cache every command reads sources through, and what a command imports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pytest
from cli_runner import DISCUSSION, octavo
from conftest import warning_codes
from samples import para, rich_book

from octavo.cache import tree_folder
from octavo.cache.ahead import reading_ahead
from octavo.errors import StructureNotFound
from octavo.readers import READERS
from octavo.sources import Source

READER_TOML = """title = "Two Works"
[[work]]
source = "sample.sample.txt"
work = "Our Disagreements"
"""


@pytest.fixture
def reads(tmp_path, monkeypatch):
    """A sample source in a cache of its own; the list of texts its reader was given."""
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path / "trees"))
    calls: list[str] = []

    def read_sample(text, hints=None):
        calls.append(text)
        book = rich_book()
        book.works[0].blocks.append(para(text))
        return book

    monkeypatch.setitem(READERS, "sample", read_sample)
    (tmp_path / "sample.sample.txt").write_text("The closing words.")
    (tmp_path / "reader.toml").write_text(READER_TOML)
    return calls


COMMANDS = {
    "build": ["build", "sample.sample.txt", "--format", "epub", "--out", "out"],
    "works": ["works", "sample.sample.txt"],
    "audit": ["audit", "sample.sample.txt"],
    "pamphlet": ["pamphlet", "sample.sample.txt", "our-disagreements", "--format", "epub",
                 "--out", "out"],
    "pamphlets": ["pamphlets", "sample.sample.txt", "--all", "--format", "epub", "--jobs", "1",
                  "--out", "pamphlets"],
    "anthology": ["anthology", "reader.toml", "--format", "epub", "--out", "out"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_reads_a_source_through_the_tree_cache(tmp_path, reads, monkeypatch,
                                                              command):
    monkeypatch.chdir(tmp_path)
    assert octavo("works", "sample.sample.txt").code == 0 and len(reads) == 1
    run = octavo(*COMMANDS[command])
    assert run.code == 0, run
    assert len(reads) == 1  # the tree came from the cache
    assert octavo(*COMMANDS[command], "--no-cache").code == 0
    assert len(reads) == 2  # --no-cache read the source again …
    assert octavo("works", "sample.sample.txt").code == 0 and len(reads) == 2  # … kept the cache


@pytest.mark.parametrize("damage", ["corrupt", "not a tree", "other format", "unreadable"])
def test_a_bad_cache_file_is_ignored_and_rewritten_silently(tmp_path, reads, monkeypatch,
                                                             damage):
    monkeypatch.chdir(tmp_path)
    first = octavo("works", "sample.sample.txt")
    (kept,) = tree_folder().glob("sample-*.json")
    data = json.loads(kept.read_bytes())
    if damage == "corrupt":
        kept.write_bytes(kept.read_bytes()[:1000])
    elif damage == "not a tree":
        kept.write_text(json.dumps({**data, "book": {"@": "Popen", "args": ["true"]}}))
    elif damage == "other format":
        kept.write_text(json.dumps({**data, "format": -1}))
    else:
        kept.unlink()
        kept.mkdir()
    run = octavo("works", "sample.sample.txt")
    assert (run.code, run.stdout, run.stderr) == (0, first.stdout, [])
    assert len(reads) == 2
    if damage != "unreadable":  # a folder in the way just means no cache
        assert octavo("works", "sample.sample.txt").code == 0 and len(reads) == 2


def test_a_cached_source_repeats_the_warnings_its_reading_gave(tmp_path, octavo_warnings):
    source = tmp_path / "book.mia.txt"
    source.write_bytes(DISCUSSION.read_text(encoding="utf-8").encode("utf-16"))
    said = [octavo("works", source).warnings for _ in range(2)]
    assert said[0] == said[1] and any("UTF-16" in w and str(source) in w for w in said[0])
    moved = tmp_path / "elsewhere" / source.name
    moved.parent.mkdir()
    source.rename(moved)  # the same files elsewhere: the cache's tree, named by its new path
    assert octavo("works", moved).warnings == [w.replace(str(source), str(moved))
                                               for w in said[0]]
    assert warning_codes(octavo_warnings) == {"s-001"}  # given each time, cached or not


LOADED = """
import json, sys
from octavo.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_loaded(*args: object, env: dict) -> set[str]:
    """The top-level modules a run of ``octavo ARGS`` in a fresh interpreter loaded."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(LOADED), *map(str, args)],
                          capture_output=True, text=True, env=env, check=True)
    return {name.split(".")[0] for name in json.loads(done.stderr.splitlines()[-1])}


def test_an_epub_of_a_cached_source_loads_neither_weasyprint_nor_a_reader(tmp_path,
                                                                        monkeypatch):
    env = {**__import__("os").environ, "OCTAVO_CACHE": str(tmp_path / "trees")}
    build = ["build", DISCUSSION, "--format", "epub", "--out", tmp_path]
    first = modules_loaded(*build, env=env)
    assert "weasyprint" not in first and "pikepdf" not in first
    cached = modules_loaded(*build, env=env)
    assert not cached & {"weasyprint", "pikepdf", "pydyf", "wordfreq", "ftfy"}, cached
    assert list(tmp_path.glob("*.epub"))  # written by the EPUB writer, in a child of its own
    assert not modules_loaded("--help", env=env) & {"weasyprint", "wordfreq", "ebooklib",
                                                    "jinja2", "pikepdf", "lxml", "ftfy"}


def test_a_new_tree_replaces_its_sources_old_one_only(tmp_path, reads, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "sample-two.sample.txt"  # a source whose name starts with the first's
    other.write_text("Other words.")
    assert octavo("works", other).code == 0 and octavo("works", "sample.sample.txt").code == 0
    (tmp_path / "sample.sample.txt").write_text("Changed words.")
    assert octavo("works", "sample.sample.txt").code == 0
    kept = sorted(p.name.rsplit("-", 1)[0] for p in tree_folder().glob("*.json"))
    assert kept == ["sample", "sample-two"]


def test_a_source_read_ahead_in_a_child_is_restored_not_read_again(tmp_path, reads,
                                                                    monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    with reading_ahead(Source(tmp_path / "sample.sample.txt")):
        pass
    assert capfd.readouterr().err == ""  # the child says nothing …
    assert [*tree_folder().glob("sample-*.json")] and not reads  # … and leaves the tree
    run = octavo("works", "sample.sample.txt")
    assert run.code == 0 and "Our Disagreements" in "".join(run.stdout)
    assert not reads  # restored from what the child left


def test_a_source_the_child_cannot_read_is_read_by_the_command_which_says_why(
        tmp_path, reads, monkeypatch, capfd):
    def unreadable(text, hints=None):
        reads.append(text)
        raise StructureNotFound("no pages found", "sample.sample.txt")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(READERS, "sample", unreadable)
    with reading_ahead(Source(tmp_path / "sample.sample.txt")):
        pass
    assert capfd.readouterr().err == "" and not [*tree_folder().glob("sample-*.json")]
    run = octavo("works", "sample.sample.txt")
    assert run.code == StructureNotFound.exit_code and len(reads) == 1
    assert any("no pages found" in line for line in run.stderr)


def test_warnings_of_a_source_read_ahead_are_said_by_the_command(tmp_path, octavo_warnings,
                                                                  capfd, monkeypatch):
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path / "trees"))
    source = tmp_path / "book.mia.txt"
    source.write_bytes(DISCUSSION.read_text(encoding="utf-8").encode("utf-16"))
    said = octavo("works", source, "--no-cache").warnings
    capfd.readouterr()
    for _ in range(2):  # the child reads the source, then restores the tree it left
        with reading_ahead(Source(source)):
            pass
        assert capfd.readouterr().err == ""
    assert said and octavo("works", source).warnings == said
    assert warning_codes(octavo_warnings) == {"s-001"}


def test_a_command_interrupted_while_the_child_reads_stops_it_quietly(tmp_path, reads,
                                                                      monkeypatch, capfd):
    def slow(text, hints=None):
        time.sleep(60)

    monkeypatch.setitem(READERS, "sample", slow)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt), reading_ahead(Source(tmp_path / "sample.sample.txt")):
        raise KeyboardInterrupt
    assert time.monotonic() - start < 30  # the child was stopped, not waited for
    assert capfd.readouterr().err == "" and not [*tree_folder().glob("*")]
