"""The lines that close a work and are not its text: date, source, signature, remarks.

The print sets them off under the last paragraph: a closing date (``January 5,
1921``), the source of first publication (a periodical's number, ``Pravda, No. 12,`` /
``January 19, 1921``), a signature (``Signed: …``, the author's name with or without
initials, a letter's close, an institute) and remarks (``Published for the first
time``, ``Written in March 1921``).  The author is the volume's (``Signature``), so the
signatures are whoever's the volume is.  A congress's title page has nothing but its source,
a verbatim report named by the line before it (``The Tenth Congress of the Russian
Communist Party.`` / ``Verbatim Report,`` / ``Moscow, 1921.``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...dates import MONTHS
from ...lettering import FINISHED
from ...tree import (
    Asterism,
    Block,
    ClosingLine,
    Heading,
    Inline,
    NoteRef,
    PageMarker,
    Paragraph,
    ParagraphRole,
    Text,
    iter_nodes,
)
from ..textlines import CLAUSE_STOPS, INITIAL, NAME_WORD, STOPS, SURE_CLOSES
from .blocks import pop_marker
from .folios import kind

_DATE = re.compile(rf"^(?:(?:{MONTHS})(?:\s+\d{{1,2}}(?:\s*-\s*\d{{1,2}})?)?,?\s+)?\d{{4}}\.?$")
# a letter's place and date under its signature: ``Moscow, March 3, 1921``
_PLACE_DATE = rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s+(?:{MONTHS})\s+\d{{1,2}},\s+\d{{4}}\.?"
# a source's first line: a periodical's name, in which no comma stands but the one before
# its number, nor a colon (``Pravda, No. 12,``)
_PERIODICAL = r"[A-Z][^.!?:;,]*,?\s+No\.\s*\d+[^.!?]*"
_SIGNED = re.compile(r"^Signed:\s*\S.{0,60}$|^Yours\b[\w ]*,$|^(?:[A-Z][\w’-]* ){0,4}Institute\b")
# a signature that names its signer: ``Signed: K. Marx``, ``Signed: Rosa Luxemburg``
# a signer's name: initials, then up to three words (``K. Marx``, ``Rosa Luxemburg``)
SIGNER = rf"(?:{INITIAL})*{NAME_WORD}(?: {NAME_WORD}){{0,2}}"
NAME_ALONE = re.compile(rf"{SIGNER}\.?")  # a signer's name alone, its stop or none
PEN_NAME = re.compile(rf"{SIGNER}\.")  # … ending in its stop, as a pen name signs
# (``PUBLIUS.``) and no title's words end
SIGNER_WORDS = 3  # the words a signature under a line runs to: ``J. V. STALIN``
_SIGNER = re.compile(rf"^Signed:\s*(?P<name>{SIGNER})$")
SOURCE = re.compile(r"\bNo\.\s*\d|^(?:First published|Bulletin|Magazine|Illustrated)\b"
                     r"|\bVerbatim Report\b")
_NAMED = re.compile(r"^Verbatim Report\b")  # a report's line: the meeting's name comes before
_REMARK = re.compile(r"^(?:Published for the first time|Written in|Written on|"
                     r"Reprinted from)\b")
_PLACE = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?$")
# a letter's close: a few words and a comma, on the line over its signature (``With best
# wishes,``)
_CLOSE_WORDS = r"[A-Z][\w’']*(?: [\w’']+){0,4},"
_CLOSE = re.compile(rf"^{_CLOSE_WORDS}$")


def pen_name(words: str) -> bool:
    """Whether words are a name alone ending in its stop (``PUBLIUS.``), as a pen name
    signs and no title's first words end; not a roman numeral (a section's or a work's
    number: ``VIII.``)."""
    return PEN_NAME.fullmatch(words) is not None and kind(words.rstrip(".")) != "roman"


def is_signed(line: str) -> bool:
    """Whether a line signs or closes a text, whoever signs it (``Signed: …``, ``Yours
    …,``)."""
    return bool(_SIGNED.match(line))


def signer(line: str) -> str:
    """The name a signature line signs with (``Signed: K. Marx``: ``K. Marx``), else ""."""
    m = _SIGNER.match(line.strip())
    return m["name"] if m else ""


@dataclass(frozen=True)
class Signature:
    """How the volume's author signs: the surname, after initials, the given names or
    neither (``J. Stalin``, ``Karl Marx``, ``Stalin``), in capitals or not, learnt from the
    author's name."""

    surname: str = ""
    given: str = ""  # the names before the surname, where they are names, not initials
    initials: str = ""  # … where they are initials: the letters (``VI`` of ``V. I. Lenin``)
    also: frozenset[str] = frozenset()  # lines that sign works besides (``pen_names``)

    @classmethod
    def of(cls, author: str, also: frozenset[str] = frozenset()) -> Signature:
        words = re.findall(r"[^\W\d_][\w’'-]*", author)
        named = all(len(w) > 1 for w in words[:-1])
        return cls(words[-1] if words else "", " ".join(words[:-1]) if named else "",
                   "" if named else "".join(w[0] for w in words[:-1]), also)

    @property
    def pattern(self) -> str:
        """The author's signature as a regular expression ("" for none): the surname after
        initials, the given names, or the names the author's initials stand for (``August
        Bebel`` for ``A. Bebel``)."""
        given = rf"|{re.escape(self.given)}\s+" if self.given else "".join(
            rf"|{re.escape(c)}[a-z]+\s+" for c in self.initials[:1]) + "".join(
            rf"(?:{re.escape(c)}[a-z]+\s+)?" for c in self.initials[1:])
        return rf"(?:(?:{INITIAL})*{given}){re.escape(self.surname)}\.?" if self.surname \
            else ""

    def signs(self, line: str) -> bool:
        """Whether a line is a signature: the author's, another's ``Signed:``, a close."""
        return is_signed(line) or line in self.also \
            or bool(self.surname and re.fullmatch(self.pattern, line, re.I))

    def run_on(self) -> re.Pattern[str]:
        """Where a closing line begins inside a paragraph the OCR ran together."""
        name = re.escape(self.surname)
        signed = "".join(rf"|(?<=^{initials}{name})\s+" for initials in ("", r"[A-Z]\. ")
                         ) if self.surname else ""
        # the signature after the text's last sentence or a close, and the place and date
        # or the source under it
        under = rf"(?:\s+(?:{_PLACE_DATE}|{_PERIODICAL}))?$"
        # (after a semicolon a clause goes on, and what a colon announces may be left out:
        # a name there with no stop, ending the paragraph, is no text's)
        closed = rf"|(?<=,)\s+(?=(?i:{self.pattern}){under})" \
            rf"|(?<=[;:])(?<!Signed:)\s+(?=(?i:{self.pattern})(?<!\.){under})" \
            rf"|(?<!\b[A-Z]\.)(?<=[{STOPS}{SURE_CLOSES}])\s+" \
            rf"(?=(?:{_CLOSE_WORDS}\s+)?(?i:{self.pattern}){under})" \
            rf"|(?<={name})\s+(?=(?:{_PLACE_DATE}|{_PERIODICAL})$)" if self.surname else ""
        return re.compile(_RUN_ON + signed + closed)


