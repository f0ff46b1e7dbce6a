"""Where a recurring line stands on its pages (``placement.Placement``), as the rules
that tell a stamp from the print ask it: inside a sentence, under footnotes or a foot
folio, over a head or a title, beside a folio."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container

from ....lettering import FINISHED, MIN_LETTERS
from ....pagemarks import plain
from .. import footnotes
from ..closing import NAME_ALONE, pen_name
from ..entries import opens_entry, words
from ..folios import Number
from ..heads import candidates, is_capitals, set_as_head, unspace
from ..lines import LOWER_END, UNENDED, letter_spaced
from ..placement import MIN_REPEATS, TWICE, Placement, line_at
from .kinds import FIRST_ITEM

_DASHED = re.compile(r"[^\W\d_]\u2014$")
_BRACKETED_WORD = re.compile(r"\(([^\W\d_]{2,})(?![\w)])")
SIDES = 0.25  # a line on both sides of the spread holds this share of its pages on either:
# halfway between a running head's (none, bar a misread folio) and a stamp's (a half)


def interrupts(places: list[Placement], capitals: bool) -> bool:
    """Whether a recurring group stands, somewhere, inside a sentence (read across it:
    ``Placement.across``): after a line that ends none (in a word, inside one, broken by a
    hyphen, or a comma), before one that goes on in lower case (or, where the page turns
    there, after a line ending in a word in lower case, before any line: the sentence may
    go on with a name); or, a group in ``capitals``, after a line of text (in lower case)
    that ends none, before any line: a heading follows a sentence's end.  A repeat that
    opens in lower case and ends a sentence stands inside none: it reads as the end of the
    sentence over it, a paragraph's last line (``capital.`` under ``… improved by``)."""
    return any(goes_on(*side, capitals) for p in places if not _closes_sentence(p)
               for side in p.across())


def _closes_sentence(p: Placement) -> bool:
    """Whether a repeat opens in lower case and its last line ends a sentence."""
    return _opens_lower(p.line) and bool(FINISHED.search(p.last))


def inside_page(p: Placement) -> bool:
    """Whether a repeat stands inside a sentence of its page (``goes_on``), not across the
    page's turn."""
    return any(goes_on(before, after, False, False)
               for before, after, turned in p.across() if not turned)


def goes_on(before: str, after: str, turned: bool, capitals: bool) -> bool:
    """Whether a sentence runs on from ``before`` to ``after`` (``interrupts``; a line
    in capitals after a signer's name, ``R. Luxemburg``, follows no sentence: a title
    opens the next work there), which opens in lower case, or with a bracket before a word
    in it (``(whether it be``; not a point's letter, ``(a) the``); a word and a dash at
    ``before``'s end end no sentence either (``employment—`` / ``i.e., its``)."""
    if not UNENDED.search(before):  # (a dash brings in a display line, a slogan in capitals)
        return not capitals and bool(_DASHED.search(before)) and _opens_lower(after)
    return any(c.islower() for c in before) and not NAME_ALONE.fullmatch(before) if capitals \
        else _opens_lower(after) or (turned and LOWER_END.search(before) is not None)


def _opens_lower(line: str) -> bool:
    """Whether a line opens in lower case, or with a bracket before a word in it (not a
    point's label closed by its bracket: ``(a)``, ``(ii)``)."""
    if m := _BRACKETED_WORD.match(line):
        return m[1].islower()
    return line[:1].isalpha() and line[:1].islower()


def turns_inside(places: list[Placement]) -> bool:
    """Whether a recurring line ends its page, somewhere, where the sentence of the page's
    text runs on overleaf (``as the`` / the line / the next page's ``party of``)."""
    return _turns(places, lambda before, after, turned: goes_on(before, after, turned, False))


def breaks_word_overleaf(places: list[Placement]) -> bool:
    """Whether a recurring group ends its page, somewhere, where a word broken by a hyphen
    goes on overleaf in lower case (``wor-`` / the group / the next page's ``ker in``)."""
    return _turns(places, lambda before, after, _: before.endswith("-")
                  and goes_on(before, after, False, False))


def _turns(places: list[Placement], goes: Callable[[str, str, bool], bool]) -> bool:
    """Whether the page turns under a repeat, somewhere, where the text before the turn
    and after it (``Placement.across``) pass ``goes``."""
    return any(turned and goes(before, after, turned)
               for p in places for before, after, turned in p.across())


