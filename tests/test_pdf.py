"""The print PDF read back with pypdf: fonts, trim, contents and note page numbers, running
heads, footnotes, outline, metadata, reproducibility, print settings.

Checked on the synthetic every-node book and on every real source that has a reader
(the OCR volume joins in once its reader is merged).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from pathlib import Path

import pikepdf
import pypdf
import pytest
from conftest import INPUT
from fontTools.ttLib import TTFont
from html_pages import FIXTURES, read_fixture
from pdf_checks import Built, flat
from samples import rich_book
from volumegen import Options, generate

from octavo.build import build_outputs, write_book
from octavo.errors import MetadataError
from octavo.metadata import load_toml
from octavo.readers import READERS
from octavo.sources import Source, discover
from octavo.tree import BOOK_MATTER, Book, ChronicleEntry, NoteRef, iter_nodes
from octavo.writers import pdf, pdf_folios, pdf_fonts, pdf_html, pdf_layout, pdf_parallel
from octavo.writers.pdf_settings import PrintSettings, from_toml

A5 = (419.5, 595.3)
REAL = [s for s in discover(INPUT) if s.path.name.split(".")[-2] in READERS] + [
    Source(FIXTURES / "manifesto")]  # a book of web pages: parts, endnotes, images, a table


@pytest.fixture(scope="module", params=["sample", *(s.stem for s in REAL)])
def built(request, sample_outputs) -> Built:
    if request.param == "sample":
        return Built(rich_book(), sample_outputs["pdf"].path.read_bytes())
    source = next(s for s in REAL if s.stem == request.param)
    book = read_fixture(source.path)
    return Built(book, pdf.build(book, jobs=2).data)  # in parts, where that pays


def test_every_font_is_embedded_and_is_the_book_face(built):
    """Embedded, and one name for one font program (a RIP may take a name for a font)."""
    fonts, programs = {}, defaultdict(set)
    for page in built.reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font)["/FontDescriptor"]
            files = [descriptor.raw_get(k) for k in ("/FontFile", "/FontFile2", "/FontFile3")
                     if k in descriptor]
            fonts[str(font["/BaseFont"])] = bool(files)
            programs[str(font["/BaseFont"])].update(f.idnum for f in files)
    assert fonts and all(fonts.values()), fonts
    assert all(len(p) == 1 for p in programs.values()), programs
    faces = {name.split("+")[1] for name in fonts}
    assert all(face.startswith("Linux-Libertine-O") for face in faces), faces
    assert {"Linux-Libertine-O", "Linux-Libertine-O-Italic"} <= faces


def test_pages_are_a5(built):
    box = built.reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == A5


def furniture(text: str) -> str:
    """The running head and folio of a page: WeasyPrint draws the margin boxes last."""
    return flat(text.splitlines()[-1]) if text.strip() else ""


def is_opener(text: str) -> bool:
    """A page with a folio at its foot and no running head: a work, the contents, the notes."""
    return furniture(text).isdigit()


def squeeze(text: str) -> str:
    """Text without any white space or hyphenation breaks, for titles the layout broke."""
    return re.sub(r"\s+", "", flat(text).upper())


def opens_with(text: str, title: str) -> bool:
    """Whether the page begins with the title (which the layout may have broken), not
    merely a line of its text with the title's words."""
    return squeeze("".join(text.splitlines()[:4])).startswith(squeeze(title))


def printed_works(book: Book) -> list:
    """The book's works in print order, without the notes (which the endnotes section is)."""
    return [w for w in book.works if w.kind != "notes"]


def test_contents_lists_the_page_where_each_work_starts(built):
    listed_works = printed_works(built.book)
    first, last = built.page_of("contents"), built.page_of(listed_works[0].id)
    contents = flat(" ".join(built.text[first - 1:last - 1]))
    for work in listed_works:
        title = flat(work.title).upper()
        listed = re.search(re.escape(flat(work.toc_title or work.title)) + r"[ .]*?(\d+)\b",
                           contents)
        assert listed, title
        starts = [n for n, t in enumerate(built.text, 1) if is_opener(t)
                  and not t.startswith(("Contents", "Notes")) and opens_with(t, title)]
        assert starts == [int(listed.group(1))], title
        assert starts[0] % 2 == 1, "works start on a recto"


