"""WeasyPrint's layout and drawing for less work, the same PDF made: some of its internal
functions (and pydyf's, which writes its PDF) replaced by cheaper ones that do what they do.

- Text layouts: WeasyPrint makes a Pango layout for every try at a line (several per line)
  and again to draw it, and each time a new Pango context, font description and list of
  OpenType features from the box's style. Those depend on a few of the style's values, so
  here they are made once per font configuration and set of values (a context serves many
  layouts; a layout copies the description it is given).
- Glyphs: ``draw_first_line``, which writes a line's glyphs into the PDF, works out each
  glyph's operands once per face and size (pdf_glyphs).
- Justified lines: WeasyPrint lays a justified line out again to draw it, its spaces
  widened by Pango's letter spacing, which cuts the line into a run per word, each shaped
  apart; here it is shaped whole and its spaces widened as Pango would (pdf_spacing).
- Next words: whether the next line's first word fits on a broken line is seen on the
  layout that broke it where it is sure not to, not on the line laid out again
  (pdf_breaking).
- Line measures: a broken line's length, width, height and baseline are taken from the
  layout that broke it, not from the line laid out once more (pdf_measure).
- Lines drawn: a line is drawn from the layout it was laid out on, kept until then, not
  laid out once more to be drawn (pdf_drawn).
- Font keys: the key under which WeasyPrint caches a style's strut and character sizes
  was the text of a tuple of fourteen values, made for every box; here it is the tuple.
- Struts: ``strut``, asked for a box's line height and baseline several times per line,
  imported two of WeasyPrint's modules (by name, in the function) before looking up what
  it had cached; here the cache is looked up first.
- Justified boxes: ``add_word_spacing`` made a Pango layout for each box of a justified
  line, set its text and put it aside at once (``deactivate``), keeping only its text, to
  be set up again when drawn; here only what is kept is made.
- Backgrounds: a box of a plain style (nothing to paint behind it, square corners) has its
  background laid out at once, the style looked at once (pdf_boxes).
- Page styles: a page's margin boxes with declarations are those the ``@page`` rules
  name, not found among the declarations of every element for every page, and a margin
  box has the style of an earlier page's with the same declarations (pdf_boxes).
- Used lengths: a box's margins, paddings, borders and sizes are worked out once per
  style and containing block, not for every box (pdf_percent).
- Content widths: the pieces of a text that its min- and max-content widths are measured
  by are laid out once per document for the same text and style (pdf_widths).
- Margin boxes: every page makes all sixteen and resolves the lengths of each, then zeroes
  those of the boxes it does not generate (most of them); those are left alone.
- Streams: pydyf compresses every stream twice when it writes a PDF with an identifier
  (once to write it, once more to hash the file for the identifier); while it writes,
  each stream's data is made once.
- Font subsets: WeasyPrint's subsetting asks cffi for arrays of a stated length
  (``hb_codepoint_t[2273]``), and cffi parses each new type's text as C, about 5 ms,
  four times in every part of a long book; here such an array is made of the open type
  (``hb_codepoint_t[]``, parsed once) from the same items.

Each replaces the function it was written against only: ``apply`` compares WeasyPrint's
function's source (for a value, that of the function using it) with the one it was written
for (WeasyPrint 70.0, pinned in pyproject as pdf_folios' hook is), and leaves a changed one
in place; a test says when it did.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import NamedTuple

import pydyf

from . import (
    pdf_boxes,
    pdf_breaking,
    pdf_drawn,
    pdf_glyphs,
    pdf_measure,
    pdf_percent,
    pdf_spacing,
    pdf_widths,
)
from .weasyprint_loaded import weasyprint

text, page, fonts = weasyprint.draw.text, weasyprint.layout.page, weasyprint.pdf.fonts
inline, css, percent = weasyprint.layout.inline, weasyprint.css, weasyprint.layout.percent
line_break, MarginBox = weasyprint.text.line_break, weasyprint.formatting_structure.boxes.MarginBox
LST_TO_ISO = weasyprint.text.constants.LST_TO_ISO
PANGO_DIRECTION = weasyprint.text.constants.PANGO_DIRECTION
FROM_UNITS, ffi, gobject, pango, unicode_to_char_p = (
    weasyprint.text.ffi.FROM_UNITS, weasyprint.text.ffi.ffi, weasyprint.text.ffi.gobject,
    weasyprint.text.ffi.pango, weasyprint.text.ffi.unicode_to_char_p)
font_features = weasyprint.text.fonts.font_features
get_font_description = weasyprint.text.fonts.get_font_description

_FEATURES = itemgetter("font_kerning", "font_variant_ligatures", "font_variant_position",
                       "font_variant_caps", "font_variant_numeric", "font_variant_alternates",
                       "font_variant_east_asian", "font_feature_settings")
_FONT_KEY = itemgetter(
    "font_family", "font_style", "font_stretch", "font_weight", "font_variant_ligatures",
    "font_variant_position", "font_variant_caps", "font_variant_numeric",
    "font_variant_alternates", "font_variant_east_asian", "font_feature_settings",
    "font_variation_settings", "font_language_override", "lang")
_FACE = itemgetter("font_family", "font_style", "font_stretch", "font_weight", "font_size",
                   "font_variant_caps", "font_variation_settings")
_SIZED = re.compile(r"(\w+)\[(\d+)\]")  # an array type of a stated length
_descriptions: dict[tuple, object] = {}  # Pango font descriptions by the face's values
_features: dict[tuple, bytes | None] = {}  # OpenType features by the style's values


class _Patch(NamedTuple):
    """WeasyPrint's ``module.name`` and its cheaper replacement."""

    module: object
    name: str
    replacement: object
    digest: str  # of the source of WeasyPrint 70.0's function (or of ``fence``)
    fence: tuple = ()  # the functions whose sources are compared instead (for a value: the
    # function using it; for a replacement that copies what they do: those functions)


