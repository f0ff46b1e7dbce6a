"""Word decisions: end-of-line hyphens, lost hyphens, OCR gaps and spaced emphasis.

Decisions use the volume's own vocabulary first (how often it prints ``trade-union``
against ``tradeunion``; ``workers`` as one word against ``work ers``) and the
``wordfreq`` frequencies of English after that.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from wordfreq import zipf_frequency

from ...tree import Emphasis, Inline, NoteRef, PageMarker, Text

WORD = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")
TRAILING = re.compile(r"([A-Za-z]+)-?$")
LEADING = re.compile(r"^([A-Za-z]+)")
SPACED_RUN = re.compile(r"(?<![\w.’])(?:[A-Za-z] )+[A-Za-z](?![\w’])")
HYPHENED = re.compile(r"[a-z]+(?:-[a-z]+)+")
COMPOUND = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])")
MERGED_PAIR = re.compile(r"(?<=\b[A-Za-z] [A-Za-z] )([A-Za-z])([A-Za-z])(?= [A-Za-z] [A-Za-z]\b)")
SPACED_DIGITS = re.compile(r"\b(?:\d ){2,}\d\b")
PAGE_MARK = re.compile("\ue000([^\ue001]*)\ue001")
NOTE_MARK = re.compile(r"(?<=[\w.,;:!?\u201d)\u2019])(\*{1,3})(?=\s|$|[,.;:)\u201d])")
ELLIPSIS = re.compile(r" ?\.(?: \.){2,3}")  # four dots: a sentence's stop, then the ellipsis


def zipf(word: str) -> float:
    """The word's frequency in English on the Zipf scale (0 when unknown)."""
    return _zipf(word.lower())


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


class Vocabulary:
    """The volume's own words: how often each form is printed inside a line."""

    def __init__(self, lines: list[str]) -> None:
        inner: list[str] = []  # a line's first and last words may be fragments: not counted
        pairs: list[str] = []
        for line in lines:
            tokens = WORD.findall(line.lower())
            inner += tokens[1:-1]
            pairs += map(" ".join, itertools.pairwise(tokens))
        self.words = Counter(inner)
        self.pairs = Counter(pairs)
        self.forms: dict[str, Counter[str]] = {}  # letters only → hyphened forms seen
        hyphened = Counter(t for line in lines for t in HYPHENED.findall(line.lower()))
        for token, count in hyphened.items():
            self.forms.setdefault(token.replace("-", ""), Counter())[token] += count

    def hyphen_kept(self, head: str, tail: str) -> bool:
        """Whether ``head-`` + ``tail`` at a line end is a real hyphen (``trade-union``)."""
        joined, hyphened = (head + tail).lower(), f"{head}-{tail}".lower()
        if self.words[hyphened] != self.words[joined]:
            return self.words[hyphened] > self.words[joined]
        if tail[:1].isupper():
            return True
        if zipf(joined) > 0:
            return False
        return zipf(head) >= 3 and zipf(tail) >= 3

    def lost_join(self, head: str, tail: str) -> bool:
        """Whether ``head`` ending a line and ``tail`` opening the next are one word
        whose hyphen the OCR lost (``commu`` + ``nist``, ``work`` … ``ers``)."""
        if not tail.islower() or not head.isalpha():
            return False
        joined = (head + tail).lower()
        apart = self.pairs[f"{head.lower()} {tail}"]
        if self.words[joined] >= 2 and self.words[joined] >= 10 * apart:
            return True  # the volume prints it as one word and (almost) never apart
        if apart:
            return False
        return zipf(joined) >= 3 and zipf(joined) > max(zipf(tail), zipf(head)) + 1

    def mend(self, text: str) -> str:
        """Restore hyphens the OCR lost inside compounds (``rank-andfile``): a part no
        dictionary knows becomes the volume's other spelling of the compound, or two
        common words (never a name's)."""
        return COMPOUND.sub(lambda m: self._mend(m[0]), text)

    def _mend(self, token: str) -> str:
        parts = token.split("-")
        if all(zipf(p) > 0 for p in parts):
            return token
        known = [f for f in self.forms.get(token.replace("-", "").lower(), ())
                 if all(zipf(p) > 0 for p in f.split("-"))]
        if known:
            return _recase(max(known, key=self.forms[token.replace("-", "").lower()].get), token)
        return "-".join(part if zipf(part) > 0 or not part.islower() else _split(part)
                        for part in parts)


