"""The HTML reader on the archive's pages and ours: title blocks, notes of every kind,
encodings, old and broken markup, images, and what must never get through."""

from __future__ import annotations

import base64
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_runner import assert_fails_cleanly, octavo
from conftest import warning_codes
from html_pages import FIXTURES, WLC, norm, page, paragraphs

from octavo.errors import SourceEmpty, SourceNotText
from octavo.readers import READERS
from octavo.readers.html import read
from octavo.sources import Source, discover, read_book
from octavo.tree import (
    Asterism,
    Emphasis,
    Footnote,
    Image,
    ItemList,
    LineBreak,
    Link,
    Note,
    NoteRef,
    Paragraph,
    ParagraphRole,
    Quote,
    Section,
    Table,
    Text,
    Work,
    iter_nodes,
)


def text(root: object) -> str:
    """All the text below a node, a list of nodes or a book's works, as words."""
    roots = root.works if hasattr(root, "works") else root if isinstance(root, list) else [root]
    return norm("".join(n.text for r in roots for n in iter_nodes(r) if isinstance(n, Text)))


def refs(work: Work) -> list[NoteRef]:
    return [n for n in iter_nodes(work) if isinstance(n, NoteRef)]


def warned(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]


# ---------------------------------------------------------------- sources


def test_a_folder_or_its_index_page_is_a_book_of_pages_named_by_the_folder():
    for given in (WLC, WLC / "index.htm"):
        source = Source(given)
        assert (source.kind, source.stem) == ("html", "wage-labour-and-capital")
        assert source.meta_path == WLC.with_name("wage-labour-and-capital.toml")
        assert set(source.files()) == {p.resolve() for p in WLC.glob("*.htm")}
    assert Source(FIXTURES / "common-sense.htm").kind == "html"
    assert Source(Path("x.html.txt")).kind == "html" and Source(Path("x.mia.txt")).kind == "mia"
    found = {s.path.name for s in discover(FIXTURES)}
    assert {"wage-labour-and-capital", "manifesto", "common-sense.htm"} <= found
    assert "gettysburg" not in found  # a folder without an index page is no book


def test_the_book_keys_the_tree_cache_on_its_pages_and_images_only():
    files = Source(FIXTURES / "manifesto").files()
    names = {p.relative_to((FIXTURES / "manifesto").resolve()).as_posix() for p in files}
    assert names == {"index.htm", "preface-1888.htm", "preamble.htm", "ch01.htm", "ch02.htm",
                     "images/title-page.png"}  # not the page the index doesn't link


# ---------------------------------------------------------------- a single page


def test_a_chapter_page_alone_is_one_work_titled_by_its_heading():
    book = read(WLC / "ch02.htm")
    (work,) = book.works
    assert (work.title, work.subtitle) == ("What are Wages?", ["How are they Determined?"])
    assert book.meta.author == "Karl Marx" and book.meta.title == "What are Wages?"
    assert [text(p) for p in work.blocks] == paragraphs(WLC / "ch02.htm")


def test_title_block_and_information_fill_the_metadata_as_the_text_reader_does():
    book = read(FIXTURES / "mask-of-anarchy.htm")
    (work,) = book.works
    assert book.meta.author == "Percy Bysshe Shelley"
    assert work.title == "The Mask of Anarchy"
    assert work.subtitle == ["Written on the Occasion of the Massacre at Manchester"]
    assert work.date == "September 1819"  # from Written:, the title block giving none
    assert book.meta.first_published == "1832, edited by Leigh Hunt"
    assert book.meta.rights == "the poem is in the public domain."


def test_headings_in_the_text_open_sections_and_quotes_lists_and_tables_are_kept(octavo_warnings):
    book = read(WLC)
    chapter = book.works[7]
    (section,) = [b for b in chapter.blocks if isinstance(b, Section)]
    assert text(section.title) == ("In what manner does the growth of productive capital "
                                   "affect wages?")
    quote = next(b for b in book.works[0].blocks if isinstance(b, Quote))
    assert len(quote.blocks) == 3  # the three indentb paragraphs, one quotation
    manifesto = read_book(Source(FIXTURES / "manifesto"))
    works = {w.id: w for w in manifesto.walk()}
    (items,) = [b for b in works["preamble"].blocks if isinstance(b, ItemList)]
    assert items.ordered and len(items.items) == 2
    (table,) = [b for b in works["ii-proletarians-and-communists"].blocks
                if isinstance(b, Table)]
    assert [text(c) for c in table.rows[0].cells] == ["Measure", "In the Manifesto"]
    assert table.rows[0].cells[0].header and not table.rows[1].cells[0].header
    assert warning_codes(octavo_warnings) == {"w-003"}


