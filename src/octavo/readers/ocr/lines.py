"""What a line of the running text is, by its own look: a display line (capitals), a
label, a signature, a dateline, a numbered point, a note's or a chronicle entry's opening,
a line of the contents list; and the patterns of a sentence's end that say so.
The paragraphs pass (``paragraphs``) joins the lines into blocks by them."""

from __future__ import annotations

import re
import string
from functools import lru_cache

from ...dates import MONTHS
from ..textlines import CLAUSE_STOPS, NAME_LINE, PAUSES, SUPERSCRIPTS, AtEnd, ends_sentence
from .folios import READ_NUMBER, roman_value, to_roman
from .footnotes import MARKS
from .measure import width

# spaces closed up: ``N O T E S``, ``Explanatory Notes``, ``Notes and References``
_NOTES_HEAD = re.compile(r"^[A-Z’']*NOTES(?:AND[A-Z]+)?$")


def names_notes(text: str) -> bool:
    """Whether a line or running head names the notes (``NOTES``, ``EXPLANATORY NOTES``,
    ``EDITOR’S NOTES``, ``Notes``, ``NOTES AND REFERENCES``, letter-spaced or not)."""
    return _NOTES_HEAD.match(text.replace(" ", "").upper()) is not None


MONTH = f"(?:{MONTHS})"
MONTH_NAME = re.compile(rf"\b{MONTH}\b")  # a date that names its month
# a year, or a span of them (``1894-96``, ``1894 – 1896``)
YEARS = r"\d{4}(?:\s*[-\u2013]\s*\d{2,4})?"
YEARS_ALONE = re.compile(YEARS)  # (``fullmatch``: a line that is a year or a span alone)
_DATE = rf"(?:{MONTH} \d{{1,2}}(?:-\d{{1,2}})?(?:, \d{{4}})?|{MONTH},? \d{{4}}|" \
    rf"{YEARS}|[A-Z][a-z]+, \d{{4}})"
DATELINE = re.compile(rf"^(?:{_DATE}\.?|\({_DATE}\))$")  # or in brackets: ``(March 1927)``
_PLACE = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?, ")  # a place before a date: ``Tiflis, ``
# a date led by a word and a preposition, as a line under a title dates its work: ``Written
# in July 1855``, ``Delivered on May 3, 1920``
LED_DATE = re.compile(rf"^[A-Z][a-z]+ [a-z]+ {_DATE}\.?$")
# such a date, or one led by a place, opening the paragraph the OCR ran it into, before
# the text's first sentence: ``Brussels, July 1889 They stand in …``
DATE_OPENING = re.compile(rf"^(?:[A-Z][a-z]+, |[A-Z][a-z]+ [a-z]+ )?{MONTH}(?: \d{{1,2}},)? "
                          r"\d{4}(?= [A-Z\u201c])")
ENTRY = re.compile(rf"^(?:(?:(?:End|Beginning|Middle) of |Before |After |Between )?{MONTH}"
                   rf"(?: \d{{1,2}}(?:-\d{{1,2}})?(?:, \d{{1,2}})*(?: and \d{{1,2}})?|-{MONTH})"
                   rf"|(?:End|Beginning|Middle) of {MONTH}) [A-Z“]")  # a chronicle's entry
