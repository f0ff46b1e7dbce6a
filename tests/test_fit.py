"""The fit test (``readers/ocr/fit.py``): trusted where the volume's widths bear it out.

On a volume typeset in the face ``measure.width`` reckons with (``volumegen``), a running
line never leaves room for its next word, and the test decides the paragraph ends the
widths alone leave open; on the real scan, whose widths are reckoned roughly, it is not
trusted and the volume reads as before.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest
from volumegen import Options, generate, sampled

from octavo.normalise import normalise
from octavo.readers.ocr import (
    charmap,
    faces,
    fit,
    footnotes,
    logistic,
    measure,
    pages,
    paragraphs,
    words,
)
from octavo.readers.ocr.cohesion import Cohesion
from octavo.readers.ocr.measure import space
from octavo.sources import Source, read_book
from octavo.tree import Paragraph, Text, iter_nodes

ROOT = Path(__file__).resolve().parents[1]
VOLUME = ROOT / "input" / "stalin-works-05.ocr.txt"


def _bodies(text: str) -> list[pages.Page]:
    """A volume's pages as the paragraphs pass takes them, footnotes cut off."""
    layout = pages.layout(normalise(text))
    repaired = charmap.repair(layout.pages, charmap.learn(
        [line for page in layout.pages for line in page.lines]))
    return footnotes.split_footnotes(repaired)[0]


def _learnt(text: str) -> fit.Fit:
    """The fit test as the paragraphs pass learns it for a volume's text."""
    bodies = _bodies(text)
    return paragraphs.learn_fit(bodies, paragraphs.measures(bodies))


def test_a_volume_set_in_the_reckoned_face_is_trusted():
    learnt = _learnt(generate(Options(seed=3)).text)
    assert learnt.trusted
    assert learnt.false_passes < 0.05 < learnt.sentence_passes


def test_a_trusted_volume_gives_its_indent_and_how_often_a_sentence_ends_a_paragraph():
    """The indent is the print's (1 em); most sentences ending a line end a paragraph."""
    learnt = _learnt(generate(Options(seed=3)).text)
    assert 0.9 < learnt.indent <= 1.0
    assert learnt.prior > 0.5


def test_a_title_as_wide_as_the_measure_after_a_sentence_end_leaves_the_indent():
    """A work's title in capitals set to the measure, its work opening under the last line
    of the one before (no source, no signature between), is a heading, not a paragraph's
    first line: the indent is still the print's (it was learnt as none)."""
    text = generate(Options(seed=4, measure=16.0, title_measure=1.0)).text
    unsigned = re.sub(r"(?m)^(?:Pravda, No\. \d+,|\w+ \d+, 1921|Signed: .*) ?\n", "", text)
    assert 0.9 < _learnt(unsigned).indent <= 1.1


