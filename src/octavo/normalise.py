"""A source's text in one canonical shape, whatever the machine that saved it.

Line ends become ``\\n`` (from CRLF, CR, or CR CR LF where most are: a CRLF text converted
again), a byte-order mark and zero-width characters go, tabs and the odd spaces (no-break,
thin, figure …) become plain spaces, a run of spaces between words one (an OCR's wide
gap), trailing white space goes, and a form feed is a page break like a blank line.  What a
reader sees is then the same for a text saved on Windows, trimmed by an editor or paged
with form feeds; its blank lines are its page breaks only: the form feeds, lines of
white space or empty lines that fall at the page rate, the others gone (``separator``).
A text with a blank line after every line (some exports set so) has its line ends
halved.
A soft hyphen ending a line is the hyphen it printed as (a PDF's text keeps it so), as
is ``¬`` where it stands only at line ends (some OCR marks hyphens so), and ligatures
(``ﬁ``, ``ﬂ``) are their letters.  Unicode's hyphen and non-breaking hyphen (U+2010,
U+2011, which some PDFs' texts set for every hyphen) are the hyphen, and letters with
their accents as combining marks (``e`` + U+0301, as macOS saves file names and some
exports text) are composed (NFC), first, so that no mark reads as a stand-in of its own
nor hides a double encoding's ``â``.
Text that was UTF-8 read as Windows-1252 or Latin-1 somewhere on its way (``Partyâ€™s``)
is mended (ftfy) before all that, and reported.  The page-break lines some exports write
(``--- Page 12 ---``) are blank lines (``pagemarks``).
"""

from __future__ import annotations

import re
import unicodedata

from . import findings, pagemarks, separator
from .lettering import AFTER_STOP, CLAUSE_STOPS

# Each pattern below is tried only on a text holding one of the characters it opens with
# (looked for by ``in``, a hundred times as fast as a pattern's scan of a volume's text).
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85\v]")
_CONVERTED_TWICE = "\r\r\n"  # a CRLF text saved as CRLF again: one line end
_LINE_END_CHARS = "\r\u2028\u2029\x85\v"
_SPACE_CHARS = "\t\xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_GAPS = re.compile(r"(?<=\S) {2,}(?=\S)")  # not a line's indent, nor its trailing spaces
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u2060\xad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SOFT_HYPHEN_END = re.compile(r"\xad(?= *\n)")
_NOT_SIGN = re.compile(r"\xac(?! *\n)")  # ``¬`` inside a line: a stand-in, not a hyphen
LIGATURES = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"  # ff fi fl ffi ffl ſt st
_LIGATURES = re.compile(f"[{LIGATURES}]")
_HYPHENS = str.maketrans("\u2010\u2011", "--")  # Unicode's hyphen, non-breaking hyphen
# UTF-8's lead bytes read as cp1252 or Latin-1, before a continuation byte so read
_MOJIBAKE = re.compile("[\u00c2-\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
                       "\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
                       "\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}")
_MOJIBAKE_LEADS = "\u00c2\u00c3\u00e2"
DOUBLED = 20  # one line in so many may run on to the next in a text of doubled line ends
# (a page's first line under a head an export set without its blank line)
# a line ending a sentence (a stop, or a quote or bracket closing after one): a printed
# line seldom does (the sample's 13% of lines), a paragraph set on a line of its own does
_SENTENCE_ENDS = re.compile(rf"(?m)[{CLAUSE_STOPS}][\"'{AFTER_STOP}\]]*$")  # (straight quotes
# too: the scan's stand-ins are not yet put back)
MOJIBAKE_SHARE = 0.5  # of the text's non-ASCII letters in such pairs: a double encoding


def undoubled(text: str) -> str:
    """Composed ``text`` with its double encoding mended (ftfy), reported (``s-008``), where
    it is UTF-8 that was read in a single-byte encoding (``â€™`` for ``’``)."""
    if not _double_encoded(text):
        return text
    findings.report("s-008", "the text was UTF-8 read as Latin-1 or cp1252 on its way (“â€™” "
                    "for “’”); mended")
    import ftfy  # a tenth of a second to load, for the rare double-encoded text

    return composed(ftfy.fix_encoding(text))  # (what it mends may be decomposed)


def _double_encoded(text: str) -> bool:
    """Whether composed ``text`` (``â`` decomposed is no lead byte read so) is UTF-8 that
    was read in a single-byte encoding."""
    if not _holds(text, _MOJIBAKE_LEADS):
        return False
    found = len(_MOJIBAKE.findall(text))
    return found >= 3 and found >= MOJIBAKE_SHARE * sum(
        not c.isascii() and not c.isspace() for c in text) / 3


def composed(text: str) -> str:
    """``text`` with each letter and its combining accents one character (NFC)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """``text`` with ``\\n`` line ends, plain spaces, one between words, no trailing
    white space, and each page break a blank line (under one more for each blank line a
    form feed had over it), the blank lines that are none gone."""
    text = undoubled(composed(text))
    if _holds(text, _LINE_END_CHARS):
        if 2 * text.count(_CONVERTED_TWICE) > text.count("\n"):  # (most of its line ends:
            text = text.replace(_CONVERTED_TWICE, "\n")  # else a CR text's blank line)
        text = _LINE_ENDS.sub("\n", text)
    text = pagemarks.unmark(text)
    if "\xad" in text:
        text = _SOFT_HYPHEN_END.sub("-", text)
    if "\xac" in text and not _NOT_SIGN.search(text):  # only at line ends: a hyphen's mark
        text = text.replace("\xac", "-")
    if _holds(text, _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if _holds(text, LIGATURES):
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    if "\u2010" in text or "\u2011" in text:
        text = text.translate(_HYPHENS)
    if _holds(text, _SPACE_CHARS):
        text = _SPACES.sub(" ", text)
    if "  " in text:
        text = _GAPS.sub(" ", text)
    return _halved("\n".join(line.rstrip(" ") for line in separator.parted(text)))


def _halved(text: str) -> str:
    """``text`` with its line ends halved where it sets a blank line after every line (as
    some exports do): hardly a line runs on to the next, and the runs of two blank lines
    or more (the pages' breaks, doubled) part pages of a page's length at most; or there
    are none (a copy that had dropped its blank lines), and the lines are a page's printed
    lines, most ending inside a sentence, not paragraphs of a line each."""
    lines = text.count("\n") + 1
    if lines < pagemarks.PAGE or text.count("\n\n") < lines / 3:  # (quick: most lines not)
        return text
    texts = len(re.findall(r"(?m)^.*\S.*$", text))
    run_on = len(re.findall(r"(?m)^.*\S.*\n.*\S", text))
    breaks = len(re.findall(r"\n{3,}", text))
    if run_on * DOUBLED > texts or (breaks * pagemarks.PAGE < texts if breaks
                                    else 2 * len(_SENTENCE_ENDS.findall(text)) > texts):
        return text
    return re.sub(r"\n+", lambda m: "\n" * ((len(m[0]) + 1) // 2), text)


def _holds(text: str, chars: str) -> bool:
    return any(c in text for c in chars)
