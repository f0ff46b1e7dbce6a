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


@pytest.mark.parametrize("seed", [785])
def test_a_fresh_volume_reads_its_works_notes_and_no_furniture(seed):
    """Seed 785: a one-line stamp on four of fourteen pages, over two works' titles, the
    versos' letter-spaced head and the notes' letter-spaced heading (``N O T E S``), is
    learnt as over titles and heads only; unlearnt, it hid both titles and the notes."""
    figures = bench_othervolumes.measure(seed, freshvolumes.generate)
    assert (figures.found, figures.linked, figures.furniture) == (
        figures.works, figures.notes, 0)
