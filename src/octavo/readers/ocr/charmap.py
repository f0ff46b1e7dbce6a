"""Pass 2: the scan's stand-in characters, worked out from where they stand, and put right.

Scans mangle typography in their own ways: one sets ``³``/``²`` for double quotes,
``¹`` for the apostrophe and ``‹`` for the dash, another keeps straight ASCII quotes,
a third has the right Unicode already.  Which character plays which part is read off
its neighbours across the volume:

- the apostrophe stands between letters, mostly before ``s``, ``t``, ``re``, ``ve``,
  ``ll``, ``d`` or ``m`` (``Party¹s``, ``don¹t``; in capitals in a title, ``WORKER¹S``),
  else where a word is elided (``L¹Égalité``), and closes the single quotes; a character
  that stands so once at least stands for it after a plural's ``s`` too, in a phrase set
  so twice or more (a name: ``Workers¹ Party``), where a closing quote or a note's marker
  may stand but seldom in a phrase given again, and never between letters;
- the dash stands between words without spaces (``question‹the``, ``man‹i.e.``), or
  after a sentence's end before a word (``mounted.‹Ed.``), or ends a line;
- the hyphen mostly ends a line after a letter, where a word breaks (``acceler–``);
- an opening quote stands after a space and before a word, a closing one after a word
  and before a space; the commoner pair are the double quotes, and the opening
  character that the apostrophe closes opens the single ones (where it opens alone, the
  text quotes in single quotes only, and no character closes double ones);
- straight quotes (``"``, ``'``) open or close by the same neighbours, one at a time;
- a typewriter's double hyphen between words, or ending a line, is a dash, and two grave
  accents and two straight single quotes, where it has the first, are the double quotes;
- a volume that prints no real quote or dash anywhere, and no stand-in for one, but
  straight quotes or double hyphens is a typewriter's (its scan or transcription keeps the
  marks typed): there every ``--`` or ``---`` between words or after a stop is the dash,
  and ``"`` and ``'`` are read one by one from their neighbours and their pairs in a
  paragraph (``_typed``), as an e-book's ``smart`` quotes are.

A character takes a part only where most of its occurrences stand so, three at least
or two that both do (a short text's rare quotes), or, in a text that quotes once, the
two characters seen once that open a word and then, not far on, close one; a
superscript figure glued to a word (``question³``) stands where a note's marker does, so
there it is no opening quote (nor, ending a line, a hyphen or a dash), and is judged by
its other occurrences and left a figure (the links pass tells markers among the closing
quotes and apostrophes its figures became); letters stay letters (``é`` stands inside
words, but not before ``s`` or ``t`` alone), unless seen once glued to a word that is
one without it (``Òthe``).  Then a zero misread for a capital O at the start of a word
(``0n the``) is put right, and the space
the OCR leaves before an apostrophe or a closing quote is closed up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..textlines import PUNCTUATION, STOPS, SUPERSCRIPTS, WORD_CLOSES
from . import indents
from .footnotes import MARKS
from .words import zipf

if TYPE_CHECKING:
    from .pages import Page

OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, APOSTROPHE, DASH, HYPHEN = "“", "”", "‘", "’", "—", "-"
_OPENING = (OPEN_DOUBLE, OPEN_SINGLE)
# what a printer sets and a typewriter has not: a text with any of these is no typewriter's
_REAL = frozenset((OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, APOSTROPHE))  # the quotes themselves
PRINTED = _REAL | {DASH, "–"}
COMMON = frozenset(".,;:!?()[]{}-/&%*+=§°#@$|_\\†‡¶")  # punctuation that means itself
# (the footnote marks among it: a dagger after a sentence's end stands as a closing quote)
# the code pages a scan's text may have been saved in before it was read back as Latin-1
# or cp1252, and that set the quotes and dashes bytes of their own there: a Mac's (DOS's
# pages have none, and type straight quotes: ``typewriter``)
CODE_PAGES = {"mac_roman": "Mac Roman"}
NAMED = 2  # learnt stand-ins that must agree with a code page to name it: one may by chance
# (a letter of the page that stands where a mark does)
MIN_COUNT = 3  # fewer occurrences say nothing of a character's part, unless …
AGREED = 2  # … as many as this all stand as one part does (a short text's rare quotes)
MOST = 0.5  # the share of a character's occurrences that must stand as its part does
# characters within which a quote opened is closed, a paragraph's dozen lines: in the sample
# 602 of its 603 quotations close within them (median 18, 99% within 555; the one longer, a
# passage of 30 lines, 2127), in othervolumes 1-30 all 88 (at most 499)
QUOTED = 1000
_CONTRACTION = r"(?:s|t|re|ve|ll|d|m)\b"
ZERO_FOR_O = re.compile(r"(?<![\w.,])0(?=[a-z])")
SPACE_BEFORE_APOSTROPHE = re.compile(r"(?<=\w) \u2019(?=s\b)")
# a closing quote spaced off a word or its punctuation (``Unity, ” drafted``; not off a
# bracket, which closes a word too: ``WORD_CLOSES``)
SPACE_BEFORE_CLOSING = re.compile(rf"(?<=[\w{PUNCTUATION}]) \u201d(?=\s|$)")


@dataclass
class CharMap:
    """What each stand-in character means (``fixed``), and the straight quotes that open
    or close by their neighbours (``straight``)."""

    fixed: dict[str, str] = field(default_factory=dict)
    straight: frozenset[str] = frozenset()
    double_hyphen: bool = False  # ``--`` is the dash
    marks: bool = False  # notes' markers are set in superscript figures (``question⁵``)
    typewriter: bool = False  # the typewriter's marks, ``--``, ``"`` and ``'``, read
    # by their neighbours (``_typed``)
    code_page: str = ""  # the name of the code page the text was saved in and read back as Latin-1
    # or cp1252, where its stand-ins are that page's quotes and dashes (``_code_page``)

    def translate(self, text: str) -> str:
        """``text`` with its double hyphens made dashes (where they are) and each stand-in
        replaced: by ``str.replace``, a fast scan for each (a fifth of the time of
        ``str.translate``, which looks every character up), unless a replacement holds
        another stand-in, which would then be replaced in turn."""
        if self.double_hyphen and "--" in text:
            text = text.replace("--", DASH)
        if self.typewriter:
            text = _typed(text)
        changed = {a: b for a, b in self.fixed.items() if a != b}
        for figure in [a for a, b in changed.items() if a in SUPERSCRIPTS and b in _OPENING]:
            # where a note's marker stands, an opening quote never does: the figure is kept
            quote = changed.pop(figure)
            text = re.sub(figure, lambda m, q=quote: m[0] if _MARKER.match(m.string, m.start())
                          else q, text)
        if any(a in b for b in changed.values() for a in changed):
            return text.translate(str.maketrans(changed))
        for a, b in changed.items():
            text = text.replace(a, b)
        return text

    def standing(self) -> dict[str, str]:
        """The quotes put for superscript figures, where a note's marker may have stood:
        ``{"”": "²"}``."""
        return {b: a for a, b in self.fixed.items()
                if self.marks and a in SUPERSCRIPTS and b in (CLOSE_DOUBLE, APOSTROPHE)}

    def describe(self) -> str:
        parts = [f"{self.code_page} read as Latin-1 or cp1252"] if self.code_page else []
        parts += [f"{a} → {b}" for a, b in sorted(self.fixed.items()) if a != b]
        parts += [f"{c} → opening or closing by its neighbours" for c in sorted(self.straight)]
        parts += ["-- → —"] * self.double_hyphen
        parts += ["a typewriter's: -- → —; \" → “ ” and ' → ‘ ’ by their neighbours"
                  ] * self.typewriter
        return "; ".join(parts) or "none: the text's quotes and dashes are right as they are"


@dataclass
class _Stands:
    """Where a character stands, counted over the volume."""

    total: int = 0
    opening: int = 0  # after a space or the line's start, before a word
    closing: int = 0  # after a word or punctuation, before a space, punctuation or the end
    inside: int = 0  # between two letters
    contraction: int = 0  # between letters, before a contraction's or possessive's ending,
    # or after an elided word of one letter
    plural: int = 0  # after a word's ``s`` and before a space and a word, in a phrase the
    # text sets so twice or more: a plural's possessive in a name (``Workers’ Party``), where a
    # closing quote or a note's marker may stand too, but seldom in a phrase given again
    dash: int = 0  # between two words, after a sentence's end before one, or after a word
    # at the line's end
    broken: int = 0  # after a letter at the line's end
    marker: int = 0  # a superscript figure where a note's marker stands: glued after a word,
    # a stop or another figure, before no letter (``question³``, ``¹³``)
    figure: int = 0  # a superscript figure beside another: a figure of a marker's number
    # (``¹⁴``, ``²⁰``), never a quote


# … in lower case, or in capitals after a word in capitals (a title's ``WORKER’S``)
_CONTRACTION_AFTER = re.compile(rf"{_CONTRACTION}|(?<=[A-Z].)(?:S|T|RE|VE|LL|D|M)\b")
# a word's letters: not superscript figures, which Unicode counts as word characters but no
# digits (``report.¹⁰`` ends in a marker, not a word ``¹`` and a dash); right before the
# character (``\Z``: ``$`` would also match before a line break, and take the last word of
# the line before for one beside a character opening its line)
NEAR = 30  # characters either side a word's letters are looked for in (a long word's)
_WORD_BEFORE = re.compile(rf"[^\W\d_{SUPERSCRIPTS}]+\Z")
_WORD_AFTER = re.compile(rf"[^\W\d_{SUPERSCRIPTS}]+")
_DOUBLE_HYPHEN = re.compile(r"--(?<=[^\W\d_]--)(?=[^\W\d_]|$)", re.MULTILINE)  # a dash
_ABBREVIATED = re.compile(r"\.\w\.")  # a word of one letter after a dash: ``~i.e.``
_OPENS_AFTER = frozenset("([—\n")  # after white space, these, or the line's start
# before white space, these, or the line's end (the quotes' stand-ins not yet known)
_CLOSES_BEFORE = frozenset(f"{WORD_CLOSES}\n")
# after which a closing quote stands: these, or a footnote's mark (``profit.”*``), as
# before a space
_CLOSES_AFTER = _CLOSES_BEFORE | frozenset(MARKS)
_STOPS = frozenset(STOPS)  # a sentence's end, that a dash may follow before a word
_MARKER = re.compile(rf"(?<=[\w{WORD_CLOSES}]).(?![^\W\d_{SUPERSCRIPTS}])")  # where a marker stands


def _count(text: str, char: str) -> _Stands:
    """Where ``char`` stands across the text, looked at one occurrence at a time.  A
    letter-like character counts only beside whole words (``Œ`` may stand in for a
    quote; ``é`` is a letter: ``émigr`` and ``migr`` are no words), or a word with one
    such character past it (``ÒnationalÓ``: a word quoted alone)."""
    stands = _Stands()
    phrases: Counter[tuple[str, str]] = Counter()  # (the plural, the word after it)
    letter = char.isalpha()
    at = text.find(char)
    while at >= 0:
        stands.total += 1
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < len(text) else "\n"
        left, right = _beside(text, at)
        if letter:  # beside a letter run that is no word, or spelling a word with its
            # neighbours (``Cæsar``: not ``C`` elided before ``sar``), it is a letter of it
            whole = zipf(_spelt(left, char, right).lower())
            left = left if left and not (whole and right) and _a_word(left[0], 0, whole) \
                else None
            right = right if right and not (whole and left) and _a_word(right[0], -1, whole) \
                else None
        # (or an elision's, after a word of one letter: ``L’Égalité``, ``d’Arc``)
        contraction = bool(left and (_CONTRACTION_AFTER.match(text, at + 1) or (
            len(left[0]) == 1 and after.isalpha())))
        if (before.isspace() or before in _OPENS_AFTER) and (right or after in "(0123456789"):
            stands.opening += 1
        figure = char in SUPERSCRIPTS and (before in SUPERSCRIPTS or after in SUPERSCRIPTS)
        stands.figure += figure
        if not figure and (left or before in _CLOSES_BEFORE or before.isdigit()) and (
                after.isspace() or after in _CLOSES_AFTER):
            stands.closing += 1
        if before.isalpha() and after.isalpha():
            stands.inside += 1
        # a title's line in capitals ends so (WORKERS' / CONTROL): no word broken, no dash
        titled = after == "\n" and before.isupper() and text[at + 2:at + 3].isupper()
        # (a superscript figure after a word at the line's end is a note's marker there)
        marker = char in SUPERSCRIPTS and _MARKER.match(text, at) is not None
        ends = after == "\n" and not titled and not marker
        stands.broken += before.isalpha() and ends
        stands.contraction += contraction
        if left and before in "sS" and after == " " and (word := _WORD_AFTER.match(text, at + 2)):
            phrases[left[0].lower(), word[0].lower()] += 1
        stands.marker += marker
        between = right and not contraction and (len(right[0]) >= 2 or _ABBREVIATED.match(
            text, right.end()))  # before a word (``man‹i.e.``), after a word or a stop
        if (left and (ends or (between and len(left[0]) >= 2))) or (
                between and before in _STOPS):  # ``mounted.‹Ed.``
            stands.dash += 1
        at = text.find(char, at + 1)
    stands.plural = sum(n for n in phrases.values() if n >= AGREED)
    return stands


def _a_word(run: str, far: int, whole: float) -> bool:
    """Whether a run of letters beside a letter-like character is a word, or one with
    another such character at its far end (``far``: 0 for a run before it, -1 after) where
    the letters with the character are no word (``whole``: their frequency): a word quoted
    alone between two stand-ins (``ÒnationalÓ``), not a word's letters (``émigrés``)."""
    trimmed = run[1:] if far == 0 else run[:-1]
    return zipf(run.lower()) > 0 or (not whole and not run[far].isascii()
                                     and len(trimmed) >= 2 and zipf(trimmed.lower()) > 0)


