"""Peak memory of ``octavo build``: each source of input/ alone, then all of them at once.

Each build runs in a fresh process; its peak is that of its whole process tree (the PDF
of a long book is laid out in several processes at once), sampled while it runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from procmem import PeakMemory

from octavo.sources import discover

ROOT = Path(__file__).resolve().parents[1]
OCTAVO = shutil.which("octavo", path=str(Path(sys.executable).parent)) or "octavo"
TARGET_MB = 600
def peak_mb(*sources: Path) -> float:
    """Peak PSS in MB of one ``octavo build`` of ``sources`` (all of input/ when none)."""
    with tempfile.TemporaryDirectory() as out:
        build = subprocess.Popen([OCTAVO, "build", *map(str, sources), "--out", out],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        with PeakMemory(build.pid) as peak:
            _, stderr = build.communicate()
        if build.returncode:
            raise RuntimeError(stderr.decode()[-500:])
    return peak.mb


def run():
    rows = [(f"peak memory: build {s.path.name}", peak_mb(s.path), "MB", TARGET_MB)
            for s in discover(ROOT / "input")]
    rows.append(("peak memory: build all of input/", peak_mb(), "MB", TARGET_MB))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
