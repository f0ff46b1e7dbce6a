"""What the structure passes share: the draft, its pages, and the book as it is cut."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ids import IdAllocator
from ...tree import Block, Footnote, Note, Work
from .closing import Signature
from .contents import Entry
from .draft import Draft
from .pages import Layout


@dataclass
class Structure:
    """The volume as the structure passes (``readers.ocr.STRUCTURE``) read and cut it.

    Each pass fills or changes some fields: ``entries`` (the printed contents),
    ``notes`` (the endnotes), ``work_ids``, ``body`` (the running text of the works),
    ``works``; ``ids`` hands out every id once.
    """

    draft: Draft
    layout: Layout
    author: str  # the author's name, from the TOML or the versos' running heads
    author_from: str  # which of the two
    entries: list[Entry] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    ids: IdAllocator = field(default_factory=IdAllocator)
    work_ids: dict[int, str] = field(default_factory=dict)  # by id() of the contents entry
    rectos: list[tuple[int, str]] = field(default_factory=list)  # (folio, head) of rectos
    title_words: set[str] = field(default_factory=set)  # the contents' words, casefolded
    signers: frozenset[str] = frozenset()  # lines that sign works besides the author's name
    body: list[Block] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)

    @property
    def signature(self) -> Signature:
        return Signature.of(self.author, self.signers)

    @property
    def footnotes(self) -> dict[str, Footnote]:
        return {f.id: f for f in self.draft.footnotes}
