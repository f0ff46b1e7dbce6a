"""octavo's benchmark: run every bench/bench_*.py and print its figures.

Each module defines ``run() -> list[tuple[str, float | None, str, float | None]]``: rows of
(what, measured, unit, target or None); a row measured None was skipped, its unit saying
why. Targets are printed beside the figures; the benchmark reports, it does not fail (tests
never time things).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the modules' shared helpers (procmem)


def main() -> None:
    print(f"{'benchmark':58} {'measured':>12} {'target':>12}")
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for what, value, unit, target in module.run():
            if value is None:
                print(f"{what:58} {unit}", flush=True)
                continue
            mark = "" if target is None else ("  ok" if value <= target else "  OVER")
            goal = "" if target is None else f"{target:.2f} {unit}"
            print(f"{what:58} {value:9.2f} {unit:<3}{goal:>12}{mark}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
