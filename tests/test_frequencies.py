"""octavo's table of English word frequencies says what wordfreq says, for any word."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wordfreq import zipf_frequency

from octavo import frequencies
from octavo.paths import cache_folder

VOLUME = Path(__file__).resolve().parents[1] / "input/stalin-works-05.ocr.txt"


def test_every_word_of_the_volume_has_wordfreqs_frequency():
    words = set(re.findall(r"[A-Za-z]+", VOLUME.read_text(encoding="utf-8").lower()))
    assert len(words) > 5000
    assert {w: frequencies.zipf(w) for w in words} == {w: zipf_frequency(w, "en")
                                                       for w in words}


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'-A ", max_size=12))
def test_any_word_has_wordfreqs_frequency(word):
    assert frequencies.zipf(word) == zipf_frequency(word, "en")


@pytest.mark.parametrize("damage", ["corrupt", "other format", "lengths differ"])
def test_a_bad_table_is_built_again(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path))
    frequencies._table.cache_clear()
    try:
        assert frequencies.zipf("workers") == zipf_frequency("workers", "en")
        (path,) = (cache_folder() / "wordfreq").glob("en-*.json")
        data = json.loads(path.read_bytes())
        if damage == "corrupt":
            path.write_bytes(path.read_bytes()[:5000])
        elif damage == "other format":
            path.write_text(json.dumps({**data, "format": 0}))
        else:
            path.write_text(json.dumps({**data, "bins": data["bins"][1:]}))
        frequencies._table.cache_clear()
        assert frequencies.zipf("workers") == zipf_frequency("workers", "en")
        assert json.loads(path.read_bytes()) == data  # written again, whole
    finally:
        frequencies._table.cache_clear()


@pytest.mark.parametrize("damage", ["", "corrupt", "not floats"])
def test_words_outside_the_table_are_asked_of_wordfreq_once(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("OCTAVO_CACHE", str(tmp_path))
    frequencies._others.cache_clear()
    try:
        words = ["émigrés", "its¹", "migrés"]
        assert [frequencies.zipf(w) for w in words] == [zipf_frequency(w, "en") for w in words]
        (path,) = (cache_folder() / "wordfreq" / "others").glob("en-*.json")
        kept = json.loads(path.read_bytes())
        assert kept == {w: zipf_frequency(w, "en") for w in words}
        if damage == "corrupt":
            path.write_bytes(path.read_bytes()[:10])
        elif damage == "not floats":
            path.write_text(json.dumps(dict.fromkeys(words, "6")))
        else:  # kept: wordfreq is not asked again
            monkeypatch.setattr("wordfreq.zipf_frequency", None)
        frequencies._others.cache_clear()
        assert [frequencies.zipf(w) for w in words] == [zipf_frequency(w, "en") for w in words]
        assert json.loads(path.read_bytes()) == kept  # kept again, whole
    finally:
        frequencies._others.cache_clear()
