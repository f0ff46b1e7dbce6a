"""Pass 2: restore the characters the OCR encoding replaced.

The scan's text encodes typographic characters with stray Latin-1 ones:
``³``/``²`` are opening/closing double quotes, ``Œ``/``¹`` opening/closing single
quotes (``¹`` is also the apostrophe), ``‹`` an em dash and ``€`` a bullet.  A
zero misread for a capital O at the start of a line (``0n the``) is put right.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .pages import Page

CHARACTERS = str.maketrans(
    {"³": "\u201c", "²": "\u201d", "Œ": "\u2018", "¹": "\u2019", "‹": "\u2014", "€": "\u2022"}
)
ZERO_FOR_O = re.compile(r"(?<![\w.,])0(?=[a-z])")
SPACE_BEFORE_APOSTROPHE = re.compile(r"(?<=\w) \u2019(?=s\b)")
SPACE_BEFORE_CLOSING = re.compile(r"(?<=[\w.,;:!?]) \u201d(?=\s|$)")  # ``Unity, ² drafted``


def repair_line(line: str) -> str:
    """One line with the encoding's characters restored and OCR gaps around them closed."""
    line = line.translate(CHARACTERS)
    if "0" in line:
        line = ZERO_FOR_O.sub("O", line)
    if " \u201d" in line:
        line = SPACE_BEFORE_CLOSING.sub("\u201d", line)
    return SPACE_BEFORE_APOSTROPHE.sub("\u2019", line) if " \u2019" in line else line


def repair(pages: list[Page]) -> list[Page]:
    """Pages whose heads and lines have their real characters back."""
    return [
        replace(page, head=repair_line(page.head), lines=[repair_line(ln) for ln in page.lines])
        for page in pages
    ]
