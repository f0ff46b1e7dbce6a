"""Catchwords (``catchwords.find``) in a print that parts its paragraphs by blank lines as
it parts its pages: counted against the page breaks its foot folios show, not against its
runs of lines."""

from octavo.readers.ocr import catchwords

SENTENCE = ("the workers of the town met in the hall and spoke of the wages they were paid "
            "and of the hours they worked in the mills by the river")


def _line(k: int) -> str:
    words = SENTENCE.split()
    return " ".join(words[(k * 7 + j) % len(words)] for j in range(9))


def _volume(pages: int) -> tuple[list[str], set[int]]:
    """Pages of three paragraphs each, parted by blank lines, each page's last line its
    folio under a catchword ranged right: the next page's first word."""
    lines: list[str] = []
    caught: set[int] = set()
    for folio in range(1, pages + 1):
        for p in range(3):
            lines += [_line(folio * 10 + p * 3 + j) for j in range(3)] + [""]
        lines.pop()
        nxt = _line((folio + 1) * 10).split()[0]
        caught.add(len(lines))
        lines += [f"{' ' * 40}{nxt}", str(folio), ""]
    return lines, caught


def test_catchwords_over_foot_folios_are_found_where_blank_lines_part_the_paragraphs() -> None:
    lines, caught = _volume(8)
    assert catchwords.find(lines) == caught - {max(caught)}  # (the last: no page after it)


def test_too_few_foot_folios_tell_no_habit() -> None:
    lines, _ = _volume(2)
    assert catchwords.find(lines) == set()
