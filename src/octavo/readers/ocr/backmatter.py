"""The back matter as works: the endnotes' section and the biographical chronicle."""

from __future__ import annotations

from ...tree import PageMarker, Work, iter_nodes
from . import chronicle
from .structure import Structure


def add(st: Structure) -> None:
    """Append a work for the notes and one for the chronicle, where the contents lists them."""
    for entry in st.entries:
        if entry.kind == "notes":
            st.works.append(Work(id=st.work_ids[id(entry)], title=entry.title, kind="notes",
                                 first_page=entry.page, last_page=_last_marker(st.notes),
                                 short_title="Notes"))
        elif entry.kind == "chronicle":
            blocks = chronicle.parse(st.layout.pages, st.layout.vocab, st.layout.verso_head)
            st.works.append(Work(id=st.work_ids[id(entry)], title=entry.title,
                                 kind="chronicle", blocks=blocks, first_page=entry.page,
                                 last_page=_last_marker(blocks) or entry.page,
                                 short_title="Biographical Chronicle"))


def _last_marker(nodes: list) -> str:
    marks = [n.page for node in nodes for n in iter_nodes(node) if isinstance(n, PageMarker)]
    return marks[-1] if marks else ""
