"""Typographic clean-up shared by readers: curly quotes, dashes, ellipses."""

from __future__ import annotations

import re

_OPENING_CONTEXT = r"(^|(?<=[\s(\[{\u2014\u2013/]))"


def smarten(text: str) -> str:
    """Curl straight quotes and apostrophes; make ``--`` an em dash and ``...`` an ellipsis.

    Each rule runs only where the text has what it looks for (a reader calls this on every
    paragraph, most of which have no dashes to make).
    """
    if "--" in text:
        text = re.sub(r"\s*---?\s*", "\u2014", text)
    if ".." in text or ". ." in text:
        text = re.sub(r"\.\s?\.\s?\.", "\u2026", text)
    if '"' in text:
        text = re.sub(_OPENING_CONTEXT + '"', "\u201c", text).replace('"', "\u201d")
    if "'" in text:
        text = re.sub(_OPENING_CONTEXT + "'(?=\\w)", "\u2018", text).replace("'", "\u2019")
    return text


# The spaces to tie, each pattern opening with its space (found by a fast scan; what stands
# before it is looked behind at): after an initial, and after a page's or number's label.
_INITIALS = re.compile(r" (?<=\b[A-Z]\. )(?=[A-Z])")
_PAGE_NUMBER = re.compile(r" (?:(?<=\bp\. )|(?<=\bpp\. )|(?<=\bNo\. )|(?<=\bVol\. ))"
                          r"(?=[\dIVXLC])")


def tie(text: str) -> str:
    """No-break spaces inside initials (``J. V. Stalin``) and before numbers (``p. 206``)."""
    if ". " not in text:  # what both look behind at
        return text
    return _PAGE_NUMBER.sub("\u00a0", _INITIALS.sub("\u00a0", text))
