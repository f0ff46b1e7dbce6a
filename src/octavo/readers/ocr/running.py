"""Running heads as the print's short names: each work's id and short title.

The rectos of a work carry its short title (``OUR DISAGREEMENTS``), the versos the
head they share (the author's name), which names no work.  A work is named by the recto
head the print sets most often over its pages, else by its title.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict

from ...lettering import FINISHED
from ...tree import Work
from .blocks import page_value
from .entries import letters
from .misreads import misread
from .structure import Structure
from .titles import title_case

_CONTAINERS = ("section", "part", "group")  # entries over works or inside one
_MISREAD = re.compile(r"(?<=[A-Z])[a-z\d]|[a-z\d](?=[A-Z])|(?<=[A-Z])\d(?=\w)")

# a work's number in brackets at either end of its running head (``[No. 2]   DANGERS …``)
_NUMBERED = re.compile(r"^\[[^\]]*\d[^\]]*\]\s+|\s+\[[^\]]*\d[^\]]*\]$")


def recto_heads(st: Structure) -> list[tuple[int, str]]:
    """The heads of the numbered pages, the versos' shared head left out, any that spells
    the author's name (a verso's, where only one verso is headed), any set over the
    pages of several works, no one of them holding half those pages (a folio misread may
    put one elsewhere): a head the versos share where no recto of the volume is headed
    (each work a page or two long), which the layout could not tell from a work's; and
    any set only over works' titles, each opening its page, two or more: a work's own head
    may stand over its title (a print that heads every page), no other work's, so that is
    a line set over titles (an author's name) or a stamp."""
    author = letters(st.author)
    heads = [(int(p.folio), p.head) for p in st.layout.pages
             if p.head and p.head != st.layout.verso_head and p.folio.isdigit()
             and not (author and letters(p.head) == author)]
    entries = [e for top in st.entries for e in top.walk() if e.kind not in _CONTAINERS]
    starts = sorted({int(e.page) for e in entries if e.page.isdigit()})
    titles = [letters(e.title) for e in entries]
    opening = {int(p.folio) for p in st.layout.pages if p.head and p.folio.isdigit()
               and p.lines and _opens_title(p.lines[0], titles)}
    folios: dict[str, list[int]] = defaultdict(list)
    for folio, head in heads:
        folios[head].append(folio)
    return [(folio, head) for folio, head in heads if _one_work(folios[head], starts)
            and not (len(set(folios[head])) > 1 and opening.issuperset(folios[head]))]


def _opens_title(line: str, titles: list[str]) -> bool:
    """Whether a page's first line opens one of the works' ``titles`` (their ``letters``):
    it spells a title's opening, and, as a title's line, opens with a capital and ends no
    sentence (a page's ``capital.`` spells the opening of ``CAPITAL, LABOUR …`` too)."""
    top = letters(line)
    return bool(top) and next((c for c in line if c.isalpha()), "").isupper() \
        and not FINISHED.search(line) and any(title.startswith(top) for title in titles)


def _one_work(folios: list[int], starts: list[int]) -> bool:
    """Whether one work holds half the pages ``folios`` or more (``starts``: the works'
    first pages, in order; a work's first page is the one before's last too)."""
    held: Counter[int] = Counter()
    for folio in folios:
        k = bisect.bisect_right(starts, folio) - 1
        held.update({k, k - 1} if k > 0 and starts[k] == folio else {k})
    return 2 * max(held.values()) >= len(folios)


def head_between(st: Structure, first_page: str, last_page: str, title: str = "") -> str:
    """The running head the print sets most often on the rectos of a work's pages, its
    first only where the work's ``title`` opens that page (else the work opens it under
    the end of the work before, whose head it bears); of two set as often, the one more
    of whose words the title has (the other misread: ``C0MRADE LENIN``), its misread words
    read back through the title's, the work's number in brackets beside it taken off
    (``[No. 2]``: no words of its title)."""
    first, last = page_value(first_page), page_value(last_page)
    if first is None or last is None:
        return ""
    if not _opens_page(st, first_page, title):
        first += 1  # (its first page bears the head of the work ending there)
    heads = Counter(head for folio, head in st.rectos if first <= folio <= last)
    words = set(title.casefold().split())
    return title_case(_parted(_read_back(_NUMBERED.sub("", max(heads, key=lambda h: (
        heads[h], sum(w in words for w in h.casefold().split())))), words), st.title_words)) \
        if heads else ""


def _opens_page(st: Structure, folio: str, title: str) -> bool:
    """Whether a work's ``title`` opens the page printed ``folio``: the page's first line
    (under its head) begins the title's letters."""
    page = next((p for p in st.layout.pages if p.folio == folio), None)
    top = letters(page.lines[0]) if page and page.lines else ""
    return bool(top) and letters(title).startswith(top)


def _read_back(head: str, words: set[str]) -> str:
    """A head with each word an OCR misread (a digit or a small letter among capitals:
    ``F0RMATION``, ``STALlN``) read as the word of the title (``words``) it misreads: the
    word itself if the title has it (a title-cased ``National`` is no misread
    ``international``), else the one nearest its length, the same whatever the set's order."""
    def read(word: str) -> str:
        folded = word.casefold()
        like = [w for w in words if misread(folded, w)] if _MISREAD.search(word) else []
        return min(like, key=lambda w: (w != folded, abs(len(w) - len(folded)), w)).upper() \
            if like else word
    return " ".join(read(word) for word in head.split())


def _parted(head: str, words: set[str]) -> str:
    """A head whose words the print letter-spaced with no more space between them than
    between their letters (``T H E P R O S P E C T S``: ``THEPROSPECTS``), parted into
    the fewest of the contents' title words (``words``) it runs together (``THE
    PROSPECTS``), its stops and brackets kept (``R. C. P. ( B. )``: ``R.C.P.(B.)``)."""
    at = [k for k, c in enumerate(head) if c.isalnum() or c in "’'"]  # what words hold
    folded = "".join(head[k] for k in at).casefold()
    if all(_key(word) in words or not _key(word) for word in head.split()) or \
            len(folded) != len(at):
        return head
    best: list[list[int] | None] = [[]] + [None] * len(folded)  # the cuts of each prefix
    for end in range(1, len(folded) + 1):
        best[end] = min(([*cuts, end] for start in range(end) if (cuts := best[start])
                         is not None and folded[start:end] in words), key=len, default=None)
    if not (cuts := best[-1]):
        return head
    bounds = [0, *(at[cut] for cut in cuts[:-1]), len(head)]
    return " ".join(head[a:b].replace(" ", "") for a, b in itertools.pairwise(bounds))


def _key(word: str) -> str:
    """A word as the contents' words are kept: its letters, digits and apostrophes."""
    return re.sub(r"[^\w’']", "", word).casefold()


def short_title(st: Structure, work: Work) -> str:
    return head_between(st, work.first_page, work.last_page, work.title) or work.title


def name_works(st: Structure) -> None:
    """Ids for the works of the contents, taken before any section's: a work's from its
    running head (the print's short name for it), a part's from its own title."""
    st.rectos = recto_heads(st)
    st.title_words = {_key(word) for top in st.entries for e in top.walk()
                      for word in e.title.split()}
    for n, entry in enumerate(st.entries):
        following = next((e.page for e in st.entries[n + 1:] if e.page.isdigit()), "")
        last = str(int(following) - 1) if following else ""
        head = head_between(st, entry.page, last, entry.title) if entry.kind == "work" else ""
        st.work_ids[id(entry)] = st.ids(head or entry.title)
        for child in entry.walk():
            if child.kind in ("part", "appendix"):
                st.work_ids[id(child)] = st.ids(child.title.split(". ", 1)[-1]
                                                if child.kind == "part" else child.title)
