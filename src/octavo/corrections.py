"""An editor's corrections to a source text, applied before its reader runs.

Some OCR errors no rule can settle (``mmediate``, ``or`` for ``of``, a misread
digit).  They are listed in ``NAME.corrections.toml`` beside the source::

    [[fix]]
    find = "Report on the mmediate Tasks"
    replace = "Report on the Immediate Tasks"
    page = "VII"        # optional: only on this printed page
    count = 1           # optional: how many matches are meant (default 1; 0 = all)

A fix is matched whatever the line ends and trailing spaces of the text or the file
(both are normalised), whatever quotes the text has and however it indents its lines:
where its find is not there as written, a quote or stand-in in it (``People¹s``) matches
the text's (``People’s``, ``People's``), and a line break one before an indented line,
which its replacement then takes.  A fix that matches nothing, or another
number of times than meant, is reported (finding ``c-001``) and not applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .findings import report
from .normalise import normalise
from .toml_schema import Key, check, read

SUFFIX = ".corrections.toml"

PageSpans = Callable[[str], dict[str, tuple[int, int]]]
# a character a find may hold for a quote, an apostrophe or a dash (a scan's stand-in, a
# straight or a typographic quote), and one a text may hold for it instead
# (no letter, ASCII digit, space or stop: ``¹``, a scan's stand-in, is a word's to ``\w``)
_QUOTE_IN_TEXT = r"((?![^\W\d_])[^\s0-9.,;:!?()\[\]-]|[¹²³])"
_INDENTED = r"\n( *)"  # a line break, and the next line's indent


@dataclass(frozen=True)
class Fix:
    """One find → replace entry, optionally limited to a printed page."""

    find: str
    replace: str
    page: str = ""
    count: int = 1


def default_path(source: Path) -> Path:
    """``input/NAME.ocr.txt`` → ``input/NAME.corrections.toml``."""
    return source.with_name(source.name.split(".", 1)[0] + SUFFIX)


SCHEMA = {"fix": Key(list, table={
    "find": Key(str, required=True, check=lambda v: "" if v else "must not be empty"),
    "replace": Key(str, required=True), "page": Key((str, int)),
    "count": Key(int, check=lambda v: "" if v >= 0 else "must be 0 (all) or more")})}


def load(path: Path) -> list[Fix]:
    """The fixes of a corrections file, or a MetadataError naming what is wrong and where."""
    toml = read(path)
    check(toml, SCHEMA)
    return [Fix(normalise(e["find"]), normalise(e["replace"]), str(e.get("page", "")),
                e.get("count", 1)) for e in toml.data.get("fix", [])]


def apply(text: str, fixes: list[Fix], page_spans: PageSpans | None = None) -> str:
    """``text`` with every fix applied in order; fixes that miss or overmatch are warned of.

    Page-limited fixes are first applied where the whole text holds as many matches as
    meant, then checked on the corrected text's pages (whose layout the reader then takes
    over): where each replacement stands on its page, that is the text. Otherwise each fix
    is counted on its page of the text as it stands, which takes a layout of its own."""
    fixes = [_as_printed(fix, text) for fix in fixes]
    if page_spans and any(f.page for f in fixes):
        if (checked := _checked_on_pages(text, fixes, page_spans)) is not None:
            return checked
        return _applied(text, fixes, page_spans(text))
    return _applied(text, fixes, {})


def _as_printed(fix: Fix, text: str) -> Fix:
    """The fix as the text prints its find, where the text holds it not as written but
    with other quotes (or stand-ins) for its own, or with its lines indented: its
    replacement takes the text's quotes and the indent of its first line break."""
    quotes = [c for c in fix.find if c in "'\"`" or not (c.isascii() or c.isalpha())]
    if fix.find in text or not (quotes or "\n" in fix.find):
        return fix
    kinds = [c for c in fix.find if c in quotes or c == "\n"]  # each group's character
    pattern = "".join(_QUOTE_IN_TEXT if c in quotes else _INDENTED if c == "\n"
                      else re.escape(c) for c in fix.find)
    if not (m := re.search(pattern, text)):
        return fix
    found = list(zip(kinds, m.groups(), strict=True))
    table = dict(found)
    table["\n"] = "\n" + next((g for c, g in found if c == "\n"), "")  # its first indent
    return Fix(m[0], "".join(table.get(c, c) for c in fix.replace), fix.page, fix.count)


def _checked_on_pages(text: str, fixes: list[Fix], page_spans: PageSpans) -> str | None:
    """The fixes applied to all their matches, each page-limited one's replacements then
    found on its page of the corrected text; None where one misses, overmatches in the
    whole text, meets an earlier one's replacement or stands off its page."""
    placed: list[tuple[int, int, str]] = []  # each page fix's replacements: start, end, page
    for fix in fixes:
        starts = [m.start() for m in re.finditer(re.escape(fix.find), text)]
        if not starts or (fix.count and len(starts) != fix.count):
            return None
        if any(a < e and s < a + len(fix.find) for a in starts for s, e, _ in placed):
            return None
        shift = len(fix.replace) - len(fix.find)
        placed = [(s + shift * n, e + shift * n, page) for s, e, page in placed
                  for n in [sum(a < s for a in starts)]]
        placed += [(a + shift * k, a + shift * k + len(fix.replace), fix.page)
                   for k, a in enumerate(starts) if fix.page]
        text = text.replace(fix.find, fix.replace)
    spans = page_spans(text)
    on_page = all((span := spans.get(page)) and span[0] <= s and e <= span[1]
                  for s, e, page in placed)
    return text if on_page else None


def _applied(text: str, fixes: list[Fix], spans: dict[str, tuple[int, int]]) -> str:
    """``text`` with each fix applied to its matches on its page (``spans``), or in the
    whole text; a fix that misses or overmatches is reported and left out."""
    for fix in fixes:
        start, end = spans.get(fix.page, (-1, -1)) if fix.page else (0, len(text))
        found = text.count(fix.find, start, end) if start >= 0 else 0
        if found == 0 or (fix.count and found != fix.count):
            report("c-001", f"correction {fix.find!r}: {found} matches, "
                   f"{fix.count or 'some'} meant; not applied", page=fix.page)
            continue
        region = text[start:end].replace(fix.find, fix.replace)
        shift = len(region) - (end - start)
        text = text[:start] + region + text[end:]
        spans = {folio: (s + shift * (s >= end), e + shift * (e >= end))
                 for folio, (s, e) in spans.items()}
    return text
