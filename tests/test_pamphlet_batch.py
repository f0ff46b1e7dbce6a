"""Batches of pamphlets: parallel builds and the cache that skips what is up to date."""

from __future__ import annotations

import gc

import pytest
from click.testing import CliRunner
from samples import para, rich_book

from octavo import cache
from octavo.batch import cluster_soon, prepare, run
from octavo.cache import Manifest, output_keys
from octavo.cli import main
from octavo.cluster import BATCH_THRESHOLDS, COLLECTOR_THRESHOLDS
from octavo.orders import render
from octavo.pamphlet import pamphlet
from octavo.readers import READERS
from octavo.sources import Source


def read_sample(text: str, hints=None):
    """A reader for the tests: the sample book, its first work ending with the source's text."""
    book = rich_book()
    book.works[0].blocks.append(para(text))
    return book


@pytest.fixture
def source(tmp_path, monkeypatch):
    monkeypatch.setitem(READERS, "sample", read_sample)
    path = tmp_path / "sample.sample.txt"
    path.write_text("First version of the closing words.")
    return Source(path)


def build(source, out, workers=2):
    made = run(prepare(source, [], out, ("epub", "pdf")), workers)
    return {m.path.name: m.built for m in made}


def test_second_run_rebuilds_nothing_and_a_changed_work_only_its_pamphlet(source, tmp_path):
    out = tmp_path / "out"
    first = build(source, out)
    assert first == {"sample-our-disagreements.epub": True,
                     "sample-our-disagreements.pdf": True,
                     "sample-the-tenth-congress.epub": True,
                     "sample-the-tenth-congress.pdf": True}
    assert prepare(source, [], out, ("epub", "pdf")).jobs == []  # not even read again
    assert not any(build(source, out).values())
    source.path.write_text("Second version of the closing words.")
    assert build(source, out) == {**first, "sample-the-tenth-congress.epub": False,
                                  "sample-the-tenth-congress.pdf": False}


def test_a_deleted_output_is_made_again(source, tmp_path):
    out = tmp_path / "out"
    build(source, out, workers=1)
    (out / "sample-the-tenth-congress.pdf").unlink()
    rebuilt = build(source, out, workers=1)
    assert [name for name, built in rebuilt.items() if built] == [
        "sample-the-tenth-congress.pdf"]


def key_of(book, fmt="pdf"):
    """The cache key of the sample congress's pamphlet."""
    return output_keys(pamphlet(book, [book.works[1]]), ("epub", "pdf"))[fmt]


def test_output_keys_follow_text_metadata_notes_and_toolchain(monkeypatch):
    book = rich_book()
    key = key_of(book)
    assert key == key_of(rich_book()) and key != key_of(book, "epub")
    book.notes[0].blocks.append(para("An added sentence."))  # a note the congress doesn't cite
    assert key_of(book) == key
    book.notes[1].blocks.append(para("An added sentence."))  # a note it cites
    assert key_of(book) != key
    book = rich_book()
    book.meta.author = "Another Author"
    assert key_of(book) != key
    monkeypatch.setattr(cache.keys, "toolchain", lambda: "templates changed")
    assert key_of(rich_book()) != key


def test_a_broken_manifest_just_means_rebuilding(tmp_path):
    (tmp_path / cache.MANIFEST).write_text("{not json")
    assert Manifest(tmp_path).outputs == {}


def test_the_command_shows_a_summary_and_needs_works_or_all(source, tmp_path):
    out = tmp_path / "out"
    args = ["pamphlets", str(source.path), "--out", str(out), "--format", "epub"]
    result = CliRunner().invoke(main, [*args, "--all", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(ln.startswith("sample-our-disagreements.epub") and "4–6" in ln
               for ln in lines)
    assert lines[-1].startswith("2 built, 0 up to date")
    again = CliRunner().invoke(main, [*args, "--all"])
    assert again.output.splitlines()[-1].startswith("0 built, 2 up to date")
    one = CliRunner().invoke(main, [*args, "p8"])
    assert one.exit_code == 0 and "sample-the-tenth-congress-report.epub" in one.output
    assert CliRunner().invoke(main, args).exit_code == 2


def test_a_tree_survives_the_cache_unchanged(discussion):
    for book in (rich_book(), discussion):
        again = cache.restore(cache.serialise(book))
        assert again == book and cache.serialise(again) == cache.serialise(book)


def test_a_source_is_read_once_until_a_file_of_it_changes(source, monkeypatch, tmp_path):
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path / "trees"))
    calls = []
    monkeypatch.setitem(READERS, "sample",
                        lambda text, hints: calls.append(text) or read_sample(text))
    first = cache.read_cached(source)
    assert cache.read_cached(source) == first and len(calls) == 1
    source.path.with_name("sample.corrections.toml").write_text("# a file beside the source\n")
    cache.read_cached(source)
    assert len(calls) == 2
    assert len(list(cache.tree_folder().glob("sample-*.json"))) == 1  # the old tree is gone


def test_a_batch_cluster_collects_its_garbage_more_seldom_than_a_lasting_one():
    with cluster_soon(None, 1).result() as cluster:  # its workers end with the batch
        assert [*cluster.client.run(gc.get_threshold).values()] == [BATCH_THRESHOLDS]
    assert BATCH_THRESHOLDS[0] > COLLECTOR_THRESHOLDS[0]


def test_a_tasks_own_book_makes_the_same_epub_and_only_an_own_book_is_marked_up():
    volume = rich_book()
    book = pamphlet(volume, volume.works[:1])
    before = cache.serialise(book)
    copied = render(book, "epub")
    assert cache.serialise(book) == before  # not its own: the writer marked a copy up
    own = render(book, "epub", own=True)
    assert cache.serialise(book) != before  # its note references given ids where they are
    assert (own.data, own.pages) == (copied.data, copied.pages) and copied.pages
