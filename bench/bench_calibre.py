"""The commands a user runs on the volume, timed in fresh processes beside calibre's
``ebook-convert`` on the same OCR text in the same run (this machine is shared: compare the
ratios, never seconds across runs). calibre is Debian's ``calibre`` package, which
``make bench`` installs where it may; where it is missing, its ratios are skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from octavo.cache import read_cached
from octavo.sources import Source

ROOT = Path(__file__).resolve().parents[1]
VOLUME = ROOT / "input/stalin-works-05.ocr.txt"
OCTAVO = shutil.which("octavo", path=str(Path(sys.executable).parent)) or "octavo"
CALIBRE = shutil.which("ebook-convert")
# calibre lays out its PDF in Qt WebEngine, which wants a display and, as root, no sandbox
CALIBRE_ENV = {"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
QUICK_RUNS = 3  # the best of three for the commands that take under a second (the EPUBs:
# the best of two; the PDFs, long enough to even out, once)


def timed(*command: object, env: dict[str, str], runs: int = 1) -> float:
    """The wall-clock seconds of the best of ``runs`` runs of a command."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(c) for c in command], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def restore_seconds() -> float:
    """Restoring the volume's tree from a warm cache, in this process: the best of three."""
    best = float("inf")
    for _ in range(QUICK_RUNS):
        start = time.perf_counter()
        read_cached(Source(VOLUME))
        best = min(best, time.perf_counter() - start)
    return best


def ratio(rows: list, what: str, ours: float, theirs: float | None, target: float) -> None:
    if theirs is None:
        rows.append((f"{what} / calibre", None, "skipped: calibre's ebook-convert is not "
                     "installed (Debian: calibre)", None))
    else:
        rows.append((f"{what} / calibre", ours / theirs, "x", target))


def run():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        env = {**os.environ, "OCTAVO_CACHE": str(out / "trees"), **CALIBRE_ENV}
        build = [OCTAVO, "build", VOLUME, "--out", out / "octavo"]
        calibre_epub = calibre_pdf = None
        if CALIBRE:
            calibre_epub = timed(CALIBRE, VOLUME, out / "calibre.epub", "--enable-heuristics",
                                 env=env, runs=2)
            rows.append(("calibre: volume TXT -> EPUB, --enable-heuristics", calibre_epub, "s",
                         None))
        # the best of two: the first run on a machine also makes octavo's word frequency table
        epub = timed(*build, "--format", "epub", "--no-cache", env=env, runs=2)
        rows.append(("octavo: volume -> EPUB, from the text", epub, "s", None))
        ratio(rows, "octavo: volume -> EPUB, from the text", epub, calibre_epub, 0.08)
        timed(*build, "--format", "epub", env=env)  # fills the tree cache
        cached = timed(*build, "--format", "epub", env=env)
        rows.append(("octavo: volume -> EPUB, tree cached", cached, "s", 1.0))
        ratio(rows, "octavo: volume -> EPUB, tree cached", cached, calibre_epub, 0.08)
        if CALIBRE:
            calibre_pdf = timed(CALIBRE, VOLUME, out / "calibre.pdf", env=env)
            rows.append(("calibre: volume TXT -> PDF", calibre_pdf, "s", None))
        pdf = timed(*build, "--format", "pdf", "--no-cache", env=env)
        rows.append(("octavo: volume -> PDF, from the text", pdf, "s", None))
        ratio(rows, "octavo: volume -> PDF, from the text", pdf, calibre_pdf, 0.45)
        works = timed(OCTAVO, "works", VOLUME, env=env, runs=QUICK_RUNS)
        pamphlet = timed(OCTAVO, "pamphlet", VOLUME, "p206", "--format", "epub",
                         "--out", out / "pamphlets", env=env, runs=QUICK_RUNS)
        helped = timed(OCTAVO, "--help", env=env, runs=QUICK_RUNS)
        os.environ["OCTAVO_CACHE"] = env["OCTAVO_CACHE"]
        restored = restore_seconds()
    return [*rows,
            ("octavo works, tree cached", works, "s", 0.5),
            ("octavo pamphlet p206 --format epub, tree cached", pamphlet, "s", 0.5),
            ("octavo --help", helped, "s", 0.3),
            ("the volume's tree restored from the cache (in process)", restored, "s", 0.15),
            ("load average during the benchmark (2 cores)", os.getloadavg()[0], "", None)]


if __name__ == "__main__":
    for row in run():
        print(*row)
