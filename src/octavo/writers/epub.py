"""The EPUB writer: XHTML documents from the templates, packaged by ebooklib.

Every document is rendered by a Jinja template and stored verbatim (as a plain
``EpubItem``), so ebooklib only writes the package: manifest, spine, metadata.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from ebooklib import epub

from ..paths import STYLES
from ..render import linker, notes_by_id, notes_placed, page_markers, render, toc_entries
from ..tree import Book, NoteRef, PageMarker, Work, iter_nodes
from .zipfix import normalise

STYLESHEET = "style.css"
MODIFIED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class Document:
    """One XHTML document of the EPUB and what it holds."""

    file: str
    title: str
    template: str
    body_type: str = ""
    landmark: tuple[str, str] | None = None  # (epub:type, label)
    work: Work | None = None
    context: dict[str, object] = field(default_factory=dict)


def plan(book: Book) -> list[Document]:
    """The documents of the book in reading order."""
    docs = [Document("titlepage.xhtml", "Title Page", "epub-titlepage.xhtml",
                     body_type="frontmatter", landmark=("titlepage", "Title Page"))]
    for work in book.works:
        if work.kind == "notes":
            docs.append(_notes_document(work.title))
            continue
        docs.append(Document(f"{work.id}.xhtml", work.title, "epub-work.xhtml",
                             body_type="backmatter" if work.kind in ("appendix", "chronicle")
                             else "bodymatter", work=work))
    if book.notes and not notes_placed(book):
        docs.append(_notes_document("Notes"))
    docs.append(Document("colophon.xhtml", "Colophon", "epub-colophon.xhtml",
                         body_type="backmatter"))
    first_body = next((d for d in docs if d.work is not None), None)
    if first_body:
        first_body.landmark = ("bodymatter", "Start of Content")
    return docs


def _notes_document(title: str) -> Document:
    return Document("endnotes.xhtml", title, "epub-notes.xhtml", body_type="backmatter",
                    landmark=("endnotes", title))


def locate(book: Book, docs: list[Document]) -> dict[str, str]:
    """Which document holds each linkable id."""
    where: dict[str, str] = {}
    for doc in docs:
        if doc.work is not None:
            for node in iter_nodes(doc.work):
                if isinstance(node, PageMarker):
                    where[node.id] = doc.file
                elif isinstance(ident := getattr(node, "id", ""), str) and ident:
                    where[ident] = doc.file
    where.update((n.id, "endnotes.xhtml") for n in book.notes)
    where.update((m.id, "endnotes.xhtml") for n in book.notes for m in iter_nodes(n)
                 if isinstance(m, PageMarker))
    where["endnotes"] = "endnotes.xhtml"
    return where


def _number_ncx(entries: list[dict], counter: list[int] | None = None) -> int:
    """Give NCX navPoints ids and play order; return the depth."""
    counter = counter if counter is not None else [0]
    depth = 0
    for e in entries:
        counter[0] += 1
        e["order"], e["nav_id"] = counter[0], f"nav-{counter[0]}"
        depth = max(depth, 1 + _number_ncx(e["children"], counter))
    return depth


def build(book: Book) -> bytes:
    """The EPUB of a book, as reproducible bytes."""
    meta = book.meta
    docs = plan(book)
    where = locate(book, docs)
    href = linker(where)
    backlinks: dict[str, list[str]] = {}
    for work in book.works:
        for node in iter_nodes(work):
            if isinstance(node, NoteRef) and node.kind == "endnote" and node.id:
                backlinks.setdefault(node.target, []).append(node.id)
    lookup = notes_by_id(book)
    common = {"lang": meta.language, "stylesheet": STYLESHEET, "meta": meta,
              "medium": "epub", "href": href, "note": lookup.__getitem__}

    package = epub.EpubBook()
    package.set_identifier(meta.identifier)
    package.set_title(meta.title)
    package.set_language(meta.language)
    if meta.author:
        package.add_author(meta.author)
    for name in ("publisher", "source", "rights", "date", "description"):
        if value := getattr(meta, name):
            package.add_metadata("DC", name, value)
    package.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET, media_type="text/css",
                                   content=(STYLES / "epub.css").read_bytes()))

    for doc in docs:
        xhtml = render(doc.template, title=doc.title, body_type=doc.body_type, work=doc.work,
                       notes=book.notes, backlinks=backlinks, **common, **doc.context)
        item = epub.EpubItem(uid=Path(doc.file).stem, file_name=doc.file,
                             media_type="application/xhtml+xml", content=xhtml.encode())
        package.add_item(item)
        package.spine.append(item)

    toc = toc_entries(book, href)
    landmarks = [{"type": "toc", "href": "nav.xhtml#toc", "label": "Contents"}]
    landmarks += [{"type": d.landmark[0], "href": d.file, "label": d.landmark[1]}
                  for d in docs if d.landmark]
    pages = [{"label": m.page, "href": href(m.id)} for m in page_markers(book)]
    nav = epub.EpubItem(uid="nav", file_name="nav.xhtml", media_type="application/xhtml+xml",
                        content=render("epub-nav.xhtml", title="Contents", body_type="",
                                       toc=toc, landmarks=landmarks, pages=pages,
                                       **common).encode())
    nav.properties = ["nav"]
    package.add_item(nav)
    package.spine.insert(1, nav)
    depth = _number_ncx(toc)
    package.add_item(epub.EpubItem(uid="ncx", file_name="toc.ncx",
                                   media_type="application/x-dtbncx+xml",
                                   content=render("epub-toc.ncx", toc=toc, depth=depth,
                                                  meta=meta).encode()))
    buffer = io.BytesIO()
    epub.write_epub(buffer, package, {"mtime": MODIFIED, "epub3_pages": False})
    return normalise(buffer.getvalue())


def count_pages(book: Book) -> int:
    """How many printed pages of the source edition the EPUB's page-list holds."""
    return len(page_markers(book))
