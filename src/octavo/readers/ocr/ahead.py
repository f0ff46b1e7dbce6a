"""What the paragraphs pass learns of the pages (``paragraphs.learn``: the openers, the fit
test, the verse lines), learnt on the other core while the reader counts the vocabulary.

The pages' measures are taken first, here: that measures every line, which the paragraphs
pass would otherwise do again, the child's measurements being its own. Then a forked child
learns the rest (``octavo.forked``) and sends it back; where no child can be forked, or it
fails, it is learnt here when it is wanted.
"""

from __future__ import annotations

import pickle

from ... import forked
from .pages import Page
from .paragraphs import Learnt, learn, measures


class Learning:
    """``paragraphs.learn``, under way (a context: a child not asked is ended)."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages, self.measures = pages, measures(pages)
        self.child = forked.start(lambda _: pickle.dumps(learn(pages, self.measures),
                                                         pickle.HIGHEST_PROTOCOL))

    def __enter__(self) -> Learning:
        return self

    def __exit__(self, *_: object) -> None:
        if self.child:
            self.child.end()

    def result(self) -> Learnt:
        """What was learnt: the child's answer, else learnt now."""
        answer = self.child.answer() if self.child else None
        return pickle.loads(answer) if answer else learn(self.pages, self.measures)