def _candidates(text: str) -> tuple[dict[str, _Stands], dict[str, _Stands]]:
    """Where each character that may stand in for another stands: any but ASCII letters,
    digits and plain punctuation, if it stands often enough to tell, or every time as one
    part does; and, apart, those seen once (which may quote once: ``_quoted_once``)."""
    found, once = {}, {}
    for ch in sorted(set(text)):
        if (ch.isalnum() and ch.isascii()) or ch.isspace() or ch in COMMON:
            continue
        stands = _count(text, ch)
        if stands.total >= MIN_COUNT or (stands.total >= AGREED and stands.total in (
                stands.opening, stands.closing, stands.contraction, stands.dash,
                stands.broken, stands.marker)):
            found[ch] = stands
        elif stands.total == 1:
            once[ch] = stands
    return found, once


def _opens(stands: _Stands) -> bool:
    """Whether a character opens words where it stands, mostly, as a quote does (its
    stands as a note's marker left out)."""
    return bool(stands.opening) and stands.opening >= MOST * (stands.total - stands.marker)


def _quoted_once(text: str, once: dict[str, _Stands], apostrophes: list[str]) -> dict[str, _Stands]:
    """Of the characters seen once (``once``), a pair that quotes once: the first that opens
    a word and the nearest after it, within ``QUOTED`` characters, that closes one (a short
    text's one quotation; a note's marker opens none), a superscript figure only where no
    other character closes one there (``“If … year,⁸ you … profit.”``: a figure after a
    word may be the note's marker it looks like), no ``apostrophes`` closing a word
    between them (the opener's a single quote's, closed by the apostrophe: ``Õwages¦.``).
    A letter takes a quote's part only where the word it is glued to is a word without it
    (``Òthe``, ``capital.Ó``; not ``café``)."""
    at = {ch: text.find(ch) for ch in once}
    closing = re.compile(f"[{re.escape(''.join(apostrophes))}](?![^\\W\\d_])") \
        if apostrophes else None
    openers = sorted((ch for ch in once if once[ch].opening
                      and _glued(text, at[ch], 1, once)), key=at.__getitem__)
    for opener in openers:
        closers = [ch for ch in once if once[ch].closing
                   and at[opener] < at[ch] <= at[opener] + QUOTED
                   and _glued(text, at[ch], -1, once)]
        if closers:
            closer = min(closers, key=lambda ch: (ch in SUPERSCRIPTS, at[ch]))
            if closing and closing.search(text, at[opener], at[closer]):
                continue
            return {opener: once[opener], closer: once[closer]}
    return {}


