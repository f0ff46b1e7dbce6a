"""Catchwords: the next page's first word, set alone at the foot of a page (an older
print's aid to the binder), which the OCR reads as a line of the text."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from ...pagemarks import EDGE, plain
from .placement import MIN_REPEATS

if TYPE_CHECKING:
    from .pages import Page

HABIT = 1 / 3  # of the page breaks that must carry one: a print that sets catchwords sets
# them on every page (a stamp's lines hide some from ``find``); a word alone at a page's foot
# that the next page opens with by chance (a paragraph's last word; a letter's signature,
# ``Engels``, over the next letter's title, ``Engels to Sorge``) stands at a few
REACH = 3  # lines at either edge of a page looked at: a catchword may stand over the foot
# folio and a stamp, and the next page's text open under its head, its folio and a stamp


def find(lines: list[str]) -> set[int]:
    """The indices of the catchwords among a text's lines (its pages parted by blank
    lines): a line near a page's foot, under its top lines (where a stamp that opens every
    page may stand alone), holding one word alone (a letter in it: no folio),
    that a line near the next page's top opens with, where the volume sets them (at
    ``HABIT`` of its page breaks or more: of the runs of lines, or, where blank lines part
    its paragraphs too, of those that end in a foot folio, ``MIN_REPEATS`` or more, in a
    print that sets its folios at the feet: fewer runs open with one)."""
    runs = [[k for k, _ in run] for blank, run in itertools.groupby(
        enumerate(lines), lambda item: not item[1].strip()) if not blank]
    found: set[int] = set()
    feet = caught = 0  # (the runs that end in a foot folio, and the catchwords over one)
    tops = sum(1 for run in runs[1:] if EDGE.search(lines[run[0]].strip()))  # (… open)
    for run, following in itertools.pairwise(runs):
        footed = bool(plain(lines[run[-1]].strip()))
        feet += footed
        opening = [lines[k].split()[:1] for k in following[:REACH]]
        for k in reversed(run[REACH:][-REACH:]):  # (below its own page's top lines)
            word = lines[k].split()
            if len(word) == 1 and any(c.isalpha() for c in word[0]) and word in opening:
                found.add(k)
                caught += footed
                break
    return found if len(found) >= HABIT * (len(runs) - 1) or (
        max(MIN_REPEATS, tops + 1) <= feet and caught >= HABIT * feet) else set()


def strip(pages: list[Page], found: int) -> int:
    """Take off each page's catchword still standing (its last line one word, the word
    the next page's text opens with: one that a stamp's lines hid from ``find``, at the
    foot or over the next page's text), where the volume sets them (``find`` found some,
    or these stand at ``HABIT`` of its page breaks or more); how many were taken off."""
    caught = [k for k in range(len(pages) - 1) if _catches(pages[k], pages[k + 1])]
    if not found and len(caught) < HABIT * (len(pages) - 1):
        return 0
    for k in caught:
        pages[k].lines = pages[k].lines[:-1]
    return len(caught)


def _catches(page: Page, following: Page) -> bool:
    """Whether a page's last line is one word alone, the next page's first word."""
    if len(page.lines) < 2 or not following.lines:
        return False
    last = page.lines[-1].split()
    return len(last) == 1 and following.lines[0].split()[:1] == last
