"""English word frequencies on the Zipf scale, exactly as wordfreq gives them, in a tenth of
the time it takes to load them.

wordfreq's import and its English table take half a second, a quarter of reading a volume.
The words the readers ask about are made of ASCII letters, and a word of the table has the
frequency of its bin (wordfreq keeps one frequency per hundredth of a Zipf unit), so a table
of its own holds those words, sorted, with their bins and each bin's Zipf value as wordfreq
computes it. It is built from wordfreq once per version of wordfreq and kept in octavo's
cache folder as JSON; one that is unreadable or wrong is built again. Any other word is
asked of wordfreq itself, once: its answers are kept beside the table (a volume holds a few
such words, ``émigrés``, and loading wordfreq for them took a fifth of reading it).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import OctavoError
from .output import write_atomic
from .paths import cache_folder

FORMAT = 1  # of the table's file
LANGUAGE = "en"
_ASCII_WORD = re.compile(r"[a-z]+")
_BIN = 0x100  # the bins are kept as characters from here on, one per word
MAX_OTHERS = 10_000  # answers kept for words outside the table; beyond, asked each time


def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``."""
    if _ASCII_WORD.fullmatch(word):
        return _table().zipf(word)
    others = _others()
    if word not in others:
        from wordfreq import zipf_frequency

        if len(others) >= MAX_OTHERS:
            return zipf_frequency(word, LANGUAGE)
        others[word] = zipf_frequency(word, LANGUAGE)
        with contextlib.suppress(OSError, OctavoError):  # else it is asked again next time
            write_atomic(_others_path(), json.dumps(others, sort_keys=True).encode())
    return others[word]


def may_begin(prefix: str) -> bool:
    """Whether a word wordfreq knows may begin with ``prefix``: one of the table's, for a
    prefix of ASCII letters (lower case); any, for one of other letters."""
    if not _ASCII_WORD.fullmatch(prefix):
        return True
    words = _table().words
    at = bisect.bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


def load() -> None:
    """Load the table now, before the first word is asked of it (while another core works)."""
    _table()


@dataclass(frozen=True)
class Table:
    """The words of ASCII letters of wordfreq's table, sorted; each one's bin; each bin's
    Zipf value."""

    words: list[str]
    bins: str
    values: list[float]

    def zipf(self, word: str) -> float:
        at = bisect.bisect_left(self.words, word)
        if at < len(self.words) and self.words[at] == word:
            return self.values[ord(self.bins[at]) - _BIN]
        return 0.0


@functools.cache
def _table() -> Table:
    path = cache_folder() / "wordfreq" / f"{LANGUAGE}-{_wordfreq_version()}.json"
    try:
        data = json.loads(path.read_bytes())
        if data["format"] == FORMAT:
            table = Table(data["words"].split("\n"), data["bins"], data["values"])
            if len(table.words) == len(table.bins) and all(
                    isinstance(v, float) for v in table.values):
                return table
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    table = _from_wordfreq()
    with contextlib.suppress(OSError, OctavoError):  # else it is built again next time
        write_atomic(path, json.dumps({"format": FORMAT, "words": "\n".join(table.words),
                                       "bins": table.bins, "values": table.values},
                                      ensure_ascii=False).encode())
    return table


@functools.cache
def _wordfreq_version() -> str:
    """wordfreq's version, from the name of its ``dist-info`` folder beside it: a glance at
    a folder, where ``importlib.metadata`` takes a fortieth of a second to load; asked of
    ``importlib.metadata`` where no one such folder is found."""
    spec = importlib.util.find_spec("wordfreq")
    if spec and spec.origin:
        found = list(Path(spec.origin).parents[1].glob("wordfreq-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix("wordfreq-").removesuffix(".dist-info")
    from importlib.metadata import version

    return version("wordfreq")


def _others_path() -> Path:
    return cache_folder() / "wordfreq" / "others" / f"{LANGUAGE}-{_wordfreq_version()}.json"


@functools.cache
def _others() -> dict[str, float]:
    """wordfreq's answers for the words outside the table asked of it before; none when the
    file is missing, unreadable or wrong."""
    try:
        data = json.loads(_others_path().read_bytes())
        if isinstance(data, dict) and all(isinstance(v, float) for v in data.values()):
            return data
    except (OSError, ValueError):
        pass
    return {}


def _from_wordfreq() -> Table:
    """The table, from wordfreq's own: each bin's value is what wordfreq says of a word in it."""
    from wordfreq import get_frequency_dict, zipf_frequency

    frequencies = get_frequency_dict(LANGUAGE, "best")
    words = sorted(w for w in frequencies if _ASCII_WORD.fullmatch(w))
    bins = {f: i for i, f in enumerate(sorted({frequencies[w] for w in words}, reverse=True))}
    values: list[float | None] = [None] * len(bins)
    for word in words:
        if values[at := bins[frequencies[word]]] is None:
            values[at] = zipf_frequency(word, LANGUAGE)
    return Table(words, "".join(chr(_BIN + bins[frequencies[w]]) for w in words), values)
