"""Same bytes out: build the samples with a git ref and with the working tree, and compare.

    .venv/bin/python bench/compare_outputs.py [REF] [--keep DIR]    # REF: HEAD by default
    make compare REF=main

REF is checked out into a temporary ``git worktree``, and the same inputs, the working
tree's, are built by both versions of the code (each tree's src/, templates/ and styles/,
in a process of its own, with the same virtual environment and environment variables and
a fresh tree cache): every source in input/ (EPUB and PDF), every anthology in examples/,
a pamphlet of every work of every source (EPUB and PDF) and the every-node sample book of
tests/samples.py. Then every output is compared byte for byte; the status is 1 when any
differs or is made by one version only. A change that should alter no output (a
refactoring, a speed-up) proves it here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = (".epub", ".pdf")

# Run with a tree's code: ``python -c DRIVER CODE INPUTS OUT``. Only the CLI's commands
# and write_book are used, so that a ref from before a rename builds the same things.
DRIVER = """
import sys
from pathlib import Path

code, inputs, out = map(Path, sys.argv[1:])
sys.path.insert(0, str(inputs / "tests"))
import octavo
assert Path(octavo.__file__).is_relative_to(code), f"imported {octavo.__file__}"
from octavo.build import write_book
from octavo.cli import main
from samples import rich_book

def run(*args):
    try:
        main(list(args), prog_name="octavo", standalone_mode=False)
    except SystemExit as exc:
        if exc.code:
            raise

sources = [str(p) for p in sorted((inputs / "input").glob("*.txt"))]
run("build", *sources, "--out", str(out / "books"))
for toml in sorted((inputs / "examples").glob("*.toml")):
    run("anthology", str(toml), "--out", str(out / "anthologies"))
for source in sources:
    run("pamphlets", source, "--all", "--out", str(out / "pamphlets"))
write_book(rich_book(), out / "sample", ("epub", "pdf"))
"""


def build(tree: Path, out: Path, log: Path) -> float:
    """Build the working tree's samples with ``tree``'s code into ``out``; return the
    seconds it took."""
    env = {k: v for k, v in os.environ.items() if k not in ("OCTAVO_HOME", "PYTHONPATH")}
    env |= {"PYTHONPATH": str(tree / "src"), "OCTAVO_CACHE": str(out / ".tree-cache")}
    start = time.perf_counter()
    with log.open("w") as sink:
        done = subprocess.run([sys.executable, "-c", DRIVER, str(tree), str(ROOT), str(out)],
                              cwd=tree, env=env, stdout=sink, stderr=subprocess.STDOUT,
                              check=False)
    if done.returncode:
        sys.exit(f"compare_outputs: the build with {tree}'s code failed (exit {done.returncode}); "
                 f"see {log}:\n{log.read_text()[-2000:]}")
    return time.perf_counter() - start


def outputs(folder: Path) -> dict[str, Path]:
    """Every EPUB and PDF under ``folder`` by its path relative to it."""
    return {str(p.relative_to(folder)): p for p in sorted(folder.rglob("*"))
            if p.suffix in OUTPUTS}


def difference(one: Path, other: Path) -> str:
    """Where two outputs differ: an EPUB's members, else the sizes."""
    if one.suffix == ".epub":
        a, b = zipfile.ZipFile(one), zipfile.ZipFile(other)
        names = sorted(set(a.namelist()) | set(b.namelist()))
        changed = [n for n in names if n not in a.namelist() or n not in b.namelist()
                   or a.read(n) != b.read(n)]
        return "members " + ", ".join(changed) if changed else "zip layout only"
    return f"{one.stat().st_size} vs {other.stat().st_size} bytes"


def compare(ref_out: Path, new_out: Path, ref: str) -> int:
    """Print one line per output; return how many differ or are missing on one side."""
    old, new = outputs(ref_out), outputs(new_out)
    bad = 0
    for name in sorted(old.keys() | new.keys()):
        if name not in new or name not in old:
            verdict = f"only in {ref if name in old else 'the working tree'}"
        elif old[name].read_bytes() == new[name].read_bytes():
            verdict = "same"
        else:
            verdict = f"DIFFERENT: {difference(old[name], new[name])}"
        bad += verdict != "same"
        print(f"{name:72} {verdict}")
    print(f"{len(old.keys() | new.keys())} outputs, {bad} differ or are missing")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("ref", nargs="?", default="HEAD", help="git ref to compare with")
    parser.add_argument("--keep", type=Path, help="keep both trees' outputs in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="octavo-compare-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        checkout = Path(temp) / "checkout"
        subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(checkout),
                        args.ref], cwd=ROOT, check=True)
        try:
            seconds = [build(tree, work / name, work / f"{name}.log")
                       for tree, name in ((checkout, "ref"), (ROOT, "new"))]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT,
                           check=True)
        print(f"built {args.ref} in {seconds[0]:.0f} s, the working tree in {seconds[1]:.0f} s")
        return 1 if compare(work / "ref", work / "new", args.ref) else 0


if __name__ == "__main__":
    sys.exit(main())
