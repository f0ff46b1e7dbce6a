"""``octavo works SOURCE``: the works of a source with their ids, for pamphlets and checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..cache import read_cached
from ..sources import Source
from ..tree import Book, NoteRef, Work, iter_nodes
from . import options

_WRITTEN = re.compile(r"^Written (?:in|on) (?P<date>.+)$")
_DATED = re.compile(r"(?:(?:[A-Z][a-z]+ )?\d{1,2}(?:-\d{1,2})?, |[A-Z][a-z]+,? )?1[89]\d\d")


def work_date(work: Work) -> str:
    """The work's date: under its title, else when it was written, else its source's."""
    if work.date:
        return work.date
    for line in work.closing:
        if line.kind == "date":
            return line.text
        if m := _WRITTEN.match(line.text):
            return m["date"]
    for line in work.closing:
        if line.kind == "source" and (found := _DATED.findall(line.text)):
            return found[-1]
    return ""


def pages(work: Work) -> str:
    """The printed pages a work spans: ``"4-15"``, or one page."""
    if work.first_page == work.last_page or not work.last_page:
        return work.first_page
    return f"{work.first_page}-{work.last_page}"


def cited_notes(work: Work) -> list[str]:
    """The numbers of the endnotes a work (with its parts) cites, in order."""
    return [n.label for n in iter_nodes(work) if isinstance(n, NoteRef) and n.kind == "endnote"]


def describe(work: Work) -> dict:
    """A work as a plain object: id, title, date, pages, notes and its parts."""
    return {"id": work.id, "title": work.title, "date": work_date(work), "pages": pages(work),
            "notes": cited_notes(work), "children": [describe(c) for c in work.children]}


def listing(book: Book) -> list[str]:
    """The works as aligned lines of text, parts indented under their work."""
    rows: list[tuple[str, str, str, str, str]] = []

    def add(work: Work, depth: int) -> None:
        notes = cited_notes(work)
        cited = f"  ({len(notes)} note{'s' if len(notes) > 1 else ''})" if notes else ""
        rows.append(("  " * depth + work.id, work.title, work_date(work), pages(work), cited))
        for child in work.children:
            add(child, depth + 1)

    for work in book.works:
        add(work, 0)
    width = max((len(r[0]) for r in rows), default=0)
    return [f"{ident:<{width}}  {span:>9}  {date:<18}  {title}{cited}"
            for ident, title, date, span, cited in rows]


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the works as a JSON list.")
@options.no_cache
def works(source: Path, as_json: bool, no_cache: bool) -> None:
    """List the works of SOURCE: id, printed pages, date, title and endnotes cited.

    The ids are stable and safe as file names; the pamphlet command takes them.
    """
    book = read_cached(Source(source), use_cache=not no_cache)
    if as_json:
        click.echo(json.dumps([describe(w) for w in book.works], ensure_ascii=False, indent=2))
    else:
        for line in listing(book):
            click.echo(line)