POINT = re.compile(r"^(?:\d{1,2}\.|\d{1,2}\)|[a-z]\))\s+\S")
NOTE_START = re.compile(r"^\d{1,3} (?=[A-Z“(])")
# an endnote's last words: the page of the volume that cites it (``p. 12``, misread ``p. l2``)
CITED = rf"\bpp?\.\s*(?P<page>{READ_NUMBER})"
NOTE_END = re.compile(rf"{CITED}(?:-\d+)?\.?$")  # … or any reference to pages
ROMAN_LINE = re.compile(r"^[IVXL]{1,6}\.?$")
ARABIC_LINE = re.compile(r"^\d{1,2}\.?$")  # a number alone: a section's, over its title
NUMERAL_LINE = re.compile(rf"{ROMAN_LINE.pattern}|{ARABIC_LINE.pattern}")
NUMBERED_HEAD = re.compile(r"^(?P<number>\d{1,2}|[IVXL]{1,6})\.\s+\S.*[^\W\d_]$")  # ``2. The
# Question Stated``: a number, then words ending in a letter (no stop, comma, figure)
SPACED_DIGITS = re.compile(r"^\(?(?:\d ){2,}\d\)?$|^\((?:\d ?)+- ?(?:\d ?)+\)$")
YEAR_LINE = re.compile(r"^(?:\d ){3}\d$")  # a chronicle's year
ASTERISM = re.compile(r"^\*(?: \*){0,2}$")
CAPITALS = re.compile(r"[A-Z]{2}")
LOWER_CASE = re.compile(r"[a-z]")
# a sentence's or a clause's end, a footnote's sign after it or not, or an editor's or a
# translator's signing off a note (``—Ed.``)
SENTENCE_END = ends_sentence(CLAUSE_STOPS, MARKS, r"\u2014Ed\.$|\u2014Tr\.$")
LAST_LETTER = re.compile(r"[A-Za-z]$")  # a line's text ends in a word, no stop after it
# a line of text that ends inside a run of three words or more in capitals, no stop after
# them (a comma or a semicolon at most; a quotation, a clause set so: ``… the poet:
# “FAREWELL! A LONG FAREWELL TO ALL``): a line in capitals under it goes on with them (as
# it does under one ending in an article, ``ARTICLE_END``: ``… suggests the``
# ``REMEDY.``); not a line's last word or two in capitals (an acronym, a signer's name:
# ``… of the RSDLP``, ``Yours, F. ENGELS``), which a title may follow
CAPITALS_GOING_ON = AtEnd(r"[a-z].*?\b(?:[A-Z][A-Z’'-]*[,;!?]? ){2,}[A-Z]{2,}[,;]?$",
                          string.ascii_uppercase + ",;")
STOPPED = re.compile(rf"[{PAUSES}]$")  # … or in a comma or a stop: a salutation's, a sentence's
# a line ends no sentence: it ends in a word, inside one (broken by a hyphen or a dash), or
# in a comma, a note's marker in superscript figures after it or not (``widened.¹⁵`` ends one);
# not in a letter outside ASCII right after a stop (``GREATNESS.Ó``: a scan's stand-in for a
# quote, put right later)
UNENDED = re.compile(rf"(?:(?:(?<![{CLAUSE_STOPS}])[^\W\d_{SUPERSCRIPTS}]|[A-Za-z])[-–]?|,)"
                     rf"[{SUPERSCRIPTS}]*$")
# a word in lower case ends the line: its sentence goes on (not a letter after a stop, as an
# abbreviation's, nor a word's part after an apostrophe or a hyphen, ``don’t``, ``so-called``)
LOWER_END = re.compile(r"(?<![\w.\u2019'-])[a-z]+$")
# an article ends the line: no sentence, title or phrase ends in one (unstressed, it opens
# the phrase that runs on), nor does a verse line
ARTICLE_END = AtEnd(r"(?<![\w.\u2019'-])(?:a|an|the)$", "ane")
# … or a month (``… to October`` over ``1917.``)
GOING_ON = re.compile(rf"{LOWER_END.pattern}|\b{MONTH}(?: \d{{1,2}},?)?$")
SIGNATURE = 0.6  # a signature or source line is narrower than this share of the measure: in
# the sample such lines run to a quarter (``J. Stalin`` 0.15, ``Appendix 2`` 0.22, ``Pravda,
# No. 6,`` 0.27), the lines of its subtitles and sources from half up (set by hand between)
SHORT = 0.9  # a line narrower than this share of the measure is short: a sentence's last
# line, a display line, a signature; a line that runs on is wider


def is_display(line: str) -> bool:
    """A display line: capitals only (a title, ``I``, ``N O T E S``, ``1 9 2 1``)."""
    s = line.strip()
    if LOWER_CASE.search(s):  # the running text's lines, at once (no numeral has one either)
        return False
    if ROMAN_LINE.match(s) or SPACED_DIGITS.match(s):
        return True
    return not any(c.islower() for c in s) and bool(CAPITALS.search(s.replace(" ", "")))


def letter_spaced(line: str) -> bool:
    """A line mostly letter-spaced (``M a k e a n a l l``): its width says nothing of
    an indent, for the OCR keeps no word spaces in it."""
    tokens = line.split()
    return sum(len(t.strip(".,;:()")) == 1 for t in tokens) > len(tokens) / 2


def is_label(line: str, measure: float) -> bool:
    """A short line ending no sentence (``Appendix 2``): over a title, it is the title's
    label, not the end of the paragraph before it."""
    return width(line) < SIGNATURE * measure and not SENTENCE_END.search(line.strip())


