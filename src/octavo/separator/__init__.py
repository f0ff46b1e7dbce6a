"""Which blank lines part a text's pages: its form feeds, its lines of white space, or its
empty lines, whichever falls at the page rate; the others are gaps inside a page.

A page break is a page break whether the text writes it as an empty line, a form feed or
a line of white space, but many an OCR writes the gaps inside a page too (above the
footnotes, under a title, between paragraphs) as empty lines, or reads a speck inside a
block of lines as a line of spaces.  Where a text pages with form feeds at the page rate
(``PAGE`` lines apart, the median two), they are its page breaks, and its other blank
lines none: where most of those follow a sentence's end they set its paragraphs apart,
and each gives the line under it an indent instead (``feeds.opened``).  Else, of its lines of
white space and its empty lines, the page breaks are those more of which stand beside
a folio (a number at a line's edge, on the line over or under them: the foot of one
page, the head of the next); the others go.  Where
neither stands so more often, the lines of white space between two lines of text are
kept only where they are at least as many as the empty lines (a text paged with them).
A text may also part its pages with runs of two empty lines or more and set shorter runs
inside them: then the runs as long as those standing a page apart and beside a folio
more often than the shorter runs (which mostly stand beside none) are its page breaks,
and the shorter runs go.  Where the runs left still hold gaps as long as the breaks
(single empty lines both), the folios beside the runs count the pages between them, and
the runs they leave over are gaps inside a page and go.
"""

from __future__ import annotations

from . import feeds, gaps


def parted(text: str) -> list[str]:
    """The lines of ``text`` (``\\n`` line ends, plain spaces) with its page breaks each
    a blank line, and the blank lines that are no page breaks gone (where the form feeds
    are the breaks, a run of blank lines holding one is one empty line, under one more
    for each blank line over the feed: ``feeds.paged``; else a form feed is a blank
    line); a line a gap that goes opened as a paragraph's has an indent instead
    (``gaps.opened``)."""
    if "\f" in text:
        if (paged := feeds.paged(text)) is not None:
            return paged
        text = feeds.FEED.sub("\n\n", text)  # (a form feed now and then: a blank line)
    lines = text.split("\n")
    gone = gaps.no_breaks(lines)
    opened = gaps.opened(lines, gone)
    return [feeds.OPENING + line if k in opened else line
            for k, line in enumerate(lines) if k not in gone]
