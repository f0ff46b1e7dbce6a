"""The hand-proofread gold pages of the OCR volume, and the reader's text of the same pages.

A gold file ``tests/gold/page-N.txt`` holds one printed page as the print has it:
paragraphs (and headings, datelines …) separated by blank lines, the page's first and
last paragraph cut where the page cuts them (a word broken over the page belongs to
the page it starts on), then ``## footnotes`` and the page's footnotes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from octavo.readers.ocr import draft as read_draft
from octavo.sources import Source, source_text
from octavo.tree import (
    Asterism,
    Emphasis,
    Footnote,
    Heading,
    NoteRef,
    PageMarker,
    PageRef,
    Paragraph,
    Quote,
    Text,
)

GOLD = Path(__file__).parent / "gold"
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "input" / "stalin-works-05.ocr.txt"
NOTE_NUMBER = re.compile(r"(?<=[A-Za-z.,;:\u201d)])\d{1,3}\b")
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-\u2019'][A-Za-z0-9]+)*")


def words(text: str) -> list[str]:
    """A text's words for comparison: endnote numbers and punctuation aside."""
    return TOKEN.findall(NOTE_NUMBER.sub(" ", text.replace("’", "'").replace("'", "\u2019")))


@dataclass
class PageText:
    """The paragraphs and footnotes of one printed page, as text."""

    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


def read_gold(path: Path) -> PageText:
    """A gold page file."""
    body, _, notes = path.read_text(encoding="utf-8").partition("## footnotes")
    split = lambda s: [p.strip() for p in re.split(r"\n\s*\n", s) if p.strip()]  # noqa: E731
    return PageText(split(body), split(notes))


def reader_pages() -> dict[str, PageText]:
    """The reader's running text of the volume, cut into printed pages."""
    result, _ = read_draft(source_text(Source(SOURCE)))
    notes: dict[str, Footnote] = {f.id: f for f in result.footnotes}
    pages: dict[str, PageText] = {}
    state = {"page": "", "open": False}

    def page() -> PageText:
        return pages.setdefault(state["page"], PageText())

    def put(s: str) -> None:
        if not state["open"]:
            page().paragraphs.append("")
            state["open"] = True
        page().paragraphs[-1] += s

    def inline(node) -> None:
        if isinstance(node, Text):
            put(node.text)
        elif isinstance(node, Emphasis | PageRef):
            for child in node.children:
                inline(child)
        elif isinstance(node, NoteRef):
            put(node.label)
            if node.target in notes:
                page().footnotes.append(plain(notes[node.target].blocks))
        elif isinstance(node, PageMarker):
            state["page"], state["open"] = node.page, False

    def plain(blocks) -> str:
        return " ".join("".join(i.text if isinstance(i, Text) else
                                "".join(c.text for c in getattr(i, "children", [])
                                        if isinstance(c, Text))
                                for i in b.inlines) for b in blocks)

    def block(node) -> None:
        if isinstance(node, PageMarker):
            state["page"], state["open"] = node.page, False
        elif isinstance(node, Paragraph | Heading):
            state["open"] = False
            for item in node.inlines:
                inline(item)
            state["open"] = False
        elif isinstance(node, Quote):
            for child in node.blocks:
                block(child)
        elif isinstance(node, Asterism):
            state["open"] = False
            put("* * *")
            state["open"] = False

    for item in result.blocks:
        block(item)
    return pages


def compare(gold: PageText, got: PageText) -> tuple[int, int, int, int, list[str]]:
    """(paragraphs identical, paragraphs, words right, words, differences) for one page."""
    got_set = [words(p) for p in got.paragraphs + got.footnotes]
    same, diffs = 0, []
    for para in gold.paragraphs + gold.footnotes:
        if words(para) in got_set:
            same += 1
        else:
            diffs.append(para[:70])
    want = [w for p in gold.paragraphs + gold.footnotes for w in words(p)]
    have = [w for p in got.paragraphs + got.footnotes for w in words(p)]
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    right = sum(b.size for b in matcher.get_matching_blocks())
    return same, len(gold.paragraphs) + len(gold.footnotes), right, max(len(want), len(have)), diffs


if __name__ == "__main__":
    got_pages = reader_pages()
    totals = [0, 0, 0, 0]
    for path in sorted(GOLD.glob("page-*.txt")):
        folio = path.stem.removeprefix("page-").lstrip("0")
        got = got_pages.get(folio, PageText())
        result = compare(read_gold(path), got)
        totals = [a + b for a, b in zip(totals, result[:4], strict=True)]
        print(f"p. {folio}: paragraphs {result[0]}/{result[1]}, words {result[2]}/{result[3]}")
        for d in result[4]:
            print("   missing:", d)
        if result[4]:
            for p in got.paragraphs + got.footnotes:
                print("   got:", p[:100])
    print(f"paragraphs {totals[0]}/{totals[1]} ({100 * totals[0] / totals[1]:.1f}%), "
          f"words {totals[2]}/{totals[3]} ({100 * totals[2] / totals[3]:.2f}%)")
