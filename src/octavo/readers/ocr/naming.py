"""A person's name as the volume prints it, from a running head or a title page that sets
it otherwise: its letter-spacing closed, its capitals title-cased, its words parted and
cased as the text prints the name (a signature's ``Rosa Luxemburg`` for the head's ``R O S
A L U X E M B U R G``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .heads import is_capitals, unspace
from .titles import title_case
from .words import segment, zipf

NAME_PART = 3  # letters a name's word has at least (``Rosa``, ``Marx``); shorter parts of a
# run of letters split by the word frequencies are a split gone wrong (``AUGUST BE BEL``)
# a small letter before a capital: a head in mixed case, letter-spaced, its word spaces
# closed with its letters (``T h o m a s P a i n e``: ``ThomasPaine``), or a name's own
# (``McCarthy``)
_RUN_TOGETHER = re.compile(r"[a-z][A-Z]")


def closed(line: str, text: str) -> str:
    """A title page's line, its letter-spacing closed and its name's words parted as the
    ``text`` prints them (``K A R L M A R X``: ``Karl Marx``, ``named``)."""
    return named(shut, text) if (shut := unspace(line)) != line else line


def named(head: str, text: str) -> str:
    """The name a head sets in capitals, in title case, or cased as the ``text`` prints it
    where it does (``Mao Tse-tung`` signed, not ``Tse-Tung``), its words parted as the
    text prints them (``parted``); in mixed case, each word run together where the text
    prints its letters as words (``ThomasPaine``: ``Thomas Paine``), the rest as it is
    (``McCarthy``)."""
    if is_capitals(head):
        return as_printed(title_case(" ".join(parted(word, text) for word in head.split())), text)
    return " ".join(as_printed(title_case(spaced), text) if _RUN_TOGETHER.search(word) and (
        spaced := _spaced(word.upper(), _forms(word, text))) else word for word in head.split())


def as_printed(name: str, text: str) -> str:
    """A name set in capitals, title-cased (``Mao Tse-Tung``), cased as the ``text`` prints
    it otherwise than in capitals where it does (``Mao Tse-tung``, a signature's)."""
    printed = Counter(m[0] for m in _standing(name, text).finditer(text) if not is_capitals(m[0]))
    return printed.most_common(1)[0][0] if printed else name


def parted(word: str, text: str) -> str:
    """A head's word, parted where the text prints its letters as two or more words more
    often than as one (``_spaced``); where the text never prints it, a run that is no word
    parted into the words it likeliest spells, each of a name's length (``FRANZMEHRING``:
    ``FRANZ MEHRING``)."""
    if spaced := _spaced(word, forms := _forms(word, text)):
        return spaced
    parts = (_printed_parts(word, text) or segment(word)) \
        if word.isalpha() and not zipf(word) and not forms else (word,)
    return " ".join(parts) if all(len(part) >= NAME_PART for part in parts) else word


def _spaced(word: str, forms: Counter[str]) -> str:
    """A word in capitals as the text prints its letters in two or more words (``forms``:
    how often it prints each way), where it does so more often than as one: closing a
    head's letter-spacing closes its word spaces too (``R O S A L U X E M B U R G``),
    which a signature shows (``Rosa Luxemburg``); else ""."""
    spaced, count = next(((f, n) for f, n in forms.most_common() if " " in f), ("", 0))
    return spaced if count > forms[word.replace(" ", "")] else ""


def _forms(word: str, text: str) -> Counter[str]:
    """How often the ``text`` prints a word's letters (``TSE-TUNG``'s hyphen among them),
    as one word or several, in capitals: not letter-spaced (a print letter-spaced as the
    head is, ``A U G U S T B E B E L`` on the title page, shows no word space either)."""
    letters = [c for c in word if c.isalpha() or c == "-"]
    if len(letters) < 2:
        return Counter()
    return Counter(m[0].upper() for m in _standing(letters, text, " ?").finditer(text)
                   if " " not in m[0] or max(map(len, m[0].split())) > 1)


def _printed_parts(word: str, text: str) -> tuple[str, str] | None:
    """A run of letters (a name) parted in two where one cut alone leaves a last part the
    text prints as a word of its own, as signatures print a surname (``AUGUSTBEBEL``:
    ``A. Bebel``), else None."""
    cuts = [k for k in range(NAME_PART, len(word) - NAME_PART + 1)
            if _standing(word[k:], text).search(text)]
    return (word[:cuts[0]], word[cuts[0]:]) if len(cuts) == 1 else None


def _standing(letters: Iterable[str], text: str, between: str = "") -> re.Pattern[str]:
    """A pattern for the ``letters`` in order, ``between`` each two, as a word of their own
    in ``text``: no letter, digit or hyphen on either side; each letter in any case, as
    ``re.I`` has it.  (Each is a class of the text's characters that ``re.I`` matches it
    with, ``ſ`` with ``s``, and the side is asked after the first: a pattern so opening is
    searched for by its first letter, some tenfold faster over a volume's text than one
    under ``re.I``, tried at every character where that letter has more than two cases.)"""
    characters = _characters(text)
    first, *rest = (_alike(c, characters) for c in letters)
    return re.compile(rf"{first}(?<![\w-].){''.join(between + c for c in rest)}(?![\w-])")


@lru_cache(maxsize=256)
def _alike(letter: str, characters: frozenset[str]) -> str:
    """A pattern for the ``characters`` (a text's) that ``re.I`` matches ``letter`` with."""
    one = re.compile(re.escape(letter), re.I)
    alike = sorted({letter, *(c for c in characters if one.fullmatch(c))})
    return f"[{''.join(map(re.escape, alike))}]" if len(alike) > 1 else re.escape(letter)


@lru_cache(maxsize=1)  # (the volume's text, searched again and again)
def _characters(text: str) -> frozenset[str]:
    return frozenset(text)