def _split(part: str) -> str:
    """An unknown word as two common words joined by a hyphen, if it is one (``andfile``)."""
    halves = [(part[:i], part[i:]) for i in range(2, len(part) - 1)]
    best = max(halves, key=lambda h: min(zipf(h[0]), zipf(h[1])), default=None)
    return "-".join(best) if best and min(zipf(best[0]), zipf(best[1])) >= 3 else part


def _recase(form: str, token: str) -> str:
    """``form`` (lower case) with the letters' case of ``token``."""
    letters = iter(c for c in token if c != "-")
    return "".join(c if c == "-" else next(letters) for c in form)


def join_lines(vocab: Vocabulary, text: str, line: str) -> str:
    """``text`` with the next ``line`` appended: hyphens decided, lost hyphens closed."""
    if not text:
        return line
    if text.endswith("-") and (h := TRAILING.search(text)) and (t := LEADING.match(line)):
        if text[h.start() - 1 : h.start()] == "-" or vocab.hyphen_kept(h[1], t[1]):
            return text + line
        return text[:-1] + line
    h, t = re.search(r"(?<![\w.’'-])([A-Za-z]+)$", text), LEADING.match(line)
    if h and t and vocab.lost_join(h[1], t[1]):
        return text + line
    return f"{text} {line}"


def segment(letters: str) -> list[str]:
    """Split a run of letters into the likeliest English words (``revolutionsinEurope``)."""
    n = len(letters)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            freq = zipf(letters[start:end])
            if freq <= 0:
                continue
            cost = best[start][0] + 8.0 - freq
            if cost < best[end][0]:
                best[end] = (cost, start)
    if best[n][0] == float("inf"):
        return [letters]
    words, end = [], n
    while end > 0:
        start = best[end][1]
        words.append(letters[start:end])
        end = start
    return words[::-1]


def _spaced(match: re.Match[str]) -> tuple[str, bool]:
    """A run of spaced letters as words, and whether it is the print's spaced emphasis."""
    letters = match[0].replace(" ", "")
    words = segment(letters)
    emphatic = len(letters) >= 3 and (len(letters) >= 4 or all(len(w) > 1 for w in words))
    return " ".join(words), emphatic


def tidy(text: str) -> str:
    """Typography of a joined paragraph: ellipses, OCR gaps before punctuation, spacing."""
    text = ELLIPSIS.sub(lambda m: ". \u2026" if m[0].count(".") == 4 else " \u2026", text)
    text = MERGED_PAIR.sub(r"\1 \2", text)
    text = SPACED_DIGITS.sub(lambda m: m[0].replace(" ", ""), text)
    text = re.sub(r"(?<=\w) (?=[,.;:!?)](?:\s|$|[\u201d\u2019,)]))", "", text)
    text = re.sub(r"(?<=\b[A-Z]) \.(?= ?[A-Z(])", ".", text)
    text = re.sub(r"(?<=\() ", "", text)
    text = re.sub(r" ?\u2014 ?", "\u2014", text)
    text = re.sub(r"\u2026(?=\w)", "\u2026 ", text)
    text = re.sub(r"(?<=\w)\u2019 s\b", "\u2019s", text)
    return re.sub(r"\s{2,}", " ", text).strip()


INLINE = re.compile(f"{SPACED_RUN.pattern}|{NOTE_MARK.pattern}|{PAGE_MARK.pattern}")


def inlines(text: str) -> list[Inline]:
    """A paragraph's text as inlines: spaced emphasis, footnote marks and page markers
    (``\\ue000folio\\ue001``) picked out."""
    text = tidy(text)
    out: list[Inline] = []
    pos = 0
    plain = ""
    for m in INLINE.finditer(text):
        plain += text[pos : m.start()]
        pos = m.end()
        if m.group(0)[0] in "*\ue000":
            item: Inline = (NoteRef(target="", label=m.group(0), kind="footnote")
                            if m.group(0)[0] == "*" else PageMarker(m.group(0)[1:-1]))
        else:
            words, emphatic = _spaced(m)
            if not emphatic:
                plain += words
                continue
            item = Emphasis([Text(words)], spaced=True)
        if plain:
            out.append(Text(plain))
            plain = ""
        out.append(item)
    plain += text[pos:]
    if plain:
        out.append(Text(plain))
    return out
