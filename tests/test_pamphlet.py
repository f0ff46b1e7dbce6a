"""Pamphlets and readers cut from the sample book and the web transcription."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from click.testing import CliRunner
from conftest import DISCUSSION
from pamphlet_checks import (
    dangling_links,
    endnotes,
    epubcheck_messages,
    noterefs,
)
from samples import para, rich_book

from octavo.anthology import anthology, load, read_anthology
from octavo.build import write_book
from octavo.cli import main
from octavo.errors import MetadataError, OctavoError, WorkNotFound
from octavo.pamphlet import elide, file_stem, output_path, pamphlet
from octavo.select import excerpt, find_work, find_works, pamphlet_works
from octavo.tree import Footnote, NoteRef, PageMarker, PageRef, Text, Work, iter_nodes


def sample():
    """The sample book, its congress report also citing page 4 (outside the report) and a
    footnote that the enclosing congress holds."""
    book = rich_book()
    congress = book.works[1]
    congress.footnotes.append(Footnote("fn-congress", "*", [para("Held in the Kremlin.")]))
    congress.children[0].blocks.append(
        para("As said on ", PageRef("4", [Text("p. 4")]), ".",
             NoteRef("fn-congress", "*", kind="footnote")))
    return book


def texts(root) -> str:
    return "".join(n.text for n in iter_nodes(root) if isinstance(n, Text))


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Pamphlets of the sample's first work and of one part of its congress: {name: {fmt: path}}."""
    out = tmp_path_factory.mktemp("pamphlets")
    book = sample()
    made = {}
    for name in ("our-disagreements", "the-tenth-congress/1"):
        outputs = write_book(pamphlet(book, [find_work(book, name)]), out, ("epub", "pdf"))
        made[name] = {o.format: o.path for o in outputs}
    return made


# ---------------------------------------------------------------- finding works


@pytest.mark.parametrize(("query", "found"), [
    ("the-tenth-congress-reply", "the-tenth-congress-reply"),  # an id
    ("Our disag", "our-disagreements"),  # a title prefix, any case
    ("reply to the", "the-tenth-congress-reply"),  # … without the number of a part
    ("the tenth congress", "the-tenth-congress"),  # the work, not its parts
    ("the-tenth-congress/2", "the-tenth-congress-reply"),  # the second part
    ("p5", "our-disagreements"),
    ("p8", "the-tenth-congress-report"),  # innermost work, the one where page 8 begins
    ("p9", "biographical-chronicle"),
])
def test_works_are_found_by_id_title_page_and_part(query, found):
    book = rich_book()
    book.works[1].children[1].title = "2. Reply to the Discussion"  # numbered, as printed
    assert find_work(book, query).id == found


def test_an_unknown_work_names_the_nearest_ids():
    with pytest.raises(WorkNotFound) as error:
        find_work(rich_book(), "tenth-congres")
    message = str(error.value)
    assert "\n" not in message and "nearest: the-tenth-congress" in message


@pytest.mark.parametrize("query", ["p99", "Reply to", "the-tenth-congress/3"])
def test_missing_pages_ambiguous_prefixes_and_parts_are_errors(query):
    book = rich_book()
    book.works.append(Work(id="reply-to-critics", title="Reply to Critics"))
    with pytest.raises(WorkNotFound):
        find_work(book, query)


def test_a_work_cannot_be_chosen_with_its_own_part():
    with pytest.raises(OctavoError):
        find_works(rich_book(), ["the-tenth-congress", "the-tenth-congress/1"])


def test_every_work_but_back_matter_makes_a_pamphlet():
    assert [w.id for w in pamphlet_works(rich_book())] == ["our-disagreements",
                                                           "the-tenth-congress"]


def test_no_work_named_needs_a_single_work_source(discussion):
    assert find_works(discussion, []) == discussion.works
    with pytest.raises(WorkNotFound, match="our-disagreements"):
        find_works(rich_book(), [])


# ---------------------------------------------------------------- cutting out


def test_a_part_carries_its_notes_renumbered_footnotes_and_pages():
    book = sample()
    report = book.works[1].children[0]
    cut = pamphlet(book, [report])
    (work,) = cut.works
    assert [(n.id, n.number) for n in cut.notes] == [("note-2", "1")]
    refs = [n for n in iter_nodes(work) if isinstance(n, NoteRef)]
    assert [(r.target, r.label) for r in refs if r.kind == "endnote"] == [("note-2", "1")]
    assert [f.id for f in work.footnotes] == ["fn-congress"]  # moved in from the congress
    assert [m.page for m in iter_nodes(work) if isinstance(m, PageMarker)] == ["7", "8"]
    assert not any(isinstance(n, PageRef) for n in iter_nodes(work))  # p. 4 isn't in it
    assert "As said on p. 4." in texts(work)
    assert book.notes[1].number == "2" and report.footnotes == []  # the book is untouched


