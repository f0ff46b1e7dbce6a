"""Every rule of the OCR reader on its own input: a few lines in, the expected result out.

Each case is a file ``tests/rules/<pass>/<case>.txt``: comment lines (``#``) saying what
the rule is, the input, a line ``=== out ===``, and what the pass makes of it, written as
``render`` below writes it.  A header comment ``# author: Name`` gives the volume's author
where a pass needs it.  A new rule comes with a case of its own; run
``pytest tests/test_rules.py`` to see it pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from octavo import separator, tree
from octavo.readers.ocr import (
    body,
    charmap,
    closing,
    contents,
    cut,
    dropcaps,
    find,
    footnotes,
    furniture,
    indents,
    links,
    notes,
    pages,
    paragraphs,
    running,
    words,
    worknotes,
)
from octavo.readers.ocr.closing import Signature
from octavo.readers.ocr.draft import Draft
from octavo.readers.ocr.heads import is_capitals
from octavo.readers.ocr.structure import Structure
from octavo.tree import Heading, Note, NoteRef, PageMarker, Paragraph, Quote, Text, iter_nodes

RULES = Path(__file__).parent / "rules"
SEPARATOR = "=== out ==="


def _plain(node: object) -> str:
    """A node's text, a line break in it as `` / ``."""
    return " ".join("".join(n.text if isinstance(n, Text) else " / " for n in iter_nodes(node)
                            if isinstance(n, Text | tree.LineBreak)).split())


def render_pages(text: str, _: str) -> list[str]:
    """Boilerplate learnt, the versos' head, then each page: ``[folio] head`` and its lines,
    a work's title among them marked ``title:``."""
    layout = pages.layout(text)
    out = [f"boilerplate: {g.describe()}" for g in layout.boilerplate]
    out.append(f"versos: {layout.verso_head}")
    for page in layout.pages:
        misread = f" (printed {page.misread})" if page.misread else ""
        out.append(f"[{page.folio}{misread}] {page.head}".rstrip())
        out += [f"  {'title: ' * (page.title_at <= k < page.title_at + page.title)}{line}"
                for k, line in enumerate(page.lines)]
    return out


def render_charmap(text: str, _: str) -> list[str]:
    """The map learnt, then the lines put right."""
    lines = text.splitlines()
    learnt = charmap.learn(lines)
    return [f"map: {learnt.describe()}", *(charmap.repair_line(ln, learnt) for ln in lines)]


def render_closing(text: str, author: str) -> list[str]:
    """One input line per block (a line in capitals a heading, as the paragraphs pass sets
    it; `` [page N] `` inside a line the page turning there); a line ``---`` parts the
    works of a volume, whose pen names (``closing.pen_names``) sign each; out: each work's
    blocks kept (a page marker as ``[page N]``), then ``kind: text`` closing lines."""
    works = [[Heading([Text(line)]) if is_capitals(line) else
              Paragraph(_paged(line), role="dateline" if re.fullmatch(r"[A-Z][a-z]+ \d+, \d{4}",
                                                                        line) else "")
              for line in part.splitlines() if line] for part in text.split("\n---\n")]
    sig = Signature.of(author, closing.pen_names(works) if len(works) > 1 else frozenset())
    out = []
    for blocks in works:
        kept, lines = closing.split(blocks, sig)
        out += [f"[page {b.page}]" if isinstance(b, PageMarker) else _plain(b) for b in kept]
        out += [f"{c.kind}: {c.text}" for c in lines]
    return out


def _paged(line: str) -> list[Text | PageMarker | NoteRef]:
    """A line's inlines, `` [page N] `` a page marker between texts, a star after a word a
    footnote's marker."""
    parts = re.split(r" \[page (\w+)\] ", line)
    return [inline for k, p in enumerate(parts)
            for inline in ([PageMarker(p)] if k % 2 else _marked(p if k == 0 else f" {p}"))]


