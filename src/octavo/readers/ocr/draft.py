"""The reader's intermediate result: the volume's running text as tree blocks.

The structure pass (``works.build_book``) cuts it into works by the printed contents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...tree import Block, Footnote


@dataclass
class Draft:
    """The whole volume's running text in reading order, and its page-foot footnotes.

    ``blocks`` holds Paragraph (inlines: Text, Emphasis(spaced=True), NoteRef to a
    footnote, inline PageMarker where a page begins inside it), Heading, Paragraph
    with a ParagraphRole (POINT, DATELINE, LINE …), Quote, Asterism and block-level
    PageMarker where a page begins between blocks.  Endnote numbers stay plain digits.
    """

    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
