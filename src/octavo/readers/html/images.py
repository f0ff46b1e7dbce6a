"""The images of a page: kept when they are saved beside it, else left out with a warning.

An image is kept when its file lies inside the source's folder (no ``..`` or link leads
out of it) and is a PNG, JPEG or GIF (an SVG can hold scripts); its bytes go into the
tree, with its ``alt`` text. An image on the web is never fetched; tracking pixels (1×1
images) are dropped without a word.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from lxml.html import HtmlElement

from ...encoding import IMAGE_TYPES, image_type
from ...errors import SourceError
from ...files import read_bytes
from ...tree import Image
from .told import tell

TRACKER_SIZE = 2  # pixels: an image no wider or taller is a web counter, not a picture


def local_path(src: str, folder: Path | None, root: Path | None) -> Path | None:
    """The file a relative ``src`` names inside ``root``, or None (remote, outside, none)."""
    parts = urlsplit(src.strip())
    if parts.scheme or parts.netloc or not parts.path or folder is None or root is None:
        return None
    path = (folder / unquote(parts.path)).resolve()
    return path if path.is_relative_to(root.resolve()) else None


def _is_tracker(img: HtmlElement) -> bool:
    sizes = [img.get("width"), img.get("height")]
    return any(s is not None and s.strip().isdigit() and int(s) <= TRACKER_SIZE for s in sizes)


def _data_url(src: str) -> bytes | None:
    """The bytes of a ``data:`` URL."""
    header, _, payload = src.strip()[5:].partition(",")
    try:
        if header.endswith(";base64"):
            return base64.b64decode(payload, validate=False)
        return unquote_to_bytes(payload)
    except ValueError:
        return None


def image(img: HtmlElement, folder: Path | None, root: Path | None) -> Image | None:
    """The Image an ``<img>`` shows, or None (with a warning when it belonged to the text)."""
    src = (img.get("src") or "").strip()
    if _is_tracker(img) or not src:
        return None
    alt = " ".join((img.get("alt") or img.get("title") or "").split())
    shown = src if len(src) < 80 else src[:77] + "…"
    if src.lower().startswith("data:"):
        data = _data_url(src)
    else:
        scheme = urlsplit(src).scheme.lower()
        if (scheme and scheme != "file") or urlsplit(src).netloc:
            tell("w-002", f"image {shown!r} is on the web; octavo fetches nothing, so it is "
                 "left out")
            return None
        path = local_path(src, folder, root)
        if path is None:
            tell("w-002", f"image {shown!r} is not inside the source's folder; left out")
            return None
        if not path.exists():
            tell("w-002", f"image {shown!r} is not in the saved folder; left out")
            return None
        try:
            data = read_bytes(path)
        except SourceError as exc:
            tell("w-002", f"image {shown!r} can't be read ({exc}); left out")
            return None
    media_type = image_type(data) if data else None
    if media_type is None:
        tell("w-002", f"image {shown!r} is not a PNG, JPEG or GIF image; left out")
        return None
    name = f"{hashlib.sha256(data).hexdigest()[:16]}.{IMAGE_TYPES[media_type][0]}"
    return Image(name, media_type, base64.b64encode(data).decode("ascii"), alt)


def find(body: HtmlElement, folder: Path | None, root: Path | None
         ) -> dict[HtmlElement, Image]:
    """Every image of a page that is kept, by its element."""
    return {img: found for img in body.iter("img")
            if (found := image(img, folder, root)) is not None}
