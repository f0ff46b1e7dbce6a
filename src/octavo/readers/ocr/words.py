"""Word decisions: end-of-line hyphens, lost hyphens, OCR gaps and spaced emphasis.

Decisions use the volume's own vocabulary first (how often it prints ``trade-union``
against ``tradeunion``; ``workers`` as one word against ``work ers``) and the
``wordfreq`` frequencies of English after that.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import string
from collections import Counter
from collections.abc import Callable
from functools import cached_property, lru_cache

from ... import frequencies
from ...lettering import DAGGERS
from ...tree import Emphasis, Inline, NoteRef, PageMarker, Text
from ..textlines import CLOSES, WORD_CLOSES
from .breaking import Breaks

WORD = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")
TRAILING = re.compile(r"([A-Za-z]+)-?$")
STEM = re.compile(r"(?<![\w’])([A-Za-z]+) $")  # a word, then the space before a run
LAST_WORD = re.compile(r"(?<![\w.’'-])([A-Za-z]+)\Z")  # matched by ``last_word``
# … or a compound's last word (``self-evi``): matched by ``end_word``
END_WORD = re.compile(r"(?:(?<![\w.’'-])|(?<=[A-Za-z]-))([A-Za-z]+)\Z")
LEADING = re.compile(r"^([A-Za-z]+)")
SPACED_RUN = re.compile(r"(?<![\w.’])(?:[A-Za-z](?: | ?- ?))+[A-Za-z](?!\w)")
HYPHENED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
COMPOUND = re.compile(r"(?<![\w-])(?:[a-z]{6,}|[A-Za-z]+(?:-[A-Za-z]+)+)(?![\w-])")
MERGED_PAIR = re.compile(r"(?<=\b[A-Za-z] [A-Za-z] )([A-Za-z])([A-Za-z])(?= [A-Za-z] [A-Za-z]\b)")
SPACED_END = re.compile(r"\b[A-Za-z] [A-Za-z]{1,2}(?: ?-)?$")  # a line ending letter-spaced …
RANGE_OPEN = re.compile(r"\d-$")  # a line ending in a range's first number (``(1895-``) …
RANGE_CLOSE = re.compile(r"\d|[A-Z][a-z]+ \d")  # … before its last (``1903)``, ``July 20``)
SPACED_START = re.compile(r"^[A-Za-z]{1,2} [A-Za-z]\b")  # … and one opening so
LONE_LETTER = re.compile(r"\b([A-Za-z]{2,}) ([b-hj-z])(?=’s\b|$|[^\w’](?![A-Za-z](?: |$)))")
LONE_INITIAL = re.compile(r"(?<![\w’.-])(?<!\b[A-Za-z] )([b-hj-z]) ([a-z]{2,})\b")
# A pattern that opens with a character the text seldom holds (a space, a digit, a quote) is
# looked for by a fast scan; one that opens with a look-behind or a word boundary is tried at
# every character. So in the patterns of tidy() that look behind such a character, the
# look-behind follows it: `` (?<=X )`` matches where ``(?<=X) `` does, in a third of the time
# (and ``\d(?<!\w\d)`` where ``\b\d`` does).
SPACED_DIGITS = re.compile(r"\d(?<!\w\d) (?:\d ){1,}\d(?: ?- ?(?:\d ?)*\d)?\b")  # 1 9 0 4 - 0 5
# N.E.P. ,
GAP_BEFORE_STOP = re.compile(rf" (?<=[\w.)] )(?=[{WORD_CLOSES}](?:\s|$|[\u201d\u2019,)]))")
GAP_IN_INITIALS = re.compile(r" (?<=\b[A-Z] )\.(?= ?[A-Z(])")  # J . V. Stalin
GAP_IN_ABBREVIATION = re.compile(r"\b([a-z])\. ([a-z])\.")  # i. e.
GAP_BEFORE_PARTY = re.compile(r" (?<=[A-Z]\. )(?=\([A-Z]\.\))")  # R.C.P. (B.)
PAGE_MARK = re.compile("\ue000([^\ue001]*)\ue001")
# a footnote's mark after a word: stars, as many as the page's notes need (a volume that
# numbers its footnotes by the page with stars adds one for each), or one or two of the
# printer's series that follows them (the look-behind follows the first mark); before a space,
# a stop or the marker of a page turning after it (a mark ending a page's last line)
NOTE_MARK = re.compile(rf"(\*(?<=[\w{CLOSES}]\*)\**"
                       rf"|[{DAGGERS}](?<=[\w{CLOSES}][{DAGGERS}])[{DAGGERS}]?)"
                       r"(?=\s|$|[,.;:)\u201d\ue000])")
DROPPED = 50  # a print breaks about one in ten of its compounds at their hyphen: a scan
# with fewer hyphens at line ends than one to this many compounds inside lines drops them
COMMON = 4  # an unknown word made of two words (3+ letters) this frequent is their compound
ONE_LETTER = "aAI"  # the words of one letter
VOWELS = "aeiou"  # a word's first letters that a prefix's last vowel meets (``co-operation``;
# not ``breaking.VOWELS``, whose ``y`` is a vowel inside a word)
LONG_RUN = 4  # letters of a spaced run that may be one word (``i n t o``); a run of three is
# as likely an OCR gap between two (``a t a``: ``at a``, not ``ata``)
KNOWN = 3.0  # Zipf frequency of a word read once in a million: one an English reader knows
OWN = 2  # times a volume prints a form for it to be a form of its own: once may be a slip
# (a misread or the OCR's own join); a second time the printer set it so again
# English suffixes that are words too: ``productive-ness`` is a break, not a compound
SUFFIXES = frozenset({"dom", "fold", "ful", "hood", "less", "ment", "ness", "ship"})
PREFIX = 2  # letters of the prefixes that open compounds and words alike (``re-``, ``co-``:
# ``re-election``, ``re-main``): a compound of one tells nothing of a word broken after it
ENDING = 3  # letters of the endings English counts as words too (``-ers``, ``-ing``, ``-ist``)
LIKELIER = 4.0  # how much likelier (log10) a joined word than its halves side by side must
# be to be read as one word: a word broken at a line's end whose hyphen the scan lost ends
# at most one line in a hundred (a tenth of a print's lines break a word, and a poor scan
# loses some of those hyphens), and a phrase is up to a hundred times as common as its
# words met by chance (``per cent``: 3.8, ``gentle men``: 3.5). The breaks of the sample
# and of othervolumes' seeds 1-30 score 4.6 to 13 (``pre sent`` 4.1), but ``van guard`` 3.0
PHRASE = 2.0  # of LIKELIER, the hundred times a phrase's words may be commoner together than
# by chance: no phrase is made of a half that is no word (``for`` ``ged``)
LOST = 0.01  # the share of its line ends LIKELIER assumes a scan loses a broken word's hyphen
# at, until the volume's own line ends tell (``Vocabulary.lost_odds``) …
ASSUMED = 500  # … outweighing that assumption taken as so many line ends (some fifteen pages)
BREAKS = 0.1  # the share of a print's lines that end in a word broken (LIKELIER; fresh
# volumes that keep their hyphens break 13-19%): ASSUMED line ends' worth of breaks
NEAR = 0.5  # log10: scores of ``likelier`` within this of a line end's are counted like it
# (a break's halves score 2 to 13, a phrase's up to 4: a tenth of that spread either side)
USUAL = 2  # a hyphened form printed at least twice as often as the closed one is the rule
ELLIPSIS = re.compile(r" ?\.(?: \.){2,3}")  # four dots: a sentence's stop, then the ellipsis
SPACE_IN_PARENTHESIS = re.compile(r" (?<=\( )")
SPACED_DASH = re.compile(rf" ?\u2014({PAGE_MARK.pattern})? ?")  # (a page turning after the
# dash: its marker stands before the next line's space, ``Builder.extend``)
ELLIPSIS_BEFORE_WORD = re.compile(r"\u2026(?=\w)")
GAP_BEFORE_S = re.compile(r"\u2019(?<=\w\u2019) s\b")
SPACES = re.compile(r"\s\s+")  # (not ``\s{2,}``: a pattern opening on a class is scanned for fast)
# What some patterns of tidy() can't match without, found by a fast scan (a pattern that
# opens with a space or a literal): most paragraphs have none, and skip the slow pattern.
MAY_MERGE = re.compile(r" [A-Za-z] [A-Za-z]{2} [A-Za-z] ")  # for MERGED_PAIR
MAY_LONE = re.compile(r" [b-hj-z](?!\w)")  # for LONE_LETTER
MAY_INITIAL = re.compile(r" (?<=[^\w’.-][b-hj-z] )[a-z]{2}")  # for LONE_INITIAL, after a space
MAY_ABBREVIATE = re.compile(r"\. [a-z]\.")  # for GAP_IN_ABBREVIATION
# a word of any script and its stop inside a line, and the word after it (``Gen. Kornilov``)
STOPPED = re.compile(r"(?<![\w.\u2019'-])([^\W\d_]+)\.\s+(?=([^\W\d_]*))")
BARE = re.compile(r"(?<![\w.\u2019'-])[^\W\d_]+(?![\w.\u2019'-])")  # … a word with no stop
ENDS_STOPPED = re.compile(r"(?<![\w.\u2019'-])([^\W\d_]+)\.$")  # … and one ending a line


def last_word(text: str) -> re.Match[str] | None:
    """The word of letters ``text`` ends in, not run on from a figure, a stop, an apostrophe
    or a hyphen (``LAST_WORD``): matched where the letters ending the text begin, where a
    search would try the pattern at every character of it."""
    return LAST_WORD.match(text, len(text.rstrip(string.ascii_letters)))


def end_word(text: str) -> re.Match[str] | None:
    """The word a line ends in (``last_word``), or the last word of the compound it ends in
    (``self-evi``: a word broken there as any other)."""
    return END_WORD.match(text, len(text.rstrip(string.ascii_letters)))


def zipf(word: str) -> float:
    """The word's frequency in English on the Zipf scale (0 when unknown)."""
    return _zipf(word.lower())


