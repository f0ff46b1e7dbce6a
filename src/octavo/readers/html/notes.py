"""Notes in the archive's ways: markers in the text, each tied to a note at the page's end.

A marker is a link whose text is a label (``[1]``, ``1``, ``*``, ``a``) to a place at the
start of a later block: ``<a href="#n1" name="f1">[1]</a>`` to ``<p class="endnote"><a
name="n1" href="#f1">1.</a> …</p>``, ``<sup class="anote"><a href="#fn1">1</a></sup>`` to an
``<li id="fn1">``. Without links, a ``<sup>`` or ``<span class="note">`` label is matched
to the next block after it that starts with the same label (``1.``, ``[1]``, ``(1)``) and is
classed as a note (``endnote``, ``note``, ``footnote``) or follows a notes heading or a rule;
an ``<ol>`` after a notes heading numbers its items.

The blocks after the last marker in the text, from the first note on, are the notes
section: each note runs on to the next (a note of several paragraphs), and the section's
heading ("Notes") and rules go. A note standing in the text (a marker after it) is one
block, with any blocks of its class that follow. A note whose label is a sign (``*``,
``†``) is a footnote of the work, the rest are endnotes; one that says it is the editor's
(``—Ed.``, ``[Note by MIA]``, a class naming the editor) is marked editorial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from .clean import classes, text_of
from .links import places
from .titles import HEADINGS

# a note's label: a number, a letter, a small roman numeral (a translator's [iv]) or signs
LABEL_FORMS = r"\d{1,3}|[A-Za-z]|[ivxlc]{2,6}|[*†‡§¶]{1,3}"
LABEL = re.compile(rf"^[\[(]?\s*({LABEL_FORMS})\s*[\])]?\.?$")
SIGNS = set("*†‡§¶")
NOTE_CLASSES = {"endnote", "endnotes", "note", "notes", "footnote", "footnotes", "fn",
                "enote", "ednote", "editornote"}
MARKER_CLASSES = {"note", "anote", "enote", "ednote", "fnote", "noteref", "footnoteref"}
EDITORS_MARKER = "ednote"  # the archive's sup.ednote: the note it marks is the editor's
NOTE_BLOCKS = ("p", "li", "dd", "dt", "div", "blockquote", "td", "pre")
LEAF_BLOCKS = {"p", "li", "dd", "dt", "div", "blockquote", "td", "th", "pre", "hr", "center",
               *HEADINGS}
NOTES_HEADING = re.compile(r"^(?:[\w.’']+\s+){0,3}(?:foot|end)?notes?\b[\w\s.’':]{0,40}$",
                           re.IGNORECASE)
EDITORIAL = re.compile(
    r"^\W*(?:editor['’]?s?\s+note|note\s+by\s+(?:the\s+)?(?:editors?|mia|transcriber))"
    r"|(?:[—–-]\s*|[\[(]\s*)(?:ed|eds|editors?|mia|transcriber)\.?\s*[\])]?\s*\.?\s*$",
    re.IGNORECASE)
NOTES_LINE = 40  # characters: a paragraph no longer than "Notes by the Editors" is a heading
BACK_LINKS = {"^", "↑", "↩", "↩︎", "back", "return", "top", "up"}
START_LABEL = re.compile(rf"^([\[(]\s*({LABEL_FORMS})\s*[\])]|(\d{{1,3}}|[A-Za-z])[.)]"
                         r"|([*†‡§¶]{1,3}))(?:\s|$)")


@dataclass
class FoundNote:
    """A note found on a page: its label, blocks, markers and what to leave out of it."""

    label: str
    blocks: list[HtmlElement]
    markers: list[HtmlElement] = field(default_factory=list)
    hidden: set[HtmlElement] = field(default_factory=set)  # its label anchor, back-links
    editorial: bool = False

    @property
    def footnote(self) -> bool:
        """A sign-labelled note is a page-foot note of the work; others are endnotes."""
        return set(self.label) <= SIGNS


@dataclass
class PageNotes:
    """The notes of a page and the elements of its notes section to remove with them."""

    notes: list[FoundNote] = field(default_factory=list)
    removed: list[HtmlElement] = field(default_factory=list)


def label_of(text: str) -> str | None:
    """The label a marker shows (``[1]`` → ``1``), or None if the text is no label."""
    match = LABEL.match(" ".join(text.split()))
    return match[1] if match else None


def leaves(body: HtmlElement) -> list[HtmlElement]:
    """The innermost blocks of a body, in document order."""
    found = []
    for element in body.iter(*LEAF_BLOCKS):
        if not any(d.tag in LEAF_BLOCKS for d in element.iterdescendants()
                   if isinstance(d.tag, str)):
            found.append(element)
    return found


def _block_of(element: HtmlElement) -> HtmlElement | None:
    """The nearest block holding an element (itself, if it is one)."""
    if element.tag in NOTE_BLOCKS:
        return element
    return next(element.iterancestors(*NOTE_BLOCKS), None)


def _at_start(block: HtmlElement, target: HtmlElement) -> bool:
    """Whether nothing but brackets and white space precedes ``target`` in ``block``."""
    around = set(target.iterancestors())
    before = []
    for element in block.iter():
        if element is target:
            break
        if isinstance(element.tag, str):
            before.append(element.text or "")
        if element not in around:
            before.append(element.tail or "")
    return not "".join(before).strip(" \t\n\r\u00a0[(")


def _label_only(element: HtmlElement, label: str) -> bool:
    """Whether an element shows nothing but a label (or nothing at all)."""
    return text_of(element).strip("[]().: \u00a0") in ("", label)


def _widen(marker: HtmlElement, label: str) -> HtmlElement:
    """The outermost inline element around a marker that shows nothing but its label."""
    for parent in marker.iterancestors():
        if parent.tag not in ("sup", "span", "small", "font", "b", "strong", "em", "i", "a"):
            break
        if label_of(text_of(parent)) != label:
            break
        marker = parent
    return marker


Match = tuple[HtmlElement, HtmlElement | None, str]  # note block, the marker's target, label


def _linked(body: HtmlElement, order: dict[HtmlElement, int]) -> dict[HtmlElement, Match]:
    """Markers that link to the start of a later block."""
    targets = places(body)
    found = {}
    for a in body.iter("a"):
        href = (a.get("href") or "").strip()
        if not href.startswith("#") or (label := label_of(text_of(a))) is None:
            continue
        target = targets.get(href[1:])
        block = _block_of(target) if target is not None else None
        if (block is None or block.tag in HEADINGS or order[block] < order[a]
                or block in set(a.iterancestors()) or not _at_start(block, target)):
            continue
        found[_widen(a, label)] = (block, target, label)
    return found


def _start_label(block: HtmlElement) -> str | None:
    """The label a block starts with: ``1.``, ``[1]``, ``(1)``, ``*``, or a ``<sup>``."""
    text = " ".join(block.text_content().split())
    if match := START_LABEL.match(text):
        return match[2] or match[3] or match[4]
    for element in block.iterdescendants("sup", "span", "a", "b", "strong"):
        if _at_start(block, element):
            return label_of(text_of(element))
        break
    return None


def _ol_number(element: HtmlElement) -> str | None:
    """An item's number in an ordered list."""
    parent = element.getparent()
    if element.tag != "li" or parent is None or parent.tag != "ol":
        return None
    start = (parent.get("start") or "1").strip()
    items = [c for c in parent if c.tag == "li"]
    return str((int(start) if start.isdigit() else 1) + items.index(element))


