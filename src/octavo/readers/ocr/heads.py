"""Running heads: the short line that opens a page beside its folio.

A page may open with a head and its folio, in either order (``J. V. S T A L I N 24``,
``24 NOTES``), on one line or two (boilerplate the scan set between them is gone by
now), or with the folio alone and the head at the page's foot, where some scans put it;
a page without a head (a work's first) may end with its folio.
Such a line is only a candidate here: ``pages`` keeps those whose folios rise with the
pages (``folios.run``).  A head set in capitals or in title case is one on its own; one in
ordinary type only where the same words head other pages too.  The head the versos share, whatever
the author, is the one set beside the most different heads: the author's name (or the
volume's title) stands opposite every work's short title, which in turn faces only it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ...lettering import MIN_LETTERS, is_capitals
from ...pagemarks import PRINTED, plain
from ..textlines import INITIALS
from .entrypages import LEADERS
from .folios import DIGIT_LIKE, kind
from .footnotes import opens_footnote
from .lines import LABEL_WORDS, is_number_label, names_notes

MAX_WORDS = 16  # a head is short: a long line is text, whatever ends it
# a folio the OCR misread, a letter for a digit (``l05``, ``3O``, ``S5``, a one-digit
# folio's ``B``, after a word, not after a letter-spaced head's last letter: ``N O T E S``),
# bare or dressed as the folios are (``- S7 -``, ``[S7]``): off the run, so taken only
# beside a known head, its number then worked out from the neighbours
_SOME = rf"(?=[\d{DIGIT_LIKE}]{{2,3}}\b)[{DIGIT_LIKE}]*\d[\d{DIGIT_LIKE}]*"  # ``l05``
_READ = rf"{_SOME}|[{DIGIT_LIKE}]"
_MISREAD = (rf"{_SOME}|(?<=\S\S\s)[{DIGIT_LIKE}]"
            rf"|[-–—]\s*(?:{_READ})\s*[-–—]|\[\s*(?:{_READ})\s*\]")
# beside a head a folio may end with a full stop (``NOTES 24.``, ``XIII. PREFACE``)
_HEAD_FOLIO = re.compile(rf"^(?P<text>.*?\S)\s+(?P<folio>{PRINTED}|{_MISREAD})\.?$")
_FOLIO_HEAD = re.compile(rf"^(?P<folio>{PRINTED}|{_MISREAD})\.?\s+(?P<text>\S.*)$")
# ``Our Tasks in Russia``, ``The Budget: a Reply``: its words capitalised, but the short ones
# inside; a place in brackets after it (``(Cracow)``); a word may end in any mark, the one a
# scan set for an apostrophe or a quote (``Workers¤``, ``The Workers›``): ``charmap`` mends
# it only after the heads
_WORD = r"[A-Z][\w.,:’'-]*[^\s\w]?"
_TITLE_CASE = re.compile(rf"{_WORD}(?:(?: [a-z]{{1,3}})* \(?{_WORD}\)?)*")


@dataclass(frozen=True)
class Candidate:
    """A head and folio a page may open with, and how many of its lines they take."""

    head: str  # letter-spacing closed; "" for a folio alone
    folio: str
    top: int  # lines taken from the page's top
    bottom: int = 0  # lines taken from its foot
    before: bool = False  # the folio stands before the head (on the outer edge of a verso)
    footed: bool = False  # the head opens the page, the folio stands at its foot


def unspace(text: str) -> str:
    """Close the print's letter-spacing in a head: ``J. V. S T A L I N`` → ``J. V. STALIN``,
    its initials' stops too where the spacing set them apart (``J . V . S T A L I N``), and
    a hyphen spaced as the letters are (``T S E - T U N G`` → ``TSE-TUNG``)."""
    text = re.sub(r"\b([^\W\d_]) - (?=[^\W\d_]\b)", r"\1-", re.sub(r"\b(\w) \.", r"\1.", text))
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", text).strip()


def head_text(text: str) -> str:
    """The head in ``text``, letter-spacing closed, or "" if it can't be one (its words
    counted with their letters closed up: a long title letter-spaced is still a head; a
    line opening with a footnote's mark is a footnote, however often the volume prints it:
    ``* Here and below the author’s italics.``)."""
    text = text.strip()
    letters = sum(c.isalpha() for c in text)
    head = unspace(text)
    if letters < MIN_LETTERS or len(head.split()) > MAX_WORDS or LEADERS.search(text) \
            or opens_footnote(text):
        return ""
    return head


def _folio(printed: str) -> str:
    """A folio as ``plain`` reads it, or as misread, its dressing dropped (``- S7 -``:
    ``S7``)."""
    return plain(printed) or printed.strip("-–—[] ")


def candidates(lines: list[str]) -> list[Candidate]:
    """The heads and folios a page's lines may open with, the likeliest first."""
    if not lines:
        return []
    first = lines[0].strip()
    second = lines[1].strip() if len(lines) > 1 else ""
    found = []
    if (m := _HEAD_FOLIO.match(first)) and (head := head_text(m["text"])):
        found.append(Candidate(head, _folio(m["folio"]), 1))
    if (m := _FOLIO_HEAD.match(first)) and (head := head_text(m["text"])) \
            and not INITIALS.match(first):
        found.append(Candidate(head, _folio(m["folio"]), 1, before=True))
    if folio := plain(first):
        if second and (head := head_text(second)) and is_capitals(head):
            found.append(Candidate(head, folio, 2, before=True))
        if len(lines) > 2 and (head := head_text(lines[-1])) and is_capitals(head):
            found.append(Candidate(head, folio, 1, bottom=1))
        found.append(Candidate("", folio, 1))
    if (folio := plain(second)) and (head := head_text(first)):
        found.append(Candidate(head, folio, 2))
    if len(lines) > 1 and (folio := plain(lines[-1].strip())):
        if len(lines) > 2 and (head := head_text(first)):
            found.append(Candidate(head, folio, 1, bottom=1, footed=True))
        found.append(Candidate("", folio, 0, bottom=1))
    return found


