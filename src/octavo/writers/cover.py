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

from PIL import Image, ImageChops, ImageDraw, ImageFont

from ..paths import STYLES
from ..tree import Metadata
from ..typography import tie

SIZE = (1400, 2100)  # 2:3, large enough for every reader's library view
MARGIN = SIZE[0] // 10  # beside the lettering: a tenth of the width each side (140 pixels)
BACKGROUND = (112, 24, 28)  # the deep red of the Moscow editions' cloth
INK = (244, 233, 208)
GOLD = (214, 176, 96)
# Pillow keeps this many freed blocks of image memory for the next image: a cover makes six
# images of 2.9 MB, and each block the system hands out again is zeroed page by page (a
# fifth of a cover's time, drawn one after another in a process: pamphlets' EPUBs)
KEPT_BLOCKS = 8
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
FULL_GOLD = 255  # the palette's last entry: the gold, not shaded toward the cloth
REGULAR = re.compile(r"(-Regular|_R)$")  # how font files name their upright regular face


Image.core.set_blocks_max(max(Image.core.get_blocks_max(), KEPT_BLOCKS))


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


def _block(draw: ImageDraw.ImageDraw, text: str, size: int, top: int) -> int:
    """Draw centred, wrapped lines from ``top``; return the y below them."""
    for line in wrap(draw, text, size, SIZE[0] - 2 * MARGIN):
        draw.text((SIZE[0] // 2, top), line, font=font(size), fill=255, anchor="ma")
        top += round(size * 1.25)
    return top


def _rule(draw: ImageDraw.ImageDraw, y: int) -> None:
    draw.line([(MARGIN * 2, y), (SIZE[0] - MARGIN * 2, y)], fill=FULL_GOLD, width=6)


def cover_png(meta: Metadata) -> bytes:
    """The cover image of a book as PNG bytes."""
    ink = Image.new("L", SIZE)  # how much of the ink colour
    inked = ImageDraw.Draw(ink)
    # the gold's lettering, if any (a pamphlet has none); its frame and rules come last
    gold = Image.new("L", SIZE) if meta.volume or meta.publisher else None
    gilt = ImageDraw.Draw(gold) if gold is not None else inked  # (unused without lettering)
    y = _block(inked, meta.author.upper(), 72, 300) + 60
    rules = [y]
    y = _block(inked, meta.title, 150 if len(meta.title) < 30 else 110, y + 140)
    if meta.volume:
        y = _block(gilt, meta.volume, 80, y + 60)
    rules.append(y + 100)
    if meta.extract:
        _block(inked, meta.extract, 52, SIZE[1] - 560)
    if meta.publisher:  # a pamphlet has none: its extract line names the edition
        imprint = [meta.publisher, " ".join(filter(None, (meta.place, meta.date)))]
        for line, top in zip(imprint, (SIZE[1] - 360, SIZE[1] - 280), strict=True):
            _block(gilt, line, 52, top)
    return _png(ink, gold, rules)


def _png(ink: Image.Image, gold: Image.Image | None, rules: list[int]) -> bytes:
    """The two colours laid on the cloth as one palette PNG: 128 shades from the cloth to
    each (their anti-aliased edges), so no colour needs to be counted or quantised. The
    frame and the rules, drawn whole (no edge is anti-aliased), are the full gold wherever
    they lie, over anything: they are drawn straight onto the palette image, not composed
    from a third mask of their own."""
    index = ink.point(lambda v: v >> 1)
    if gold is not None:
        index = ImageChops.lighter(index, gold.point(lambda v: 128 + (v >> 1) if v else 0))
    framed = ImageDraw.Draw(index)
    inset = MARGIN // 2
    framed.rectangle([inset, inset, SIZE[0] - inset, SIZE[1] - inset], outline=FULL_GOLD,
                     width=8)
    for y in rules:
        _rule(framed, y)
    index.putpalette(_PALETTE)  # the "L" image made a palette one where it is, not copied
    out = io.BytesIO()
    index.save(out, format="PNG")
    return out.getvalue()


_PALETTE = [round(c + (t - c) * i / 127) for colour in (INK, GOLD) for i in range(128)
            for c, t in zip(BACKGROUND, colour, strict=True)]
