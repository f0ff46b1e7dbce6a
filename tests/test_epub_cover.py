"""The generated cover: lettering that fits, no word alone on a last line, same bytes again."""

from __future__ import annotations

import dataclasses

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
