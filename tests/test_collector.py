"""The cycle collector held off while a source is read, and what a command's reading leaves
frozen until the command is done; what the layout server preloads frozen."""

from __future__ import annotations

import gc
import subprocess
import sys

from octavo import collector


class Node:
    """An object the collector tracks."""


def test_a_reading_is_frozen_only_inside_a_command():
    gc.collect()
    made = []
    with collector.held_off():
        made += [Node() for _ in range(1000)]
    assert gc.get_freeze_count() == 0  # outside a command (a server): nothing frozen
    with collector.one_shot():
        with collector.held_off():
            assert not gc.isenabled()
            made += [Node() for _ in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= 1000
    assert gc.get_freeze_count() == 0  # thawed: its cycles can be collected at last


def test_the_layout_server_preload_is_frozen_and_leaves_the_collector_on():
    script = ("import gc, octavo.writers.pdf_warm; "
              "print(gc.isenabled(), gc.get_freeze_count(), len(gc.get_objects()))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == "True"  # the workers forked from it still collect their own objects
    frozen, tracked = int(out[1]), int(out[2])
    assert frozen > 100 * tracked  # what it loaded is out of the collector's sight