def test_endnotes_give_the_page_citing_them_and_link_both_ways(built):
    if not built.book.notes:
        pytest.skip("this book has no endnotes")
    cites = {dest: page for page, dest in built.links() if dest in {n.id for n in built.book.notes}}
    notes_start = built.page_of("endnotes")
    back = dict((dest, page) for page, dest in built.links() if page >= notes_start)
    refs = [n for w in built.book.works for n in iter_nodes(w)
            if isinstance(n, NoteRef) and n.kind == "endnote"]
    assert refs
    checked = 0
    for ref in refs:
        note = next(n for n in built.book.notes if n.id == ref.target)
        page = built.page_of(note.id)
        body = flat("\n".join(built.text[page - 1:page + 1]))  # a note may run over
        first = flat("".join(getattr(i, "text", "") for b in note.blocks[-1:]
                              for i in iter_nodes(b)))[-20:]
        said = re.search(re.escape(first) + r" ?p\. (\d+)", body)
        assert said, (note.id, first)
        assert int(said.group(1)) == cites[note.id] < notes_start
        assert any(dest == (ref.id or f"ref-{ref.target}") for dest in back)
        checked += 1
    assert checked == len(refs)


def test_running_heads_author_on_versos_short_title_on_rectos_none_on_openers(built):
    """As in the source edition: a work's versos carry the author, its rectos its short title;
    the contents and the edition's own parts (preface, appendices, notes, chronicle) carry
    their title on both."""
    author = flat(built.book.meta.author).upper()
    works = built.book.works
    placed = any(w.kind == "notes" for w in works)
    end = built.page_of("endnotes") if built.book.notes and not placed else len(built.text) + 1
    starts = [built.page_of("endnotes" if w.kind == "notes" else w.id) for w in works] + [end]
    runs = ([("CONTENTS", False, built.page_of("contents"), starts[0])]
            if "contents" in built.reader.named_destinations else [])
    runs += [(flat(w.short_title or w.title).upper(), w.kind not in BOOK_MATTER, first, following)
             for w, first, following in zip(works, starts, starts[1:], strict=False)]
    if built.book.notes and not placed:
        runs.append(("NOTES", False, end, len(built.text) + 1))
    for head, authors, first, following in runs:
        assert furniture(built.text[first - 1]) == str(first)
        for page in range(first + 1, following):
            text = built.text[page - 1]
            if not text.strip():
                assert page % 2 == 0 and page == following - 1, "blank versos only before works"
            else:
                verso = author if authors else head
                assert furniture(text) == (f"{head} {page}" if page % 2 else f"{page} {verso}")
    assert built.text[0].strip() and not furniture(built.text[0]).isdigit()  # the title page


def test_footnotes_sit_at_the_foot_of_the_page_citing_them():
    built = Built(rich_book(), pdf.build(rich_book()).data)
    pages = [n for n, t in enumerate(built.text, 1) if "A light cart" in t]
    assert len(pages) == 1
    lines = built.text[pages[0] - 1].splitlines()
    assert lines[-2].startswith("*") and "A light cart" in lines[-2]
    assert re.search(r"formed and tested\. ?\*\n", "\n".join(lines[:-2]) + "\n")  # the call


def text_runs(page) -> list[tuple[float, float, str]]:
    """(height on the page, distance from its left edge, text) of each run of text drawn."""
    runs = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            runs.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
                         tm[4] * cm[0] + tm[5] * cm[2] + cm[4], flat(text)))

    page.extract_text(visitor_text=seen)
    return runs


def test_chronicle_dates_stand_beside_their_entries(built):
    """A two-column list: every date (on one or more lines) has its entry beside it."""
    entries = [n for w in built.book.works if w.kind == "chronicle" for n in iter_nodes(w)
               if isinstance(n, ChronicleEntry)]
    if not entries:
        pytest.skip("this book has no chronicle")
    first = built.page_of(next(w.id for w in built.book.works if w.kind == "chronicle"))
    dates, dated = {flat(e.date) for e in entries}, 0
    for page in built.reader.pages[first - 1:]:
        runs = text_runs(page)
        left = min((x for _, x, text in runs if text in dates), default=None)
        date, top = "", None
        head = max((y for y, _, _ in runs), default=0)  # the running head and folio
        column = (r for r in runs if r[1] == left and r[0] < head - 1)
        for y, _, text in sorted(column, reverse=True):
            date, top = f"{date} {text}".strip(), top if date else y
            if date in dates:
                assert any(abs(top - y2) < 1 and x2 > left + 40 for y2, x2, _ in runs), date
                date, dated = "", dated + 1
        assert not date, f"{date!r} is cut off from its entry"
    assert dated == len(entries)


