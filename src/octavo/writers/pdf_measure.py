"""A broken line measured on the layout that broke it, not laid out again to be measured.

When WeasyPrint has found where a line of text breaks, it lays the line's text out once
more, its trailing spaces cut and without a width, to take the line's length, width,
height and baseline (``first_line_metrics``): a seventh of a body part's layouts. Pango
gives the same measures for the first line of the layout that broke it: the line's text,
its glyphs shaped as they are alone (Pango shapes a run split at a break anew), and its
final space zeroed (``zero_line_final_space``). Here those are taken, where nothing else
can tell the two apart: a line WeasyPrint hyphenated, a style with letter or word spacing
or breaking inside words, and a line holding a soft hyphen or a new line are measured as
WeasyPrint does.
"""

from __future__ import annotations

from . import pdf_drawn
from .weasyprint_loaded import weasyprint

line_break = weasyprint.text.line_break
FROM_UNITS, pango = weasyprint.text.ffi.FROM_UNITS, weasyprint.text.ffi.pango
WEASYPRINTS = line_break.first_line_metrics
_UNMEASURED = ("\xad", "\n", "\u2028")  # a soft hyphen Pango may show, a forced break


def first_line_metrics(first_line, text, layout, resume_at, space_collapse, style,
                       hyphenated=False, hyphenation_character=None):
    """``first_line_metrics``: the line's measures, from ``layout``'s first line; the
    layout the line was laid out on kept to draw it (pdf_drawn)."""
    line = None
    if not (hyphenated or not resume_at or not space_collapse or style["word_spacing"]
            or style["letter_spacing"] != "normal" or style["overflow_wrap"] != "normal"
            or style["word_break"] == "break-all"):
        line = text.encode()[:first_line.length].decode().rstrip(" ")
    if line is None or any(character in line for character in _UNMEASURED):
        laid_out = layout.layout  # where WeasyPrint's function leaves the line it measures
        measured = WEASYPRINTS(first_line, text, layout, resume_at, space_collapse, style,
                               hyphenated, hyphenation_character)
        pdf_drawn.keep(layout, style, laid_out)
        return measured
    width, height = line_break.line_size(first_line, style)
    baseline = pango.pango_layout_get_baseline(layout.layout) * FROM_UNITS
    layout.text = line  # what is drawn (the layout itself is let go, as WeasyPrint's is)
    # drawn from the Pango layout that holds the line: its own, or the broken one it kept
    kept = layout.__dict__.get("octavo_kept")
    pdf_drawn.keep(layout, style, layout.layout if kept is None else kept.layout)
    layout.deactivate()
    return layout, len(line.encode()), resume_at, width, height, baseline