def abbreviations(lines: list[str]) -> frozenset[str]:
    """The words the volume abbreviates before names (``Gen.``, ``St.``), learnt from it:
    capitalised, not in capitals (a heading's word, a roman numeral), printed with their
    stop wherever they stand (a sentence's last word is printed without it elsewhere) and,
    inside a line, always before a name (a capitalised word the volume never prints in
    lower case), at least ``k`` times.  A word in lower case is not asked: one ending
    sentences only before the words that open them and nowhere else (``others.``
    ``Moreover``) would pass.  Of the ``C`` words so printed with a stop and never without,
    a sentence's last word passes each time with the share ``q``
    of names among the capitalised words after a stop inside a line (Laplace's rule); ``k``
    is the least count at which chance leaves less than one of them passing, ``C·q^k < 1``
    (two in the sample: 27 such words, ``q`` 0.14; only ``St.`` passes, four times before
    ``Petersburg``; ``Messrs.`` is printed before ``the``)."""
    bare = set(BARE.findall("\n".join(lines)))  # (a line's ends stand so at a line break)
    lower = {word for word in bare if word.islower()}
    after: dict[str, list[str]] = {}
    for line in lines:
        for m in STOPPED.finditer(line):
            after.setdefault(m[1], []).append(m[2])
            lower.update(m[i] for i in (1, 2) if m[i].islower())

    def name(word: str) -> bool:
        return word[:1].isupper() and word.lower() not in lower

    capitals = [w for words in after.values() for w in words if w[:1].isupper()]
    share = (sum(map(name, capitals)) + 1) / (len(capitals) + 2)
    candidates = {w: words for w, words in after.items()
                  if w not in bare and w[:1].isupper() and not w.isupper()}
    if not candidates:
        return frozenset()
    least = math.floor(math.log(len(candidates)) / -math.log(share)) + 1
    return frozenset(w for w, words in candidates.items()
                     if len(words) >= least and all(map(name, words)))


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return frequencies.zipf(word)


