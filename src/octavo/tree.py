"""The work tree: plain dataclasses every reader fills and every writer consumes.

Book → Work (→ child Works) → blocks → inlines.  Every node class carries a
``node`` tag so templates can dispatch on it without isinstance checks.

Inlines:  Text, Emphasis, NoteRef, PageMarker, PageRef, LineBreak, Link, Anchor
Blocks:   Paragraph, Heading, Section, Quote, Asterism, PageMarker,
          Chronicle (ChronicleYear → ChronicleEntry), Image, ItemList (→ ListItem),
          Table (→ TableRow → TableCell)
Notes:    Note (book endnotes), Footnote (page-foot notes of a work)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from .findings import Finding

# ---------------------------------------------------------------- inlines


@dataclass
class Text:
    """A run of plain text (already typographically correct)."""

    text: str
    node: ClassVar[str] = "text"


@dataclass
class Emphasis:
    """Emphasis; ``spaced`` marks the print's letter-spaced emphasis, ``style`` the kind a
    web page marks: "" (italic), "strong" (bold) or "small-caps"."""

    children: list[Inline]
    spaced: bool = False
    style: Literal["", "strong", "small-caps"] = ""
    node: ClassVar[str] = "emphasis"


@dataclass
class NoteRef:
    """A reference to an endnote (``Book.notes``) or a footnote (``Work.footnotes``)."""

    target: str  # id of the Note or Footnote
    label: str  # what the print shows: "1", "*"
    kind: Literal["endnote", "footnote"] = "endnote"
    id: str = ""  # id of the reference itself, for back-links
    node: ClassVar[str] = "noteref"


@dataclass
class PageMarker:
    """Where a printed page of the source edition begins (inline or between blocks)."""

    page: str  # the printed folio: "5", "XIV"
    scope: str = ""  # prefix keeping ids unique in a book gathered from several editions
    node: ClassVar[str] = "pagemarker"

    @property
    def id(self) -> str:
        return page_id(self.page, self.scope)


@dataclass
class PageRef:
    """A cross-reference to a printed page of the source edition ("p. 206")."""

    page: str
    children: list[Inline]
    scope: str = ""  # as PageMarker.scope
    node: ClassVar[str] = "pageref"

    @property
    def target(self) -> str:
        return page_id(self.page, self.scope)


@dataclass
class LineBreak:
    """A forced line break (verse, addresses, signatures)."""

    node: ClassVar[str] = "linebreak"


@dataclass
class Link:
    """A cross-reference to an id elsewhere in the book (a work, a section, an Anchor)."""

    target: str
    children: list[Inline]
    node: ClassVar[str] = "link"


@dataclass
class Anchor:
    """A place in the text that a Link points at (a web page's ``<a name>``)."""

    id: str
    node: ClassVar[str] = "anchor"


Inline = Text | Emphasis | NoteRef | PageMarker | PageRef | LineBreak | Link | Anchor

# ---------------------------------------------------------------- blocks


@dataclass
class Paragraph:
    """A paragraph. ``role`` refines it: "point" (numbered point), "dateline", …"""

    inlines: list[Inline]
    role: str = ""
    node: ClassVar[str] = "paragraph"


@dataclass
class Heading:
    """A heading inside a work that does not open a section of the contents."""

    inlines: list[Inline]
    level: int = 2
    node: ClassVar[str] = "heading"


@dataclass
class Section:
    """A titled section within a work (I, II …; 1., 2. …), nested in the contents."""

    id: str
    title: list[Inline]
    blocks: list[Block] = field(default_factory=list)
    number: str = ""  # "I", "1." as printed before the title, if any
    node: ClassVar[str] = "section"


@dataclass
class Quote:
    """A quotation set off from the text."""

    blocks: list[Block]
    node: ClassVar[str] = "quote"


@dataclass
class Asterism:
    """The print's ``* * *`` break between passages."""

    node: ClassVar[str] = "asterism"


@dataclass
class ChronicleEntry:
    """One dated entry of a chronicle: a date and what happened."""

    date: str
    blocks: list[Block]
    node: ClassVar[str] = "chronicle-entry"


@dataclass
class ChronicleYear:
    """A year heading of a chronicle with its entries."""

    year: str
    entries: list[ChronicleEntry]
    node: ClassVar[str] = "chronicle-year"


@dataclass
class Chronicle:
    """A dated list (the biographical chronicle)."""

    years: list[ChronicleYear]
    node: ClassVar[str] = "chronicle"


@dataclass
class Image:
    """An image of the text (a portrait, a facsimile), its bytes carried in the tree so the
    tree alone makes the book: ``data`` is base64, ``file`` a name unique to its bytes."""

    file: str
    media_type: str
    data: str
    alt: str = ""
    node: ClassVar[str] = "image"


@dataclass
class ListItem:
    """One item of a list."""

    blocks: list[Block]
    node: ClassVar[str] = "list-item"


@dataclass
class ItemList:
    """A bulleted or numbered list."""

    items: list[ListItem]
    ordered: bool = False
    node: ClassVar[str] = "list"


@dataclass
class TableCell:
    """A cell of a simple table; ``header`` for a heading cell."""

    inlines: list[Inline]
    header: bool = False
    node: ClassVar[str] = "table-cell"


@dataclass
class TableRow:
    """A row of a simple table."""

    cells: list[TableCell]
    node: ClassVar[str] = "table-row"


@dataclass
class Table:
    """A simple table: rows of cells holding text."""

    rows: list[TableRow]
    node: ClassVar[str] = "table"


Block = (Paragraph | Heading | Section | Quote | Asterism | PageMarker | Chronicle | Image
         | ItemList | Table)

# ---------------------------------------------------------------- notes


@dataclass
class Note:
    """A numbered endnote of the book; ``cited_page`` is the printed page it cites;
    ``editorial`` for an editor's note."""

    id: str
    number: str
    blocks: list[Block]
    cited_page: str = ""
    editorial: bool = False
    node: ClassVar[str] = "note"


@dataclass
class Footnote:
    """A page-foot footnote of a work (``*``, ``**``); ``editorial`` for "—Ed." notes."""

    id: str
    marker: str
    blocks: list[Block]
    editorial: bool = False
    node: ClassVar[str] = "footnote"


# ---------------------------------------------------------------- works and book


@dataclass
class ClosingLine:
    """A line that closes a work but is not body text, as the print sets it off."""

    kind: Literal["source", "signature", "date", "place", "remark"]
    text: str


WorkKind = Literal[
    "work", "part", "preface", "group", "appendix", "notes", "chronicle"
]
# The edition's own parts, not the author's: the print heads their versos with their title.
BOOK_MATTER: frozenset[str] = frozenset({"preface", "group", "notes", "chronicle"})


@dataclass
class Work:
    """One entry of the contents: a work, a part of a composite work, or back matter."""

    id: str
    title: str
    kind: WorkKind = "work"
    subtitle: list[str] = field(default_factory=list)
    date: str = ""
    short_title: str = ""  # the running head
    blocks: list[Block] = field(default_factory=list)
    children: list[Work] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    closing: list[ClosingLine] = field(default_factory=list)
    first_page: str = ""  # printed pages of the source edition
    last_page: str = ""
    toc_title: str = ""  # the title as the printed contents words it, where that differs
    title_refs: list[NoteRef] = field(default_factory=list)  # notes cited on the title
    subtitle_refs: list[NoteRef] = field(default_factory=list)  # … and on the subtitle

    def walk(self):
        """Yield this work and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Metadata:
    """What a book says about itself; the TOML beside a source overrides the reader."""

    title: str = ""
    author: str = ""
    language: str = "en"
    book_id: str = ""
    identifier: str = ""  # a URN; derived from the metadata when empty
    subtitle: str = ""
    volume: str = ""
    publisher: str = ""
    place: str = ""
    date: str = ""  # date of the edition
    edition: str = ""
    translator: str = ""
    source: str = ""  # the edition the text comes from
    first_published: str = ""
    transcription: str = ""  # who transcribed or scanned it
    rights: str = ""
    description: str = ""
    extract: str = ""  # a book cut from a larger one: "From …, Works, Vol. 5, pp. 286–90"


@dataclass
class Book:
    """A whole book: metadata, its works in order, and its endnotes."""

    meta: Metadata
    works: list[Work] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # what reading it found to tell

    def walk(self):
        """Yield every work of the book, depth first, in reading order."""
        for work in self.works:
            yield from work.walk()


def page_id(page: str, scope: str = "") -> str:
    """The XHTML id of a printed page's marker (``scope`` prefixes it in anthologies)."""
    return f"{scope}page-{page}"


# in reading order: a work's title, its text, its footnotes, then its parts
_CHILD_FIELDS = ("title_refs", "subtitle_refs", "title", "inlines", "blocks", "footnotes",
                 "children", "years", "entries", "items", "rows", "cells")


def iter_nodes(root: object):
    """Yield ``root`` and every node below it (works, blocks, inlines, notes), in order."""
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        for name in reversed(_CHILD_FIELDS):
            value = getattr(item, name, None)
            if isinstance(value, list):
                stack.extend(reversed(value))
