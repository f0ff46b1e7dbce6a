"""Peak memory of a process and every process it forks, sampled while it runs.

A build that lays out in several processes holds their memory at once, so the peak is the
largest sum over the process tree, counted by proportional set size (PSS: pages a forked
child still shares with its parent are counted once, split between them), not any one
process's resident size.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    children = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            children[int(stat.read_text().rsplit(")", 1)[1].split()[1])].append(
                int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children[found[-1]])
    return found


class PeakMemory:
    """``with PeakMemory(pid) as peak:`` … ``peak.mb``: the largest PSS of the process tree,
    sampled every 20 ms while the block runs."""

    def __init__(self, pid: int) -> None:
        self.pid, self.kb = pid, 0
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.02):
            self.kb = max(self.kb, sum(map(_pss_kb, _tree(self.pid))))

    def __enter__(self) -> PeakMemory:
        self._sampler.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._sampler.join()

    @property
    def mb(self) -> float:
        return self.kb / 1024
