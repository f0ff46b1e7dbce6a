"""Joining the PDFs of a book's parts, laid out apart, into the book's one PDF.

Pages are taken in order (a blank page after a part that ends on a recto, so the next
starts on one, as the single layout would have it); the named destinations that links
point at are gathered from the part that really holds each target (the other parts only
kept a stand-in anchor so that WeasyPrint kept their links); the outlines follow one
another; the document information is the first part's. Each part embeds its own subsets of
the fonts: those of a face are merged into one (pdf_fonts), and every subset is renamed by
its content, since WeasyPrint names the subsets of the parts alike and a printer's RIP may
take two fonts of one name for one font. pikepdf (qpdf) does the
joining: it copies pages with their resources and annotations, fast and exactly.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from .pdf_fonts import merge_subsets


@dataclass
class LaidPart:
    """A part's PDF, the anchors it really holds, and whether a blank page follows it."""

    path: Path
    owned: set[str]
    blank_after: bool


def join(parts: list[LaidPart], blank_page: bytes) -> bytes:
    """One PDF of the parts' pages, links, destinations and outline, in order."""
    with contextlib.ExitStack() as sources:  # open until the joined PDF is saved
        opened = [sources.enter_context(pikepdf.open(p.path)) for p in parts]
        out = pikepdf.new()
        names: dict[str, pikepdf.Array] = {}
        outline: list[pikepdf.OutlineItem] = []
        for src, part in zip(opened, parts, strict=True):
            first = len(out.pages)
            with warnings.catch_warnings():  # the destinations are carried over below
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                out.pages.extend(src.pages)
            index = {page.objgen: first + i for i, page in enumerate(src.pages)}

            def moved(dest: pikepdf.Array, index: dict = index) -> pikepdf.Array:
                return pikepdf.Array([out.pages[index[dest[0].objgen]].obj, *list(dest)[1:]])

            if "/Names" in src.Root and "/Dests" in src.Root.Names:
                for name, dest in pikepdf.NameTree(src.Root.Names.Dests).items():
                    if name in part.owned:
                        names[name] = moved(dest)
            with src.open_outline() as tree:
                outline.extend(_copied(item, moved) for item in tree.root)
            if part.blank_after:
                blank = sources.enter_context(pikepdf.open(io.BytesIO(blank_page)))
                out.pages.extend(blank.pages)
        first = opened[0]
        out.trailer.Info = out.copy_foreign(first.trailer.Info)
        if "/Lang" in first.Root:
            out.Root.Lang = first.Root.Lang
        tree = pikepdf.NameTree.new(out)
        for name in sorted(names):
            tree[name] = names[name]
        out.Root.Names = pikepdf.Dictionary(Dests=tree.obj)
        with out.open_outline() as tree:
            tree.root.extend(outline)
        merge_subsets(out)
        _name_subsets_by_content(out)
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buffer.getvalue()


def _copied(item: pikepdf.OutlineItem, moved) -> pikepdf.OutlineItem:
    copy = pikepdf.OutlineItem(item.title, destination=moved(item.destination))
    copy.is_closed = item.is_closed
    copy.children.extend(_copied(child, moved) for child in item.children)
    return copy


def _name_subsets_by_content(pdf: pikepdf.Pdf) -> None:
    """Give every embedded font subset a tag (``ABCDEF+``) drawn from its font program."""
    for font in [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                 and o.get("/Type") == "/Font" and "/FontDescriptor" in o]:
        descriptor = font.FontDescriptor
        program = next((descriptor[k] for k in ("/FontFile", "/FontFile2", "/FontFile3")
                        if k in descriptor), None)
        name = str(font.BaseFont)[1:]  # without the name's slash
        if program is None or name[6:7] != "+":
            continue
        digest = hashlib.sha256(program.read_raw_bytes()).digest()
        tag = "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
        font.BaseFont = descriptor.FontName = pikepdf.Name(f"/{tag}{name[6:]}")
    for font in [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                 and o.get("/Subtype") == "/Type0" and "/DescendantFonts" in o]:
        descendant = str(font.DescendantFonts[0].BaseFont)
        font.BaseFont = pikepdf.Name(f"{descendant}{str(font.BaseFont)[len(descendant):]}")
