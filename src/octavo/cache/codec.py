"""A tree as JSON-able data and back: each node a dict naming its class (``"@"``).

The format is safe to read from any file: ``restore`` builds nothing but the tree's own
dataclasses from plain data (no pickle, no code run), and fails with KeyError or TypeError
on anything else.
"""

from __future__ import annotations

import dataclasses

from .. import tree

NODES = {name: cls for name, cls in vars(tree).items()
         if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def serialise(node: object) -> object:
    """A tree (or any part of it) as JSON-able data, each node a dict naming its class."""
    if dataclasses.is_dataclass(node):
        return {"@": type(node).__name__,
                **{f.name: serialise(getattr(node, f.name)) for f in dataclasses.fields(node)}}
    if isinstance(node, list | tuple):
        return [serialise(item) for item in node]
    return node


def restore(data: object) -> object:
    """The tree that ``serialise`` made ``data`` of."""
    if isinstance(data, dict):
        fields = {k: restore(v) for k, v in data.items() if k != "@"}
        return NODES[data["@"]](**fields)
    if isinstance(data, list):
        return [restore(item) for item in data]
    return data
