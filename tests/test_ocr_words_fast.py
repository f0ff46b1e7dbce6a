"""The word pass made cheaper without changing a block: the volume reads into the same blocks
with the word pass's reordered patterns, memos and quick tests as with the patterns as first
written, nothing memoised and every pattern of tidy() tried on every paragraph."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from octavo.cache import serialise
from octavo.readers import ocr
from octavo.readers.ocr import openers, words

VOLUME = Path(__file__).resolve().parents[1] / "input/stalin-works-05.ocr.txt"
PLAIN = {  # the patterns as first written: each looks behind (or at a boundary) first
    "GAP_BEFORE_STOP": r"(?<=[\w.)]) (?=[,.;:!?)](?:\s|$|[\u201d\u2019,)]))",
    "GAP_IN_INITIALS": r"(?<=\b[A-Z]) \.(?= ?[A-Z(])",
    "GAP_BEFORE_PARTY": r"(?<=[A-Z]\.) (?=\([A-Z]\.\))",
    "SPACED_DIGITS": r"\b(?:\d ){2,}\d(?: ?- ?(?:\d ?)*\d)?\b",
    "SPACE_IN_PARENTHESIS": r"(?<=\() ",
    "GAP_BEFORE_S": r"(?<=\w)\u2019 s\b",
}
PLAIN_OPENERS = {"INSIDE": r"(?<=[a-z)\u201d\u2019][.!?]) ([A-Z][a-z]*)\b,?(?: ([a-z]+)\b)?"}


def _shown(m: re.Match[str]) -> str:
    return f"<{m.start()}:{m[0]}:{m.groups()}>"


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*"aAsJkR1 9.,;()’”—-:\n", "a. Ab", "s? Jk", ") R", "R .",
                                 "( ", "1 9 0", "’ s"]), max_size=30).map("".join))
def test_each_reordered_pattern_matches_where_the_plain_one_does(text):
    for module, plain_patterns in ((words, PLAIN), (openers, PLAIN_OPENERS)):
        for name, plain in plain_patterns.items():
            assert getattr(module, name).sub(_shown, text) == re.sub(plain, _shown, text), name


PIECES = st.lists(st.sampled_from(["a", "b", "x", "ab", "R", " ", " b", " R", ".", ". ", "’",
                                    "-", "(B.)", "\u2014", "\n", "\xa0", "a b ", " e f",
                                    "R .", "R. ", "a. b.", ". . ."]),
                  max_size=24).map("".join)  # text near what tidy's patterns look for


@settings(max_examples=400)
@given(PIECES)
def test_tidy_skips_a_pattern_only_where_it_would_change_nothing(text):
    kept = {words.SPACED_DASH: "\u2014"}  # a match the pass leaves as it is
    for pattern, _, needed in words.TIDY:
        if needed and not needed(text):
            assert all(m[0] == kept.get(pattern) for m in pattern.finditer(text)), pattern


@given(st.lists(st.sampled_from([*"aBx .’-*(\n", "a b", "a-b", "a - b", "ab"]),
                max_size=12).map("".join))
def test_a_spaced_run_is_looked_for_only_where_two_letters_stand_apart(text):
    if words.SPACED_RUN.search(text):
        assert words.MAY_SPACE_OUT.search(f" {text}")


def test_the_volume_reads_into_the_same_blocks_with_plain_patterns_and_no_memo(monkeypatch):
    text = VOLUME.read_text(encoding="utf-8")
    fast = serialise(ocr.draft(text)[0])
    for name, pattern in PLAIN_OPENERS.items():
        monkeypatch.setattr(openers, name, re.compile(pattern))
    plain = {getattr(words, name): re.compile(pattern) for name, pattern in PLAIN.items()}
    monkeypatch.setattr(words, "TIDY", [(plain.get(pattern, pattern), replacement, None)
                                        for pattern, replacement, _ in words.TIDY])
    monkeypatch.setattr(words, "segment", words.segment.__wrapped__)
    monkeypatch.setattr(words, "_zipf", words._zipf.__wrapped__)
    assert serialise(ocr.draft(text)[0]) == fast