class Vocabulary:
    """The volume's own words: how often each form is printed inside a line."""

    def __init__(self, lines: list[str]) -> None:
        inner: list[str] = []  # a line's first and last words may be fragments: not counted
        whole: list[str] = []  # … unless no hyphen breaks them: every whole word printed
        pairs: list[str] = []  # words side by side, as ``head tail`` (``apart``)
        broken = False  # whether the line before ended in a hyphen
        hyphened: list[str] = []
        ends = 0  # lines ending in a hyphen
        spans = 0  # lines of three words or more: the text's (a heading's, a folio's,
        # a signature's are shorter), whose words a line holds (``per_line``)
        for line in lines:
            lowered = line.lower()
            tokens = WORD.findall(lowered)
            inner += tokens[1:-1]
            spans += len(tokens) >= 3
            breaks = line.rstrip().endswith("-")
            whole += tokens[broken : len(tokens) - breaks]
            broken = breaks
            ends += breaks
            pairs += map(" ".join, itertools.pairwise(tokens))
            if "-" in line:
                hyphened += HYPHENED.findall(line)
        self.words = Counter(inner)
        self.size = max(len(inner), 1)
        self.per_line = 2 + len(inner) / max(spans, 1)  # words a line of text holds
        # a scan that keeps no hyphen at line ends, not even a compound's
        self.hyphens_lost = ends * DROPPED < len(hyphened)
        self.abbreviations = abbreviations(lines)
        self.whole = Counter(whole)
        # (strings, not tuples: the garbage collector counts each tuple made, and a volume's
        # hundred thousand had it run twice as often)
        self.pairs = Counter(pairs)
        # each line's last word and the next line's first, in lower case; a hyphen between?
        self.ends = [(h[1], t[1], a.endswith("-")) for a, b in itertools.pairwise(
            line.rstrip() for line in lines) if (t := LEADING.match(b.lstrip()))
            and t[1].islower() and (h := end_word(a.removesuffix("-")[-64:]))]
        self.breaks = Breaks.learn([(head, tail) for head, tail, hyphen in self.ends if hyphen],
                                   self.whole)
        self.forms: dict[str, Counter[str]] = {}  # letters only → hyphened forms seen
        self.cache: dict[str, str] = {}  # words already mended
        self._closed: dict[str, int] = {}  # ``closed``'s counts, by the tails asked
        self.heads: Counter[str] = Counter()  # the first and last parts of those forms
        self.tails: Counter[str] = Counter()
        self.vowel_heads: Counter[str] = Counter()  # … of ``heads``, before a vowel
        for printed, count in Counter(hyphened).items():
            token = printed.lower()
            parts = token.split("-")
            self.forms.setdefault(token.replace("-", ""), Counter())[token] += count
            if printed[len(parts[0]) + 1].islower():  # a prefix takes a hyphen before any
                # capital (``pre-October``, ``anti-Soviet``): only a compound of words in
                # lower case tells that the print hyphens that first word's compounds
                self.heads[parts[0]] += count
                self.vowel_heads[parts[0]] += count * (parts[1][0] in VOWELS)
            self.tails[parts[-1]] += count

    def prefix(self, head: str) -> bool:
        """Whether ``head`` is a prefix to the volume: a word's first part it prints before
        a hyphen, inside its lines (``heads``) or ending one (``ended``), never a word it
        prints alone (``pre``, ``co``; wordfreq's counts of them are of such compounds'
        parts, no word's)."""
        h = head.lower()
        return not self.words[h] and self.heads[h] + self.ended[h] > 0

    @cached_property
    def ended(self) -> Counter[str]:
        """The words ending its lines before a hyphen, by how often (in lower case)."""
        return Counter(head.lower() for head, _, hyphen in self.ends if hyphen)

    @cached_property
    def bare_ends(self) -> tuple[Counter[str], Counter[str]]:
        """``ended``'s counterpart for the line ends with no hyphen: the words ending those
        lines (in lower case) and the words opening the lines after them (kept only in
        lower case), by how often."""
        return (Counter(head.lower() for head, _, hyphen in self.ends if not hyphen),
                Counter(tail for _, tail, hyphen in self.ends if not hyphen))

    def hyphens(self, head: str, tail: str) -> int:
        """How many compounds of ``head`` the volume hyphens inside its lines (``heads``);
        of a prefix's before a letter no vowel (``tail``'s first), those whose next part
        opens with none: a print keeps a prefix apart from a vowel (``pre-eminence``,
        ``co-operation``) where it may close it before any other letter (``presupposes``),
        and one it hyphens before other letters it hyphens before a vowel too
        (``self-determination``: ``self-evident``)."""
        h = head.lower()
        if not self.prefix(h) or tail[:1].lower() in VOWELS:
            return self.heads[h]
        return self.heads[h] - self.vowel_heads[h]

    def abbreviated(self, line: str) -> bool:
        """Whether ``line`` ends in a word the volume abbreviates before names, and its
        stop: no sentence's end (``abbreviations``)."""
        return (m := ENDS_STOPPED.search(line)) is not None and m[1] in self.abbreviations

    def hyphen_kept(self, head: str, tail: str) -> bool:
        """Whether ``head-`` + ``tail`` at a line end is a real hyphen (``trade-union``)."""
        joined, hyphened = (head + tail).lower(), f"{head}-{tail}".lower()
        if self.whole[hyphened] != self.whole[joined]:  # as the volume prints it whole
            return self.whole[hyphened] > self.whole[joined]
        if tail[:1].isupper():
            return True
        if tail.lower() in SUFFIXES:  # a derived word, broken before its suffix
            return False
        if head.islower() and self.known(head) and self.known(tail) \
                and not self.breaks.makes(head, tail):
            return True  # two words cut where the volume's setter breaks none (``world-``
            # ``wide``, where he carries a consonant over only after a vowel; not a name's
            # first letters, ``Eu-`` ``rope``, that English knows as a word)
        if head[-1:].lower() in VOWELS and tail[:1].lower() == head[-1:].lower() \
                and zipf(head) > 0 and zipf(tail) >= KNOWN:
            return True  # a prefix kept apart from a word opening with its last vowel
            # (``co-operatives``, ``re-elected``, ``anti-imperialist``), as a doubled vowel is
        if head[:1].isupper() and zipf(tail) < KNOWN and not self.words[tail.lower()]:
            return False  # a name broken (``Centro-`` ``soyuz``): a name's compounds join
            # it to a word (``Marx-like``), a name's own part is none English or the volume
            # prints
        if self.closed(tail.lower()) > self.heads[head.lower()] + self.tails[tail.lower()]:
            return False  # the volume closes more compounds of the last word than it
            # hyphens of either (``hundredweights``: ``penny-`` ``weights``)
        # two words: no word far likelier than they are side by side (``pre-sent``), and
        # not a short tail the volume never prints alone, a word's ending (``labour-ers``)
        two = self.likelier(head, tail) < LIKELIER and (len(tail) > ENDING
                                                         or self.whole[tail.lower()])
        if len(head) > PREFIX and min(zipf(head), zipf(tail)) >= KNOWN and two \
                and self.hyphens(head, tail):
            return True  # and the volume hyphens compounds of the first inside its lines
            # (``world-market``: ``world-`` ``wide``), if English closes them
        if zipf(joined) >= 2:  # a word in its own right (rarer ones are compounds of words),
            return zipf(joined) < min(KNOWN, zipf(tail)) and two and bool(
                self.words[head.lower()] or self.hyphens(head, tail))  # but one English
            # seldom closes, the first word one the volume prints alone or in its
            # compounds (``above-mentioned``, ``co-existence``; a prefix is no word of
            # its own: ``dis-cards``), and rarer than the last (a compound of a word is
            # rarer than the word: ``over-awed``; ``the-reto``, ``in-solent`` are breaks)
        if not zipf(joined):  # no word at all: a compound of a known word and a word
            return zipf(head) >= KNOWN and zipf(tail) > 0  # (``semi-proletarian``)
        return zipf(head) >= 3 and zipf(tail) >= 3

    def closed(self, tail: str) -> int:
        """How often the volume prints closed a compound whose last word is ``tail``: a
        word of letters alone printed whole, cut after a word English knows (no prefix:
        ``re``), ends in it (``hundredweights``: ``weights``); counted for the tails asked
        only (a line end's), once each.  Its first words tell nothing: a print closes some
        compounds of ``over`` (``overcome``), hyphens others (``over-emphasised``); nor does
        a word English knows that ends in a word it knows (``without``, ``throughout``: the
        language's own, closed by every print, tell nothing of ``worn-`` ``out``), where
        one ending in no word does (``governments``: ``employ-`` ``ments``)."""
        if tail not in self._closed:
            own = zipf(tail) < KNOWN  # (a word's ending, not a word)
            self._closed[tail] = sum(
                count for word, count in self.whole.items()
                if word.endswith(tail) and word.isalpha()
                and PREFIX + 1 <= (at := len(word) - len(tail)) < len(word) - 1
                and zipf(word[:at]) >= KNOWN  # (a hyphened compound's words: ``heads``)
                and (own or zipf(word) < KNOWN))
        return self._closed[tail]

    def lost_join(self, head: str, tail: str) -> bool:
        """Whether ``head`` ending a line and ``tail`` opening the next are one word
        whose hyphen the OCR lost (``commu`` + ``nist``, ``work`` … ``ers``)."""
        if not tail.islower() or not head.isalpha() or min(len(head), len(tail)) < 2:
            return False  # (no printer breaks a word after its first letter, nor carries
            # its last over: ``w h i c h`` ``is``, ``these`` ``s o c …``)
        if not (self.broken or self.lost):
            return False  # a volume none of whose lines ends in a word broken, at its
            # hyphen or in half a word (``commu`` ``nist``), breaks no word: its line ends
            # fall between words, however often it prints them closed (``some`` ``thing``)
        joined = (head + tail).lower()
        apart = self.apart(head, tail)
        if self.words[joined] >= OWN and self.words[joined] >= 10 * apart and (
                self.lost or min(self.words[head.lower()], self.words[tail.lower()]) < OWN):
            return True  # the volume prints it as one word and (almost) never apart; where
            # its scan surely lost no hyphen, one half no word of its own (``pro``
            # ``ducts``): two it prints alone are two words there (``some`` ``thing``)
        if apart:
            return False
        if self.lost and not self.known(head) and not (zipf(tail) or self.words[tail.lower()]):
            return True  # in a scan that surely lost hyphens (``lost``, as above), a line
            # opening in no word English or the volume knows, after one ending in none a
            # reader knows, opens in the rest of a word too rare for either (``necessi``
            # ``tously``, ``unanswe`` ``rably``)
        if not self.halves_make(head, tail):
            return False
        bar = LIKELIER - max(0.0, self.lost_odds - math.log10(LOST / (1 - LOST)))
        if not (self.known(head) and self.known(tail)):
            bar -= PHRASE
        score, edge = self.likelier(head, tail), self.edged(head, tail)
        # (below the bar, a volume that surely loses hyphens asks its own breaks: ``it``
        # ``self`` scores 2, as a phrase may, like some of its breaks and none of its words
        # side by side inside a line; so joined, they make a word an English reader knows,
        # as a phrase's words seldom do: ``vice`` ``versa``; and one half is no word the
        # volume prints alone ``OWN`` times, a word of its own to it as the joined word is above:
        # halves it prints alone as words, side by side, are its phrase, ``so`` ``on``,
        # ``for`` ``ever``, however like its breaks they score)
        # (where the halves stand at other line edges, ``edged``'s odds add to either)
        return score + edge >= bar or (
            self.lost > 0 and zipf(joined) >= KNOWN
            and min(self.words[head.lower()], self.words[tail.lower()]) < OWN
            and self.lost_odds + self.tell(score) + edge >= 0)

    def edged(self, head: str, tail: str) -> float:
        """How much likelier (log10) the halves are a word's than words of their own, by
        where the volume prints them elsewhere: a word stands at a line's end or start once
        in as many places as a line holds words (``per_line``), a word's half only there.
        So each other time a half the volume never prints inside a line ends (or opens) one
        with no hyphen, that is as many times likelier (``un`` ``wise``: ``un`` ``worthy``,
        ``un`` ``like``); a half seen once tells nothing by that (``be`` ``dazzled``)."""
        def others(counted: Counter[str], half: str) -> int:
            return 0 if self.words[half.lower()] else max(counted[half.lower()] - 1, 0)
        return math.log10(self.per_line) * (others(self.bare_ends[0], head)
                                            + others(self.bare_ends[1], tail))

    def tell(self, score: float) -> float:
        """How much likelier (log10) a line end whose halves make a word ``score`` likelier
        than they stand apart (``likelier``) is a word broken than two words, by the volume's
        own: among its breaks whose hyphen stands, and among all its words side by side
        inside a line, the shares that make a word scoring within ``NEAR`` of it, each
        drawn to the rate of both pooled by as many breaks as ASSUMED line ends hold
        (BREAKS): a volume of a few breaks tells little (the sample's one scoring like
        ``go`` ``in``), one of hundreds tells its own (none of its breaks scoring so, the
        volume tells nothing: -inf)."""
        def near(scores: list[float]) -> int:
            return bisect.bisect_right(scores, score + NEAR) - bisect.bisect_left(
                scores, score - NEAR)
        breaks, pairs = self.scores
        if not (like := near(breaks)):
            return -math.inf  # no break of the volume scores so: it tells nothing
        broken, printed, prior = len(self.broken), self.pairs.total(), ASSUMED * BREAKS
        pooled = prior * (like + (side := near(pairs))) / (broken + printed)
        return math.log10((like + pooled) / (broken + prior)
                          / ((side + pooled) / (printed + prior)))

    @cached_property
    def broken(self) -> list[tuple[str, str]]:
        """The volume's words broken at a line's end at a hyphen that stands."""
        return [(head, tail) for head, tail, hyphen in self.ends
                if hyphen and not self.hyphen_kept(head, tail)]

    @cached_property
    def scores(self) -> tuple[list[float], list[float]]:
        """``likelier``'s scores (sorted) of the volume's broken words, and of its words
        side by side inside a line (each as often as printed), whose halves make a word."""
        def word(head: str, tail: str) -> bool:
            return head.isalpha() and tail.isalpha() and self.halves_make(head, tail)
        breaks = sorted(self.likelier(h, t) for h, t in self.broken if word(h, t))
        words, pairs = self.words, []
        for pair, count in self.pairs.items():
            joined = pair.replace(" ", "")  # (in lower case, as the pairs are)
            # most pairs make no word: their joined form is looked up before ``word`` asks
            # the halves, saving three calls a pair (a volume's forty thousand)
            if (joined in words or (joined.isalpha() and _zipf(joined))) \
                    and word(*(halves := pair.split(" "))):
                pairs += [self.likelier(*halves)] * count
        pairs.sort()
        return breaks, pairs

    def known(self, word: str) -> bool:
        """Whether a word is one an English reader knows or one the volume prints."""
        return zipf(word) >= KNOWN or bool(self.words[word.lower()])

    @cached_property
    def lost_odds(self) -> float:
        """The odds (log10) that a line end of the volume is a word broken whose hyphen the
        scan lost: the breaks it surely lost (halves that make a word, one of them no word an
        English reader knows nor the volume prints: ``commu`` ``nist``), as many again as
        its breaks whose hyphen stands have both halves words (``pre-serve``), among its
        line ends (LOST of ASSUMED more, before the volume's own tell)."""
        rate = (self.lost + LOST * ASSUMED) / (len(self.ends) + ASSUMED)
        return math.log10(rate / (1 - rate))

    @cached_property
    def lost(self) -> float:
        """How many of its line ends the volume's own tell (``lost_odds``) has for words
        broken whose hyphen the scan lost."""
        sure, broken = 0, len(self.broken)
        halfless = sum(not (self.known(head) and self.known(tail)) for head, tail in self.broken)
        for head, tail, hyphen in self.ends:
            if not hyphen and self.halves_make(head, tail) \
                    and not (self.known(head) and self.known(tail)):
                sure += 1
        return sure * (broken + 1) / (halfless + 1)

    def halves_make(self, head: str, tail: str) -> bool:
        """Whether two halves of two letters or more make a word English or the volume
        knows."""
        return min(len(head), len(tail)) > 1 and bool(
            zipf(head + tail) or self.words[(head + tail).lower()])

    def likelier(self, head: str, tail: str) -> float:
        """How much likelier (log10) ``head`` and ``tail`` are one word than two side by
        side (``peace`` ``ful``: 5.5; ``in`` ``come``: 0.9): each word's share of English,
        or of the volume's own words where it prints it more often (a name, a term of its
        own); a half English knows nothing of is rarer than any word that it does."""
        def rate(word: str) -> float:  # on the Zipf scale: log10 of the count in 10^9 words
            count = self.words[word.lower()]
            return max(zipf(word), 9 + math.log10(count / self.size)) if count else zipf(word)
        return rate(head + tail) - rate(head) - rate(tail) + 9

    def lost_hyphen(self, head: str, tail: str) -> bool:
        """Whether ``head`` ending a line and ``tail`` opening the next are a compound
        whose hyphen the scan lost there (one that keeps no hyphen at its line ends): the
        volume prints it hyphened inside its lines, and more often than apart
        (``counter`` … ``revolutionary``)."""
        hyphened = f"{head}-{tail}".lower()
        printed = self.forms.get(hyphened.replace("-", ""), Counter())[hyphened]
        return printed >= OWN and printed > self.apart(head, tail)

    def apart(self, head: str, tail: str) -> int:
        """How often the volume prints ``head`` and ``tail`` side by side in a line."""
        return self.pairs[f"{head} {tail}".lower()]

    def mend(self, text: str) -> str:
        """Restore hyphens the OCR lost inside compounds (``rank-andfile``, ``firstrate``,
        ``cooperation``): a word no dictionary knows (unless the volume prints it closed
        more often, line ends included), or one the volume as a rule prints hyphened,
        becomes the volume's own hyphened spelling of it; an unknown one is
        else split where the volume hyphens other compounds (``first-``, ``-rate``)."""
        changed = {token: mended for token in set(COMPOUND.findall(text))
                   if (mended := self._mended(token)) != token}
        if not changed:  # most paragraphs: no word to mend, and nothing to rewrite
            return text
        return COMPOUND.sub(lambda m: changed.get(m[0], m[0]), text)

    def _mended(self, token: str) -> str:
        if token not in self.cache:
            self.cache[token] = self._mend(token)
        return self.cache[token]

    def _mend(self, token: str) -> str:
        parts = token.split("-")
        key = token.replace("-", "").lower()
        known = [f for f in self.forms.get(key, ()) if all(zipf(p) > 0 for p in f.split("-"))]
        usual = max(known, key=self.forms[key].get) if known else ""
        if all(zipf(p) > 0 for p in parts) and (
                not usual or self.forms[key][usual] < USUAL * max(self.words[key], 1)):
            return token  # known words, unless the volume hyphens them as a rule
        if usual and self.whole[key] > self.forms[key][usual]:
            return token  # printed closed more often than hyphened (``redivision``)
        if usual:
            return _recase(usual, token)
        return "-".join(self._split(part, len(parts) > 1) for part in parts)

    def _split(self, part: str, in_compound: bool) -> str:
        """An unknown lower-case word as two words joined by a hyphen, where the volume
        hyphens compounds of that beginning or ending, it stands in a compound already
        (``rank-andfile``) or both halves are common words (``highlyskilled``, ``ageold``),
        the first no prefix to the volume (``prefix``: ``prepossession``, where it prints
        ``pre-eminence``); else the word as it was (names are never split)."""
        if zipf(part) > 0 or not part.islower() or self.words[part] > 1:
            return part  # a known word, a name, or the volume's usual spelling
        best, score = part, 0.0
        for i in range(2, len(part) - 2):
            head, tail = part[:i], part[i:]
            least = min(zipf(head), zipf(tail))
            common = least >= COMMON and min(len(head), len(tail)) > 2 \
                and not self.prefix(head)
            evidence = self.hyphens(head, tail) + self.tails[tail] \
                + (2 if in_compound or common else 0)
            if evidence >= 2 and least >= 3 and evidence > score:
                best, score = f"{head}-{tail}", evidence
        return best


