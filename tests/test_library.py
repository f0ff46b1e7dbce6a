"""The library the web service offers: sources listed, read again when a file of theirs
changes, and those that can't be served listed with the reason."""

from __future__ import annotations

import shutil

import pytest
from conftest import DISCUSSION

from octavo.errors import WorkNotFound
from octavo.library import Library


@pytest.fixture
def folder(tmp_path):
    for path in DISCUSSION.path.parent.glob(DISCUSSION.stem + ".*"):
        shutil.copy(path, tmp_path)
    return tmp_path


def test_a_changed_metadata_file_is_read_again(folder):
    library = Library(folder)
    (title,) = library.titles()
    assert title.book.meta.title == "The Discussion" and title.count == 1
    toml = folder / f"{DISCUSSION.stem}.toml"
    toml.write_text(toml.read_text().replace('title = "The Discussion"',
                                             'title = "The Discussion of 1924"'))
    (again,) = library.titles()
    assert again.book.meta.title == "The Discussion of 1924"
    assert again.fingerprint != title.fingerprint


def test_sources_that_cannot_be_served_are_listed_with_the_reason(folder):
    (folder / "empty.mia.txt").write_bytes(b"")
    copy = folder / "copy.mia.txt"
    shutil.copy(DISCUSSION.path, copy)
    shutil.copy(DISCUSSION.path.with_name(f"{DISCUSSION.stem}.toml"), folder / "copy.toml")
    library = Library(folder)
    errors = {t.source.path.name: t.error for t in library.titles()}
    assert errors["empty.mia.txt"] == "is empty"
    assert errors["copy.mia.txt"] == ""  # first in name order: the same id is taken after it
    assert errors["stalin-1924-the-discussion.mia.txt"] == (
        "another source has the book id stalin-1924-the-discussion")
    assert library.title("stalin-1924-the-discussion").source.path.name == "copy.mia.txt"
    with pytest.raises(WorkNotFound, match="no book 'empty'"):
        library.title("empty")
