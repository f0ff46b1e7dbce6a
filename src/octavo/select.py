"""Choosing works of a Book and cutting them out with what belongs to them.

Pure functions on the tree: they never change the Book they are given.

- ``find_work`` resolves what a user typed (an id, a title prefix, ``p206``) to a Work;
- ``excerpt`` cuts works out of a Book with their own endnotes (renumbered 1, 2, … in
  reading order, ids kept), their footnotes and page markers; page refs to pages and links
  to places the excerpt doesn't hold become plain text.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from collections.abc import Callable, Iterable, Iterator

from .errors import OctavoError, WorkNotFound
from .ids import slugify
from .tree import (
    BACK_MATTER,
    Book,
    Footnote,
    Link,
    Node,
    Note,
    NoteRef,
    PageMarker,
    PageRef,
    Work,
    iter_nodes,
)

PAGE_QUERY = re.compile(r"^p(?:p|age)?\.?\s*(\d+|[ivxlcdm]+)$", re.IGNORECASE)
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


# ---------------------------------------------------------------- pages


def page_key(page: str) -> tuple[int, int] | None:
    """A sortable key for a printed folio: roman front matter before arabic pages."""
    if page.isdigit():
        return (1, int(page))
    letters = page.lower()
    if letters and all(c in ROMAN for c in letters):
        values = [ROMAN[c] for c in letters]
        return (0, sum(-v if v < n else v for v, n in zip(values, [*values[1:], 0], strict=True)))
    return None


def markers(root: Node) -> Iterator[PageMarker]:
    """Every page marker below ``root``, in reading order."""
    return (n for n in iter_nodes(root) if isinstance(n, PageMarker))


def page_span(work: Work) -> tuple[str, str]:
    """The first and last printed page of a work: as the reader set them, else its markers."""
    found = [m.page for m in markers(work)]
    first = work.first_page or (found[0] if found else "")
    return first, work.last_page or (found[-1] if found else first)


def holds_page(work: Work, page: str) -> bool:
    """Whether a work's printed pages include ``page``."""
    first, last = (page_key(p) for p in page_span(work))
    key = page_key(page)
    return None not in (first, last, key) and first <= key <= last


# ---------------------------------------------------------------- finding works


def lineage(book: Book) -> Iterator[tuple[Work, tuple[Work, ...]]]:
    """Every work of the book in reading order, with its ancestors (outermost first)."""

    def walk(work: Work, above: tuple[Work, ...]):
        yield work, above
        for child in work.children:
            yield from walk(child, (*above, work))

    for work in book.works:
        yield from walk(work, ())


def ancestors(book: Book, work: Work) -> tuple[Work, ...]:
    """The works enclosing ``work`` in the book, outermost first."""
    return next(above for w, above in lineage(book) if w is work)


def pamphlet_works(book: Book) -> list[Work]:
    """The works of a volume that each make a pamphlet: not back matter, groups opened up."""
    chosen = []
    for work in book.works:
        if work.kind == "group":
            chosen += [c for c in work.children if c.kind not in BACK_MATTER]
        elif work.kind not in BACK_MATTER:
            chosen.append(work)
    return chosen


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _titles(work: Work) -> tuple[str, ...]:
    """A work's title as words, with and without the number of a part ("3. Report …")."""
    words = _words(work.title)
    return words, re.sub(r"^(?:\d+|[ivxlc]+) ", "", words)


def find_work(book: Book, query: str) -> Work:
    """The work named by an id, a unique title (or id) prefix, a page (``p206``), or
    ``WORK/N``: the Nth part of a composite work (``the-twelfth-congress/3``).

    A page finds the work where that printed page begins (holding its marker), the
    innermost one (one speech of a congress rather than the congress); failing a marker,
    the innermost whose page range holds it. A prefix matching a work and parts of it
    names the work.
    """
    works = list(lineage(book))
    for work, _ in works:
        if work.id == query:
            return work
    whole, _, number = query.rpartition("/")
    if whole and number.isdigit():
        parts = find_work(book, whole).children
        if not 1 <= int(number) <= len(parts):
            raise WorkNotFound(f"{whole!r} has {len(parts)} parts, not {number}")
        return parts[int(number) - 1]
    if page := PAGE_QUERY.match(query.strip()):
        wanted = page[1]
        holding = [(any(m.page == wanted for m in markers(w)), len(above), w)
                   for w, above in works if holds_page(w, wanted)]
        if holding:
            return max(holding, key=lambda h: h[:2])[2]
        raise WorkNotFound(f"no work holds printed page {wanted} of {book.meta.book_id}")
    words, slug = _words(query), slugify(query)
    matches = [w for w, _ in works if words and (
        any(t.startswith(words) for t in _titles(w)) or w.id.startswith(slug))]
    exact = [w for w in matches if words in _titles(w)]
    chosen = {id(w) for w in matches}
    outer = [w for w, above in works
             if id(w) in chosen and not any(id(a) in chosen for a in above)]
    if len(exact) == 1 or len(outer) == 1:
        return (exact or outer)[0]
    if matches:
        raise WorkNotFound(f"{query!r} names several works: "
                           + ", ".join(w.id for w in matches[:6]))
    raise WorkNotFound(f"no work {query!r} in {book.meta.book_id}; nearest: "
                       + ", ".join(nearest_ids(book, query)))


