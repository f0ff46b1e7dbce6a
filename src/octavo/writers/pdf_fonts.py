"""One subset per face in a PDF joined from parts: the parts' subsets of each face merged.

WeasyPrint embeds in each part's PDF a subset of every face the part uses, and keeps the
face's own glyph ids in it (its subsetters are told to retain them), so every part's text
names glyphs by the face's ids: a subset differs from another of the same face only in
which glyphs it holds. The joined PDF can then hold one subset per face, the union of the
parts' glyphs (each copied from a subset that holds it), widths and Unicode map, which every
part's font dictionary points at; a printer's RIP and a reader load each face once, and the
book is a sixth smaller. The text, its glyphs and their places do not change.

A face whose subsets are not of that shape (another encoding, a TrueType program, glyphs
calling subroutines, other private dictionaries or glyph names) keeps its subsets.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass

import pikepdf
from fontTools.misc.psCharStrings import T2CharString
from fontTools.ttLib import TTFont

_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>")
_SUBROUTINES = {"callsubr", "callgsubr"}
# The Unicode map as WeasyPrint writes it, so a merged one reads as every part's did
_CMAP_HEAD = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange"""
_CMAP_TAIL = b"""endcmap
CMapName currentdict /CMap defineresource pop
end
end"""
_BATCH = 100  # entries per bfchar block: the CMap format allows no more


@dataclass
class _Subset:
    """One part's subset of a face: its font dictionaries, program, widths and Unicode map."""

    font: pikepdf.Dictionary  # the Type0 font
    program: TTFont
    widths: dict[int, float]  # by glyph id: the glyphs the part uses
    text: dict[int, bytes]  # by glyph id: the UTF-16 hex of what it stands for


def merge_subsets(pdf: pikepdf.Pdf) -> None:
    """Make every face of ``pdf`` whose subsets can be merged use one merged subset."""
    faces: dict[str, list[pikepdf.Dictionary]] = defaultdict(list)
    for font in pdf.objects:
        if _mergeable(font):
            faces[str(font.BaseFont).split("+", 1)[-1]].append(font)
    for fonts in faces.values():
        if len(fonts) > 1 and (subsets := _subsets(fonts)):
            _merge(pdf, subsets)


def _mergeable(font: object) -> bool:
    """A Type0 font of WeasyPrint's shape: one CFF-flavoured OpenType program whose glyph ids
    are the text's codes, with widths and a Unicode map."""
    if not (isinstance(font, pikepdf.Dictionary) and font.get("/Type") == "/Font"
            and font.get("/Subtype") == "/Type0" and font.get("/Encoding") == "/Identity-H"
            and "/ToUnicode" in font and len(font.get("/DescendantFonts", [])) == 1):
        return False
    descendant = font.DescendantFonts[0]
    descriptor = descendant.get("/FontDescriptor", {})
    program = descriptor.get("/FontFile3")
    return (descendant.get("/Subtype") == "/CIDFontType0"
            and descendant.get("/CIDToGIDMap") == "/Identity" and "/W" in descendant
            and "/CIDSet" not in descriptor and program is not None
            and program.get("/Subtype") == "/OpenType")


def _subsets(fonts: list[pikepdf.Dictionary]) -> list[_Subset] | None:
    """The subsets of one face, or None if they can't be merged."""
    subsets = []
    for font in fonts:
        descendant = font.DescendantFonts[0]
        program = TTFont(io.BytesIO(descendant.FontDescriptor.FontFile3.read_bytes()),
                         recalcTimestamp=False, recalcBBoxes=False)
        if "CFF " not in program:
            return None
        text = dict((int(g, 16), u.lower()) for g, u in _BFCHAR.findall(
            font.ToUnicode.read_bytes()))
        subsets.append(_Subset(font, program, _widths(descendant.W), text))
    # the subsetters keep the glyphs up to the last one used: the longest holds every id
    subsets.sort(key=lambda s: len(s.program.getGlyphOrder()), reverse=True)
    first = subsets[0].program
    order = first.getGlyphOrder()
    if any(order[:len(o := s.program.getGlyphOrder())] != o
           or _private(s.program) != _private(first) for s in subsets):
        return None
    return subsets


