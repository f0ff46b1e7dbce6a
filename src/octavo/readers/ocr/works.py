"""The structure pass: the draft's running text cut into the works of the printed contents.

Each contents entry's title is looked for in the body near its printed page; the
blocks from one title to the next make the work.  Around the cut, the title's own
lines become the work's title, subtitle and date, the lines that close a work
(source, signature, date) its closing, and the headings of the contents' sub-items
its nested sections.  Endnote markers and page references are linked before the
cut, and footnotes go to the work that holds their reference.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from ...ids import IdAllocator
from ...tree import (
    Block,
    Book,
    Heading,
    Inline,
    Metadata,
    NoteRef,
    PageMarker,
    Paragraph,
    Section,
    Text,
    Work,
    iter_nodes,
)
from . import chronicle, closing, contents, links, notes
from .contents import Entry
from .draft import Draft
from .pages import Page
from .titles import mend, normalise, title_case

_WINDOW = (-1, 3)  # how far from its printed page a title may be found
_CLOSE_ENOUGH = 0.75  # word-sequence similarity that counts as the same title


@dataclass
class Found:
    """Where an entry's title stands among the blocks: [start, stop) are its lines."""

    entry: Entry
    start: int
    stop: int


def plain(node: object) -> str:
    """The text of a block or inline, note references and page markers left out."""
    return "".join(n.text for n in iter_nodes(node) if isinstance(n, Text))


def markers(block: Block) -> list[PageMarker]:
    """The page markers a block is or holds, in order (cheaper than a full walk)."""
    if isinstance(block, PageMarker):
        return [block]
    found = [i for i in getattr(block, "inlines", ()) if isinstance(i, PageMarker)]
    found += [i for i in getattr(block, "title", ()) if isinstance(i, PageMarker)]
    for inner in getattr(block, "blocks", ()):
        found += markers(inner)
    return found


def _pages_at(blocks: list[Block], page: str = "") -> list[str]:
    """The printed page each block begins on (``page`` before the first marker)."""
    out = []
    for block in blocks:
        if isinstance(block, PageMarker):
            page = block.page
        out.append(page)
        for marker in markers(block):
            page = marker.page
    return out


def _value(page: str) -> int | None:
    return int(page) if page.isdigit() else None


def _near(page: str, target: str) -> bool:
    if page.isdigit() and target.isdigit():
        return _WINDOW[0] <= int(page) - int(target) <= _WINDOW[1]
    return page == target


def _similar(words: list[str], wanted: list[str]) -> bool:
    n = min(len(words), len(wanted))
    if not n:
        return False
    if "".join(words[:n]) == "".join(wanted)[: len("".join(words[:n]))]:
        return True
    first = difflib.SequenceMatcher(a=words[0], b=wanted[0]).ratio() >= _CLOSE_ENOUGH
    return first and difflib.SequenceMatcher(a=words[:n], b=wanted[:n], autojunk=False).ratio() \
        >= _CLOSE_ENOUGH


def _is_title_line(block: Block) -> bool:
    return isinstance(block, Heading) or (isinstance(block, Paragraph) and block.role == "line")


def find_title(blocks: list[Block], pages: list[str], entry: Entry, start: int,
               stop: int | None = None) -> Found | None:
    """The first place from ``start`` where the entry's title stands, near its page."""
    wanted = normalise(f"{entry.number} {entry.printed}")
    if not wanted:
        return None
    stop = len(blocks) if stop is None else stop
    for i in range(start, stop):
        block = blocks[i]
        if not _is_title_line(block) or not _near(pages[i], entry.page):
            continue
        words = normalise(plain(block))
        if not _similar(words, wanted):
            continue
        j = i + 1
        while len(words) < len(wanted) and j < stop and _is_title_line(blocks[j]):
            more = words + normalise(plain(blocks[j]))
            if not _similar(more, wanted):
                break
            words, j = more, j + 1
        if len(words) > len(wanted) + 1 and isinstance(block, Heading):
            _split_heading(blocks, pages, j - 1, len(wanted) - (len(words) - _count(blocks[j - 1])))
        return Found(entry, i, j)
    return _run_in_title(blocks, pages, entry, wanted, start, stop)


