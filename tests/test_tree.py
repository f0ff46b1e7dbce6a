"""The tree's one walk: each node class declares the fields holding its child nodes, and
``iter_nodes`` reaches every node of a book through them, in the order the book renders.

A field added to a node class whose type names a node (a ``caption: list[Inline]``, a
``rows: list[Row]``) fails here until it is declared in ``child_fields``, so no walker can
miss it.
"""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest
from conftest import INPUT
from samples import rich_book

from octavo import tree
from octavo.sources import Source, read_book
from octavo.tree import Inline, Node, NodeKind, Paragraph, ParagraphRole, iter_nodes

CLASSES = [c for c in vars(tree).values() if isinstance(c, type) and c.__module__ == tree.__name__]
NODE_CLASSES = [c for c in CLASSES if issubclass(c, Node) and c is not Node]
RECORDS = [c for c in CLASSES if dataclasses.is_dataclass(c) and not issubclass(c, Node)]


def named(hint: object) -> set[type]:
    """The classes a type hint names, through ``list[…]``, unions and aliases."""
    found = {hint} if isinstance(hint, type) and not typing.get_args(hint) else set()
    for arg in typing.get_args(hint):
        found |= named(arg)
    return found


def node_fields(cls: type) -> dict[str, object]:
    """The fields of a dataclass whose type names a node class, with their type hints."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)
            if any(issubclass(c, Node) for c in named(hints[f.name]))}


def is_node(hint: object) -> bool:
    """Whether a type hint is a node class or a union of them."""
    if isinstance(hint, type):
        return issubclass(hint, Node)
    return isinstance(hint, types.UnionType) and all(map(is_node, typing.get_args(hint)))


def undeclared(cls: type[Node]) -> set[str]:
    """The fields of a node class holding nodes the walk would not enter, and its declared
    child fields that are not plain lists of nodes."""
    fields = node_fields(cls)
    walkable = {name for name, hint in fields.items()
                if typing.get_origin(hint) is list and is_node(typing.get_args(hint)[0])}
    return (set(fields) ^ set(cls.child_fields)) | (set(cls.child_fields) - walkable)


@pytest.mark.parametrize("cls", NODE_CLASSES, ids=lambda c: c.__name__)
def test_every_field_holding_nodes_is_a_declared_child_field(cls):
    assert undeclared(cls) == set()
    assert len(set(cls.child_fields)) == len(cls.child_fields)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_hold_no_nodes(cls):
    assert node_fields(cls) == {}


def test_a_child_field_left_undeclared_is_caught():
    @dataclasses.dataclass
    class Table(Node):
        rows: list[Paragraph]
        caption: list[Inline]
        cells: list[list[Paragraph]]
        node = NodeKind.QUOTE
        child_fields = ("rows", "cells")

    assert undeclared(Table) == {"caption", "cells"}


def test_every_node_class_has_its_own_kind():
    assert sorted(c.node for c in NODE_CLASSES) == sorted(NodeKind)


def test_kinds_and_roles_compare_as_the_strings_templates_and_readers_use():
    assert NodeKind.CHRONICLE_ENTRY == "chronicle-entry" and f"{NodeKind.PARAGRAPH}" == "paragraph"
    assert Paragraph([], role="point").role is ParagraphRole.POINT
    assert not ParagraphRole.BODY
    with pytest.raises(ValueError, match="'pointt' is not a valid ParagraphRole"):
        Paragraph([], role="pointt")


def every_node(value: object, found: list[Node]) -> list[Node]:
    """Every node below ``value`` (itself included), found through all its fields."""
    if isinstance(value, Node):
        found.append(value)
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            every_node(getattr(value, f.name), found)
    elif isinstance(value, list):
        for item in value:
            every_node(item, found)
    return found


def assert_walk_reaches_every_node(book: tree.Book) -> None:
    walked = list(iter_nodes(book))
    assert sorted(map(id, walked)) == sorted(map(id, every_node(book, [])))
    assert {type(n) for n in walked} >= {tree.Book, tree.Work, Paragraph, tree.Text}


def test_the_walk_reaches_every_node_of_the_sample_book():
    book = rich_book()
    assert_walk_reaches_every_node(book)
    assert {type(n) for n in iter_nodes(book)} == set(NODE_CLASSES)  # it uses every class


def test_the_walk_reaches_every_node_of_the_transcription(discussion):
    assert_walk_reaches_every_node(discussion)


def test_the_walk_reaches_every_node_of_the_volume():
    volume = read_book(Source(INPUT / "stalin-works-05.ocr.txt"))
    assert_walk_reaches_every_node(volume)


def test_the_walk_follows_the_reading_order():
    book = rich_book()
    first = book.works[0]
    order = [n for n in iter_nodes(first) if isinstance(n, tree.PageMarker | tree.Section)]
    assert [getattr(n, "page", "") or n.id for n in order] == [
        "4", "our-disagreements-i", "5", "our-disagreements-ii", "6"]
    congress = book.works[1]
    assert [w.id for w in iter_nodes(congress) if isinstance(w, tree.Work)] == [
        "the-tenth-congress", "the-tenth-congress-report", "the-tenth-congress-reply"]


def test_skip_leaves_out_parts_and_footnotes():
    first = rich_book().works[0]
    refs = [n.target for n in iter_nodes(first, skip=(tree.Footnote,))
            if isinstance(n, tree.NoteRef)]
    assert refs == ["note-1", "fn-1"]
    assert not any(isinstance(n, tree.Footnote) for n in iter_nodes(first, skip=(tree.Footnote,)))
    congress = rich_book().works[1]
    assert list(iter_nodes(congress, skip=(tree.Work,)))[1:] == congress.blocks