def _merge(pdf: pikepdf.Pdf, subsets: list[_Subset]) -> None:
    """One subset of the face for every font dictionary of it."""
    base = subsets[0].program
    order = base.getGlyphOrder()
    top = base["CFF "].cff.topDictIndex[0]
    widths, text = dict(subsets[0].widths), dict(subsets[0].text)
    for subset in subsets[1:]:
        theirs = subset.program["CFF "].cff.topDictIndex[0].CharStrings
        for gid in sorted(subset.widths.keys() - widths.keys()):
            name = order[gid]
            glyph = theirs[name]
            glyph.decompile()
            if _SUBROUTINES & {op for op in glyph.program if isinstance(op, str)}:
                return  # a glyph that needs its own subset's subroutines: keep the subsets
            top.CharStrings[name] = T2CharString(program=list(glyph.program),
                                                 private=top.Private,
                                                 globalSubrs=top.GlobalSubrs)
            base["hmtx"][name] = subset.program["hmtx"][name]
            widths[gid] = subset.widths[gid]
        for gid, unicode in subset.text.items():
            text.setdefault(gid, unicode)
    _bounds_of_all(subsets)
    data = io.BytesIO()
    base.save(data)
    descendant = subsets[0].font.DescendantFonts[0]
    descriptor = _copy(pdf, descendant.FontDescriptor)
    descriptor.FontFile3 = pdf.make_stream(data.getvalue(), Subtype=pikepdf.Name.OpenType)
    descriptor.FontBBox = pikepdf.Array([*list(descriptor.FontBBox)[:2], max(widths.values()),
                                         descriptor.FontBBox[3]])
    merged = _copy(pdf, descendant)
    merged.FontDescriptor = descriptor
    merged.W = _width_array(widths)
    cmap = pdf.make_stream(_unicode_map(text))
    for subset in subsets:
        subset.font.DescendantFonts = pikepdf.Array([merged])
        subset.font.ToUnicode = cmap


def _bounds_of_all(subsets: list[_Subset]) -> None:
    """The first subset's font-wide bounds made to hold every subset's glyphs: the union of
    the subsets' bounds (recomputing them from the glyphs would take longer than the merge)."""
    programs = [s.program for s in subsets]
    head, hhea = programs[0]["head"], programs[0]["hhea"]
    for name, pick in (("xMin", min), ("yMin", min), ("xMax", max), ("yMax", max)):
        setattr(head, name, pick(getattr(p["head"], name) for p in programs))
    for name, pick in (("advanceWidthMax", max), ("minLeftSideBearing", min),
                       ("minRightSideBearing", min), ("xMaxExtent", max)):
        setattr(hhea, name, pick(getattr(p["hhea"], name) for p in programs))
    top = programs[0]["CFF "].cff.topDictIndex[0]
    boxes = [p["CFF "].cff.topDictIndex[0].FontBBox for p in programs]
    top.FontBBox = [min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes)]


def _copy(pdf: pikepdf.Pdf, dictionary: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """A new object of ``pdf`` holding what ``dictionary`` holds (its values shared)."""
    return pdf.make_indirect(pikepdf.Dictionary(dict(dictionary.items())))


def _private(program: TTFont) -> dict:
    return dict(program["CFF "].cff.topDictIndex[0].Private.rawDict)


def _widths(array: pikepdf.Array) -> dict[int, float]:
    """A CIDFont's /W array (``first [w w …] first [w …] …``) as widths by glyph id."""
    items, widths = list(array), {}
    for first, run in zip(items[::2], items[1::2], strict=True):
        for offset, width in enumerate(run):
            widths[int(first) + offset] = float(width)
    return widths


def _width_array(widths: dict[int, float]) -> pikepdf.Array:
    """Widths by glyph id as a /W array of runs of consecutive ids, as WeasyPrint writes it."""
    array: list = []
    for gid in sorted(widths):
        if gid - 1 not in widths:
            array += [gid, []]
        array[-1].append(widths[gid])
    return pikepdf.Array([pikepdf.Array(x) if isinstance(x, list) else x for x in array])


def _unicode_map(text: dict[int, bytes]) -> bytes:
    """A ToUnicode CMap of ``text`` (UTF-16 hex by glyph id), in glyph id order."""
    entries = sorted(text.items())
    lines = [_CMAP_HEAD]
    for start in range(0, len(entries), _BATCH):
        batch = entries[start:start + _BATCH]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [b"<%04x> <%s>" % (gid, unicode) for gid, unicode in batch]
        lines.append(b"endbfchar")
    lines.append(_CMAP_TAIL)
    return b"\n".join(lines)