def pen_names(works: list[list[Block]]) -> frozenset[str]:
    """The lines that sign works, whoever's name they are (a pen name: ``PUBLIUS.``), of
    the volume's works (their blocks): a name alone among the short lines that end a work
    (``_tail``), that ends two works or more, and half of them at least (no text ends so
    often in the same words)."""
    counts = Counter(line for blocks in works for line in _tail(blocks)
                     if NAME_ALONE.fullmatch(line))
    return frozenset(line for line, n in counts.items() if n >= 2 and 2 * n >= len(works))


def _tail(blocks: list[Block]) -> set[str]:
    """The short lines that end a work: its last blocks that say something, as short as
    closing lines are (``MAX_LINE``), up to a longer one (page markers and ornaments
    passed over)."""
    tail: set[str] = set()
    for block in reversed(blocks):
        line = text(block) if isinstance(block, Paragraph | Heading) else ""
        if any(c.isalnum() for c in line):
            if len(line) > MAX_LINE:
                break
            tail.add(line)
    return tail


def text(block: Paragraph) -> str:
    return " ".join("".join(n.text for n in iter_nodes(block) if isinstance(n, Text)).split())


def is_remark(line: str) -> bool:
    """Whether a line is an editor's remark closing a work (``Written in January 1776``)."""
    return bool(_REMARK.match(line))


def _kind(line: str, sig: Signature) -> str:
    if sig.signs(line):
        return "signature"
    if is_remark(line):
        return "remark"
    if SOURCE.search(line):
        return "source"
    if _DATE.match(line) or re.fullmatch(_PLACE_DATE, line):
        return "date"
    return ""