def _glued(text: str, at: int, step: int, once: Container[str]) -> bool:
    """Whether the quote at ``at`` begins (``step`` 1) the word after it or ends (``step``
    -1) the word before it and its stops, up to a character seen once (``once``: the quote
    at its other end, ``ÒnationalÓ``), and, if the quote is a letter, the word is one the
    reader knows without it and not with it (``Òthe``; not ``École``, ``café``).  Known is
    in wordfreq's English table at all (``words.zipf`` above 0), the table every word
    decision of the reader asks, not a frequency set here; the volume's own words are
    counted only after this pass, on the text it repairs (``words.Vocabulary``)."""
    end = at + step
    while step < 0 and end >= 0 and text[end] in _CLOSES_BEFORE and text[end] != "\n":
        end += step
    start = end
    while 0 <= end < len(text) and text[end].isalpha() and text[end] not in once:
        end += step
    word = text[start:end] if step > 0 else text[end + 1:start + 1]
    glued = f"{text[at]}{word}" if step > 0 else f"{word}{text[at]}"
    return bool(word) and (not text[at].isalpha() or zipf(word.lower()) > 0 == zipf(glued.lower()))


def learn(lines: list[str]) -> CharMap:
    """The volume's stand-in characters and what they mean, from where they stand."""
    text = "\n".join(lines)
    stands, once = _candidates(text)
    fixed: dict[str, str] = {}
    straight = frozenset(ch for ch in "\"'" if ch in stands
                         and stands[ch].opening and stands[ch].closing)
    # every occurrence bears an apostrophe out where it stands between letters (a
    # possessive's, or an elision's: ``L’Égalité``) or closes a word (``workers’``); a
    # character that stands so once at least, and opens no word, is a plural's apostrophe
    # where one stands in a phrase set twice or more (``weaver’s`` beside ``Workers’
    # Society``: a closing quote or a note's marker never stands between letters)
    apostrophes = _standing(stands, lambda s: s.contraction + (
        s.plural if s.contraction and not s.opening else 0), exclude=straight,
                            agrees=lambda s: s.inside + s.closing)
    if any(ch.isalpha() for ch in apostrophes):  # a letter beside a letter that stands in
        # for the apostrophe, looked at again with it read so (``LÒÉgalité``: an elided
        # ``Égalité``, no dash between two words)
        read = text.translate({ord(ch): APOSTROPHE for ch in apostrophes})
        stands.update({ch: _count(read, ch) for ch in stands
                       if ch.isalpha() and ch not in apostrophes})
    # a pair seen once quotes where no character opens words but the single quote's, that
    # the apostrophe closes (a text that quotes once in double quotes, once in single ones)
    openers = [ch for ch, s in stands.items() if _opens(s) and ch not in apostrophes]
    if set(openers) <= _closed_by(text, openers, apostrophes, {
            ch for ch, s in stands.items() if s.closing and ch not in apostrophes}):
        stands.update(_quoted_once(text, once, apostrophes))
    fixed.update(dict.fromkeys(apostrophes, APOSTROPHE))
    fixed.update(dict.fromkeys(_standing(stands, lambda s: s.broken, exclude=straight,
                                         among=lambda s: s.total), HYPHEN))
    fixed.update(dict.fromkeys(_standing(stands, lambda s: s.dash, exclude={*fixed, *straight}),
                               DASH))
    taken = {*fixed, *straight}
    # the commoner first, but a quote that is the real one already first of all: in a text
    # of correct Unicode, its apostrophes (``workers’``) may close words more often than ”
    # a superscript figure opening words is a quote's stand-in wherever it does not stand as
    # a note's marker: its markers are left out of its count (a volume may set both)
    # (of two or more, the one the apostrophe closes opens the single quotes: last)
    opening = [ch for ch, s in stands.items() if ch not in taken and _opens(s)]
    closers = {ch for ch, s in stands.items() if ch not in taken and s.closing}
    closed = _closed_by(text, opening, apostrophes, closers)  # (the apostrophe closes)
    singles = closed if len(opening) >= 2 else set()
    opening.sort(key=lambda ch: (ch != OPEN_DOUBLE, ch in singles, -stands[ch].total))
    closing = sorted((ch for ch, s in stands.items() if ch not in taken
                      and s.closing and s.closing >= MOST * (s.total - s.figure)
                      and ch not in opening[:1]),
                     key=lambda ch: (ch != CLOSE_DOUBLE, -stands[ch].total))
    # a text that quotes in single quotes alone: its one opening character, which the
    # apostrophe closes, opens them, and pairs with no closing quote of its own
    alone = len(opening) == 1 and bool(closed)
    if opening and closing and not alone:
        fixed[opening[0]] = OPEN_DOUBLE
        fixed[_closer(text, opening.pop(0), closing)] = CLOSE_DOUBLE
    if opening and apostrophes:
        fixed[opening[0]] = OPEN_SINGLE
    # a real quote stands for no other the text prints itself (``‘wages’`` beside one
    # ``“…”``: a text in the real quotes that quotes in single ones)
    fixed = {ch: to for ch, to in fixed.items()
             if not (ch in _REAL and to in _REAL and to != ch and to in text)}
    # a superscript figure standing as a marker, that stands in for no closing quote, says
    # that the volume sets its markers so (a closing quote's stand-in may be either)
    marks = any(stands[ch].marker for ch in SUPERSCRIPTS if ch in stands
                and fixed.get(ch, ch) not in (CLOSE_DOUBLE, APOSTROPHE))
    if _typewritten(text, fixed, straight):
        fixed = {ch: to for ch, to in fixed.items() if ch not in "\"'"}
        return CharMap(fixed, frozenset(), False, marks, typewriter=True)
    page, meant, own = _code_page(text, fixed)
    fixed = {ch: to for ch, to in fixed.items() if ch not in own}
    dashes = len(_DOUBLE_HYPHEN.findall(text)) if "--" in text else 0
    return CharMap(fixed | meant, straight, dashes >= MIN_COUNT, marks, code_page=page)


