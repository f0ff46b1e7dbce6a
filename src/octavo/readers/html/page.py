"""One page read into one work: the passes run in order on its parsed tree.

``prepare`` cleans the page and finds its title block, notes and images; the book (or the
single page) then gives it a work id and its links; ``work`` turns it into a Work and its
endnotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml.html import HtmlElement

from ...tree import (
    Block,
    Footnote,
    Heading,
    Inline,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Text,
    Work,
    iter_nodes,
)
from . import clean, images, notes, titles
from .blocks import block_items, items_of, nest
from .inlines import Context, broken, has_text, inlines, plain, text_nodes, tidy
from .load import Page
from .notes import FoundNote
from .told import tell

HEAD_LENGTH = 40  # characters (see running_head)
TRAILING = {"a", "an", "and", "are", "as", "at", "by", "for", "in", "is", "of", "on", "or",
            "that", "the", "to", "with"}  # words a shortened head should not end on


@dataclass
class Prepared:
    """A page cleaned, with what its passes found, ready to become a work."""

    page: Page
    head: titles.TitleBlock
    notes: notes.PageNotes
    ctx: Context
    work_id: str = ""

    @property
    def title(self) -> str:
        """The page's title as text: its title heading's first line, else ``<title>``."""
        markers = {m for n in self.notes.notes for m in n.markers}
        lines = (titles.lines_of(self.head.title, markers) if self.head.title is not None
                 else [])
        return lines[0] if lines else self.head.collection or self.head.head_title


def prepare(page: Page, root_folder: Path | None) -> Prepared:
    """Clean a page and find its title block, notes and images."""
    head = titles.head_of(page.root)
    clean.drop_unread(page.root)
    clean.drop_navigation(page.body)
    block = titles.take(page.body, head)
    if not block.found:
        tell("s-007", "no title block of the archive's kind (a title paragraph, headings or "
             "an information block); the page is read as it is"
             + (f", titled by its <title> {block.head_title!r}" if block.head_title else ""))
    found = notes.find(page.body)
    ctx = Context(images=images.find(page.body, page.folder, root_folder))
    return Prepared(page, block, found, ctx)


def _lines(found: list[Inline]) -> list[list[Inline]]:
    return [tidy(line) for line in broken(found) if has_text(line)]


def _refs(found: list[Inline]) -> list[NoteRef]:
    return [n for i in found for n in iter_nodes(i) if isinstance(n, NoteRef)]


def work(prepared: Prepared, fallback_title: str = "") -> tuple[Work, list[Note]]:
    """The page's Work and its endnotes; the elements it consumed leave the page."""
    head, ctx = prepared.head, prepared.ctx
    ctx.scope = prepared.work_id
    references = _note_references(prepared)
    title_lines = _lines(inlines(head.title, ctx)) if head.title is not None else []
    subtitles = title_lines[1:] + [line for e in head.subtitle
                                   for line in _lines(inlines(e, ctx))]
    title = (plain(title_lines[0]) if title_lines
             else fallback_title or head.collection or head.head_title)
    for element in [*head.elements, *(b for n in prepared.notes.notes for b in n.blocks),
                    *prepared.notes.removed]:
        if element.getparent() is not None:
            element.drop_tree()
    blocks = nest(items_of(prepared.page.body, ctx), ctx)
    endnotes, footnotes = _notes(prepared, references)
    result = Work(id=prepared.work_id, title=title, subtitle=[plain(s) for s in subtitles],
                  date=head.date or head.info.written, short_title=running_head(title),
                  blocks=blocks,
                  footnotes=footnotes,
                  title_refs=_refs(title_lines[0]) if title_lines else [],
                  subtitle_refs=[r for s in subtitles for r in _refs(s)])
    _orphan_images(ctx, result)
    return result, endnotes