# where a closing line begins inside a paragraph the OCR ran together (a source after the
# sentence, the colon or the semicolon the paragraph ends with: a periodical's name and
# number, or the place and date it was written)
_RUN_ON = (r"\s+(?=(?:Signed:|Written (?:in|on)\b|First published\b|"
           r"Published for the first time\b))"
           r"|(?<=^Yours,)\s+"
           rf"|(?<![A-Z]\.)(?<=[{CLAUSE_STOPS}{SURE_CLOSES}])\s+(?=(?:{_PERIODICAL}|{_PLACE_DATE})$)")
MAX_LINE = 70  # a closing line of no recognised kind is no longer than this
# … and one of a recognised kind (a source, a date) no longer than about two such lines: a
# source naming a congress's report, with its place and year, runs to a second
_MAX_KIND_LINE = 130
_LINE_ROLES = (ParagraphRole.BODY, ParagraphRole.LINE, ParagraphRole.DATELINE)


def _unmerge(blocks: list[Block], sig: Signature) -> list[Block]:
    """The blocks with closing lines the OCR ran together, or into the last paragraph,
    set apart as lines of their own."""
    out = [part for k, block in enumerate(blocks)
           for part in (_turned(block, sig) if k >= len(blocks) - 4 else [block])]
    for i in range(len(out) - 1, max(-1, len(out) - 5), -1):
        block = out[i]
        if isinstance(block, Heading) and (signed := _signed_under(block, sig)):
            out[i:i + 1] = signed
            continue
        if not isinstance(block, Paragraph) or not block.inlines \
                or not isinstance(block.inlines[-1], Text):
            continue
        stop = _stop_before_mark(block.inlines)  # (the lines may begin after it)
        pieces = _cuts(stop + block.inlines[-1].text, sig)
        pieces[0] = pieces[0].removeprefix(stop)
        if len(pieces) > 1:
            block.inlines[-1:] = [Text(pieces[0])] if pieces[0] else []
            # (the lines alone on a page the paragraph turned onto: its marker before them)
            turned = pop_marker(block)
            head = [block] if text(block) else []
            lines = [Paragraph([Text(p)], role=ParagraphRole.LINE) for p in pieces[1:]]
            out[i:i + 1] = head + turned + lines
    return out


def _signed_under(heading: Heading, sig: Signature) -> list[Block]:
    """A line of text in capitals (a quotation's, a word the text stresses: ``REMEDY.``)
    and the signature under it, which the OCR ran into one heading: the text as a
    paragraph, its sentence ended (a word, not a signer's initial: ``G. PLEKHANOV`` is one
    signature, ``… ARCHIVE F. MEHRING`` a heading over it), and the signature as a line;
    [] for any other heading."""
    if len(heading.inlines) != 1 or not isinstance(only := heading.inlines[0], Text) \
            or sig.signs(only.text.strip()):
        return []
    tokens = only.text.split()
    n = next((n for n in range(min(len(tokens) - 1, SIGNER_WORDS), 0, -1)
              if sig.signs(" ".join(tokens[-n:]))), 0)  # (the whole signature: initials too)
    text = " ".join(tokens[:-n])
    return [Paragraph([Text(text)]),
            Paragraph([Text(" ".join(tokens[-n:]))], role=ParagraphRole.LINE)] \
        if n and FINISHED.search(text) and re.search(r"[^\W\d_]{2,}", text) \
        and not (" " in text and NAME_ALONE.fullmatch(text)) else []  # (co-signers,
    # each a name of two words or more: ``K. MARX. F. ENGELS.`` sign together)


def _stop_before_mark(inlines: list[Inline]) -> str:
    """The stop that ends the last sentence of a paragraph's inlines where a note's marker
    or a page's follows it (``Ukraine.*``: ``.``; a closing line alone on the next page,
    which the paragraph ran on to), else ""."""
    before = inlines[-3] if len(inlines) > 2 \
        and isinstance(inlines[-2], NoteRef | PageMarker) else None
    end = before.text.rstrip()[-1:] if isinstance(before, Text) else ""
    return end if end and end in f"{STOPS}:" else ""


