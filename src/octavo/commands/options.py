"""Options several commands share: what to make, where to write it, whether to use the cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from ..build import FORMATS
from ..paths import DIST


def formats(fmt: str) -> tuple[str, ...]:
    """The formats a ``--format`` value names."""
    return FORMATS if fmt == "all" else (fmt,)


def output(default_out: Path) -> Callable:
    """The --out and --format options."""

    def decorate(command: Callable) -> Callable:
        command = click.option("--format", "fmt", type=click.Choice([*FORMATS, "all"]),
                               default="all", show_default=True,
                               help="Which outputs to make.")(command)
        return click.option("--out", "out_dir", type=click.Path(path_type=Path),
                            default=default_out, show_default=str(default_out.relative_to(
                                DIST.parent)) + "/", help="Folder to write into.")(command)

    return decorate


no_cache = click.option(
    "--no-cache", "no_cache", is_flag=True,
    help="Read the source afresh, not from the tree cache (which is then left as it was).")