def _marked(text: str) -> list[Text | NoteRef]:
    """A text's inlines, a star after a word a footnote's marker."""
    texts = re.split(r"(?<=\S)\*(?=\s|$)", text)
    return [Text(texts[0])] + [inline for t in texts[1:] for inline in (
        NoteRef(target="", label="*", kind="footnote"), *([Text(t)] if t else []))]


def render_contents(text: str, _: str) -> list[str]:
    """The entries, indented by their depth: ``kind p. page: title | subtitle | date``; of
    the contents' lines, or of a volume's pages (parted by blank lines) where it has them,
    as the structure pass reads them (which pages open without a head, where the heads
    turn)."""
    def show(entry: contents.Entry, depth: int) -> list[str]:
        extra = "".join(f" | {x}" for x in (entry.subtitle, entry.date) if x)
        line = f"{'  ' * depth}{entry.kind} p. {entry.page}: {entry.title}{extra}"
        return [line, *(ln for child in entry.children for ln in show(child, depth + 1))]

    if "\n\n" in text:
        layout = pages.layout(text)
        entries = contents.of_pages(layout.pages, layout.verso_head)
    else:
        entries = contents.parse(text.splitlines())
    return [ln for entry in entries for ln in show(entry, 0)]


def render_paragraphs(text: str, _: str) -> list[str]:
    """The blocks of some pages' running text: ``page N``, ``heading: …``, ``role: …`` (a
    quotation's ``quote: …``, a stanza's ``verse: line / line``)."""
    layout = pages.layout(text)
    layout.pages = dropcaps.joined(layout.pages)  # (as the draft has them)
    vocab = words.Vocabulary([ln for p in layout.pages for ln in p.lines])
    bodies, _ = footnotes.split_footnotes(layout.pages)
    bodies = indents.turned(layout.pages, bodies)
    out = []
    for block in paragraphs.build_blocks(bodies, vocab):
        if isinstance(block, PageMarker):
            out.append(f"page {block.page}")
        elif isinstance(block, Heading):
            out.append(f"heading: {_plain(block)}")
        elif isinstance(block, Quote):
            out += [f"{'verse' if p.role == 'verse' else 'quote'}: {_plain(p)}"
                    for p in block.blocks]
        elif isinstance(block, Paragraph):
            out.append(f"{block.role or 'paragraph'}: {_plain(block)}")
    return out


def render_footnotes(text: str, _: str) -> list[str]:
    """Each page's body lines under ``[folio]``, then every footnote: ``folio marker: text``
    (its lines joined by ``|``)."""
    bodies, notes = footnotes.split_footnotes(pages.layout(text).pages)
    out = [ln for page in bodies for ln in (f"[{page.folio}]", *page.lines)]
    return out + [f"{note.folio} {note.marker}: {' | '.join(note.lines)}" for note in notes]


def render_furniture(text: str, _: str) -> list[str]:
    """The author learnt of the pages: ``author: name (where it was found)``."""
    name, where = furniture.author(pages.layout(text))
    return [f"author: {name} ({where})"]


def render_notes(text: str, _: str) -> list[str]:
    """The endnotes of the notes pages, as the structure pass reads them where a contents
    lists works (on the page it gives them, where it lists them), else of the notes pages
    alone: ``number p. cited: text``."""
    layout = pages.layout(text)
    layout.vocab = words.Vocabulary([ln for p in layout.pages for ln in p.lines])
    st = Structure(Draft(blocks=[]), layout, "", "")
    st.entries = contents.parse(contents.contents_lines(layout.pages))
    if st.entries:
        notes.read(st)
    else:
        st.notes = notes.parse(layout.pages, layout.vocab, layout.verso_head)
    return [f"{n.number} p. {n.cited_page}: {_plain(n)}" for n in st.notes]


