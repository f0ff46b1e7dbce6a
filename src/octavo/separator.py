"""Which blank lines part a text's pages: its form feeds, its lines of white space, or its
empty lines, whichever falls at the page rate; the others are gaps inside a page.

A page break is a page break whether the text writes it as an empty line, a form feed or
a line of white space, but many an OCR writes the gaps inside a page too (above the
footnotes, under a title, between paragraphs) as empty lines, or reads a speck inside a
block of lines as a line of spaces.  Where a text pages with form feeds at the page rate
(``PAGE`` lines apart, the median two), they are its page breaks, and its other blank
lines none.  Else, of its lines of white space and its empty lines, the page breaks are
those that stand more often beside a folio (a number at a line's edge, on the line over
or under them: the foot of one page, the head of the next); the others go.  Where
neither stands so more often, the lines of white space between two lines of text are
kept only where they are at least as many as the empty lines (a text paged with them).
A text may also part its pages with runs of two empty lines or more and set shorter runs
inside them: then the runs as long as those standing a page apart, mostly beside a folio,
are its page breaks, and the shorter runs, mostly beside none, go.
"""

from __future__ import annotations

import itertools
import re
import statistics

from .pagemarks import EDGE, MARKERS, PAGE

_FEED = re.compile(r" *\n? *\f *\n?")  # a form feed, the line ends and spaces around it


def parted(text: str) -> list[str]:
    """The lines of ``text`` (``\\n`` line ends, plain spaces) with its page breaks each
    a blank line, and the blank lines that are no page breaks gone (where the form feeds
    are the breaks, a run of blank lines holding one is one empty line; else a form feed
    is a blank line)."""
    if "\f" in text:
        lines = _FEED.sub("\n\f\n", text).split("\n")
        feeds = [k for k, line in enumerate(lines) if line == "\f"]
        if len(feeds) >= MARKERS and statistics.median(
                b - a for a, b in itertools.pairwise(feeds)) <= PAGE:
            runs = [list(run) for _, run in itertools.groupby(lines, lambda line: not line.strip())]
            return [line for run in runs for line in (
                [""] if "\f" in run else [] if not run[0].strip() else run)]
        text = _FEED.sub("\n\n", text)  # (a form feed now and then: a blank line)
    lines = text.split("\n")
    gone = _gaps(lines)
    return [line for k, line in enumerate(lines) if k not in gone]


def _gaps(lines: list[str]) -> set[int]:
    """The blank lines (by index) that are no page breaks: the empty lines, where the
    lines of white space stand more often beside a folio; else the lines of white space
    alone between two lines of text, where the empty lines stand more often so, or where
    they are fewer than the empty lines after a line of text."""
    spaces = {k for k in range(1, len(lines) - 1) if lines[k].isspace()
              and lines[k - 1].strip() and lines[k + 1].strip()}
    empty = {k for k in range(1, len(lines)) if not lines[k] and lines[k - 1].strip()}
    spaced, emptied = _beside(lines, spaces), _beside(lines, empty)
    if len(spaces) >= MARKERS and spaced > emptied:
        return {k for k, line in enumerate(lines) if not line
                and not any(lines[j] and not lines[j].strip() for j in (k - 1, k + 1)
                            if 0 <= j < len(lines))}
    gone = spaces if emptied > spaced or len(spaces) < len(empty) else set()
    return gone | _shorter_runs(lines)


def _shorter_runs(lines: list[str]) -> set[int]:
    """The empty lines (by index) of runs shorter than those that part the pages, where a
    text parts its pages with two empty lines or more and sets fewer inside them: the
    least run length whose runs stand a page apart (``PAGE`` lines, the median two) and
    mostly beside a folio, where the shorter runs mostly do not."""
    blanks: list[list[int]] = []  # the runs of empty lines (indices), each whole
    for k in (k for k, line in enumerate(lines) if not line):
        if blanks and blanks[-1][-1] == k - 1:
            blanks[-1].append(k)
        else:
            blanks.append([k])
    runs = [run for run in blanks if run[0] and lines[run[0] - 1].strip()]
    for least in range(2, max(map(len, runs), default=0) + 1):
        longer = [run for run in runs if len(run) >= least]
        shorter = [run for run in runs if len(run) < least]
        if (len(longer) >= MARKERS
                and statistics.median(b[0] - a[0] for a, b in itertools.pairwise(longer)) <= PAGE
                and _runs_beside(lines, longer) > 0.5 >= _runs_beside(lines, shorter)):
            return {k for run in shorter for k in run}
    return set()


def _beside(lines: list[str], blanks: set[int]) -> float:
    """The share of ``blanks`` (by index) with a folio-like line over or under them."""
    return _runs_beside(lines, [[k] for k in blanks])


def _runs_beside(lines: list[str], runs: list[list[int]]) -> float:
    """The share of ``runs`` of blank lines with a folio-like line over or under them."""
    return sum(any(0 <= j < len(lines) and EDGE.search(lines[j].strip())
                   for j in (run[0] - 1, run[-1] + 1)) for run in runs) / max(1, len(runs))
