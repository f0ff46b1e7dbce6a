"""What a stamp's group is and what its lines say: its lines and count, junk lines,
capitals, words, signatures, a short line; and the measures the stamps are told by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....pagemarks import plain
from ...textlines import SUPERSCRIPTS
from .. import measure
from ..closing import NAME_ALONE, SOURCE, is_remark, is_signed
from ..heads import is_capitals
from ..lines import MONTH_NAME, SENTENCE_END, is_dated
from ..placement import head_and_folio

STAMP_LETTERS = 3  # a stamp's line says something in letters (fewer than a head's
# ``lettering.MIN_LETTERS``)
ASTERISM = frozenset("*⁂✱✻·• ")
SPECKS = frozenset(SUPERSCRIPTS + " ")  # a line of superscript figures alone is a speck
ALNUM = re.compile(r"[^\W_]")  # a letter or digit (``str.isalnum``)
# a numbered list's first item: a note, a point (numbered as the text marks them: ``[1]``, ``¹``)
FIRST_ITEM = re.compile(r"^(?:1\.?|\[1\]|\u00b9)\s+\S")
ADDRESS = re.compile(r"(?:[a-z][a-z+.-]*://|www\.)\S+", re.I)  # a web address alone


@dataclass(frozen=True)
class Group:
    """A group of lines (stripped; "" a blank line inside it) and how often it stands."""

    lines: tuple[str, ...]
    count: int

    def describe(self) -> str:
        return " / ".join(line or "(blank)" for line in self.lines)


def is_junk(line: str) -> bool:
    """A line with no letter or digit that is no asterism: dot rows, scanner marks; or of
    superscript figures alone, a speck read so (a note's marker follows a word)."""
    s = line.strip()
    return bool(s) and ((not ALNUM.search(s) and not set(s) <= ASTERISM)
                        or set(s) <= SPECKS)


def in_capitals(group: tuple[str, ...]) -> bool:
    """Whether a group's lines are set in capitals, as a stamp's are."""
    return all(is_capitals(line) for line in group if line)


def worded(group: tuple[str, ...]) -> bool:
    """Whether a line says something (a stamp has words; an asterism or a number not)."""
    return sum(c.isalpha() for line in group for c in line) >= STAMP_LETTERS


def addressed(group: tuple[str, ...]) -> bool:
    """Whether a group's lines are web addresses alone (``www.redshelf-archive.org``): the
    scan's or the archive's, which a printed volume sets on no line of its own."""
    return any(group) and all(ADDRESS.fullmatch(line) for line in group if line)


def all_signed(group: tuple[str, ...]) -> bool:
    """Whether a group is a signature (``Signed: …``, ``Yours …,``, a close and the name
    under it: ``Yours,`` / ``Lenin``): it closes works, however many pages it stands on
    (works of a page or two), and names the signer."""
    lines = [line for line in group if line]
    return bool(lines) and is_signed(lines[0]) and all(
        is_signed(line) or NAME_ALONE.fullmatch(line) for line in lines[1:])


def all_sourced(group: tuple[str, ...]) -> bool:
    """Whether a group's lines are a work's source and the date under it, to the month
    (``Pennsylvania Journal, No. 4,`` / ``January 10, 1776``): a source, then dates."""
    lines = [line for line in group if line]
    return len(lines) >= 2 and bool(SOURCE.search(lines[0])) \
        and all(map(is_dated, lines[1:])) and bool(MONTH_NAME.search(lines[-1]))


def all_remarks(group: tuple[str, ...]) -> bool:
    """Whether a group's lines are an editor's remarks closing a work (``Written in
    January 1776``), the same under works written alike."""
    return any(group) and all(map(is_remark, filter(None, group)))


def closes_text(line: str) -> bool:
    """Whether a line may stand over a work's source: it ends a sentence, or signs the work
    (``K. MARX``, ``Signed: …``)."""
    return bool(SENTENCE_END.search(line)) or is_signed(line) or bool(NAME_ALONE.fullmatch(line))


def short(line: str, full: float) -> bool:
    """Whether a line ending in a word falls short of the measure (``full``): no
    paragraph's inside; its last line ends a sentence."""
    return line[-1:].isalpha() and not measure.inside(line, full)


def set_apart(line: str, full: float) -> bool:
    """Whether a line may stand apart from the text (``inside_sentences``): short of the
    measure ``full``, worded, ending neither a sentence nor a word broken by a hyphen, no
    folio nor head beside one."""
    return bool(line) and not measure.inside(line, full) and worded((line,)) \
        and not SENTENCE_END.search(line) and not line.endswith("-") \
        and not plain(line) and not head_and_folio(line)
