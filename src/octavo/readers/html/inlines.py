"""A block's content as the tree's inlines: text, emphasis, line breaks, notes, links.

Emphasis is ``<em>``, ``<i>``, ``<cite>``, ``<u>`` …, ``<b>``/``<strong>`` (strong), and a
``<span>`` whose class or style says italic, bold or small capitals; other inline elements
(``<font>``, ``<span>``, ``<sup>`` that is no note marker …) give their text. White space is
collapsed as a browser collapses it, ``&nbsp;`` filler at the ends of lines dropped (one
``&nbsp;`` between words kept), and quotes, apostrophes and dashes set as the text reader
sets them (``typography.smarten``). What the page's other passes found (note markers,
links, anchors, images) is in the ``Context``, keyed by element.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ...ids import IdAllocator
from ...safety import xml_text
from ...tree import Anchor, Emphasis, Image, Inline, LineBreak, Link, NoteRef, Text
from ...typography import smarten
from .clean import classes

ITALIC = {"em", "i", "cite", "dfn", "var", "u", "address"}
STRONG = {"b", "strong"}
CLASS_STYLES = {"italic": "", "italics": "", "emphasis": "", "emph": "", "em": "",
                "bold": "strong", "strong": "strong",
                "smallcaps": "small-caps", "small-caps": "small-caps", "sc": "small-caps"}
CSS_STYLES = {("font-style", "italic"): "", ("font-style", "oblique"): "",
              ("font-weight", "bold"): "strong", ("font-weight", "bolder"): "strong",
              ("font-weight", "700"): "strong", ("font-weight", "800"): "strong",
              ("font-weight", "900"): "strong", ("font-variant", "small-caps"): "small-caps",
              ("font-variant-caps", "small-caps"): "small-caps"}
SPACED = "stretch"  # the archive's em.stretch: the print's letter-spaced emphasis
OPENING = "([{\u2014\u2013/"  # after these a quote opens (as typography.smarten reads it)
SPACE_RUN = re.compile(r"\s+")


@dataclass
class Context:
    """What the passes before conversion found on a page, by element."""

    refs: dict[HtmlElement, NoteRef] = field(default_factory=dict)  # marker → its reference
    links: dict[HtmlElement, str] = field(default_factory=dict)  # <a> → the id it leads to
    anchors: dict[HtmlElement, str] = field(default_factory=dict)  # element → an Anchor id
    images: dict[HtmlElement, Image] = field(default_factory=dict)  # <img> → its Image
    ids: IdAllocator = field(default_factory=IdAllocator)  # section ids, unique in the book
    hidden: set[HtmlElement] = field(default_factory=set)  # read as nothing (a note's label)
    scope: str = ""  # the work's id, prefixing its section ids
    pending: list[Image] = field(default_factory=list)  # images met inside the text


def style_of(element: HtmlElement) -> str | None:
    """The emphasis an element marks ("", "strong", "small-caps"), or None."""
    if element.tag in ITALIC:
        return ""
    if element.tag in STRONG:
        return "strong"
    for name in classes(element):
        if name in CLASS_STYLES:
            return CLASS_STYLES[name]
    for declaration in (element.get("style") or "").lower().split(";"):
        prop, _, value = declaration.partition(":")
        if (found := CSS_STYLES.get((prop.strip(), value.strip()))) is not None:
            return found
    return None


def pieces_of(element: HtmlElement) -> Iterator[str | HtmlElement]:
    """An element's content: its text, then each child and the text after it."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            yield child
        yield child.tail or ""


def convert(pieces: Iterable[str | HtmlElement], ctx: Context) -> list[Inline]:
    """Inlines of text and inline elements, untidied (see ``tidy``)."""
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, str):
            if piece:
                out.append(Text(piece))
        else:
            out.extend(_inline(piece, ctx))
    return out