def placed(folioed: dict[int, Candidate], options: list[list[Candidate]],
           lengths: list[int]) -> dict[int, Candidate]:
    """The folios chosen (``folioed``, by page or run of lines; ``options``: each one's
    candidates; ``lengths``: its lines), each where the volume prints its folios, at the
    page's foot or at its top, where a page holds a line in capitals and a folio alone,
    which may read either way: a head over its folio (a page with nothing under them), or
    a page's last line (a signature) over the folio at its foot, a blank line parting them
    from the page's other lines; not a head the other pages carry (a plate's page, its
    head and folio alone).  The others say where the volume prints its folios."""
    def other(k: int, c: Candidate) -> Candidate | None:
        return next((o for o in options[k] if o.folio == c.folio
                     and bool(o.bottom) != bool(c.bottom)
                     and is_capitals(c.head or o.head)), None) if lengths[k] == 2 else None

    sure = Counter(bool(c.bottom) for k, c in folioed.items() if other(k, c) is None)
    if sure[True] == sure[False]:
        return folioed
    at_foot = sure[True] > sure[False]
    carried = {c.head for k, c in folioed.items() if other(k, c) is None}  # (a page of
    # its head and folio alone, a plate's, carries a head the pages of text carry too)
    return {k: o if (o := other(k, c)) and bool(o.bottom) == at_foot
            and (c.head or o.head) not in carried else c for k, c in folioed.items()}


def foreign(candidate: Candidate, around: str) -> bool:
    """Whether a candidate's folio at the page's foot, or on the line under its head, is a
    numeral of another kind than the folios around (``around``: their kind): ``I``, a
    section's, ending a page over its title, or under a work's title that repeats its
    running head, or under a head over its title (a page a stray blank line cut, its folio
    at the foot of the second part)."""
    own = kind(candidate.folio)
    return (candidate.footed or (candidate.top == 2 and not candidate.before)) and \
        bool(around) and bool(own) and own != around


