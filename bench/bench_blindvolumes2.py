"""Volumes of collected works from a fifth generator (``blindvolumes2``: papers of *The
Federalist*, written without reading the reader), scored as ``bench_othervolumes`` scores
its own: works found, endnotes linked, furniture left, paragraphs identical, words right.

``python bench/bench_blindvolumes2.py A B [-v]``: the figures of seeds A to B one by one
(``-v``: and the paragraphs read otherwise than printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_othervolumes import main, rows
from blindvolumes2 import generate


def run() -> list[tuple[str, float, str, float]]:
    return rows("second blind volumes", range(1, 21), generate)


if __name__ == "__main__":
    main(sys.argv[1:], generate)
