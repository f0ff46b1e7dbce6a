"""Cutting the running text into the works of the contents.

Each work, part and appendix of the contents is looked for by its title (``find``), in
order; the blocks from one title to the next make the work.  The lines under its title
give its date and subtitle, the lines under its last paragraph its closing
(``closing``), the headings of the contents' sub-items its sections (``sections``).
"""

from __future__ import annotations

import re

from ...findings import report
from ...tree import Block, NoteRef, PageMarker, Paragraph, ParagraphRole, Text, Work, iter_nodes
from ..textlines import title_cased
from . import closing, contents, running, sections
from .blocks import back_over_markers, last_page, next_block, pages_at, plain
from .contents import Entry
from .find import Found, find_title, labels, similar
from .lines import (
    DATE_OPENING,
    LOWER_END,
    SENTENCE_END,
    YEARS_ALONE,
    dates_work,
    is_dated,
    is_salutation,
)
from .structure import Structure
from .titles import mend, title_case, title_words, unmarked

TARGETS = ("preface", "work", "part", "group", "appendix")


def works(st: Structure) -> None:
    """The body cut into the works of the contents, in their order and nesting."""
    blocks = st.body
    pages = pages_at(blocks)
    found: list[Found] = []
    cursor = 0
    for entry in (e for top in st.entries for e in top.walk() if e.kind in TARGETS):
        hit = find_title(blocks, pages, entry, cursor, st.signature.signs)
        if hit is None:
            report("t-001", f"“{entry.title}” not found in the body", page=entry.page)
            continue
        found.append(hit)
        cursor = hit.stop
    starts = [_over_title(blocks, f.start) for f in found]
    stops = [*starts[1:], len(blocks)][:len(starts)]
    st.signers = closing.pen_names([blocks[a:b] for a, b in zip(starts, stops, strict=True)])
    spans = {id(f.entry): (f, a, b) for f, a, b in zip(found, starts, stops, strict=True)}
    st.works = [w for top in st.entries if (w := _work(st, top, blocks, pages, spans))]


def _over_title(blocks: list[Block], index: int) -> int:
    """Where a work whose title stands at ``index`` begins: at the page markers before it,
    or before a date set over the title at its page's top (``Tiflis, May 1, 1931``).  On a
    page before the title's, a year alone is the work's too (the year the works are
    grouped under, on a page of its own: ``1922``); a fuller date there closes the work
    before (its notes, taken out, after it: othervolumes 1221), as does a date that goes on
    with a closing line the page turned inside (``_turned_at``).  A number's label over
    the title (``No. 6``) is the work's too."""
    start = back_over_markers(blocks, index)
    if start > 0 and labels(blocks[start - 1]):  # the work's number over it
        start = back_over_markers(blocks, start - 1)
    if start > 1 and isinstance(blocks[start - 2], PageMarker) \
            and _dated(date := blocks[start - 1]) \
            and not _turned_at(blocks, opening := back_over_markers(blocks, start - 1)) \
            and (start == index or YEARS_ALONE.fullmatch(plain(date).strip())):
        return opening
    return start


def _turned_at(blocks: list[Block], at: int) -> bool:
    """Whether the block before ``at`` is a source the page turned inside, its date on the
    next page (``L’Égalité, No. 129,``, ``closing.SOURCE``, ending in a comma), over the
    next work's title or not (fresh 102); not a letter's close (``With greetings,``),
    under which the next work's date may open the page."""
    return at > 0 and isinstance(block := blocks[at - 1], Paragraph) \
        and (line := plain(block).rstrip()).endswith(",") and bool(closing.SOURCE.search(line))


def _dated(block: Block) -> bool:
    """Whether a block is a paragraph of a date alone, or of a place and a date."""
    return isinstance(block, Paragraph) and is_dated(plain(block))


def _work(st: Structure, entry: Entry, blocks: list[Block], pages: list[str],
          spans: dict[int, tuple[Found, int, int]]) -> Work | None:
    if id(entry) not in spans:
        return None
    hit, start, stop = spans[id(entry)]
    work = Work(id=st.work_ids[id(entry)], title=entry.title, kind=entry.kind)
    title_blocks = blocks[hit.start:hit.stop]
    work.title, work.toc_title = display_titles(entry, title_blocks)
    work.title_refs = [n for b in title_blocks for n in iter_nodes(b) if isinstance(n, NoteRef)]
    own = blocks[start:hit.start] + blocks[hit.stop:stop]
    work.first_page = entry.page
    own = head_lines(work, entry, own, st.entries)
    own, work.closing = closing.split(own, st.signature)
    work.blocks = sections.nest(st, work, entry, own)
    work.children = [c for child in entry.children if child.kind in ("part", "appendix")
                     if (c := _work(st, child, blocks, pages, spans))]
    work.last_page = last_page(pages, blocks, start, stop) or entry.page
    for child in work.children:
        work.last_page = child.last_page or work.last_page
    work.short_title = running.short_title(st, work)
    for child in work.children:
        if child.short_title == child.title:
            child.short_title = work.short_title
    return work


def _longest(entries: list[Entry]) -> int:
    """How many words the longest entry of the contents holds, title and subtitle."""
    return max((len(title_words(f"{e.title} {e.subtitle}")) for top in entries
                for e in top.walk()), default=0)