def _run_in_title(blocks: list[Block], pages: list[str], entry: Entry, wanted: list[str],
                  start: int, stop: int) -> Found | None:
    """A title's first line the OCR ran into the end of the paragraph before it
    (``… Socialist Republics.” Appendix 2``): cut off into a heading of its own."""
    for i in range(start, stop):
        block = blocks[i]
        if not isinstance(block, Paragraph) or not _near(pages[i], entry.page) \
                or not block.inlines or not isinstance(block.inlines[-1], Text):
            continue
        tokens = block.inlines[-1].text.split()
        for n in range(1, min(len(tokens), 6) + 1):
            tail = normalise(" ".join(tokens[-n:]))
            if len(tail) >= 2 and tail == wanted[:len(tail)] and \
                    i + 1 < stop and _similar(tail + normalise(plain(blocks[i + 1])), wanted):
                rest = " ".join(tokens[:-n])
                block.inlines[-1:] = [Text(rest)] if rest else []
                moved = [block.inlines.pop()] if isinstance(block.inlines[-1], PageMarker) else []
                page = moved[0].page if moved else pages[i]
                blocks[i + 1:i + 1] = [*moved, Heading([Text(" ".join(tokens[-n:]))])]
                pages[i + 1:i + 1] = [page] * (len(moved) + 1)
                return find_title(blocks, pages, entry, i + 1, stop + 1)
    return None


def _count(block: Block) -> int:
    return len(normalise(plain(block)))


def _split_heading(blocks: list[Block], pages: list[str], index: int, keep: int) -> None:
    """Cut a heading that ran two headings together after its first ``keep`` words."""
    heading = blocks[index]
    assert isinstance(heading, Heading)
    seen = 0
    for k, item in enumerate(heading.inlines):
        if not isinstance(item, Text):
            continue
        tokens = item.text.split(" ")
        for t, token in enumerate(tokens):
            seen += len(normalise(token))
            if seen >= keep and t + 1 < len(tokens):
                head = " ".join(tokens[: t + 1])
                tail = " ".join(tokens[t + 1:])
                first = [*heading.inlines[:k], Text(head)]
                rest = [Text(tail), *heading.inlines[k + 1:]]
                blocks[index:index + 1] = [Heading(first, heading.level),
                                           Heading(rest, heading.level)]
                pages[index:index + 1] = [pages[index], pages[index]]
                return


