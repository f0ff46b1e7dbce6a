"""Driving the real ``octavo`` command in tests, and checking how it failed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from octavo.cli import main

DISCUSSION = Path(__file__).resolve().parents[1] / "input/stalin-1924-the-discussion.mia.txt"


@dataclass
class Run:
    """What a run of ``octavo`` did: exit code, stdout, stderr lines."""

    code: int
    stdout: str
    stderr: list[str]

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr if line.startswith("octavo: error: ")]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr if line.startswith("octavo: warning: ")]


def octavo(*args: object) -> Run:
    """Run ``octavo ARGS…`` in-process, as a user would from a shell."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr.splitlines())


def assert_fails_cleanly(run: Run, code: int, *fragments: str) -> str:
    """The run failed with ``code`` and one error line holding every fragment; return it."""
    assert run.code == code, run
    assert len(run.errors) == 1, run.stderr
    assert all(line.startswith("octavo: ") for line in run.stderr), run.stderr
    assert not any("Traceback" in line for line in run.stderr)
    for fragment in fragments:
        assert fragment in run.errors[0], (fragment, run.errors[0])
    return run.errors[0]


def as_printed(said: list[str]) -> list[str]:
    """The lines the CLI prints for the warnings octavo gave (``logger: message``, as the
    ``octavo_warnings`` fixture has them): octavo's own without their logger's name."""
    return [f"octavo: warning: {w.removeprefix('octavo: ')}" for w in said]


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a build left behind."""
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".part"))
