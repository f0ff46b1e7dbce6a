"""The lines that close a work and are not its text: date, source, signature, remarks.

The print sets them off under the last paragraph: a closing date (``January 5,
1921``), the source of first publication (``Pravda, No. 12,`` / ``January 19,
1921``), a signature (``Signed: J. Stalin``) and remarks (``Published for the first
time``, ``Written in March 1921``).  A congress's title page has nothing but its source,
a verbatim report named by the line before it (``The Tenth Congress of the Russian
Communist Party.`` / ``Verbatim Report,`` / ``Moscow, 1921.``).
"""

from __future__ import annotations

import re

from ...dates import MONTHS
from ...tree import Block, ClosingLine, PageMarker, Paragraph, Text, iter_nodes

_DATE = re.compile(rf"^(?:(?:{MONTHS})(?:\s+\d{{1,2}}(?:\s*-\s*\d{{1,2}})?)?,?\s+)?\d{{4}}\.?$")
_SIGNATURE = re.compile(r"^(?:Signed:\s*)?(?:J\.\s*)?Stalin\.?$|^Yours,$"
                        r"|^Marx-Engels-Lenin Institute")
_SOURCE = re.compile(r"\bNo\.\s*\d|^(?:First published|Bulletin|Magazine|Illustrated|"
                     r"Pravda|Izvestia|Zhizn|Bakinsky|Petrogradskaya)\b|\bVerbatim Report\b")
_NAMED = re.compile(r"^Verbatim Report\b")  # a report's line: the meeting's name comes before
_REMARK = re.compile(r"^(?:Published for the first time|Written in|Written on|"
                     r"Reprinted from)\b")
_PLACE = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?$")


def text(block: Paragraph) -> str:
    return " ".join("".join(n.text for n in iter_nodes(block) if isinstance(n, Text)).split())


def _kind(line: str) -> str:
    if _SIGNATURE.match(line):
        return "signature"
    if _REMARK.match(line):
        return "remark"
    if _SOURCE.search(line):
        return "source"
    if _DATE.match(line):
        return "date"
    return ""


# where a closing line begins inside a paragraph the OCR ran together
_RUN_ON = re.compile(r"\s+(?=(?:Signed:|Written (?:in|on)\b|First published\b|"
                     r"Published for the first time\b))"
                     r"|(?<=^Yours,)\s+|(?<=^Stalin)\s+|(?<=^J\. Stalin)\s+"
                     r"|(?<![A-Z]\.)(?<=[.!?)\u201d])\s+(?=[A-Z][^.!?]*?,?\s+No\.\s*\d+[^.!?]*$)")
_MAX_LINE = 70  # a closing line of no recognised kind is no longer than this
_MAX_KIND_LINE = 130


def _unmerge(blocks: list[Block]) -> list[Block]:
    """The blocks with closing lines the OCR ran together, or into the last paragraph,
    set apart as lines of their own."""
    out = list(blocks)
    for i in range(len(out) - 1, max(-1, len(out) - 5), -1):
        block = out[i]
        if not isinstance(block, Paragraph) or not block.inlines \
                or not isinstance(block.inlines[-1], Text):
            continue
        pieces = _cuts(block.inlines[-1].text)
        if len(pieces) > 1:
            block.inlines[-1] = Text(pieces[0])
            head = [block] if text(block) else []
            out[i:i + 1] = head + [Paragraph([Text(p)], role="line") for p in pieces[1:]]
    return out


def _cuts(line: str) -> list[str]:
    """A text cut where closing lines begin inside it (only where what follows is one)."""
    pieces = [p for p in _RUN_ON.split(line) if p]
    while len(pieces) > 1 and not all(_kind(p) or len(p) <= _MAX_LINE for p in pieces[1:]):
        pieces[:2] = [f"{pieces[0]} {pieces[1]}"]
    return pieces


def _allowed(line: str, previous: str) -> bool:
    """Whether a line can follow a closing line of kind ``previous``."""
    if _kind(line):
        return len(line) <= _MAX_KIND_LINE
    return previous in ("source", "signature") and len(line) <= _MAX_LINE \
        and not line.endswith(("!", "?"))


def split(blocks: list[Block]) -> tuple[list[Block], list[ClosingLine]]:
    """A work's blocks without its closing lines, and those lines."""
    blocks = _unmerge(blocks)
    tail: list[int] = []
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, PageMarker):
            continue
        if not isinstance(block, Paragraph) or block.role not in ("", "line", "dateline") \
                or len(text(block)) > _MAX_KIND_LINE:
            break
        tail.append(i)
    tail.reverse()
    lines = [text(blocks[i]) for i in tail]
    start = next((k for k in range(len(lines)) if _kind(lines[k]) and _runs(lines[k:])), None)
    if start is None:
        return blocks, []
    taken = set(tail[start:])
    if start and _NAMED.match(lines[start]) and not _kind(lines[start - 1]):
        taken.add(tail[start - 1])  # the meeting a verbatim report records opens its source
        lines[start] = f"{lines[start - 1]} {lines[start]}"
    return [b for i, b in enumerate(blocks) if i not in taken], _lines(lines[start:])


def _runs(lines: list[str]) -> bool:
    """Whether lines, the first of a known kind, can all be closing lines."""
    previous = ""
    for line in lines:
        if not _allowed(line, previous):
            return False
        previous = _kind(line) or previous
    return True


def _lines(raw: list[str]) -> list[ClosingLine]:
    """Closing lines from the printed lines: a source's lines make one (``Pravda, No. 6,``
    / ``January 12, 1921``); a line of no kind of its own continues the one before it."""
    out: list[ClosingLine] = []
    for line in raw:
        kind = _kind(line)
        previous = out[-1] if out else None
        if previous and previous.kind == "source" and (
                not kind or (kind == "date" and not _dated(previous.text))):
            previous.text = f"{previous.text} {line}"
        elif not kind and previous and previous.kind == "signature":
            out.append(ClosingLine("signature", line))
        else:
            kind = kind or ("place" if _PLACE.match(line) else "remark")
            out.append(ClosingLine(kind, line))
    return out


def _dated(line: str) -> bool:
    return bool(re.search(r"\d{4}\.?$", line))
