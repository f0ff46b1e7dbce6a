"""A book of pages: an index page whose contents link the chapter pages, read as one book;
or a single page, read as one work.

The index page is ``index.htm`` (or ``index.html``) in the source's folder, or the page
given when it is so named. Its links to pages saved in its folder (or below), in order and
each once, are the book's works; headings between them group them (Part I, Part II). The
book's author, title and information come from the index's title block, failing that from
the first chapter's. Pages the index doesn't link are not read; the index's own text
besides its contents is left out, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml.html import HtmlElement

from ...errors import SourceError, SourceTooLarge
from ...files import MAX_SOURCE_MB, read_bytes
from ...ids import IdAllocator
from ...metadata import LANGUAGE
from ...tree import Book, ClosingLine, Metadata, Note, Text, Work, iter_nodes
from ..index_page import index_of
from ..info import source_pages
from . import clean, links, load, titles
from .images import local_path
from .notes import leaves
from .page import Prepared, prepare, work
from .told import on_page, tell

PAGE_SUFFIXES = (".htm", ".html", ".xhtml")
CONTENTS_HEADINGS = {"contents", "table of contents", "index", "chapters"}  # no group's name


@dataclass
class Entry:
    """A page the index links: where, what the link says, the heading it stands under."""

    path: Path
    text: str
    group: str = ""


def contents(root: HtmlElement, path: Path, skipped: frozenset | set = frozenset()
             ) -> list[Entry]:
    """The saved pages an index page links, in order, each once, with the headings they
    stand under (``skipped``: the index's title block, no heading of its contents)."""
    folder, found, seen = path.parent, [], {path.resolve()}
    group = ""
    for element in root.iter():
        if not isinstance(element.tag, str) or element in skipped:
            continue
        if element.tag in titles.HEADINGS and element.find(".//a[@href]") is None:
            heading = clean.text_of(element)
            group = "" if heading.lower().rstrip(":") in CONTENTS_HEADINGS else heading
        elif element.tag == "a" and (href := element.get("href")):
            target = local_path(href, folder, folder)
            if (target is not None and target not in seen and target.is_file()
                    and target.suffix.lower() in PAGE_SUFFIXES):
                seen.add(target)
                found.append(Entry(target, clean.text_of(element), group))
    return found


def _language(root: HtmlElement) -> str:
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
            or "").strip()
    return lang if LANGUAGE.fullmatch(lang) else ""


def _meta(head: titles.TitleBlock, title: str, root: HtmlElement) -> Metadata:
    """A book's metadata from a page's title block and information."""
    meta = head.info.meta
    meta.author = head.author or head.head_author
    meta.title = title
    meta.language = _language(root) or meta.language
    return meta


def _link(pages: list[Prepared], site: links.Site, allocate: IdAllocator) -> None:
    """Set every page's links inside the book, and the anchors they lead to."""
    places = {p.page.path.resolve() if p.page.path else None: (p, links.places(p.page.body))
              for p in pages}
    anchors: dict[HtmlElement, str] = {}
    for prepared in pages:
        skipped = {m for n in prepared.notes.notes for m in [*n.markers, *n.hidden]}
        for a, (path, fragment) in links.wanted(prepared.page.body, prepared.page.path, site,
                                                skipped).items():
            target, named = places.get(path, (None, {}))
            if target is None:
                continue
            element = named.get(fragment) if fragment else None
            if element is None or element in target.head.elements:
                if element is not None or not fragment or target is not prepared:
                    prepared.ctx.links[a] = target.work_id  # the page itself
                continue
            if element not in anchors:
                anchors[element] = allocate(f"{target.work_id} {fragment}")
                target.ctx.anchors[element] = anchors[element]
            prepared.ctx.links[a] = anchors[element]


def _any_text(book: Book) -> Book:
    """The book, with a warning if its pages hold no text at all."""
    if not any(isinstance(n, Text) and n.text.strip() for w in book.works
               for n in iter_nodes(w)):
        tell("w-005", "the page holds no text (only markup, images or navigation)")
    return book


def single(page: load.Page) -> Book:
    """A book of one page."""
    allocate = IdAllocator()
    prepared = prepare(page, page.folder)
    prepared.ctx.ids = allocate
    prepared.work_id = allocate(prepared.title or "text")
    path = page.path.resolve() if page.path else None
    _link([prepared], links.Site({path: prepared.work_id} if path else {}), allocate)
    found, notes = work(prepared)
    book = Book(meta=_meta(prepared.head, found.title, page.root), works=[found], notes=notes)
    found.first_page, found.last_page = source_pages(book.meta.source)
    if prepared.ctx.links:
        links.settle(book)
    return _any_text(book)


def read(path: Path, fix: Callable[[str], str] | None = None) -> Book:
    """The book a source names: a folder or index page with its chapters, or one page
    (``fix``: an editor's corrections, applied to a single page's text)."""
    index = index_of(path)
    if path.is_dir() and index is None:
        raise SourceError("is a directory without an index page (index.htm or index.html), "
                          "so neither a source text nor a book of pages", path)
    page_path = index or path
    page = load.load(read_bytes(page_path), page_path, fix)
    if index is None:
        return single(page)
    head = titles.head_of(page.root)
    clean.drop_unread(page.root)
    block = titles.take(page.body, head)
    entries = contents(page.root, index, set(block.elements))
    if not entries:
        return single(page)
    if fix is not None:
        tell("c-002", "an editor's corrections apply to a single page, not to a book of "
             "pages; they are not applied")
    _own_text(page, block, entries)
    _unsaved(page.root, index)
    return _book(page, block, index, entries)


