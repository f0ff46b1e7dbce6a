"""Writing outputs safely: into a temporary file beside the target, then renamed into place.

A failed or interrupted build leaves every earlier output as it was and no ``.part``
file behind: ``write_all`` renames its outputs into place only once all are written. A
process killed outright can't clean up, so each ``.part`` file is named by its writer's
process, and the next write beside it removes those whose writer has gone.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path

from .errors import OutputError
from .safety import name_problem


def _cannot(exc: OSError, path: Path) -> OutputError:
    return OutputError(f"cannot write here: {exc.strerror or exc}", path)


def writable_folder(folder: Path) -> Path:
    """``folder``, created if need be, once a file has been written in it and removed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except FileExistsError:
        raise OutputError("is a file, not a folder to write into", folder) from None
    except OSError as exc:
        raise _cannot(exc, folder) from None
    return folder


def target(folder: Path, name: str, suffix: str) -> Path:
    """``folder/name.suffix``, refusing names that could lead outside ``folder``."""
    if problem := name_problem(name):
        raise OutputError(f"{name!r} can't name an output file: {problem}", folder)
    return folder / f"{name}.{suffix}"


def _running(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (one we may not signal does)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _sweep(path: Path) -> None:
    """Remove the ``.part`` files beside ``path`` left by writers that were killed."""
    for part in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        pid = part.name.removeprefix(f".{path.name}.").partition(".")[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):  # another sweeper's, or not ours to remove
                part.unlink()


def _part(path: Path, data: bytes) -> Path:
    """``data`` written to a temporary file beside ``path``, named by this process."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                   dir=path.parent)
    except OSError as exc:
        raise _cannot(exc, path.parent) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot(exc, path) from None
        raise
    return Path(tmp)


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every output or none: all to temporary files, then each renamed into place."""
    for path in outputs:
        if path.is_dir():
            raise OutputError("a folder is in the way of this output", path)
    parts: dict[Path, Path] = {}
    try:
        for path, data in outputs.items():
            parts[path] = _part(path, data)
        for path, part in parts.items():
            os.replace(part, path)
    except OSError as exc:
        raise _cannot(exc, path) from None
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a failure leaves the old file untouched."""
    write_all({path: data})