def test_notes_leave_the_page_markers_of_the_notes_section_behind():
    book = rich_book()
    book.notes[1].blocks[0].inlines.append(PageMarker("427"))
    (note,) = pamphlet(book, [book.works[1]]).notes
    assert not any(isinstance(n, PageMarker) for n in iter_nodes(note))
    assert texts(note) == "The Tenth Congress was held on March 8–16, 1921."


def test_several_works_number_their_notes_in_the_order_given():
    book = rich_book()
    cut = pamphlet(book, find_works(book, ["p8", "our-disagreements"]))
    assert [(n.id, n.number) for n in cut.notes] == [("note-2", "1"), ("note-1", "2")]
    assert cut.meta.title == "Report on the Immediate Tasks; Our Disagreements"
    assert "pp. 7–8, 4–6" in cut.meta.extract


def test_page_refs_inside_the_pamphlet_stay_links():
    book = rich_book()
    (work,) = pamphlet(book, [book.works[0]]).works
    assert [r.page for r in iter_nodes(work) if isinstance(r, PageRef)] == ["6"]


def test_pamphlet_metadata_says_where_the_work_comes_from():
    book = rich_book()
    meta = pamphlet(book, [book.works[1].children[0]]).meta
    assert meta.title == "Report on the Immediate Tasks"
    assert meta.subtitle == "The Tenth Congress of the R.C.P.(B.)"
    assert meta.extract == "From A. N. Author, Works, Vol. 9, pp. 7–8, Moscow 1953"
    assert meta.book_id == "sample-works-the-tenth-congress-report"
    assert meta.identifier != book.meta.identifier


@pytest.mark.parametrize(("first", "last", "cited"), [
    ("286", "290", "286–90"), ("199", "226", "199–226"), ("101", "108", "101–8"),
    ("3", "10", "3–10"), ("100", "104", "100–104"), ("1496", "1504", "1496–504"),
    ("206", "206", "206"), ("XI", "XIV", "XI–XIV"),
])
def test_page_ranges_are_elided_as_in_printed_citations(first, last, cited):
    assert elide(first, last) == cited


@pytest.mark.parametrize("unsafe", ["../../etc/passwd", "a/b", ".hidden", "Ünïcode Title"])
def test_file_names_stay_in_the_output_folder(tmp_path, unsafe):
    book = rich_book()
    book.meta.book_id = unsafe
    path = output_path(tmp_path, book, "epub")
    assert path.parent == tmp_path and "/" not in file_stem(unsafe)
    assert not path.name.startswith(".")


# ---------------------------------------------------------------- built pamphlets


@pytest.mark.parametrize("name", ["our-disagreements", "the-tenth-congress/1"])
def test_pamphlet_epubs_have_every_link_working_and_notes_matching_refs(built, name):
    path = built[name]["epub"]
    assert dangling_links(path) == []
    numbers = {i: n for i, n, _ in endnotes(path)}
    refs = noterefs(path)
    assert refs and all(numbers[target] == label for target, label in refs)
    assert [n for _, n, _ in endnotes(path)] == [str(i) for i in range(1, len(numbers) + 1)]


def test_pamphlet_epub_passes_epubcheck_and_holds_only_its_own_work(built):
    path = built["the-tenth-congress/1"]["epub"]
    assert epubcheck_messages(path) == []
    names = zipfile.ZipFile(path).namelist()
    assert "EPUB/the-tenth-congress-report.xhtml" in names
    assert not any("disagreements" in n or "chronicle" in n for n in names)
    assert [text for _, _, text in endnotes(path)] == [  # ending with the page it cites
        "The Tenth Congress was held on March 8–16, 1921. p.\u00a07"]
    assert path.name == "sample-works-the-tenth-congress-report.epub"