def render_links(text: str, _: str) -> list[str]:
    """Lines ``page N`` turn a page, ``note N p. P`` give the notes (each citing its page;
    ``note N`` cites none), ``quote ” for ²`` a quote the character map put for a figure,
    any other line is a paragraph; out: the paragraphs, each linked marker as ``{N}``
    (its brackets, if the text set it so, gone with it)."""
    blocks: list = []
    cited = []
    standing = {}
    for line in text.splitlines():
        if m := re.fullmatch(r"page (\w+)", line):
            blocks.append(PageMarker(m[1]))
        elif m := re.fullmatch(r"note (\d+)(?: p\. (\w+))?", line):
            cited.append(Note(f"note-{m[1]}", m[1], [], cited_page=m[2] or ""))
        elif m := re.fullmatch(r"quote (\S) for (\S)", line):
            standing[m[1]] = m[2]
        elif line:
            blocks.append(Paragraph([Text(line)]))
    links.link_endnotes(blocks, cited, standing=standing)
    return ["".join(f"{{{n.label}}}" if isinstance(n, NoteRef) else n.text
                    for n in b.inlines if isinstance(n, NoteRef | Text))
            for b in blocks if isinstance(b, Paragraph)]


def render_cut(text: str, _: str) -> list[str]:
    """The paragraphs under a work's title, one a line, that the contents lists with no
    subtitle (or with the one a first line ``listed: …`` gives; a letter-spaced word in them
    emphasis), lines ``contents: …`` first giving the contents' other entries; out:
    ``subtitle: …`` and ``date: …`` taken from them, then the paragraphs left."""
    work = tree.Work(id="w", title="")
    lines = [line for line in text.splitlines() if line]
    listed = lines.pop(0).removeprefix("listed: ") if lines[0].startswith("listed: ") else ""
    others = []
    while lines[0].startswith("contents: "):
        others.append(contents.Entry(lines.pop(0).removeprefix("contents: "), "work", "1"))
    entry = contents.Entry("", "work", "1", subtitle=listed)
    left = cut.head_lines(work, entry, [Paragraph(words.inlines(line, words.Vocabulary([])))
                                        for line in lines], [entry, *others])
    return [*(f"subtitle: {s}" for s in work.subtitle), *[f"date: {work.date}"] * bool(work.date),
            *(_plain(b) for b in left)]


def render_titles(text: str, _: str) -> list[str]:
    """A first line ``listed: …`` (the contents' title), then the work's heading as
    printed, a line each; out: the title the work takes (``title: …``), and the contents'
    wording for its entry where it differs (``toc: …``)."""
    lines = [line for line in text.splitlines() if line]
    entry = contents.Entry(lines.pop(0).removeprefix("listed: "), "work", "1")
    title, toc = cut.display_titles(entry, [Heading([Text(line)]) for line in lines])
    return [f"title: {title}", *[f"toc: {toc}"] * bool(toc)]


def render_find(text: str, author: str) -> list[str]:
    """A first line ``entry: …`` (a work of the contents, page 1), then one block a line on
    page 1 (a line in capitals a heading, one after ``¶`` a paragraph of the text, ``
    [page N] `` inside it the page turning there, alone a page marker, any other a line
    apart); out: the blocks as ``find`` mends them, the entry's title marked ``title:``, a
    heading ``heading:``, a page marker ``[page N]``, any other block ``line:``."""
    lines = [line for line in text.splitlines() if line]
    title = lines.pop(0).removeprefix("entry: ")
    entry = contents.Entry(title, "work", "1", printed=title)
    blocks: list[tree.Block] = [
        PageMarker(line[6:-1]) if re.fullmatch(r"\[page \w+\]", line) else
        Paragraph(_paged(line.removeprefix("¶ "))) if line.startswith("¶ ") else
        Heading([Text(line)]) if is_capitals(line) else
        Paragraph([Text(line)], role="line") for line in lines]
    pages = ["1"] * len(blocks)
    hit = find.find_title(blocks, pages, entry, 0, Signature.of(author).signs)
    return [f"[page {b.page}]" if isinstance(b, PageMarker) else
            ("title: " if hit and hit.start <= k < hit.stop else
             "heading: " if isinstance(b, Heading) else "line: ") + _plain(b)
            for k, b in enumerate(blocks)]