def recur(known: Counter[str]) -> bool:
    """Whether the heads recur (``known``: how many pages each head opens), as running
    heads do, on at least half the pages that have one; lines that open a page or two
    each beside its folio are the text, the folios printed alone."""
    return 2 * sum(n for n in known.values() if n >= 2) >= sum(known.values())


def set_as_head(head: str) -> bool:
    """Whether a head is set as heads are: in capitals or in title case."""
    return is_capitals(head) or _TITLE_CASE.fullmatch(head) is not None


def unlabelled(head: str) -> str:
    """A running head without the work's number's label it opens with, if any (``[No. 74]
    THE COMMAND …``: a recto's head in a print that numbers its works)."""
    words = head.split()
    return next((" ".join(words[n:]) for n in range(2, LABEL_WORDS + 1) if len(words) > n
                 and is_number_label(" ".join(words[:n]).strip("[]"))), head)


def accepted(candidate: Candidate, known: Counter[str]) -> bool:
    """Whether a candidate's head reads as a running head: in capitals or title case (after
    its work's number's label), in lower case where most heads are (small capitals read
    so), or the words of other pages' heads (``known``: how many pages each head has
    opened)."""
    head = candidate.head
    return (not head or set_as_head(unlabelled(head)) or known[head] >= 2
            or (head.islower() and 2 * sum(n for h, n in known.items() if h.islower())
                > sum(known.values())))


def _versos_alone(count: Counter[str], even: Counter[str], closing: str = "") -> str:
    """Where each other head stands on odd pages alone, of the heads set on even pages
    alone the one on more pages than any other: the versos' (``WRITINGS``), beside no
    recto head where each work is a page or two long (``count``: the pages each head
    stands on; ``even``: the even ones; another set so, the notes' over their one page,
    stands on fewer); "" where none does, or no head stands on odd pages.  The head
    ``closing`` the volume, on its last headed pages past every other head, may stand on
    both sides: the notes', over each of their pages."""
    versos = sorted((n, h) for h, n in count.items() if even[h] == n)
    if not versos or len(versos) == len(count) or any(0 < even[h] < n for h, n in count.items()
                                                      if h != closing):
        return ""
    return versos[-1][1] if len(versos) == 1 or versos[-1][0] > versos[-2][0] else ""


def _closing(heads: list[str]) -> str:
    """The head of the volume's last headed pages, where it names the notes and stands on
    no page before another head's ("" where none)."""
    headed = [h for h in heads if h]
    last = headed[-1] if headed else ""
    return last if last and names_notes(last) \
        and all(h == last for h in headed[headed.index(last):]) else ""


def verso_head(heads: list[str], folios: list[str], names: Callable[[str], bool]) -> str:
    """The head the versos share: set beside the most different heads (``heads``: each
    page's head in order, "" where none), of those as often the one on more even pages
    (``folios``: each page's), a book's versos (a short volume's two heads, each beside
    the other alone), then the one that ``names`` the volume's author (spells its title
    page's first line); where no head stands beside another (every other page a work's
    opening one), the head that names the author, on two pages or more, else the one set
    on even pages alone (``_versos_alone``)."""
    beside: dict[str, set[str]] = defaultdict(set)
    for a, b in itertools.pairwise(heads):
        if a and b and a != b:
            beside[a].add(b)
            beside[b].add(a)
    count = Counter(h for h in heads if h)
    even = Counter(h for h, folio in zip(heads, folios, strict=True)
                   if h and folio.isdigit() and int(folio) % 2 == 0)
    if not beside:
        named = [h for h in heads if h and names(h)]
        return named[0] if len(named) >= 2 else _versos_alone(count, even, _closing(heads))
    best = max(beside, key=lambda h: (len(beside[h]), count[h], even[h], names(h), h))
    return best if count[best] >= 2 else ""
