"""Running heads printed without folios: a line set as heads are that opens pages near
one another among those left without a head, the folios having found none (a copy that
lost every folio, or a print that set none).  A recto's head recurs every other page (a
verso between, headed by the author's name), and a page or two more where the scan cut
pages in two; a title that two works share (a reply, say) recurs far off.
Of a run of such pages, each is headed by the line but the first, and that one too
unless its top lines spell the whole title of a contents entry the line opens, listed at
the page's folio if it has one (a work's opening page, whose recto heads repeat its
title); nor is a page of the run whose lines spell an entry listed at its very folio
(two works' titles opening alike, ``THE AGRARIAN PROGRAMME AND THE``, four pages apart).
A line in capitals or title case that opens a work's entry on a page whose lines spell no title is
that work's recto head, seen once (a short title, over a work of three pages or
four); where the pages have no folio, so is one that spells a title again, after as many
pages as the contents list entries of it have spelled it (a title in title case on the
opening page, its head in capitals); where they have, so is one on a page the contents
list none of its entries at, after the page they list the last before it at, which prints
the title (at its top or lower, where the work opens inside a page): a work of two pages,
its recto head seen once, set as its title is, over the page after.
The title page, where the contents follow it, heads no run: its first line, the volume's
name, may be the versos' head over a page near it.  A line that spells that name, however
cased or spaced (``Antonio Labriola`` for ``A N T O N I O L A B R I O L A``), over a line
opening in lower case (a sentence running on from the page before, which a signature
never stands over), is the versos' head, seen once (a short volume)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...lettering import MIN_LETTERS
from . import contents, heads
from .entries import letters
from .folios import SPLIT
from .titlepage import spells_name, title_page

if TYPE_CHECKING:
    from collections.abc import Callable

    from .entries import Entries
    from .pages import Page

APART = 2 + SPLIT  # the most pages from one page a head opens to the next: every other
# page, and the pages a scan's stray blank lines cut in two between them


def take(pages: list[Page], entries: Entries) -> None:
    """Take the heads printed without folios off the head-less pages' top lines."""
    tops = [heads.head_text(p.lines[0]) if not p.head and p.lines else "" for p in pages]
    last: dict[str, int] = {}  # the last page each top line opened
    runs: dict[int, bool] = {}  # the pages of runs, whether the first of their run
    for k, top in enumerate(tops):
        if top and heads.set_as_head(top):
            if k - last.get(top, -APART - 1) <= APART:
                runs.setdefault(last[top], True)
                runs[k] = False
            last[top] = k
    titled, named = title_page(pages), spells_name(pages)
    front = titled if any(map(contents.lists, pages)) else None  # (a title page, before the
    # contents: not the first page of a volume that lists none, which may be the text's)
    spelled: Counter[tuple[str, ...]] = Counter()  # the pages spelling each work's title
    # (by the works' titles their top line opens: two works listed at one page are two)
    where: dict[str, int] = {}  # the page of each folio
    for k, page in enumerate(pages):
        where.setdefault(page.folio, k)
    for k, (page, top) in enumerate(zip(pages, tops, strict=True)):
        listed = tuple(entries.pages_of(top)) if top else ()
        opened = entries.opened(top)
        works = opened or listed  # (a title no work's letters open: its pages)
        title = any(entries.title_lines(page.lines, at)
                    for at in ([page.folio] if page.folio else listed))
        opening = title and page.folio in listed  # (the page the contents lists it at)
        runs_heads = (k in runs or (heads.set_as_head(top) and bool(opened))) and (
            (not runs.get(k, True) and not opening) or not title
            or (not page.folio and spelled[works] >= len(listed))
            or _titled_before(pages, k, top, listed, where, entries))
        if page is not front and (runs_heads or (
                page is not titled and not page.head and names_volume(page, named))):
            page.head, page.lines = top, page.lines[1:]
        elif title and not contents.lists(page):  # (a contents page opening with it: none)
            spelled[works] += 1


def names_volume(page: Page, named: Callable[[str], bool]) -> bool:
    """Whether a page's top line spells the title page's name (``named``) over a line
    running on in lower case, or over the name again (a work's signature: the print signs
    once, so the line over it is a head): the versos' head, seen once in a short volume."""
    if not page.lines[1:2] or not (page.lines[1][:1].islower() or named(page.lines[1])):
        return False
    top = heads.head_text(page.lines[0])
    return bool(top) and named(top) and heads.set_as_head(top)


def _titled_before(pages: list[Page], k: int, top: str, listed: tuple[str, ...],
                   where: dict[str, int], entries: Entries) -> bool:
    """Whether the page ``k`` follows, and is not, a page the contents list the entries its
    top line (``top``, its head's text) opens at (``listed``; ``where``: the page of each
    folio), the last such before it, or a part of it the scan cut off, printing that line
    as one of those titles: its letters opening the line's, or the line's opening them (a
    title of two lines, a head of its first words)."""
    page = pages[k]
    if not page.folio or page.folio in listed:
        return False
    before = [(i, folio) for folio in listed if (i := where.get(folio, k)) < k]
    if not before:
        return False
    start, folio = max(before)
    spelt = letters(top)
    return any((spelt.startswith(title) or title.startswith(spelt))
               and entries.opens_page(line, folio)
               for p in pages[start:k] for line in p.lines if len(title := letters(line))
               >= MIN_LETTERS)