def _candidates(flat: list[HtmlElement], taken: set[HtmlElement]) -> list[tuple]:
    """Blocks that may be notes by their label: classed as notes, or after a notes heading
    or a rule."""
    found = []
    notes_area = False
    for element in flat:
        if _is_notes_heading(element):
            notes_area = True
        elif element.tag in HEADINGS:
            continue
        elif element.tag == "hr":
            notes_area = True
        elif element not in taken and (notes_area or classes(element) & NOTE_CLASSES):
            label = _start_label(element) or (_ol_number(element) if notes_area else None)
            if label:
                found.append((element, label))
    return found


def _unlinked(body: HtmlElement, flat: list[HtmlElement], order: dict[HtmlElement, int],
              linked: dict[HtmlElement, Match]) -> dict[HtmlElement, Match]:
    """Markers without links (``<sup>1</sup>``), each matched to the next free note block
    with its label."""
    taken = {block for block, _, _ in linked.values()}
    candidates = _candidates(flat, taken)
    starts = {element for element, _ in candidates}
    in_links = {e for m in linked for e in m.iter()}
    markers = [e for e in body.iter("sup", "span", "a")
               if e not in in_links and not (e.tag == "a" and e.get("href"))
               and (e.tag == "sup" or classes(e) & MARKER_CLASSES)
               and label_of(text_of(e)) is not None
               and not ((block := _block_of(e)) in starts and _at_start(block, e))]
    found = {}
    used: set[HtmlElement] = set()
    for marker in markers:
        if any(a in found for a in marker.iterancestors()):
            continue
        label = label_of(text_of(marker))
        for element, wanted in candidates:
            if wanted == label and element not in used and order[element] > order[marker]:
                found[marker] = (element, None, label)
                used.add(element)
                break
    return found


