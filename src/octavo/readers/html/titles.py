"""The title block at the head of a page: author, title, subtitle, date and information.

The archive sets a page's head in a few ways, all read here:

- ``<p class="title">Karl Marx<br>Wage Labour and Capital</p>``: the author and the book a
  chapter page belongs to (one line: the collection alone, "Lenin Collected Works");
- headings: the first of the highest rank is the title (its further lines subtitles), one
  before it the author (the archive's ``<h4>``), those after it subtitles or the date;
- ``<p class="information">`` with ``<span class="info">Written:</span>``, ``Source:`` …,
  read as ``Key: value`` lines by ``readers.info``, as the text reader reads them;
- failing all of these, ``<title>`` and ``<meta name="author">``.

The block ends at the information block or at the first text of the page; headings after
it are the work's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
from lxml.html import HtmlElement

from ...dates import DATE_LINE
from ...tree import Metadata
from .. import info
from .clean import NAVIGATION_CLASSES, classes, text_of

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "h7")  # the archive styles an h7, too
TITLE_CLASSES = {"title", "subtitle", "author", "date", "information", "info"}
INFO_CLASSES = {"information", "info"}
CONTAINERS = {"div", "center", "header", "section", "article", "main", "table", "thead",
              "tbody", "tr", "td", "th"}
# an old page's author line: a short run of bold or big type above the title heading
LINES = {"b", "strong", "font", "big", "span", "i", "em"}
SHORT_LINE = 12  # words: a name or a title, not a paragraph
AUTHOR_HEADING = "h4"  # the archive's author line above a title


@dataclass
class TitleBlock:
    """The elements of a page's title block, sorted by what they say."""

    elements: list[HtmlElement] = field(default_factory=list)  # all of it, to be removed
    title: HtmlElement | None = None
    author: str = ""
    collection: str = ""  # the book a page belongs to (``p.title``'s last lines)
    subtitle: list[HtmlElement] = field(default_factory=list)
    date: str = ""
    info: info.Info = field(default_factory=info.Info)
    head_title: str = ""  # <title>
    head_author: str = ""  # <meta name="author">

    @property
    def found(self) -> bool:
        """Whether the page has a title block of the archive's kind."""
        return bool(self.title is not None or self.collection or any(
            classes(e) & INFO_CLASSES for e in self.elements))


