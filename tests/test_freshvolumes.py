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


@pytest.mark.parametrize("seed", [718, 785, 873])
def test_a_fresh_volume_reads_its_works_notes_and_no_furniture(seed, octavo_warnings):
    """Seed 785: a one-line stamp on four of fourteen pages, over two works' titles, the
    versos' letter-spaced head and the notes' letter-spaced heading (``N O T E S``), is
    learnt as over titles and heads only; unlearnt, it hid both titles and the notes.
    Seed 718: a stamp of three lines on two pages of eleven, both in the volume's second
    half, over a recto's head seen once (the sentence of the page before runs on under
    it) and over the notes' heading; unlearnt, it hid the notes.  Seed 873: nine pages
    parted by eight form feeds, too few to count pages by alone, but beside the folios;
    read as blank lines, the two over each title in mid-page parted pages too, and a
    work was lost.  (Seed 873's text is UTF-8 read as cp1252: mended, and said so.)"""
    figures = bench_othervolumes.measure(seed, freshvolumes.generate)
    assert (figures.found, figures.linked, figures.furniture) == (
        figures.works, figures.notes, 0)
    assert all(warning.endswith("[s-008]") for warning in octavo_warnings)
