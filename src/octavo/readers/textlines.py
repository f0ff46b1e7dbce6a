"""What a line of text says by its own look, whatever the source: how it opens and ends
(a capital, a sentence's end, a note's marker after it), whether it holds a figure, names
someone or sets a title in title case.  The OCR reader's and the HTML reader's verse
passes (``ocr.verse``, ``html.verse``) both ask these of a line, and the OCR reader's
line kinds (``ocr.lines``) build on them.  A sentence's stops and the capitals test lie
lower (``octavo.lettering``), where the normalise passes ask them too."""

from __future__ import annotations

import re

from ..lettering import AFTER_STOP, CLOSING_QUOTES, STOPS
from ..lettering import CLAUSE_STOPS as CLAUSE_STOPS  # (the readers ask it here)

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # the figures as a print sets a note's marker (``word.¹²``)
# the punctuation glued to a word it follows: a stop, a comma, a colon, a semicolon
# (``PAUSES``), a question's or an exclamation's mark
PAUSES = ".,;:"
PUNCTUATION = f"{PAUSES}!?"
# what closes a word, before a space or the line's end: its punctuation, a bracket, and
# (once the scan's stand-ins for them are put back: ``ocr.charmap``) a closing quote
WORD_CLOSES = f"{PUNCTUATION})"
CLOSES = f"{WORD_CLOSES}{CLOSING_QUOTES}"  # … all of it, the quotes put back: what a word
# and what closes it may end in, as a note's marker is glued after them
# what closes after a stop and, seen alone as a line's or a phrase's last character, says
# one went before: a double quote, a bracket (not ``’``, an apostrophe's look as well)
SURE_CLOSES = "\u201d)"


class AtEnd:
    """A pattern matched at the end of a line (``…$``; the line holds no line break), tried
    only where the line's last character is one its matches end with: a pattern is tried
    at every character of a line, the last one is looked up once (``digit``: or a note's
    marker's last, where the pattern ends in ``MARKER``)."""

    def __init__(self, pattern: str, endings: str, digit: bool = False) -> None:
        self.pattern, self.endings, self.digit = re.compile(pattern), frozenset(endings), digit

    def search(self, line: str) -> re.Match[str] | None:
        last = line[-1:]
        if last in self.endings or (self.digit and (last.isdecimal() or last in SUPERSCRIPTS
                                                     or last == "]")):
            return self.pattern.search(line)
        return None


def ends_sentence(stops: str, marks: str = "", also: str = "") -> AtEnd:
    """A line's end that ends a sentence: one of ``stops``, what closes after it
    (``AFTER_STOP``), a footnote's sign among ``marks`` after that, and a note's marker
    (``MARKER``); or ``also``, a pattern ending in one of ``stops``.  The readers ask this
    of a line with stops of their own (``CLOSED``: no semicolon, ``ocr.lines.SENTENCE_END``:
    any, ``ocr.paragraphs.FULL_STOP``: no colon either), each saying why."""
    marked = f"[{marks}]*" if marks else ""
    pattern = rf"[{stops}][{AFTER_STOP}]*{marked}{MARKER}$" + (f"|{also}" if also else "")
    return AtEnd(pattern, stops + AFTER_STOP + marks, digit=True)


# a person's name's parts: an initial (``J. ``) and a word of it (``STALIN``, ``Tse-tung``)
INITIAL = r"[A-Z]\.\s*"
NAME_WORD = r"[A-Z][\w’'-]+"
# a name after its initials, the whole of a signature's line (``G. PLEKHANOV``, ``V. I. Lenin``)
INITIALED = re.compile(rf"(?:{INITIAL})+{NAME_WORD}\.?")
# two initials: a line they open opens with a name (``V. I. LENIN``), no folio beside a head
INITIALS = re.compile(rf"(?:{INITIAL}){{2}}")
# a note's marker after a sentence's end: figures, superscript figures (``labour.¹``) or
# figures in brackets (``labour.[1]``)
MARKER = rf"(?:\d{{0,3}}|[{SUPERSCRIPTS}]{{1,3}}|\[\d{{1,3}}\])"
OPENS = re.compile(r"^[\u201c\u2018\"'(]?[A-Z]")  # a capital, after an opening quote
# a sentence's end (no semicolon: a stanza's clauses end so, and run on)
CLOSED = ends_sentence(f"{STOPS}:")
FIGURE = re.compile(rf"[\d{SUPERSCRIPTS}]")
# capitalised words and initials, after a dash where they name a source (``—Shelley``,
# ``— Goethe``), a name's parts hyphened (``Tse-tung``, ``Jean-Paul``)
NAME_LINE = re.compile(r"^(?:[\u2014\u2013] ?)?(?>[A-Z][\w’]*(?:-[\w’]+)*[.,]? ?)+$")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def title_cased(line: str) -> bool:
    """Whether every word of four letters or more opens with a capital, two at least (a
    title's line: ``Report Delivered at the Tenth``)."""
    long = LONG_WORD.findall(line)
    return len(long) >= 2 and all(w[0].isupper() for w in long)