def _recase(form: str, token: str) -> str:
    """``form`` (lower case) with the letters' case of ``token``."""
    letters = iter(c for c in token if c != "-")
    return "".join(c if c == "-" else next(letters) for c in form)


def keeps_hyphen(vocab: Vocabulary, text: str, line: str) -> bool | None:
    """Whether the hyphen ending ``text`` between two words' letters stays when ``line``
    follows (a compound's, ``trade-union``) or goes (a word's break); None: no such hyphen.
    After a compound's later part (``rank-and-`` ``file``) it stays, unless that part and
    the next line's first word are one word far likelier than the two (``anti-mo-``
    ``narchical``, ``LIKELIER``): a break inside the compound's last word."""
    if text.endswith("-") and (h := TRAILING.search(text)) and (t := LEADING.match(line)):
        if text[h.start() - 1 : h.start()] == "-":
            return vocab.likelier(h[1], t[1]) < LIKELIER
        return vocab.hyphen_kept(h[1], t[1])
    return None


def join_lines(vocab: Vocabulary, text: str, line: str) -> str:
    """``text`` with the next ``line`` appended: hyphens decided, lost hyphens closed."""
    if not text:
        return line
    end = text[-64:]  # what the decision looks at: the last word or two
    if SPACED_START.match(line) and SPACED_END.search(end):  # letter-spacing runs on
        return f"{text.removesuffix('-').rstrip()} {line}"
    if RANGE_OPEN.search(end) and RANGE_CLOSE.match(line):  # the range's dash stays, closed
        return text + line
    if (kept := keeps_hyphen(vocab, end, line)) is not None:
        return (text if kept else text[:-1]) + line
    if hyphen_lost(vocab, end, line):
        return f"{text}-{line}"
    if join_lost(vocab, end, line):
        return text + line
    return f"{text} {line}"