def _byte(ch: str) -> int | None:
    """The byte above ASCII that ``ch`` was, read as cp1252 or Latin-1 (which reads the five
    bytes cp1252 leaves undefined as C1 controls), else None."""
    try:
        code = ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        code = ord(ch)
    return code if 0x80 <= code <= 0xFF else None


def _code_page(text: str, fixed: dict[str, str]) -> tuple[str, dict[str, str], set[str]]:
    """The code page whose quotes and dashes the learnt stand-ins are, as its bytes read in
    Latin-1 or cp1252 show them (a Mac's ``Õ`` for ’, ``Ò`` ``Ó`` for “ ”, ``Ñ`` for —),
    and the characters above ASCII that it reads as the letters of the words they stand in
    (``C¾sar``: Cæsar), whatever part one seemed to play where it stood, and the marks it
    reads in characters too rare for their part to be learnt (``MIN_COUNT``), or that spell
    no word as letters where they stand (``peopleÑa people``: a dash glued to the words, a
    letter's place, so no dash's part learnt). Two stand-ins
    agreeing (``NAMED``) and none that disagrees tell the page; a character that the page
    reads as a letter spelling no word (a note's ``¹`` after ``question``, a ``†``) is the
    volume's own (a scan may set the page's stand-ins beside real marks).  So is a real
    quote or dash, but where the page's letter spells words in its place, after a word's
    first letters: read back as cp1252, a Mac's í ì î ë ñ ó show as ’ “ ” ‘ – — (``Bol’var``,
    ``Bront‘``), though its quotes are stand-ins.  Those marks are read first, the page's
    other letters then, each about the letters read so (``Nœ–ez``: Núñez).  A superscript
    figure learnt as a stand-in that the page reads as no mark, for a mark it has a
    character of its own for in the text, is read as itself (the third of what it gives:
    the characters of ``fixed`` to drop): a note's marker (``worker² in``)."""
    high = {ch: code for ch in set(text) if (code := _byte(ch)) is not None}
    for page in CODE_PAGES:
        read = {ch: bytes([code]).decode(page) for ch, code in high.items()}
        stand_ins = {ch: to for ch, to in read.items() if ch not in PRINTED}
        marks = [ch for ch in fixed if stand_ins.get(ch, "") in PRINTED]
        if len(marks) >= NAMED and all(_kind(stand_ins[ch]) == fixed[ch] for ch in marks):
            meant = stand_ins | {ch: to for ch, to in read.items() if ch in PRINTED
                                 and to.isalpha() and _spells(text, ch, to, stand_ins)}
            letters = {ch: to for ch, to in meant.items()
                       if to.isalpha() and _spells(text, ch, to, meant)}
            rare = {ch: to for ch, to in stand_ins.items()
                    if to in PRINTED and ch not in fixed and (
                        text.count(ch) < MIN_COUNT or not _spells(text, ch, ch, stand_ins))}
            # a learnt stand-in the page reads as no mark, for a mark the page has a
            # character of its own for in the text, is the volume's own (a note's ``²``
            # taken for the ” that follows quotes' openings, where the page's ``Ó`` is)
            owned = {to: ch for ch, to in stand_ins.items() if to in PRINTED and ch not in fixed}
            own = {ch for ch, to in fixed.items() if ch in SUPERSCRIPTS
                   and stand_ins.get(ch, to) not in PRINTED and to in owned}
            return CODE_PAGES[page], letters | rare | {owned[fixed[ch]]: fixed[ch]
                                                       for ch in own}, own
    return "", {}, set()


