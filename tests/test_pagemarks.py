"""Page-break lines an OCR export writes, told from a print's folios."""

from octavo.normalise import normalise
from octavo.pagemarks import MARKERS, unmark

PAGES = ["A page's first line\nand its last" for _ in range(14)]


def test_lines_counting_the_scans_pages_are_page_breaks():
    for form in ("=== Page {} ===", "[Page {}]", "<<{}>>"):
        text = "\n".join(f"{form.format(n)}\n{page}" for n, page in enumerate(PAGES, 1))
        assert normalise(text).strip("\n").split("\n\n") == PAGES
        after = "\n".join(f"{page}\n{form.format(n)}" for n, page in enumerate(PAGES))
        assert unmark(after).strip("\n").split("\n\n") == PAGES  # at the foot, from 0


def test_lines_with_other_numbers_or_a_folios_dress_over_numbered_pages_are_page_breaks():
    """``Page 1 of 14``, a URL with the count (``…/works5 1/14``), and ``Page 1`` over
    pages that print folios of their own are the export's lines, not the print's."""
    total = len(PAGES)
    for form in (f"Page {{}} of {total}", f"https://example.org/works5 {{}}/{total}"):
        text = "\n".join(f"{form.format(n)}\n{page}" for n, page in enumerate(PAGES, 1))
        assert normalise(text).strip("\n").split("\n\n") == PAGES
    folioed = [f"A HEAD {n + 10}\n{page}" for n, page in enumerate(PAGES)]
    text = "\n\n".join(f"Page {n}\n{page}" for n, page in enumerate(folioed, 1))
    assert unmark(text).strip("\n").split("\n\n\n") == folioed


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
