"""How many processes to run at once: the cores this process may run on."""

from __future__ import annotations

import os


def available() -> int:
    """The cores this process may run on (its CPU affinity, which a container or ``taskset``
    narrows), at least one; ``os.cpu_count`` would count the machine's."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
