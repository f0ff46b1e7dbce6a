"""WeasyPrint, imported with its shared libraries found in one look at the loader's cache.

WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject by trying several names for each,
one per platform (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``,
``libgobject-2.0.so.0`` …). cffi hands every name that does not open as it is to
``ctypes.util.find_library``, and on Linux each call that finds nothing runs ``ldconfig
-p``, ``gcc`` and ``ld`` in turn: 15 misses of 22 calls, in every process that lays out a
PDF (a build's layout server, the Dask workers' fork server). Importing the layout module
took 0.50–1.11 s here, and 0.35–0.51 s this way (five runs each, taking turns).

While WeasyPrint is imported here, ``find_library`` is asked only for a name the loader's
cache lists (``ldconfig -p``, read once); any other name counts as not found at once, and
WeasyPrint goes on to its next spelling, as it does after a slow miss. A system whose
libraries only gcc or ld can find fails that import; it is then imported again with
``find_library`` as it is.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType


def _cache_listing() -> bytes:
    """The loader's cache as ``ldconfig -p`` lists it (empty where there is none)."""
    try:
        return subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, check=False,
                              env={"LC_ALL": "C", "LANG": "C"}).stdout
    except OSError:
        return b""


@contextlib.contextmanager
def _listed_names_only() -> Iterator[None]:
    """``ctypes.util.find_library`` asked only for names the loader's cache lists."""
    find_library, listing = ctypes.util.find_library, _cache_listing()

    def listed(name: str) -> str | None:
        pattern = rb"\slib%s\.\S+\s" % re.escape(name.encode())
        return find_library(name) if re.search(pattern, listing) else None

    ctypes.util.find_library = listed
    try:
        yield
    finally:
        ctypes.util.find_library = find_library


def _imported() -> ModuleType:
    if not sys.platform.startswith("linux") or "weasyprint" in sys.modules:
        import weasyprint

        return weasyprint
    try:  # its complaint of a missing library (printed) is for the import that counts
        with _listed_names_only(), contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError:  # a library only gcc or ld finds: forget the half-done import
        for name in [m for m in sys.modules if m.partition(".")[0] == "weasyprint"]:
            del sys.modules[name]
        import weasyprint
    return weasyprint


weasyprint = _imported()