def join_lost(vocab: Vocabulary, text: str, line: str) -> bool:
    """Whether the last word of ``text``, or of the compound it ends in (``self-evi``
    ``dent``), and the first of the next ``line`` are one word whose hyphen the scan lost
    (``Vocabulary.lost_join``)."""
    t = LEADING.match(line)  # (lost_join wants it in lower case: asked before the search)
    return bool(t and t[1].islower() and (h := end_word(text)) and vocab.lost_join(h[1], t[1]))


def hyphen_lost(vocab: Vocabulary, text: str, line: str) -> bool:
    """Whether ``text`` and the next ``line`` meet in a compound whose hyphen the scan
    lost at the line's end (``Vocabulary.lost_hyphen``)."""
    return vocab.hyphens_lost and bool(t := LEADING.match(line)) and bool(
        h := last_word(text)) and vocab.lost_hyphen(h[1], t[1])


@lru_cache(maxsize=4096)
def segment(letters: str) -> tuple[str, ...]:
    """Split a run of letters into the likeliest English words (``revolutionsinEurope``)."""
    n = len(letters)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for start in range(n):  # best[start] is settled: every split before it was tried
        for end in range(start + 1, min(n, start + 20) + 1):
            word = letters[start:end]
            if end - start > 1 and not frequencies.may_begin(word.lower()):
                # no word begins so, nor is a longer run a word; but a plural wordfreq
                # lacks (``hecatombs``) counts as its singular
                freq = zipf(word[:-1]) if len(word) > 3 and word.endswith("s") else 0.0
                if not freq:
                    break
            else:
                freq = zipf(word) if len(word) > 1 or word in "aAiI" else 0.0
            if freq <= 0 and end - start > 1:
                continue
            cost = best[start][0] + 8.0 - freq
            if cost < best[end][0]:
                best[end] = (cost, start)
    if best[n][0] == float("inf"):
        return (letters,)
    words, end = [], n
    while end > 0:
        start = best[end][1]
        words.append(letters[start:end])
        end = start
    return tuple(reversed(words))