def test_pamphlet_pdf_has_its_title_page_and_only_its_text(built):
    reader = pypdf.PdfReader(io.BytesIO(built["the-tenth-congress/1"]["pdf"].read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "pp.\u00a07–8" in reader.pages[0].extract_text()
    assert "Report on the Immediate Tasks" in text and "Held in the Kremlin." in text
    assert "Two Methods of Approach" not in text and "Reply to the Discussion" not in text


# ---------------------------------------------------------------- the web transcription


@pytest.fixture(scope="session")
def discussion_pamphlet(tmp_path_factory):
    """`octavo pamphlet` run on the web transcription, naming no work."""
    out = tmp_path_factory.mktemp("discussion-pamphlet")
    result = CliRunner().invoke(main, ["pamphlet", str(DISCUSSION.path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_web_transcription_makes_a_pamphlet_with_no_work_named(discussion_pamphlet):
    epub = discussion_pamphlet / "stalin-1924-the-discussion-the-discussion.epub"
    assert epubcheck_messages(epub) == []
    assert dangling_links(epub) == []
    with zipfile.ZipFile(epub) as z:
        title_page = z.read("EPUB/titlepage.xhtml").decode()
    assert "Works, Vol.\u00a06" in title_page and "pp.\u00a01–2, Moscow 1954" in title_page
    assert (discussion_pamphlet / epub.name.replace(".epub", ".pdf")).stat().st_size > 0


def test_an_unknown_work_is_a_one_line_error_with_its_exit_code():
    result = CliRunner().invoke(main, ["pamphlet", str(DISCUSSION.path), "the-discusion"])
    assert result.exit_code == WorkNotFound.exit_code
    assert result.output.strip().splitlines() == [
        "octavo: error: no work 'the-discusion' in stalin-1924-the-discussion; "
        "nearest: the-discussion"]


# ---------------------------------------------------------------- anthologies


@pytest.fixture(scope="session")
def anthology_epub(tmp_path_factory, discussion):
    """An anthology of two sample works and the web transcription, built to EPUB."""
    book = sample()
    chosen = [(book, book.works[1].children[0]), (discussion, discussion.works[0]),
              (book, book.works[0])]
    gathered = anthology({"title": "A Study Reader"}, chosen)
    (out,) = write_book(gathered, tmp_path_factory.mktemp("anthology"), ("epub",))
    return gathered, out.path


def test_an_anthology_numbers_notes_through_and_keeps_sources_apart(anthology_epub):
    gathered, path = anthology_epub
    assert [w.id for w in gathered.works] == ["sample-works-the-tenth-congress-report",
                                              "stalin-1924-the-discussion-the-discussion",
                                              "sample-works-our-disagreements"]
    assert [(n.id, n.number) for n in gathered.notes] == [("sample-works-note-2", "1"),
                                                          ("sample-works-note-1", "2")]
    assert gathered.meta.author == ""  # the sources disagree
    closing = [c.text for w in gathered.works for c in w.closing if c.kind == "remark"]
    assert closing[1].startswith("From J. V. Stalin, Works, Vol. 6")
    assert epubcheck_messages(path) == []
    assert dangling_links(path) == []


def test_anthology_toml_is_read_and_checked(tmp_path, discussion):
    toml = tmp_path / "anthology.toml"
    toml.write_text(f'title = "On the Discussion"\n[[work]]\nsource = "{DISCUSSION.path}"\n')
    book = read_anthology(toml)
    assert book.meta.title == "On the Discussion" and book.meta.book_id == "on-the-discussion"
    assert book.meta.author == "J. V. Stalin"  # the only source's
    assert texts(book.works[0]) == texts(discussion.works[0])
    toml.write_text('title = "X"\ncolour = "red"\n[[work]]\nsource = "a.mia.txt"\n')
    with pytest.raises(MetadataError, match="colour"):
        load(toml)
    toml.write_text('title = "X"\n')
    with pytest.raises(MetadataError, match=r"\[\[work\]\]"):
        load(toml)


def test_excerpt_scopes_every_id():
    book = rich_book()
    cut = excerpt(book, [book.works[0]], scope="s-")
    nodes = [*iter_nodes(cut.works[0]), *cut.notes]
    ids = [n.id for n in nodes if getattr(n, "id", "")]
    targets = [n.target for n in nodes if isinstance(n, NoteRef | PageRef)]
    assert len(ids) > 6 and all(i.startswith("s-") for i in ids)
    assert set(targets) == {"s-note-1", "s-fn-1", "s-page-6"}


def test_a_composite_work_keeps_its_pages_and_notes_in_reading_order():
    book = rich_book()
    book.works[1].blocks.append(para("Opening.", NoteRef("note-1", "1", id="noteref-c")))
    cut = pamphlet(book, [book.works[1]])
    (work,) = cut.works
    assert [m.page for m in iter_nodes(work) if isinstance(m, PageMarker)] == ["7", "8"]
    assert [(n.id, n.number) for n in cut.notes] == [("note-1", "1"), ("note-2", "2")]


def test_pamphlets_are_reproducible(built, tmp_path):
    book = sample()
    (again,) = write_book(pamphlet(book, [find_work(book, "our-disagreements")]), tmp_path,
                          ("epub",))
    assert again.path.read_bytes() == built["our-disagreements"]["epub"].read_bytes()


def test_a_page_shared_by_two_works_finds_the_one_where_it_begins():
    book = rich_book()
    book.works[0].last_page = "7"  # ends on page 7, which begins in the congress
    assert find_work(book, "p7").id == "the-tenth-congress"
    book.works[1].blocks.clear()  # no marker for 7 anywhere: the innermost holder
    assert find_work(book, "p7").id == "the-tenth-congress-report"