def test_emphasis_small_capitals_and_verse_line_breaks():
    chapter = read(FIXTURES / "manifesto/ch01.htm").works[0]
    emphasised = [text(e) for e in iter_nodes(chapter) if isinstance(e, Emphasis)]
    assert emphasised == ["Bourgeoisie", "Proletariat"]
    preface = read(FIXTURES / "manifesto/preface-1888.htm").works[0]
    small = [text(e) for e in iter_nodes(preface)
             if isinstance(e, Emphasis) and e.style == "small-caps"]
    assert small == ["rederick", "ngels"]
    poem = read(FIXTURES / "mask-of-anarchy.htm").works[0]
    stanzas = [b for b in iter_nodes(poem) if isinstance(b, Paragraph)]
    assert [sum(isinstance(i, LineBreak) for i in s.inlines) for s in stanzas] == [3, 3, 4]
    assert isinstance(poem.blocks[1], Asterism)


def lines(paragraph: Paragraph) -> list[str]:
    """A paragraph's lines, as its line breaks part them."""
    return [line.strip() for line in text_with_breaks(paragraph).split("\n")]


def text_with_breaks(root: object) -> str:
    return "".join(n.text if isinstance(n, Text) else "\n" for n in iter_nodes(root)
                   if isinstance(n, Text | LineBreak))


def test_a_stanza_is_a_quoted_verse_paragraph_of_its_lines():
    """A poem's stanzas (a p of lines broken by br, in a blockquote or not; a pre's lines
    between blank ones; a p.poem couplet) read as VERSE paragraphs in a Quote, as the OCR
    reader gives quoted verse; a run of stanzas is one quotation."""
    poem = read(FIXTURES / "mask-of-anarchy.htm").works[0]
    assert [type(b).__name__ for b in poem.blocks] == ["Quote", "Asterism", "Quote"]
    first = poem.blocks[0].blocks[0]
    assert first.role == ParagraphRole.VERSE
    assert lines(first) == ["As I lay asleep in Italy", "There came a voice from over the Sea,",
                            "And with great power it forth led me",
                            "To walk in the visions of Poesy."]
    work = read(FIXTURES / "verse.htm").works[0]
    quotes = [b for b in work.blocks if isinstance(b, Quote)]
    assert [[lines(p)[0] for p in q.blocks] for q in quotes] == [
        ["Men of England, wherefore plough", "Wherefore feed, and clothe, and save,"],
        ["The seed ye sow, another reaps;", "Sow seed, \u2014 but let no tyrant reap;",
         "Rise like Lions after slumber"]]
    assert all(p.role == ParagraphRole.VERSE for q in quotes for p in q.blocks)
    assert [len(lines(p)) for q in quotes for p in q.blocks] == [4, 4, 4, 4, 2]


def test_lines_broken_by_br_that_are_no_verse_stay_prose():
    """An address, a letter's close, hard-wrapped prose, a heading's lines, a list of
    sentences, a paragraph of another class (an editor's p.context), a pre of figures, the
    archive's information block and a signature over its date keep their breaks as
    paragraphs of running text, outside any quotation."""
    work = read(FIXTURES / "verse.htm").works[0]
    prose = [b for b in work.blocks if isinstance(b, Paragraph) and len(lines(b)) > 1]
    assert [lines(p)[0] for p in prose] == [
        "The Northern Star", "With fraternal greetings,",
        "The history of all hitherto existing society is the history of class",
        "Part the First", "The meeting was opened at noon.", "The editor held it back,",
        "Wages in 1840 12 shillings"]
    assert all(p.role == ParagraphRole.BODY for p in prose)
    preface = read(FIXTURES / "manifesto/preface-1888.htm").works[0]
    assert not [p for p in iter_nodes(preface)
                if isinstance(p, Paragraph) and p.role == ParagraphRole.VERSE]
    assert [len(lines(p)) for p in preface.blocks if isinstance(p, Paragraph)][-1] == 2


