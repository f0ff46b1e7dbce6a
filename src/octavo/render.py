"""Rendering the work tree to XHTML with the Jinja templates in ``templates/``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jinja2

from . import __version__
from .paths import TEMPLATES
from .safety import finalize as xml_safe
from .tree import BOOK_MATTER, Book, Footnote, Node, NodeKind, Note, Section, Work, iter_nodes
from .typography import tie

_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The shared Jinja environment: autoescaping on, strict about undefined names."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=xml_safe,  # no character XML forbids reaches any document
        )
        _ENV.filters["tie"] = tie
        _ENV.globals["BOOK_MATTER"] = BOOK_MATTER
        _ENV.globals["NodeKind"] = NodeKind  # templates dispatch on node.node == NodeKind.X
        _ENV.globals["octavo_version"] = __version__
    return _ENV


def render(template: str, **context: object) -> str:
    """Render one template with the given context."""
    return environment().get_template(template).render(**context)


def notes_by_id(book: Book) -> dict[str, Note | Footnote]:
    """Every endnote and footnote of a book by its id, for templates to look up."""
    found: dict[str, Note | Footnote] = {n.id: n for n in book.notes}
    for work in book.walk():
        found.update((f.id, f) for f in work.footnotes)
    return found


def sections(blocks: Iterable[Node]) -> list[Section]:
    """The top-level sections among a list of blocks (for tables of contents)."""
    return [b for b in blocks if isinstance(b, Section)]


def linker(locations: dict[str, str]) -> Callable[[str], str]:
    """An ``href(id)`` for templates: the document holding an id, then the fragment."""

    def href(target: str) -> str:
        return f"{locations.get(target, '')}#{target}"

    return href


def toc_entries(book: Book, href) -> list[dict]:
    """The nested table of contents: works, their parts and their sections."""

    def section_entries(blocks) -> list[dict]:
        return [{"label": _plain(s.number, s.title), "href": href(s.id),
                 "children": section_entries(s.blocks)} for s in sections(blocks)]

    def work_entry(work: Work) -> dict:
        if work.kind == "notes":
            return {"label": work.title, "href": href("endnotes"), "children": []}
        return {"label": work.toc_title or work.title, "href": href(work.id),
                "children": section_entries(work.blocks) + [work_entry(c) for c in work.children]}

    entries = [work_entry(w) for w in book.works]
    if book.notes and not notes_placed(book):
        entries.append({"label": "Notes", "href": href("endnotes"), "children": []})
    return entries


def notes_placed(book: Book) -> bool:
    """Whether the book's contents place its endnotes (a work of kind "notes")."""
    return any(w.kind == "notes" for w in book.works)


def _plain(number: str, inlines: list[Node]) -> str:
    text = "".join(getattr(i, "text", "") for i in iter_nodes(*inlines))
    return f"{number} {text}".strip()