def _turned(block: Block, sig: Signature) -> list[Block]:
    """A letter's close ending a page with its signature opening the next, which the
    paragraph ran together (the close ends in a comma): the close, the page's marker and the
    signature as blocks of their own; any other block as it is."""
    inlines = block.inlines if isinstance(block, Paragraph) else []
    if len(inlines) < 3 or not isinstance(inlines[-2], PageMarker) \
            or not isinstance(inlines[-1], Text) or not isinstance(inlines[-3], Text) \
            or not inlines[-3].text.rstrip().endswith(","):
        return [block]
    signed = _cuts(inlines[-1].text.strip(), sig)[0]
    if _kind(signed, sig) != "signature":
        return [block]
    return [Paragraph(inlines[:-2], role=block.role), inlines[-2],
            Paragraph([Text(inlines[-1].text.strip())], role=ParagraphRole.LINE)]


def _cuts(line: str, sig: Signature) -> list[str]:
    """A text cut where closing lines begin inside it (only where what follows is one)."""
    pieces = [p for p in sig.run_on().split(line) if p]
    if len(pieces) > 1 and pieces[-2].endswith(",") and not _CLOSE.match(pieces[-2]):
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]  # a name after a comma, but no close
    while len(pieces) > 1 and not all(_kind(p, sig) or len(p) <= MAX_LINE for p in pieces[1:]):
        pieces[:2] = [f"{pieces[0]} {pieces[1]}"]
    return pieces


def _allowed(line: str, previous: str, sig: Signature) -> bool:
    """Whether a line can follow a closing line of kind ``previous``."""
    if _kind(line, sig):
        return len(line) <= _MAX_KIND_LINE
    return previous in ("source", "signature") and len(line) <= MAX_LINE \
        and not line.endswith(("!", "?"))


def split(blocks: list[Block], sig: Signature) -> tuple[list[Block], list[ClosingLine]]:
    """A work's blocks without its closing lines, and those lines (``sig``: how the
    volume's author signs)."""
    blocks = _unmerge(blocks, sig)
    tail: list[int] = []
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, PageMarker | Asterism):  # (an ornament between works)
            continue
        if isinstance(block, Heading) and sig.signs(text(block)):  # a signature in capitals
            tail.append(i)
            continue
        if not isinstance(block, Paragraph) or block.role not in _LINE_ROLES \
                or len(text(block)) > _MAX_KIND_LINE:
            break
        tail.append(i)
    tail.reverse()
    lines = [text(blocks[i]) for i in tail]
    # lines of no kind under a closing's date are none of its own (no line follows the
    # date in a closing): a scanner's stamp at the page's foot, left in the text
    stop = len(lines)
    while stop and not _kind(lines[stop - 1], sig):
        stop -= 1
    if not stop or _kind(lines[stop - 1], sig) != "date":
        stop = len(lines)
    tail, lines = tail[:stop], lines[:stop]
    start = next((k for k in range(len(lines))
                  if _kind(lines[k], sig) and _runs(lines[k:], sig)), None)
    if start is None:
        return blocks, []
    if start and _kind(lines[start], sig) == "signature" and _CLOSE.match(lines[start - 1]):
        start -= 1  # a letter's close over the signature
    taken = set(tail[start:])
    if start and _NAMED.match(lines[start]) and not _kind(lines[start - 1], sig):
        taken.add(tail[start - 1])  # the meeting a verbatim report records opens its source
        lines[start] = f"{lines[start - 1]} {lines[start]}"
    return [b for i, b in enumerate(blocks) if i not in taken], _lines(lines[start:], sig)


def _runs(lines: list[str], sig: Signature) -> bool:
    """Whether lines, the first of a known kind, can all be closing lines."""
    previous = ""
    for line in lines:
        if not _allowed(line, previous, sig):
            return False
        previous = _kind(line, sig) or previous
    return True


def _lines(raw: list[str], sig: Signature) -> list[ClosingLine]:
    """Closing lines from the printed lines: a source's lines make one (``Pravda, No. 6,``
    / ``January 12, 1921``); a line of no kind of its own continues the one before it."""
    out: list[ClosingLine] = []
    for line in raw:
        kind = _kind(line, sig)
        previous = out[-1] if out else None
        if previous and previous.kind == "source" and (
                not kind or (kind == "date" and not _dated(previous.text))):
            previous.text = f"{previous.text} {line}"
        elif not kind and previous and previous.kind == "signature":
            out.append(ClosingLine("signature", line))
        else:
            kind = kind or ("place" if _PLACE.match(line) else "signature"
                            if _CLOSE.match(line) else "remark")
            out.append(ClosingLine(kind, line))
    return out


def _dated(line: str) -> bool:
    return bool(re.search(r"\d{4}\.?$", line))
