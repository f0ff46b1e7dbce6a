"""The EPUB writer: XHTML documents from the templates, packaged by ebooklib.

Every document is rendered by a Jinja template and stored verbatim (as a plain
``EpubItem``), so ebooklib only writes the package: manifest, spine, metadata.
The result is EPUB 3.3 with an EPUB 2 NCX and guide for older readers.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import datetime
import functools
import io
from collections.abc import Iterator
from pathlib import Path

from ebooklib import epub

from .. import forked
from ..ids import IdAllocator
from ..paths import STYLES
from ..render import environment, linker, notes_by_id, notes_placed, render, toc_entries
from ..tree import Book, Image, Metadata, Node, NoteRef, PageMarker, Work, iter_nodes, page_id
from .cover import cover_png
from .endnotes import note_groups
from .epub_meta import describe, full_title
from .zipfix import normalise

STYLESHEET = "style.css"
COVER_IMAGE = "cover.png"
NAV = "nav.xhtml"
NAV_POSITION = 2  # in the spine and the landmarks: after the cover and the title page
GUIDE = {"cover": "cover", "titlepage": "title-page", "toc": "toc", "bodymatter": "text",
         "endnotes": "notes"}  # EPUB 3 landmarks as EPUB 2 guide types
BODY_TYPES = {"preface": "frontmatter", "appendix": "backmatter",
              "chronicle": "backmatter"}  # the rest is body matter
MODIFIED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
CHILD_NODES = 0.25  # of the documents' nodes rendered by the child that draws the cover too:
# about half the work (the sample volume's cover takes 0.024 s, rendering its 4,400 nodes 0.052 s)
TEMPLATES = ("epub-", "_")  # the names of the templates an EPUB is rendered with begin so


@dataclasses.dataclass
class Document:
    """One XHTML document of the EPUB and what it holds."""

    file: str
    title: str
    template: str
    body_type: str = ""
    landmark: tuple[str, str] | None = None  # (epub:type, label)
    work: Work | None = None
    content: list[Node] = dataclasses.field(default_factory=list)  # the tree nodes it renders

    @property
    def uid(self) -> str:
        return Path(self.file).stem


def plan(book: Book) -> list[Document]:
    """The documents of the book in reading order (the navigation document aside)."""
    docs = [Document("cover.xhtml", "Cover", "epub-cover.xhtml", body_type="cover",
                     landmark=("cover", "Cover")),
            Document("titlepage.xhtml", "Title Page", "epub-titlepage.xhtml",
                     body_type="frontmatter", landmark=("titlepage", "Title Page"))]
    for work in book.works:
        if work.kind == "notes":  # the contents place the endnotes here
            docs.append(_notes_document(book, work.title))
            continue
        docs.append(Document(f"{work.id}.xhtml", work.title or full_title(book.meta),
                             "epub-work.xhtml", body_type=BODY_TYPES.get(work.kind, "bodymatter"),
                             work=work, content=[work]))
    if book.notes and not notes_placed(book):
        docs.append(_notes_document(book, "Notes"))
    docs.append(Document("colophon.xhtml", "Colophon", "epub-colophon.xhtml",
                         body_type="backmatter"))
    works = [d for d in docs if d.work is not None]
    body = [d for d in works if d.body_type == "bodymatter"] or works
    if first_body := next(iter(body), None):
        first_body.landmark = ("bodymatter", "Start of Content")
    return docs


def _notes_document(book: Book, title: str) -> Document:
    return Document("endnotes.xhtml", title or "Notes", "epub-notes.xhtml",
                    body_type="backmatter", landmark=("endnotes", title or "Notes"),
                    content=list(book.notes))


@dataclasses.dataclass
class Locations:
    """Where each linkable id lives: its document, and its place in the reading order."""

    file: dict[str, str] = dataclasses.field(default_factory=dict)
    order: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    pages: list[PageMarker] = dataclasses.field(default_factory=list)
    sizes: list[int] = dataclasses.field(default_factory=list)  # each document's nodes

    def position(self, href: str) -> tuple[int, int]:
        """The reading-order position of ``file#id`` (a document's start for ``file``)."""
        file, _, ident = href.partition("#")
        return self.order.get(ident) or self.order[file]


