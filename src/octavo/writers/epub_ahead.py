"""The EPUB writer made ready on the other core while the book is read.

A forked child (``octavo.forked``) loads the writer and compiles its templates while the
parent reads the source; then it takes the book (pickled) and answers with the EPUB and its
page count. Where no child can be
forked, or it fails, the EPUB is made in the parent as ever (and a failure is told from
there).
"""

from __future__ import annotations

import pickle

from .. import forked
from ..tree import Book


class EpubAhead:
    """A child that writes the EPUB of the book it is sent."""

    def __init__(self) -> None:
        self.child = forked.start(_write)

    def made(self, book: Book) -> tuple[bytes, int] | None:
        """The book's EPUB and its count of the source edition's pages, from the child;
        None if it has none to give."""
        child, self.child = self.child, None
        if child is None:
            return None
        try:
            sent = child.send(pickle.dumps(book, pickle.HIGHEST_PROTOCOL))
            answer = child.answer() if sent else None
        finally:
            child.end()  # one that failed, or was interrupted
        if answer is None:
            return None
        pages, _, data = answer.partition(b"\n")
        return data, int(pages)

    def end(self) -> None:
        """Stop the child if it was not asked (the book could not be read, say)."""
        if self.child is not None:
            self.child.end()
            self.child = None


def _write(ask: forked.Ask) -> bytes:
    from . import epub  # the writer, loaded while the parent reads

    epub.prepare()
    book = pickle.loads(ask())
    if not isinstance(book, Book):
        raise TypeError("not a book")
    return f"{epub.count_pages(book)}\n".encode() + epub.build(book, own=True)
