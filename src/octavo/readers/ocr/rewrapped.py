"""Whether the text was wrapped anew, narrower than it was printed, and says so.

An editor's or a mailer's hard wrap (``fold -s -w 55``) cuts each printed line longer
than its width in two: a line near the new width and a short rest, both ending inside a
sentence.  The print's line ends, by which the paragraphs are told, are then lost among
the wrap's, and the reading cannot be sound: the reader says so rather than join the
lines in silence.  The sign is a line that falls well short of the measure inside a
sentence right after a full line that also ran on: in print only a stanza's or a list's
line does that, a quotation set narrower runs short from its first line.
"""

from __future__ import annotations

from ...findings import report
from . import measure
from .lines import SHORT, UNENDED
from .pages import Page
from .structure import Structure

# the share of lines so cut that says the text was wrapped anew, measured: printed volumes
# have at most 0.3% (the sample 0.23%, othervolumes 1-30 0.24%, 91-450 0.28%, 1-30 with no
# blank line 0.24%); the sample (lines of up to 74 characters) wrapped anew at 65 has 1.05%
# and reads 98.9% of its paragraphs as it does unwrapped, at 62 2.5% and 94%, at 60 4.6%
# and 87%, at 55 13% and 46%: past 2% a reading loses paragraphs by the dozen
REWRAPPED = 0.02


def cut_share(pages: list[Page]) -> float:
    """The share of the pages' lines that fall short of the measure inside a sentence
    after a full line that ran on."""
    lines = sum(len(page.lines) for page in pages)
    full = measure.of_pages(pages)
    cut = sum(after.lstrip()[:1].islower() and not measure.inside(line, full)  # (the
              and measure.width(before) >= SHORT * full  # rarest first: most lines are full)
              and bool(UNENDED.search(before)) and bool(UNENDED.search(line))
              for page in pages
              for before, line, after in zip(page.lines, page.lines[1:], page.lines[2:],
                                             strict=False))
    return cut / lines if lines else 0.0


def check(st: Structure) -> None:
    """Warn where the text's lines are not the print's: wrapped anew, narrower."""
    share = cut_share(st.layout.pages)
    if share > REWRAPPED:
        report("f-102", f"the lines were wrapped anew, narrower than printed: {share:.0%} of "
               "them stop short inside a sentence after a full line, so the paragraphs "
               "read from them may be wrong; use the text as the OCR wrote it")
