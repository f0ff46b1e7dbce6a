"""The generated cover: lettering that fits, no word alone on a last line, same bytes again."""

from __future__ import annotations

import dataclasses
import io

from PIL import Image, ImageDraw
from samples import rich_book

from octavo.writers import cover

TITLE = "The Question of the Union of the Independent National Republics"


def test_lines_fit_and_keep_company():
    draw = ImageDraw.Draw(Image.new("RGB", cover.SIZE))
    for size in (52, 110, 150):
        lines = cover.wrap(draw, TITLE, size, 900)
        assert len(lines) > 1
        assert all(draw.textlength(line, font=cover.font(size)) <= 900 for line in lines)
        face = cover.font(size)
        alone = len(lines[-1].split()) == 1
        assert not alone or draw.textlength(f"{lines[-2].split()[-1]} {lines[-1]}",
                                            font=face) > 900  # only when it can't have company
        assert " ".join(" ".join(lines).split()) == TITLE


def test_initials_stay_on_one_line():
    draw = ImageDraw.Draw(Image.new("RGB", cover.SIZE))
    lines = cover.wrap(draw, "From J. V. Stalin, Works, Vol. 5, pp. 286–90, Moscow 1953", 52, 300)
    assert any("J." in line and "Stalin" in line for line in lines)


def test_cover_changes_with_the_metadata_and_only_with_it():
    meta = rich_book().meta
    assert cover.cover_png(meta) == cover.cover_png(dataclasses.replace(meta))
    assert cover.cover_png(meta) != cover.cover_png(dataclasses.replace(meta, volume="Volume 10"))


def test_frame_and_rules_drawn_on_the_palette_image_as_through_a_gold_layer():
    meta = dataclasses.replace(rich_book().meta, volume="", publisher="")  # no gold lettering
    ink = Image.new("L", cover.SIZE)
    cover._block(ImageDraw.Draw(ink), meta.title, 150, 600)
    without = cover._png(ink, None, [500, 1200])
    layered = cover._png(ink, Image.new("L", cover.SIZE), [500, 1200])
    assert without == layered
    drawn = Image.open(io.BytesIO(without))
    assert drawn.mode == "P" and drawn.getpixel((cover.MARGIN // 2, 1000)) == cover.FULL_GOLD
    assert drawn.getpixel((cover.SIZE[0] // 2, 1200)) == cover.FULL_GOLD  # a rule
    assert len({v for v in drawn.tobytes() if 0 < v < 128}) > 1  # the ink's shaded edges
