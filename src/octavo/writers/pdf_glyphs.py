"""A line's glyphs written into the PDF for less: WeasyPrint's ``draw_first_line``, cached.

WeasyPrint writes a line of text as a TJ array, glyph by glyph, reading each glyph's
fields from Pango one by one and working out its operands (its id, its offset and the
kerning that sets its advance): a third of the time it takes to write a part's PDF. Those
operands depend only on the face, the size and the glyph's id, advance and offsets as
Pango gives them, so here they are worked out once for each and the glyphs are read from
Pango's array in one go. What is written is the same, operand for operand. Lines with an
ellipsis and faces with colour glyphs or bitmaps are left to WeasyPrint's own function.
"""

from __future__ import annotations

import struct
import weakref

from . import pdf_spacing
from .weasyprint_loaded import weasyprint

text, LOGGER = weasyprint.draw.text, weasyprint.logger.LOGGER
FROM_UNITS, ffi, pango = (weasyprint.text.ffi.FROM_UNITS, weasyprint.text.ffi.ffi,
                          weasyprint.text.ffi.pango)
ORIGINAL = text.draw_first_line
_GLYPH = "=Iiii4x"  # PangoGlyphInfo: glyph, width, x and y offsets (and its attributes)
_GLYPH_SIZE = struct.calcsize(_GLYPH)
# a glyph's operands by the document's font and size, then by the glyph as Pango gives it
_operands: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """Write ``textbox``'s line into ``stream``, as WeasyPrint's ``draw_first_line``."""
    layout = textbox.pango_layout
    if text_overflow == "ellipsis" or block_ellipsis != "none":
        pdf_spacing.justified(layout)
        return ORIGINAL(stream, textbox, text_overflow, block_ellipsis, matrix)
    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return []
    if (drawn := layout.__dict__.get("octavo_drawn")) is not None:  # see pdf_drawn
        _, first_line, counts = drawn
    else:
        first_line, counts = _first_line(layout), None
    if not pdf_spacing.widen(layout, first_line):
        pdf_spacing.justified(layout)
        first_line, counts = _first_line(layout), None
    runs = _runs(stream, textbox, first_line, counts)
    if runs is None:
        pdf_spacing.justified(layout)
        return ORIGINAL(stream, textbox, text_overflow, block_ellipsis, matrix)
    stream.set_text_matrix(*matrix.values)
    string = ""
    for glyph_item, new_font, count in runs:
        if new_font:
            font, font_size = new_font
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, font_size)
            operands = _operands.setdefault(font, {}).setdefault(font_size, {})
        line = _Line(stream, glyph_item, font, font_size, layout.text)
        parts = ["<"]
        glyphs = ffi.buffer(glyph_item.glyphs.glyphs, count * _GLYPH_SIZE)
        for i, glyph in enumerate(struct.iter_unpack(_GLYPH, glyphs)):
            if (part := operands.get(glyph)) is None:
                if glyph[3] and glyph[0] != pango.PANGO_GLYPH_EMPTY:  # raised: shown apart
                    parts = [line.raised(i, glyph, string + "".join(parts))]
                    string = ""
                    continue
                part = line.operands(i, glyph)
                if not glyph[0] & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                    operands[glyph] = part
            parts.append(part)
        string += "".join(parts)
        string = string[:-1] if string[-1] == "<" else string + ">"
    stream.show_text(string)
    layout.octavo_drawn = None  # its layout let go
    return []


def _first_line(layout):
    """The first line of ``layout`` laid out to be drawn, as WeasyPrint's."""
    pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
    return layout.get_first_line()[0]


def _runs(stream, textbox, first_line, counts: list[int] | None) -> list[tuple] | None:
    """The line's glyph runs, each with its font and size where it changes and the count
    of its glyphs to draw (all, unless ``counts`` says); None if a face has colour glyphs
    or bitmaps."""
    runs, previous = [], None
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        if counts is None:
            count = glyph_item.glyphs.num_glyphs
        elif not (count := counts[len(runs)]):
            break  # the runs past the text's end
        pango_font = glyph_item.item.analysis.font
        new_font = None
        if pango_font != previous:
            previous = pango_font
            font, font_size = stream.add_font(pango_font)
            if font.png or font.svg or font.colr or font.bitmap:
                return None
            if pango.pango_version() < 14802:
                font_size = textbox.style["font_size"]
            new_font = font, font_size
        runs.append((glyph_item, new_font, count))
    return runs


class _Line:
    """A run of glyphs of one font being written: a glyph's operands, as WeasyPrint's."""

    def __init__(self, stream, glyph_item, font, font_size: float, text: str) -> None:
        self.stream, self.glyph_item, self.font, self.size = stream, glyph_item, font, font_size
        self.text = text

    def operands(self, i: int, glyph: tuple) -> str:
        """A glyph on the baseline, as it stands in the TJ array."""
        if glyph[0] == pango.PANGO_GLYPH_EMPTY:
            return f">{-glyph[1] / self.size}<"
        glyph_id = self._glyph_id(i, glyph)
        offset = glyph[2] / self.size
        part = f">{-offset}<" if offset else ""
        return part + f"{glyph_id:04x}" + self._kerning(glyph_id, glyph, offset)

    def raised(self, i: int, glyph: tuple, string: str) -> str:
        """Show the line so far, then the raised glyph with its rise; what follows it."""
        glyph_id = self._glyph_id(i, glyph)
        offset = glyph[2] / self.size
        string = string[:-1] if string[-1] == "<" else string + ">"
        if string:
            self.stream.show_text(string)
        self.stream.set_text_rise(-glyph[3] / 1000)
        self.stream.show_text((f"{-offset}" if offset else "") + f"<{glyph_id:04x}>")
        self.stream.set_text_rise(0)
        return "<" + self._kerning(glyph_id, glyph, offset)

    def _glyph_id(self, i: int, glyph: tuple) -> int:
        """The glyph's id in the PDF, its width and text recorded in the font."""
        font, (glyph_id, width) = self.font, glyph[:2]
        if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
            codepoint = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
            LOGGER.warning(
                '.notdef glyph rendered for Unicode string unsupported by fonts: '
                '"%s" (U+%04X)', chr(codepoint), codepoint)
            glyph_id = font.get_unused_glyph_id(codepoint)
            font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / self.size)
            if 0 not in font.widths:
                font.widths[0] = font.widths[glyph_id]
        if glyph_id not in font.to_unicode:
            clusters, item = self.glyph_item.glyphs.log_clusters, self.glyph_item.item
            t1 = clusters[i]
            if item.analysis.level % 2:  # right to left
                t2 = item.length if i == 0 else clusters[i - 1]
            else:
                last = i == self.glyph_item.glyphs.num_glyphs - 1
                t2 = item.length if last else clusters[i + 1]
            utf8 = self.text.encode()
            font.to_unicode[glyph_id] = utf8[item.offset + t1:item.offset + t2].decode()
        return glyph_id

    def _kerning(self, glyph_id: int, glyph: tuple, offset: float) -> str:
        """What follows a glyph: its advance's difference from its width in the font."""
        font = self.font
        if glyph_id in font.widths:
            logical_width = font.widths[glyph_id]
        else:
            rect = self.stream.logical_rect
            pango.pango_font_get_glyph_extents(
                self.glyph_item.item.analysis.font, glyph_id, self.stream.ink_rect, rect)
            logical_width = font.widths[glyph_id] = round(
                rect.width * 1000 * FROM_UNITS / self.size)
        kerning = logical_width + offset - glyph[1] * 1000 * FROM_UNITS / self.size
        return f">{int(kerning)}<" if kerning else ""
