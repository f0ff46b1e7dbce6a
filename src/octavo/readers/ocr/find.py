"""Finding a contents entry's title among the blocks, near its printed page.

A title is found where a heading (or a line of its own) reads as the entry does, word
for word or nearly (the OCR garbles a letter here and there), on the entry's page or a
few pages on, its words run over as many title lines as it takes.  ``locate`` only
looks; where the OCR ran a title into the block before it (``… Republics.” Appendix 2``)
or the lines after it, or two headings into one, or a work's closing signature (the
volume's author, in capitals as the title is) into the next work's title, or the title
into its byline, it says how to set the title apart (a ``Mend``), which ``find_title``
applies before it looks again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...lettering import FINISHED
from ...tree import Asterism, Block, Heading, PageMarker, Paragraph, ParagraphRole, Text
from .blocks import plain, pop_marker
from .closing import MAX_LINE, NAME_ALONE, SIGNER_WORDS, pen_name
from .contents import Entry
from .folios import kind
from .lines import (
    LABEL_WORDS,
    MONTH_NAME,
    NUMERAL_LINE,
    YEARS_ALONE,
    is_dated,
    is_number_label,
)
from .misreads import CLOSE_ENOUGH  # (of word sequences here)
from .titles import is_capitals, reads_as_title, title_words

WINDOW = (-1, 3)  # how far from its printed page a title may be found
RUN_IN_WORDS = 6  # the most words of a title the OCR runs into the paragraph before
_NAME = re.compile(r"[A-Z][A-Za-z’'-]+\.?")  # a name alone, as a byline sets it
_INITIAL = re.compile(r"[IVXL]\.")  # a roman figure and a stop, or a signer's initial
_GOES_ON = (",", ";", ":", ".")  # a title's last word ends in none: a sentence's words go on
# after them (``The Paris Commune, March 18, …``)
SLIP = 2  # letters an OCR may drop from a title: a title short of no more is complete (set
# by hand: a letter lost at each end of a line break; ``similar`` weighs the misreads)


@dataclass
class Found:
    """Where an entry's title stands among the blocks: [start, stop) are its lines."""

    entry: Entry
    start: int
    stop: int


@dataclass
class SplitHeading:
    """A heading that runs the title into the next heading: cut after ``keep`` words (or
    into its byline, ``line``: the rest a line of its own)."""

    index: int
    keep: int
    line: bool = False


@dataclass
class RunIn:
    """A paragraph whose last ``tokens`` words are the title's first line."""

    index: int
    tokens: int


@dataclass
class RunOn:
    """A paragraph whose first ``keep`` words are a numbered title, run into its text."""

    index: int
    keep: int


@dataclass
class Signed:
    """A heading whose first ``tokens`` words sign the work before (its author's name, set
    as the title under it is), or label the title (``NUMBER VIII``), the title's words
    after them; or a paragraph whose first words do so (a signature the page turned after,
    its marker next)."""

    index: int
    tokens: int


Mend = SplitHeading | RunIn | RunOn | Signed


def near(page: str, target: str) -> bool:
    if page.isdigit() and target.isdigit():
        return WINDOW[0] <= int(page) - int(target) <= WINDOW[1]
    return page == target


def similar(words: list[str], wanted: list[str]) -> bool:
    """Whether title words read as the wanted ones (as far as both go)."""
    n = min(len(words), len(wanted))
    if not n:
        return False
    if "".join(words[:n]) == "".join(wanted)[: len("".join(words[:n]))]:
        return True
    first = difflib.SequenceMatcher(a=words[0], b=wanted[0]).ratio() >= CLOSE_ENOUGH
    return first and difflib.SequenceMatcher(a=words[:n], b=wanted[:n], autojunk=False).ratio() \
        >= CLOSE_ENOUGH


def is_title_line(block: Block) -> bool:
    return isinstance(block, Heading) or (isinstance(block, Paragraph)
                                            and block.role == ParagraphRole.LINE)


def _count(block: Block) -> int:
    return len(title_words(plain(block)))


