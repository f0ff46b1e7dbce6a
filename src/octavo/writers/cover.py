"""A book's cover, drawn from its metadata: author, title, volume (or extract line) as a PNG.

No outside assets: the face is the regular (``*-Regular``, ``*_R``) font the project ships
under ``styles/fonts/`` if there is one, else the sans-serif face built into Pillow.
The same metadata always gives the same bytes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from ..paths import STYLES
from ..tree import Metadata
from ..typography import tie

SIZE = (1400, 2100)  # 2:3, large enough for every reader's library view
MARGIN = 140
BACKGROUND = (112, 24, 28)  # the deep red of the Moscow editions' cloth
INK = (244, 233, 208)
GOLD = (214, 176, 96)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
REGULAR = re.compile(r"(-Regular|_R)$")  # how font files name their upright regular face


@cache
def font(size: int) -> Font:
    """The cover face at a pixel size."""
    shipped = sorted(p for p in (STYLES / "fonts").glob("*.[ot]tf") if REGULAR.search(p.stem))
    if shipped:
        return ImageFont.truetype(str(shipped[0]), size)
    return ImageFont.load_default(size=size)


# Stand-ins for characters the face has no glyph for (the built-in face lacks dashes).
STAND_INS = {"\u00a0": " ", "\u2002": " ", "\u2009": " ", "\u2013": "-", "\u2014": "-"}
NO_GLYPH = "\U000f0000"  # a private-use character: every face draws its .notdef box


def _glyph(size: int, char: str) -> bytes:
    image = Image.new("L", (size * 2, size * 2))
    ImageDraw.Draw(image).text((0, 0), char, font=font(size), fill=255)
    return image.tobytes()


@cache
def _drawable(size: int, char: str) -> str:
    """``char`` if the face at ``size`` has a glyph for it, else a stand-in it does have."""
    if char.isascii() or _glyph(size, char) != _glyph(size, NO_GLYPH):
        return char
    stand_in = STAND_INS.get(char) or unicodedata.normalize("NFKD", char)[0]
    return stand_in if stand_in != char else "?"


def wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> list[str]:
    """Drawable lines no wider than ``width``; no-break spaces hold words together."""
    face = font(size)
    lines: list[str] = []
    for word in tie(" ".join(text.split())).split(" "):
        word = "".join(_drawable(size, c) for c in word)
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=face) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    if len(lines) > 1 and " " not in lines[-1] and " " in lines[-2]:  # no word alone below
        rest, last = lines[-2].rsplit(" ", 1)
        if draw.textlength(f"{last} {lines[-1]}", font=face) <= width:
            lines[-2:] = [rest, f"{last} {lines[-1]}"]
    return lines


def _block(draw: ImageDraw.ImageDraw, text: str, size: int, top: int,
           fill: tuple[int, int, int]) -> int:
    """Draw centred, wrapped lines from ``top``; return the y below them."""
    for line in wrap(draw, text, size, SIZE[0] - 2 * MARGIN):
        draw.text((SIZE[0] // 2, top), line, font=font(size), fill=fill, anchor="ma")
        top += round(size * 1.25)
    return top


def _rule(draw: ImageDraw.ImageDraw, y: int) -> None:
    draw.line([(MARGIN * 2, y), (SIZE[0] - MARGIN * 2, y)], fill=GOLD, width=6)


def cover_png(meta: Metadata) -> bytes:
    """The cover image of a book as PNG bytes."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    inset = MARGIN // 2
    draw.rectangle([inset, inset, SIZE[0] - inset, SIZE[1] - inset], outline=GOLD, width=8)
    y = _block(draw, meta.author.upper(), 72, 300, INK) + 60
    _rule(draw, y)
    y = _block(draw, meta.title, 150 if len(meta.title) < 30 else 110, y + 140, INK)
    if meta.volume:
        y = _block(draw, meta.volume, 80, y + 60, GOLD)
    _rule(draw, y + 100)
    if meta.extract:
        _block(draw, meta.extract, 52, SIZE[1] - 560, INK)
    if meta.publisher:  # a pamphlet has none: its extract line names the edition
        imprint = [meta.publisher, " ".join(filter(None, (meta.place, meta.date)))]
        for line, top in zip(imprint, (SIZE[1] - 360, SIZE[1] - 280), strict=True):
            _block(draw, line, 52, top, GOLD)
    out = io.BytesIO()
    # The cover's few colours and their anti-aliased blends fit a palette: half the bytes of
    # RGB, and a third of the time of an optimised RGB PNG (a batch draws one per pamphlet).
    image.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    return out.getvalue()