def _inline(element: HtmlElement, ctx: Context) -> list[Inline]:
    if element in ctx.hidden:
        return []
    if element in ctx.refs:
        return [ctx.refs[element]]
    if element.tag == "br":
        return [LineBreak()]
    if element.tag == "img":
        if element in ctx.images:
            ctx.pending.append(ctx.images[element])
        return []
    children = convert(pieces_of(element), ctx)
    if element in ctx.anchors:
        children.insert(0, Anchor(ctx.anchors[element]))
    if element in ctx.links:
        children = [Link(ctx.links[element], children)]
    if (style := style_of(element)) is not None:
        return [Emphasis(children, spaced=SPACED in classes(element), style=style)]
    if element.tag == "q":
        return [Text("\u201c"), *children, Text("\u201d")]
    return children


def inlines(element: HtmlElement, ctx: Context) -> list[Inline]:
    """An element's content as tidy inlines (an Anchor first if a link leads to it)."""
    found = convert(pieces_of(element), ctx)
    if element in ctx.anchors:
        found.insert(0, Anchor(ctx.anchors[element]))
    return tidy(found)


def text_nodes(items: list[Inline]) -> Iterator[Text | LineBreak]:
    """The Text and LineBreak nodes of inlines, in reading order."""
    for item in items:
        if isinstance(item, Text | LineBreak):
            yield item
        elif isinstance(item, Emphasis | Link):
            yield from text_nodes(item.children)


def _collapse(match: re.Match) -> str:
    return "\u00a0" if match[0] == "\u00a0" else " "


def tidy(items: list[Inline]) -> list[Inline]:
    """Inlines as a browser shows them: white space collapsed and trimmed at the ends of
    lines, typography set, empty runs and emphasis dropped, line breaks only between text."""
    line_start = True
    last: Text | None = None
    before = ""
    for node in text_nodes(items):
        if isinstance(node, LineBreak):
            if last is not None:
                last.text = last.text.rstrip()
            line_start, last, before = True, None, ""
            continue
        text = xml_text(SPACE_RUN.sub(_collapse if "\u00a0" in node.text else " ", node.text))
        if line_start or (before and before.isspace()):
            text = text.lstrip()
        if text:
            node.text = smarten(("(" if not before or before in OPENING or before.isspace()
                                 else "x") + text)[1:]
            before, last, line_start = node.text[-1], node, False
        else:
            node.text = ""
    if last is not None:
        last.text = last.text.rstrip()
    return _prune(items)


def _prune(items: list[Inline]) -> list[Inline]:
    """Without empty text and emphasis, adjacent text merged, no line break at either end."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Emphasis | Link):
            item.children = _prune(item.children)
            if not has_text(item.children):  # nothing to show: no emphasis, no link
                out.extend(i for i in item.children if not isinstance(i, Text | LineBreak))
                continue
        if isinstance(item, Text):
            if not item.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + item.text)
                continue
        out.append(item)
    while out and isinstance(out[0], LineBreak):
        out.pop(0)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    return out


def broken(items: list[Inline]) -> list[list[Inline]]:
    """Inlines parted into lines at their line breaks (the breaks dropped)."""
    lines: list[list[Inline]] = [[]]
    for item in items:
        if isinstance(item, LineBreak):
            lines.append([])
        else:
            lines[-1].append(item)
    return lines


def has_text(items: list[Inline]) -> bool:
    """Whether inlines hold any visible text (a note reference counts)."""
    return any(isinstance(i, NoteRef) or (isinstance(i, Text) and i.text.strip())
               for i in _all(items))


def _all(items: list[Inline]) -> Iterator[Inline]:
    for item in items:
        yield item
        if isinstance(item, Emphasis | Link):
            yield from _all(item.children)


def plain(items: list[Inline]) -> str:
    """Inlines as plain text, line breaks as spaces."""
    return " ".join("".join(i.text if isinstance(i, Text) else "\n" if isinstance(
        i, LineBreak) else "" for i in _all(items)).split())
