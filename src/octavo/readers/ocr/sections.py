"""A work's sections: its blocks nested under the headings its contents entry lists."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import report
from ...tree import Block, Inline, NoteRef, Section, Text, Work, iter_nodes
from .blocks import back_over_markers, pages_at, plain_inlines
from .contents import Entry
from .find import Found, find_title
from .structure import Structure
from .titles import mend, title_case, title_words


def nest(st: Structure, work: Work, entry: Entry, blocks: list[Block]) -> list[Block]:
    """The blocks nested under the section headings the contents lists."""
    found: list[Found] = []
    cursor = 0
    depth = {id(s): d for d, s in _depths(entry)}
    pages = pages_at(blocks, work.first_page)
    for section in (s for _, s in _depths(entry)):
        hit = find_title(blocks, pages, section, cursor)
        if hit is None:
            report("t-002", f"section “{section.number} {section.title}” of “{work.title}” "
                   "not found", page=section.page)
            continue
        found.append(hit)
        cursor = hit.stop
    return _nest(st, blocks, found, 0, len(blocks), depth)


def _nest(st: Structure, blocks: list[Block], found: list[Found], start: int, stop: int,
          depth: dict[int, int]) -> list[Block]:
    """The blocks in [start, stop), those under the outermost headings found there
    gathered into Sections; a page that begins just before a heading is marked in it."""
    inside = [f for f in found if start <= f.start < stop]
    if not inside:
        return blocks[start:stop]
    top = min(depth[id(f.entry)] for f in inside)
    heads = [f for f in inside if depth[id(f.entry)] == top]

    def begin(f: Found) -> int:  # markers opening the range stay where they are
        back = back_over_markers(blocks, f.start)
        return back if back > start else f.start

    out = blocks[start:begin(heads[0])]
    for f, nxt in zip(heads, [*heads[1:], None], strict=True):
        end = begin(nxt) if nxt else stop
        lead = blocks[begin(f):f.start]
        title = [n for b in blocks[f.start:f.stop] for n in [*getattr(b, "inlines", []), Text(" ")]]
        number = f.entry.number
        text = plain_inlines(title)
        if number and title_words(text)[:1] == title_words(number):
            text = text.split(None, 1)[1] if " " in text.strip() else ""
        section = Section(id=st.ids(f"{number} {f.entry.title}"), number=number,
                          title=[*lead, *_title(f.entry, text, title)])
        section.blocks = _nest(st, blocks, found, f.stop, end, depth)
        out.append(section)
    return out


def _title(entry: Entry, printed: str, inlines: list[Inline]) -> list[Inline]:
    """A section's title for display: the contents' wording mended by the body's, with
    the note references the heading carries."""
    refs = [n for i in inlines for n in iter_nodes(i) if isinstance(n, NoteRef)]
    text = title_case(mend(entry.title, printed)) if entry.title else ""
    return [Text(text), *refs] if text else refs


def _depths(entry: Entry, depth: int = 0) -> Iterator[tuple[int, Entry]]:
    for child in entry.children:
        if child.kind == "section":
            yield depth, child
            yield from _depths(child, depth + 1)
