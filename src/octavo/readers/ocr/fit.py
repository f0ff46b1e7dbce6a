"""Whether the next line's first word would have fitted at the end of a line: the test
Tesseract's paragraph finder makes (``FirstWordWouldHaveFit``), weighed by how far this
volume's widths can be trusted for it.

A justified line that runs on was broken for lack of room: its next word, with a space
before it, would not have fitted in the measure.  A paragraph's last line leaves room to
spare, so a sentence end followed by a word that would have fitted closes a paragraph.

The test is only as good as the widths.  ``measure.width`` reckons them from a Times-like
face; a volume set in another face, or scanned with words run together, breaks lines
where these widths say the next word fits.  So the volume is asked first: among lines
that surely run on (inside a sentence, after a line inside a sentence, so not a
paragraph's first line), how many would wrongly pass the test; and among long lines that
end a sentence, how many pass it.  Only where a pass at a sentence end is more likely a
paragraph's end than a false pass (twice as many passes there as false ones, each share
counted by Laplace's rule, so that a small volume's dozen sentence ends, none passing,
do not outweigh hundreds of running lines that never pass) does the test decide;
elsewhere the widths of the lines alone do, as before.  A scan that set a word the print
broke whole on its line (its halves joined) runs lines over the measure, so the widest
lines leave the test untrusted: then the widest of the lines that end in a word too short
to break (``WHOLE``) are taken for the measure, and the volume asked again; in a text
set by character count (``measure.FIXED``) whose widths never err, a line over those is
over the measure (a misread mark, a word set whole), and they are the measure wherever
they leave the test trusted.
Even then a face a little off Times' errs in every line's width: the widest line that
runs on, taken for the measure, is too wide by about as much, and a word seems to fit
where it did not; so a word passes only where it seems to fit by the median room such
false passes leave (``_error``); and as the line measured errs too, by as much again, a
pass settles an end only by twice that room (``settles``), a narrower one is weighed by
the odds.

Where neither reading is ruled out, odds learnt from the volume weigh them: how often a
sentence's last line ends its paragraph (counting the ends the widths settle, and the
rest by the odds they give, until the share settles); how seldom its paragraphs end after
their first lines, or before a paragraph that would end as soon (the next clear end a
line or two on), and how much likelier a new paragraph outlasts the lines up to that end
than the one it would cut as many lines further on; how seldom a line broken inside a word
falls an indent short; and how short lines before a long word left whole fall (the setter
breaks one that leaves more room: a line shorter still was an indent shorter, a paragraph's
first).  The lines to the next end are counted first by the clear ends, then, the reading
done, again with the ends it called too (``refit``: one step of expectation-maximisation;
the clear ends alone pass over an end that left no room, and so count too far).
A letter-spaced word (``w o r d``) is measured whole, as it was printed.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace

from ..textlines import CLOSES
from .breaking import Breaks
from .lines import SENTENCE_END, SHORT, line_kind, names_notes, runs_on
from .measure import FIXED, face, space, width
from .openers import CLEAR

SPACED = re.compile(r"(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")  # letters set apart, as OCR reads them
BROKEN = re.compile(r"([a-z]+)-$")  # a word broken at a line's end …
TAIL = re.compile(r"[a-z]+")  # … and its rest, or a word the setter might have broken
CAPITALISED = re.compile(r"[A-Z]?[a-z]+")  # … a sentence's first word too
LETTERS = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")  # a word of letters alone, in lower case
WHOLE = re.compile(rf"(?<!\S)[^\W\d_]{{1,4}}[{re.escape(CLOSES)}]*$")
# a line ending in a word of four letters or fewer: no setter breaks one (TeX's English
# breaks leave two letters before and three after), nor a scan joins its broken halves
# Where each constant comes from:
MARGIN = 2  # times as many passes at sentence ends as false ones: the test is trusted,
# a pass then calls an end right two times in three at even odds, the odds at which
# ``paragraphs`` calls an end (``EVEN``: a missed end spoils two paragraphs, a false one one)
WINDOW = 0.5  # ems either side of a line's slack: its density is counted so (about a
# letter's width, the step in which a line's slack comes)
FEW = 4  # the widest first lines whose steps say how much wider an unseen one may be (the
# fewest steps whose mean says much, all among the widest)
REACH = 2  # pages either side: the local measure of a page comes from these (as
# ``paragraphs.measures``' own)
LENGTHS = 5  # a paragraph's length is told apart up to this many lines (longer: as this;
# the share that end levels off past the first few lines, and each length up to here is
# still counted some hundreds of times in a volume)
LONGER = 0.64  # log-odds an end gains per unit of log length past ``LENGTHS`` lines: the clear
# ends count too few long paragraphs to say (a run past one whose end left no room counts on),
# yet sentence ends past it end their paragraphs more often the longer it has run; the slope
# of log length in a logistic regression of real ends on the odds' parts (the sentence ends
# these odds weigh in freshvolumes 1-100, 201-300 and othervolumes 1-30, 91-190: 0.45-0.95
# by range, 0.64 in all, alike in both generators)
ROUNDS = 8  # the prior is found again this many times from the odds it gives (each round
# moves it less, towards the share that gives itself back)
OVEREND = 1 / 3  # of the paragraphs' last lines leaving no room for the next word, the share
# over the measure where the scan set broken words whole (a paragraph's last word broken, its
# tail set on the line): 43 of 139 and 55 of 161 in freshvolumes 1-100 and 201-300
SHRINK = 3  # pseudo-counts at the volume's average that a length's share of ends gets (a
# length seen a handful of times keeps near the average)


@dataclass(frozen=True)
class Fit:
    """Each page's full measure, and whether the fit test is to be trusted here."""

    measures: list[float]  # per page: the widest running line of the pages around
    trusted: bool
    false_passes: float  # share of running lines that pass (the test's false alarms)
    sentence_passes: float  # share of long lines ending a sentence that pass
    prior: float = 0.0  # log-odds that a line ending a sentence ends its paragraph
    indent: float = 0.0  # a paragraph's first line is this much short of the measure
    hazard: tuple[float, ...] = ()  # shares of all, and of a paragraph's 1st, 2nd, … lines,
    # that end it
    until: list[list[int]] = field(default_factory=list)  # per page, per line: the lines
    # from it to the next clear end of a paragraph, itself included
    hyphened: float = 0.0  # log-odds of an end before a line broken inside a word that is
    # short by an indent
    breakable: int = 0  # letters of the shortest words the volume breaks at line ends
    unbroken: tuple[float, ...] = ()  # how far lines running on before such a word left
    # whole fall short of the measure (sorted)
    error: float = 0.0  # ems by which a word must seem to fit, the widths erring (``_error``)
    head: int = 0  # letters of the least part of a word the volume breaks off at a line's end
    over: float = 1.0  # share of the lines running on that run over the measure (a word the
    # print broke set whole on its line; 1: none does)
    cuts: Breaks = field(default_factory=Breaks)  # where the volume's setter breaks words

    def passes(self, page: int, line: str, following: str, indent: float = 0.0) -> bool:
        """Whether ``following``'s first word (and a space) would have fitted after
        ``line`` on page ``page`` (index), on a line ``indent`` ems short of the measure."""
        return self.holds(page, _need(line, following), indent)

    def holds(self, page: int, need: float, indent: float = 0.0) -> bool:
        """Whether a line ``need`` ems wide fits on page ``page`` (index), ``indent`` ems
        short of the measure, the widths' error added."""
        return need + self.error <= self.measures[page] - indent

    def settles(self, page: int, line: str, following: str, indent: float = 0.0) -> bool:
        """Whether ``following``'s first word surely fitted after ``line``: seems to fit by
        the error twice, the measure's (``passes``) and this line's own, each of whose
        widths may err as much (a pass by less is weighed by the odds, not settled)."""
        return self.passes(page, line, following, indent + self.error)

    def first_line(self, page: int, line: str) -> bool:
        """Whether ``line`` may be a paragraph's first line by its width: short of the
        measure by the indent, give or take as much as the widths err; in a volume that
        does not indent, any line (one over the measure, a broken word set whole on it,
        opens a paragraph as often as another)."""
        return not self.indent or width(line) - self.error <= self.measures[page] - self.indent

    def odds(self, page: int, following: str, indent: float = 0.0, lines: int = 0,
             at: int = -1, after: str = "", last: str = "") -> float:
        """The log-odds that a sentence's last line that fails the test ends its paragraph,
        the ``lines``-th, before ``following`` (the ``at``-th line of its page; ``after``:
        the line after it): a paragraph's last line may be of any width, one that runs on
        is short of the measure by less than ``following``'s first word and a space; the
        volume's paragraphs seldom end so soon, or so soon after (at the next clear end),
        outlast their first lines more often than later ones, and end the likelier the
        longer they have run past the lengths told apart (``LONGER``); a line broken inside a
        word seldom leaves an indent's room, nor one before a long word left whole the room
        to break it.  A line running on before a word the volume breaks had no room for
        the least part of it the setter breaks off (``_least``), so only that much room
        counts against an end; and where the least part he is seen to break off (his
        earliest cut of a shape among his breaks, ``_cut``) surely fitted, he would have
        broken the word there: the line ends its paragraph.  Where lines run over the
        measure (a word the print broke set whole on its line), a sentence's last line
        (``last``) over it is a paragraph's last line leaving no room (``OVEREND`` of them)
        as often as a line running on is one (``over``)."""
        lean = 0.0
        if self.hazard and lines:
            h = self.hazard
            lean = _logit(_share(h, lines)) - _logit(h[0])
            if 0 <= at < len(self.until[page]):  # the next paragraph would end that soon
                rest = self.until[page][at]
                lean += math.log(_share(h, rest) / _share(h, lines + rest))
                lean += sum(_lasts(h[k]) - _lasts(_share(h, lines + k))
                            for k in range(1, min(rest, LENGTHS)))  # … and lasting that long
        if following.endswith("-"):  # a broken word fills its line: here an indent's room
            lean += self.hyphened
        elif (self.unbroken and after and runs_on(following, after)
              and TAIL.fullmatch(word := first_word(after)) and len(word) >= self.breakable):
            slack = self.measures[page] - width(following)  # as often, an indent shorter?
            lean += math.log((self._near(slack - self.indent) + 0.5) / (self._near(slack) + 0.5))
        if last and self.over < 1 and width(last) > self.measures[page]:
            lean += math.log(OVEREND / self.over)
        word = first_word(following)
        if last and (cut := self._cut(word)) and self.settles(page, last, cut + "-", indent):
            return math.inf  # a part the setter is seen to break off surely fitted: he would
            # have broken the word there
        return self.prior + lean + math.log((space() + self._least(word))
                                            / (self.measures[page] - indent))

    def _least(self, word: str) -> float:
        """The width of the least of ``word`` a line that ran on before it had no room
        for: the whole word, or, one the volume would break (long enough, its letters
        but a capital's in lower case), its least part broken off with a hyphen."""
        if stem := self._breakable(word):
            return min(width(word), width(stem[:self.head] + "-"))
        return width(word)

    def _cut(self, word: str) -> str:
        """The least part of ``word`` (one the volume would break) the setter is seen to
        break off: up to his earliest cut in it, of a shape seen among his breaks
        (``Breaks.least``); none where that is not one he is seen to make."""
        if not (stem := self._breakable(word)):
            return ""
        cut = self.cuts.least(stem, self.head)
        return stem[:cut] if cut < len(stem) and self.cuts.seen(stem[:cut], stem[cut:]) else ""

    def _breakable(self, word: str) -> str:
        """``word``'s letters where the volume would break it (long enough, its letters but a
        capital's in lower case, and the volume seen to break words), else ""."""
        stem = word.rstrip(CLOSES)
        return stem if self.head and len(stem) >= self.breakable \
            and CAPITALISED.fullmatch(stem) else ""

    def _near(self, slack: float) -> int:
        """How many lines before a long word left whole fall about ``slack`` short."""
        return (bisect.bisect_left(self.unbroken, slack + WINDOW)
                - bisect.bisect_left(self.unbroken, slack - WINDOW))