def under_turned_head(p: Placement) -> bool:
    """Whether a recurring line stands right under the running head and folio that open
    the page, over its text, where the sentence the page before ends with runs on in that
    text: the print sets nothing between the two halves of a sentence."""
    return bool(p.below) and bool(turned := p.turned()) and goes_on(turned, p.below, False,
                                                                     False)


def under_footnotes(places: list[Placement]) -> bool:
    """Whether a recurring line ends its page (or stands over its foot folio), somewhere,
    right under the page's footnotes (under text, the last footnote ending a sentence):
    nothing the print sets stands under a page's footnotes but its folio; a line opening
    with a footnote's mark is the page's next footnote (one that recurs: ``See the
    preceding article``)."""
    return any(under_footnote(p) and not footnotes.opens_footnote(p.line) for p in places)


def at_foot(p: Placement) -> bool:
    """Whether a repeat ends its page, or stands over its foot folio alone, which ends it."""
    return not p.below or (bool(plain(p.below)) and not p.beyond)


def under_footnote(p: Placement) -> bool:
    """Whether a repeat ends its page (or stands over its foot folio) right under the
    page's footnotes (``under_footnotes``)."""
    return at_foot(p) and FINISHED.search(p.above) is not None and p.footnoted()


def over_head(p: Placement) -> bool:
    """Whether a recurring line stands right above a running head and its folio
    (``NOTES 24``, a head set as heads are: not ``I have taken the floor``, a line of text
    after a numeral), or between them (``NOTES`` / the line / ``24``, or ``24`` / the line /
    ``K. MARX``, a verso's folio on the outer edge, the page's text under them: no page
    of one line under its head, over its foot folio), at the page's top: where no text
    stands.  (Between a stamp in capitals and a foot folio stands a footnote that recurs:
    ``* Retranslated from the Russian.``)"""
    headed = p.opens and any(c.head and c.folio and set_as_head(c.head)
                             for c in candidates([p.after]))
    return headed or (not p.higher and (
        (bool(plain(p.below)) and is_capitals(p.above) and bool(p.beyond))
        or (bool(plain(p.above)) and is_capitals(p.below))))


def opens_over_head(p: Placement) -> bool:
    """Whether a recurring line opens its page over a line set as heads are, stamps passed
    over, that heads no numbered list (a notes' heading over its first note is none); not
    a pen name over a line ending in a full stop (its work's source, ``PUBLIUS.`` / ``For
    the Independent Journal.``, where blank lines part the paragraphs; a head may end in a
    stop, ``PAUL LAFARGUE.``, under a stamp)."""
    return p.opens and set_as_head(p.below) and not FIRST_ITEM.match(p.beyond) \
        and not (p.below.endswith(".") and pen_name(p.line))


def over_bare_head(p: Placement, counts: Counter[str], repeats: int,
                   alone: Container[str] = ()) -> bool:
    """Whether a recurring line (on ``repeats`` pages) opens its page over a line set as
    heads are (``opens_over_head``) that stands on other pages too, ``MIN_REPEATS`` or more,
    and fewer than it, or that opens a page with nothing over it (``alone``: ``opening``):
    a running head printed with no folio beside it, the folios at the foot, under a stamp
    set over every head, the versos' and the rectos', or over some of them; the page's
    head, over which the print sets nothing."""
    return opens_over_head(p) and counts[p.below] >= MIN_REPEATS \
        and (counts[p.below] < repeats or p.below in alone)


def opening(stripped: list[str], lines: Container[str]) -> set[str]:
    """Those of ``lines`` that open a page of the text (``stripped``) somewhere, under a
    blank line or the text's start."""
    return {line for i, line in enumerate(stripped)
            if line in lines and not line_at(stripped, i - 1)}


def over_title(p: Placement, listed: list[str]) -> bool:
    """Whether a recurring line opens the page over a work's title, the first line of an
    entry the contents list (``listed``: their lines' words): nothing the print sets stands
    over a title at the top of its page, where no running head stands.  A title set
    letter-spaced (``N O T E S``) is read closed up too."""
    return p.opens and (any(opens_entry(title, listed, figures=True)
                            for title in {p.below, unspace(p.below)})
                        or _spaced_title(p.below, listed))