def test_old_markup_reads_as_well_as_new():
    book = read(FIXTURES / "socialism-utopian.html")
    (work,) = book.works
    assert (book.meta.author, work.title, work.subtitle) == (
        "Frederick Engels", "Socialism: Utopian and Scientific", ["I"])
    body = text(work)
    assert "the Encyclopædists" in body and "everything was subjected" in body
    kinds = [type(b).__name__ for b in work.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Asterism", "Paragraph", "ItemList", "Quote",
                     "Paragraph", "Section"]
    strong = [e for e in iter_nodes(work) if isinstance(e, Emphasis) and e.style == "strong"]
    assert [text(e) for e in strong] == ["material"]


# ---------------------------------------------------------------- notes


def notes_of(book) -> dict[str, Note | Footnote]:
    found = {n.id: n for n in book.notes}
    found.update((f.id, f) for w in book.walk() for f in w.footnotes)
    return found


@pytest.mark.parametrize("name, labels", [
    ("manifesto/ch01.htm", ["1", "2", "3"]),  # <sup class="anote"><a href name>, h3 Notes
    ("manifesto/preamble.htm", ["1"]),  # an editor's note, "— Ed."
    ("common-sense.htm", ["1", "2", "*"]),  # <sup>1</sup> and <span class="note">*</span>
    ("vindication.htm", ["1", "2"]),  # (1) links, notes after a rule, back-links
    ("mask-of-anarchy.htm", ["1"]),  # a list of footnotes under "Footnotes"
    ("great-towns.htm", ["1", "*", "ii", "a"]),  # [<a>1</a>], a footnote in the text
])
def test_every_note_is_linked_from_its_marker_and_holds_its_text(name, labels):
    book = read(FIXTURES / name)
    (work,) = book.works
    found = refs(work)
    assert [r.label for r in found] == labels
    notes = notes_of(book)
    assert {r.target for r in found} == set(notes)  # none unreferenced, none missing
    for ref in found:
        note = notes[ref.target]
        assert (ref.kind == "footnote") == isinstance(note, Footnote)
        first = text(note.blocks[0])
        assert first and not first.startswith(("[", "(", ref.label)), first
    source = page(FIXTURES / name)
    body = norm(" ".join(text(b) for b in work.blocks))
    for block in source.iter("p"):
        if block.get("class") in ("endnote", "note"):
            assert norm(block.text_content())[-40:] not in body  # notes leave the text


def test_notes_of_several_paragraphs_and_editors_notes():
    book = read(FIXTURES / "manifesto/ch01.htm")
    second = book.notes[1]
    assert len(second.blocks) == 2 and text(second.blocks[1]).startswith("Since then")
    assert [n.editorial for n in book.notes] == [False, False, False]
    assert read(FIXTURES / "manifesto/preamble.htm").notes[0].editorial
    common = read(FIXTURES / "common-sense.htm")
    assert [n.editorial for n in common.notes] == [True, True]
    (footnote,) = common.works[0].footnotes
    assert footnote.marker == "*" and not footnote.editorial
    assert text(footnote.blocks[0]).startswith("Thomas Anello, otherwise Massanello")
    vindication = read(FIXTURES / "vindication.htm")
    assert len(vindication.notes[1].blocks) == 2
    assert "↑" not in text(vindication.notes[0]) and not any(
        isinstance(n, Link) for n in iter_nodes(vindication.works[0]))


def test_a_note_in_the_text_stays_out_of_it_and_brackets_go_with_their_marker():
    book = read(FIXTURES / "great-towns.htm")
    (work,) = book.works
    first, second = (b for b in work.blocks if isinstance(b, Paragraph))
    assert first.inlines[0].text.endswith("is a strange thing")  # "[" gone, and "]"
    assert isinstance(first.inlines[1], NoteRef) and first.inlines[2].text.startswith(". ")
    assert text(second).startswith("But the sacrifices")  # the footnote left the text
    (footnote,) = work.footnotes
    assert footnote.editorial and text(footnote).startswith("The figure is that")
    assert (book.meta.translator, work.date) == ("Florence Kelley Wischnewetzky, 1887",
                                                "September 1844 to March 1845")
    assert (work.first_page, work.last_page) == ("23", "26")
    assert [n.editorial for n in book.notes] == [False, False, True]  # sup.ednote's is


