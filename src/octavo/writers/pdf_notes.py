"""The endnotes of the print edition, grouped by the work that cites them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tree import Book, Note, NoteRef, iter_nodes


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


def note_groups(book: Book) -> list[NoteGroup]:
    """The book's endnotes grouped by the top-level work citing them first."""
    by_id = {n.id: n for n in book.notes}
    seen: set[str] = set()
    groups = []
    for work in book.works:
        group = NoteGroup(work.title)
        for node in iter_nodes(work):
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
