"""What the paragraphs pass learns of the pages (``paragraphs.learn``: their measures, the
openers, the fit test), learnt on the other core while the reader counts the vocabulary.

A forked child learns it (``octavo.forked``) and sends it back as JSON; where no child can
be forked, or it fails, it is learnt here when it is wanted.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

from ... import forked
from .fit import Fit
from .openers import Openers
from .pages import Page
from .paragraphs import Learnt, learn


class Learning:
    """``paragraphs.learn(pages)``, under way (a context: a child not asked is ended)."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.child = forked.start(lambda _: encode(learn(pages)))

    def __enter__(self) -> Learning:
        return self

    def __exit__(self, *_: object) -> None:
        if self.child:
            self.child.end()

    def result(self) -> Learnt:
        """What was learnt: the child's answer, else learnt now."""
        answer = self.child.answer() if self.child else None
        return decode(answer) if answer else learn(self.pages)


def encode(learnt: Learnt) -> bytes:
    openers = learnt.openers
    return json.dumps({"measures": learnt.measures, "fit": dataclasses.asdict(learnt.fit),
                       "starts": openers.starts, "inside": openers.inside,
                       "common": sorted(openers.common)}).encode()


def decode(data: bytes) -> Learnt:
    d = json.loads(data)
    return Learnt(d["measures"], Openers(Counter(d["starts"]), Counter(d["inside"]),
                                         set(d["common"])), Fit(**d["fit"]))
