"""What the title page says of the book: its title and volume, set under the author's name.

A volume of collected works opens with its title page (the first page with lines): under
the author's name stand the title, a line of words in capitals with no figure (``COLLECTED
WORKS``, or letter-spaced: ``W O R K S``), then the volume, a word in capitals and its
number (``VOLUME 12``, ``VOLUME XII``, ``VOLUME TWELVE``, or the word over its number), and
perhaps its years (``1894-1896``); the publisher and place follow.  Read so, in title case,
the book needs no TOML to be named; a title page that shows no such lines (the title
misread, the OCR's noise between) names nothing, and the book keeps the TOML's title or
its file's name.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ...pagemarks import plain
from .closing import SIGNER, Signature
from .entries import letters
from .folios import Number
from .heads import set_as_head, unspace
from .lines import SENTENCE_END, YEARS_ALONE
from .naming import closed
from .placement import head_and_folio, line_at
from .titles import is_capitals, title_case

if TYPE_CHECKING:
    from collections.abc import Callable

    from .pages import Layout, Page

# ``VOLUME 12``, or ``VOLUME`` over its number (in figures or roman numerals: ``Number``,
# or in English words: ``ONE``, ``FORTY-FIVE``)
_BY = re.compile(r"(?i)by")  # a line alone over the authors' names
_VOLUME = re.compile(r"([^\W\d_]+)(?:\s+([\w-]+))?")
_UNITS = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
          "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN",
          "EIGHTEEN", "NINETEEN"]
_TENS = ["TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]
_IN_WORDS = re.compile(rf"(?:{'|'.join(_UNITS)})|(?:{'|'.join(_TENS)})"
                       rf"(?:-(?:{'|'.join(_UNITS[:9])}))?", re.IGNORECASE)


def title_page(pages: list[Page]) -> Page | None:
    """The volume's title page: its first page with lines."""
    return next((p for p in pages if p.lines), None)


def spells_name(pages: list[Page]) -> Callable[[str], bool]:
    """Whether a line spells the title page's first line (its name, the author's), however
    cased or spaced (``letters``: ``Antonio Labriola`` for ``A N T O N I O L A B R I O L
    A``)."""
    name = letters(titled.lines[0]) if (titled := title_page(pages)) else ""
    return lambda line: letters(line) == name


def named_lines(lines: list[str]) -> frozenset[str]:
    """The lines (stripped) of a text yet to be paged (``lines``) that spell its author's
    name as its title page prints it (its first lines, up to its first blank line) over its
    title over its volume, set otherwise (recased, letter-spaced), or, where that line is
    a person's name (its letter-spacing closed, ``naming.closed``), signing with it (``F.
    ENGELS`` for ``FREDERICK ENGELS``, ``Signature``): a running head or a signature, no
    stamp.  Not the title page's line word for word: where the print names no author
    there, a stamp set over every page stands over the title; unless it stands only where
    a head or a signature does (``_signs_alike``)."""
    top = [line.strip() for line in itertools.takewhile(str.strip, lines)]
    if (k := _title_at(top)) is None or not (name := letters(printed := top[k - 1])):
        return frozenset()
    person = closed(printed, "\n".join(lines))
    signs = Signature.of(person).pattern if re.fullmatch(SIGNER, person) else ""
    stripped = [line.strip() for line in lines]
    alike = bool(signs) and _signs_alike(stripped, printed, len(top))

    def names(line: str) -> bool:
        if line == printed:
            return alike
        return letters(line) == name or bool(signs and re.fullmatch(signs, line, re.I))
    return frozenset(filter(names, stripped))


def _signs_alike(stripped: list[str], printed: str, start: int) -> bool:
    """Whether the title page's line stands again past it (from ``start``), and each time
    opens a page (under a blank line, or a head and its folio: a running head, or a
    signature whose text ended on the page before; or under a head alone, over the folio
    at the page's foot: a signature alone on its page, the head printed with no folio) or
    stands under a sentence's end (a signature under a work's text); a stamp set over the
    title stands in sentences and under their lines too."""
    at = [i for i in range(start, len(stripped)) if stripped[i] == printed]
    return bool(at) and all(not (over := stripped[i - 1]) or SENTENCE_END.search(over)
                            or head_and_folio(over) or _alone_under_head(stripped, i)
                            for i in at)


def _alone_under_head(stripped: list[str], i: int) -> bool:
    """Whether line ``i`` stands alone on its page between its first line, set as heads
    are (a head printed with no folio), and a folio alone (the page's, at its foot)."""
    return i >= 2 and not stripped[i - 2] and set_as_head(stripped[i - 1]) \
        and bool(plain(line_at(stripped, i + 1)))


def over_title(lines: list[str]) -> list[str]:
    """A title page's lines (stripped, none blank) over its title, where a volume opens
    under one (``_title_at``: the author's name, a motto); all of them else."""
    k = _title_at(lines)
    return lines if k is None else lines[:k]


def _title_at(lines: list[str]) -> int | None:
    """Where the title stands among a title page's ``lines`` (stripped, none blank): the
    first line after the first, under which a volume opens (``_volume``); None if none."""
    return next((k for k in range(1, len(lines) - 1) if _volume(lines[k + 1:])), None)


def read(layout: Layout) -> tuple[str, str]:
    """The book's title and volume (``Collected Works``, ``Volume 12: 1894–1896``) as its
    title page prints them under the author's name; or its title alone, its first line
    where the authors' names stand under ``BY`` (``THE FEDERALIST`` / … / ``BY`` /
    ``ALEXANDER HAMILTON, …``); ("", "") where it does neither."""
    page = title_page(layout.pages)
    lines = [line.strip() for line in page.lines if line.strip()] if page else []
    if (k := _title_at(lines)) is not None:  # (a line over the title: the author's name)
        title = unspace(lines[k])
        if is_capitals(title) and not re.search(r"\d", title):
            return title_case(title), _volume(lines[k + 1:])
    if any(_BY.fullmatch(line) for line in lines[1:]):
        title = unspace(lines[0])
        if is_capitals(title) and not re.search(r"\d", title):
            return title_case(title), ""
    return "", ""


def _volume(lines: list[str]) -> str:
    """The volume ``lines`` open with, its years after it (``Volume 12: 1894–1896``)."""
    volume = _VOLUME.fullmatch(lines[0])
    if not volume or not is_capitals(volume[1]):
        return ""
    number, rest = (volume[2], lines[1:]) if volume[2] else (
        (lines[1], lines[2:]) if len(lines) > 1 else ("", []))
    words = bool(_IN_WORDS.fullmatch(number))
    if not Number.of(number) and not words:
        return ""
    named = f"{title_case(volume[1])} {title_case(number) if words else number}"
    if rest and YEARS_ALONE.fullmatch(rest[0]):
        named += ": " + "–".join(re.findall(r"\d+", rest[0]))
    return named
