"""The volume's endnotes: numbered notes, each ending with the page it is cited on."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ...tree import Note, Paragraph
from ..textlines import CLAUSE_STOPS, SUPERSCRIPTS, SURE_CLOSES
from .contents import Entry
from .flow import Line, flow, inlines
from .folios import READ_NUMBER, digits
from .heads import unspace
from .lines import CITED, names_notes
from .pages import Page, section
from .titles import title_case
from .words import Vocabulary

if TYPE_CHECKING:
    from .structure import Structure

# a note's number opening its first line (``l2``: 12), as the volume sets it: bare
# (``1 The``), with a point (``1. The``), in brackets (``[1] The``) or in superscript
# figures, set off by a space or not (``¹ The``, ``¹The``), as the text marks it
_START = re.compile(rf"^(?P<open>\[?)(?P<number>{READ_NUMBER}|[{SUPERSCRIPTS}]{{1,3}})"
                    rf"(?P<close>\]?\.?)(?:\s+|(?<=[{SUPERSCRIPTS}]))(?P<text>\S.*)$")
_FIGURES = str.maketrans(SUPERSCRIPTS, "0123456789")
# (or in brackets: ``(p. 14)``, ``[p. 14]``)
_CITED = re.compile(rf"(?:^|\s)(?P<ref>(?P<open>[(\[])?{CITED}(?(open)[)\]]\.?))$")
_SENTENCE_END = re.compile(rf"[{CLAUSE_STOPS}{SURE_CLOSES}]$")  # its last character alone
_BROKEN_CITE = re.compile(r"(?:^|\s)pp?\.$")  # a line ending in ``p.``, its page on the next
_PAGE_ALONE = re.compile(rf"^{READ_NUMBER}\.?$")


def parse(pages: list[Page], vocab: Vocabulary, verso_head: str = "",
          listed: str = "") -> list[Note]:
    """The numbered notes of the notes pages (their versos headed ``verso_head`` or their
    own; ``listed``: the page the contents gives them), paragraphs kept, page markers in
    place."""
    lines = _rejoined(flow(section(pages, names_notes, verso_head, listed)))
    if lines and names_notes(lines[0].text):
        lines[0] = Line("", lines[0].page)
    form = _numbering(lines)
    groups: list[tuple[str, list[Line]]] = []
    lines_before = ""
    ended = True  # the open note has ended with its page, on its last line or over a stamp
    stray = 0  # how many lines stand under the open note's page: a stamp's, if a note follows
    for line in lines:
        m = _START.match(line.text)
        expected = str(len(groups) + 1)
        opens = bool(m and _form(m) == form and _number(m) == expected and ended)
        if opens:
            if stray:  # (their page markers kept)
                groups[-1][1][-stray:] = [Line("", ln.page) for ln in groups[-1][1][-stray:]]
            groups.append((expected, [Line(m["text"], line.page)]))
        elif groups:
            groups[-1][1].append(line)
        else:  # the section's first page marker goes with the first note
            lines_before = line.page
            continue
        if len(groups) == 1 and len(groups[0][1]) == 1 and not line.page:
            groups[0][1][0].page = lines_before
        cited = bool(_CITED.search(line.text))
        runs_on = not stray and line.text[:1].islower()  # (the page a sentence gives, ``see
        # p. 112`` / ``of this volume``: no note's end)
        ended = cited or (ended and not opens and not runs_on and not _texts(line.text))
        stray = 0 if cited or opens else stray + 1
    return [_note(number, body, vocab) for number, body in groups]


def _texts(line: str) -> bool:
    """Whether a line under a note's page is the note's text going on: it ends a sentence
    or breaks a word (a stamp seen once, a scanner's lines, does neither)."""
    return bool(_SENTENCE_END.search(line)) or line.endswith("-")


def _numbering(lines: list[Line]) -> tuple[str, str, bool]:
    """How the notes are numbered, learnt from their lines: the way of setting a number
    (what stands before and after its figures, and whether they are superscript ones)
    whose lines count on 1, 2, 3 … furthest."""
    due: dict[tuple[str, str, bool], int] = {}
    for line in lines:
        if m := _START.match(line.text):
            form = _form(m)
            if _number(m) == str(due.get(form, 0) + 1):
                due[form] = due.get(form, 0) + 1
    return max(due, key=lambda form: due[form], default=("", "", False))


def _form(m: re.Match[str]) -> tuple[str, str, bool]:
    return m["open"], m["close"], m["number"][0] in SUPERSCRIPTS


def _number(m: re.Match[str]) -> str:
    return digits(m["number"].translate(_FIGURES))


def _rejoined(lines: list[Line]) -> list[Line]:
    """The lines, a cited page the print set on a line of its own, under the ``p.`` that
    ends a note, put back after it (``… in the text. p.`` / ``35``); where that line
    opens a page, the page begins at the next line."""
    out: list[Line] = []
    carried = ""  # the page a line put back opened
    for line in lines:
        if out and _PAGE_ALONE.match(line.text) and _BROKEN_CITE.search(out[-1].text):
            out[-1] = Line(f"{out[-1].text} {line.text}", out[-1].page)
            carried = line.page
        else:
            out.append(Line(line.text, line.page or carried) if carried else line)
            carried = ""
    return out


def _note(number: str, lines: list[Line], vocab: Vocabulary) -> Note:
    lines = [ln for ln in lines if ln.text or ln.page]
    cited = ""
    last = lines[-1]
    if m := _CITED.search(last.text):
        cited = digits(m["page"])
        last.text = last.text[: m.start("ref")].rstrip()
    blocks = [Paragraph(inlines(group, vocab)) for group in _paragraphs(lines)]
    return Note(id=f"note-{number}", number=number, blocks=blocks, cited_page=cited)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs: a short line closing a sentence ends one."""
    width = max((len(ln.text) for ln in lines), default=0)
    groups: list[list[Line]] = [[]]
    for n, line in enumerate(lines):
        groups[-1].append(line)
        following = lines[n + 1] if n + 1 < len(lines) else None
        so_far = " ".join(ln.text for ln in groups[-1])
        if (following is not None and following.text[:1].isupper()
                and so_far.count("(") == so_far.count(")")
                and _SENTENCE_END.search(line.text) and len(line.text) < 0.8 * width):
            groups.append([])
    return [g for g in groups if g]


def read(st: Structure) -> None:
    """The structure pass: the numbered endnotes of the volume's notes pages, where the
    contents list them (a page opening with a work's own notes, printed after it, is none),
    or, where they list works but no notes, where one heading at most names notes over
    note 1 (each work's own notes after it have a heading each; one taken for its page's
    head stands over none): then they are listed at their first page."""
    if (entry := next((e for e in st.entries if e.kind == "notes"), None)) is not None:
        st.notes = parse(st.layout.pages, st.layout.vocab, st.layout.verso_head, entry.page)
    elif st.entries and _headings(st.layout.pages) <= 1 and (
            opening := section(st.layout.pages, names_notes, st.layout.verso_head)):
        st.notes = parse(st.layout.pages, st.layout.vocab, st.layout.verso_head)
        first = opening[0]  # (listed as the contents would list them: the body ends there)
        heading = first.head if names_notes(first.head) else first.lines[0]
        st.entries.append(Entry(title_case(unspace(heading)), "notes", first.folio,
                                printed=heading))


def _headings(pages: list[Page]) -> int:
    """How many lines of the pages name notes over a line opening note 1."""
    lines = [line for page in pages for line in page.lines]
    return sum(names_notes(line) and (m := _START.match(following)) is not None
               and _number(m) == "1" for line, following in itertools.pairwise(lines))
