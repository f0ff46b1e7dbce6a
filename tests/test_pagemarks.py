"""Page-break lines an OCR export writes, told from a print's folios."""

from octavo.normalise import normalise
from octavo.pagemarks import MARKERS, plain, unmark

PAGES = ["A page's first line\nand its last" for _ in range(14)]


def test_lines_counting_the_scans_pages_are_page_breaks():
    for form in ("=== Page {} ===", "[Page {}]", "<<{}>>", "Page {} of 14",
                 "https://archive.example.org/v5 {}/14"):
        text = "\n".join(f"{form.format(n)}\n{page}" for n, page in enumerate(PAGES, 1))
        assert normalise(text).strip("\n").split("\n\n") == PAGES
        after = "\n".join(f"{page}\n{form.format(n)}" for n, page in enumerate(PAGES))
        assert unmark(after).strip("\n").split("\n\n") == PAGES  # at the foot, from 0


def test_a_prints_folios_are_no_page_breaks():
    front = "TITLE\n\nCONTENTS\n\n"  # unnumbered pages before the first folio
    numbered = "\n\n".join(f"Page {n}\n{page}" for n, page in enumerate(PAGES, 1))
    assert unmark(front + numbered) == front + numbered
    skipped = "\n\n".join(f"Page {n + (n > 6)}\n{page}" for n, page in enumerate(PAGES, 1))
    assert unmark(skipped) == skipped  # a blank verso the scan dropped
    few = "\n\n".join(f"Page {n}\n{page}" for n, page in enumerate(PAGES[:MARKERS - 1], 1))
    assert unmark(few) == few
    bare = "\n\n".join(f"{n}\n{page}" for n, page in enumerate(PAGES, 1))
    assert unmark(bare) == bare  # a folio alone
    for dress in ("[{}]", "— {} —", "Page {}"):  # every page numbered from the first
        dressed = "\n\n".join(f"{page}\n{dress.format(n)}" for n, page in enumerate(PAGES, 1))
        assert unmark(dressed) == dressed


def test_folio_dressed_lines_over_pages_with_folios_of_their_own_are_page_breaks():
    folioed = [f"HEAD {n + 40}\n{page}" for n, page in enumerate(PAGES)]
    text = "\n".join(f"Page {n}\n{page}" for n, page in enumerate(folioed, 1))
    assert unmark(text).strip("\n").split("\n\n") == folioed


def test_a_folio_dressed_in_a_stand_in_for_a_dash_is_read_and_a_word_is_no_dress():
    # a Mac's em and en dash read as Latin-1 (``Ñ``, ``Ð``) dress a folio as the dashes do;
    # a letter of another script standing alone is a word (Russian ``и``, "and")
    assert [plain(line) for line in ("— 27 —", "Ñ 27 Ñ", "Ð 4 Ð", "Ñ xii Ñ")] == \
        ["27", "27", "4", "XII"]
    assert [plain(line) for line in ("и 5 и", "¹ 5 ¹", "Ñ 27", "Ñ 27 Ð")] == ["", "", "", ""]
