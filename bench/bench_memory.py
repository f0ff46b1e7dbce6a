"""Peak memory of ``octavo build``: each source of input/ alone, then all of them at once.

Each build runs in a fresh child of a small Python watcher, which reports the child's
peak resident set size from ``resource.getrusage(RUSAGE_CHILDREN)``, so one build's
peak never hides behind another's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from octavo.sources import discover

ROOT = Path(__file__).resolve().parents[1]
OCTAVO = shutil.which("octavo", path=str(Path(sys.executable).parent)) or "octavo"
TARGET_MB = 600
WATCH = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode:
    sys.exit(done.stderr.decode()[-500:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mb(*sources: Path) -> float:
    """Peak RSS in MB of one ``octavo build`` of ``sources`` (all of input/ when none)."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run([sys.executable, "-c", WATCH, OCTAVO, "build", *map(str, sources),
                               "--out", out], capture_output=True, text=True, check=True)
    return int(done.stdout) / 1024  # ru_maxrss is in KB on Linux


def run():
    rows = [(f"peak memory: build {s.path.name}", peak_mb(s.path), "MB", TARGET_MB)
            for s in discover(ROOT / "input")]
    rows.append(("peak memory: build all of input/", peak_mb(), "MB", TARGET_MB))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