def test_outline_and_document_metadata(built):
    top = [flat(item.title) for item in built.reader.outline if not isinstance(item, list)]
    names = [flat(w.title) for w in built.book.works]
    assert [t for t in top if t in names] == names
    info = built.reader.metadata
    assert info.title.startswith(built.book.meta.title)
    assert info.author == built.book.meta.author
    meta = built.book.meta  # the subject: what the book is, beyond its title
    assert info.subject == next(v for v in (meta.description, meta.extract, meta.edition,
                                            meta.volume, meta.title) if v)
    assert built.reader.trailer["/Root"]["/Lang"] == built.book.meta.language


def test_same_input_gives_the_same_bytes():
    assert pdf.build(rich_book()).data == pdf.build(rich_book()).data


def test_pdf_a_variant_declares_its_conformance():
    data = pdf.build(rich_book(), PrintSettings(variant="pdf/a-3b")).data
    xmp = pypdf.PdfReader(io.BytesIO(data)).xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode()
    assert "pdfaid:part" in raw and re.search(r"pdfaid:conformance.{0,3}B", raw)


def test_trim_and_marks_from_the_toml_and_the_command_line(tmp_path: Path):
    text = (INPUT / "stalin-1924-the-discussion.mia.txt").read_text(encoding="utf-8")
    source = Source(tmp_path / "pamphlet.mia.txt")
    source.path.write_text(text, encoding="utf-8")
    source.meta_path.write_text('title = "The Discussion"\n[print]\ntrim = "6x9"\n',
                                encoding="utf-8")
    assert load_toml(source.meta_path) == {"title": "The Discussion"}
    assert from_toml(source.meta_path).trim == "6x9"
    (out,) = build_outputs(source, tmp_path, ("pdf",))
    box = pypdf.PdfReader(out.path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (432, 648)
    (out,) = build_outputs(source, tmp_path, ("pdf",), trim="a4", marks=True)
    page = pypdf.PdfReader(out.path).pages[0]
    assert round(float(page.trimbox.width)) == 595
    assert float(page.mediabox.width) > float(page.trimbox.width)


def test_bad_print_settings_are_refused(tmp_path: Path):
    path = tmp_path / "x.toml"
    for table in ('trim = "b7"', "marks = 1", 'paper = "a5"'):
        path.write_text(f"[print]\n{table}\n", encoding="utf-8")
        with pytest.raises(MetadataError):
            from_toml(path)


def test_compact_layout_has_no_contents_and_no_blank_pages(tmp_path: Path):
    book = rich_book()
    book.works = book.works[:1]
    (out,) = write_book(book, tmp_path, ("pdf",), PrintSettings(book=False))
    text = [p.extract_text() for p in pypdf.PdfReader(out.path).pages]
    assert not any(t.startswith("Contents") for t in text)
    assert all(t.strip() for t in text)
    assert text[1].startswith("OUR DISAGREEMENTS")


# The OCR scan's own furniture: the reprint's stamp and the print's running heads.
OCR_FURNITURE = re.compile(r"FROM MARX\s+TO MAO|NOT FOR\s+COMMERCIAL|^J\. V\. STALIN\s*$"
                           r"|^\d+\s+J\. V\. STALIN$|^CONTENTS\s+[IVXL]+$|^NOTES\s+\d+$", re.M)


def test_no_furniture_of_the_scan_in_the_text(built):
    body = "\n".join("\n".join(t.splitlines()[:-1]) for t in built.text)  # less our heads
    assert not OCR_FURNITURE.search(body), OCR_FURNITURE.search(body)


def outline(reader: pypdf.PdfReader, items=None) -> list:
    """The outline as nested (title, page) pairs."""
    items = reader.outline if items is None else items
    return [outline(reader, item) if isinstance(item, list)
            else (item.title, reader.get_destination_page_number(item)) for item in items]


def test_a_book_laid_out_in_parts_is_the_book_laid_out_whole(built):
    book, apart = built.book, built
    if not pdf_parallel.pays(book, PrintSettings(), jobs=2):
        pytest.skip("this book is laid out in one process")
    parts = pdf.build(book, jobs=2)
    assert parts.data == apart.data
    whole = Built(book, pdf.build(book, jobs=1).data)
    assert parts.pages == len(apart.text) == len(whole.text)
    assert apart.text == whole.text
    assert list(apart.links()) == list(whole.links())
    assert {n: apart.page_of(n) for n in apart.reader.named_destinations} == {
        n: whole.page_of(n) for n in whole.reader.named_destinations}
    assert outline(apart.reader) == outline(whole.reader)
    assert apart.reader.metadata == whole.reader.metadata
    merged, single = font_subsets(parts.data), font_subsets(whole.data)
    assert merged.keys() == single.keys() and all(len(s) == 1 for s in merged.values())
    for face, [(widths, glyphs)] in single.items():
        [(merged_widths, merged_glyphs)] = merged[face]
        assert merged_widths == widths  # every glyph the text uses, at its width …
        assert {gid: drawing(merged_glyphs, gid) for gid in widths} == {
            gid: drawing(glyphs, gid) for gid in widths}  # … and of its shape


def font_subsets(data: bytes) -> dict[str, list]:
    """The subsets embedded of each face: (widths by glyph id, the glyphs by id)."""
    faces = defaultdict(list)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for font in pdf.objects:
            if isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/CIDFontType0":
                program = TTFont(io.BytesIO(font.FontDescriptor.FontFile3.read_bytes()))
                glyphs = program["CFF "].cff.topDictIndex[0].CharStrings.charStringsIndex
                faces[str(font.BaseFont).split("+")[1]].append(
                    (pdf_fonts._widths(font.W), glyphs))
    return faces


def drawing(glyphs, gid: int) -> list:
    """The drawing program of glyph ``gid``."""
    glyphs[gid].decompile()
    return glyphs[gid].program


def test_folios_of_a_part_follow_the_pages_before_it():
    counted = []

    def before(pages: int) -> int:
        counted.append(pages)
        return 40

    with pdf_folios.numbered_after(before):
        document = pdf_layout.lay_out(pdf_html.html(rich_book()),
                                      pdf_layout.stylesheet(PrintSettings()))
    assert counted == [len(document.pages)]
    text = Built(rich_book(), pdf_layout.write(document, rich_book().meta, PrintSettings())).text
    folios = [(furniture(t), page) for page, t in enumerate(text, 1) if is_opener(t)]
    assert folios and all(folio == str(40 + page) for folio, page in folios)
    with pytest.raises(RuntimeError, match="internals"), pdf_folios.numbered_after(before):
        pass  # nothing laid out: the hook never ran


def test_a_book_is_laid_out_whole_where_a_part_would_wait_for_a_page_no_part_holds():
    book = rich_book()
    real = pdf_html.printer(book)
    assert pdf_parallel._plan(book, real, jobs=2) is not None

    def dangling(part):  # the contents link to a page no part holds
        return real(part).replace("</nav>", '<a href="#nowhere">?</a></nav>', 1)

    assert pdf_parallel._plan(book, dangling, jobs=2) is None


def test_a_stanza_shows_line_by_line(tmp_path: Path):
    """Each line of a stanza the OCR reader keeps is a line of the print (a generated
    volume quoting four, two of them over a page break of the scan)."""
    volume = generate(Options(seed=2, verse=2, lines=24))
    source = tmp_path / "generated.ocr.txt"
    source.write_text(volume.text, encoding="utf-8")
    (tmp_path / "generated.toml").write_text('title = "Works"\n', encoding="utf-8")
    book = read_fixture(source)
    lines = {" ".join(flat(line).split()) for page in Built(book, pdf.build(book).data).text
             for line in page.splitlines()}
    stanzas = [t.split("\n") for w in volume.works for t in w.printed() if "\n" in t]
    assert len(stanzas) == 4 and all(line in lines for s in stanzas for line in s)