def _need(line: str, following: str) -> float:
    """The width ``line`` would take with ``following``'s first word and a space after it."""
    return width(line) + space() + width(first_word(following))


def _needs(lines: list[Sample]) -> list[float]:
    """Each sample line's ``_need``, taken once for every measure it is tried against."""
    return [_need(line, after) for _, line, after in lines]


def first_word(line: str) -> str:
    """``line``'s first word as printed: a letter-spaced one (``w o r d``) whole."""
    if spaced := SPACED.match(line):
        return spaced[0]
    return line.split(maxsplit=1)[0] if line.strip() else ""


Sample = tuple[int, str, str]  # (page, line, next line)


def _samples(lines: list[tuple[str, int]], measures: list[float],
             ) -> tuple[list[Sample], list[Sample]]:
    """The long lines of text (no heading's capitals, set in another face) that surely run
    on (inside a sentence, after a line of text inside one: no paragraph's first line either,
    under a heading or a sentence's end), and those that end a sentence before more text."""
    running: list[Sample] = []
    ending: list[Sample] = []
    notes = False  # under a heading naming notes, until the next heading
    for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:], strict=False):
        kind = line_kind(before, "")
        if kind == "heading":
            notes = names_notes(before)
        if not line or not after or width(line) < SHORT * measures[at] or notes \
                or line_kind(line, before) != "text":
            continue
        if SENTENCE_END.search(line):
            if line_kind(after, line) == "text":
                ending.append((at, line, after))
        elif before and not SENTENCE_END.search(before) and kind == "text" \
                and runs_on(line, after):
            running.append((at, line, after))
    return running, ending


