"""The tree cache: the Book a source reads into, kept in the user's cache folder.

A tree is kept as JSON (``codec``) in octavo's cache folder (``paths.cache_folder``), named
by the source and a key of its files (text, TOML, corrections) and octavo's code, with the
warnings its reading gave, which a later command repeats as reading would have. Every
command that reads a source comes here, so a second command on the same volume restores its
tree instead of reading it. A cache file that is corrupt, unreadable or from another
version of octavo or of this format is ignored and rewritten; a cache folder that can't be
written just means no cache.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import progress
from ..errors import OctavoError
from ..findings import LOG
from ..ids import slugify
from ..output import write_atomic
from ..paths import cache_folder
from ..sources import Source, check_structure, read_book
from ..tree import Book
from . import keys
from .codec import restore, serialise

FORMAT = 1  # of the cache file; a file of another format is read as a miss
KEPT = 24  # hex digits of the key in a file's name


def tree_folder() -> Path:
    """Where read trees are cached."""
    return cache_folder()


def read_cached(source: Source, use_cache: bool = True, *, plain: bool = False) -> Book:
    """The Book a source reads into: from the tree cache when its files and octavo's code
    are unchanged, else read (and cached, if the cache folder can be written). Without
    ``use_cache`` the source is read and the cache neither read nor written. ``plain``
    accepts a plain reading of a source whose structure can't be found, as ``read_book``."""
    if not use_cache or not source.path.exists():
        progress.report(f"reading {source.path.name}")
        return read_book(source, plain=plain)  # which says what is wrong with it, if anything
    name = slugify(source.stem)
    key = keys.digest(keys.code(), *keys.files(keys.source_files(source)))
    path = tree_folder() / f"{name}-{key[:KEPT]}.json"
    if (kept := _restored(path)) is not None:
        book, said = kept
        for message in said:  # the warnings its reading printed, under the source's name now
            LOG.warning("%s", f"{source.path}: {message}")
        book.findings = [dataclasses.replace(f, source=str(source.path)) for f in book.findings]
        check_structure(book, source, plain)
        return book
    progress.report(f"reading {source.path.name}")
    with _warnings(f"{source.path}: ") as said:
        book = read_book(source, plain=plain)
    try:
        for old in path.parent.glob(f"{name}-{'[0-9a-f]' * KEPT}.json"):  # its older trees
            old.unlink(missing_ok=True)
        data = {"format": FORMAT, "warnings": said, "book": serialise(book)}
        write_atomic(path, json.dumps(data, ensure_ascii=False).encode())
    except (OSError, OctavoError):
        pass  # no cache then
    return book


def _restored(path: Path) -> tuple[Book, list[str]] | None:
    """The book and warnings kept in a cache file, or None if it isn't a good one."""
    try:
        data = json.loads(path.read_bytes())
        if data["format"] != FORMAT:
            return None
        book, said = restore(data["book"]), data["warnings"]
        if isinstance(book, Book) and all(isinstance(s, str) for s in said):
            return book, said
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


class _Said(logging.Handler):
    def __init__(self, prefix: str) -> None:
        super().__init__(logging.WARNING)
        self.prefix, self.messages = prefix, []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().removeprefix(self.prefix))


@contextmanager
def _warnings(prefix: str) -> Iterator[list[str]]:
    """The warnings given inside the block, without the source's name that starts them."""
    handler = _Said(prefix)
    LOG.addHandler(handler)
    try:
        yield handler.messages
    finally:
        LOG.removeHandler(handler)
