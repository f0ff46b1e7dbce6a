"""Reader for clean web transcriptions in the Marxists Internet Archive style.

The text opens with a title block (author, title, subtitle lines, date), then
``Key: value`` metadata lines, then paragraphs separated by blank lines.
"""

from __future__ import annotations

import re

from ..dates import MONTHS
from ..findings import report
from ..ids import IdAllocator
from ..tree import Book, Metadata, Paragraph, ParagraphRole, Text, Work
from ..typography import smarten

META_KEYS = {
    "source": "source",
    "publisher": "publisher",
    "first published": "first_published",
    "transcription/markup": "transcription",
    "transcription": "transcription",
    "translated": "translator",
    "public domain": "rights",
    "copyleft": "rights",
}
META_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z/ ]{2,30}):\s*(?P<value>.+)$")
DATE = re.compile(
    rf"^(?:\d{{1,2}} )?(?:{MONTHS})(?: \d{{1,2}})?,? \d{{4}}$|^\d{{4}}$"
)
POINT = re.compile(r"^(?:\d+|[a-z])[.)]\s")
PAGES = re.compile(r"pp?\.\s*(\d+)(?:\s*[-\u2013]\s*(\d+))?")


def _metadata_key(chunk: str) -> str | None:
    match = META_LINE.match(chunk.split("\n", 1)[0])
    return META_KEYS.get(match["key"].lower()) if match else None


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

    meta = Metadata()
    for line in meta_lines:
        match = META_LINE.match(line.strip())
        if match and (field := META_KEYS.get(match["key"].lower())):
            setattr(meta, field, smarten(match["value"].strip()))

    date = next((h for h in header if DATE.match(h)), "")
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
        date=date,
        short_title=meta.title,
        blocks=[
            Paragraph([Text(smarten(p))],
                      role=ParagraphRole.POINT if POINT.match(p) else ParagraphRole.BODY)
            for p in body
        ],
    )
    if pages := PAGES.search(meta.source):
        work.first_page, work.last_page = pages[1], pages[2] or pages[1]
    return Book(meta=meta, works=[work])