def _spaced_title(line: str, listed: list[str]) -> bool:
    """Whether a letter-spaced line whose words the spacing runs together (``T H E S M A L L
    P R O D U C E R S``: one space between letters and between words) spells the opening of
    an entry of the contents (``listed``), spaces aside, up to the end of one of its words,
    in ``MIN_LETTERS`` letters at least (a dinkus, ``* * *``, spells nothing; ``M A R X`` no
    ``MARXISM``)."""
    letters = words(line, figures=True).replace(" ", "")
    if len(letters) < MIN_LETTERS or not letter_spaced(line):
        return False
    pattern = re.compile(r"\s*".join(map(re.escape, letters)) + r"(?:\s|$)")
    return any(pattern.match(entry) for entry in listed)


def over_running_head(p: Placement) -> bool:
    """Whether a recurring line opens its page over a line set as heads are, over text
    that goes on with the sentence the page before breaks off: no title stands between a
    sentence's halves, so that line is the page's running head (one seen once, a short
    work's, its folio at the foot or none).  Not where the repeat's own last line is set as
    heads are: that may be a head's first line, over its second (the author's name over a
    part's)."""
    return p.opens and not set_as_head(p.last) and set_as_head(p.below) and bool(p.beyond) \
        and goes_on(p.ran_on(), p.beyond, False, False)


def under_foot_folios(places: list[Placement]) -> bool:
    """Whether a recurring line stands, more often than not, right under a bare folio
    under the page's text, ending the page: nothing the print sets stands under a foot
    folio (a folio over a running head opens its page, no text over it)."""
    return 2 * sum(under_foot_folio(p) for p in places) > len(places)


def under_foot_folio(p: Placement) -> bool:
    """Whether a repeat stands right under a bare folio under the page's text, ending
    the page (``under_foot_folios``)."""
    return bool(p.higher) and bool(plain(p.above)) and not p.below


def over_footed_heads(places: list[Placement], counts: Counter[str], listed: list[str]) -> bool:
    """Whether a recurring line opens its pages, more often than not, over a line set as
    heads are that recurs too, or that opens a work's title (``listed``: the contents'
    lines' words), on pages that end with a bare folio: a stamp over running heads whose
    folios stand at the foot, the versos' and the rectos' (a short work's title's first
    words, seen once), not a head (which stands over another such line only on a work's
    opening page, over its title, or over the heading of the notes printed after a work,
    the first note under it: a list's heading, not a head over a page that runs on)."""
    return 2 * sum(over_footed_head(p, counts, listed) for p in places) > len(places)


def over_footed_head(p: Placement, counts: Counter[str], listed: list[str]) -> bool:
    """Whether a recurring line opens its page over a line set as heads are that recurs
    too, or that opens a work's title (``listed``), on a page that ends with a bare folio
    (``over_footed_heads``)."""
    return p.opens and set_as_head(p.below) \
        and (counts[p.below] >= TWICE or over_title(p, listed)) \
        and not FIRST_ITEM.match(p.beyond) and bool(plain(p.foot(False)))


def beside_folio(places: list[Placement], counts: Counter[str]) -> bool:
    """Whether a recurring line mostly (more often than not) opens a page beside a bare
    number, or opens pages that end with one, on one side of the spread: a running head
    whose folio the scan set on a line of its own, or at the page's foot, not boilerplate.
    A stamp under a page's foot folio is no head (a head and its folio open the page), nor
    one over pages of both sides alike (a head stands on the versos or on the rectos, bar
    a misread folio; a section's, ``NOTES``, on both, but over a few pages, not the
    volume), nor one that stands under another page's head (a head opens its page, under
    nothing but a stamp: where works of two pages open on rectos, a stamp over their
    titles keeps to one side)."""
    def beside(p: Placement) -> str:
        """The folio of the page the line opens, if it stands beside it or at its foot."""
        if not p.higher and (number := plain(p.above)):
            return number
        return plain(p.below) or plain(p.foot(True)) if p.opens else ""

    # (right under a line that opens the page and recurs, no stamp between them)
    under = sum(not p.higher and p.before == p.above
                and MIN_REPEATS <= counts[p.above] < len(places) for p in places)
    if under >= MIN_REPEATS:
        return False
    folios = [number for p in places if (number := beside(p))]
    sides = Counter(n.value % 2 for f in folios if (n := Number.of(f)))
    fewer = min(sides[0], sides[1])  # (even folios: versos; odd: rectos)
    return len(folios) > len(places) / 2 and not (
        fewer >= MIN_REPEATS and fewer >= SIDES * (sides[0] + sides[1]))