def section_number(line: str, measure: float) -> int:
    """The number of a short line that could head a numbered section (``2. The Question
    Stated``, ``IV. Conclusion``): a label with a number before it; 0 for any other line.
    (Whether it does, the lines around it say: ``paragraphs``.)"""
    m = NUMBERED_HEAD.match(line.strip())
    if not m or not is_label(line, measure):
        return 0
    number = m["number"]
    if number.isdecimal():
        return int(number)
    value = roman_value(number)
    return value if to_roman(value) == number else 0


def is_signature(line: str, measure: float) -> bool:
    """A short line of capitalised words ending no sentence: a signature (``J. Stalin``),
    a letter's close (``Yours,``), or a source after a dash under a quotation or an
    epigraph (``—Shelley``)."""
    return width(line) < SIGNATURE * measure and bool(NAME_LINE.match(line))


# a number's label over a title: a word or two and a number (``No. 6``, ``NUMBER VIII``,
# ``FEDERALIST No. 10``)
_NUMBER_LABEL = re.compile(r"^(?:[A-Z][A-Za-z]*\.? ){1,2}(?:\d{1,3}|[IVXLC]+)\.?$")
LABEL_WORDS = 3  # the most words such a label holds, its number one of them


def is_number_label(line: str) -> bool:
    """Whether a line is a word or two and a number, as a title's label is set over it."""
    return _NUMBER_LABEL.match(line.strip()) is not None


def is_work_label(line: str) -> bool:
    """Whether a line is a work's number's label (``is_number_label``), or its roman
    numeral alone (``VI.``; a figure alone is a folio), as set over its title."""
    return is_number_label(line) or ROMAN_LINE.fullmatch(line.strip()) is not None


def is_dated(line: str) -> bool:
    """Whether a line is a date alone, or a place and a date (``Tiflis, May 1, 1931``)."""
    s = line.strip()
    return bool(DATELINE.match(s[m.end():] if (m := _PLACE.match(s)) else s))


def dates_work(line: str) -> bool:
    """Whether a line dates a work as a line by its title does: a date (``is_dated``), or
    one led by a word and a preposition (``Written in October 1858``)."""
    return is_dated(line) or bool(LED_DATE.match(line.strip()))


def is_salutation(line: str) -> bool:
    """Whether a line under a title is a letter's salutation, not a subtitle: it ends in a
    comma (``Dear Comrade Gorky,``)."""
    return line.endswith(",")


@lru_cache(maxsize=32768)  # (a volume's lines, each after its own: a read of the sample asks
# 71k times of 27k pairs, the passes asking of the same lines)
def line_kind(line: str, previous: str, turned: bool = False) -> str:
    """What a line starts: "asterism", "heading", "dateline", "point", "note", "entry", "text".
    A line in capitals under one ending in capitals going on, or in an article, is text;
    not under an article where the page turns between them (``turned``): the sentence goes
    on in lower case, and a line in capitals opening the page may be furniture the layout
    left (a stamp seen once over the head)."""
    s = line.strip()
    if "a" <= s[:1] <= "z":  # a sentence going on, or a lettered point (``b) …``): every
        return "point" if POINT.match(s) else "text"  # other kind opens otherwise
    if ASTERISM.match(s):
        return "asterism"
    if is_display(s) and not closes_sentence(s, previous) \
            and not CAPITALS_GOING_ON.search(previous) \
            and (turned or not ARTICLE_END.search(previous)):
        return "heading"
    if DATELINE.match(s) and not going_on(previous):
        return "dateline"
    if POINT.match(s):
        return "point"
    if NOTE_START.match(s) and (NOTE_END.search(previous) or is_display(previous)):
        return "note"
    if ENTRY.match(s) and (SENTENCE_END.search(previous) or not previous):
        return "entry"
    return "text"


def closes_sentence(line: str, previous: str) -> bool:
    """Whether ``line``, a roman numeral and its stop, ends the sentence of the line of text
    before it, which ends in a word (``… and 3 of Part`` ``II.``): no section's numeral, which
    follows a paragraph's or a title's end."""
    return bool(ROMAN_LINE.match(line) and line.endswith(".") and LOWER_CASE.search(previous)
                and LAST_LETTER.search(previous.rstrip()))


def going_on(line: str) -> bool:
    """Whether ``line`` ends in a lower-case word or a month: its sentence goes on, and a
    date on the next line is the sentence's (``… the revolution of`` ``1905.``, ``… to
    October`` ``1917.``)."""
    return bool(GOING_ON.search(line.rstrip()))


def runs_on(line: str, after: str) -> bool:
    """Whether ``line`` runs on into ``after`` inside a sentence (and a word)."""
    return (not SENTENCE_END.search(line) and not line.endswith("-")
            and line_kind(after, line) == "text")
