"""What the reader learnt of the page furniture, and what it could not find.

An editor should be able to check what was taken off the pages as not the print's text:
the boilerplate, the running heads (or that the folios stand alone), the character map and
the author they name (or the works' signatures do), each a finding of its own (``octavo
audit`` lists them).  A text in which no pages or no contents list can be found is not
read as a volume in silence: each missing piece is a warning saying where the reader
looked and what it found there, and the build stops unless a plain reading is asked for.
"""

from __future__ import annotations

import re
from collections import Counter

from ...findings import STRUCTURE_MISSING, report
from ...pagemarks import PAGE  # the most lines a page holds
from ..textlines import INITIAL, NAME_WORD
from . import contents, naming
from .closing import Signature, signer
from .heads import is_capitals
from .measure import FIXED, TIMES
from .pages import Layout
from .structure import Structure
from .titlepage import over_title, title_page
from .titles import title_case

SET_IN = {TIMES: "in a printer's face (Times widths)",
          FIXED: "by character count (every character alike)"}
MIN_PAGES = 3  # a volume has more numbered pages than a stray number or two
HEADS = "the versos' running heads"
# a person's name: initials or names, then a surname (``J. V. STALIN``, ``Karl Marx``)
_NAME = re.compile(rf"(?:{INITIAL})+(?:{NAME_WORD} ){{0,2}}{NAME_WORD}"
                   rf"|(?:{NAME_WORD} ){{1,2}}{NAME_WORD}")


def author(layout: Layout) -> tuple[str, str]:
    """The author's name as the versos' running head gives it (``J. V. Stalin``), else, in
    a print without running heads or whose versos' head can't be told (works of two pages,
    no two heads side by side), as the works are most often signed (``Signed: J.
    Stalin``, on two works at least); and where it was found.  A versos' head that holds
    not the surname of the name the title page prints and the works are signed with names
    the series or the part (``SELECTED WRITINGS``), not the author: the title page does;
    so too where the head is no person's name, set in title case (``Articles and
    Speeches``), and the title page prints one; but for a name of one word that signs
    the works (``_signs``: a pen name, ``PUBLIUS``)."""
    text, head = _text(layout), layout.verso_head
    printed, signed_so = _title_name(layout, text)
    named = printed if signed_so else ""
    from_head = naming.named(head, text) if head else head  # (as the text prints it)
    if head and not named and not _NAME.fullmatch(title_case(from_head)) and printed \
            and not _signs(head, layout):
        return printed, "the title page, the versos' head naming no one"
    if head and (not named or _surname(named) in re.sub(r"\W", "", head.upper())):
        return from_head, HEADS
    signed = Counter(name for p in layout.pages for line in p.lines if (name := signer(line)))
    name, count = signed.most_common(1)[0] if signed else ("", 0)
    if count >= 2 and not named:
        return name, "the works' signatures"
    return (named, "the title page, as the works are signed") if named else ("", HEADS)


def _signs(head: str, layout: Layout) -> bool:
    """Whether a head of one word, a name's (``PUBLIUS``), signs the works: it stands as
    a line of its own, its stop or none, under a page's first line (where a head left on
    its page would stand) on two pages or more, and nowhere in the contents (a part's
    heading worded as the series' head, ``SPEECHES``, stands there)."""
    def alone(line: str) -> bool:  # (the name, its stop or none)
        return line.strip().rstrip(".") == head

    if not re.fullmatch(NAME_WORD, head) or any(map(alone, contents.contents_lines(layout.pages))):
        return False
    return sum(any(map(alone, page.lines[1:])) for page in layout.pages) >= 2


def _surname(name: str) -> str:
    """A name's last word, its letters in capitals (``LENIN`` of ``V. I. Lenin``)."""
    return re.sub(r"\W", "", name.split()[-1].upper())


def _title_name(layout: Layout, text: str) -> tuple[str, bool]:
    """The first name the volume's first page prints over its title (``over_title``: not
    the title, ``SELECTED WORKS``; under a motto perhaps; letter-spaced or not, ``K A R L
    M A R X``), in title case, else ""; and whether works are signed with it: it, or its
    surname after initials, stands again as a line of its own (``KARL MARX``, ``N.
    Krupskaya`` for ``N. K. KRUPSKAYA``, under a work).  ``text``: the pages' lines."""
    titled = title_page(layout.pages)
    top = over_title([line.strip() for line in titled.lines if line.strip()]) if titled else []
    first = next((name for line in top if _NAME.fullmatch(name := naming.closed(line, text))), "")
    if not first:
        return "", False
    name = naming.as_printed(title_case(first), text) if is_capitals(first) else first
    signs = Signature.of(name).pattern
    return name, any(re.fullmatch(signs, line.strip(), re.I)
                     for p in layout.pages if p is not titled for line in p.lines)


def _text(layout: Layout) -> str:
    """The lines of the volume's pages as one text."""
    return "\n".join(line for page in layout.pages for line in page.lines)


def check(st: Structure) -> None:
    """Report the furniture learnt, and each piece of the structure that can't be found."""
    layout = st.layout
    for group in layout.boilerplate:
        report("f-001", f"boilerplate on {group.count} pages, taken off: {group.describe()}")
    headed = [p for p in layout.pages if p.head]
    numbered = [p for p in layout.pages if p.folio]
    counted = sum(p.counted and bool(p.folio) for p in layout.pages)
    if headed:
        below = f", at the page's foot on {layout.folios_below}" if layout.folios_below else ""
        folios = ("no folio printed" if counted else
                  f"the folio after the head on {layout.folios_after}, before it on "
                  f"{layout.folios_before}{below}")
        report("f-002", f"running heads on {len(headed)} of {len(layout.pages)} pages, "
               f"{len({p.head for p in headed})} different ({folios}); the "
               f"versos' head: “{layout.verso_head or 'none'}”")
    elif len(numbered) >= MIN_PAGES and not counted:
        report("f-002", f"no running heads: the folios alone, rising page by page, on "
               f"{len(numbered)} of {len(layout.pages)} pages")
    if counted:
        report("f-002", f"no folios: {counted} of {len(layout.pages)} pages numbered by "
               "counting them from the pages the contents list their works at")
    for page in layout.pages:
        if page.misread:
            report("p-002", f"folio “{page.misread}” is off the run of pages; read as "
                   f"p. {page.folio}", page=page.folio)
    if layout.catchwords:
        report("f-007", f"catchwords (the next page's first word alone at the foot) on "
               f"{layout.catchwords} pages, taken off")
    report("f-003", f"stand-in characters: {layout.charmap.describe()}")
    report("f-004", f"the author: “{st.author or 'unknown'}”, from {st.author_from}")
    report("f-005", f"the lines measured as set {SET_IN[layout.face]}")
    if len(numbered) < MIN_PAGES:
        longest = max((len(p.lines) for p in layout.pages), default=0)
        report(STRUCTURE_MISSING, f"no pages: {len(layout.pages)} blocks of lines between "
               f"blank lines or form feeds, {len(numbered)} with a page number at the head "
               "or foot that rises from page to page" + (
                   f"; one holds {longest} lines, pages' worth: no blank line parts the pages"
                   if longest > 2 * PAGE else ""))
    if len(numbered) >= MIN_PAGES and not contents.contents_lines(layout.pages):
        if titled := contents.titles_lines(layout.pages):
            report("f-006", "no contents list: the works cut at the titles of the "
                   f"{len(titled)} pages that open without a running head")
        else:
            report(STRUCTURE_MISSING, "no contents list: no page opens with “CONTENTS” or "
                   f"is headed so, among {len(layout.pages)} pages")