def test_the_archives_paragraph_classes():
    (work,) = read(FIXTURES / "great-towns.htm").works
    (section,) = [b for b in work.blocks if isinstance(b, Section)]  # p.sub heads it
    assert text(section.title) == "The Great Towns and their Workers"
    spaced = [e for e in iter_nodes(section) if isinstance(e, Emphasis) and e.spaced]
    assert [text(e) for e in spaced] == ["brutal indifference"]  # em.stretch
    _, quote, signature, date = section.blocks
    assert [text(p) for p in quote.blocks][-1] == "From the same chapter"  # p.inline
    assert (signature.role, date.role) == ("signature", "dateline")
    for furniture in ("The Stock Exchange", "Last updated"):  # p.next, p.updat
        assert furniture not in text(work)


def test_a_note_cited_on_a_heading_is_cited_from_the_work_title():
    work = read(FIXTURES / "manifesto/ch01.htm").works[0]
    assert work.title == "I. Bourgeois and Proletarians"
    assert [r.label for r in work.title_refs] == ["1"]


# ---------------------------------------------------------------- encodings


def test_windows_1252_declared_as_latin_1_gives_the_characters_meant():
    blocks = read(FIXTURES / "common-sense.htm").works[0].blocks
    assert "’Tis not the affair" in blocks[2].inlines[0].text
    assert "continent — of at least" in blocks[2].inlines[0].text
    assert "“no longer a question of words”" in blocks[3].inlines[0].text


def test_utf_8_pages_declared_latin_1_read_as_utf_8():
    ch04 = read(WLC / "ch04.htm")
    assert "Â" not in text(ch04) and [text(p) for p in ch04.works[0].blocks] == paragraphs(
        WLC / "ch04.htm")


RUSSIAN = "Призрак бродит по Европе, призрак коммунизма."


@pytest.mark.parametrize("declaration, encoding", [
    ('<meta charset="windows-1251">', "cp1251"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', "koi8_r"),
    ("", "utf-16"),  # a byte-order mark and no declaration
    ("", "utf-8-sig"),
    ('<meta charset="utf-8">', "utf-8"),
])
def test_the_declared_encoding_or_the_bom_is_followed(tmp_path, caplog, declaration, encoding,
                                                      octavo_warnings):
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head>{declaration}<title>Манифест</title></head><body>"
                     f"<h1>Манифест</h1><p>{RUSSIAN}</p></body></html>".encode(encoding))
    book = read(path)
    assert text(book.works[0].blocks[0]) == RUSSIAN and book.works[0].title == "Манифест"
    assert warned(caplog) == (["read as UTF-16 (BOM) [s-001]"] if encoding == "utf-16"
                              else [])
    assert warning_codes(octavo_warnings) <= {"s-001"}  # a BOM's UTF-16 is told


def test_a_wrong_or_missing_declaration_is_detected_with_a_warning(tmp_path, caplog,
                                                                   octavo_warnings):
    wrong = tmp_path / "wrong.html"
    wrong.write_bytes("<meta charset='utf-8'><h1>Title</h1><p>“Quoted” — said</p>"
                      "</html>".encode("cp1252"))
    assert text(read(wrong).works[0].blocks[0]) == norm("“Quoted” — said")
    assert any("declares utf-8 but is not" in w for w in warned(caplog))
    unknown = tmp_path / "unknown.html"
    unknown.write_bytes(b"<meta charset='x-klingon'><h1>Title</h1><p>Plain text.</p></html>")
    assert text(read(unknown).works[0].blocks[0]) == "Plain text."
    assert any("encoding octavo doesn't know" in w for w in warned(caplog))
    assert warning_codes(octavo_warnings) == {"s-001"}


# ---------------------------------------------------------------- images


def test_images_saved_in_the_folder_are_kept_with_their_alt_others_left_out(caplog,
                                                                            octavo_warnings):
    book = read(FIXTURES / "gettysburg/gettysburg.htm")
    images = [n for n in iter_nodes(book.works[0]) if isinstance(n, Image)]
    portrait, dot = images
    assert base64.b64decode(portrait.data) == (FIXTURES / "gettysburg/portrait.png").read_bytes()
    assert portrait.media_type == "image/png" and portrait.alt.startswith("Abraham Lincoln")
    assert dot.media_type == "image/gif" and dot.alt == "A dot inline"  # a data: URL
    said = warned(caplog)
    for name, why in (("facsimile.jpg", "not in the saved folder"),
                      ("hay-copy.jpg", "on the web"),
                      ("etc/passwd", "not inside the source's folder"),
                      ("drawing.svg", "not a PNG, JPEG or GIF")):
        assert any(name in w and why in w for w in said), (name, said)
    assert not any("pixel.gif" in w for w in said)  # a tracker goes without a word
    assert warning_codes(octavo_warnings) == {"w-002"}