def locate(blocks: list[Block], pages: list[str], entry: Entry, start: int,
           signs: Callable[[str], bool] | None = None) -> Found | Mend | None:
    """Where the entry's title stands from ``start`` on, near its page; or the mend that
    would set it apart (``signs``: whether words sign a work); or None."""
    wanted = title_words(f"{entry.number} {entry.printed}")
    if not wanted:
        return None
    partial: Found | None = None  # a heading that reads as the title's first words only
    nearly: Found | None = None  # one that reads as the title but for a word or a letter
    split: SplitHeading | None = None  # one that runs on past the title: two run into one
    numbered: Found | None = None  # one under a number alone, where the entry has none
    for i in range(start, len(blocks)):
        block = blocks[i]
        if not is_title_line(block) or not near(pages[i], entry.page):
            continue
        if signed := _signed(block, wanted, lambda words: is_number_label(words) or bool(
                signs and signs(words)) or pen_name(words) or _ended_signed(words, signs),
                _overleaf(blocks, i)):
            # (a signature, a name alone ending in its stop, the text's last line in
            # capitals signed so, or the title's number's label)
            return Signed(i, signed)  # (before the words are weighed: ``A. BEBEL A LETTER
        words = title_words(plain(block))  # …`` reads as ``A LETTER …`` but for a word)
        if not similar(words, wanted):
            continue
        j = i + 1
        while len(words) < len(wanted) and j < len(blocks) and is_title_line(blocks[j]):
            more = words + title_words(plain(blocks[j]))
            if not similar(more, wanted):
                break
            words, j = more, j + 1
        if _bylined(words, wanted, blocks[j - 1]):
            return SplitHeading(j - 1, len(wanted) - (len(words) - _count(blocks[j - 1])),
                                line=True)
        if len(words) > len(wanted) + 1 and isinstance(block, Heading) and not nearly:
            keep = len(wanted) - (len(words) - _count(blocks[j - 1]))
            if split or _cut_at(blocks[j - 1], keep) is not None:
                split = split or SplitHeading(j - 1, keep)  # (a title stands on lines of
                continue  # its own: a heading that runs on past its words, a section's
                # ``THE WAR AND THE STRIKE``, is it only where it stands nowhere whole)
        if len("".join(words)) + SLIP < len("".join(wanted)):
            partial = partial or Found(entry, i, j)  # (a division's ``LETTERS`` over
            continue  # ``LETTERS ON TACTICS``: the whole title may stand on)
        if words[:len(wanted)] != wanted:  # the title word for word may stand on (``THE
            nearly = nearly or Found(entry, i, j)  # PEASANTRY``, a section's ``THE
            continue  # SOVIETS`` the page before)
        if not entry.number and _under_number(blocks, i):
            numbered = numbered or Found(entry, i, j)  # (a section's title, the work before's,
            continue  # worded as the next work's: ``II`` / ``THE WORKERS AND THE PRESS``)
        return Found(entry, i, j)
    # (a title run on whole into its lines before one whose lines read as its first words
    # only: a drop capital, ``T``, on a line of its own under it)
    return numbered or split or nearly or _run_on(blocks, pages, entry, wanted, start) \
        or partial or _run_in(blocks, pages, entry, wanted, start)


def _ended_signed(words: str, signs: Callable[[str], bool] | None = None) -> bool:
    """Whether words are the text's last line in capitals, a sentence's end, and a name
    alone ending in its stop under it, or one that ``signs`` the works, which the OCR ran
    together (``… TO ALL MY GREATNESS.” PUBLIUS.``)."""
    tokens = words.split(" ")
    return any((pen_name(name := " ".join(tokens[-n:])) or bool(signs and signs(name)))
               and is_capitals(text := " ".join(tokens[:-n]))
               and FINISHED.search(text) is not None
               for n in range(1, min(len(tokens) - 1, SIGNER_WORDS) + 1))