class Builder:
    """Builds the Works of a volume from its draft, contents and pages."""

    def __init__(self, draft: Draft, page_list: list[Page]) -> None:
        self.draft = draft
        self.page_list = page_list
        self.entries = contents.parse(contents.contents_lines(page_list))
        self.notes = notes.parse(page_list)
        self.ids = IdAllocator()
        self.warnings: list[str] = []
        self.footnotes = {f.id: f for f in draft.footnotes}
        self.heads = [(int(p.folio), p.head) for p in page_list  # the recto running heads
                      if p.head and p.head != "J. V. STALIN" and p.folio.isdigit()]

    # ------------------------------------------------------------ the body

    def body(self) -> list[Block]:
        """The draft's blocks from the first work's page to the back matter."""
        blocks = self.draft.blocks
        pages = _pages_at(blocks)
        first = self.entries[0].page if self.entries else ""
        back = next((e.page for e in self.entries if e.kind in ("notes", "chronicle")), "")
        start = next((i for i, p in enumerate(pages) if p == first), 0)
        end = next((i for i, p in enumerate(pages) if p == back and i > start), len(blocks))
        body = _blank_pages(blocks[start:end])
        known = {m.page for b in blocks for m in markers(b)}
        added = [m.page for b in body for m in markers(b) if m.page not in known]
        self.warnings += [f"pages: p. {page} is blank or missing in the scan; its marker "
                          "stands before the next page's" for page in added]
        return body

    def build(self) -> Book:
        self.work_ids = self._work_ids()
        blocks = self.body()
        placed = links.link_endnotes(blocks, self.notes)
        self._check_notes(placed)
        links.link_pages(blocks)
        for footnote in self.footnotes.values():
            links.link_pages(footnote.blocks)
        for note in self.notes:
            links.link_pages(note.blocks)
        pages = _pages_at(blocks)
        works = self._cut(blocks, pages)
        works += self._back_matter()
        self._attach_footnotes(works)
        book = Book(Metadata(), works, self.notes)
        book.warnings = self.warnings
        return book

    # ------------------------------------------------------------ finding and cutting

    def _cut(self, blocks: list[Block], pages: list[str]) -> list[Work]:
        found: list[Found] = []
        cursor = 0
        targets = [e for top in self.entries for e in top.walk()
                   if e.kind in ("preface", "work", "part", "group", "appendix")]
        for entry in targets:
            hit = find_title(blocks, pages, entry, cursor)
            if hit is None:
                self.warnings.append(f"contents: “{entry.title}” (p. {entry.page}) "
                                     "not found in the body")
                continue
            found.append(hit)
            cursor = hit.stop
        spans = {id(f.entry): (f, _back_over_markers(blocks, f.start),
                               _back_over_markers(blocks, nxt.start) if nxt else len(blocks))
                 for f, nxt in zip(found, [*found[1:], None][:len(found)], strict=True)}
        return [w for top in self.entries if (w := self._work(top, blocks, pages, spans))]

    def _work(self, entry: Entry, blocks: list[Block], pages: list[str],
              spans: dict) -> Work | None:
        if id(entry) not in spans:
            return None
        hit, start, stop = spans[id(entry)]
        kind = "work" if entry.kind == "work" and not _has_parts(entry) else entry.kind
        kind = "work" if kind == "work" else kind
        work = Work(id=self.work_ids[id(entry)], title=entry.title, kind=kind)
        title_blocks = blocks[hit.start:hit.stop]
        work.title, work.toc_title = _display_titles(entry, title_blocks)
        work.title_refs = [n for b in title_blocks for n in iter_nodes(b)
                           if isinstance(n, NoteRef)]
        own = blocks[start:hit.start] + blocks[hit.stop:stop]
        work.first_page = entry.page
        own = self._head_lines(work, entry, own)
        own, work.closing = closing.split(own)
        work.blocks = self._sections(work, entry, own)
        work.children = [c for child in entry.children if child.kind in ("part", "appendix")
                         if (c := self._work(child, blocks, pages, spans))]
        work.last_page = _last_page(pages, blocks, start, stop) or entry.page
        for child in work.children:
            work.last_page = child.last_page or work.last_page
        work.short_title = self._running_head(work)
        for child in work.children:
            if child.short_title == child.title:
                child.short_title = work.short_title
        return work

    def _head_lines(self, work: Work, entry: Entry, blocks: list[Block]) -> list[Block]:
        """Take the date and description lines under a title into the work's fields."""
        out = list(blocks)
        work.date = entry.date
        wanted = normalise(entry.subtitle)
        taken: list[str] = []
        while (index := next((i for i, b in enumerate(out)
                              if not isinstance(b, PageMarker)), None)) is not None:
            block = out[index]
            if not isinstance(block, Paragraph):
                break
            printed = plain(block).strip()
            words = normalise(printed)
            so_far = normalise(" ".join(taken))
            if block.role == "dateline" or (contents.DATE.fullmatch(printed) and len(words) <= 4):
                if not entry.date or printed.startswith(entry.date):
                    work.date = printed
                elif not entry.date.startswith(printed):
                    self.warnings.append(f"dates: “{entry.title}” is dated {entry.date} in the "
                                         f"contents, {printed} under its title")
            elif len(so_far) < len(wanted) and _similar(so_far + words, wanted) \
                    and len(so_far + words) <= len(wanted) + 1:
                taken.append(printed)
                work.subtitle_refs += [n for n in iter_nodes(block) if isinstance(n, NoteRef)]
            elif len(so_far) < len(wanted) and _similar(so_far + words, wanted):
                _peel(block, len(wanted) - len(so_far))
                taken = [entry.subtitle]
                break
            else:
                break
            del out[index]
        if wanted:
            complete = len(normalise(" ".join(taken))) >= len(wanted)
            work.subtitle = taken if complete else [entry.subtitle]
        return out

    def _sections(self, work: Work, entry: Entry, blocks: list[Block]) -> list[Block]:
        """Nest the blocks under the section headings the contents lists."""
        found: list[Found] = []
        cursor = 0
        depth = {id(s): d for d, s in _depths(entry)}
        pages = _pages_at(blocks, work.first_page)
        for section in (s for _, s in _depths(entry)):
            hit = find_title(blocks, pages, section, cursor)
            if hit is None:
                self.warnings.append(f"contents: section “{section.number} {section.title}”"
                                     f" of “{work.title}” (p. {section.page}) not found")
                continue
            found.append(hit)
            cursor = hit.stop
        return self._nest(blocks, found, 0, len(blocks), depth)

    def _nest(self, blocks: list[Block], found: list[Found], start: int, stop: int,
              depth: dict[int, int]) -> list[Block]:
        """The blocks in [start, stop), those under the outermost headings found there
        gathered into Sections; a page that begins just before a heading is marked in it."""
        inside = [f for f in found if start <= f.start < stop]
        if not inside:
            return blocks[start:stop]
        top = min(depth[id(f.entry)] for f in inside)
        heads = [f for f in inside if depth[id(f.entry)] == top]
        def begin(f: Found) -> int:  # markers opening the range stay where they are
            back = _back_over_markers(blocks, f.start)
            return back if back > start else f.start

        out = blocks[start:begin(heads[0])]
        for f, nxt in zip(heads, [*heads[1:], None], strict=True):
            end = begin(nxt) if nxt else stop
            lead = blocks[begin(f):f.start]
            title = [n for b in blocks[f.start:f.stop] for n in [*_title_inlines(b), Text(" ")]]
            number = f.entry.number
            text = plain_inlines(title)
            if number and normalise(text)[:1] == normalise(number):
                text = text.split(None, 1)[1] if " " in text.strip() else ""
            section = Section(id=self.ids(f"{number} {f.entry.title}"), number=number,
                              title=[*lead, *_section_title(f.entry, text, title)])
            section.blocks = self._nest(blocks, found, f.stop, end, depth)
            out.append(section)
        return out

    # ------------------------------------------------------------ the rest

    def _running_head(self, work: Work) -> str:
        return self._head_between(work.first_page, work.last_page) or work.title

    def _head_between(self, first_page: str, last_page: str) -> str:
        """The running head the print sets most often on the rectos of some pages."""
        first, last = _value(first_page), _value(last_page)
        heads = Counter(head for folio, head in self.heads
                        if first is not None and last is not None and first <= folio <= last)
        return title_case(heads.most_common(1)[0][0]) if heads else ""

    def _work_ids(self) -> dict[int, str]:
        """Ids for the works of the contents, taken before any section's: a work's from
        its running head (the print's short name for it), a part's from its own title."""
        ids: dict[int, str] = {}
        for n, entry in enumerate(self.entries):
            following = next((e.page for e in self.entries[n + 1:] if e.page.isdigit()), "")
            last = str(int(following) - 1) if following else ""
            head = self._head_between(entry.page, last) if entry.kind == "work" else ""
            ids[id(entry)] = self.ids(head or entry.title)
            for child in entry.walk():
                if child.kind in ("part", "appendix"):
                    ids[id(child)] = self.ids(child.title.split(". ", 1)[-1]
                                              if child.kind == "part" else child.title)
        return ids

    def _back_matter(self) -> list[Work]:
        out = []
        for entry in self.entries:
            if entry.kind == "notes":
                out.append(Work(id=self.work_ids[id(entry)], title=entry.title, kind="notes",
                                first_page=entry.page,
                                last_page=self.notes_last_page(), short_title="Notes"))
            elif entry.kind == "chronicle":
                blocks = chronicle.parse(self.page_list)
                marks = [n.page for b in blocks for n in iter_nodes(b)
                         if isinstance(n, PageMarker)]
                out.append(Work(id=self.work_ids[id(entry)], title=entry.title, kind="chronicle",
                                blocks=blocks, first_page=entry.page,
                                last_page=marks[-1] if marks else entry.page,
                                short_title="Biographical Chronicle"))
        return out

    def notes_last_page(self) -> str:
        marks = [n.page for note in self.notes for n in iter_nodes(note)
                 if isinstance(n, PageMarker)]
        return marks[-1] if marks else ""

    def _check_notes(self, placed: dict[str, str]) -> None:
        for note in self.notes:
            page = placed.get(note.id)
            if page is None:
                self.warnings.append(f"notes: note {note.number} (cited p. {note.cited_page})"
                                     " has no marker in the text")
            elif page != note.cited_page:
                self.warnings.append(f"notes: note {note.number} says p. {note.cited_page}, "
                                     f"its marker stands on p. {page}")

    def _attach_footnotes(self, works: list[Work]) -> None:
        attached: set[str] = set()
        for top in works:
            for work in top.walk():
                own = [n for b in work.blocks for n in iter_nodes(b)]
                own += [n for n in work.title_refs + work.subtitle_refs]
                for node in own:
                    if isinstance(node, NoteRef) and node.kind == "footnote" \
                            and node.target in self.footnotes and node.target not in attached:
                        work.footnotes.append(self.footnotes[node.target])
                        attached.add(node.target)
        for fid, footnote in self.footnotes.items():
            if fid not in attached:
                self.warnings.append(f"footnotes: footnote {footnote.marker} ({fid}) "
                                     "has no reference in any work")


