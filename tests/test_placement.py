"""Where a repeated line stands on its page (``placement.Placement``): the page before's
last line of text, where it opens its page under the running head."""

from collections import Counter

from octavo.readers.ocr.placement import Placement

PAGES = ["the convention at Philadelphia, to take that important subject",
         "under consideration, and ended the paper.",
         "— 11 —",
         "",
         "The Papers",
         "PUBLIUS.",
         "For the Independent Journal.",
         "",
         "THE SECOND PAPER",
         "the text of the second paper opens here and runs on to the foot",
         "— 12 —",
         "",
         "The Papers",
         "of the page, where it ends."]


def _turned(lines: list[str]) -> str:
    at = lines.index("PUBLIUS.")
    return Placement(lines, Counter(lines), set(), at, at, 40.0).turned()


def test_a_name_under_a_head_printed_alone_turns_from_the_page_before() -> None:
    assert _turned(PAGES) == "under consideration, and ended the paper."


def test_a_head_spaced_out_is_a_head() -> None:
    spaced = ["T h e P a p e r s" if line == "The Papers" else line for line in PAGES]
    assert _turned(spaced) == "under consideration, and ended the paper."


def test_no_head_over_it_where_the_page_before_ends_in_no_folio() -> None:
    assert _turned([line for line in PAGES if line != "— 11 —"]) == ""


def test_a_stamp_over_the_versos_head_on_fewer_pages_is_no_head() -> None:
    # the repeat is the versos' head (``A. LABRIOLA``, on three pages), the line over it
    # a stamp on two: the head opens its page, nothing turns into it (fresh 2551)
    page = ["the wages of the workers rise and fall with the price of labour, and",
            "with it the share of the product that falls to them.", "12", ""]
    lines = [*page, "READING ROOM", "A. LABRIOLA", "the text runs on", "13", "",
             *page, "READING ROOM", "A. LABRIOLA", "the text runs on", "15", "",
             *page, "A. LABRIOLA", "the text runs on"]
    at = lines.index("A. LABRIOLA")
    assert Placement(lines, Counter(lines), set(), at, at, 40.0).turned() == ""