def _local(pages: int, running: list[Sample], measures: list[float],
           whole: bool = False) -> list[float]:
    """Each page's full measure: the widest line running on of the pages around it
    (``whole``: the second widest of those ending in a word too short to break, ``WHOLE``,
    where a scan that set a broken word whole on its line ran lines over the measure; a
    line over it by a misread mark is one, the measure is met by more)."""
    widths: list[list[float]] = [[] for _ in range(pages)]
    for at, line, _ in running:
        if not whole or WHOLE.search(line):
            widths[at].append(width(line))
    widths = [heapq.nlargest(2, ws) for ws in widths]  # (all a page's window asks of it)
    out = []
    for i in range(pages):
        near = sorted(w for ws in widths[max(0, i - REACH) : i + REACH + 1] for w in ws)
        out.append(near[-1 - (whole and len(near) > 1)] if near else measures[i])
    return out


def running_on(pages: list[list[str]], measures: list[float]) -> list[Sample]:
    """The long lines of these pages that surely run on."""
    return _samples(_lines(pages), measures)[0]


def false_share(running: list[Sample], pages: int) -> float:
    """The share of lines that surely run on (on ``pages`` pages) whose next word the test
    says would have fitted: none, measured in the face the lines were set in (against the
    widest lines, or, if fewer pass so, those ending in a word too short to break)."""
    if not running:
        return 0.0
    fits = (Fit(_local(pages, running, [0.0] * pages, whole), False, 0.0, 0.0)
            for whole in (False, True))  # (a page without a sample line holds none)
    needs = _needs(running)
    return min(_passes(fit, running, needs) for fit in fits) / len(running)


