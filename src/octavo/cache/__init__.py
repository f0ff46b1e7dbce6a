"""What octavo keeps so as not to do work twice, one module each:

- ``codec``: a tree as JSON-able data and back (the safe format both caches use);
- ``keys``: fingerprints of octavo's code, templates and styles, and of a source's files;
- ``trees``: the tree cache, the Book a source reads into, in the user's cache folder;
- ``manifest``: the build cache, which outputs of an output folder are up to date.

The names below are the ones the commands, the batch and the web layer use.
"""

from __future__ import annotations

from .codec import restore, serialise
from .keys import code, source_files, toolchain
from .manifest import MANIFEST, Entry, Manifest, output_keys, source_fingerprint
from .trees import read_cached, tree_folder

__all__ = ["MANIFEST", "Entry", "Manifest", "code", "output_keys", "read_cached", "restore",
           "serialise", "source_files", "source_fingerprint", "toolchain", "tree_folder"]
