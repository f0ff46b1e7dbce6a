"""Notes printed after each work rather than in a notes section at the back: under a
heading naming them (``NOTES``), numbered afresh from 1 in each work, as FLP's Selected
Works print them.  They are taken out of the running text, and each work's markers
linked to its own notes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...findings import report
from ...tree import Block, Heading, Inline, Note, PageMarker, Paragraph, Text, iter_nodes
from ..textlines import CLAUSE_STOPS, SURE_CLOSES
from .blocks import next_block, plain
from .lines import names_notes
from .links import link_endnotes, possessives

if TYPE_CHECKING:
    from .structure import Structure


def _start(number: int) -> re.Pattern[str]:
    """Where note ``number`` opens inside a text: at its start (after the space left where
    a page turned before it: ``… production. [page 18] 3 The``), or after a sentence's end
    (the paragraphs pass may run a short note into the one before), with or without a
    point (``1.``), before a capital."""
    return re.compile(rf"(?:^ ?|(?<=[{CLAUSE_STOPS}{SURE_CLOSES}] )){number}\.? (?=[A-Z\u201c(])")


def take(st: Structure) -> None:
    """The structure pass: where the volume has no notes section, each work's own notes
    as endnotes (ids ``note-G-N``, the G-th work's N-th), their markers linked."""
    if st.notes:
        return
    body, start, group = st.body, 0, 0
    owned = possessives(body)  # a plural's apostrophe comes again anywhere in the volume
    while (at := _heading(body, start)) is not None:
        end = next((i for i in range(at + 1, len(body)) if isinstance(body[i], Heading)),
                   len(body))
        while end > at + 1 and isinstance(body[end - 1], PageMarker):
            end -= 1  # a page opening with the next work's title is that work's
        group += 1
        notes = numbered(body[at + 1:end], f"note-{group}-")
        placed = link_endnotes(body[start:at], notes, f"{group}-",
                               st.layout.charmap.standing(), owned)
        for note in notes:
            if note.id not in placed:
                report("n-001", f"note {note.number} after a work has no marker in its text")
        st.notes += notes
        kept = [n for b in body[at:end] for n in iter_nodes(b) if isinstance(n, PageMarker)]
        body[at:end] = kept  # the pages' markers stay in the text, in the pages' order
        start = at + len(kept)
    st.body = body


def _heading(body: list[Block], start: int) -> int | None:
    """The next heading naming notes over a paragraph opening with note 1 (a page may
    turn between them)."""
    for i in range(start, len(body)):
        if isinstance(body[i], Heading) and names_notes(plain(body[i]).strip()):
            first = next_block(body, i + 1)
            if isinstance(first, Paragraph) and _start(1).match(plain(first).lstrip()):
                return i
    return None


def numbered(blocks: list[Block], prefix: str) -> list[Note]:
    """The numbered notes of the blocks under a notes heading, each paragraph cut where the
    next note's number opens."""
    notes: list[Note] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            if notes and not isinstance(block, PageMarker):
                notes[-1].blocks.append(block)
            continue
        piece: list[Inline] = []
        for item in block.inlines:
            if isinstance(item, PageMarker):
                continue
            rest = item
            while isinstance(rest, Text) and (m := _start(len(notes) + 1).search(rest.text)):
                if notes and (before := rest.text[:m.start()].rstrip()):
                    piece.append(Text(before))
                if notes and piece:
                    notes[-1].blocks.append(Paragraph(piece))
                number = str(len(notes) + 1)
                notes.append(Note(id=f"{prefix}{number}", number=number, blocks=[]))
                piece, rest = [], Text(rest.text[m.end():])
            piece.append(rest)
        if notes and piece:
            notes[-1].blocks.append(Paragraph(piece))
    return notes
