"""Volumes of the third generator (``bench/freshvolumes.py``) that showed a rule missing
read as the issue asks: every work of the contents found, every note linked, no
furniture left."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_othervolumes
import freshvolumes


@pytest.mark.parametrize("seed", [718, 785, 873, 1821, 2026])
def test_a_fresh_volume_reads_its_works_notes_and_no_furniture(seed, octavo_warnings):
    """Seed 785: a one-line stamp on four of fourteen pages, over two works' titles, the
    versos' letter-spaced head and the notes' letter-spaced heading (``N O T E S``), is
    learnt as over titles and heads only; unlearnt, it hid both titles and the notes.
    Seed 718: a stamp of three lines on two pages of eleven, both in the volume's second
    half, over a recto's head seen once (the sentence of the page before runs on under
    it) and over the notes' heading; unlearnt, it hid the notes.  Seed 873: nine pages
    parted by eight form feeds, too few to count pages by alone, but beside the folios;
    read as blank lines, the two over each title in mid-page parted pages too, and a
    work was lost.  (Seed 873's text is UTF-8 read as cp1252: mended, and said so.)  Seed
    1821: the first work's opening page, printed without a folio, then a page under the
    versos' head seen once (the title page's name over a line in lower case), its folio
    at the foot: read as that page's second part, the title's first line taken for the
    head over both, and the head left in the text.  Seed 2026 (held out, read once): a
    stamp over two of the three pages under the versos' letter-spaced head, printed with
    no folio, and over a recto's head whose spacing runs its words together, was taken for
    the versos' head and the author; learnt, the page under the versos' head after a work
    opening in mid-page (its folio at the foot of the part a title in mid-page opens) was
    read as the rest of the page before, and two works were lost."""
    figures = bench_othervolumes.measure(seed, freshvolumes.generate)
    assert (figures.found, figures.linked, figures.furniture) == (
        figures.works, figures.notes, 0)
    assert all(warning.endswith("[s-008]") for warning in octavo_warnings)


@pytest.mark.parametrize("seed", [8, 20, 30, 221])
def test_a_fresh_volume_reads_its_works_dates_and_closing_lines(seed, octavo_warnings):
    """Seed 8: a work's source broken over a page turn (``Sozialdemokrat, No. 39,`` /
    ``July 3, 1855``), its date opening the next page, was cut in two, the date given to
    the next work; seed 221 the same where the next work's title stands on that page.
    Seed 20: the contents give a work's place and date after its subtitle (``A Reply to
    Critics, Paris, April 1856``), read as the subtitle's words, and the date's line under
    the title went with them.  Seed 30: the title page letter-spaces the author's name over
    the title (``K A R L M A R X`` / ``SELECTED WORKS``); the title was read for the author,
    and no work's signature was known for one."""
    figures = bench_othervolumes.measure(seed, freshvolumes.generate)
    assert (figures.same_dates, figures.same_closings) == (figures.dated, figures.closed)
    assert figures.dated and figures.closed


@pytest.mark.parametrize("seed", [17, 30, 49])
def test_a_fresh_volume_names_each_work_by_its_own_running_head(seed, octavo_warnings):
    """A work's short title (its id, and the PDF's running head) is the head the print
    sets over its pages, or its title.  Seed 17: works open in mid-page under the head of
    the work ending there, which named them.  Seed 30: the author's head and a work's
    stand on two pages each, each beside the other alone; the work's was taken for the
    versos' head, and the author's name for three works'.  Seed 49: the author's head
    (``F R A N Z M E H R I N G``) stands on one verso only, and named the work under it
    (its text is UTF-8 read as cp1252: mended, and said so)."""
    figures = bench_othervolumes.measure(seed, freshvolumes.generate)
    assert figures.found == figures.works
    assert figures.own_shorts == figures.found
    assert all(warning.endswith("[s-008]") for warning in octavo_warnings)
