"""What a text's characters tell below any reader: how a sentence or a clause ends, and
whether a head is set in capitals.  The normalise passes (``normalise``, ``separator``)
ask these of a text before any reader reads it, and the readers' line facts
(``readers.textlines``) build on them, so neither imports the other."""

from __future__ import annotations

import re
from functools import lru_cache

CLOSING_QUOTES = "\u201d\u2019"
# a sentence's end: a full stop, a question's or an exclamation's mark, and what may close
# after it before a space or the line's end (``mine.”``, ``so.)``): a quote, a bracket
STOPS = ".!?"
AFTER_STOP = f"{CLOSING_QUOTES})"
# … or a clause's, that may end a line's sense as well: a colon, a semicolon
CLAUSE_STOPS = f"{STOPS}:;"
# a line that ends a sentence or trails off (an ellipsis), what closes after it (a quote, a
# straight one or a guillemet too, as the scan has them before its stand-ins are put back,
# or the stand-in itself: one character past ASCII, ``GREATNESS.Ó``; a bracket, a square one
# closing an editor's words), and spaces: the separator asks it of the lines over blank
# runs, the reader of a page's last line over its footnotes and of lines beside a stamp
FINISHED = re.compile(rf"[{STOPS}\u2026][^\x00-\x7f\s]?[\"'»{AFTER_STOP}\]]*\s*$")

# a footnote's signs: a star, and the printer's series after it (a dagger and the like)
DAGGERS = "\u2020\u2021\u00a7\u2016\u00b6"  # † ‡ § ‖ ¶
FOOTNOTE_SIGNS = f"*{DAGGERS}"

MIN_LETTERS = 4  # a head names something: ``NOTES`` is the shortest there is


@lru_cache(maxsize=4096)
def is_capitals(text: str) -> bool:
    """Whether a head's letters are all capitals (enough of them to name something); asked
    of the same heads and titles again and again (the sample: 3251 times a read), so kept."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and all(c.isupper() for c in letters)