def test_a_trusted_volume_learns_how_soon_its_paragraphs_end():
    """Its paragraphs seldom end after their first or second line; a line broken inside a
    word seldom falls an indent short, so one that does is likelier a first line."""
    learnt = _learnt(generate(Options(seed=3)).text)
    share, first, second, *_ = learnt.hazard
    assert first < share / 2 and second < share / 2
    assert learnt.hyphened > 0.5
    # it breaks long words only (8 letters and more), leaving a line so short at most
    assert 8 <= learnt.breakable <= 9 and learnt.unbroken[len(learnt.unbroken) // 2] < 3.5
    slack = learnt.unbroken[-2] + 1.5  # a line shorter than one before a long word is
    line = "a" * round((learnt.measures[0] - slack) / 0.444)  # likelier a first line
    assert learnt.odds(0, line, after="nevertheless we") > learnt.odds(0, line, after="we")
    # a line two lines before the next clear end: the paragraph it would open is short
    page = next(at for at, ends in enumerate(learnt.until) if 2 in ends)
    line = learnt.until[page].index(2)
    assert learnt.odds(page, "But we", lines=9, at=line) < learnt.odds(page, "But we", lines=9)


def test_a_new_paragraph_that_runs_on_to_the_next_clear_end_outlasts_its_first_lines():
    """An end four lines before the next clear one: the paragraph it opens must outlast
    its first three lines, which the volume's paragraphs seldom end in, the one it cuts
    three more, where they end more often; so the odds lean to the end (the share that
    end at either length being the same)."""
    hazard = (0.1, 0.01, 0.02, 0.05, 0.2, 0.2)  # all lines', then a paragraph's 1st … 5th+
    learnt = fit.Fit([24.0], True, 0.0, 0.0, hazard=hazard, until=[[4]])
    assert learnt.odds(0, "But we", lines=9, at=0) > learnt.odds(0, "But we", lines=9) + 0.5


def test_a_sentence_end_leans_further_to_an_end_the_longer_its_paragraph_has_run():
    """Past the lengths the clear ends tell apart, a sentence's last line ends its
    paragraph more often the longer the paragraph has run (``fit.LONGER``): twice as long,
    the odds gain that slope times log 2."""
    hazard = (0.1, 0.01, 0.02, 0.05, 0.2, 0.2)
    learnt = fit.Fit([24.0], True, 0.0, 0.0, hazard=hazard, until=[[]])
    at_cap = learnt.odds(0, "But we", lines=fit.LENGTHS)
    assert learnt.odds(0, "But we", lines=2 * fit.LENGTHS) == pytest.approx(
        at_cap + fit.LONGER * math.log(2))


def test_room_for_the_next_word_but_not_an_indent_after_a_sentence_end_is_no_clear_end():
    """A line after a sentence's end may be a paragraph's first line, an indent short of
    the measure: room for the next word in the full measure but not in that is no clear end
    of its own, and the lines to the next clear end count on past it (as clear, seeds 1-30
    lost 6 paragraphs more, a first line's end called a paragraph one line long)."""
    lines = [(line, 0) for line in [
        "We begin the paragraph here and it runs on to",
        "its end here.",
        "A second sentence opens the line and ends right here.",  # 21.4 em, "Then" 2.1
        "Then the text goes on over the line and",
        "ends.",
        "Next comes another paragraph."]]
    learnt = fit.Fit([24.0], True, 0.0, 0.0, indent=1.5)
    assert fit._hazard(learnt, lines, [24.0], set())[1][:5] == [2, 1, 3, 2, 1]


def test_room_for_the_next_word_but_not_an_indent_after_a_sentence_end_settles_no_end():
    """How often a sentence's last line ends its paragraph counts as settled ends only the
    lines that leave room for the next word as a paragraph's last line would: an indent's
    room more where the line may be a paragraph's first (after a sentence's end)."""
    ending = "A second sentence opens the line and ends right here."  # 21.4 em, "Then" 2.1
    rest = ["Then the text goes on over the line and on until it reaches", "ends.", "Next one."]
    learnt = fit.Fit([24.0], True, 0.0, 0.0, indent=1.5)
    after_an_end = [(line, 0) for line in ["its end here.", ending, *rest]]
    running_on = [(line, 0) for line in ["the line before it runs on and", ending, *rest]]
    assert fit._prior(learnt, after_an_end) < fit._prior(learnt, running_on)


def test_a_few_sentence_ends_none_passing_leave_a_volume_trusted():
    """A small volume at a 24 em measure: 13 long lines end a sentence before more text,
    none with room for the next word; but its running lines hardly ever pass either."""
    learnt = _learnt(generate(sampled(36)).text)
    assert learnt.sentence_passes == 0 and learnt.false_passes < 0.02
    assert learnt.trusted


def test_a_trusted_volume_learns_how_seldom_a_paragraph_takes_up_the_last_ones_words():
    """Its paragraphs, drawn apart, share fewer rare words with the paragraph before than
    its sentences with theirs: the next lines of a paragraph say it runs on, another's
    that it has ended; the real scan, its widths not trusted, learns none of it."""
    bodies = _bodies(generate(Options(seed=3)).text)
    cohesion = paragraphs.learn(bodies, paragraphs.measures(bodies)).cohesion
    assert cohesion.slope < 0
    texts = [t for w in generate(Options(seed=3)).works for t in w.texts()]
    longest = max(texts, key=len)  # its first sentences, and what follows them
    cut = longest.index(". ", len(longest) // 2) + 2
    other = texts[texts.index(longest) - 1]
    assert cohesion.odds(longest[:cut], [longest[cut:]]) < 0 < cohesion.odds(longest[:cut], [other])
    real = _bodies(VOLUME.read_text(encoding="utf-8"))
    measures = paragraphs.measures(real)
    assert not paragraphs.learn(real, measures).cohesion.slope
    # learnt all the same, from its prose only: its paragraphs too take up the last one's
    # words less than its sentences do, if less markedly than paragraphs drawn apart
    assert cohesion.slope < Cohesion(paragraphs.running_text(real), measures).slope < 0


def test_the_openers_odds_count_as_far_as_one_half_of_the_pages_bears_out_the_others(tmp_path):
    """Counted from a few sightings, a word's odds of opening a paragraph run to extremes:
    weighed as far as the openings of every other page bear out the odds the pages between
    give them, two more paragraphs of a volume drawn at random are read whole."""
    volume = generate(sampled(2))
    bodies = _bodies(volume.text)
    assert 0 < paragraphs.learn(bodies, paragraphs.measures(bodies)).openers.scale < 0.8
    want = [t for w in volume.works for t in w.texts()]
    whole = set(_paragraphs(volume.text, tmp_path))
    named = {t for t in want if t.startswith(("Capital can multiply itself only",
                                              "Wages are determined above all"))}
    assert len(named) == 2 and named <= whole


def test_a_letter_spaced_word_is_measured_whole():
    assert fit.first_word("w h i c h are employed") == "w h i c h"
    assert fit.first_word("I shall") == "I"
    learnt = fit.Fit([9.5], True, 0.0, 0.0)
    assert not learnt.passes(0, "aaaa aaaa aaaa aaaa", "w h i c h are")


def test_only_lines_of_the_texts_measure_are_asked_whether_their_next_word_fitted():
    """A heading's capitals (another face), the first line under a heading (indented) and
    the notes' lines (their own measure) are no lines that surely run on: only the text's
    line inside its paragraph is (othervolumes' seed 26, its notes set narrower, distrusted
    the test for them)."""
    page = ["THE TRADE UNIONS AND THE AGRARIAN PROGRAMME IN THE STATE",
            "The Party's tasks in this period in the sphere of foreign policy",
            "are determined by its position as the party of international revolution",
            "and of the struggle among the capitalist groups and governments which",
            "surround our Republic, with the aim of disintegrating imperialism.",
            "NOTES",
            "1 The meeting was held in Moscow on November 15, 1898, in the",
            "course of the same year, the essence of the national question lying in",
            "establishing correct relations between the proletariat of the nation",
            "and the peasantry of the formerly subject nations."]
    running = fit.running_on([page], [measure.width(page[2])])
    assert [line for _, line, _ in running] == page[2:4]


def test_in_a_face_off_times_a_word_must_seem_to_fit_by_more_than_the_widths_err(monkeypatch):
    """Set in a face whose letters run a few per cent off Times' (each its own way), the
    lines that run on, reckoned in Times, seem to leave room for their next word by as
    much; a word must seem to fit by that much more to pass, and fewer of them pass."""
    times = measure._TABLES[measure.TIMES]
    off = defaultdict(lambda: 500, {c: round(w * (1.04 if n % 2 else 0.96))
                                    for n, (c, w) in enumerate(sorted(times.items()))})
    monkeypatch.setitem(measure._TABLES, measure.TIMES, off)
    measure.forget()
    text = generate(Options(seed=3)).text
    monkeypatch.setitem(measure._TABLES, measure.TIMES, times)
    measure.forget()
    bodies = _bodies(text)
    page_measures = paragraphs.measures(bodies)
    learnt = paragraphs.learn_fit(bodies, page_measures)
    running = fit.running_on(paragraphs.running_text(bodies), page_measures)
    widest = fit.Fit(fit._local(len(bodies), running, page_measures), False, 0.0, 0.0)
    assert learnt.trusted and learnt.error > 0
    assert sum(learnt.passes(*s) for s in running) < sum(widest.passes(*s) for s in running)


def test_a_scan_that_set_broken_words_whole_is_measured_by_lines_ending_in_short_words(
        tmp_path):
    """A scan that set each word the print broke at a line's end whole on its line runs
    lines over the measure: against the widest, every other word seems to fit; against
    the widest of those ending in a word too short to break, none does, the test is
    trusted and the paragraphs read back (seed 3: 71% untrusted, 93% so)."""
    volume = generate(Options(seed=3, joined_hyphens=True))
    learnt = _learnt(volume.text)
    assert learnt.trusted and learnt.false_passes < 0.05
    want = [t for w in volume.works for t in w.texts()]
    assert _read_back(want, _paragraphs(volume.text, tmp_path)) > 0.9


def test_set_by_character_count_a_line_over_the_others_is_over_the_measure():
    """Set by character count, widths never err: a line ending in a long word and a star
    set after the line was (every fifteenth line) stands over the measure, and is not
    taken for it: no line that runs on seems to leave room for its next word."""
    lines = generate(Options(seed=3, face=measure.FIXED)).text.split("\n")
    lines = [line.rstrip() + "**" if n % 15 == 0 and len(line.strip()) > 40
             and re.search(r"[a-z]{6,},?$", line.strip()) else line
             for n, line in enumerate(lines)]
    bodies = _bodies("\n".join(lines))
    with measure.using(measure.FIXED):
        learnt = paragraphs.learn_fit(bodies, paragraphs.measures(bodies))
    assert learnt.trusted and learnt.false_passes == 0 and learnt.error == 0


def test_the_real_scan_is_not_trusted():
    learnt = _learnt(VOLUME.read_text(encoding="utf-8"))
    assert not learnt.trusted
    assert learnt.false_passes > 0.5 * learnt.sentence_passes


def test_a_line_passes_with_room_for_the_next_word():
    learnt = fit.Fit([9.5], True, 0.0, 0.0)
    line = "aaaa aaaa aaaa aaaa"  # 7.85 em: room for a 1.4-em word after its space
    assert learnt.passes(0, line, "ab cd")  # 0.94 em
    assert not learnt.passes(0, line, "abcd cd")  # 1.89 em
    assert not learnt.passes(0, line, "ab cd", indent=1.0)  # a paragraph's first line


def test_a_line_that_fails_weighs_the_next_words_width_against_the_measure():
    """Running on, the line falls short by less than the next word: the longer the word,
    the likelier that a sentence's last line merely happens to be that full."""
    learnt = fit.Fit([24.0], True, 0.0, 0.0, prior=1.0, indent=1.0)
    assert learnt.odds(0, "Furthermore, we") > learnt.odds(0, "But we")
    assert learnt.odds(0, "abcd cd") == pytest.approx(1.0 + math.log((space() + 1.888) / 24))
    # a paragraph's first line is short by the indent
    assert learnt.first_line(0, "a" * 51) and not learnt.first_line(0, "a" * 52)  # 22.6, 23.1


def test_in_a_volume_that_does_not_indent_a_line_over_the_measure_may_open_a_paragraph():
    """A scan that set a broken word whole runs its line over the measure; where the
    volume indents no first line, that width says nothing against a paragraph's start,
    and the odds weigh the sentence end before it (freshvolumes 1-100: 92.6 -> 93.3%)."""
    assert fit.Fit([24.0], True, 0.0, 0.0, prior=1.0).first_line(0, "a" * 60)  # 26.6 em
    assert not fit.Fit([24.0], True, 0.0, 0.0, prior=1.0, indent=1.0).first_line(0, "a" * 60)


def _paragraphs(text: str, folder: Path) -> list[str]:
    source = folder / "generated.ocr.txt"
    source.write_text(text, encoding="utf-8")
    (folder / "generated.toml").write_text('title = "Collected Works"\n', encoding="utf-8")
    book = read_book(Source(source))
    return [" ".join("".join(t.text for t in iter_nodes(n) if isinstance(t, Text)).split())
            for w in book.walk() if w.kind == "work" for b in w.blocks
            for n in iter_nodes(b) if isinstance(n, Paragraph) and n.role != "line"]


def _read_back(want: list[str], got: list[str]) -> float:
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / len(want)


@pytest.mark.parametrize("seed", [1, 4])
def test_the_fit_test_finds_paragraph_ends_the_widths_alone_miss(seed, tmp_path, monkeypatch):
    volume = generate(Options(seed=seed))
    want = [t for w in volume.works for t in w.texts()]
    with_fit = _read_back(want, _paragraphs(volume.text, tmp_path))
    learnt = paragraphs.learn_fit
    monkeypatch.setattr(paragraphs, "learn_fit",
                        lambda *a: dataclasses.replace(learnt(*a), trusted=False))
    (tmp_path / "again").mkdir()
    without = _read_back(want, _paragraphs(volume.text, tmp_path / "again"))
    assert with_fit > without + 0.05, (with_fit, without)



def test_a_trusted_fit_learnt_again_from_the_ends_it_called_reads_more_paragraphs(
        tmp_path, monkeypatch):
    """The clear ends alone pass over an end that left no room: counted again with the
    ends a first reading called, the lines to the next end are as near or nearer, and a
    volume drawn at random reads back a paragraph more; the real scan's fit, untrusted, is
    kept as it is."""
    volume = generate(sampled(18))  # (17's end a second reading found, the first now finds
    bodies = _bodies(volume.text)  # by how long its paragraph had run: ``fit.LONGER``)
    with measure.using(faces.learn(bodies)):  # (the face the volume was set in)
        learnt = paragraphs.learn(bodies, paragraphs.measures(bodies))
        vocab = words.Vocabulary([line for page in bodies for line in page.lines])
        called = paragraphs.joined(bodies, vocab, learnt).called
        again = fit.refit(learnt.fit, paragraphs.running_text(bodies), learnt.measures,
                          called)
    pairs = [(a, b) for x, y in zip(learnt.fit.until, again.until, strict=True)
             for a, b in zip(x, y, strict=True)]
    assert all(b <= a for a, b in pairs) and any(b < a for a, b in pairs)
    want = [t for w in volume.works for t in w.texts()]
    refitted = _read_back(want, _paragraphs(volume.text, tmp_path))
    monkeypatch.setattr(fit, "refit", lambda learnt, *_: learnt)
    (tmp_path / "again").mkdir()
    assert refitted > _read_back(want, _paragraphs(volume.text, tmp_path / "again"))
    real = _bodies(VOLUME.read_text(encoding="utf-8"))
    untrusted = _learnt(VOLUME.read_text(encoding="utf-8"))
    assert fit.refit(untrusted, paragraphs.running_text(real), [], {(0, 1)}) is untrusted


def test_a_sentences_last_line_over_the_measure_is_weighed_as_the_volume_runs_lines_over():
    """A scan that set a word the print broke whole on its line runs lines over the
    measure: one in five running on, say.  A sentence's last line over it is then as
    likely a paragraph's last line leaving no room for the next word (a third of those,
    ``fit.OVEREND``) as one running on: the odds of an end rise by 5/3 over the width
    alone; where no line runs over the measure, its width alone weighs it."""
    assert _learnt(generate(Options(seed=3, joined_hyphens=True)).text).over < 0.5
    assert _learnt(generate(Options(seed=3)).text).over == 1.0
    over = fit.Fit([20.0], True, 0.0, 0.0, over=0.2)
    full, within = "word " * 9 + "end.", "word " * 3 + "end."
    assert measure.width(full) > 20.0 > measure.width(within)
    lean = over.odds(0, "Next", last=full) - over.odds(0, "Next", last=within)
    assert lean == pytest.approx(math.log(5 / 3))
    assert dataclasses.replace(over, over=1.0).odds(0, "Next", last=full) == over.odds(
        0, "Next", last=within)


def test_cases_that_fall_apart_by_their_score_give_a_finite_slope():
    """A small volume's few settled cases may fall apart by their score (the one end the
    least cohesive of nine): the fit stays finite, and still leans the right way."""
    scores = [(0.066, True), *((x, False) for x in (0.068, 0.093, 0.111, 0.146, 0.158,
                                                      0.19, 0.204, 0.225))]
    slope, intercept = logistic.fit(scores)
    assert math.isfinite(slope) and math.isfinite(intercept) and slope < 0
