"""Blocks as the structure passes read them: their plain text, the page markers they
hold and the printed page each begins on."""

from __future__ import annotations

from ...tree import Block, Inline, PageMarker, Paragraph, Text, child_lists, iter_nodes


def plain(node: object) -> str:
    """The text of a block or inline, note references and page markers left out."""
    return "".join(n.text for n in iter_nodes(node) if isinstance(n, Text))


def plain_inlines(inlines: list[Inline]) -> str:
    return "".join(plain(i) for i in inlines)


def markers(block: Block) -> list[PageMarker]:
    """The page markers a block is or holds, in order (as ``iter_nodes`` meets them, without
    its walk's cost: the structure passes ask this of every block several times)."""
    if isinstance(block, PageMarker):
        return [block]
    found: list[PageMarker] = []
    for items in child_lists(block):
        for item in items:
            if isinstance(item, PageMarker):
                found.append(item)
            elif item.child_fields:
                found += markers(item)
    return found


def pop_marker(block: Paragraph) -> list[PageMarker]:
    """The page marker a paragraph's inlines end in, taken off it (a page turning after its
    last words); none where they end otherwise."""
    return [block.inlines.pop()] if block.inlines and isinstance(block.inlines[-1], PageMarker) \
        else []


def pages_at(blocks: list[Block], page: str = "") -> list[str]:
    """The printed page each block begins on (``page`` before the first marker)."""
    out = []
    for block in blocks:
        if isinstance(block, PageMarker):
            page = block.page
        out.append(page)
        for marker in markers(block):
            page = marker.page
    return out


def back_over_markers(blocks: list[Block], index: int) -> int:
    """The index of the first of the page markers that stand right before ``index``."""
    while index > 0 and isinstance(blocks[index - 1], PageMarker):
        index -= 1
    return index


def next_block(blocks: list[Block], index: int) -> Block | None:
    """The first block at or after ``index`` that is no page marker (a page may turn
    between two blocks), if any."""
    return next((b for b in blocks[index:] if not isinstance(b, PageMarker)), None)


def last_page(pages: list[str], blocks: list[Block], start: int, stop: int) -> str:
    """The printed page the text of blocks [start, stop) ends on."""
    last = ""
    for i in range(start, stop):
        if not isinstance(blocks[i], PageMarker):
            last = pages[i]
            for marker in markers(blocks[i]):
                last = marker.page
    return last


def page_value(page: str) -> int | None:
    return int(page) if page.isdigit() else None