def head_lines(work: Work, entry: Entry, blocks: list[Block],
               entries: list[Entry]) -> list[Block]:
    """Take the date and description lines under a title into the work's fields
    (``entries``: the contents', for ``_set_as_subtitle``); a label over the title stays."""
    out = list(blocks)
    work.date = entry.date
    wanted = title_words(entry.subtitle)
    taken: list[str] = []
    while (index := next((i for i, b in enumerate(out) if not isinstance(b, PageMarker)
                          and not labels(b)), None)) is not None:
        block = out[index]
        if not isinstance(block, Paragraph):
            break
        printed = plain(block).strip()
        words = title_words(printed)
        so_far = title_words(" ".join(taken))
        dated = (contents.DATE.fullmatch(printed) and len(words) <= 4) or dates_work(printed)
        if block.role == ParagraphRole.DATELINE or dated:
            if not entry.date or printed.strip("()").startswith(entry.date) \
                    or printed.endswith(f" {entry.date}"):  # (its place before the month)
                work.date = printed.strip("()")
            elif not entry.date.startswith(printed):
                report("d-001", f"“{entry.title}” is dated {entry.date} in the contents, "
                       f"{printed} under its title", page=entry.page)
        elif len(so_far) < len(wanted) and similar(so_far + words, wanted) \
                and len(so_far + words) <= len(wanted) + 1:
            taken.append(printed)
            work.subtitle_refs += [n for n in iter_nodes(block) if isinstance(n, NoteRef)]
        elif len(so_far) < len(wanted) and similar(so_far + words, wanted):
            _peel(block, len(wanted) - len(so_far))
            taken = [entry.subtitle]
            _split_date(out, index, block)  # the date, then the text
            if plain(block).strip():
                continue  # what is left is read again: the work's date, or its text
            break
        elif not wanted and not work.subtitle and (
                _set_as_subtitle(printed, following := _next_text(out, index), entries)
                or _sourced(printed, following)):
            work.subtitle = [printed]
            work.subtitle_refs += [n for n in iter_nodes(block) if isinstance(n, NoteRef)]
        elif _split_date(out, index, block):  # a date the OCR ran into the text under it
            continue  # (``Berlin, May 1849 Finally, …``): the date, then the text
        else:
            break
        del out[index]
    if wanted:
        complete = len(title_words(" ".join(taken))) >= len(wanted)
        work.subtitle = taken if complete else [entry.subtitle]
    return out


def _split_date(out: list[Block], index: int, block: Paragraph) -> bool:
    """Split a date opening ``block`` (at ``out[index]``) off into a paragraph of its own
    before it; whether one did."""
    if not (date := DATE_OPENING.match(plain(block).strip())):
        return False
    _peel(block, len(title_words(date[0])))
    out.insert(index, Paragraph([Text(date[0])]))
    return True


def _set_as_subtitle(printed: str, following: str, entries: list[Entry]) -> bool:
    """Whether a line under a title the contents lists no subtitle for is set as one: in
    title case (``Reply to the Discussion``), ending no sentence, nor in a comma as a
    letter's salutation does (``Dear Comrade Gorky,``); nor where the text's sentence goes
    on in the next paragraph (``following``), as a title's words never do: it ends in a
    short word in lower case (``… of Nationalities; and``), or it holds more words than
    any entry of the contents, title and subtitle together (``entries``), and the next
    opens in lower case (``… The People's Commissar`` / ``for the Affairs …``: a list
    quoted in a narrow measure).  A subtitle as long as a title stays one over a text
    opening in lower case (its first letter lost with its drop cap: ``he Party's …``)."""
    return title_cased(printed) and not SENTENCE_END.search(printed) \
        and not is_salutation(printed) and not LOWER_END.search(printed) \
        and not (following[:1].islower() and len(title_words(printed)) > _longest(entries))


def _sourced(printed: str, following: str) -> bool:
    """Whether a line under a title is the work's source over its date (``From the New
    York Packet.`` / ``March 11, 1788``): in title case, ending in its stop, over a date
    alone; a subtitle then, the date the work's."""
    return printed.endswith(".") and title_cased(printed[:-1]) and is_dated(following)


def _next_text(blocks: list[Block], index: int) -> str:
    """The text of the first paragraph after ``blocks[index]`` (past page markers), if
    one comes before any other block."""
    after = next_block(blocks, index + 1)
    return plain(after).strip() if isinstance(after, Paragraph) else ""


def display_titles(entry: Entry, blocks: list[Block]) -> tuple[str, str]:
    """The title as the work's heading words it, and as the contents does if otherwise
    (``Greeting to …`` over the text, ``Greetings to …`` in the contents); as the contents
    words it where the heading holds its first words only (its last line lost where the
    page turned inside it)."""
    printed = unmarked(" ".join(plain(b) for b in blocks))
    listed = title_case(mend(entry.title, printed))
    words = title_words(printed)
    if title_words(listed)[:len(words)] == words:
        return listed, ""
    return title_case(printed.strip()), listed


def _peel(block: Paragraph, words: int) -> None:
    """Remove a description the OCR ran into a paragraph's start (``(Record …) After …``),
    the text after it kept as it was (the space before an emphasis that follows it)."""
    for item in block.inlines:
        if isinstance(item, Text):
            seen = 0
            for token in re.finditer(r"\S+", item.text):
                seen += len(title_words(token[0]))
                if seen >= words:
                    item.text = item.text[token.end():].lstrip()
                    return
            return
