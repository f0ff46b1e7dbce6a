"""Books of the archive's pages built into EPUB, PDF, pamphlets and readers: the text of the
pages, all of it, once and in order, and nothing of their navigation."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pypdf
import pytest
from cli_runner import octavo
from conftest import warning_codes
from html_pages import (
    FIXTURES,
    WLC,
    epub_works,
    norm,
    page,
    pages_in_order,
    paragraphs,
    pdf_body,
    text_blocks,
)
from pamphlet_checks import dangling_links, epubcheck_messages

from octavo import cache
from octavo.batch import prepare, run
from octavo.readers import FILE_READERS
from octavo.sources import Source, read_book
from octavo.writers import epub, pdf

ROOT = FIXTURES.parents[2]


@pytest.fixture(scope="module")
def wlc():
    """Wage Labour and Capital, read from its index page and chapter pages, built."""
    book = read_book(Source(WLC))
    return book, epub.build(book), pypdf.PdfReader(io.BytesIO(pdf.build(book).data))


def footer_texts() -> set[str]:
    """What the pages' navigation says (but the chapter titles its links name)."""
    said = {norm(p.text_content()) for path in WLC.glob("*.htm") for p in page(path).iter("p")
            if p.get("class") in ("footer", "toplink")}
    titles = {norm(h.text_content()) for path in WLC.glob("*.htm")
              for h in page(path).iter("h1", "h3", "h4")}
    return {s for s in said if not any(s.lower() in t.lower() for t in titles)}


def test_every_paragraph_of_the_pages_is_in_the_epub_once_in_order_word_for_word(wlc):
    _book, data, _ = wlc
    expected = [p for path in pages_in_order(WLC / "index.htm") for p in paragraphs(path)]
    found = [p for doc in epub_works(data) for p in text_blocks(doc)]
    assert len(expected) > 100 and found == expected


def test_each_chapter_is_a_work_titled_as_its_page(wlc):
    book, _, _ = wlc
    headings = [norm(page(p).find(".//h3").text_content())
                for p in pages_in_order(WLC / "index.htm")]
    assert [norm(" ".join([w.title, *w.subtitle])) for w in book.works] == headings
    assert (book.meta.title, book.meta.author) == ("Wage Labour and Capital", "Karl Marx")
    assert book.meta.first_published.startswith("Neue Rheinische Zeitung, April 5–8")


def test_no_navigation_reaches_the_epub_or_the_pdf(wlc):
    _, data, reader = wlc
    z = zipfile.ZipFile(io.BytesIO(data))
    text = norm(" ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")))
    body = pdf_body(reader)
    navigation = footer_texts()
    assert "Wage Labour and Capital Index" in navigation
    for said in navigation:
        assert said not in text and said not in body, said


def test_the_pdf_holds_every_paragraph_in_order(wlc):
    _, _, reader = wlc
    body = pdf_body(reader)
    at = body.index(norm(paragraphs(WLC / "ch01.htm")[0]))
    for path in pages_in_order(WLC / "index.htm"):
        for paragraph in paragraphs(path):
            found = body.find(paragraph, at)
            assert found >= at, (path.name, paragraph[:60])
            at = found + len(paragraph)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[-9:] == [w.title for w in wlc[0].works]


def test_a_pamphlet_per_chapter(tmp_path):
    made = run(prepare(Source(WLC), [], tmp_path, ("epub", "pdf")), 2)
    chapters = pages_in_order(WLC / "index.htm")
    epubs = sorted(m.path for m in made if m.path.suffix == ".epub")
    pdfs = sorted(m.path for m in made if m.path.suffix == ".pdf")
    assert len(epubs) == len(pdfs) == len(chapters)
    texts = [tuple(p for doc in epub_works(path.read_bytes()) for p in text_blocks(doc))
             for path in epubs]
    assert sorted(texts) == sorted(tuple(paragraphs(c)) for c in chapters)
    assert all(dangling_links(path) == [] for path in epubs)
    assert epubcheck_messages(epubs[0]) == []
    for path, text in zip(pdfs, texts, strict=True):  # the same work, by the same name
        body = pdf_body(pypdf.PdfReader(path))
        assert text[0] in body and text[-1] in body, path.name



def test_links_between_pages_land_on_their_anchor_in_the_epub(tmp_path, octavo_warnings):
    path = tmp_path / "manifesto.epub"
    path.write_bytes(epub.build(read_book(Source(FIXTURES / "manifesto"))))
    z = zipfile.ZipFile(path)
    prefaces = z.read("EPUB/prefaces.xhtml").decode()  # a group's parts are one document
    assert 'href="the-manifesto.xhtml#i-bourgeois-and-proletarians-history"' in prefaces
    manifesto = z.read("EPUB/the-manifesto.xhtml").decode()
    assert ('<span id="i-bourgeois-and-proletarians-history"></span>The history of all '
            "hitherto existing society") in manifesto
    (image,) = [n for n in z.namelist() if n.startswith("EPUB/images/")]
    assert z.read(image) == (FIXTURES / "manifesto/images/title-page.png").read_bytes()
    assert dangling_links(path) == []
    assert warning_codes(octavo_warnings) == {"w-003"}  # the index's unsaved page


