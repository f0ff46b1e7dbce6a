"""A broken line's next word tried on the layout that broke the line, not laid out again.

When Pango has broken a text's first line, WeasyPrint sees whether more of the next line
would fit on it after all: the next line's first word without the space after it (it sets
the layout's text to the first line and that word), then, hyphenating that word, each of
its starts with a hyphen, longest first (a new layout each), until one fits; each is laid
out again. In a body part of the volume that is a third of the layouts, and the word never
fits. The width of such a text is known, but for the kerning at the word's ends, from the
layout that broke the line: the first line's width, the space that ended it (which Pango
zeroes), the word's glyphs on the second line (of whole clusters: a ligature that the
word's end cuts is left out) and the hyphen, each as wide as in the style alone. Where that
is wider than the layout by more than a tenth of an em, the text breaks where the longer
one did (Pango breaks a line at the last opportunity that fits, and the two texts are
shaped alike up to the word's end): the layout's first line and its second line's start
are the broken layout's, which WeasyPrint's layout of the text would give.
That layout's own, or for a new layout of the same style, width and wrap mode the one
broken last, while its lines are those it was broken into. Texts with a new line, a tab
or a soft hyphen, styles with letter or word spacing or breaking inside words, and
right-to-left runs are laid out as WeasyPrint does, and any text under a Pango other than
1.50, whose line breaking this was checked against (Pango is a system library the pin on
WeasyPrint does not hold).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .weasyprint_loaded import weasyprint

line_break = weasyprint.text.line_break
Layout, ffi, pango, TO_UNITS = (line_break.Layout, weasyprint.text.ffi.ffi,
                                weasyprint.text.ffi.pango, weasyprint.text.ffi.TO_UNITS)
WEASYPRINTS_SET_TEXT, WEASYPRINTS_FIRST_LINE, WEASYPRINTS_DEACTIVATE = (
    Layout.set_text, Layout.get_first_line, Layout.deactivate)
# ems: more than the kerning at the word's two ends can take off (over the 6,523 next words
# and hyphenated starts of the volume's body parts that the estimate left to Pango, the text
# laid out was wider than it by up to 0.32 em, or narrower by 0.015 em at most)
MARGIN = 0.1
_GLYPH_SIZE = ffi.sizeof("PangoGlyphInfo")  # its glyph, width, offsets and attributes
_GLYPH_INTS = _GLYPH_SIZE // 4
_PANGO_150 = pango.pango_version() // 100 == 150  # 1.50.x
_UNSAFE = re.compile("[\n\r\t\xad\u2028\u2029]")  # forced breaks, tabs, soft hyphens
for _declaration in ("int pango_layout_get_width (PangoLayout *layout);",
                     "PangoWrapMode pango_layout_get_wrap (PangoLayout *layout);"):
    try:  # Pango's, not declared by WeasyPrint
        getattr(pango, _declaration.split()[1])
    except AttributeError:
        ffi.cdef(_declaration)


class _Broken:
    """A Pango layout laid out with ``text`` and broken: its first line and where its second
    starts (in bytes), the style, width and wrap mode it was laid out with, and whether those
    are still its lines (its text not set again since)."""

    __slots__ = ("first_line", "index", "layout", "spaced", "style", "text", "valid", "width",
                 "wrap")

    def __init__(self, layout: Layout, first_line, index: int) -> None:
        self.layout, self.style, self.text = layout.layout, layout.style, layout.text
        self.first_line, self.index, self.valid = first_line, index, True
        self.width, self.wrap = _width_and_wrap(self.layout)
        ending = self.text.encode()[max(0, index - 2):index]
        self.spaced = ending.endswith(b" ") and ending != b"  "  # one space ends the line

    def serves(self, layout: Layout) -> bool:
        """Whether these lines are still its layout's and ``layout`` is laid out alike."""
        return (self.valid and layout.style is self.style
                and _width_and_wrap(layout.layout) == (self.width, self.wrap)
                and (layout.layout is self.layout
                     or _width_and_wrap(self.layout) == (self.width, self.wrap)))


_last: _Broken | None = None  # the layout broken last


def get_first_line(self):
    """``Layout.get_first_line``: the broken layout's lines where the text was kept (see
    ``set_text``), else Pango's, a broken first line noted."""
    global _last
    if (kept := self.__dict__.get("octavo_kept")) is not None:
        if kept.serves(self):
            self.first_line_direction = kept.first_line.resolved_dir
            return kept.first_line, kept.index
        _let_go(self)  # changed meanwhile: laid out after all
        WEASYPRINTS_SET_TEXT(self, self.text)
    first_line, index = WEASYPRINTS_FIRST_LINE(self)
    if index is not None:
        self.octavo_broken = _last = _Broken(self, first_line, index)
    return first_line, index