# ---------------------------------------------------------------- what must not get through


def test_scripts_forms_objects_and_navigation_never_reach_the_text(caplog, octavo_warnings):
    book = read(FIXTURES / "hostile.htm")
    body = text(book.works[0])
    for gone in ("alert('", "alert(2)", "alert(3)", "document.", "fetch(", "iframe's fallback",
                 "object's fallback", "form's value", "A button", "inline drawing"):
        assert gone not in body, gone
    assert "We hold these truths to be self-evident" in body
    assert '<script>alert("escaped text stays text")</script>' in body
    assert not any(isinstance(n, Link) for n in iter_nodes(book.works[0]))
    said = warned(caplog)
    assert any("malformed" in w for w in said) and any("cut short" in w for w in said)
    for nav in ("Marx & Engels Archive", "Back to the Marx", "Manifesto Index"):
        assert nav not in text(read(FIXTURES / "manifesto/ch01.htm"))
    assert warning_codes(octavo_warnings) == {"w-001", "w-002"}


def test_a_page_not_from_the_archive_is_read_as_it_is_with_a_warning(caplog, octavo_warnings):
    book = read(FIXTURES / "not-archive.html")
    assert book.works[0].title == "Reading Notes on Owen" and book.meta.language == "en-GB"
    assert text(book.works[0]).startswith("Robert Owen's A New View of Society appeared")
    assert "About" not in text(book.works[0])
    assert any("no title block of the archive's kind" in w for w in warned(caplog))
    assert warning_codes(octavo_warnings) == {"s-007"}


def test_hostile_page_builds_an_epub_with_nothing_remote_or_scripted(tmp_path, octavo_warnings):
    run = octavo("build", FIXTURES / "hostile.htm", "--out", tmp_path)
    assert run.code == 0, run
    z = zipfile.ZipFile(tmp_path / "hostile.epub")
    for name in z.namelist():
        if name.endswith((".xhtml", ".opf", ".ncx", ".css")):
            content = z.read(name).decode()
            assert "<script" not in content and "javascript:" not in content, name
            assert "example.org" not in content and "data:text" not in content, name
    pdf = (tmp_path / "hostile.pdf").read_bytes()
    assert b"/URI" not in pdf and b"example.org" not in pdf
    assert warning_codes(octavo_warnings) == {"w-001", "w-002"}


@pytest.mark.parametrize("soup", [
    "<p>one<p>two<div>three</span></b><table><tr><td>four",
    "<html><body><p>" + "<div>" * 5000 + "deep" + "</div>" * 10,
    "<p>Text <b><i>crossed</b></i> tags</p><p>" + "<em>" * 3000 + "nested",
    "<h1>Title</h1><p><a href='#n1'>[1]</a> cites a note that is not there.</p>",
    "<p><sup><a href='#x'>1</a></sup></p><p id='x'><a href='#x'>1</a> points at itself</p>",
])
def test_tag_soup_reads_with_a_warning_never_a_traceback(tmp_path, soup, octavo_warnings):
    path = tmp_path / "soup.html"
    path.write_text(soup)
    run = octavo("build", path, "--format", "epub", "--out", tmp_path / "out")
    assert run.code == 0 and not any("Traceback" in line for line in run.stderr), run
    codes = warning_codes(octavo_warnings)
    assert "w-001" in codes and codes <= {"w-001", "w-005", "s-004", "s-007"}


def test_a_truncated_page_keeps_what_came_before_the_cut(tmp_path, caplog, octavo_warnings):
    data = (WLC / "ch02.htm").read_bytes()
    cut = data[:data.index(b"Their commodity") + 300]
    path = tmp_path / "cut.htm"
    path.write_bytes(cut)
    book = read(path)
    assert [text(p) for p in book.works[0].blocks][:2] == paragraphs(WLC / "ch02.htm")[:2]
    assert any("cut short" in w for w in warned(caplog))
    assert warning_codes(octavo_warnings) == {"w-001"}


