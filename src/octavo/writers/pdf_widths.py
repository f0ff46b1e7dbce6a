"""A text's min- and max-content widths measured once per text and style, not on every page.

WeasyPrint sizes the margin boxes of every page (the running head and the folio) by their
min- and max-content widths, which it measures by breaking the box's text at every
opportunity, laying each piece out (``inline_line_widths``): one in fourteen of a body
part's layouts.
Those measures depend only on the text, its style and the width it is broken in, and a
head's text recurs on every page of a work, its style too (pdf_boxes gives the margin boxes
of pages with the same declarations one style). So each is measured once per document.
"""

from __future__ import annotations

from .weasyprint_loaded import weasyprint

WEASYPRINTS = weasyprint.layout.preferred.split_first_line


def split_first_line(text, style, context, max_width, justification_spacing,
                     is_line_start=True, minimum=False):
    """``split_first_line`` as ``inline_line_widths`` calls it (which keeps only the
    resume index and width of what it returns): once per document for the same text,
    style and width."""
    key = text, id(style), max_width, justification_spacing, is_line_start, minimum
    try:
        measured = context.octavo_widths
    except AttributeError:
        measured = context.octavo_widths = {}
    if (found := measured.get(key)) is None:
        _, *measures = WEASYPRINTS(text, style, context, max_width, justification_spacing,
                                   is_line_start, minimum)
        found = measured[key] = style, measures  # the style kept: its id stays its own
    return None, *found[1]
