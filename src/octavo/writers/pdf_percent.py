"""A box's used margins, paddings, borders and sizes worked out once per style and
containing block, not for every box.

Every box laid out has the lengths of its style resolved against its containing block
(``resolve_percentages``): eighteen of them, each looked up, tested for a percentage or a
``calc()`` and set, for every line and every box on it (a twentieth of a body part's
time). What comes out depends only on the style, the containing block's width and height,
and whether the box is a page; so it is worked out once for each and kept with the style.
Boxes with collapsing borders (whose widths the table's borders set) are resolved as
WeasyPrint does.
"""

from __future__ import annotations

from .weasyprint_loaded import weasyprint

percent, PageBox, Box = (weasyprint.layout.percent, weasyprint.formatting_structure.boxes.PageBox,
                         weasyprint.formatting_structure.boxes.Box)
WEASYPRINTS = percent.resolve_percentages
_USED = tuple(f"{kind}_{side}" for kind in ("margin", "padding")
              for side in ("top", "right", "bottom", "left")) + tuple(
    f"border_{side}_width" for side in ("top", "right", "bottom", "left")) + tuple(
    f"{limit}{axis}" for limit in ("", "min_", "max_") for axis in ("width", "height"))


def resolve_percentages(box, containing_block) -> None:
    """``resolve_percentages``: the used values made for an earlier box of the same style,
    containing block and kind, if any."""
    style = box.style
    if style["border_collapse"] == "collapse":
        return WEASYPRINTS(box, containing_block)
    if isinstance(containing_block, Box):
        key = containing_block.width, containing_block.height, isinstance(box, PageBox)
    else:
        key = (*containing_block, isinstance(box, PageBox))
    try:
        resolved = style.octavo_resolved
    except AttributeError:
        resolved = style.octavo_resolved = {}
    try:
        used = resolved.get(key)
    except TypeError:  # a size that can't be a key
        return WEASYPRINTS(box, containing_block)
    if used is None:
        WEASYPRINTS(box, containing_block)
        resolved[key] = {name: getattr(box, name) for name in _USED}
    else:
        box.__dict__.update(used)
    return None