def _lines(pages: list[list[str]]) -> list[tuple[str, int]]:
    return [(line.strip(), at) for at, page in enumerate(pages) for line in page]


def learn(pages: list[list[str]], measures: list[float]) -> Fit:
    """The fit test for these pages (their running lines; ``measures``: each page's
    measure as the paragraphs pass reckons it)."""
    lines = _lines(pages)
    running, ending = _samples(lines, measures)
    needs = _needs(running), _needs(ending)
    fit = _tried(len(pages), running, ending, measures, needs, whole=False)
    if not fit.trusted or face() == FIXED:  # (set by character count, widths never err:
        whole = _tried(len(pages), running, ending, measures, needs, whole=True)  # a wider line
        fit = whole if whole.trusted else fit  # is over the measure)
    if not fit.trusted:
        return fit
    local, false_passes, sentence_passes = fit.measures, fit.false_passes, fit.sentence_passes
    fit = Fit(local, False, 0.0, 0.0)
    error = _error(fit, running, needs[0])
    indent = _indent(fit, lines, measures)
    hyphened = _hyphened(fit, lines, indent)
    breakable, head, unbroken, cuts = _breaking(fit, lines)
    overrun = sum(width(line) > local[at] for at, line, _ in running)
    over = _rate(overrun, len(running)) if overrun else 1.0
    prior = _prior(Fit(local, True, false_passes, sentence_passes, indent=indent,
                       hyphened=hyphened, breakable=breakable, unbroken=unbroken,
                       error=error, over=over), lines)
    starts = [0, *itertools.accumulate(map(len, pages))]
    hazard, until = _hazard(replace(fit, indent=indent, error=error), lines, measures, set())
    return Fit(local, True, false_passes, sentence_passes, prior, indent, hazard,
               [until[a:b] for a, b in itertools.pairwise(starts)], hyphened, breakable,
               unbroken, error, head, over, cuts)


