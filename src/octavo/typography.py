"""Typographic clean-up shared by readers: curly quotes, dashes, ellipses."""

from __future__ import annotations

import re

_OPENING_CONTEXT = r"(^|(?<=[\s(\[{\u2014\u2013/]))"


def smarten(text: str) -> str:
    """Curl straight quotes and apostrophes; make ``--`` an em dash and ``...`` an ellipsis."""
    text = re.sub(r"\s*---?\s*", "\u2014", text)
    text = re.sub(r"\.\s?\.\s?\.", "\u2026", text)
    text = re.sub(_OPENING_CONTEXT + '"', "\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(_OPENING_CONTEXT + "'(?=\\w)", "\u2018", text)
    return text.replace("'", "\u2019")


_INITIALS = re.compile(r"\b([A-Z]\.) (?=[A-Z])")
_PAGE_NUMBER = re.compile(r"\b(pp?\.|No\.|Vol\.) (?=[\dIVXLC])")


def tie(text: str) -> str:
    """No-break spaces inside initials (``J. V. Stalin``) and before numbers (``p. 206``)."""
    return _PAGE_NUMBER.sub("\\1\u00a0", _INITIALS.sub("\\1\u00a0", text))