def running_head(title: str) -> str:
    """A title short enough for a running head: its first phrase, or its first words.

    The head of an A5 page (the default trim, the narrowest) holds about 40 capitals at
    its 8.5 pt, between the folios; a longer head would run onto a second line.
    """
    if len(title) <= HEAD_LENGTH:
        return title
    phrase = re.split(r"[:;.!?]\s|\s[—–]\s|,\s", title, maxsplit=1)[0]
    if len(phrase.split()) >= 2 and len(phrase) <= HEAD_LENGTH:
        return phrase
    words: list[str] = []
    for word in title.split():
        if len(" ".join([*words, word])) > HEAD_LENGTH:
            break
        words.append(word)
    while len(words) > 1 and words[-1].lower() in TRAILING:
        words.pop()
    return " ".join(words) or title


def _note_references(prepared: Prepared) -> dict[int, NoteRef]:
    """A reference for each marker (a note's markers share its target), by note."""
    ctx = prepared.ctx
    targets: dict[int, NoteRef] = {}
    for number, note in enumerate(prepared.notes.notes, 1):
        kind = "footnote" if note.footnote else "endnote"
        target = ctx.ids(f"{prepared.work_id} {'fn' if note.footnote else 'note'} "
                         f"{note.label if not note.footnote else number}")
        targets[id(note)] = NoteRef(target, note.label, kind)
        for marker in note.markers:
            ctx.refs[marker] = NoteRef(target, note.label, kind)
            _unbracket(marker)
        ctx.hidden |= note.hidden
    return targets


def _unbracket(marker: HtmlElement) -> None:
    """The brackets a page sets round a marker, outside its element (``[<a>1</a>]``), go
    with it: the reference shows its label as a raised figure."""
    previous, parent = marker.getprevious(), marker.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else None
    after = marker.tail or ""
    if before and before.rstrip().endswith("[") and after.lstrip().startswith("]"):
        cut = before.rstrip()[:-1].rstrip()
        if previous is not None:
            previous.tail = cut
        else:
            parent.text = cut
        marker.tail = after.lstrip()[1:]


def _notes(prepared: Prepared, references: dict[int, NoteRef]
           ) -> tuple[list[Note], list[Footnote]]:
    endnotes, footnotes = [], []
    for note in prepared.notes.notes:
        ref = references[id(note)]
        items = [item for element in note.blocks for item in block_items(element, prepared.ctx)]
        blocks = nest(items, prepared.ctx, sections=False)
        _strip_label(blocks, note)
        if ref.kind == "footnote":
            footnotes.append(Footnote(ref.target, note.label, _paragraphs(blocks),
                                      editorial=note.editorial))
        else:
            endnotes.append(Note(ref.target, note.label, blocks, editorial=note.editorial))
    return endnotes, footnotes


def _strip_label(blocks: list[Block], note: FoundNote) -> None:
    """The note's text without the label it opens with (``1.``, ``[1]``) or what is left of
    it once its label anchor is gone (``[]``, ``.``)."""
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    if first is None:
        return
    texts = []
    for node in text_nodes(first.inlines):
        if not isinstance(node, Text):
            break
        texts.append(node)
    label_gone = any(clean.text_of(h) for h in note.hidden)
    shapes = [r"\[\s*\]", r"\(\s*\)"] + (
        [] if label_gone else [rf"[\[(]?\s*{re.escape(note.label)}(?!\w)\s*[\])]?"])
    match = re.match(rf"\s*(?:{'|'.join(shapes)})?\s*[.:)\]]?\s*", "".join(t.text for t in texts))
    cut = match.end() if match else 0
    for text in texts:
        taken = min(cut, len(text.text))
        text.text, cut = text.text[taken:], cut - taken
    first.inlines = tidy(first.inlines)


def _paragraphs(blocks: list[Block]) -> list[Block]:
    """Blocks as paragraphs only (a page-foot note is set as running text)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        elif isinstance(block, Heading):
            out.append(Paragraph(block.inlines))
        elif isinstance(block, Quote):
            out += _paragraphs(block.blocks)
        else:
            out += [Paragraph(p.inlines) for p in iter_nodes(block) if isinstance(p, Paragraph)]
    return out


def _orphan_images(ctx: Context, result: Work) -> None:
    """Images met where no block could hold them (a title) go at the work's end."""
    if ctx.pending:
        result.blocks += ctx.pending
        ctx.pending = []