def apply() -> None:
    """Put the cheaper functions in WeasyPrint's place, each only where WeasyPrint's own is
    the one it was written against."""
    for patch in _PATCHES:
        original = getattr(patch.module, patch.name)
        if original is not patch.replacement and (
                _digest(*patch.fence or (original,)) == patch.digest):
            setattr(patch.module, patch.name, patch.replacement)


def applied() -> bool:
    """Whether every cheaper function is in place."""
    return all(getattr(p.module, p.name) is p.replacement for p in _PATCHES)


@contextmanager
def withdrawn() -> Iterator[None]:
    """WeasyPrint's own functions inside this block (to compare what they make)."""
    placed = [getattr(p.module, p.name) for p in _PATCHES]
    for patch, original in zip(_PATCHES, _ORIGINALS, strict=True):
        setattr(patch.module, patch.name, original)
    try:
        yield
    finally:
        for patch, function in zip(_PATCHES, placed, strict=True):
            setattr(patch.module, patch.name, function)


def _digest(*functions: object) -> str:
    try:
        source = "".join(inspect.getsource(f.fget if isinstance(f, property) else f)
                         for f in functions)
    except (OSError, TypeError):  # no source to compare with: not replaced
        return ""
    return hashlib.sha256(source.encode()).hexdigest()[:8]


def _context(style) -> tuple:
    """The Pango context and language of the style's fonts, direction and language."""
    if style["font_language_override"] != "normal":
        override = style["font_language_override"]
        lang = LST_TO_ISO.get(override.lower(), override)
    else:
        lang = style["lang"] or None
    font_config = style.font_config
    try:  # (direction, language) -> (Pango context, Pango language), kept with the fonts
        contexts = font_config.octavo_contexts
    except AttributeError:
        contexts = font_config.octavo_contexts = {}
    if (made := contexts.get((style["direction"], lang))) is None:
        context = ffi.gc(pango.pango_font_map_create_context(font_config.font_map),
                         gobject.g_object_unref)
        pango.pango_context_set_round_glyph_positions(context, False)
        pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
        if lang:
            language = pango.pango_language_from_string(unicode_to_char_p(lang)[0])
            pango.pango_context_set_language(context, language)
        else:
            language = pango.pango_language_get_default()
        made = contexts[style["direction"], lang] = context, language
    return made


def _description(style) -> object:
    """The Pango font description of the style's face and size."""
    key = _FACE(style)
    try:
        if (description := _descriptions.get(key)) is None:
            description = _descriptions[key] = get_font_description(style)
    except TypeError:  # a value that can't be a key: made each time
        return get_font_description(style)
    return description


def _feature_string(style) -> bytes | None:
    """The style's OpenType features as Pango takes them, if any."""
    values = _FEATURES(style)
    try:
        return _features[values]
    except KeyError:
        made = _features[values] = _features_of(values)
        return made
    except TypeError:  # a value that can't be a key: made each time
        return _features_of(values)