def _spells(text: str, char: str, letter: str, meant: dict[str, str]) -> bool:
    """Whether ``letter`` in the place of ``char`` spells a word the reader knows with the
    letters beside it, read by the same page (``meant``: ``C¾sarÕs`` is Cæsar’s), at most
    of its occurrences (``MOST``); a real mark's only after a word's first letters (the
    page's letters open almost no word, and a real apostrophe opening one would spell
    some: ``1890’s``, ``rock ’n roll``, ís, ín)."""
    page = str.maketrans(meant)
    spelt = total = 0
    for at in (m.start() for m in re.finditer(re.escape(char), text)):
        start = max(0, at - NEAR)  # (the page's letters, one for one: the places stand)
        left, right = _beside(text[start:at + NEAR + 1].translate(page), at - start)
        word = _spelt(left, letter, right)
        total += 1
        spelt += (bool(left) or char not in PRINTED) and len(word) > 1 \
            and zipf(word.lower()) > 0
    return spelt > MOST * total


def _beside(text: str, at: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The runs of a word's letters right before and after the character at ``at``."""
    return _WORD_BEFORE.search(text, max(0, at - NEAR), at), _WORD_AFTER.match(text, at + 1)


def _spelt(left: re.Match[str] | None, char: str, right: re.Match[str] | None) -> str:
    """``char`` with the runs of letters beside it (``_beside``)."""
    return f"{left[0] if left else ''}{char}{right[0] if right else ''}"


def _kind(mark: str) -> str:
    """A mark as the learner tells it: a dash is a dash, long or short."""
    return DASH if mark == "–" else mark


def _typewritten(text: str, fixed: dict[str, str], straight: frozenset[str]) -> bool:
    """Whether the text is a typewriter's: it prints no real quote or dash anywhere (one
    would say the printer had them, and a straight one elsewhere is the OCR's slip), no
    character stands in for one (``fixed``; an apostrophe's stand-in alone says nothing of
    the quotes), and it quotes in straight quotes (``straight``: they open and close
    words) or sets a double hyphen where a dash stands.  Nothing is counted against a
    share: one printed mark, or one typed, decides."""
    return not PRINTED & set(text) and not {OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, DASH} & set(
        fixed.values()) and bool(straight or _TYPED_DASH.search(text))


def _closed_by(text: str, opening: list[str], apostrophes: list[str], closers: set[str]
               ) -> set[str]:
    """Of the characters that open words (``opening``), those the apostrophe closes more
    often than not: the first closing character after one is an apostrophe ending a word
    (``Òwages¦.``), not one of the other ``closers`` (``¬If … profit.¤``)."""
    if not apostrophes or not opening:
        return set()
    parts = [f"(?P<open>[{re.escape(''.join(opening))}])",
             f"(?P<apostrophe>[{re.escape(''.join(apostrophes))}])(?![^\\W\\d_])"]
    parts += [f"(?P<close>[{re.escape(''.join(closers - set(opening)))}])"] * bool(
        closers - set(opening))
    votes = {ch: 0 for ch in opening}  # closed by the apostrophe, less closed otherwise
    opener = ""
    # (each match one character: the pattern is tried only where a scan for any of them
    # finds one; its alternation of groups, tried at every character of the volume, took
    # a sixteenth of the sample's read)
    pattern = re.compile("|".join(parts))
    anyone = re.escape("".join(sorted({*opening, *apostrophes, *closers})))
    for at in re.finditer(f"[{anyone}]", text):
        if not (found := pattern.match(text, at.start())):
            continue
        if found["open"]:
            opener = found["open"]
        elif opener:
            votes[opener] += 1 if found["apostrophe"] else -1
            opener = ""
    return {ch for ch, vote in votes.items() if vote > 0}


def _closer(text: str, opener: str, closing: list[str]) -> str:
    """Of the characters that stand as closing quotes (``closing``, the likelier first),
    the one that most often comes first after the ``opener``: a quote closes what it
    opened a few words before; a note's marker set as a superscript figure that passes for
    a quote (``¹``) stands where the notes fall.  A text that opens with the real quote
    closes with the real one where it has it (a marker ``¹⁰`` inside its one quotation may
    come first after the opener)."""
    if opener == OPEN_DOUBLE and CLOSE_DOUBLE in closing:
        return CLOSE_DOUBLE
    votes = dict.fromkeys(closing, 0)
    opened = False
    for found in re.finditer(f"[{re.escape(opener + ''.join(closing))}]", text):
        if found[0] == opener:
            opened = True
        elif opened:
            votes[found[0]] += 1
            opened = False
    return max(closing, key=votes.__getitem__)


def _standing(stands: dict[str, _Stands], part: Callable[[_Stands], int], exclude: Container[str],
              agrees: Callable[[_Stands], int] | None = None,
              among: Callable[[_Stands], int] = lambda s: s.inside or s.total) -> list[str]:
    """The characters that stand so in most of their occurrences ``among`` those that
    could (between letters, for an apostrophe or a dash; a scan may use two characters for
    one part: an OCR's stray straight apostrophe beside its stand-in), ``MIN_COUNT`` times
    at least, or ``AGREED`` times where every occurrence bears the part out (stands so, or
    as ``agrees`` counts: an apostrophe also closes a word)."""
    agrees = agrees or part
    return sorted(ch for ch, s in stands.items() if ch not in exclude
                  and (part(s) >= MIN_COUNT or (part(s) >= AGREED and agrees(s) >= s.total))
                  and part(s) >= MOST * among(s))


_GAP_BEFORE_POSSESSIVE = re.compile(r"(?<=\w) '(?=s\b)")
_STRAIGHT_OPEN = {'"': OPEN_DOUBLE, "'": OPEN_SINGLE}
_STRAIGHT_CLOSE = {'"': CLOSE_DOUBLE, "'": APOSTROPHE}


def _educate(line: str, straight: frozenset[str]) -> str:
    """Straight quotes made curly: opening after a space or the start, else closing; a
    straight apostrophe before ``s`` alone after a word and the OCR's gap is the
    possessive's (``Party 's``: ``Party’s``), as its stand-in is."""
    if "'" in straight:
        line = _GAP_BEFORE_POSSESSIVE.sub("’", line)
    for ch in straight:
        line = re.sub(rf"(?:(?<=[\s(\[—])|^){re.escape(ch)}(?=\S)", _STRAIGHT_OPEN[ch], line)
        line = line.replace(ch, _STRAIGHT_CLOSE[ch])
    return line


# a typewriter's dash: two or three hyphens after a word, a stop, a closing quote or
# bracket, or opening a line, before a word, an opening quote or bracket, or the line's
# end (``First.--The``, ``subtle--not``, ``original.--``); spaced between words too
# (``man -- the``), or opening a line before a spaced word (an attribution: ``-- K. Marx``);
# never between figures (``1917--18``) nor a single hyphen
_TYPED_DASH = re.compile(r"(?:(?<=[^\W\d_]|[.,;:!?'\")\]])|^)-{2,3}(?=[^\W\d_]|[\"'(\[]|$)"
                         r"|(?:(?<=[^\W\d_] )|^)-{2,3}(?= [^\W\d_])", re.MULTILINE)
_TYPED_QUOTE = re.compile("[\"']")
_OPENS_TYPED = frozenset(f"([{{—{OPEN_DOUBLE}{OPEN_SINGLE}")  # after these a quote opens
_CLOSES_TYPED = frozenset(".,;:!?)]}—")  # before these, as before white space, one closes
# a paragraph's end: a blank line, past which no quote is paired
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _typed(text: str) -> str:
    """A typewriter's text with its marks as printed: each dash (``_TYPED_DASH``) an em
    dash, where the text opens a quotation with two grave accents (as some typists and
    TeX do) those and two ``'`` the double quotes, then each straight quote by its
    neighbours.  ``"`` opens after white space, the
    text's start, an opening bracket, quote or dash, before a word; closes after one; and
    where it stands between spaces or between letters, opens unless a ``"`` opened within
    the paragraph (a blank line ends it; ``QUOTED`` characters at most) is still open.
    ``'`` is the apostrophe (’) inside a word, at a word's end (``workers'``: the single
    quote closes with the same mark), before a figure (``'48``) and in the OCR's gap before
    a possessive's ``s`` (``Party 's``); where it opens a word it opens a single quote
    only if a ``'`` closing a word follows within the paragraph before another opens one
    (``'old guard'``), else it is an elision's apostrophe (``'tis``)."""
    text = _TYPED_DASH.sub(DASH, text)
    if "``" in text:  # (two grave accents open a quotation, two ``'`` close it)
        text = text.replace("``", OPEN_DOUBLE).replace("''", CLOSE_DOUBLE)
    out = list(text)
    opened = -1  # where the last ``"`` that opened stands, while it is open
    for found in _TYPED_QUOTE.finditer(text):
        at = found.start()
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < len(text) else "\n"
        opening = before.isspace() or before in _OPENS_TYPED
        if found[0] == '"':
            # a word on one side says; between spaces or letters, the one still open does
            closing = after.isspace() or after in _CLOSES_TYPED
            opens = opening if opening != closing else not (
                opened >= 0 and at - opened <= QUOTED
                and not _PARAGRAPH_END.search(text, opened, at))
            out[at] = OPEN_DOUBLE if opens else CLOSE_DOUBLE
            opened = at if opens else -1
        else:
            out[at] = OPEN_SINGLE if opening and after.isalpha() and not (
                after == "s" and _GAP_BEFORE_POSSESSIVE.match(text, at - 1)) and _closed_single(
                text, at) else APOSTROPHE
    return "".join(out)


_SINGLE_OPENS = re.compile(rf"(?:(?<=\s)|(?<=[{re.escape(''.join(_OPENS_TYPED))}])|^)'(?=[^\W\d_])")
_SINGLE_CLOSES = re.compile(rf"(?<=[^\s{re.escape(''.join(_OPENS_TYPED))}])'(?![^\W\d_])")


def _closed_single(text: str, at: int) -> bool:
    """Whether a ``'`` closing a word follows the one opening a word at ``at`` within its
    paragraph (a blank line ends it, ``QUOTED`` characters at most), before another opens
    one."""
    end = min(len(text), at + QUOTED)
    if paragraph := _PARAGRAPH_END.search(text, at, end):
        end = paragraph.start()
    closes = _SINGLE_CLOSES.search(text, at + 1, end)
    opens = _SINGLE_OPENS.search(text, at + 1, end)
    return bool(closes) and (not opens or closes.start() < opens.start())


def repair_line(line: str, charmap: CharMap) -> str:
    """One line with its real characters back and the OCR's gaps around them closed."""
    return _mend(charmap.translate(line), charmap)


def _mend(line: str, charmap: CharMap) -> str:
    """One line, its stand-ins replaced, with its straight quotes made curly, a zero read
    for an O put right and the OCR's gaps around quotes closed."""
    if charmap.straight:
        line = _educate(line, charmap.straight)
    if "0" in line:
        line = ZERO_FOR_O.sub("O", line)
    if " \u201d" in line:
        line = SPACE_BEFORE_CLOSING.sub("\u201d", line)
    return SPACE_BEFORE_APOSTROPHE.sub("\u2019", line) if " \u2019" in line else line


def repair(pages: list[Page], charmap: CharMap) -> list[Page]:
    """Pages whose heads and lines have their real characters back (``repair_line``, the
    stand-ins replaced in all of them at once; the lines' indents kept)."""
    lines = charmap.translate("\n".join(ln for page in pages
                                        for ln in (page.head, *page.lines))).split("\n")
    repaired, at = [], 0
    marked = indents.marked(page.lines for page in pages)
    for page in pages:
        head, *body = (_mend(ln, charmap) for ln in lines[at : at + 1 + len(page.lines)])
        repaired.append(replace(page, head=head, lines=list(map(indents.like, page.lines, body))
                                if marked else body))
        at += 1 + len(page.lines)
    return repaired
