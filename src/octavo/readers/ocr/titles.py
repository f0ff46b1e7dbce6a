"""Titles for display: the print's capitals turned into title case, OCR slips mended."""

from __future__ import annotations

import difflib
import re

from .folios import kind

# Short words the volume's own contents sets in lower case inside a title.
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"]
)
_WORD = re.compile(r"[^\s]+")
_ABBREVIATION = re.compile(r"^\W*(?:[A-Za-z]\.){2,}")  # R.S.F.S.R., U.S.S.R., C.C.


def title_case(text: str) -> str:
    """``THE PARTY¹S TASKS`` → ``The Party's Tasks``; abbreviations and numerals kept."""
    words = _WORD.findall(" ".join(text.split()))
    out = []
    capital_next = True
    for word in words:
        out.append(_case_word(word, capital_next))
        capital_next = word.endswith((".", ":", "?", "!")) and not _ABBREVIATION.match(word)
        capital_next = capital_next or word.endswith(("—", "("))
    return " ".join(out)


def _case_word(word: str, first: bool) -> str:
    if _ABBREVIATION.match(word) or kind(word.removesuffix(".")) == "roman":
        return word  # (a numeral, or an initial ``I``, ``V``, stays in capitals)
    bare = re.sub(r"\W", "", word).lower()
    if not first and bare in SMALL_WORDS:
        return word.lower()
    return "-".join(_capitalise(part) for part in word.split("-"))


def _capitalise(part: str) -> str:
    lower = part.lower()
    for i, char in enumerate(lower):
        if char.isalpha():
            return lower[:i] + char.upper() + lower[i + 1:]
    return lower


def reads_as_title(text: str, count: int | None = None) -> bool:
    """Whether words (the first ``count``, where given) are set as a title is (in title
    case, or in capitals): most after the first but the small ones (``of``, ``the``) open
    with a capital, as a sentence's words do not (only its names)."""
    words = [word for word in re.findall(r"[^\W\d_][\w’']*", text)[1:count]
             if word.lower() not in SMALL_WORDS]
    return 2 * sum(word[0].isupper() for word in words) > len(words)


def is_capitals(text: str) -> bool:
    """Whether a line is set in capitals (a display title, not running text)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# a note's marker glued to a title's word, its stop or bracket: taken off unchecked (no
# note's number is due here, as in the running text, ``links``), so after nothing else
GLUED_MARKER = re.compile(r"(?<=[A-Za-z.)])\d{1,3}\b")


def unmarked(text: str) -> str:
    """A title's text without the note markers glued to its words (``THE TASKS OF THE
    DAY1``: one no note was linked to, on another page than its note says)."""
    return GLUED_MARKER.sub("", text)


def title_words(text: str) -> list[str]:
    """The words of a title in lower case, letters and digits only, for matching; a note's
    marker glued to a word (``DAY1``, ``R.S.F.S.R.1``) dropped.  (Of the repaired text, its
    quotes known: an apostrophe joins its word, ``Party’s`` one word as the contents and
    the heading may spell it alike; words kept apart, for ``find.similar``'s word by word
    match.  ``entries.letters`` and ``entries.words`` read the scan before
    ``charmap``.)"""
    return re.findall(r"[a-z0-9]+", unmarked(text).lower().replace("’", "").replace("'", ""))


def mend(listed: str, printed: str) -> str:
    """The contents' wording of a title, with words the OCR garbled in one copy only
    (``or`` for ``of``, ``mmediate``) taken from the other copy, the body's heading."""
    ours = _WORD.findall(listed)
    theirs = _WORD.findall(printed)
    a = [w.lower() for w in ours]
    b = [w.lower() for w in theirs]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for word, other in zip(ours[i1:i2], theirs[j1:j2], strict=True):
                out.append(_closer(word, other))
        else:
            out.extend(ours[i1:i2])
    return " ".join(out)


def _closer(word: str, other: str) -> str:
    """``other`` (cased like ``word``) where it is a near spelling of ``word``."""
    w, o = re.sub(r"\W", "", word.lower()), re.sub(r"\W", "", other.lower())
    if not w or not o or w == o:
        return word
    if not _more_likely(o, w):
        return word
    mended = word.lower().replace(w, o) if w in word.lower() else o
    return _capitalise(mended) if word[:1].isupper() or word[:1] in "“(" else mended


def _more_likely(body: str, listed: str) -> bool:
    """The body's word wins over the contents' where the contents has a known OCR slip."""
    if (listed, body) in {("or", "of"), ("on", "of")}:
        return True
    return len(body) == len(listed) + 1 and difflib.SequenceMatcher(a=listed, b=body).ratio() > 0.8