def _features_of(values: tuple) -> bytes | None:
    features = font_features(*values)
    return ",".join(f"{key} {value}" for key, value in features.items()).encode() or None


def _setup(self, style) -> None:
    """``Layout.setup``: the layout's Pango objects for ``style``."""
    self.style = style
    self.first_line_direction = 0
    context, self.language = _context(style)
    font_description = _description(style)
    self.layout = ffi.gc(pango.pango_layout_new(context), gobject.g_object_unref)
    pango.pango_layout_set_auto_dir(self.layout, False)
    pango.pango_layout_set_font_description(self.layout, font_description)

    if style["text_decoration_line"] != "none":
        metrics = ffi.gc(
            pango.pango_context_get_metrics(context, font_description, self.language),
            pango.pango_font_metrics_unref)
        self.ascent = FROM_UNITS * pango.pango_font_metrics_get_ascent(metrics)
        self.underline_position = FROM_UNITS * (
            pango.pango_font_metrics_get_underline_position(metrics))
        self.strikethrough_position = FROM_UNITS * (
            pango.pango_font_metrics_get_strikethrough_position(metrics))
        self.underline_thickness = FROM_UNITS * (
            pango.pango_font_metrics_get_underline_thickness(metrics))
        self.strikethrough_thickness = FROM_UNITS * (
            pango.pango_font_metrics_get_strikethrough_thickness(metrics))
    else:
        self.ascent = self.underline_position = self.strikethrough_position = None

    if features := _feature_string(style):
        cache = style.font_config.font_features
        if (attr := cache.get(features)) is None:
            attr = cache[features] = pango.pango_attr_font_features_new(features)
        attr_list = pango.pango_attr_list_new()
        pango.pango_attr_list_insert(attr_list, attr)
        pango.pango_layout_set_attributes(self.layout, attr_list)


def _font_style_cache_key(style, include_size: bool = False) -> object:
    """``_font_style_cache_key``: the style's font values as a tuple, not its text (which
    WeasyPrint's is, the key of the same cache entries)."""
    key = _FONT_KEY(style)
    if include_size:
        key += (style["font_size"], style["line_height"])
    try:
        hash(key)
    except TypeError:  # a value that can't be a key: WeasyPrint's own
        return _ORIGINAL_FONT_KEY(style, include_size)
    return key


def _strut(style) -> tuple:
    """``strut``: the line height and baseline cached for the style's font, else made."""
    if style["font_size"]:
        key = line_break._font_style_cache_key(style, include_size=True)
        if (cached := style.font_config.strut_layouts.get(key)) is not None:
            return cached
    return _ORIGINAL_STRUT(style)


def _put_aside(text: str, style, context, max_width, justification_spacing):
    """``create_layout`` as ``add_word_spacing`` calls it, for a layout it puts aside at
    once: what a layout keeps when put aside (its text, its spacing), without the Pango
    layout. A box with decorations (whose measures it keeps), a new line (which cuts its
    text) or a lone space with word spacing (which changes it) is laid out as WeasyPrint
    does."""
    if (style["text_decoration_line"] != "none" or "\n" in text
            or (text == " " and style["word_spacing"])):
        return _ORIGINAL_CREATE_LAYOUT(text, style, context, max_width, justification_spacing)
    layout = line_break.Layout.__new__(line_break.Layout)
    layout.__dict__.update(
        justification_spacing=justification_spacing, max_width=max_width, text=text,
        first_line_direction=0, ascent=None, underline_position=None,
        strikethrough_position=None, layout=None, language=None, style=style)
    pdf_drawn.carry(layout)
    return layout


def _resolve_percentages(box, containing_block) -> None:
    """``resolve_percentages`` as the page's layout calls it: nothing for a margin box that
    is not generated, whose lengths the caller zeroes next."""
    if type(box) is not MarginBox or box.is_generated:
        _ORIGINAL_RESOLVE(box, containing_block)


_written: dict[int, tuple] | None = None  # while pydyf writes: each stream's data by its id


def _write(self, *args, **kwargs) -> None:
    """``pydyf.PDF.write``, each stream's data made once."""
    global _written
    _written = {}
    try:
        _ORIGINAL_WRITE(self, *args, **kwargs)
    finally:
        _written = None