def _spaced(run: str, before: str, vocab: Vocabulary) -> tuple[str, str, bool, str]:
    """A run of spaced letters read: (text before it, the run as words, whether it is the
    print's spaced emphasis, a word of one letter after it).  A run that ends a word begun
    before it (``aff a i r s``, ``Cont r o l``) is an OCR gap, and so is a run of two letters
    (``i t``).  A run that is a word is that word (``i n c o m e``, not ``in come``), and
    one that is a word but for its last letter, a word of one letter (``u p o n a``), is
    that word before it, the letter spaced as the word's are (not ``up on a``)."""
    letters = run.replace(" ", "")
    stem = STEM.search(before[-40:])
    if stem and zipf(stem[1]) < 4 and zipf(stem[1] + letters.replace("-", "")) >= 3:
        return before[:-1], letters.replace("-", ""), False, ""
    parts = letters.split("-")
    after = ""
    if not _whole(parts[-1], vocab) and parts[-1][-1:] in ONE_LETTER \
            and _whole(parts[-1][:-1], vocab):
        parts[-1], after = parts[-1][:-1], f" {parts[-1][-1]}"
    words = "-".join(_spaced_words(part, vocab) for part in parts)
    emphatic = len(letters) >= 3 and (len(letters) >= 4 or " " not in words)
    return before, words, emphatic, after if emphatic else ""