def _tried(pages: int, running: list[Sample], ending: list[Sample], measures: list[float],
           needs: tuple[list[float], list[float]], whole: bool) -> Fit:
    """The test against the widest lines (``whole``: those ending in a short word), and
    whether it is trusted: twice as many passes at sentence ends as false ones (``needs``:
    the running and the ending lines' ``_needs``)."""
    fit = Fit(_local(pages, running, measures, whole), False, 0.0, 0.0)
    run_passes, end_passes = _passes(fit, running, needs[0]), _passes(fit, ending, needs[1])
    trusted = bool(running) and _rate(end_passes, len(ending)) > MARGIN * _rate(
        run_passes, len(running))
    return replace(fit, trusted=trusted,
                   false_passes=run_passes / len(running) if running else 0.0,
                   sentence_passes=end_passes / len(ending) if ending else 0.0)


def _error(fit: Fit, running: list[Sample], needs: list[float]) -> float:
    """How far the widths may err: the median room, beyond their next word and a space,
    that the lines running on yet seeming to leave it leave (the widest line that runs on,
    the measure, is itself too wide by about as much as the widths err at most, and a word
    seems to fit by as much where it did not).  A word that must seem to fit by this much
    more to pass fails in half the false passes, and an end a pass no longer settles is
    weighed by the odds (``needs``: each running line's ``_need``, taken once)."""
    rooms = [fit.measures[at] - width(line) - space() - width(first_word(after))
             for (at, line, after), need in zip(running, needs, strict=True)
             if fit.holds(at, need)]
    return statistics.median(rooms) if rooms else 0.0


def refit(fit: Fit, pages: list[list[str]], measures: list[float],
          called: set[tuple[int, int]]) -> Fit:
    """A trusted fit learnt again (one step of expectation-maximisation): the lines from
    each line to the next end, counted by the ends a reading with it called (``called``:
    each line, by page and place, the reading opened a paragraph with) as well as by the
    clear ones.  How soon paragraphs end stays as the clear ends count it: counted again by
    ends its own odds called, it leans to itself (seeds 1-30 lost a paragraph more).  An
    untrusted fit weighs no lengths: it is kept."""
    if not fit.trusted:
        return fit
    starts = [0, *itertools.accumulate(map(len, pages))]
    opened = {starts[page] + at for page, at in called}
    until = _hazard(fit, _lines(pages), measures, opened)[1]
    return replace(fit, until=[until[a:b] for a, b in itertools.pairwise(starts)])