def _bylined(words: list[str], wanted: list[str], last: Block) -> bool:
    """Whether title lines read as the whole title word for word and then one name, its
    last line a heading: the author's name set under the title as the title is (in
    capitals: ``… INFLUENCE`` / ``JAY``), which the OCR ran into it.  Not a numeral (a
    section's, run in: ``I``)."""
    name = plain(last).split()[-1:]
    return len(words) == len(wanted) + 1 and words[:-1] == wanted \
        and isinstance(last, Heading) and bool(name) and bool(_NAME.fullmatch(name[0])) \
        and not _numeral(name[0])


def _numeral(word: str) -> bool:
    """Whether a word is a roman numeral, its stop or none (a section's ``II.``, ``I``)."""
    return kind(word.rstrip(".")) == "roman"


def _under_number(blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` stands under a number alone on its line (past the page's
    turn): a numbered section's title, as a title under its number is.  Not a letter and a
    stop alone (``V.``): an initial signs a letter so."""
    k = i - 1
    while k >= 0 and isinstance(blocks[k], PageMarker):
        k -= 1
    number = plain(blocks[k]).strip() if k >= 0 and is_title_line(blocks[k]) else ""
    return bool(NUMERAL_LINE.match(number)) and not _INITIAL.fullmatch(number)


def _signed(heading: Block, wanted: list[str], signs: Callable[[str], bool],
            overleaf: list[str]) -> int:
    """How many first words of a heading sign the work before it (or label its title:
    ``signs``), the wanted title's words after them (0 for none): the OCR ran a signature
    (a label) over the next title, and may have run on past it into the heading under it
    (a section's, ``I. THE MACHINE``), which ``SplitHeading`` sets apart next; or, where
    the page turns under the heading, the title's first words, two or more, the words
    of the title line overleaf its rest (``overleaf``)."""
    if not isinstance(heading, Heading) or len(heading.inlines) != 1 \
            or not isinstance(text := heading.inlines[0], Text):
        return 0
    tokens = text.text.split(" ")
    return next((n for n in range(1, len(tokens))
                 if ((words := title_words(" ".join(tokens[n:])))[:len(wanted)] == wanted
                     or (len(words) >= 2 and (words + overleaf)[:len(wanted)] == wanted))
                 and signs(" ".join(tokens[:n]))), 0)


def _overleaf(blocks: list[Block], i: int) -> list[str]:
    """The title words of the lines set as a title is that open the next page, where the
    page turns right under block ``i``; else none."""
    k = i + 1
    while k < len(blocks) and isinstance(blocks[k], PageMarker):
        k += 1
    words: list[str] = []
    while i + 1 < k < len(blocks) and is_title_line(blocks[k]):
        words, k = words + title_words(plain(blocks[k])), k + 1
    return words


def _run_in(blocks: list[Block], pages: list[str], entry: Entry, wanted: list[str],
            start: int) -> RunIn | None:
    """A title's first line the OCR ran into the end of the paragraph before it; or the
    whole title, its number's label over it or none, set as a title is, after the
    paragraph's last sentence (a print that marks paragraphs by their indent alone runs
    on the lines under the paragraph's last, which stand flush as a title's do)."""
    for i in range(start, len(blocks)):
        block = blocks[i]
        if not isinstance(block, Paragraph) or not near(pages[i], entry.page) \
                or not block.inlines or not isinstance(block.inlines[-1], Text):
            continue
        tokens = block.inlines[-1].text.split()
        if whole := _ended_with(tokens, wanted):
            return RunIn(i, whole)
        for n in range(1, min(len(tokens), RUN_IN_WORDS) + 1):
            tail = title_words(" ".join(tokens[-n:]))
            if len(tail) >= 2 and tail == wanted[:len(tail)] and i + 1 < len(blocks) \
                    and similar(tail + title_words(plain(blocks[i + 1])), wanted):
                return RunIn(i, n)
    return None


def _ended_with(tokens: list[str], wanted: list[str]) -> int:
    """How many last tokens of a paragraph are the whole wanted title, set as a title is,
    and the number's label over it, if any (``… my next address. No. 2 Concerning
    Dangers …``), after a sentence's end: 0 for none."""
    title = next((n for n in range(1, len(tokens)) if title_words(" ".join(tokens[-n:]))
                  == wanted), 0)
    if not title or not reads_as_title(" ".join(tokens[-title:])):
        return 0
    return next((title + k for k in range(LABEL_WORDS + 1)
                 if (not k or is_number_label(" ".join(tokens[-title - k:-title])))
                 and FINISHED.search(" ".join(tokens[:-title - k]))), 0)


def _run_on(blocks: list[Block], pages: list[str], entry: Entry, wanted: list[str],
            start: int) -> Found | RunOn | Signed | None:
    """A numbered title set as the text is (``1. The struggle and the proletariat``),
    which the paragraphs pass read as a numbered point: the point itself, or the paragraph
    it ran into, which opens with its words, a sentence opening after them.  So too a
    title run into the lines under it, where its paragraph opens the page, stands under a
    number's label (``No. 6``; one run in too, set apart first), or stands under a line of
    its own (the work before's signature) or an ornament with its words in title case: a
    print that marks no paragraph sets a title's lines as it sets a paragraph's."""
    numbered = wanted[0].isdigit()
    for i in range(start, len(blocks)):
        block = blocks[i]
        if isinstance(block, Paragraph) and near(pages[i], entry.page) and (
                labelled := _labelled(block, wanted) or _turned_over(block, wanted)):
            return Signed(i, labelled)  # (the label set apart first: the title under it)
        if not isinstance(block, Paragraph) or not near(pages[i], entry.page) or \
                (words := title_words(plain(block)))[:len(wanted)] != wanted \
                or not (numbered or _set_off(blocks, i, len(wanted))):
            continue
        if words == wanted:
            return Found(entry, i, i + 1)
        cut = _cut_at(block, len(wanted))
        if cut is not None:
            k, t = cut
            tokens = block.inlines[k].text.split(" ")  # type: ignore[union-attr]
            if t + 1 < len(tokens) and _ends_title(tokens[t], tokens[t + 1:]):
                return RunOn(i, len(wanted))
    return None


def _labelled(block: Paragraph, wanted: list[str]) -> int:
    """How many first words of a paragraph label the title that its next words are (a
    number's label, ``FEDERALIST No. 1``, run into the title's lines and the text's, the
    page turned under it or not), or date it (``Tuesday, November 20, 1787``, over the
    label and the title or over the title, the page turned under it or not); or that sign
    the work before, a name alone ending in its stop (``Publius. The Command …``, the
    blank line between lost): 0 for none.  A date's or a name's title is set as a title
    is; every title stands apart from what follows it (``_apart``)."""
    items = block.inlines
    if not items or not isinstance(items[0], Text):
        return 0
    tokens = items[0].text.split(" ")
    overleaf = items[2].text.split() if len(items) > 2 and isinstance(items[1], PageMarker) \
        and isinstance(items[2], Text) else []  # (the title on the page after the label's)
    dated = _dated(tokens)
    return next((n for n in _labels(tokens) if _titled(tokens[n:] or overleaf, wanted)), 0) \
        or (dated if dated and _titled(tokens[dated:] or overleaf, wanted, True) else 0) \
        or next((n for n in range(1, min(len(tokens), SIGNER_WORDS + 1))
                 if pen_name(" ".join(tokens[:n])) and _titled(tokens[n:], wanted, True)), 0)


def _labels(tokens: list[str]) -> list[int]:
    """How many first tokens may be a number's label (``is_number_label``)."""
    return [n for n in range(1, min(len(tokens), LABEL_WORDS) + 1)
            if is_number_label(" ".join(tokens[:n]))]


def _dated(tokens: list[str]) -> int:
    """How many first tokens are a date that names its month, to its year (``is_dated``;
    not a year alone, ``1850.``, which a chronicle's line opens with): 0 for none."""
    year = next((n + 1 for n, token in enumerate(tokens)
                 if YEARS_ALONE.fullmatch(token.rstrip("."))), 0)
    date = " ".join(tokens[:year])
    return year if year and is_dated(date) and MONTH_NAME.search(date) else 0


def _titled(tokens: list[str], wanted: list[str], set_as_title: bool = False) -> bool:
    """Whether tokens open with the wanted title, or with a number's label and then the
    title, standing apart (``_apart``), and, where ``set_as_title``, set as a title is."""
    return any(title_words(" ".join(tokens[n:]))[:len(wanted)] == wanted
               and _apart(tokens[n:], len(wanted)) and (
                   not set_as_title or reads_as_title(" ".join(tokens[n:]), len(wanted)))
               for n in (0, *_labels(tokens)))


def _apart(tokens: list[str], count: int) -> bool:
    """Whether the first ``count`` title words of ``tokens`` stand apart from the words
    after them, as a title's line does (``_ends_title``)."""
    seen = 0
    for k, token in enumerate(tokens):
        seen += len(title_words(token))
        if seen >= count:
            return _ends_title(token, tokens[k + 1:])
    return False


def _ends_title(last: str, after: list[str]) -> bool:
    """Whether a title's last word ``last`` ends it, the words ``after`` it not its
    sentence's: it ends in no stop, comma or colon (a sentence's words go on so: ``The
    Paris Commune, March 18, …``), and nothing follows, or a word opening with a capital
    or a bracket (the title's source, its attribution, ``[Jay]``, the salutation under it:
    a sentence goes on in lower case)."""
    return not last.endswith(_GOES_ON) and (not after or after[0].lstrip("[(")[:1].isupper())


def _turned_over(block: Paragraph, wanted: list[str]) -> int:
    """How many first words of a paragraph sign the work before where the page turns after
    them, the next page opening with the title's label and the title (a name alone at a
    page's foot, ``Publius.``, which the OCR ran on into the page after): 0 for none."""
    items = block.inlines
    if len(items) < 3 or not isinstance(items[0], Text) \
            or not isinstance(items[1], PageMarker) or not isinstance(items[2], Text) \
            or not NAME_ALONE.fullmatch(items[0].text.strip()):
        return 0
    overleaf = Paragraph([Text(items[2].text.lstrip()), *items[3:]])
    return len(items[0].text.split(" ")) if _labelled(overleaf, wanted) else 0


def _set_off(blocks: list[Block], i: int, count: int) -> bool:
    """Whether paragraph ``i``, its first ``count`` words a title's, stands where a title
    does: opening its page, under a number's label, or, those words set as a title is,
    under a line of its own (the work before's signature), the line under that signature,
    or an ornament."""
    return _opening(blocks, i) or (
        (isinstance(blocks[i - 1], Asterism) or _alone(blocks[i - 1])
         or _closes(blocks, i - 1)) and reads_as_title(plain(blocks[i]), count))


def _alone(block: Block) -> bool:
    """Whether a block is a line of its own: a title's line, or a name alone ending in its
    stop (the work before's signature, ``Publius.``, which a print that parts its
    paragraphs by blank lines sets apart as one)."""
    return is_title_line(block) or (isinstance(block, Paragraph)
                                     and pen_name(plain(block).strip()))


def _closes(blocks: list[Block], i: int) -> bool:
    """Whether paragraph ``i`` and those over it are lines under the signature closing the
    work before: its source, set as a title is (``For the Independent Journal.``), or its
    date, each as long as such a line runs (not a sentence: a postscript, an epigraph)."""
    while i > 0 and isinstance(block := blocks[i], Paragraph) \
            and len(line := plain(block).strip()) <= MAX_LINE \
            and (reads_as_title(line) or is_dated(line)):
        if _alone(blocks[i - 1]):
            return True
        i -= 1
    return False


def _opening(blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` opens its page (or the blocks), or stands under a number's
    label."""
    return not i or isinstance(blocks[i - 1], PageMarker) or labels(blocks[i - 1])


def labels(block: Block) -> bool:
    """Whether a block is a number's label set over a title (``No. 6``), a line alone, or
    a paragraph of the text of it alone (the rest of one the title's first line was run
    into); not a date (``March 10``)."""
    return (is_title_line(block) or (isinstance(block, Paragraph)
                                     and block.role == ParagraphRole.BODY)) \
        and is_number_label(text := plain(block)) and not is_dated(text)


def _cut_at(heading: Block, keep: int) -> tuple[int, int] | None:
    """Where a heading's words pass ``keep``: (inline, token) after which to cut."""
    seen = 0
    for k, item in enumerate(getattr(heading, "inlines", [])):
        if not isinstance(item, Text):
            continue
        tokens = item.text.split(" ")
        for t, token in enumerate(tokens):
            seen += len(title_words(token))
            if seen >= keep and t + 1 < len(tokens):
                return k, t
    return None


def mend(blocks: list[Block], pages: list[str], edit: Mend) -> None:
    """Set a title apart as ``edit`` says, in the blocks and their pages alike."""
    if isinstance(edit, SplitHeading | RunOn):
        block = blocks[edit.index]
        assert isinstance(block, Heading | Paragraph)
        cut = _cut_at(block, edit.keep)
        assert cut is not None
        k, t = cut
        tokens = block.inlines[k].text.split(" ")  # type: ignore[union-attr]
        first = [*block.inlines[:k], Text(" ".join(tokens[: t + 1]))]
        rest = [Text(" ".join(tokens[t + 1:])), *block.inlines[k + 1:]]
        blocks[edit.index:edit.index + 1] = [
            Heading(first, block.level), Paragraph(rest, role=ParagraphRole.LINE)
            if isinstance(edit, SplitHeading) and edit.line else Heading(rest, block.level)] \
            if isinstance(block, Heading) else [Heading(first), Paragraph(rest)]
        pages[edit.index:edit.index + 1] = [pages[edit.index]] * 2
        return
    if isinstance(edit, Signed):
        block = blocks[edit.index]
        assert isinstance(block, Heading | Paragraph) and isinstance(block.inlines[0], Text)
        tokens = block.inlines[0].text.split(" ")
        rest = [Text(" ".join(tokens[edit.tokens:])), *block.inlines[1:]]
        turned = rest[1:2] if edit.tokens == len(tokens) and len(rest) > 2 \
            and isinstance(rest[1], PageMarker) and isinstance(rest[2], Text) else []
        if turned:  # (the signature's page turned after it: the marker between)
            rest = [Text(rest[2].text.lstrip()), *rest[3:]]  # type: ignore[union-attr]
        blocks[edit.index:edit.index + 1] = [
            Paragraph([Text(" ".join(tokens[:edit.tokens]))], role=ParagraphRole.LINE),
            *turned,
            Heading(rest, block.level) if isinstance(block, Heading) else Paragraph(rest)]
        page = turned[0].page if turned else pages[edit.index]  # type: ignore[attr-defined]
        pages[edit.index:edit.index + 1] = [pages[edit.index], *[page] * (len(turned) + 1)]
        return
    block = blocks[edit.index]
    assert isinstance(block, Paragraph) and isinstance(block.inlines[-1], Text)
    tokens = block.inlines[-1].text.split()
    rest = " ".join(tokens[:-edit.tokens])
    block.inlines[-1:] = [Text(rest)] if rest else []
    moved = pop_marker(block)
    page = moved[0].page if moved else pages[edit.index]
    title = Heading([Text(" ".join(tokens[-edit.tokens:]))])
    at = edit.index + 1 if block.inlines else edit.index  # the paragraph was all title
    blocks[at:edit.index + 1] = [*moved, title]
    pages[at:edit.index + 1] = [page] * (len(moved) + 1)


def find_title(blocks: list[Block], pages: list[str], entry: Entry, start: int,
               signs: Callable[[str], bool] | None = None) -> Found | None:
    """The first place from ``start`` where the entry's title stands, near its page, the
    blocks mended first where the OCR ran it into its neighbour (``signs``: whether words
    sign a work)."""
    while isinstance(hit := locate(blocks, pages, entry, start, signs),
                     SplitHeading | RunIn | RunOn | Signed):
        mend(blocks, pages, hit)
        if isinstance(hit, RunIn):
            start = hit.index + 1
    return hit
