"""The canonical shape of a source's text (``octavo.normalise``), on what savers do to it."""

from __future__ import annotations

import unicodedata

from octavo.normalise import normalise

SENTENCES = ("The Party’s tasks are set. The workers’ state stands. It said “no” to them. "
             + "Such is the position of the class. " * 30)


def test_a_double_encoded_text_with_no_break_spaces_is_mended(octavo_warnings):
    """A text that was UTF-8 read as Latin-1 (``Partyâ€™s``) and set a no-break space
    after each full stop: the spaces are no letters the mending has to account for."""
    saved = SENTENCES.encode().decode("latin-1").replace(". ", ".\xa0")
    text = normalise(saved)
    assert "â€" not in text and "\xa0" not in text
    assert text.startswith("The Party’s tasks are set. The workers’ state stands. It said “no”")
    assert [w.rsplit(" ", 1)[-1] for w in octavo_warnings] == ["[s-008]"]


def test_unicode_hyphens_are_hyphens_and_accents_composed():
    """U+2010 and U+2011 are the hyphen; an accent saved as a combining mark is composed
    with its letter (``émigrés`` as macOS may save it)."""
    assert normalise("multi\u2010national, non\u2011party") == "multi-national, non-party"
    assert normalise("e\u0301migre\u0301s") == "\u00e9migr\u00e9s"


def test_a_double_encoded_text_with_its_accents_decomposed_is_mended(octavo_warnings):
    """``â€™`` with its ``â`` decomposed (``a`` + U+0302) is still a double encoding."""
    saved = unicodedata.normalize("NFD", SENTENCES.encode().decode("latin-1"))
    assert normalise(saved).startswith("The Party’s tasks are set. The workers’ state")
    assert [w.rsplit(" ", 1)[-1] for w in octavo_warnings] == ["[s-008]"]


def _pages(between: str, inside: str) -> str:
    """Twelve pages, each a running head with its folio (the author's on the versos, the
    work's on the rectos) and four lines, parted by ``between``, a gap written ``inside``
    each one (above its footnote)."""
    return between.join((f"{n} A. N. AUTHOR" if n % 2 else f"THE WORKERS {n}")
                        + f"\nThe first line.\nThe second line.{inside}"
                        "* A footnote.\nThe last line." for n in range(1, 13))


def test_form_feeds_at_the_page_rate_are_the_only_page_breaks():
    """Where a text pages with form feeds, its empty lines inside the pages break none;
    where most follow a sentence's end, they set paragraphs apart: the line under each is
    indented instead."""
    def run_on(text: str) -> str:  # (the line over each gap ends no sentence)
        return text.replace("second line.", "second line,")

    assert normalise(run_on(_pages("\n\f\n", "\n\n"))) == run_on(_pages("\n\n", "\n"))
    assert normalise(_pages("\n\f\n", "\n\n")) == _pages("\n\n", "\n    ")


def test_lines_of_spaces_beside_the_folios_are_the_page_breaks():
    """Where the lines of white space part the pages (the line under each a head with its
    folio), the empty lines inside them are gaps and go, though they are as many."""
    assert normalise(_pages("\n \n", "\n\n")) == _pages("\n\n", "\n")
    assert normalise(_pages("\n\n", "\n \n")) == _pages("\n\n", "\n")  # (and the other way)


def test_runs_of_empty_lines_beside_the_folios_are_the_page_breaks():
    """Where runs of two empty lines part the pages (a head with its folio under each) and
    single ones stand inside them, the single ones are gaps and go."""
    assert normalise(_pages("\n\n\n", "\n\n")) == _pages("\n\n\n", "\n")
    assert normalise(_pages("\n\n\n\n", "\n\n\n")) == _pages("\n\n\n\n", "\n")  # (3, 2)


def _stamped(between: str, inside: str, run_on: str) -> str:
    """``_pages``' twelve pages, a stamp over the head of two pages in three (no folio
    beside the break over them), and on every fourth page a second work run on under a
    gap written ``run_on``."""
    pages = _pages("\f", inside).split("\f")
    return between.join(("" if n % 3 == 0 else "READING ROOM\n") + page
                        + (f"{run_on}ANOTHER WORK\nIts line." if n % 4 == 0 else "")
                        for n, page in enumerate(pages))


def test_runs_of_empty_lines_beside_folios_more_often_than_shorter_ones_part_the_pages():
    """Where runs of three empty lines part the pages, stamps over most heads, and runs of
    two (over a work run on mid-page) and of one (over footnotes) stand inside the pages:
    the runs of three stand beside a folio more often than the shorter ones, most often
    of all run lengths, so they alone are page breaks, though beside a folio on few."""
    assert normalise(_stamped("\n\n\n\n", "\n\n", "\n\n\n")) == _stamped("\n\n\n\n", "\n", "\n")


def test_a_crlf_text_converted_again_has_one_line_end_to_a_line():
    """CR CR LF (a CRLF text saved as CRLF again) is one line end, as CRLF is, on a text
    paged with form feeds too (read as a blank line after every line and halved, generated
    volumes so paged lost paragraphs); CRs alone are a line end each, and so is a CR
    before a LF in a text whose line ends are mostly not CR CR LF (a blank line of a CR
    text run into a LF line's)."""
    text = _pages("\n\f\n", "\n\n")
    assert normalise(text.replace("\n", "\r\r\n")) == normalise(text)
    assert normalise("one\r\r\ntwo\r\r\nthree\r\n") == "one\ntwo\nthree\n"
    assert normalise("one\r\r\ntwo\nthree\nfour\n") == "one\n\ntwo\nthree\nfour\n"
