"""Reading a source's files: regular files of a bounded size, or an error saying why not,
and their text once decoded, safe for XML."""

from __future__ import annotations

import stat
from pathlib import Path

from . import safety
from .encoding import Decoded
from .errors import SourceEmpty, SourceError, SourceTooLarge
from .findings import report
from .normalise import normalise

MAX_SOURCE_MB = 32  # a 1,000-page volume is about 3 MB of text


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular, non-empty file of at most MAX_SOURCE_MB, or a SourceError."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory, not a source text", path)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("is not a regular file", path)
        if info.st_size > MAX_SOURCE_MB * 1024 * 1024:
            raise SourceTooLarge(f"is {info.st_size / 1024 / 1024:.0f} MB; octavo reads "
                                 f"sources of up to {MAX_SOURCE_MB} MB", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file", path) from None
    except OSError as exc:
        raise SourceError(f"cannot read it: {exc.strerror or exc}", path) from None
    if not data:
        raise SourceEmpty("is empty", path)
    return data


def clean_text(decoded: Decoded, path: Path | None) -> str:
    """A decoded file's text normalised (``octavo.normalise``, which reports a double
    encoding it mends), without the characters XML can't hold; what its decoding mended and
    what was dropped are reported, and a file of white space is a SourceEmpty."""
    if decoded.note:
        report("s-001", decoded.note)
    text, dropped = safety.clean_source(normalise(decoded.text))
    if dropped:
        report("s-002", f"dropped {dropped} control character(s) that XML can't hold")
    if not text.strip():
        raise SourceEmpty("holds no text, only white space", path)
    return text
