"""A page's body as the tree's blocks: paragraphs, quotations, lists, tables, images, breaks,
and its headings opening nested sections.

- ``<p>`` is a paragraph; the archive's ``quoteb``/``indentb`` paragraphs (runs of them) and
  ``<blockquote>`` are quotations; a ``* * *`` line or an ``<hr>`` inside the text is a
  break (the archive's ``<hr class="end">`` is no break: it closes the page);
- ``<ul>``/``<ol>`` are lists; a ``<table>`` of text cells is a table, one whose cells hold
  paragraphs (an old page's layout) is read cell by cell;
- ``<pre>`` keeps its lines, loose text (tag soup) is cut into paragraphs at blank lines;
- ``<div>``, ``<center>`` and other containers are opened; an empty paragraph (``&nbsp;``
  filler) is dropped; an image becomes a block of its own after the text around it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from ...tree import (
    Asterism,
    Block,
    Heading,
    Inline,
    ItemList,
    LineBreak,
    ListItem,
    Paragraph,
    ParagraphRole,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
    Text,
)
from .clean import classes, text_of
from .inlines import Context, convert, has_text, inlines, pieces_of, plain, tidy
from .titles import HEADINGS, is_asterism
from .verse import is_stanza, stanzas_of

# the archive's paragraph classes (its works.css): set-off passages, a quotation's source
QUOTE_CLASSES = {"quote", "quoteb", "quotec", "quote-list", "indent", "indentb", "indentc",
                 "indent-list", "inline", "blockquote"}
SUBHEAD = "sub"  # p.sub, the archive's sub-head inside a text: a heading of a section's rank
SUBHEAD_LEVEL = 4  # that of h4, the archive's "Section Title"
ROLES = {"sig": ParagraphRole.SIGNATURE, "date": ParagraphRole.DATELINE}  # set right
CONTAINERS = {"div", "center", "section", "article", "main", "header", "address", "figure",
              "figcaption", "body", "font", "span", "form", "td", "th", "tbody", "noindex"}
BLOCKS = {"p", "blockquote", "ul", "ol", "dl", "dt", "dd", "li", "table", "pre", "hr",
          *HEADINGS, *CONTAINERS} - {"font", "span"}
CLOSING_RULES = {"end", "base", "infobloc"}  # the archive's rules round the text, not in it


@dataclass
class HeadingMark:
    """A heading met in the text: it opens a section when the blocks are nested."""

    level: int
    inlines: list[Inline]


@dataclass
class QuoteLine:
    """A paragraph the archive indents as a quotation; runs of them make one Quote."""

    paragraph: Paragraph


Item = Block | HeadingMark | QuoteLine


def is_block(element: HtmlElement) -> bool:
    """Whether an element breaks the text into blocks (an inline one does if it holds
    blocks, as tag soup's ``<font><p>…</p></font>`` does)."""
    return element.tag in BLOCKS or any(isinstance(d.tag, str) and d.tag in BLOCKS
                                        for d in element.iterdescendants())


def items_of(container: HtmlElement, ctx: Context) -> list[Item]:
    """The blocks of a container's content, headings and quote lines not yet gathered."""
    found: list[Item] = []
    run: list[str | HtmlElement] = []
    for piece in pieces_of(container):
        if isinstance(piece, str) or not is_block(piece):
            run.append(piece)
            continue
        found += _loose(run, ctx)
        run = []
        found += block_items(piece, ctx)
    return found + _loose(run, ctx)


def _loose(run: list[str | HtmlElement], ctx: Context) -> list[Item]:
    """Text outside any paragraph, cut into paragraphs at blank lines (two line breaks)."""
    paragraphs: list[Item] = []
    lines: list[Inline] = []
    for item in [*convert(run, ctx), LineBreak(), LineBreak()]:
        after_break = bool(lines) and isinstance(lines[-1], LineBreak)
        if after_break and isinstance(item, Text) and not item.text.strip():
            continue
        if after_break and isinstance(item, LineBreak):
            paragraphs += _paragraph(tidy(lines[:-1]), ctx)
            lines = []
        elif lines or not isinstance(item, LineBreak):
            lines.append(item)
    return paragraphs


def _paragraph(found: list[Inline], ctx: Context, quote: bool = False,
               role: ParagraphRole = ParagraphRole.BODY) -> list[Item]:
    """A paragraph of tidy inlines (none if empty), then the images met in it."""
    images, ctx.pending = ctx.pending, []
    out: list[Item] = []
    if has_text(found):
        text = plain(found)
        if is_asterism(text):
            out.append(Asterism())
        else:
            paragraph = Paragraph(found, role=role)
            out.append(QuoteLine(paragraph) if quote else paragraph)
    return out + images


def block_items(element: HtmlElement, ctx: Context) -> list[Item]:
    """The items of one block element."""
    tag, names = element.tag, classes(element)
    if tag in HEADINGS:
        found = inlines(element, ctx)
        images, ctx.pending = ctx.pending, []
        if is_asterism(plain(found)):
            return [Asterism(), *images]
        return ([HeadingMark(int(tag[1]), _one_line(found))] if has_text(found) else []) + images
    if tag == "p" and SUBHEAD in names:
        found = inlines(element, ctx)
        return [HeadingMark(SUBHEAD_LEVEL, _one_line(found))] if has_text(found) else []
    if tag == "p":
        found = inlines(element, ctx)
        role = next((ROLES[n] for n in sorted(names) if n in ROLES), ParagraphRole.BODY)
        if role == ParagraphRole.BODY and is_stanza(found, names, names <= QUOTE_CLASSES):
            return _paragraph(found, ctx, quote=True, role=ParagraphRole.VERSE)
        return _paragraph(found, ctx, quote=bool(names & QUOTE_CLASSES), role=role)
    if tag == "hr":  # a break, unless it stands at an end or by a heading (see _breaks)
        return [] if names & CLOSING_RULES else [Asterism()]
    if tag == "blockquote" or names & QUOTE_CLASSES:
        inner = nest(items_of(element, ctx), ctx, sections=False)
        if len(inner) == 1 and isinstance(inner[0], Quote) and any(  # stanzas quoted: one
                b.role == ParagraphRole.VERSE for b in inner[0].blocks  # quotation
                if isinstance(b, Paragraph)):
            return inner
        return [Quote(inner)] if inner else []
    if tag in ("ul", "ol"):
        entries = [ListItem(blocks) for li in element if li.tag == "li"
                   if (blocks := nest(items_of(li, ctx), ctx, sections=False))]
        loose = [p for child in element if child.tag != "li" for p in block_items(child, ctx)]
        return ([ItemList(entries, ordered=tag == "ol")] if entries else []) + loose
    if tag == "pre":
        found = tidy(_lines(convert(pieces_of(element), ctx)))
        stanzas = stanzas_of(found)
        if all(is_stanza(stanza, names, names <= QUOTE_CLASSES) for stanza in stanzas):
            return [item for stanza in stanzas
                    for item in _paragraph(stanza, ctx, quote=True, role=ParagraphRole.VERSE)]
        return _paragraph(found, ctx)
    if tag == "table":
        return _table(element, ctx)
    if tag == "dt":
        return _paragraph(inlines(element, ctx), ctx)
    if tag == "dd":
        inner = nest(items_of(element, ctx), ctx, sections=False)
        return [Quote(inner)] if inner else []
    return items_of(element, ctx)  # a container: div, center, dl, li astray …


def _one_line(found: list[Inline]) -> list[Inline]:
    """A heading's inlines with its line breaks as spaces (contents list it on one line)."""
    return tidy([Text(" ") if isinstance(i, LineBreak) else i for i in found])


def _lines(found: list[Inline]) -> list[Inline]:
    """Preformatted text: each new line a line break."""
    out: list[Inline] = []
    for item in found:
        if isinstance(item, Text) and "\n" in item.text:
            for number, line in enumerate(item.text.split("\n")):
                out += [LineBreak()] * bool(number) + [Text(line)]
        else:
            out.append(item)
    return out


def _rows(table: HtmlElement) -> Iterator[HtmlElement]:
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if row.tag == "tr")


