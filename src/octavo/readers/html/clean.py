"""Dropping what is not the text: scripts, styles, embedded objects, forms and navigation.

Navigation is the archive's ``footer`` and ``toplink`` paragraphs, and any block whose only
text is links to other pages ("Wage Labour and Capital Index", "Next | Previous") or a
"Back to … Index" line. Nothing of a page's markup is ever copied into a book (the reader
builds the tree from text), so a script or a remote reference can't reach an output; what
is dropped here is dropped so that its text does not either.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# elements whose content is never text of the work
UNREAD = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
          "applet", "button", "select", "textarea", "svg", "math", "canvas", "video", "audio",
          "map", "nav", "footer", "dialog")
# elements that hold no text of their own, though tag soup may put text inside them (the
# parser reads what follows an ``<embed>`` into it): the tag goes, its content stays
EMPTY = ("embed", "source", "track", "link", "meta", "base", "input", "param", "area", "form",
         "wbr", "keygen")
NAVIGATION_CLASSES = {"footer", "toplink", "next", "updat", "nav", "navigation", "breadcrumb",
                      "breadcrumbs", "menu"}  # the archive's (p.next, p.updat: "Last updated")
# blocks that navigation sits in, when all their text is links to other pages
NAVIGATION_BLOCKS = ("p", "div", "center", "ul", "ol", "table", "h5", "h6")
SEPARATORS = re.compile(r"[\s|·•«»<>\[\]():,.\-–—/\\>]*")
BACK_TO_LENGTH = 100  # characters: "Back to …" with a title, white space and all
BACK_TO = re.compile(r"^(?:back|return|go back|up)\s+to\s+\S.{0,80}$", re.IGNORECASE)


def classes(element: HtmlElement) -> set[str]:
    """The element's classes, lower case."""
    return set((element.get("class") or "").lower().split())


def text_of(element: HtmlElement) -> str:
    """An element's text with white space collapsed."""
    return " ".join(element.text_content().split())


def to_other_page(href: str | None) -> bool:
    """Whether a link leads away from the page (not to a place in it)."""
    if not href or not href.strip():
        return False
    parts = urlsplit(href.strip())
    return bool(parts.scheme or parts.netloc or parts.path)


def is_navigation(element: HtmlElement) -> bool:
    """Whether a block is navigation: classed so, links to other pages only, or "Back to …"."""
    if classes(element) & NAVIGATION_CLASSES or (
            element.get("id") or "").lower() in NAVIGATION_CLASSES:
        return True
    raw = element.text_content()
    if len(raw) <= BACK_TO_LENGTH and BACK_TO.match(" ".join(raw.split())):
        return True
    links = {a for a in element.iter("a") if to_other_page(a.get("href"))}
    return bool(links and raw.strip()) and SEPARATORS.fullmatch(
        _text_outside(element, links)) is not None


def _text_outside(element: HtmlElement, skipped: set[HtmlElement]) -> str:
    """An element's text but for that of the ``skipped`` elements inside it."""
    parts = [element.text or ""]
    for child in element:
        if child not in skipped:
            parts.append(_text_outside(child, skipped))
        parts.append(child.tail or "")
    return "".join(parts)


def drop_unread(root: HtmlElement) -> None:
    """Remove scripts, styles, objects and form fields with everything in them, and the
    tags of empty elements (their content, if tag soup gave them any, stays)."""
    for element in list(root.iter(*UNREAD)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter(*EMPTY)):
        if element.getparent() is not None:
            element.drop_tag()


def drop_navigation(body: HtmlElement) -> None:
    """Remove the blocks that are navigation, keeping what follows them."""
    for element in list(body.iter(*NAVIGATION_BLOCKS)):
        if element.getparent() is not None and is_navigation(element):
            element.drop_tree()  # its tail, loose text after it, stays
