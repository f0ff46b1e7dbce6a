"""Links between the pages of a book, and inside a page, as links inside the book.

A link to a page of the book leads to its work; one to a place in a page (``ch02.htm#s3``,
``#s3``) to an Anchor set there. Links anywhere else (other pages of the archive, the web,
``javascript:``) keep their text and lose the link. A link whose target did not make it
into the book (a place in dropped navigation) loses its link too (``settle``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ...tree import Book, Link, iter_nodes


@dataclass
class Site:
    """The pages of a book by their resolved path, each with its work's id."""

    works: dict[Path, str] = field(default_factory=dict)

    def target(self, href: str, page: Path | None) -> tuple[Path, str] | None:
        """The page (of this book) and fragment an href leads to, or None."""
        parts = urlsplit(href.strip())
        if parts.scheme or parts.netloc:
            return None
        if not parts.path:
            return (page, unquote(parts.fragment)) if page is not None else None
        if page is None:
            return None
        path = (page.parent / unquote(parts.path)).resolve()
        return (path, unquote(parts.fragment)) if path in self.works else None


def places(body: HtmlElement) -> dict[str, HtmlElement]:
    """Every place a fragment can name in a page: ids, and names of ``<a>``."""
    found: dict[str, HtmlElement] = {}
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        for name in (element.get("id"), element.get("name") if element.tag == "a" else None):
            if name and name.strip():
                found.setdefault(name.strip(), element)
    return found


def wanted(body: HtmlElement, page: Path | None, site: Site,
           skipped: set[HtmlElement]) -> dict[HtmlElement, tuple[Path | None, str]]:
    """The links of a page that lead inside the book: ``<a>`` → (page, fragment)."""
    found = {}
    for a in body.iter("a"):
        if a in skipped or not (a.get("href") or "").strip():
            continue
        if (target := site.target(a.get("href"), page)) is not None:
            found[a] = target
    return found


def settle(book: Book) -> None:
    """Links whose target is not in the book keep their text only."""
    ids: set[str] = set()
    holding: list[tuple[object, str]] = []  # (node, field) of every list holding a link
    for root in [*book.works, *book.notes]:
        for node in iter_nodes(root):
            if isinstance(ident := getattr(node, "id", None), str) and ident:
                ids.add(ident)
            for name in ("inlines", "children", "title"):
                items = getattr(node, name, None)
                if isinstance(items, list) and any(isinstance(i, Link) for i in items):
                    holding.append((node, name))
    for node, name in holding:
        items = getattr(node, name)
        if any(isinstance(i, Link) and i.target not in ids for i in items):
            setattr(node, name, _unlinked(items, ids))


def _unlinked(items: list, ids: set[str]) -> list:
    out = []
    for item in items:
        if isinstance(item, Link) and item.target not in ids:
            out.extend(_unlinked(item.children, ids))
        else:
            out.append(item)
    return out
