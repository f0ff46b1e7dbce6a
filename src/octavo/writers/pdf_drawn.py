"""A line drawn from the layout that broke it, not laid out once more to be drawn.

When WeasyPrint has laid a line out and measured it, it lets its Pango layout go, keeping
the line's text; to draw the line it lays that text out again, alone and without a width
(a third of a body part's layouts). The layout it let go holds the same glyphs: Pango
shapes the part of a run before a break anew, as it would be shaped alone (pdf_measure
takes a line's measures from it for that reason), and a line that was not broken is the
same text laid out alike. So the layout is kept, with the line's text, until the line is
drawn, and its first line's glyphs up to the end of the text are drawn (those after it are
the spaces the break left at the line's end). A line is drawn so only where the kept
layout's text starts with the line's, nothing but spaces follow it on the first line (or,
at a break that is not a space, nothing at all: Pango empties a wrapped line's final
white space), the layout is unchanged since (Pango's serial), the text holds no character
that lays out differently alone (breaks, tabs, soft hyphens) and is left to right, and its
style has no spacing or decoration of its own (which the drawing lays out apart); any other
line, and a line drawn again, is laid out as WeasyPrint lays it out.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left

from .weasyprint_loaded import weasyprint

ffi, pango = weasyprint.text.ffi.ffi, weasyprint.text.ffi.pango
_UNSAFE = re.compile("[\n\r\t\x0b\x0c\x85\xad\u2028\u2029]")  # what lays out apart
for _declaration in ("guint pango_layout_get_serial (PangoLayout *layout);",
                     "const char *pango_layout_get_text (PangoLayout *layout);"):
    try:  # Pango's, not declared by WeasyPrint
        getattr(pango, _declaration.split("(")[0].split()[-1])
    except AttributeError:
        ffi.cdef(_declaration)


class _Kept:
    """A Pango layout kept for a line's text, as it stood when kept."""

    __slots__ = ("__weakref__", "layout", "serial", "style", "text")

    def __init__(self, layout, style, text: str) -> None:
        self.layout, self.style, self.text = layout, style, text
        self.serial = pango.pango_layout_get_serial(layout)


# the kept layouts by style and text, for a line's layout made anew with the same text
_by_text: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


def keep(layout, style, pango_layout) -> None:
    """Keep ``pango_layout`` (the Pango layout that laid ``layout``'s line out, a cdata
    that owns it) for drawing ``layout``'s text (the line, measured) in ``style``."""
    text = layout.text
    if text and _drawable(style) and not _UNSAFE.search(text):
        kept = layout.octavo_kept_line = _Kept(pango_layout, style, text)
        _by_text[id(style), text] = kept


def _drawable(style) -> bool:
    """Whether lines of ``style`` are laid out alike to be drawn (worked out once)."""
    try:
        return style.octavo_drawable
    except AttributeError:
        pass
    drawable = style.octavo_drawable = (
        style["text_decoration_line"] == "none" and style["word_spacing"] == 0
        and style["letter_spacing"] == "normal" and style["overflow_wrap"] == "normal"
        and style["word_break"] != "break-all")
    return drawable


def carry(layout) -> None:
    """Give ``layout``, made anew for a line already laid out, that line's kept layout."""
    layout.octavo_kept_line = _by_text.get((id(layout.style), layout.text))


def line(layout, style):
    """The layout kept for ``layout``'s text, to be drawn with ``style`` up to the text's
    end: the layout, its first line and the count of glyphs to draw of each of the line's
    runs; None where it is not to be drawn so. A kept layout serves once."""
    kept = layout.__dict__.get("octavo_kept_line")
    if kept is None or kept.layout is None:
        return None
    layout.octavo_kept_line = None
    pango_layout, kept.layout = kept.layout, None
    if (kept.style is not style or kept.text != layout.text
            or pango.pango_layout_get_serial(pango_layout) != kept.serial):
        return None
    text = layout.text.encode()
    end = len(text)
    laid_out = ffi.string(pango.pango_layout_get_text(pango_layout))
    first = pango.pango_layout_get_line_readonly(pango_layout, 0)
    if (first == ffi.NULL or not laid_out.startswith(text) or first.length < end
            or laid_out[end:first.length].strip(b" ")
            or (first.length == end < len(laid_out) and layout.text[-1].isspace())):
        return None
    counts = []
    run = first.runs
    while run != ffi.NULL:
        item, glyphs = run.data.item, run.data.glyphs
        run = run.next
        if item.analysis.level % 2:  # right to left
            return None
        count = glyphs.num_glyphs
        if item.offset + item.length > end:
            count = bisect_left(ffi.unpack(glyphs.log_clusters, count), end - item.offset)
        counts.append(count)
    return pango_layout, first, counts
