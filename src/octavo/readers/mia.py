"""Reader for clean web transcriptions in the Marxists Internet Archive style.

The text opens with a title block (author, title, subtitle lines, date), then
``Key: value`` metadata lines, then paragraphs separated by blank lines.
"""

from __future__ import annotations

import re

from ..dates import DATE_LINE
from ..findings import report
from ..ids import IdAllocator
from ..tree import Book, Metadata, Paragraph, ParagraphRole, Text, Work
from ..typography import smarten
from . import info

POINT = re.compile(r"^(?:\d+|[a-z])[.)]\s")


def _metadata_key(chunk: str) -> bool:
    pair = info.split_line(chunk.split("\n", 1)[0])
    return pair is not None and info.known_key(pair[0])


def read(text: str, hints: Metadata | None = None) -> Book:
    """Parse a web transcription into a one-work Book (the TOML's ``hints`` aren't needed)."""
    raw_chunks = [c for c in re.split(r"\n\s*\n", text.strip()) if c.strip()]
    first_meta = next((i for i, c in enumerate(raw_chunks) if _metadata_key(c)), None)
    if first_meta is None:
        header, meta_lines, body = [], [], [" ".join(c.split()) for c in raw_chunks]
        report("s-007", "no title block with 'Key: value' lines (Source:, Publisher: …) "
               f"found; read as {len(body)} plain paragraph(s)")
    else:
        header = [" ".join(c.split()) for c in raw_chunks[:first_meta]]
        meta_lines = [ln for c in raw_chunks[first_meta:] for ln in c.splitlines()]
        body = []
        for i, chunk in enumerate(raw_chunks[first_meta:], first_meta):
            if not _metadata_key(chunk):
                body = [" ".join(c.split()) for c in raw_chunks[i:]]
                meta_lines = [ln for c in raw_chunks[first_meta:i] for ln in c.splitlines()]
                break

    found = info.read_lines(meta_lines)
    meta = found.meta

    date = next((h for h in header if DATE_LINE.match(h)), "")
    names = [h for h in header if h != date]
    author, title, subtitle = "", "", []
    if len(names) >= 2:
        author, title, *subtitle = names
    elif names:
        title = names[0]
    meta.author, meta.title = author, smarten(title)

    work = Work(
        id=IdAllocator()(title or "text"),
        title=meta.title,
        subtitle=[smarten(s) for s in subtitle],
        date=date or found.written,
        short_title=meta.title,
        blocks=[
            Paragraph([Text(smarten(p))],
                      role=ParagraphRole.POINT if POINT.match(p) else ParagraphRole.BODY)
            for p in body
        ],
    )
    work.first_page, work.last_page = info.source_pages(meta.source)
    return Book(meta=meta, works=[work])