def find(body: HtmlElement) -> PageNotes:
    """The page's notes: markers tied to note blocks, and each note's further blocks."""
    order = {e: n for n, e in enumerate(body.iter())}
    flat = leaves(body)
    linked = _linked(body, order)
    markers = {**linked, **_unlinked(body, flat, order, linked)}
    if not markers:
        return PageNotes()
    notes: dict[HtmlElement, FoundNote] = {}
    for marker, (block, target, label) in markers.items():
        note = notes.setdefault(block, FoundNote(label, [block]))
        note.markers.append(marker)
        if target is not None and target is not block and _label_only(target, label):
            note.hidden.add(target)
    owner = {}
    for leaf in flat:
        holder = next((a for a in (leaf, *leaf.iterancestors()) if a in notes), None)
        if holder is not None:
            owner[leaf] = holder
    index = {leaf: n for n, leaf in enumerate(flat)}
    first = {}
    for leaf, holder in owner.items():
        first.setdefault(holder, index[leaf])
    last_marker = max((_leaf_index(m, index) for m in markers
                       if not any(a in notes for a in (m, *m.iterancestors()))), default=-1)
    section = min((n for n in first.values() if n > last_marker), default=len(flat))
    result = PageNotes(notes=sorted(notes.values(), key=lambda n: first.get(n.blocks[0], -1)))
    _gather_section(flat, section, owner, notes, result)
    _gather_runs(flat, section, owner, notes, first)
    for note in result.notes:
        note.editorial = _editorial(note)
        note.hidden |= _back_links(note, markers)
    return result


def _leaf_index(element: HtmlElement, index: dict[HtmlElement, int]) -> int:
    return next((index[a] for a in (element, *element.iterancestors()) if a in index), -1)


def _is_notes_heading(element: HtmlElement) -> bool:
    """A heading "Notes", "Footnotes" …, or a short paragraph saying so (older pages')."""
    text = text_of(element)
    return (element.tag in HEADINGS or (element.tag == "p" and len(text) <= NOTES_LINE)) and bool(
        NOTES_HEADING.match(text))


def _gather_section(flat: list[HtmlElement], start: int, owner: dict, notes: dict,
                    result: PageNotes) -> None:
    """The notes section from its first note on: further blocks join the note before them;
    its heading and rules go (and those just before it); another heading ends it."""
    if start >= len(flat):
        return
    before = start - 1
    while before >= 0 and (flat[before].tag == "hr" or _is_notes_heading(flat[before])):
        result.removed.append(flat[before])
        before -= 1
    current = notes[owner[flat[start]]]
    for element in flat[start:]:
        if element in owner:
            current = notes[owner[element]]
        elif element.tag == "hr" or _is_notes_heading(element):
            result.removed.append(element)
        elif element.tag in HEADINGS:
            break
        else:
            current.blocks.append(element)


def _gather_runs(flat: list[HtmlElement], section: int, owner: dict, notes: dict,
                 first: dict) -> None:
    """A note in the text takes the blocks of its class that follow it."""
    for block, note in notes.items():
        if block not in first or first[block] >= section or not classes(block):
            continue
        for element in flat[first[block] + 1:]:
            if element in owner and owner[element] is block:
                continue
            if element in owner or classes(element) != classes(block):
                break
            note.blocks.append(element)


def _editorial(note: FoundNote) -> bool:
    if any("editor" in name or name == EDITORS_MARKER for b in note.blocks
           for name in classes(b)):
        return True
    if any(EDITORS_MARKER in classes(e) for m in note.markers
           for e in (m, *m.iter(), *m.iterancestors("sup"))):
        return True
    text = " ".join(" ".join(b.text_content().split()) for b in note.blocks)
    return bool(EDITORIAL.search(text))


def _back_links(note: FoundNote, markers: dict) -> set[HtmlElement]:
    """The note's links back to its markers (octavo makes its own)."""
    names = {n for m in markers for e in m.iter() for n in (e.get("id"), e.get("name")) if n}
    found = set()
    for block in note.blocks:
        for a in block.iter("a"):
            href = (a.get("href") or "").strip()
            if href.startswith("#") and href[1:] in names and (
                    label_of(text_of(a)) or text_of(a).lower() in BACK_LINKS or not text_of(a)):
                found.add(a)
    return found