def lines_of(element: HtmlElement, skipped: set[HtmlElement] | frozenset = frozenset()
             ) -> list[str]:
    """An element's text cut at its line breaks, white space collapsed, empty lines dropped
    (``skipped``: elements whose text is left out, a note marker's)."""
    lines = [""]
    for event, el in lxml.etree.iterwalk(element, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        hidden = el in skipped or any(a in skipped for a in el.iterancestors())
        if event == "start" and not hidden:
            if el.tag == "br":
                lines.append("")
            else:
                lines[-1] += el.text or ""
        elif event == "end" and el is not element and not (
                hidden and el not in skipped):
            lines[-1] += el.tail or ""
    return [" ".join(line.split()) for line in lines if line.split()]


def is_asterism(text: str) -> bool:
    """Whether a line is a break between passages: ``* * *``, ``***``, ``⁂``."""
    squeezed = "".join(text.split())
    return bool(squeezed) and set(squeezed) <= {"*", "⁂", "·", "•"}


def _is_title_element(element: HtmlElement) -> bool:
    if element.tag in HEADINGS:
        return bool(text_of(element)) and not is_asterism(text_of(element))
    if element.tag in LINES:
        return 0 < len(text_of(element).split()) <= SHORT_LINE
    return element.tag in ("p", "div") and bool(classes(element) & TITLE_CLASSES)


def _is_blank(element: HtmlElement) -> bool:
    """Rules, empty blocks, and navigation (an index page's is still in place)."""
    return (element.tag == "hr" or bool(classes(element) & NAVIGATION_CLASSES)
            or (not text_of(element) and element.find(".//img") is None))


def leading_blocks(container: HtmlElement):
    """The blocks at the head of a page, in order, containers opened; None where loose text
    (text outside any block) begins, after which nothing more is of the head."""
    if (container.text or "").strip():
        yield None
        return
    for child in container:
        if not isinstance(child.tag, str):
            continue
        if child.tag in CONTAINERS or (child.tag in LINES and any(
                isinstance(d.tag, str) and d.tag in ("p", "div", *HEADINGS)
                for d in child.iterdescendants())):
            yield from leading_blocks(child)
        else:
            yield child
        if (child.tail or "").strip():
            yield None
            return


def head_of(root: HtmlElement) -> tuple[str, str]:
    """The page's ``<title>`` and ``<meta name="author">`` (read before the head is cleaned)."""
    title, author = "", ""
    head = root.find("head")
    if head is not None:
        title = " ".join((head.findtext("title") or "").split())
        for meta in head.iter("meta"):
            if (meta.get("name") or "").lower() == "author":
                author = " ".join((meta.get("content") or "").split())
    return title, author


def take(body: HtmlElement, head: tuple[str, str] = ("", "")) -> TitleBlock:
    """The title block of a page (its elements still in place); ``head`` as ``head_of``
    gives it. Information blocks further down the page (some pages close with theirs)
    are read into it too."""
    block = TitleBlock(head_title=head[0], head_author=head[1])
    for element in leading_blocks(body):
        if element is None:
            break
        if _is_title_element(element) or _is_info_like(element):
            block.elements.append(element)
            if _is_info(element):
                break
        elif not _is_blank(element):
            break
    if not any(e.tag in HEADINGS for e in block.elements):  # bold lines head no title:
        block.elements = [e for e in block.elements if e.tag not in LINES]  # they are text
    block.elements += [e for e in body.iter("p", "div") if classes(e) & INFO_CLASSES
                       and e not in block.elements
                       and not any(a in block.elements for a in e.iterancestors())]
    _sort(block)
    return block


def _is_info(element: HtmlElement) -> bool:
    return bool(classes(element) & INFO_CLASSES) or _is_info_like(element)


def _is_info_like(element: HtmlElement) -> bool:
    """An old page's information block: a paragraph opening with ``Source:``,
    ``Written:`` … (the keys the archive uses), every line of it such a key or running on."""
    if element.tag not in ("p", "div") or not text_of(element):
        return False
    pairs = _info_pairs(element)
    return bool(pairs) and all(info.known_key(k) for k, _ in pairs) and text_of(
        element).startswith(pairs[0][0])


def _sort(block: TitleBlock) -> None:
    """Decide which element of the block says what."""
    for element in block.elements:
        names = classes(element)
        if _is_info(element):
            found = info.read_pairs(_info_pairs(element))
            _fill(block.info.meta, found.meta)
            block.info.written = block.info.written or found.written
        elif "title" in names and element.tag not in HEADINGS:
            said = lines_of(element)
            if len(said) >= 2:
                block.author, block.collection = said[0], " ".join(said[1:])
            elif said:
                block.collection = said[0]
        elif "author" in names:
            block.author = text_of(element)
        elif "date" in names:
            block.date = text_of(element)
        elif "subtitle" in names:
            block.subtitle.append(element)
    names = {block.author, block.head_author} - {""}
    headings = [e for e in block.elements if e.tag in HEADINGS]
    candidates = [h for h in headings if text_of(h) not in names] or headings
    if not candidates:
        return
    top = min(int(h.tag[1]) for h in candidates)
    title = next(h for h in candidates if int(h.tag[1]) == top)
    position = block.elements.index(title)
    lines = [e for e in block.elements if e.tag in LINES or e in headings]
    before = [e for e in lines if block.elements.index(e) < position]
    if before and not block.author:
        block.author = text_of(before[0])
    block.title = title
    for element in (e for e in lines if block.elements.index(e) > position):
        text = text_of(element)
        if DATE_LINE.match(text) and not block.date:
            block.date = text
        elif text in names or (element.tag == AUTHOR_HEADING and not block.author):
            block.author = block.author or text
        else:
            block.subtitle.append(element)


def _fill(meta: Metadata, found: Metadata) -> None:
    """Fields of ``found`` set where ``meta`` has none (the first block says first)."""
    for name, value in vars(found).items():
        if value and not getattr(meta, name) and name != "language":
            setattr(meta, name, value)


def _info_pairs(element: HtmlElement) -> list[tuple[str, str]]:
    """The ``(key, value)`` pairs of an information block: each ``span.info`` (or a
    ``Key:`` at the start of a line) opens one; lines that open none continue the last."""
    lines: list[str] = [""]
    for event, el in lxml.etree.iterwalk(element, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el.tag == "br" or ("info" in classes(el) and el is not element):
                lines.append("")
            if el.tag != "br":
                lines[-1] += el.text or ""
        elif el is not element:
            lines[-1] += el.tail or ""
    pairs: list[tuple[str, str]] = []
    for line in (" ".join(raw.split()) for raw in lines):
        if pair := info.split_line(line):
            pairs.append(pair)
        elif line and pairs:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]} {line}")
    return pairs