def _unsaved(root: HtmlElement, path: Path) -> None:
    """Warn of the pages the index links in its folder that were not saved with it."""
    missing = dict.fromkeys(
        target.relative_to(path.parent.resolve()) for a in root.iter("a")
        if (target := local_path(a.get("href") or "", path.parent, path.parent)) is not None
        and target.suffix.lower() in PAGE_SUFFIXES and not target.exists())
    if missing:
        tell("w-003", f"the index links {len(missing)} page(s) not saved in its folder, left "
             "out: " + ", ".join(map(str, missing)))


def _book(index: load.Page, block: titles.TitleBlock, path: Path, entries: list[Entry]) -> Book:
    folder, allocate = path.parent.resolve(), IdAllocator()
    pages, total = [], 0
    for entry in entries:
        try:
            data = read_bytes(entry.path)
            total += len(data)
            if total > MAX_SOURCE_MB * 1024 * 1024:
                raise SourceTooLarge(f"its pages are more than {MAX_SOURCE_MB} MB; octavo "
                                     f"reads sources of up to {MAX_SOURCE_MB} MB", path)
            with on_page(entry.path, folder):  # what is told of a page names it
                prepared = prepare(load.load(data, entry.path), folder)
        except SourceTooLarge:
            raise
        except SourceError as exc:  # a page that is empty, binary, in no known encoding
            tell("w-003", f"{exc}; left out")
            continue
        prepared.ctx.ids = allocate
        prepared.work_id = allocate(prepared.title or entry.text or entry.path.stem)
        pages.append((entry, prepared))
    _link([p for _, p in pages], links.Site({e.path: p.work_id for e, p in pages}), allocate)
    works, notes = _works(pages, allocate)
    first = pages[0][1].head if pages else block
    title = (titles.lines_of(block.title)[0] if block.title is not None
             else block.collection or first.collection or block.head_title)
    block.author = block.author or block.head_author or first.author or first.head_author
    meta = _meta(block, title, index.root)
    meta.subtitle = "; ".join(clean.text_of(e) for e in block.subtitle)
    book = Book(meta=meta, works=works, notes=notes)
    _closing_lines(book, [p for _, p in pages])
    if any(p.ctx.links for _, p in pages):
        links.settle(book)
    return _any_text(book)


def _works(pages: list[tuple[Entry, Prepared]], allocate: IdAllocator
           ) -> tuple[list[Work], list[Note]]:
    """The chapters as works, grouped under the index's headings when it has several."""
    works: list[Work] = []
    notes: list[Note] = []
    groups = {e.group for e, _ in pages}
    grouped: dict[str, Work] = {}
    for entry, prepared in pages:
        chapter, found = work(prepared, entry.text)
        notes += found
        if len(groups) > 1 and entry.group:
            if entry.group not in grouped:
                grouped[entry.group] = Work(allocate(entry.group), entry.group, kind="group")
                works.append(grouped[entry.group])
            grouped[entry.group].children.append(chapter)
        else:
            works.append(chapter)
    return works, notes


def _closing_lines(book: Book, pages: list[Prepared]) -> None:
    """A chapter's own publication lines (an article's), where the book's differ."""
    chapters = {w.id: w for w in book.walk()}
    for prepared in pages:
        meta = prepared.head.info.meta
        for line in (meta.first_published, meta.source):
            if line and line not in (book.meta.first_published, book.meta.source):
                chapters[prepared.work_id].closing.append(ClosingLine("source", line))


def _own_text(page: load.Page, block: titles.TitleBlock, entries: list[Entry]) -> None:
    """Warn of the index's text besides its title block, contents and navigation."""
    linked = {e.path for e in entries}
    folder = page.path.parent if page.path else None
    own = sum(1 for leaf in leaves(page.body)
              if leaf not in block.elements and leaf.tag not in titles.HEADINGS
              and clean.text_of(leaf) and not clean.is_navigation(leaf)
              and not any(local_path(a.get("href") or "", folder, folder) in linked
                          for a in leaf.iter("a")))
    if own:
        tell("w-004", f"the index page has {own} paragraph(s) of its own besides its "
             "contents; only the pages it links are read")


def files(path: Path) -> list[Path]:
    """The files a source is read from: its page or index, the pages the index links, and
    the images they show that are saved in the folder."""
    index = index_of(path)
    first = (index or path).resolve()
    found: list[Path] = []
    try:
        trees = {first: load.parse_bytes(read_bytes(first))}
        for entry in contents(trees[first], first) if index else []:
            trees[entry.path] = load.parse_bytes(read_bytes(entry.path))
    except SourceError:
        return [first]
    for page, tree in trees.items():
        found.append(page)
        found += [p for img in tree.iter("img")
                  if (p := local_path(img.get("src") or "", page.parent, first.parent))
                  and p.is_file()]
    return sorted(set(found))
