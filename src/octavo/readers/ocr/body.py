"""The volume's running text: from the first work's page to the back matter, without the
pages that divide the works by year."""

from __future__ import annotations

from dataclasses import replace

from ...findings import report
from ...tree import Block, Heading, PageMarker, Paragraph, Text
from .blocks import back_over_markers, markers, pages_at, plain
from .closing import text
from .contents import Entry, is_heading
from .cuts import DIVIDER
from .find import Found, is_title_line, locate, near
from .structure import Structure
from .titles import title_words


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
    if st.entries:
        start = _title_before(blocks, pages, st.entries[0], start)
    works = next((i for i, p in enumerate(pages) if p == work and i >= start), start)
    end = next((i for i, p in enumerate(pages) if p in back and i > works), len(blocks))
    end = max(end, _titled_back(blocks, pages, st.entries, end))
    between = next((i for i, p in enumerate(pages) if p in back and start < i < works), works)
    running = blocks[works:end]
    if running:
        running[-1:] = _short_of(running[-1], back)
    st.body = blank_pages(without_dividers(blocks[start:between] + running))
    known = {m.page for b in blocks for m in markers(b)}
    for page in (m.page for b in st.body for m in markers(b) if m.page not in known):
        report("p-001", "the page is blank or missing in the scan; its marker stands before "
               "the next page's", page=page)


def _short_of(block: Block, back: set[str]) -> list[Block]:
    """The running text's last block, up to the marker of a back matter's page it ran on
    into (a paragraph read on over the page's turn, the notes' title, over their first note,
    taken for that page's head): the rest is the back matter's, read from its pages; none
    of it where it opens with that marker."""
    if not isinstance(block, Paragraph):
        return [block]
    at = next((k for k, item in enumerate(block.inlines)
               if isinstance(item, PageMarker) and item.page in back), None)
    if at is None:
        return [block]
    kept = block.inlines[:at]
    if kept and isinstance(kept[-1], Text):
        kept[-1] = replace(kept[-1], text=kept[-1].text.rstrip())
    return [replace(block, inlines=kept)] if kept else []


def _title_before(blocks: list[Block], pages: list[str], entry: Entry, start: int) -> int:
    """Where the first entry's text begins: at its page (``start``), or at the page before
    where that page opens with the entry's title: the scan's blank lines over a title in
    mid-page cut the page the first work shares with the next in two, its top half counted
    a page of its own."""
    top = start
    while top and isinstance(blocks[top - 1], PageMarker):
        top -= 1
    if not top or pages[top - 1] in ("", pages[start]):
        return start
    before = top - 1
    while before and pages[before - 1] == pages[top - 1]:
        before -= 1
    first = next((i for i in range(before, top) if not isinstance(blocks[i], PageMarker)), top)
    hit = locate(blocks[first:top], pages[first:top], entry, 0)
    if isinstance(hit, Found) and hit.start == 0 and \
            len(title_words(" ".join(plain(b) for b in blocks[first:first + hit.stop]))) \
            <= len(title_words(f"{entry.number} {entry.printed}")):
        return before
    return start


def _titled_back(blocks: list[Block], pages: list[str], entries: list[Entry], start: int) -> int:
    """Where a page from ``start`` on opens with the title of the back matter (the
    contents' ``Notes``), near the page the contents list it at: at its page's marker; 0
    where none does: a
    page cut in two, its folios counted one too many, may carry the back matter's folio
    before the last work's opening page."""
    back = [("".join(title_words(e.printed or e.title)), e.page) for e in entries
            if e.kind in ("notes", "chronicle", "matter")]
    return next((back_over_markers(blocks, i) for i in range(max(start, 1), len(blocks))
                 if isinstance(blocks[i - 1], PageMarker) and is_title_line(blocks[i])
                 and any(letters == "".join(title_words(plain(blocks[i])))
                         and near(pages[i], page) for letters, page in back)), 0)


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