def _hazard(fit: Fit, lines: list[tuple[str, int]], measures: list[float], opened: set[int],
            ) -> tuple[tuple[float, ...], list[int]]:
    """How soon the volume's paragraphs end, from those its clear ends mark off (a short
    sentence's last line, or one the next word surely fitted after, ``Fit.settles``, an
    indent's room more where it may be a paragraph's first line: after a sentence's end;
    a pass by less, as often a line running on, would cut paragraphs short) and those a
    reading called (``opened``: the lines it opened a paragraph with): the share of all
    lines, and of a paragraph's 1st, 2nd, … lines, that end one; and for each line, the
    lines from it to the next end."""
    ended: Counter[int] = Counter()  # clear ends after a paragraph's k-th line
    seen: Counter[int] = Counter()  # lines that are a paragraph's k-th
    ends: list[bool | None] = [None] * len(lines)  # a clear end; None: before a heading
    k = 0  # lines of the open paragraph: counted once a clear end closes it
    for n, ((line, at), (after, _)) in enumerate(itertools.pairwise([*lines, ("", 0)])):
        if not line or not after or line_kind(line, "") != "text" \
                or line_kind(after, line) != "text":
            k = 0  # a heading, a dateline: what ends there is no paragraph told by its end
            continue
        ends[n], k = False, k + 1
        if after[:1].isupper() and SENTENCE_END.search(line) and (
                width(line) < CLEAR * measures[at] or n + 1 in opened
                or fit.settles(at, line, after, fit.indent if k == 1  # (a first line's room
                               or SENTENCE_END.search(lines[n - 1][0]) else 0.0)):  # is less)
            seen.update(range(1, min(k, LENGTHS) + 1))
            seen[LENGTHS] += max(k - LENGTHS, 0)
            ended[min(k, LENGTHS)] += 1
            ends[n], k = True, 0
    share = sum(ended.values()) / max(sum(seen.values()), 1)
    hazard = (share, *((ended[k] + SHRINK * share) / (seen[k] + SHRINK)
                       for k in range(1, LENGTHS + 1)))
    until, rest = [0] * len(lines), 0
    for n in range(len(lines) - 1, -1, -1):  # unknown before a heading: as a long way off
        rest = until[n] = 1 if ends[n] else LENGTHS if ends[n] is None else rest + 1
    return hazard, until


def _share(hazard: tuple[float, ...], lines: int) -> float:
    """The share of a paragraph's ``lines``-th lines that end it: as the volume counts it
    up to ``LENGTHS``, its log-odds rising by ``LONGER`` per unit of log length past it."""
    odds = _logit(hazard[min(lines, LENGTHS)]) + LONGER * math.log(max(lines, LENGTHS) / LENGTHS)
    return 1 / (1 + math.exp(-odds))


def _logit(share: float) -> float:
    share = _bounded(share)
    return math.log(share / (1 - share))


def _lasts(share: float) -> float:
    """The log-likelihood that a line runs on, ``share`` of the lines of its kind ending
    their paragraph."""
    return math.log(1 - _bounded(share))


def _bounded(share: float) -> float:
    return min(max(share, 0.01), 0.99)


def _prior(fit: Fit, lines: list[tuple[str, int]]) -> float:
    """The log-odds that a sentence's last line (before a sentence's first) ends its
    paragraph: the share of such lines that end one, counting those the widths settle
    (room for the next word, an indent's room more after a sentence's end, where the line
    may be a paragraph's first; or after the next line for the one after: an end; a next
    line too full to be a first line: none), and the rest by the odds their widths give at
    that share, found again until it settles."""
    settled, total, lean = 0, 0, []
    for (before, _), (line, at), (after, _), (then, _) in zip(
            [("", 0), *lines], lines, lines[1:], [*lines[2:], ("", 0)], strict=False):
        if not (line and after[:1].isupper() and SENTENCE_END.search(line)
                and line_kind(after, line) == "text"):
            continue
        total += 1
        if fit.passes(at, line, after, fit.indent if SENTENCE_END.search(before) else 0.0) or (
                then and runs_on(after, then) and fit.passes(at, after, then)):
            settled += 1
        elif fit.first_line(at, after):
            lean.append(fit.odds(at, after, after=then, last=line))
    # (``fit`` has no ``head``: each next word is counted whole; counted by their least
    # parts, othervolumes 91-250 lost 8 paragraphs more)
    share = 0.5
    for _ in range(ROUNDS):
        prior = _logit(share)
        share = (settled + sum(1 / (1 + math.exp(-prior - o)) for o in lean)) / max(total, 1)
    return _logit(share)


