"""The web service used as a person would: a real browser (Debian's chromium, driven by
Playwright) opens the library, the volume, ticks a work, asks for EPUB and PDF, downloads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
from conftest import INPUT
from pamphlet_checks import epubcheck_messages

from octavo.commands.report import size
from octavo.pamphlet import extract_line
from octavo.select import find_work, page_span, pamphlet_works
from octavo.sources import Source, read_book

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WORK = "The Press as a Collective Organiser"
BUILD_SECONDS = 120  # a cold worker on a busy machine; it takes about a second

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not shutil.which("chromium"),
                                reason="Debian's chromium is not installed "
                                       "(apt-get install chromium; `make test` does)")


@pytest.fixture(scope="module")
def volume():
    return read_book(Source(INPUT / "stalin-works-05.ocr.txt"))


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    opened = browser.new_page(accept_downloads=True)
    yield opened
    opened.close()


def test_tick_a_work_ask_for_epub_and_pdf_and_download_both(served, page, volume, tmp_path):
    url, _ = served
    page.goto(url)
    meta = volume.meta
    shelf = page.locator(".shelf li", has_text=meta.volume)
    count = len(pamphlet_works(volume))
    assert f"{count} works" in shelf.inner_text() and meta.author in shelf.inner_text()
    assert shelf.locator("img").evaluate("img => img.naturalWidth") > 0  # the cover shows

    shelf.get_by_role("link", name=f"{meta.title}, {meta.volume}").click()
    work = find_work(volume, WORK)
    first, last = page_span(work)
    entry = page.locator("li", has=page.get_by_role("link", name=WORK, exact=True))
    assert f"{first}-{last}" in entry.inner_text() and work.date in entry.inner_text()
    page.get_by_label(WORK).check()
    page.get_by_label("EPUB and PDF").check()
    page.get_by_role("button", name="Make the pamphlet").click()
    assert re.search(r"/jobs/[0-9a-f]{32}$", page.url)

    files = {}
    for fmt in ("epub", "pdf"):
        link = page.get_by_role("link", name=re.compile(rf"\.{fmt}$"))
        link.wait_for(timeout=BUILD_SECONDS * 1000)
        row = page.locator("tr", has=link).inner_text()
        with page.expect_download() as download:
            link.click()
        files[fmt] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[fmt])
        assert size(files[fmt].stat().st_size) in row
        files[fmt + " row"] = row
    assert files["epub"].name == f"{meta.book_id}-{work.id}.epub"
    assert epubcheck_messages(files["epub"]) == []

    pdf = pypdf.PdfReader(files["pdf"])
    assert f"{len(pdf.pages)} pages" in files["pdf row"]
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert WORK.upper() in text and extract_line(meta, [work]) in text


def test_a_page_of_the_source_edition_leads_to_its_work(served, page, volume):
    url, _ = served
    work = find_work(volume, "p288")
    page.goto(f"{url}/books/{volume.meta.book_id}/works/p288")
    assert page.url.endswith(f"/works/{work.id}")
    assert page.get_by_role("heading", level=1).inner_text() == work.title


def test_a_missing_book_is_a_page_saying_so(served, page):
    url, _ = served
    response = page.goto(f"{url}/books/no-such-book")
    assert response.status == 404
    assert "no book 'no-such-book' in this library" in page.inner_text("body")


def test_the_api_documentation_page_works_with_nothing_fetched_from_elsewhere(served, page):
    url, _ = served
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{url}/api/docs")
    operations = page.locator(".opblock-summary-path")
    operations.first.wait_for()
    paths = {p.strip().replace("\u200b", "") for p in operations.all_inner_texts()}
    assert {"/api/books", "/api/pamphlets", "/api/jobs/{job}/{format}"} <= paths
    assert fetched and all(u.startswith(url) for u in fetched), fetched