def locate(docs: list[Document]) -> Locations:
    """Which document holds each id, in what order, and the page markers in reading order."""
    found = Locations()
    for number, doc in enumerate(docs):
        found.order[doc.file] = (number, 0)
        step = 0
        for step, node in enumerate(iter_nodes(*doc.content), 1):  # as they are rendered
            ident = getattr(node, "id", "")
            if isinstance(ident, str) and ident:
                found.file[ident] = doc.file
                found.order[ident] = (number, step)
            if isinstance(node, PageMarker):
                found.pages.append(node)
        found.sizes.append(step)
    found.file["endnotes"] = "endnotes.xhtml"
    return found


def with_reference_ids(book: Book, own: bool = False) -> Book:
    """A copy of the book (the book itself if it is ``own``) in which every note reference
    has an id to link back to."""
    book = book if own else copy.deepcopy(book)
    allocate = IdAllocator()
    refs: list[NoteRef] = []
    for node in iter_nodes(book):
        if isinstance(node, NoteRef):
            refs.append(node)
        if isinstance(ident := getattr(node, "id", ""), str) and ident:
            allocate.taken.add(ident)
    for ref in refs:
        if not ref.id:
            ref.id = allocate(f"{ref.target}-ref")
    return book


def backlinks_of(book: Book) -> dict[str, list[str]]:
    """For each note or footnote, the ids of the references to it, in reading order."""
    links: dict[str, list[str]] = {}
    for node in iter_nodes(book):
        if isinstance(node, NoteRef):
            links.setdefault(node.target, []).append(node.id)
    return links


def play_order(toc: list[dict], pages: list[dict], where: Locations) -> int:
    """Number the NCX's nav points and page targets in reading order; return the toc depth."""
    def flat(entries: list[dict]) -> Iterator[dict]:
        for e in entries:
            yield e
            yield from flat(e["children"])

    targets = [*flat(toc), *pages]
    ranks = {p: n for n, p in enumerate(sorted({where.position(t["href"]) for t in targets}), 1)}
    for number, target in enumerate(targets, 1):
        target["order"], target["nav_id"] = ranks[where.position(target["href"])], f"nav-{number}"

    def depth(entries: list[dict]) -> int:
        return max((1 + depth(e["children"]) for e in entries), default=0)

    return depth(toc)


class PackageWriter(epub.EpubWriter):
    """ebooklib's writer, with the book's language on the package element too (EPUB a11y).

    ebooklib has no option for it, so this overrides its private ``_write_opf_file``, which
    is handed the package element just before it is written. The hook is fenced as
    ``pdf_folios``' is: pyproject pins ebooklib to the versions whose writer calls it, and
    ``write`` fails loudly if it did not run rather than package a book without its
    language (tests/test_epub.py is the canary).
    """

    hooked = False

    def _write_opf_file(self, root) -> None:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", self.book.language)
        self.hooked = True
        super()._write_opf_file(root)

    def write(self) -> None:
        super().write()
        if not self.hooked:
            raise RuntimeError("ebooklib wrote the package without octavo's hook "
                               "(_write_opf_file); its writer's internals have changed "
                               "(pyproject pins them)")


def images_of(book: Book) -> list[Image]:
    """The book's images, each file once, in reading order."""
    found = {n.file: n for root in [*book.works, *book.notes] for n in iter_nodes(root)
             if isinstance(n, Image)}
    return list(found.values())


def _item(uid: str, file: str, media_type: str, content: bytes, *properties: str):
    item = epub.EpubItem(uid=uid, file_name=file, media_type=media_type, content=content)
    item.properties = list(properties)
    return item