def _indent(fit: Fit, lines: list[tuple[str, int]], measures: list[float]) -> float:
    """A paragraph's indent: how far short of the measure the widest of the lines that
    follow a clearly short sentence end (paragraphs' first lines) falls, less the mean
    step between the widest few (a first line not among them may be wider by as much)."""
    firsts = sorted(fit.measures[at] - width(line)
                    for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:],
                                                                  strict=False)
                    if line[:1].isupper() and SENTENCE_END.search(before)
                    and width(before) < CLEAR * measures[at] and runs_on(line, after)
                    and line_kind(line, before) == "text")  # not a heading under the end
    if not firsts:
        return 0.0
    few = firsts[:FEW + 1]
    return max(0.0, few[0] - (few[-1] - few[0]) / max(len(few) - 1, 1))


def _hyphened(fit: Fit, lines: list[tuple[str, int]], indent: float) -> float:
    """The log-odds a line broken inside a word gives a paragraph's end before it when it
    falls short of the measure by an indent (as ``Fit.first_line`` allows): how seldom a
    line so broken inside a sentence, not a paragraph's first, falls that short."""
    broken = [fit.measures[at] - width(line) >= indent - space()
              for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:],
                                                            strict=False)
              if line.endswith("-") and after[:1].islower() and before
              and not SENTENCE_END.search(before)]
    return -math.log((sum(broken) + 0.5) / (len(broken) + 1))


def _breaking(fit: Fit, lines: list[tuple[str, int]],
              ) -> tuple[int, int, tuple[float, ...], Breaks]:
    """The letters of the shortest words the volume breaks at line ends (but for the
    shortest tenth), of the least parts it breaks off (as many but for a tenth), how
    far lines running on inside a sentence before such a word left whole fall short of
    the measure (no further than the setter would leave rather than break it), and where
    he breaks words."""
    cut = [(head[1], tail[0]) for (line, _), (after, _) in itertools.pairwise(lines)
           if (head := BROKEN.search(line)) and (tail := TAIL.match(after))]
    if not cut:
        return 0, 0, (), Breaks()
    broken = sorted(len(a + b) for a, b in cut)
    heads = sorted(len(a) for a, _ in cut)
    breakable = broken[len(broken) // 10]
    unbroken = tuple(sorted(
        fit.measures[at] - width(line)
        for (before, _), (line, at), (after, _) in zip(lines, lines[1:], lines[2:], strict=False)
        if before and not SENTENCE_END.search(before) and runs_on(line, after)
        and TAIL.fullmatch(word := first_word(after)) and len(word) >= breakable))
    words = Counter(w for line, _ in lines for w in LETTERS.findall(line.lower()))
    return breakable, heads[len(heads) // 10], unbroken, Breaks.learn(cut, words)


def _rate(passes: int, lines: int) -> float:
    """The share of ``lines`` that pass, by Laplace's rule of succession (a pass and a
    fail counted beforehand): a few lines, none passing, say little against the test."""
    return (passes + 1) / (lines + 2)


def _passes(fit: Fit, lines: list[Sample], needs: list[float]) -> int:
    """How many of ``lines`` pass ``fit`` (``needs``: their ``_needs``), as ``Fit.passes``."""
    return sum(fit.holds(at, need) for (at, _, _), need in zip(lines, needs, strict=True))
