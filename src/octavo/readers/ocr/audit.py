"""What a look at the finished tree shows an editor, beside what the reader reported.

Reading records its findings on ``Book.findings``; this module adds the doubts the
finished tree shows: numbers that still look like note markers, footnote references
with no footnote, words the OCR may have run together, chronicle dates that run
backwards.
"""

from __future__ import annotations

import re
from collections import Counter

from ...findings import Finding
from ...tree import BACK_MATTER, Book, Chronicle, NoteRef, Text, Work, iter_nodes
from . import words
from .links import slots

_RANGE = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})$")
_MARKER = re.compile(r"(?<=[A-Za-z\u201d\u2019])\d{1,3}\b")
_LONG_WORD = re.compile(r"\b[a-z]{8,}\b")
_COMMON = 3.5  # Zipf frequency of a common English word
_HOUSE_STYLE = 3  # a joined form printed this often is the volume's spelling (whiteguard)
_PART = 3  # shortest part of a joined word worth reporting
_PREFIXES = frozenset({"dis", "non", "pre", "sub", "anti", "over", "under", "counter"})


def findings(book: Book, source: str = "") -> list[Finding]:
    """The doubts the finished tree shows, in book order (``source`` names the source)."""
    found: list[Finding] = []
    footnote_ids = {f.id for work in book.walk() for f in work.footnotes}
    texts = [n.text for root in (*book.works, *book.notes) for n in iter_nodes(root)
             if isinstance(n, Text)]
    usage = Counter(w for t in texts for w in _LONG_WORD.findall(t))
    for work in book.works:
        if work.kind == "chronicle":
            found += _chronicle(work, source)
        if work.kind in BACK_MATTER:
            continue
        for node in iter_nodes(work):
            if isinstance(node, NoteRef) and node.kind == "footnote" \
                    and node.target not in footnote_ids:
                found.append(Finding("o-002", f"reference {node.label} in “{work.title}” has no "
                                              "footnote", source=source))
        for slot in slots(work.blocks):
            text = slot.text.text
            for m in _MARKER.finditer(text):
                found.append(Finding("n-003", f"“…{_around(text, m)}…”", slot.page,
                                     source=source))
            found += [Finding("j-001", f"“{w}” ({' '.join(parts)}?)", slot.page, source=source)
                      for w, parts in _joins(text) if usage[w] < _HOUSE_STYLE]
    return found


def _chronicle(work: Work, source: str) -> list[Finding]:
    """Chronicle dates whose day range runs backwards (``September 23-21``)."""
    out = []
    for year in (y for c in work.blocks if isinstance(c, Chronicle) for y in c.years):
        for entry in year.entries:
            m = _RANGE.search(entry.date)
            if m and int(m[2]) <= int(m[1]):
                out.append(Finding("h-001", f"{year.year}, “{entry.date}”: the days run "
                                            "backwards", source=source))
    return out


def _around(text: str, m: re.Match[str]) -> str:
    return text[max(0, m.start() - 30):m.end() + 10].strip()


def _joins(text: str):
    for m in _LONG_WORD.finditer(text):
        word = m[0]
        if words.zipf(word) > 0:
            continue
        parts = words.segment(word)
        if len(parts) > 1 and parts[0] not in _PREFIXES and \
                all(len(p) >= _PART and words.zipf(p) >= _COMMON for p in parts):
            yield word, parts