def nearest_ids(book: Book, query: str, count: int = 3) -> list[str]:
    """The ids most like ``query`` (by id and by title), best first."""
    slug = slugify(query)

    def likeness(work: Work) -> float:
        return max(difflib.SequenceMatcher(None, slug, work.id).ratio(),
                   difflib.SequenceMatcher(None, _words(query), _words(work.title)).ratio())

    ranked = sorted((w for w, _ in lineage(book)), key=likeness, reverse=True)
    return [w.id for w in ranked[:count]]


def find_works(book: Book, queries: Iterable[str]) -> list[Work]:
    """The works named, in the order given; none named picks a single-work source's work."""
    queries = list(queries)
    if not queries:
        candidates = pamphlet_works(book)
        if len(candidates) != 1:
            raise WorkNotFound(f"{book.meta.book_id} holds {len(candidates)} works; name one: "
                               + ", ".join(w.id for w in candidates[:8])
                               + (", …" if len(candidates) > 8 else ""))
        return candidates
    chosen = [find_work(book, q) for q in queries]
    for work in chosen:
        enclosing = [w for w in ancestors(book, work) if any(w is c for c in chosen)]
        if enclosing or sum(w is work for w in chosen) > 1:
            raise OctavoError(f"{work.id} is chosen twice (or with a work it is part of)")
    return chosen


# ---------------------------------------------------------------- cutting out


@dataclasses.dataclass
class Excerpt:
    """Works cut out of a book, with the endnotes they cite (in order of first citation)."""

    works: list[Work]
    notes: list[Note]


def excerpt(book: Book, works: list[Work], scope: str = "") -> Excerpt:
    """Copies of ``works`` with their footnotes, notes and page markers, ready for a new book.

    A footnote cited from a work but held by an enclosing one moves in with the citing work;
    the first page gets a marker if the work starts mid-page; page refs to pages and links to
    ids outside become their text, and the notes lose the markers of the book's notes pages.
    ``scope`` prefixes every id (for books gathered from several sources). Notes keep their
    numbers here; ``renumber`` gives them the new book's.
    """
    footnotes = {f.id: f for w in book.walk() for f in w.footnotes}
    cut = [copy.deepcopy(w) for w in works]
    for work in cut:
        _adopt_footnotes(work, footnotes)
        first, _ = page_span(work)
        if first and all(m.page != first for m in markers(work)):
            work.blocks.insert(0, PageMarker(first))
    by_id = {n.id: n for n in book.notes}
    notes = [copy.deepcopy(by_id[t]) for t in _cited(cut) if t in by_id]
    held = {m.page for w in cut for m in markers(w)}
    for note in notes:  # the pages of the book's notes section aren't the excerpt's
        _splice(note, lambda item: [] if isinstance(item, PageMarker) else None)
    ids = {i for root in (*cut, *notes) for n in iter_nodes(root)
           if isinstance(i := getattr(n, "id", None), str) and i}
    for root in (*cut, *notes):
        _splice(root, lambda item: item.children if (
            (isinstance(item, PageRef) and item.page not in held)
            or (isinstance(item, Link) and item.target not in ids)) else None)
        if scope:
            _scope_ids(root, scope)
    return Excerpt(cut, notes)


def _adopt_footnotes(work: Work, footnotes: dict[str, Footnote]) -> None:
    for part in work.walk():
        held = {f.id for f in part.footnotes}
        for ref in iter_nodes(part, skip=(Work, Footnote)):  # its own text, not its parts'
            if (isinstance(ref, NoteRef) and ref.kind == "footnote"
                    and ref.target not in held and ref.target in footnotes):
                part.footnotes.append(copy.deepcopy(footnotes[ref.target]))
                held.add(ref.target)


def _splice(root: Node, swap: Callable[[Node], list[Node] | None]) -> None:
    """In every list of child nodes below ``root``, put the items ``swap`` gives in place
    of an item (where it gives None, the item stays)."""

    def spliced(items: list) -> list:
        out = []
        for item in items:
            replacement = swap(item)
            out.extend([item] if replacement is None else spliced(replacement))
        return out

    for node in iter_nodes(root):
        for name in node.child_fields:
            items = getattr(node, name)
            if any(swap(item) is not None for item in items):
                setattr(node, name, spliced(items))


def _scope_ids(root: Node, scope: str) -> None:
    for node in iter_nodes(root):
        if isinstance(node, PageMarker | PageRef):
            node.scope = scope
        elif isinstance(node, NoteRef):
            node.target = scope + node.target
            node.id = node.id and scope + node.id
        elif isinstance(node, Link):
            node.target = scope + node.target
        elif isinstance(getattr(node, "id", None), str) and node.id:
            node.id = scope + node.id


def _cited(works: list[Work]) -> list[str]:
    """The endnote ids cited by ``works``, in order of first citation."""
    return list(dict.fromkeys(r.target for w in works for r in iter_nodes(w)
                              if isinstance(r, NoteRef) and r.kind == "endnote"))


def renumber(excerpts: list[Excerpt], order: list[Work] | None = None) -> Excerpt:
    """One excerpt of several, its works in ``order`` (default: as given) and its notes
    numbered 1, 2, … in order of first citation, every ref relabelled to match."""
    works = order or [w for e in excerpts for w in e.works]
    held = {n.id: n for e in excerpts for n in e.notes}
    notes = [held[t] for t in _cited(works) if t in held]
    numbers = {n.id: str(i) for i, n in enumerate(notes, 1)}
    for note in notes:
        note.number = numbers[note.id]
    for ref in (r for w in works for r in iter_nodes(w)):
        if isinstance(ref, NoteRef) and ref.kind == "endnote" and ref.target in numbers:
            ref.label = numbers[ref.target]
    return Excerpt(works, notes)
