"""Progress on a terminal: shown on stderr once a command has run a second, never in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from cli_runner import DISCUSSION

from octavo.cli import _report_warnings as report_warnings
from octavo.commands import report
from octavo.findings import report as find

SHOWN_AT_ONCE = """
import sys
from octavo.commands import report
report.SHOW_AFTER = 0  # a fast machine builds this in under the second a user waits first
from octavo.cli import main
main(sys.argv[1:])
"""


def build_pdf(tmp_path, stderr) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SHOWN_AT_ONCE, "build", str(DISCUSSION),
                           "--format", "pdf", "--no-cache", "--out", str(tmp_path)],
                          stdout=subprocess.PIPE, stderr=stderr, timeout=300, check=True)


def test_a_build_on_a_terminal_says_what_it_is_doing_then_wipes_it(tmp_path):
    ours, theirs = pty.openpty()
    done = build_pdf(tmp_path, theirs)
    os.close(theirs)
    shown = os.read(ours, 65536).decode()
    os.close(ours)
    assert "octavo: reading stalin-1924-the-discussion.mia.txt" in shown
    assert "octavo: making the PDF" in shown
    assert shown.endswith("\r\x1b[K")  # the line is wiped before the results are printed
    assert done.stdout.decode().startswith(str(tmp_path / "stalin-1924-the-discussion.pdf"))


def test_nothing_of_it_in_a_pipe(tmp_path):
    assert build_pdf(tmp_path, subprocess.PIPE).stderr == b""


def test_a_short_command_shows_nothing(capsys):
    line = report.StatusLine()
    line("reading", 0, 0)
    assert capsys.readouterr().err == ""  # under a second in
    line.start -= report.SHOW_AFTER
    line("laying out the PDF in parts", 3, 8)
    assert capsys.readouterr().err == (
        "\r\x1b[Koctavo: laying out the PDF in parts [#######-------------] 3/8")
    line.wipe()
    assert capsys.readouterr().err == "\r\x1b[K"


def test_a_warning_takes_the_line_off_the_screen_first(capsys, monkeypatch, octavo_warnings):
    monkeypatch.setattr(report, "SHOW_AFTER", 0)
    monkeypatch.setattr(report.sys.stderr, "isatty", lambda: True)
    report_warnings()  # as the CLI does (once for all its runs)
    with report.status():
        report.progress.report("reading", 0, 0)
        find("s-003", "an odd line")
        report.progress.report("making the EPUB", 0, 0)
    assert capsys.readouterr().err == ("\r\x1b[Koctavo: reading\r\x1b[K"
                                       "octavo: warning: an odd line [s-003]\n"
                                       "\r\x1b[Koctavo: making the EPUB\r\x1b[K")
    assert octavo_warnings == ["octavo: an odd line [s-003]"]