def set_text(self, text: str, justify: bool = False) -> None:
    """``Layout.set_text``: not set where the text's first line is sure to be a broken
    layout's, its own or the last (see the module), which ``get_first_line`` then gives."""
    if not justify:
        own = self.__dict__.get("octavo_broken")
        for broken in (own, _last) if own is not _last else (own,):
            if broken is not None and _breaks_alike(self, broken, text):
                self.text, self.octavo_kept = text, broken
                return
    _let_go(self)
    WEASYPRINTS_SET_TEXT(self, text, justify)


def deactivate(self) -> None:
    """``Layout.deactivate``, letting its broken layout go too."""
    _let_go(self)
    WEASYPRINTS_DEACTIVATE(self)


def _let_go(layout: Layout) -> None:
    """Forget the layout's broken lines, its text set anew (or let go)."""
    if (own := layout.__dict__.get("octavo_broken")) is not None:
        own.valid, layout.octavo_broken = False, None
    layout.octavo_kept = None


def _breaks_alike(layout: Layout, broken: _Broken, text: str) -> bool:
    """Whether ``text``, the start of the broken text running past its break (a hyphen may
    follow), is wider than the layout by more than the margin, so breaks where it did."""
    start = text.removesuffix(layout.style["hyphenate_character"])
    end, style = len(start.encode()), layout.style
    if (not _PANGO_150 or end <= broken.index or len(start) >= len(broken.text)
            or not broken.text.startswith(start) or _UNSAFE.search(broken.text)
            or style["letter_spacing"] != "normal" or style["word_spacing"]
            or style["overflow_wrap"] != "normal"):
        return False
    if not broken.serves(layout):  # the lines it was broken into, laid out alike
        return False
    second = pango.pango_layout_get_line_readonly(broken.layout, 1)
    if second == ffi.NULL or end > second.start_index + second.length:
        return False
    if (word := _advance(second, end)) is None:
        return False
    extents = ffi.new("PangoRectangle *")
    pango.pango_layout_line_get_extents(broken.first_line, ffi.NULL, extents)
    space, hyphen = _widths(style)
    wider = (space if broken.spaced else 0) + word + (hyphen if start != text else 0)
    margin = MARGIN * style["font_size"] * TO_UNITS
    return extents.width <= broken.width < extents.width + wider - margin


def _width_and_wrap(layout) -> tuple[int, int]:
    return pango.pango_layout_get_width(layout), pango.pango_layout_get_wrap(layout)


def _widths(style) -> tuple[int, int]:
    """The advances of a space and of the hyphenation character in ``style`` (Pango
    units), laid out once per style."""
    try:
        return style.octavo_widths
    except AttributeError:
        pass
    widths = []
    for text in (" ", style["hyphenate_character"]):
        layout = Layout(style)
        WEASYPRINTS_SET_TEXT(layout, text)
        extents = ffi.new("PangoRectangle *")
        pango.pango_layout_line_get_extents(WEASYPRINTS_FIRST_LINE(layout)[0], ffi.NULL, extents)
        widths.append(extents.width)
    made = style.octavo_widths = widths[0], widths[1]
    return made


def _advance(line, end: int) -> int | None:
    """The advance of ``line``'s glyphs before byte ``end`` (Pango units), of whole clusters
    only; None where a run is right to left."""
    total, run = 0, line.runs
    while run != ffi.NULL:
        item, glyphs = run.data.item, run.data.glyphs
        run = run.next
        if item.offset >= end:
            break
        if item.analysis.level % 2:
            return None
        count, inside = glyphs.num_glyphs, end - item.offset
        clusters = ffi.unpack(glyphs.log_clusters, count)
        before = bisect_left(clusters, inside)
        following = clusters[before] if before < count else item.length
        if before and following > inside:  # the end cuts the last cluster: left out
            before = bisect_left(clusters, clusters[before - 1])
        infos = memoryview(ffi.buffer(glyphs.glyphs, count * _GLYPH_SIZE)).cast("i")
        total += sum(infos[1:before * _GLYPH_INTS:_GLYPH_INTS])  # PangoGlyphInfo's widths
        if following > inside:
            break
    return total
