"""A small Book that uses every node of the tree, for writer tests independent of the readers.

Its text is built here, not read from a source, so that the writers can be tested on
notes, footnotes, sections, parts, page markers and the chronicle before (and besides)
the OCR reader's real output.
"""

from __future__ import annotations

import base64
import hashlib
import io

from PIL import Image as Picture

from octavo.metadata import merge
from octavo.tree import (
    Anchor,
    Asterism,
    Book,
    Chronicle,
    ChronicleEntry,
    ChronicleYear,
    ClosingLine,
    Emphasis,
    Footnote,
    Heading,
    Image,
    ItemList,
    LineBreak,
    Link,
    ListItem,
    Metadata,
    Note,
    NoteRef,
    PageMarker,
    PageRef,
    Paragraph,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
    Text,
    Work,
)

LOREM = (
    "The development of the movement has a long history, covering several decades of "
    "theoretical work and of practical struggle, in the course of which the compact group "
    "of leading elements was formed and tested. "
)


def para(*inlines) -> Paragraph:
    return Paragraph([Text(i) if isinstance(i, str) else i for i in inlines])


def figure() -> Image:
    """A small drawn image, as a web page's reader carries one."""
    buffer = io.BytesIO()
    Picture.new("L", (40, 30), 128).save(buffer, "PNG")
    data = buffer.getvalue()
    return Image(f"{hashlib.sha256(data).hexdigest()[:16]}.png", "image/png",
                 base64.b64encode(data).decode(), alt="A grey field standing for a facsimile")


def rich_book() -> Book:
    """A two-work book with parts, sections, notes, footnotes, page markers and a chronicle."""
    meta = merge(Metadata(title="Works", volume="Volume 9", author="A. N. Author",
                          publisher="Sample House", place="Moscow", date="1953",
                          source="A. N. Author, Works, Vol. 9, Moscow 1953",
                          rights="Public domain."), {"book_id": "sample-works"})
    first = Work(
        id="our-disagreements", title="Our Disagreements", short_title="Our Disagreements",
        date="January 5, 1921", first_page="4", last_page="6",
        blocks=[
            PageMarker("4"),
            para("Our disagreements on the ", Emphasis([Text("trade-union")], spaced=True),
                 " question are not disagreements in principle.",
                 NoteRef("note-1", "1", id="noteref-1"), " " + LOREM * 3),
            Section("our-disagreements-i", [Text("Two Methods of Approach")], number="I",
                    blocks=[para(Anchor("two-methods"), LOREM * 4, PageMarker("5"), LOREM * 2,
                                 NoteRef("fn-1", "*", kind="footnote")),
                            Quote([para("“The press is a most powerful weapon.”", LineBreak(),
                                        "— from a letter")]),
                            para("See this volume, ", PageRef("6", [Text("p. 6")]), ".")]),
            Section("our-disagreements-ii", [Text("Conscious Democracy")], number="II",
                    blocks=[PageMarker("6"), para(LOREM * 3),
                            Quote([Paragraph([Text("Rise like Lions after slumber"), LineBreak(),
                                              Text("In unvanquishable number—"), LineBreak(),
                                              Text("Ye are many—they are few.")],
                                             role="verse")]),
                            Asterism(),
                            Paragraph([Text("1. A numbered point of the theses.")], role="point"),
                            Heading([Text("To the Mass of the Workers")]),
                            para("As ", Link("two-methods", [Text("the first section")]),
                                 " says, the ", Emphasis([Text("whole")], style="strong"),
                                 " Party, signed ", Emphasis([Text("The Author")],
                                                             style="small-caps"), "."),
                            ItemList([ListItem([para("The first demand.")]),
                                      ListItem([para("The second demand.")])], ordered=True),
                            Table([TableRow([TableCell([Text("Year")], header=True),
                                             TableCell([Text("Members")], header=True)]),
                                   TableRow([TableCell([Text("1921")]),
                                             TableCell([Text("732,521")])])]),
                            figure()]),
        ],
        footnotes=[Footnote("fn-1", "*", [para("A light cart on which a gun was mounted.")],
                            editorial=True)],
        closing=[ClosingLine("source", "Pravda, No. 12, January 19, 1921"),
                 ClosingLine("signature", "Signed: J. Stalin")],
    )
    congress = Work(
        id="the-tenth-congress", title="The Tenth Congress of the R.C.P.(B.)",
        short_title="Tenth Congress", date="March 8–16, 1921", first_page="7", last_page="8",
        blocks=[PageMarker("7")],
        children=[
            Work(id="the-tenth-congress-report", title="Report on the Immediate Tasks",
                 kind="part", subtitle=["March 10"], first_page="7", last_page="8",
                 blocks=[para(LOREM * 5, NoteRef("note-2", "2", id="noteref-2")),
                         PageMarker("8"), para(LOREM * 2)]),
            Work(id="the-tenth-congress-reply", title="Reply to the Discussion", kind="part",
                 subtitle=["March 10"], first_page="8", last_page="8",
                 blocks=[para(LOREM * 2)]),
        ],
    )
    chronicle = Work(
        id="biographical-chronicle", title="Biographical Chronicle (1921–1923)",
        kind="chronicle", first_page="9", last_page="9",
        blocks=[PageMarker("9"), Chronicle([ChronicleYear("1921", [
            ChronicleEntry("January 1–2", [para("The author directs the conference.")]),
            ChronicleEntry("March 8–16", [para("The author takes part in the congress.")]),
        ])])],
    )
    notes = [
        Note("note-1", "1", [para("This refers to the programme of the Party."),
                             para("Second paragraph of the note.")], cited_page="4"),
        Note("note-2", "2", [para("The Tenth Congress was held on March 8–16, 1921.")],
             cited_page="7", editorial=True),
    ]
    return Book(meta=meta, works=[first, congress, chronicle], notes=notes)