def _table(table: HtmlElement, ctx: Context) -> list[Item]:
    """A table of text cells as a Table; a layout table (cells of paragraphs, or one column)
    as the blocks of its cells, row by row."""
    rows = [[c for c in row if c.tag in ("td", "th")] for row in _rows(table)]
    cells = [c for row in rows for c in row]
    layout = max(map(len, rows), default=0) < 2 or any(
        isinstance(d.tag, str) and d.tag in BLOCKS - {"td", "th", "tbody", "span", "font"}
        for c in cells for d in c.iterdescendants())
    if layout:
        return [item for c in cells for item in items_of(c, ctx)]
    found = [TableRow([TableCell(inlines(c, ctx), header=c.tag == "th" or "head" in classes(c))
                       for c in row])
             for row in rows if any(text_of(c) for c in row)]
    images, ctx.pending = ctx.pending, []
    return ([Table(found)] if found else []) + images


def nest(items: list[Item], ctx: Context, sections: bool = True) -> list[Block]:
    """Blocks with quote lines gathered into quotations, rules made breaks where they part
    text, and headings opening sections (nested by their level) or, inside quotations and
    lists, plain headings."""
    blocks: list = []
    run: Quote | None = None  # the quotation a run of quote lines is making
    for item in _breaks(items):
        if isinstance(item, QuoteLine):
            if run is None:
                run = Quote([])
                blocks.append(run)
            run.blocks.append(item.paragraph)
            continue
        run = None
        if isinstance(item, HeadingMark) and not sections:
            blocks.append(Heading(item.inlines, level=item.level))
        else:
            blocks.append(item)
    return _sections(blocks, ctx) if sections else blocks


def _breaks(items: list[Item]) -> list[Item]:
    """Breaks where they part passages: none at either end, beside a heading or twice."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Asterism) and (not out or isinstance(out[-1], Asterism | HeadingMark)):
            continue
        if isinstance(item, HeadingMark) and out and isinstance(out[-1], Asterism):
            out.pop()
        out.append(item)
    while out and isinstance(out[-1], Asterism):
        out.pop()
    return out


def _sections(blocks: list, ctx: Context) -> list[Block]:
    root: list[Block] = []
    stack: list[tuple[int, list[Block]]] = [(0, root)]
    for block in blocks:
        if isinstance(block, HeadingMark):
            while len(stack) > 1 and stack[-1][0] >= block.level:
                stack.pop()
            section = Section(ctx.ids(f"{ctx.scope} {plain(block.inlines)}"), block.inlines)
            stack[-1][1].append(section)
            stack.append((block.level, section.blocks))
        else:
            stack[-1][1].append(block)
    return root
