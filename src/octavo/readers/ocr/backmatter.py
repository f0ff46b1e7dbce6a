"""The back matter as works: the endnotes' section and the biographical chronicle.

A page begins once: where the back matter opens on a page the last work began (the notes'
title under the work's last lines), the page's marker stays in the work, and the back
matter's own marker of that page goes (a reader's page list holds each page once).
"""

from __future__ import annotations

from ...tree import BACK_MATTER, Node, PageMarker, Work, child_lists, iter_nodes
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
    begun = {n.page for work in st.works if work.kind not in BACK_MATTER for n in iter_nodes(work)
             if isinstance(n, PageMarker)}
    for root in [*st.notes, *(w for w in st.works if w.kind in BACK_MATTER)]:
        _unmark(root, begun)


def _unmark(node: Node, begun: set[str]) -> None:
    """Take out of ``node`` the markers of pages ``begun`` already, in reading order,
    counting its own markers as begun in turn."""
    for items in child_lists(node):
        for item in list(items):
            if isinstance(item, PageMarker):
                if item.page in begun:
                    items.remove(item)
                begun.add(item.page)
            else:
                _unmark(item, begun)


def _last_marker(nodes: list) -> str:
    marks = [n.page for node in nodes for n in iter_nodes(node) if isinstance(n, PageMarker)]
    return marks[-1] if marks else ""