def plain_inlines(inlines: list[Inline]) -> str:
    return "".join(plain(i) for i in inlines)


def _title_inlines(block: Block) -> list[Inline]:
    return list(getattr(block, "inlines", []))


def _section_title(entry: Entry, printed: str, inlines: list[Inline]) -> list[Inline]:
    """A section's title for display: the contents' wording mended by the body's, with
    the note references the heading carries."""
    refs = [n for i in inlines for n in iter_nodes(i) if isinstance(n, NoteRef)]
    text = title_case(mend(entry.title, printed)) if entry.title else ""
    return [Text(text), *refs] if text else refs


def _display_titles(entry: Entry, blocks: list[Block]) -> tuple[str, str]:
    """The title as the work's heading words it, and as the contents does if otherwise
    (``Greeting to …`` over the text, ``Greetings to …`` in the contents)."""
    printed = " ".join(plain(b) for b in blocks)
    listed = title_case(mend(entry.title, printed))
    if normalise(listed) == normalise(printed):
        return listed, ""
    return title_case(printed.strip()), listed


def _peel(block: Paragraph, words: int) -> None:
    """Remove a description the OCR ran into a paragraph's start (``(Record …) After …``)."""
    for item in block.inlines:
        if isinstance(item, Text):
            tokens = item.text.split()
            seen = 0
            for t, token in enumerate(tokens):
                seen += len(normalise(token))
                if seen >= words:
                    item.text = " ".join(tokens[t + 1:])
                    return
            return


def _has_parts(entry: Entry) -> bool:
    return any(c.kind == "part" for c in entry.children)


def _depths(entry: Entry, depth: int = 0):
    for child in entry.children:
        if child.kind == "section":
            yield depth, child
            yield from _depths(child, depth + 1)


def _blank_pages(blocks: list[Block]) -> list[Block]:
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


def _back_over_markers(blocks: list[Block], index: int) -> int:
    while index > 0 and isinstance(blocks[index - 1], PageMarker):
        index -= 1
    return index


def _last_page(pages: list[str], blocks: list[Block], start: int, stop: int) -> str:
    last = ""
    for i in range(start, stop):
        if not isinstance(blocks[i], PageMarker):
            last = pages[i]
            for marker in markers(blocks[i]):
                last = marker.page
    return last


def build_book(draft: Draft, page_list: list[Page]) -> Book:
    """The volume as a Book: its works in the order and nesting of the printed contents."""
    return Builder(draft, page_list).build()