def _spaced_words(part: str, vocab: Vocabulary) -> str:
    """Spaced letters (no hyphen among them) as the words they spell: one word the reader
    knows (``_whole``), else the likeliest words, where each is one (a lone letter but
    ``a``, ``I`` is none: ``t o t a l i t i e s`` is a word English lacks, a plural, not
    ``total i ties``)."""
    if _whole(part, vocab):
        return part
    split = segment(part)
    return part if any(len(w) == 1 and w not in ONE_LETTER for w in split) else " ".join(split)


def _whole(part: str, vocab: Vocabulary) -> bool:
    """Whether spaced letters are one word: of four letters at least, one an English
    reader knows or one the volume prints whole (``w o r k m e n``, rarer)."""
    return len(part) >= LONG_RUN and (zipf(part) >= KNOWN or (
        zipf(part) > 0 and vocab.whole[part.lower()] > 0))


def _lone_letter(m: re.Match[str]) -> str:
    """A word's last letter the OCR set apart (``Repor t``, ``on e``) put back, or its
    first (``d efence``) where the rest is no likelier a word of its own."""
    joined = m[1] + m[2]
    if len(m[1]) == 1:
        return joined if zipf(joined) >= max(3.0, zipf(m[2]) + 1) else m[0]
    return joined if zipf(joined) >= max(3.0, zipf(m[1]) - 2) else m[0]


