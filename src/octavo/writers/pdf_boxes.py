"""Boxes' backgrounds and pages' styles worked out for less.

Backgrounds: a box of a plain style told so at once.
When a page is laid out, WeasyPrint lays out the backgrounds of every box on it (lines and
their text boxes included): it resolves the box's corner radii, looks for border and mask
images, reads the background's images and colour, and where there is nothing to paint
sets the box's background to none. What it finds depends on the box's style alone, and a
style serves many boxes (all the boxes of an element, on every page): here a style is
looked at once, and a box of a plain style (square corners, no border or mask image, no
background image, a transparent background colour, no shadow) has its radii zeroed and
its background set to none, as WeasyPrint's would. Other boxes, and the page itself
(whose background paints the bleed), are laid out by WeasyPrint's function.

Pages' styles: for every page, WeasyPrint adds the declarations of the ``@page`` rules that
match it, then computes the style of each of the page's margin boxes that has some, found
by going over the declarations of every element of the document (thousands, for every
page). Here it looks up only the page's margin boxes that the rules name.
"""

from __future__ import annotations

from .weasyprint_loaded import weasyprint

background = weasyprint.layout.background
WEASYPRINTS = background.layout_box_backgrounds
get_color = weasyprint.draw.color.get_color
_RADII = tuple(f"border_{corner}_radius"
               for corner in ("top_left", "top_right", "bottom_right", "bottom_left"))
_ZERO = (0, "px")


def layout_box_backgrounds(page, box, get_image_from_uri, layout_children=True,
                           style=None) -> None:
    """``layout_box_backgrounds``: a box of a plain style at once, others WeasyPrint's way."""
    if style is not None or box is page or not _plain(box.style):
        return WEASYPRINTS(page, box, get_image_from_uri, layout_children, style)
    for radius in _RADII:
        setattr(box, radius, (0, 0))
    if layout_children:
        for child in box.all_children():
            layout_box_backgrounds(page, child, get_image_from_uri)
    box.background = None
    return None


def _plain(style) -> bool:
    """Whether a box of ``style`` has no corners to round nor anything to paint behind it
    (worked out once per style)."""
    try:
        return style.octavo_plain
    except AttributeError:
        pass
    plain = style.octavo_plain = (
        all(_ZERO in style[radius] for radius in _RADII)
        and style["border_image_source"][0] == "none"
        and style["mask_border_source"][0] == "none" and not style["box_shadow"]
        and (style["visibility"] == "hidden" or (
            not any(kind == "url" or value for kind, value in style["background_image"])
            and get_color(style, "background_color").alpha == 0)))
    return plain


def set_page_type_computed_styles(page_type, html, style_for) -> None:
    """``set_page_type_computed_styles``: the styles of the page and of each of its margin
    boxes that the ``@page`` rules give declarations, a margin box's the style of an
    earlier page's where the declarations of both the box and its page are the same."""
    style_for.add_page_declarations(page_type)
    root, base_url = html.etree_element, html.base_url
    style_for.set_computed_styles(page_type, root=root, parent=root, base_url=base_url)
    cascaded, computed = style_for.get_cascaded_styles(), style_for.get_computed_styles()
    page = cascaded.get((page_type, None))
    for pseudo_type, made in _page_pseudo_types(style_for).items():
        if (box := cascaded.get((page_type, pseudo_type))) is None:
            continue
        if (style := next((s for p, b, s in made if b == box and p == page), None)) is None:
            style_for.set_computed_styles(page_type, pseudo_type=pseudo_type, root=root,
                                          parent=page_type, base_url=base_url)
            made.append((page, box, computed[page_type, pseudo_type]))
        else:
            computed[page_type, pseudo_type] = style


def _page_pseudo_types(style_for) -> dict[str, list[tuple]]:
    """The margin boxes (and other parts of a page) the ``@page`` rules give declarations,
    worked out once per document, each with the styles made for it so far (and the
    declarations of the page and of the box they were made of)."""
    try:
        return style_for.octavo_page_pseudo_types
    except AttributeError:
        pass
    named = style_for.octavo_page_pseudo_types = {
        pseudo_type: [] for sheet, _, _ in style_for._sheets
        for _, selectors, _ in sheet.page_rules for _, pseudo_type, _ in selectors
        if pseudo_type}
    return named
