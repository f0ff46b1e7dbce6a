"""The cheaper WeasyPrint functions (pdf_speed) make the very PDF WeasyPrint's own make."""

from __future__ import annotations

import pytest
from samples import rich_book

from octavo.writers import (
    pdf_breaking,
    pdf_drawn,
    pdf_glyphs,
    pdf_html,
    pdf_layout,
    pdf_percent,
    pdf_speed,
    pdf_widths,
)
from octavo.writers.pdf_settings import PrintSettings
from octavo.writers.weasyprint_loaded import weasyprint

# what a book's text holds, and what it rarely does: a leader, letter spacing, small caps,
# sub- and superscripts, characters of other faces and of none, marks Pango raises and lowers
# (dots above, lines below), a zero-width space, a soft hyphen, decorations and an ellipsis;
# justified lines whose spaces are widened: no-break spaces, spaces at the ends of inline
# boxes, a space in a cluster with a combining mark, right-to-left words; broken lines
# measured on the layout that broke them, and lines whose spaces are kept
ODDITIES = """<html lang="en"><body>
<nav class="contents"><a href="#x" data-page="12">A title<span id="x"></span></a></nav>
<p>Plain text, <em>italic</em>, <strong>bold</strong>, <span class="small-caps">Small
Caps</span>, <span style="letter-spacing: 0.2em">spaced</span>, H<sub>2</sub>O and
x<sup>2</sup>, <span style="font-variant-position: super">raised</span>, ✓ 水 &#x10fffd;,
q&#x307; n&#x300; a&#x331;, zero&#x200b;width, soft&#xad;hyphen, <u>underlined</u>
<s>struck</s>.</p>
<p style="text-align: justify; width: 11em">Words with a&#xa0;no-break space, <em>an
italic run </em>and<span> a leading space</span> in a box, a space&#x301;with a mark,
שלום עולם and ‘quoted’ words, justified over several lines of text to the end.</p>
<p style="white-space: pre-wrap; width: 8em">Spaces  kept   here, and a
new line, broken over lines.</p>
<p style="width: 5em; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">
An overlong line that ends in an ellipsis</p>
</body></html>"""


# pages of one work, each with a running head and a folio
PAGES = ('<html lang="en"><body class="book"><section class="work"><header>'
         '<h1 class="title" data-short="A running head of some words" '
         'data-verso="A verso head of some words">A work</h1></header>'
         + "<p>Words over pages, and more words.</p>" * 600 + "</section></body></html>")


def pdf_bytes(html: str) -> bytes:
    settings = PrintSettings()
    document = pdf_layout.lay_out(html, pdf_layout.stylesheet(settings))
    return pdf_layout.write(document, rich_book().meta, settings)


def test_the_cheaper_functions_are_in_place_with_the_pinned_weasyprint():
    assert pdf_speed.applied()


@pytest.mark.parametrize("html", [pdf_html.html(rich_book()), ODDITIES],
                         ids=["rich book", "oddities"])
def test_the_cheaper_functions_make_the_same_pdf(html: str):
    cheaper = pdf_bytes(html)
    with pdf_speed.withdrawn():
        assert not pdf_speed.applied()
        own = pdf_bytes(html)
    assert pdf_speed.applied()
    assert cheaper == own


def test_more_of_the_next_line_is_tried_on_the_layout_that_broke_the_line(monkeypatch):
    """The next word, and its hyphenated starts, seen not to fit on the layout that broke
    the line (its own, or for a new layout the last one broken), not laid out again; the
    PDF is the same as WeasyPrint's (above)."""
    kept = []

    def set_text(layout, text, justify=False):
        broken = layout.__dict__.get("octavo_broken")
        pdf_breaking.set_text(layout, text, justify)
        if (by := layout.__dict__.get("octavo_kept")) is not None:
            kept.append("own" if by is broken else "last")

    monkeypatch.setattr(pdf_breaking.Layout, "set_text", set_text)
    pdf_bytes(pdf_html.html(rich_book()))
    assert kept.count("own") > 10 and kept.count("last") > 10


def test_lines_are_drawn_from_the_layouts_they_were_laid_out_on(monkeypatch):
    """The lines of plain words are drawn from the layouts kept since they were laid out,
    justified ones too (whose layouts are made anew), not laid out again, but for boxes
    justified with a space at an end, which Pango widens (pdf_spacing), and letter-spaced
    heads and leaders; the PDF is the same as WeasyPrint's (above)."""
    drawn, again = [], []
    line, first_line = pdf_drawn.line, pdf_glyphs._first_line

    def kept_line(layout, style):
        if made := line(layout, style):
            drawn.append(layout.justification_spacing)
        return made

    def laid_out_again(layout):
        if layout.style["letter_spacing"] == "normal" and any(map(str.isalpha, layout.text)):
            again.append(layout.text)
        return first_line(layout)

    monkeypatch.setattr(pdf_drawn, "line", kept_line)
    monkeypatch.setattr(pdf_glyphs, "_first_line", laid_out_again)
    pdf_bytes(pdf_html.html(rich_book()))
    assert len(drawn) > 100 and sum(1 for spacing in drawn if spacing) > 50
    assert again and all(text != text.strip(" ") for text in again)


def test_margin_boxes_of_like_pages_share_a_style_and_their_widths():
    """The running heads and folios of pages with the same declarations have one style, so
    their texts' widths are measured once; the PDF is the same as WeasyPrint's (above)."""
    settings = PrintSettings()
    document = pdf_layout.lay_out(PAGES, pdf_layout.stylesheet(settings))
    margin_boxes = [box for page in document.pages for box in page._page_box.children
                    if type(box) is weasyprint.formatting_structure.boxes.MarginBox]
    assert len(margin_boxes) > 20
    assert len({id(box.style) for box in margin_boxes}) < len(margin_boxes) / 4


def counted(monkeypatch, module, name: str) -> list:
    """The calls of ``module.name`` from here on."""
    calls, function = [], getattr(module, name)

    def count(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)

    monkeypatch.setattr(module, name, count)
    return calls


@pytest.mark.parametrize("cheaper, callers", [
    (pdf_widths, [weasyprint.layout.preferred]),
    (pdf_percent, [weasyprint.layout.block, weasyprint.layout.inline])],
    ids=["content widths", "used lengths"])
def test_what_depends_on_a_style_alone_is_worked_out_once(monkeypatch, cheaper, callers):
    """Content widths (by text, style and width: a running head's on every page, its folio
    new on each) and used lengths (by style and containing block) are worked out for some
    boxes and looked up for the others."""
    name = cheaper.WEASYPRINTS.__name__
    made = counted(monkeypatch, cheaper, "WEASYPRINTS")
    calls = [counted(monkeypatch, module, name) for module in callers]
    pdf_bytes(PAGES)
    assert sum(map(len, calls)) > max(100, 2 * len(made))
