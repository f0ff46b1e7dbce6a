"""Batches on a Dask cluster started by hand (`dask scheduler`, `dask worker`), as on a
machine room's cluster: the same files, byte for byte, as made in one process."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import INPUT
from served import dask_cluster

from octavo.cli import main
from octavo.errors import ClusterError

VOLUME = INPUT / "stalin-works-05.ocr.txt"
WORKS = ["To Pravda", "p140", "The Tenth Anniversary of Pravda", "The Tenth Congress/2"]


def made(out: Path, *options: str) -> dict[str, bytes]:
    """The files `octavo pamphlets` writes for WORKS into ``out``, by name."""
    result = CliRunner().invoke(main, ["pamphlets", str(VOLUME), *WORKS, "--out", str(out),
                                       *options])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith(f"{2 * len(WORKS)} built")
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.*")) if p.suffix != ".json"}


def test_a_batch_on_a_scheduler_and_workers_started_by_hand_makes_the_same_bytes(tmp_path):
    alone = made(tmp_path / "alone", "--jobs", "1")
    with dask_cluster(tmp_path, workers=2) as scheduler:
        spread = made(tmp_path / "spread", "--scheduler", scheduler)
    assert len(alone) == 2 * len(WORKS) and spread == alone


def test_a_scheduler_that_is_no_address_is_an_error_naming_it(tmp_path):
    result = CliRunner().invoke(main, ["pamphlets", str(VOLUME), *WORKS, "--out",
                                       str(tmp_path), "--scheduler", "no-such-scheduler"])
    assert result.exit_code == ClusterError.exit_code
    assert "no-such-scheduler: cannot reach the Dask scheduler" in result.output
    assert not [*tmp_path.glob("*.epub"), *tmp_path.glob("*.pdf")]