def render_body(text: str, _: str) -> list[str]:
    """Lines ``entry: kind page title`` (the contents), then one block a line, a line
    `` [page N]`` a page marker (inside a line, `` [page N] ``, the page turning there), a
    line in capitals a heading; out: the running text the body takes, its blocks as
    ``find``'s case writes them."""
    lines = [line for line in text.splitlines() if line]
    entries = [contents.Entry(title, kind, page, printed=title) for kind, page, title in
               (line.removeprefix("entry: ").split(" ", 2) for line in lines
                if line.startswith("entry: "))]
    blocks: list[tree.Block] = [
        PageMarker(line[6:-1]) if line.startswith("[page ") else
        Heading([Text(line)]) if is_capitals(line) else Paragraph(_paged(line), role="line")
        for line in lines if not line.startswith("entry: ")]
    st = Structure(Draft(blocks), pages.Layout([], [], "", 0, 0), "", "")
    st.entries = entries
    body.take(st)
    return [f"[page {b.page}]" if isinstance(b, PageMarker) else
            ("heading: " if isinstance(b, Heading) else "line: ") + _plain(b) for b in st.body]


def render_worknotes(text: str, _: str) -> list[str]:
    """The paragraphs under a work's notes heading, one a line (`` [page N] `` inside one
    the page turning there); out: each note, ``number: text``."""
    blocks = [Paragraph(_paged(line)) for line in text.splitlines() if line]
    return [f"{n.number}: {_plain(n)}" for n in worknotes.numbered(blocks, "note-")]


def render_running(text: str, _: str) -> list[str]:
    """Lines ``entry: page title`` (the contents' works), then ``page folio head``, the
    numbered pages' running heads, each with `` / `` and the page's first line under it
    where that matters (a line ``versos: head`` the head the layout found the versos
    share); out: the heads that may name works (``running.recto_heads``), ``folio
    head``."""
    lines = [line for line in text.splitlines() if line]
    entries = [contents.Entry(title, "work", page, printed=title) for page, title in
               (line.removeprefix("entry: ").split(" ", 1) for line in lines
                if line.startswith("entry: "))]
    heads = [line.removeprefix("page ").split(" ", 1) for line in lines
             if line.startswith("page ")]
    verso = next((line.removeprefix("versos: ") for line in lines
                  if line.startswith("versos: ")), "")
    layout = pages.Layout([pages.Page(k, folio, head, lines=top.split(" / ", 1)[1:])
                           for k, (folio, top) in enumerate(heads)
                           for head in [top.split(" / ", 1)[0]]], [], verso, 0, 0)
    st = Structure(Draft([]), layout, "", "")
    st.entries = entries
    return [f"{folio} {head}" for folio, head in running.recto_heads(st)]


def render_separator(text: str, _: str) -> list[str]:
    """The lines with the page breaks the separator keeps, each as ``(break)``."""
    return [line if line.strip() else "(break)" for line in separator.parted(text.rstrip("\n"))]


RENDER = {"pages": render_pages, "charmap": render_charmap, "closing": render_closing,
          "contents": render_contents, "paragraphs": render_paragraphs,
          "footnotes": render_footnotes, "furniture": render_furniture, "notes": render_notes,
          "links": render_links, "find": render_find, "worknotes": render_worknotes,
          "cut": render_cut, "separator": render_separator, "body": render_body,
          "running": render_running, "titles": render_titles}
CASES = sorted(RULES.glob("*/*.txt"))


def _case(path: Path) -> tuple[str, str, list[str]]:
    raw = path.read_text(encoding="utf-8")
    given, _, expected = raw.partition(f"\n{SEPARATOR}\n")
    header = [ln for ln in given.splitlines() if ln.startswith("#")]
    author = next((ln.split(":", 1)[1].strip() for ln in header if ln.startswith("# author:")),
                  "")
    # (split at line ends only: a form feed stays in its line, as a text paged so sets it)
    body = "\n".join(ln for ln in given.split("\n") if not ln.startswith("#")).strip("\n")
    return body + "\n", author, expected.rstrip("\n").splitlines()


def test_every_pass_has_cases():
    assert {p.parent.name for p in CASES} == set(RENDER)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_rule(path: Path):
    text, author, expected = _case(path)
    assert RENDER[path.parent.name](text, author) == expected