def test_a_reader_mixes_html_pages_and_the_ocr_volume(tmp_path, octavo_warnings):
    reader = tmp_path / "reader.toml"
    reader.write_text(f"""title = "Wages and the Press"
book_id = "wages-and-the-press"
[[work]]
source = "{ROOT / 'input/stalin-works-05.ocr.txt'}"
work = "The Press as a Collective Organiser"
[[work]]
source = "{WLC}"
work = "what-are-wages"
[[work]]
source = "{FIXTURES / 'manifesto'}"
work = "I. Bourgeois"
[[work]]
source = "{FIXTURES / 'common-sense.htm'}"
""")
    run = octavo("anthology", reader, "--out", tmp_path, "--format", "epub")
    assert run.code == 0, run
    path = tmp_path / "wages-and-the-press.epub"
    assert epubcheck_messages(path) == [] and dangling_links(path) == []
    works = [text_blocks(doc) for doc in epub_works(path.read_bytes())]
    assert works[1] == paragraphs(WLC / "ch02.htm")  # after the volume's work, as named
    paine = paragraphs(FIXTURES / "common-sense.htm",
                       ("title", "date", "information", "note", "endnote"))[:-1]  # less nav
    assert len(works[3]) == len(paine) and works[3][-1] == paine[-1]  # refs renumbered
    z = zipfile.ZipFile(path)
    notes = z.read("EPUB/endnotes.xhtml").decode()
    assert "By bourgeoisie is meant" in notes and "the printer was Robert Bell" in notes
    assert warning_codes(octavo_warnings) == {"w-003"}  # the index's unsaved page


def test_the_tree_cache_follows_every_page_and_image_of_a_book(tmp_path, monkeypatch,
                                                               octavo_warnings):
    book = tmp_path / "manifesto"
    shutil.copytree(FIXTURES / "manifesto", book)
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path / "trees"))
    calls = []
    reader = FILE_READERS["html"]
    monkeypatch.setitem(FILE_READERS, "html", lambda *a: calls.append(a) or reader(*a))
    first = cache.read_cached(Source(book))
    assert cache.read_cached(Source(book)) == first and len(calls) == 1
    (book / "unlinked.htm").write_text("<p>changed, but no page of the book</p>")
    cache.read_cached(Source(book))
    assert len(calls) == 1
    for changed in ("ch02.htm", "images/title-page.png", "index.htm"):
        (book / changed).write_bytes((book / changed).read_bytes() + b" ")
        cache.read_cached(Source(book))
    assert len(calls) == 4
    assert warning_codes(octavo_warnings) == {"w-003"}  # read four times


def test_an_epub_without_source_pages_says_nothing_of_them(tmp_path):
    run = octavo("build", WLC, "--out", tmp_path)
    assert run.code == 0, run
    epub_line, pdf_line = run.stdout.splitlines()
    assert epub_line.endswith("KB") and "pages" not in epub_line
    assert pdf_line.endswith(" pages")


def test_notes_numbered_afresh_in_each_chapter_are_listed_under_it(tmp_path, octavo_warnings):
    book = read_book(Source(FIXTURES / "manifesto"))
    notes = zipfile.ZipFile(io.BytesIO(epub.build(book))).read("EPUB/endnotes.xhtml").decode()
    lists = [(h2, re.findall(r'<li id="[^"]+"[^>]* value="(\d+)"', ol))
             for h2, ol in re.findall(r"<h2>([^<]+)</h2>\s*<ol[^>]*>(.*?)</ol>", notes, re.S)]
    assert lists == [("Preamble", ["1"]), ("I. Bourgeois and Proletarians", ["1", "2", "3"])]
    text = pdf_body(pypdf.PdfReader(io.BytesIO(pdf.build(book).data)))
    assert text.index("PREAMBLE 1 François Guizot") < text.index(
        "I. BOURGEOIS AND PROLETARIANS 1 By bourgeoisie")
    assert warning_codes(octavo_warnings) == {"w-003"}


def test_pamphlets_of_pages_without_source_pages_show_none(tmp_path):
    run = octavo("pamphlets", WLC, "--all", "--format", "epub", "--jobs", "1",
                 "--out", tmp_path)
    assert run.code == 0, run
    rows = [line.split() for line in run.stdout.splitlines() if ".epub" in line]
    assert len(rows) == len(pages_in_order(WLC / "index.htm"))
    assert {row[-3] for row in rows} == {"\u2013"}  # the pages column: no source pages
