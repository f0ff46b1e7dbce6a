"""The canonical shape of a source's text (``octavo.normalise``), on what savers do to it."""

from __future__ import annotations

from octavo.normalise import normalise

SENTENCES = ("The Party’s tasks are set. The workers’ state stands. It said “no” to them. "
             + "Such is the position of the class. " * 30)


def test_a_double_encoded_text_with_no_break_spaces_is_mended():
    """A text that was UTF-8 read as Latin-1 (``Partyâ€™s``) and set a no-break space
    after each full stop: the spaces are no letters the mending has to account for."""
    saved = SENTENCES.encode().decode("latin-1").replace(". ", ".\xa0")
    text = normalise(saved)
    assert "â€" not in text and "\xa0" not in text
    assert text.startswith("The Party’s tasks are set. The workers’ state stands. It said “no”")
