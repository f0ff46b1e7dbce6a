"""WeasyPrint's shared libraries found from the loader's cache, without a compiler's search."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the loader's cache is looked in on Linux only")

LOADED = """
import ctypes.util, json, subprocess, sys
misses = []
find_library = ctypes.util.find_library
def spied(name):
    found = find_library(name)
    misses.extend([] if found else [name])
    return found
ctypes.util.find_library = spied
if sys.argv[1] == "unlisted":  # a system without ldconfig: no cache to look in
    run = subprocess.run
    def no_ldconfig(args, *rest, **options):
        if args[0].endswith("ldconfig"):
            raise FileNotFoundError(args[0])
        return run(args, *rest, **options)
    subprocess.run = no_ldconfig
if sys.argv[1] == "plain":
    import weasyprint
else:
    from octavo.writers.pdf_layout import lay_out, stylesheet, PrintSettings
    pdf = lay_out("<p>Octavo</p>", stylesheet(PrintSettings())).write_pdf()
    assert pdf.startswith(b"%PDF")
maps = {line.split()[-1].rsplit("/", 1)[-1] for line in open("/proc/self/maps")}
print(json.dumps({"misses": misses, "libraries": sorted(m for m in maps if ".so" in m)}))
"""


def loaded(how: str) -> dict:
    """What importing WeasyPrint ``how`` loaded, and the names a compiler was asked for."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(LOADED), how],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def weasyprint_libraries(found: dict) -> set[str]:
    """The shared libraries WeasyPrint opens itself, as a run loaded them."""
    names = ("libpango", "libharfbuzz", "libfontconfig", "libgobject")
    return {lib for lib in found["libraries"] if lib.startswith(names)}


def test_the_same_libraries_load_without_searching_for_the_names_that_miss():
    plain, octavo = loaded("plain"), loaded("octavo")
    assert plain["misses"]  # WeasyPrint alone asks for names the system has no library of
    assert octavo["misses"] == []
    assert weasyprint_libraries(octavo) == weasyprint_libraries(plain) != set()


def test_without_a_loader_cache_the_libraries_open_by_their_own_names():
    unlisted, plain = loaded("unlisted"), loaded("plain")
    assert unlisted["misses"] == []
    assert weasyprint_libraries(unlisted) == weasyprint_libraries(plain) != set()
