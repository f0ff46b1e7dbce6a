"""The web-transcription reader on the real sample."""

from octavo.tree import Paragraph, ParagraphRole, Text


def test_metadata_from_text_and_toml(discussion):
    meta = discussion.meta
    assert meta.author == "J. V. Stalin"
    assert meta.title == "The Discussion"
    assert meta.first_published.startswith("Zarya Vostoka, No. 473")
    assert meta.transcription == "Brian Reid"
    assert meta.book_id == "stalin-1924-the-discussion"  # from the TOML
    assert meta.identifier.startswith("urn:uuid:")


def test_one_work_with_title_block_and_pages(discussion):
    (work,) = discussion.works
    assert work.subtitle == ["Interview With a Rosta Correspondent"]
    assert work.date == "January 9, 1924"
    assert (work.first_page, work.last_page) == ("1", "2")


def test_paragraphs_and_typography(discussion):
    paragraphs = [b for b in discussion.works[0].blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 8
    text = " ".join(i.text for p in paragraphs for i in p.inlines if isinstance(i, Text))
    assert "week’s time" in text and "'" not in text and '"' not in text
    assert [p.role for p in paragraphs].count(ParagraphRole.POINT) == 2
    assert paragraphs[-1].inlines[0].text.endswith("has begun.")