def _has(*literals: str) -> Callable[[str], bool]:
    """A test of whether a text holds any of ``literals``."""
    return lambda text: any(literal in text for literal in literals)


# tidy()'s passes in order: a pattern, its replacement, and what it can't match without,
# looked for fast (None: the pattern itself is as fast); most paragraphs skip most passes.
TIDY: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str],
                 Callable[[str], object] | None]] = [
    (ELLIPSIS, lambda m: ". \u2026" if m[0].count(".") == 4 else " \u2026", _has(". .")),
    (MERGED_PAIR, r"\1 \2", MAY_MERGE.search),
    (LONE_LETTER, _lone_letter, MAY_LONE.search),
    (LONE_INITIAL, _lone_letter, lambda text: MAY_INITIAL.search(f" {text}")),  # (a letter
    # opening the text stands alone, as after a space)
    (SPACED_DIGITS, lambda m: m[0].replace(" ", ""), None),
    (GAP_BEFORE_STOP, "", _has(*(f" {ch}" for ch in WORD_CLOSES))),
    (GAP_IN_INITIALS, ".", _has(" .")),
    (GAP_IN_ABBREVIATION, r"\1.\2.", MAY_ABBREVIATE.search),
    (GAP_BEFORE_PARTY, "", _has(". (")),
    (SPACE_IN_PARENTHESIS, "", None),
    (SPACED_DASH, "\u2014\\1", _has(" \u2014", "\u2014 ", "\u2014\ue000")),  # a dash alone is
    # left as it is
    (ELLIPSIS_BEFORE_WORD, "\u2026 ", None),
    (GAP_BEFORE_S, "\u2019s", None),
    (SPACES, " ", lambda text: "  " in text or not text.isprintable()),  # (the only
    # printable white space is the space)
]


def tidy(text: str) -> str:
    """Typography of a joined paragraph: ellipses, OCR gaps before punctuation, spacing."""
    for pattern, replacement, needed in TIDY:
        if needed is None or needed(text):
            text = pattern.sub(replacement, text)
    return text.strip()


INLINE = re.compile(f"{SPACED_RUN.pattern}|{NOTE_MARK.pattern}|{PAGE_MARK.pattern}")
MARKS = re.compile(f"{NOTE_MARK.pattern}|{PAGE_MARK.pattern}")  # INLINE where no run can be
# What SPACED_RUN can't match without (two letters apart, a space or a hyphen between), in the
# text after a space, found by a fast scan: most paragraphs have none.
MAY_SPACE_OUT = re.compile(r" (?<=[^\w.’][A-Za-z] )-? ?[A-Za-z](?!\w)"
                           r"|-(?<=[^\w.’][A-Za-z]-) ?[A-Za-z](?!\w)")


def inlines(text: str, vocab: Vocabulary) -> list[Inline]:
    """A paragraph's text as inlines: spaced emphasis (its words told by ``vocab``, the
    volume's), footnote marks and page markers (``\\ue000folio\\ue001``) picked out."""
    text = tidy(text)
    out: list[Inline] = []
    pos = 0
    plain = ""
    for m in (INLINE if MAY_SPACE_OUT.search(f" {text}") else MARKS).finditer(text):
        plain += text[pos : m.start()]
        pos = m.end()
        after = ""  # (a word of one letter the run took in, after an emphasis)
        if m.group(0)[0] in f"*{DAGGERS}\ue000":
            item: Inline = (NoteRef(target="", label=m.group(0), kind="footnote")
                            if m.group(0)[0] != "\ue000" else PageMarker(m.group(0)[1:-1]))
        else:
            plain, words, emphatic, after = _spaced(m[0], plain, vocab)
            if not emphatic:
                plain += words
                continue
            item = Emphasis([Text(words)], spaced=True)
        if plain:
            out.append(Text(plain))
            plain = ""
        out.append(item)
        plain = after
    plain += text[pos:]
    if plain:
        out.append(Text(plain))
    return out
