"""The work tree: plain dataclasses every reader fills and every writer consumes.

Book → Work (→ child Works) → blocks → inlines.  Every node class is a ``Node``: it
carries a ``node`` tag (a ``NodeKind``) so templates can dispatch on it without isinstance
checks, and names in ``child_fields`` the fields holding its child nodes, in reading
order.  ``iter_nodes`` walks the tree by them alone, so a node kind or child field
added here reaches every walker (``tests/test_tree.py`` fails on a child field left
undeclared).  ``ClosingLine`` and ``Metadata`` are plain records, not nodes.  The model
is one module, over 400 lines, so that a newcomer reads every node and the walk in one place.

Inlines:  Text, Emphasis, NoteRef, PageMarker, PageRef, LineBreak, Link, Anchor
Blocks:   Paragraph, Heading, Section, Quote, Asterism, PageMarker,
          Chronicle (ChronicleYear → ChronicleEntry), Image, ItemList (→ ListItem),
          Table (→ TableRow → TableCell)
Notes:    Note (book endnotes), Footnote (page-foot notes of a work)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, Literal

from .findings import Finding


class NodeKind(StrEnum):
    """The tag of each node class; its value is the string templates compare with."""

    TEXT = "text"
    EMPHASIS = "emphasis"
    NOTEREF = "noteref"
    PAGEMARKER = "pagemarker"
    PAGEREF = "pageref"
    LINEBREAK = "linebreak"
    LINK = "link"
    ANCHOR = "anchor"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    SECTION = "section"
    QUOTE = "quote"
    ASTERISM = "asterism"
    CHRONICLE_ENTRY = "chronicle-entry"
    CHRONICLE_YEAR = "chronicle-year"
    CHRONICLE = "chronicle"
    IMAGE = "image"
    LIST = "list"
    LIST_ITEM = "list-item"
    TABLE = "table"
    TABLE_ROW = "table-row"
    TABLE_CELL = "table-cell"
    NOTE = "note"
    FOOTNOTE = "footnote"
    WORK = "work"
    BOOK = "book"


class ParagraphRole(StrEnum):
    """What a paragraph is besides running text; its value is the class templates give it."""

    BODY = ""  # running text
    POINT = "point"  # a numbered or lettered point: "1. …", "a) …"
    DATELINE = "dateline"  # a place and date set off: "Moscow, March 1921"
    SIGNATURE = "signature"  # a signature set off to the right (a web page's p.sig)
    LINE = "line"  # a line set on its own: a title's line, a closing line, a signature
    NOTE = "note"  # the opening of a numbered endnote, in the volume's notes pages
    ENTRY = "entry"  # the opening of a dated chronicle entry
    VERSE = "verse"  # a stanza: its lines parted by LineBreaks


class Node:
    """What every node class shares: its tag and the fields holding its child nodes."""

    node: ClassVar[NodeKind]
    child_fields: ClassVar[tuple[str, ...]] = ()


# ---------------------------------------------------------------- inlines


@dataclass
class Text(Node):
    """A run of plain text (already typographically correct)."""

    text: str
    node = NodeKind.TEXT


@dataclass
class Emphasis(Node):
    """Emphasis; ``spaced`` marks the print's letter-spaced emphasis, ``style`` the kind a
    web page marks: "" (italic), "strong" (bold) or "small-caps"."""

    children: list[Inline]
    spaced: bool = False
    style: Literal["", "strong", "small-caps"] = ""
    node = NodeKind.EMPHASIS
    child_fields = ("children",)


@dataclass
class NoteRef(Node):
    """A reference to an endnote (``Book.notes``) or a footnote (``Work.footnotes``)."""

    target: str  # id of the Note or Footnote
    label: str  # what the print shows: "1", "*"
    kind: Literal["endnote", "footnote"] = "endnote"
    id: str = ""  # id of the reference itself, for back-links
    node = NodeKind.NOTEREF


@dataclass
class PageMarker(Node):
    """Where a printed page of the source edition begins (inline or between blocks)."""

    page: str  # the printed folio: "5", "XIV"
    scope: str = ""  # prefix keeping ids unique in a book gathered from several editions
    node = NodeKind.PAGEMARKER

    @property
    def id(self) -> str:
        return page_id(self.page, self.scope)


@dataclass
class PageRef(Node):
    """A cross-reference to a printed page of the source edition ("p. 206")."""

    page: str
    children: list[Inline]
    scope: str = ""  # as PageMarker.scope
    node = NodeKind.PAGEREF
    child_fields = ("children",)

    @property
    def target(self) -> str:
        return page_id(self.page, self.scope)


@dataclass
class LineBreak(Node):
    """A forced line break (verse, addresses, signatures)."""

    node = NodeKind.LINEBREAK


@dataclass
class Link(Node):
    """A cross-reference to an id elsewhere in the book (a work, a section, an Anchor)."""

    target: str
    children: list[Inline]
    node = NodeKind.LINK
    child_fields = ("children",)


@dataclass
class Anchor(Node):
    """A place in the text that a Link points at (a web page's ``<a name>``)."""

    id: str
    node = NodeKind.ANCHOR


Inline = Text | Emphasis | NoteRef | PageMarker | PageRef | LineBreak | Link | Anchor

# ---------------------------------------------------------------- blocks


@dataclass
class Paragraph(Node):
    """A paragraph; ``role`` says what it is besides running text (a role given as its
    string value, as a reader or the tree cache may, is taken as the ParagraphRole)."""

    inlines: list[Inline]
    role: ParagraphRole = ParagraphRole.BODY
    node = NodeKind.PARAGRAPH
    child_fields = ("inlines",)

    def __post_init__(self) -> None:
        self.role = ParagraphRole(self.role)


@dataclass
class Heading(Node):
    """A heading inside a work that does not open a section of the contents."""

    inlines: list[Inline]
    level: int = 2
    node = NodeKind.HEADING
    child_fields = ("inlines",)


@dataclass
class Section(Node):
    """A titled section within a work (I, II …; 1., 2. …), nested in the contents."""

    id: str
    title: list[Inline]
    blocks: list[Block] = field(default_factory=list)
    number: str = ""  # "I", "1." as printed before the title, if any
    node = NodeKind.SECTION
    child_fields = ("title", "blocks")


@dataclass
class Quote(Node):
    """A quotation set off from the text."""

    blocks: list[Block]
    node = NodeKind.QUOTE
    child_fields = ("blocks",)


@dataclass
class Asterism(Node):
    """The print's ``* * *`` break between passages."""

    node = NodeKind.ASTERISM


@dataclass
class ChronicleEntry(Node):
    """One dated entry of a chronicle: a date and what happened."""

    date: str
    blocks: list[Block]
    node = NodeKind.CHRONICLE_ENTRY
    child_fields = ("blocks",)


@dataclass
class ChronicleYear(Node):
    """A year heading of a chronicle with its entries."""

    year: str
    entries: list[ChronicleEntry]
    node = NodeKind.CHRONICLE_YEAR
    child_fields = ("entries",)


@dataclass
class Chronicle(Node):
    """A dated list (the biographical chronicle)."""

    years: list[ChronicleYear]
    node = NodeKind.CHRONICLE
    child_fields = ("years",)


@dataclass
class Image(Node):
    """An image of the text (a portrait, a facsimile), its bytes carried in the tree so the
    tree alone makes the book: ``data`` is base64, ``file`` a name unique to its bytes."""

    file: str
    media_type: str
    data: str
    alt: str = ""
    node = NodeKind.IMAGE


@dataclass
class ListItem(Node):
    """One item of a list."""

    blocks: list[Block]
    node = NodeKind.LIST_ITEM
    child_fields = ("blocks",)


@dataclass
class ItemList(Node):
    """A bulleted or numbered list."""

    items: list[ListItem]
    ordered: bool = False
    node = NodeKind.LIST
    child_fields = ("items",)


@dataclass
class TableCell(Node):
    """A cell of a simple table; ``header`` for a heading cell."""

    inlines: list[Inline]
    header: bool = False
    node = NodeKind.TABLE_CELL
    child_fields = ("inlines",)


@dataclass
class TableRow(Node):
    """A row of a simple table."""

    cells: list[TableCell]
    node = NodeKind.TABLE_ROW
    child_fields = ("cells",)


@dataclass
class Table(Node):
    """A simple table: rows of cells holding text."""

    rows: list[TableRow]
    node = NodeKind.TABLE
    child_fields = ("rows",)


Block = (Paragraph | Heading | Section | Quote | Asterism | PageMarker | Chronicle | Image
         | ItemList | Table)

# ---------------------------------------------------------------- notes


@dataclass
class Note(Node):
    """A numbered endnote of the book; ``cited_page`` is the printed page it cites;
    ``editorial`` for an editor's note."""

    id: str
    number: str
    blocks: list[Block]
    cited_page: str = ""
    editorial: bool = False
    node = NodeKind.NOTE
    child_fields = ("blocks",)


@dataclass
class Footnote(Node):
    """A page-foot footnote of a work (``*``, ``**``); ``editorial`` for "—Ed." notes."""

    id: str
    marker: str
    blocks: list[Block]
    editorial: bool = False
    node = NodeKind.FOOTNOTE
    child_fields = ("blocks",)


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
BACK_MATTER = ("notes", "chronicle")  # kinds of Work that are apparatus, not works


@dataclass
class Work(Node):
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
    node = NodeKind.WORK
    # as the templates render it: its title, its text, its footnotes, then its parts
    child_fields = ("title_refs", "subtitle_refs", "blocks", "footnotes", "children")

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
class Book(Node):
    """A whole book: metadata, its works in order, and its endnotes."""

    meta: Metadata
    works: list[Work] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # what reading it found to tell
    node = NodeKind.BOOK
    child_fields = ("works", "notes")

    def walk(self):
        """Yield every work of the book, depth first, in reading order."""
        for work in self.works:
            yield from work.walk()


def page_id(page: str, scope: str = "") -> str:
    """The XHTML id of a printed page's marker (``scope`` prefixes it in anthologies)."""
    return f"{scope}page-{page}"


def child_lists(node: Node) -> list[list[Node]]:
    """The lists holding a node's children, in reading order."""
    return [getattr(node, name) for name in node.child_fields]


def iter_nodes(*roots: Node, skip: tuple[type[Node], ...] = ()) -> Iterator[Node]:
    """Yield each root and every node below it, in reading order (as the templates render
    them); a node of a ``skip`` class below a root is left out with everything it holds."""
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        yield node
        for name in reversed(node.child_fields):
            items = getattr(node, name)
            stack.extend(reversed([i for i in items if not isinstance(i, skip)] if skip
                                  else items))
