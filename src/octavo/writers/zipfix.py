"""Make a zip (EPUB) byte-for-byte reproducible: fixed timestamps, mimetype first and stored."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def normalise(data: bytes) -> bytes:
    """Rewrite a zip with fixed dates and permissions, keeping the entries' order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        names.sort(key=lambda n: n != "mimetype")
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()