@pytest.mark.parametrize("content, error", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), SourceNotText),  # an image named .html
    (b"", SourceEmpty),
    (b"  \n\t \n", SourceEmpty),
    (bytes(range(0, 32)) * 50, SourceNotText),
])
def test_what_is_no_page_fails_cleanly(tmp_path, content, error):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    assert_fails_cleanly(octavo("build", path, "--out", tmp_path / "out"), error.exit_code)


def test_a_folder_without_an_index_page_fails_cleanly(tmp_path):
    assert_fails_cleanly(octavo("build", FIXTURES / "gettysburg", "--out", tmp_path), 3,
                         "without an index page")


# ---------------------------------------------------------------- books of pages


def test_the_index_orders_and_groups_the_chapters_and_its_unsaved_links_are_warned_of(caplog,
                                                                                      octavo_warnings):
    book = read_book(Source(FIXTURES / "manifesto"))
    assert [(w.kind, w.title) for w in book.works] == [("group", "Prefaces"),
                                                       ("group", "The Manifesto")]
    assert [w.title for w in book.works[1].children] == [
        "Preamble", "I. Bourgeois and Proletarians", "II. Proletarians and Communists"]
    assert "Not in the index" not in {w.title for w in book.walk()}
    assert book.meta.title == "Manifesto of the Communist Party"
    assert book.meta.author == "Karl Marx and Frederick Engels"
    assert book.meta.translator.startswith("Samuel Moore")
    assert any("missing.htm" in w for w in warned(caplog))
    assert warning_codes(octavo_warnings) == {"w-003"}


def test_links_between_pages_lead_inside_the_book(octavo_warnings):
    book = read_book(Source(FIXTURES / "manifesto"))
    ids = {i for w in book.walk() for n in iter_nodes(w) if (i := getattr(n, "id", ""))}
    links = {text(n): n.target for w in book.walk() for n in iter_nodes(w)
             if isinstance(n, Link)}
    assert links == {"Section I": "i-bourgeois-and-proletarians-history",
                     "Section II": "ii-proletarians-and-communists",
                     "the first section": "i-bourgeois-and-proletarians-history"}
    assert set(links.values()) <= ids
    preface = next(w for w in book.walk() if w.id.startswith("preface"))
    assert "page the index does not list" in text(preface)  # its link gone, its text kept
    assert warning_codes(octavo_warnings) == {"w-003"}  # the index's unsaved page


def test_corrections_apply_to_a_single_page(tmp_path):
    page_path = tmp_path / "paine.htm"
    page_path.write_bytes((FIXTURES / "common-sense.htm").read_bytes())
    (tmp_path / "paine.corrections.toml").write_text(
        '[[fix]]\nfind = "shined"\nreplace = "shone"\n')
    assert "never shone on a cause" in text(read_book(Source(page_path)))


def test_the_text_reader_interface_reads_a_page_from_its_text():
    book = READERS["html"]((WLC / "ch05.htm").read_bytes().decode("utf-8"))
    assert [text(p) for p in book.works[0].blocks] == paragraphs(WLC / "ch05.htm")


def test_a_page_of_a_book_that_cannot_be_read_is_left_out_and_named(tmp_path, caplog,
                                                                    octavo_warnings):
    book = tmp_path / "wage-labour"
    shutil.copytree(WLC, book)
    (book / "ch03.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (book / "ch04.htm").write_bytes(b"")
    page = (book / "ch05.htm").read_bytes()
    (book / "ch05.htm").write_bytes(page.replace(b"<hr class=\"end\">",
                                                 b"<img src=\"lost.png\" alt=\"x\">", 1))
    found = read_book(Source(book))
    assert len(found.works) == len(paragraphs_by_page(WLC)) - 2
    said = warned(caplog)
    assert any("ch03.htm: is a PNG image" in w and "left out" in w for w in said)
    assert any("ch04.htm: is empty" in w for w in said)
    assert any("ch05.htm: image 'lost.png' is not in the saved folder; left out [w-002]" in w
               for w in said)  # a page's warning names the page
    assert warning_codes(octavo_warnings) == {"w-002", "w-003"}


def paragraphs_by_page(folder: Path) -> dict[str, list[str]]:
    return {p.name: paragraphs(p) for p in sorted(folder.glob("ch*.htm"))}
