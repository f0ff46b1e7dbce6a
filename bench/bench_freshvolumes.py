"""Volumes of collected works from a third generator (``freshvolumes``), scored as
``bench_othervolumes`` scores its own: works found, endnotes linked, furniture left,
paragraphs identical, words right.

``python bench/bench_freshvolumes.py A B [-v]``: the figures of seeds A to B one by one
(``-v``: and the paragraphs read otherwise than printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_othervolumes import main, rows
from freshvolumes import generate


def run() -> list[tuple[str, float, str, float]]:
    return rows("fresh volumes", range(1, 31), generate)


if __name__ == "__main__":
    main(sys.argv[1:], generate)
