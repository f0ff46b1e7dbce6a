"""Verse on a web page: a paragraph whose line breaks are a stanza's lines.

A page sets a stanza as a paragraph (``<p>``, or a stretch of a ``<pre>``'s lines between
blank ones) of lines parted by ``<br>``.  It may say so by a class (``poem``, ``verse``,
``stanza``); most pages say nothing, and the lines' look tells: three lines or more (a
signature over its date, a title over its subtitle make two), each opening with a capital,
holding no figure (a date's, an address's), neither a line of capitalised words (a name, a
heading) nor one in title case, none as long as prose set to a page's measure, and one
before the last running on (ending in no sentence's end: a clause's semicolon runs on), as
a stanza's lines do and those of a list of sentences do not.
"""

from __future__ import annotations

from collections.abc import Collection

from ...tree import Inline, LineBreak
from ..textlines import CLOSED, FIGURE, NAME_LINE, OPENS, title_cased
from .inlines import broken, plain, tidy

MARKS = {"poem", "verse", "stanza"}  # classes a page names its verse by
FEWEST = 3  # lines: two are a signature and its date, a title and its subtitle
LONGEST = 72  # characters: a long verse line (a fourteener, an alexandrine) runs to about
# sixty; a prose paragraph's hard-wrapped lines fill a page's measure of seventy or more


def lines_of(found: list[Inline]) -> list[str]:
    """A paragraph's lines as plain text, parted at its line breaks."""
    return [plain(line) for line in broken(found)]


def stanzas_of(found: list[Inline]) -> list[list[Inline]]:
    """Preformatted lines cut into stanzas at blank lines, each stanza's inlines tidy."""
    stanzas: list[list[Inline]] = [[]]
    for line in broken(found):
        if plain(line):
            stanzas[-1] += [*([LineBreak()] if stanzas[-1] else []), *line]
        elif stanzas[-1]:
            stanzas.append([])
    return [tidy(stanza) for stanza in stanzas if stanza]


def _verse_line(line: str) -> bool:
    return (len(line) < LONGEST and bool(OPENS.match(line)) and not NAME_LINE.match(line)
            and not title_cased(line) and not FIGURE.search(line))


def is_stanza(found: list[Inline], names: Collection[str] = (), look: bool = True) -> bool:
    """Whether a paragraph's inlines are a stanza: marked so by a class, or, where ``look``
    (its other classes, if any, say no more than that it is quoted), by its lines' look (see
    the module's docstring)."""
    lines = lines_of(found)
    if len(lines) < 2:
        return False
    if not MARKS.isdisjoint(names):
        return True
    return (look and len(lines) >= FEWEST and all(map(_verse_line, lines))
            and not all(map(CLOSED.search, lines[:-1])))
