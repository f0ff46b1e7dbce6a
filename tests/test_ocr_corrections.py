"""The editor's corrections file: applied before reading, and loud when it misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from octavo import corrections
from octavo.errors import MetadataError
from octavo.findings import collecting
from octavo.readers.ocr import pages
from octavo.readers.ocr.pages import page_spans
from octavo.sources import Source, read_book, read_text
from octavo.tree import PageMarker, iter_nodes

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "input" / "stalin-works-05.ocr.txt"
PAGES = "OUR DISAGREEMENTS 5 \nthe mmediate task\n\nJ. V. S T A L I N 6 \nthe mmediate task\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "x.corrections.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_volume_corrections_all_apply():
    fixes = corrections.load(corrections.default_path(SOURCE))
    assert corrections.default_path(SOURCE).name == "stalin-works-05.corrections.toml"
    with collecting(SOURCE) as gathering:
        text = corrections.apply(read_text(SOURCE), fixes, page_spans)
    assert gathering.findings == []
    assert "mmediate Tasks" not in text.replace("Immediate", "")


def test_a_fix_limited_to_a_page(tmp_path):
    fixes = corrections.load(write(tmp_path, '[[fix]]\nfind = "mmediate"\n'
                                             'replace = "immediate"\npage = "6"\n'))
    assert corrections.apply(PAGES, fixes, page_spans) == (
        "OUR DISAGREEMENTS 5 \nthe mmediate task\n\nJ. V. S T A L I N 6 \nthe immediate task\n")


def test_a_fix_that_matches_nothing_is_reported(tmp_path, octavo_warnings):
    fixes = corrections.load(write(tmp_path, '[[fix]]\nfind = "nowhere"\nreplace = "x"\n'))
    with collecting("x.txt") as gathering:
        assert corrections.apply(PAGES, fixes) == PAGES
    assert [(f.code, f.message) for f in gathering.findings] == [
        ("c-001", "correction 'nowhere': 0 matches, 1 meant; not applied")]
    assert octavo_warnings == [
        "octavo: x.txt: correction 'nowhere': 0 matches, 1 meant; not applied [c-001]"]


def test_a_fix_that_matches_more_than_meant_is_reported_and_not_applied(tmp_path,
                                                                        octavo_warnings):
    fixes = corrections.load(write(tmp_path, '[[fix]]\nfind = "mmediate"\nreplace = "x"\n'))
    with collecting("x.txt") as gathering:
        assert corrections.apply(PAGES, fixes) == PAGES
    assert "2 matches, 1 meant" in gathering.findings[0].message
    assert [w.rsplit(" ", 1)[-1] for w in octavo_warnings] == ["[c-001]"]
    every = corrections.load(write(tmp_path, '[[fix]]\nfind = "mmediate"\nreplace = "x"\n'
                                             "count = 0\n"))
    assert corrections.apply(PAGES, every).count("the x task") == 2


def test_a_broken_file_is_a_metadata_error(tmp_path):
    with pytest.raises(MetadataError):
        corrections.load(write(tmp_path, "[[fix]]\nfind = 'no replace'\n"))


def test_read_book_applies_the_corrections():
    book = read_book(Source(SOURCE))
    markers = [n.page for w in book.works for n in iter_nodes(w) if isinstance(n, PageMarker)]
    assert markers.count("322") == 1 and markers.count("332") == 1


def test_a_page_fix_whose_one_match_stands_on_another_page_is_reported(tmp_path,
                                                                        octavo_warnings):
    text = PAGES.replace("6 \nthe mmediate task", "6 \nthe other task")
    fixes = corrections.load(write(tmp_path, '[[fix]]\nfind = "mmediate"\n'
                                             'replace = "immediate"\npage = "6"\n'))
    with collecting("x.txt") as gathering:
        assert corrections.apply(text, fixes, page_spans) == text
    assert [f.message for f in gathering.findings] == [
        "correction 'mmediate': 0 matches, 1 meant; not applied"]


def test_the_volume_is_laid_out_once_with_its_corrections(monkeypatch):
    """The page-limited fixes are checked on the corrected text's pages, whose layout the
    reader takes over: the same text as fixing page by page, one layout of the volume."""
    text = read_text(SOURCE)
    fixes = corrections.load(corrections.default_path(SOURCE))
    by_page = corrections._applied(text, fixes, page_spans(text))
    learnt = []
    learn = pages.boilerplate.learn
    monkeypatch.setattr(pages.boilerplate, "learn", lambda *a: learnt.append(1) or learn(*a))
    read_book(Source(SOURCE), plain=False)
    assert len(learnt) == 1
    assert corrections.apply(text, fixes, page_spans) == by_page


def test_a_layout_page_spans_made_is_handed_over_once():
    spans = page_spans(PAGES)
    handed = pages.layout(PAGES)
    again = pages.layout(PAGES)
    assert handed is not again and handed.pages == again.pages
    assert {p.folio: p.span for p in again.pages if p.folio} == spans


def test_a_fix_matches_whatever_quotes_the_text_has():
    """A find written with the scan's stand-ins (``People¹s``) matches a text with other
    stand-ins, straight or typographic quotes, and puts the text's own back."""
    fix = corrections.Fix("the People¹s ³Commissar.²", "the People¹s ³Commissar²")
    for quotes in ("¹³²", "’“”", "'\"\"", "`«»"):
        text = "of the People{}s {}Commissar.{} of".format(*quotes)
        assert corrections.apply(text, [fix]) == text.replace(".", "")


def test_a_fix_across_a_line_break_matches_a_text_that_indents_its_lines():
    """A find over two lines matches a text whose lines are indented (an export that
    keeps the page's margin), and its replacement keeps the indent."""
    fix = corrections.Fix("industry and finace\nall these", "industry and finance\nall these")
    for indent in ("", "  ", "    "):
        text = f"{indent}of industry and finace\n{indent}all these questions"
        assert corrections.apply(text, [fix]) == text.replace("finace", "finance")
