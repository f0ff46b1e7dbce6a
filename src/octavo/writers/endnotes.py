"""The endnotes grouped by the work that cites them: always in print, and in an EPUB whose
notes are numbered afresh in each work (a web edition's chapters), where one list would
read 1, 1, 2, 3."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tree import Book, Note, NoteRef, Work, iter_nodes


def ref_id(ref: NoteRef) -> str:
    """The id of a note reference in the print XHTML (the reader's, or one made from its note)."""
    return ref.id or f"ref-{ref.target}"


@dataclass
class Cited:
    """An endnote and the id of its (first) reference in the text, for the page and back-link."""

    note: Note
    ref: str


@dataclass
class NoteGroup:
    """The endnotes cited in one work, in the order they are cited; title "" for uncited."""

    title: str
    notes: list[Cited] = field(default_factory=list)


def note_groups(book: Book, per_work: bool = True) -> list[NoteGroup]:
    """The book's endnotes grouped by the work citing them first: the top-level work or,
    where the numbers start afresh, the part (a chapter) that numbers its own; not
    ``per_work`` (an EPUB), one list in the book's order unless the numbers start afresh."""
    by_id = {n.id: n for n in book.notes}
    afresh = _numbered_afresh(book)
    if not (per_work or afresh):
        return [NoteGroup("", [Cited(n, "") for n in book.notes])]
    if afresh:  # each part's own text, not its parts'
        units = [(w, iter_nodes(w, skip=(Work,))) for w in book.walk()]
    else:
        units = [(w, iter_nodes(w)) for w in book.works]
    seen: set[str] = set()
    groups = []
    for work, nodes in units:
        group = NoteGroup(work.title)
        for node in nodes:
            if (isinstance(node, NoteRef) and node.kind == "endnote"
                    and node.target in by_id and node.target not in seen):
                seen.add(node.target)
                group.notes.append(Cited(by_id[node.target], ref_id(node)))
        if group.notes:
            groups.append(group)
    uncited = [Cited(n, "") for n in book.notes if n.id not in seen]
    if uncited:
        groups.append(NoteGroup("", uncited))
    return groups


def _numbered_afresh(book: Book) -> bool:
    """Whether the book's endnote numbers start again somewhere (``1, 2, 1, 2, 3``)."""
    numbers = [n.number for n in book.notes]
    return len(set(numbers)) < len(numbers)
