"""A justified line drawn for less: its spaces widened after Pango lays it out, not by Pango.

To draw a justified line, WeasyPrint lays its text out again with a letter-spacing
attribute on each space (the justification's word spacing). Pango cuts a text into items
wherever an attribute changes, so that line is shaped word by word, a HarfBuzz call for
each word and each space: three times the work of the line shaped whole, a tenth of a
body part's time. What Pango 1.50 makes of a space inside the line with spacing S is the
line's own glyphs with that space's advance S wider and its offset half of S further
(``distribute_letter_spacing``); only the line's first and last runs are trimmed. So here
a justified line whose spaces are all inside it is laid out without the attributes, and
its spaces' glyphs are widened as Pango would have widened them (pdf_glyphs draws it).
Lines with a space at an end, a tab or a new line, right-to-left text, a space sharing its
cluster, or a style with word or letter spacing of its own are laid out Pango's way.
"""

from __future__ import annotations

import re

from . import pdf_drawn
from .weasyprint_loaded import weasyprint

TO_UNITS, ffi = weasyprint.text.ffi.TO_UNITS, weasyprint.text.ffi.ffi
WEASYPRINTS_DRAW = weasyprint.draw.text.draw_first_line
_SPACE = re.compile(" |\u00a0".encode())  # the spaces WeasyPrint's word spacing widens
_ENDS = (" ", "\u00a0")
_UNITS = 1024  # PANGO_SCALE
# the spacing arithmetic below is Pango 1.50's: another Pango lays such lines out itself
_PANGO_150 = weasyprint.text.ffi.pango.pango_version() // 100 == 150  # 1.50.x


def reactivate(self, style) -> None:
    """``Layout.reactivate`` (before a line is drawn): a justified line whose spaces can be
    widened after it is laid out is set without the spacing attributes, its spacing kept
    for ``widen``, or drawn from the layout it was laid out on, if kept (pdf_drawn); any
    other line as WeasyPrint sets it."""
    ours = weasyprint.draw.text.draw_first_line is not WEASYPRINTS_DRAW
    self.widened_by = _spacing(self, style) if ours else None
    self.octavo_drawn = None
    if ours and (self.widened_by is not None or not self.justification_spacing) and (
            drawn := pdf_drawn.line(self, style)):
        self.style, self.layout, self.language, self.octavo_drawn = style, None, None, drawn
        return
    self.setup(style)
    self.set_text(self.text, justify=self.widened_by is None)


def _spacing(layout, style) -> int | None:
    """What WeasyPrint's word spacing adds to each of the line's spaces, in Pango's units;
    None where the line is left to Pango."""
    line = layout.text
    if (not _PANGO_150 or not layout.justification_spacing or style["word_spacing"] or not line
            or style["letter_spacing"] != "normal"
            or style["overflow_wrap"] in ("anywhere", "break-word")
            or line.startswith(_ENDS) or line.endswith(_ENDS) or "\t" in line or "\n" in line):
        return None
    return int(layout.justification_spacing * TO_UNITS)


def widen(layout, line) -> bool:
    """Widen the spaces of ``layout``'s first ``line`` as Pango's spacing attributes would
    have; False, the line untouched, where it can't be done so (``justified`` then)."""
    spacing = getattr(layout, "widened_by", None)
    if not spacing:
        return True
    left = int(spacing / 2)
    if spacing % _UNITS == 0:  # Pango's hinting: a whole unit's spacing, rounded
        left = (left + _UNITS // 2) & ~(_UNITS - 1)
    utf8 = layout.text.encode()
    spaces = {m.start(): m.end() for m in _SPACE.finditer(utf8)}
    found = []
    run = line.runs
    while run != ffi.NULL:
        glyph_item = ffi.cast("PangoGlyphItem *", run.data)
        run = run.next
        item, glyphs = glyph_item.item, glyph_item.glyphs
        count = glyphs.num_glyphs
        clusters = ffi.unpack(glyphs.log_clusters, count)
        if item.analysis.level % 2 and count:  # right to left
            return False
        for start, end in spaces.items():
            if not item.offset <= start < item.offset + item.length:
                continue
            try:
                first = clusters.index(start - item.offset)
            except ValueError:  # inside a cluster
                return False
            last = first
            while last + 1 < count and clusters[last + 1] == clusters[first]:
                last += 1
            if item.offset + (clusters[last + 1] if last + 1 < count else item.length) != end:
                return False  # the space shares its cluster
            found.append((glyphs.glyphs, first, last))
    for infos, first, last in found:
        infos[first].geometry.width += left
        infos[first].geometry.x_offset += left
        infos[last].geometry.width += spacing - left
    return True


def justified(layout) -> None:
    """Lay ``layout``'s line out again as WeasyPrint does, its spaces widened by Pango."""
    if (getattr(layout, "widened_by", None) is not None
            or getattr(layout, "octavo_drawn", None) is not None):
        layout.widened_by = layout.octavo_drawn = None
        layout.setup(layout.style)
        layout.set_text(layout.text, justify=True)
