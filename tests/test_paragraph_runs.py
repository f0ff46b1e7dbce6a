"""Whether a text parts its paragraphs by blank lines (``breaks.paragraphs_apart``), told
by how many runs of lines its folios' pages hold, on a rule case's runs."""

from pathlib import Path

from octavo.readers.ocr import breaks, heads

CASE = Path(__file__).parent / "rules" / "pages" / (
    "numbers-on-few-of-the-pages-they-span-tell-nothing-of-blank-lines-between-paragraphs.txt")


def _runs() -> list[list[str]]:
    text = CASE.read_text(encoding="utf-8").split("\n=== out ===")[0]
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    return [run.split("\n") for run in body.strip("\n").split("\n\n")]


def test_numbers_standing_on_few_of_the_pages_they_span_count_for_no_pages() -> None:
    runs = _runs()
    options = [heads.candidates(run) for run in runs]
    # two first lines end in a roman numeral's letter (``as I``, ``letter C``), 1 and 100
    assert sorted(c.folio for found in options for c in found if c.folio in ("I", "C")) \
        == ["C", "I"]
    folioed = breaks.paragraphs_apart(options, [len(run) for run in runs])
    assert sorted(int(c.folio) for c in folioed.values()) == list(range(1, 13))
    assert all(runs[k][-1] == c.folio for k, c in folioed.items())  # each at its page's foot
