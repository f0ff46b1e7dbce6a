"""The volume's running text: from the first work's page to the back matter, without the
pages that divide the works by year."""

from __future__ import annotations

from ...findings import report
from ...tree import Block, Heading, PageMarker
from .blocks import markers, pages_at
from .closing import text
from .contents import is_heading
from .cuts import DIVIDER
from .structure import Structure


def take(st: Structure) -> None:
    """The draft's blocks from the first entry's page (a preface's, or the first work's) to
    the notes or the chronicle, or to the contents where they stand after the works (the
    contents between a preface and the works left out), with a marker for each page the
    scan left out."""
    blocks = st.draft.blocks
    pages = pages_at(blocks)
    first = st.entries[0].page if st.entries else ""
    work = next((e.page for e in st.entries if e.kind == "work"), first)
    back = {next((e.page for e in st.entries if e.kind in ("notes", "chronicle", "matter")), ""),
            *(p.folio for p in st.layout.pages if p.lines and is_heading(p.lines[0]))} - {""}
    start = next((i for i, p in enumerate(pages) if p == first), 0)
    works = next((i for i, p in enumerate(pages) if p == work and i >= start), start)
    end = next((i for i, p in enumerate(pages) if p in back and i > works), len(blocks))
    between = next((i for i, p in enumerate(pages) if p in back and start < i < works), works)
    st.body = blank_pages(without_dividers(blocks[start:between] + blocks[works:end]))
    known = {m.page for b in blocks for m in markers(b)}
    for page in (m.page for b in st.body for m in markers(b) if m.page not in known):
        report("p-001", "the page is blank or missing in the scan; its marker stands before "
               "the next page's", page=page)


def without_dividers(blocks: list[Block]) -> list[Block]:
    """The blocks without the headings that hold a page alone and are a year or a period
    (``1924``, ``1921-23``): the divider pages of works grouped by year, no work's text (their
    page markers kept)."""
    return [b for i, b in enumerate(blocks)
            if not (isinstance(b, Heading) and DIVIDER.fullmatch(text(b))
                    and i and isinstance(blocks[i - 1], PageMarker)
                    and (i + 1 == len(blocks) or isinstance(blocks[i + 1], PageMarker)))]


def blank_pages(blocks: list[Block]) -> list[Block]:
    """The blocks with a marker for each blank page the scan left out (the verso after
    a part's title page), just before the next page's marker."""
    out: list[Block] = []
    last = None
    for block in blocks:
        if isinstance(block, PageMarker) and block.page.isdigit() and last is not None:
            out += [PageMarker(str(n)) for n in range(last + 1, int(block.page))]
        out.append(block)
        numbers = [int(m.page) for m in markers(block) if m.page.isdigit()]
        last = numbers[-1] if numbers else last
    return out