def _stream_data(self) -> bytes:
    """``pydyf.Stream.data``: once per stream while a PDF is written."""
    if _written is None:
        return _ORIGINAL_STREAM_DATA(self)
    if (made := _written.get(id(self))) is None:
        made = _written[id(self)] = self, _ORIGINAL_STREAM_DATA(self)  # kept: its id stays
    return made[1]


class _OpenArrays:
    """cffi's FFI as WeasyPrint's font subsetting uses it, its arrays of a stated length
    made of the open array type from the same items."""

    def __init__(self, ffi) -> None:
        self._ffi = ffi

    def new(self, cdecl, init=None):
        if ((sized := _SIZED.fullmatch(cdecl)) and isinstance(init, list | tuple)
                and len(init) == int(sized[2])):
            return self._ffi.new(f"{sized[1]}[]", init)
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name: str) -> object:
        return getattr(self._ffi, name)


_ORIGINAL_RESOLVE = page.resolve_percentages
_ORIGINAL_FONT_KEY = line_break._font_style_cache_key
_ORIGINAL_STRUT = line_break.strut
_ORIGINAL_CREATE_LAYOUT = line_break.create_layout
_ORIGINAL_WRITE = pydyf.PDF.write
_ORIGINAL_STREAM_DATA = pydyf.Stream.data.fget
_PATCHES = [_Patch(line_break.Layout, "setup", _setup, "fb227a55"),
            _Patch(text, "draw_first_line", pdf_glyphs.draw_first_line, "1bb8eae6"),
            _Patch(line_break.Layout, "reactivate", pdf_spacing.reactivate, "779a053e",
                   fence=(line_break.Layout.reactivate, text.draw_text)),
            _Patch(line_break, "first_line_metrics", pdf_measure.first_line_metrics, "55ec5d0b"),
            _Patch(line_break, "_font_style_cache_key", _font_style_cache_key, "d6b09d54"),
            _Patch(page, "resolve_percentages", _resolve_percentages, "71673078"),
            _Patch(pydyf.PDF, "write", _write, "242cd38f"),
            _Patch(pydyf.Stream, "data", property(_stream_data), "bdc2bc51"),
            _Patch(fonts, "ffi", _OpenArrays(fonts.ffi), "f8080566",
                   fence=(fonts.Font._harfbuzz_subset,)),
            *(_Patch(module, "strut", _strut, "b57885b7", fence=(line_break.strut,))
              for module in (inline, css.units, css.computed_values)),
            _Patch(inline, "create_layout", _put_aside, "f48a20d4",
                   fence=(inline.add_word_spacing, line_break.create_layout,
                          line_break.Layout.__init__, line_break.Layout.set_text,
                          line_break.Layout.deactivate)),
            *(_Patch(line_break.Layout, name, getattr(pdf_breaking, name), "2e74178c",
                     fence=(line_break.split_first_line, line_break.first_line_metrics,
                            line_break.create_layout, line_break.Layout.set_text,
                            line_break.Layout.get_first_line, line_break.Layout.deactivate))
              for name in ("set_text", "get_first_line", "deactivate")),
            _Patch(weasyprint.layout.background, "layout_box_backgrounds",
                   pdf_boxes.layout_box_backgrounds, "fd0c5769",
                   fence=(weasyprint.layout.background.layout_box_backgrounds,
                          weasyprint.layout.percent.resolve_radii_percentages,
                          weasyprint.draw.color.get_color)),
            _Patch(page, "set_page_type_computed_styles",
                   pdf_boxes.set_page_type_computed_styles, "d4464f8f",
                   fence=(page.set_page_type_computed_styles,
                          css.StyleFor.add_page_declarations, css.StyleFor.set_computed_styles,
                          page.make_margin_boxes, page._standardize_page_based_counters)),
            *(_Patch(module, "resolve_percentages", pdf_percent.resolve_percentages, "a5745904",
                     fence=(percent.resolve_percentages, percent.resolve_one_percentage,
                            percent.percentage, percent.adjust_box_sizing))
              for module in (weasyprint.layout.block, inline, weasyprint.layout.float,
                             weasyprint.layout.absolute, weasyprint.layout.column)),
            _Patch(weasyprint.layout.preferred, "split_first_line", pdf_widths.split_first_line,
                   "f9ae9418", fence=(weasyprint.layout.preferred.inline_line_widths,
                                      line_break.split_first_line))]
_ORIGINALS = [getattr(p.module, p.name) for p in _PATCHES]