def _rendered(docs: list[Document], sizes: list[int], common: dict[str, object],
              meta: Metadata) -> tuple[list[str], bytes]:
    """The documents' XHTML (``sizes``: their nodes) and the cover's PNG, made on two
    cores: a forked child draws the cover and renders the last documents, which hold a
    quarter of the nodes."""
    jobs = [functools.partial(render, d.template, title=d.title, body_type=d.body_type,
                              work=d.work, **common) for d in docs]
    cut, left = len(docs), CHILD_NODES * sum(sizes)
    while cut and left > 0:
        cut -= 1
        left -= sizes[cut]
    *xhtml, cover = forked.mapped(lambda job: job(), [*jobs, functools.partial(cover_png, meta)],
                                  cut)
    return xhtml, cover


def build(book: Book, own: bool = False) -> bytes:
    """The EPUB of a book, as reproducible bytes (``own``: the book may be changed, as the
    caller keeps no use of it)."""
    book = with_reference_ids(book, own)
    meta = book.meta
    docs = plan(book)
    where = locate(docs)
    href = linker(where.file)
    toc = toc_entries(book, href)
    pages = [{"label": m.page, "href": href(m.id)} for m in where.pages]
    common = {"lang": meta.language, "stylesheet": STYLESHEET, "meta": meta,
              "medium": "epub", "href": href, "note": notes_by_id(book).__getitem__,
              "book_title": full_title(meta), "cover_image": COVER_IMAGE,
              "backlinks": backlinks_of(book), "pages": pages,
              "note_lists": note_groups(book, per_work=False),
              "page_href": lambda page: href(page_id(page)) if page_id(page) in where.file else ""}
    xhtml, cover = _rendered(docs, where.sizes, common, meta)

    package = epub.EpubBook()
    images = images_of(book)
    describe(package, meta, pages=bool(pages), cover_id="cover-image", images=bool(images))
    package.add_item(_item("css", STYLESHEET, "text/css", (STYLES / "epub.css").read_bytes()))
    package.add_item(_item("cover-image", COVER_IMAGE, "image/png", cover, "cover-image"))
    for image in images:
        package.add_item(_item(f"image-{Path(image.file).stem}", f"images/{image.file}",
                               image.media_type, base64.b64decode(image.data)))

    landmarks = [{"type": d.landmark[0], "href": d.file, "label": d.landmark[1]}
                 for d in docs if d.landmark]
    landmarks.insert(NAV_POSITION, {"type": "toc", "href": f"{NAV}#toc", "label": "Contents"})
    for doc, text in zip(docs, xhtml, strict=True):
        item = _item(doc.uid, doc.file, "application/xhtml+xml", text.encode())
        package.add_item(item)
        package.spine.append(item)
    nav = _item("nav", NAV, "application/xhtml+xml",
                render("epub-nav.xhtml", title="Contents", body_type="frontmatter", toc=toc,
                       landmarks=landmarks, **common).encode(), "nav")
    package.add_item(nav)
    package.spine.insert(NAV_POSITION, nav)

    depth = play_order(toc, pages, where)
    package.add_item(_item("ncx", "toc.ncx", "application/x-dtbncx+xml",
                           render("epub-toc.ncx", toc=toc, depth=depth, **common).encode()))
    package.guide = [{"type": GUIDE[e["type"]], "href": e["href"], "title": e["label"]}
                     for e in landmarks]
    buffer = io.BytesIO()
    # level 0: the package is compressed once, by normalise, which rewrites every entry
    writer = PackageWriter(buffer, package, {"mtime": MODIFIED, "epub3_pages": False,
                                             "epub3_landmark": False, "raise_exceptions": True,
                                             "compresslevel": 0})
    writer.process()
    writer.write()
    return normalise(buffer.getvalue())


def prepare() -> None:
    """Compile the templates an EPUB is rendered with, and draw a cover (which loads its
    faces and Pillow's PNG writer), ahead of the book."""
    env = environment()
    for name in env.list_templates(filter_func=lambda n: n.startswith(TEMPLATES)):
        env.get_template(name)
    cover_png(Metadata(title="Title", author="Author", volume="Volume", extract="Extract",
                       publisher="Publisher"))


def count_pages(book: Book) -> int:
    """How many printed pages of the source edition the EPUB's page-list holds."""
    return len(locate(plan(book)).pages)
