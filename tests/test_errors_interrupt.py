"""Nothing lost, nothing half-written: a failed or interrupted build leaves the earlier
outputs as they were and no temporary files."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest
from cli_runner import DISCUSSION, assert_fails_cleanly, leftovers, octavo
from conftest import INPUT

from octavo import output
from octavo.writers import pdf

VOLUME = INPUT / "stalin-works-05.ocr.txt"


@pytest.fixture(scope="module")
def good_dist(tmp_path_factory):
    """A dist/ holding a good earlier build of the web transcription, and its bytes."""
    dist = tmp_path_factory.mktemp("dist")
    assert octavo("build", DISCUSSION, "--out", dist).code == 0
    return dist, {p.name: p.read_bytes() for p in dist.iterdir()}


def _unchanged(good_dist) -> None:
    dist, before = good_dist
    assert {p.name: p.read_bytes() for p in dist.iterdir()} == before
    assert not leftovers(dist)


def _changed_text(monkeypatch):
    """Make the book differ from the earlier build, so a half-done write would show (the
    builds that read it pass --no-cache: the tree cache knows the file unchanged)."""
    from octavo import sources

    real_read = sources.read_text
    monkeypatch.setattr(sources, "read_text", lambda path: real_read(path) + "\n\nNew end.")


def test_a_failing_pdf_writer_leaves_the_earlier_epub_and_pdf(good_dist, monkeypatch):
    _changed_text(monkeypatch)

    def fails(book, settings=None):
        raise RuntimeError("cairo went away")

    monkeypatch.setattr(pdf, "build", fails)
    run = octavo("build", DISCUSSION, "--out", good_dist[0], "--no-cache")
    assert_fails_cleanly(run, 7, "stalin-1924-the-discussion.pdf", "PDF writer failed",
                         "cairo went away")
    _unchanged(good_dist)


@pytest.mark.parametrize("stage", ["reading", "laying out", "writing"])
def test_ctrl_c_exits_130_with_one_line_and_no_part_files(good_dist, monkeypatch, stage):
    _changed_text(monkeypatch)

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if stage == "reading":
        from octavo import sources
        monkeypatch.setattr(sources, "read_text", interrupt)
    elif stage == "laying out":
        monkeypatch.setattr(pdf, "build", interrupt)
    else:  # the EPUB's temporary file is written, the PDF's is being written
        calls = []
        real_chmod = os.chmod

        def chmod_then_interrupt(path, mode):
            calls.append(path)
            real_chmod(path, mode)
            if len(calls) == 2:
                raise KeyboardInterrupt

        monkeypatch.setattr(output.os, "chmod", chmod_then_interrupt)
    run = octavo("build", DISCUSSION, "--out", good_dist[0], "--no-cache")
    assert run.code == 130
    assert run.stderr == ["octavo: interrupted; earlier outputs are as they were"]
    _unchanged(good_dist)


def test_sigterm_cleans_up_like_ctrl_c(good_dist, monkeypatch):
    def terminated(book, settings=None):
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the build")

    monkeypatch.setattr(pdf, "build", terminated)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        run = octavo("build", DISCUSSION, "--out", good_dist[0])
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert run.code == 130
    _unchanged(good_dist)


def test_a_folder_in_the_way_of_an_output_is_an_output_error(tmp_path):
    (tmp_path / "stalin-1924-the-discussion.pdf").mkdir()
    run = octavo("build", DISCUSSION, "--out", tmp_path)
    assert_fails_cleanly(run, 6, "stalin-1924-the-discussion.pdf")
    assert not (tmp_path / "stalin-1924-the-discussion.epub").exists()
    assert not leftovers(tmp_path)


SIGNAL_DURING_LAYOUT = """
import os, signal, sys
from octavo import sources
from octavo.writers import pdf
from octavo.cli import main

read_text = sources.read_text
sources.read_text = lambda path: read_text(path) + " A new last sentence."

def interrupted(book, settings=None):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, while the PDF is being laid out
    raise AssertionError("SIGINT should have stopped the build")

pdf.build = interrupted
sys.argv[0] = "octavo"
main()
"""


def test_a_real_ctrl_c_in_a_real_process(good_dist):
    done = subprocess.run([sys.executable, "-c", SIGNAL_DURING_LAYOUT, "build", str(DISCUSSION),
                           "--out", str(good_dist[0]), "--no-cache"],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert done.returncode == 130
    assert done.stderr == "octavo: interrupted; earlier outputs are as they were\n"
    _unchanged(good_dist)


def test_a_full_disk_is_an_output_error_and_keeps_the_earlier_outputs(good_dist, monkeypatch):
    _changed_text(monkeypatch)

    def full(fd, mode):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", full)
    run = octavo("build", DISCUSSION, "--out", good_dist[0], "--no-cache")
    assert_fails_cleanly(run, 6, "stalin-1924-the-discussion.epub", "No space")
    _unchanged(good_dist)


CTRL_C_WHILE_READING = """
import os, pathlib, sys, time
from octavo.readers import READERS
from octavo.cli import main

def reading(text, hints=None):  # in the child that reads the source for the batch
    pathlib.Path(os.environ["READING_MARKER"]).touch()
    time.sleep(120)

READERS["ocr"] = reading
sys.argv[0] = "octavo"
main()
"""


def test_ctrl_c_while_a_batch_reads_its_source_aside_stops_every_process_quietly(tmp_path):
    """Ctrl-C reaches the terminal's whole process group: the command, the child reading
    the source and the cluster's processes starting meanwhile."""
    marker = tmp_path / "reading"
    batch = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_WHILE_READING, "pamphlets", str(VOLUME), "--all",
         "--jobs", "2", "--out", str(tmp_path / "out")],
        env={**os.environ, "OCTAVO_CACHE": str(tmp_path / "trees"),
             "READING_MARKER": str(marker)},
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while not marker.exists():
        assert batch.poll() is None, batch.stderr.read()
        time.sleep(0.05)
    os.killpg(batch.pid, signal.SIGINT)
    assert batch.wait(timeout=60) == 130
    assert batch.stderr.read() == "octavo: interrupted; earlier outputs are as they were\n"
    assert not [*tmp_path.glob("trees/*")] and not [*tmp_path.glob("out/*")]


KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from octavo import output

def killed(fd, mode):  # the data half-written when the process is killed outright
    os.write(fd, b"half")
    os.kill(os.getpid(), signal.SIGKILL)

output.os.fdopen = killed
output.write_atomic(Path(sys.argv[1]), b"whole")
"""


def test_a_part_file_left_by_a_killed_writer_goes_at_the_next_write(tmp_path):
    """SIGKILL leaves no chance to clean up: the next write beside the file removes the
    killed writer's part, and keeps a part whose writer still runs."""
    target = tmp_path / "book.epub"
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, str(target)])
    assert killed.returncode == -signal.SIGKILL
    [left] = leftovers(tmp_path)
    assert left.read_bytes() == b"half" and not target.exists()
    running = tmp_path / f".book.epub.{os.getpid()}.x.part"
    running.write_bytes(b"being written")
    output.write_atomic(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert leftovers(tmp_path) == [running]
