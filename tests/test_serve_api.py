"""The web service's JSON API, driven with httpx against `octavo serve` on the sample library."""

from __future__ import annotations

import time
import zipfile
from io import BytesIO

import httpx
import pytest
from conftest import INPUT

from octavo.commands.works import describe
from octavo.select import find_work, pamphlet_works
from octavo.sources import Source, discover, read_book

BUILD_SECONDS = 120  # a cold worker on a busy machine


@pytest.fixture(scope="module")
def volume():
    return read_book(Source(INPUT / "stalin-works-05.ocr.txt"))


@pytest.fixture
def api(served):
    url, _ = served
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client


def finished(api: httpx.Client, job: dict) -> dict:
    deadline = time.monotonic() + BUILD_SECONDS
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = api.get(f"/api/jobs/{job['id']}").json()
    return job


def test_books_list_every_source_with_its_works(api, volume):
    books = {b["id"]: b for b in api.get("/api/books").json()}
    assert len(books) == len(discover(INPUT))
    listed = books[volume.meta.book_id]
    assert listed["works"] == len(pamphlet_works(volume))
    assert (listed["title"], listed["volume"]) == (volume.meta.title, volume.meta.volume)
    assert api.get(listed["cover"]).headers["content-type"] == "image/png"


def test_works_are_the_contents_nested_and_a_page_finds_its_work(api, volume):
    works = api.get(f"/api/books/{volume.meta.book_id}/works").json()

    def shape(entries):
        return [(e["id"], e["title"], e["date"], e["pages"], e["notes"], shape(e["children"]))
                for e in entries]

    assert shape(works) == shape([describe(w) for w in volume.works])
    one = api.get(f"/api/books/{volume.meta.book_id}/works/p206").json()
    assert one["id"] == find_work(volume, "p206").id and one["pamphlet"]


def test_a_pamphlet_is_made_downloaded_and_served_again_from_the_cache(api, volume):
    work = find_work(volume, "Confusion Worse Confounded")
    asked = {"book": volume.meta.book_id, "works": [work.id], "formats": ["epub"]}
    first = api.post("/api/pamphlets", json=asked)
    assert first.status_code in (200, 202)
    job = finished(api, first.json())
    assert job["state"] == "ready", job
    (output,) = job["outputs"]
    got = api.get(output["download"])
    name = f"{volume.meta.book_id}-{work.id}.epub"
    assert got.headers["content-type"] == "application/epub+zip"
    assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert len(got.content) == output["size"] and output["file"] == name
    assert zipfile.ZipFile(BytesIO(got.content)).read("mimetype") == b"application/epub+zip"

    again = api.post("/api/pamphlets", json=asked)
    assert again.status_code == 200 and again.json()["state"] == "ready"
    assert again.json()["id"] == job["id"] and again.headers["location"] == job["page"]


@pytest.mark.parametrize(("path", "status", "says"), [
    ("/books/no-such-book/works", 404, "no book 'no-such-book'"),
    ("/books/..%2F..%2Fetc%2Fpasswd/works", 404, "no page"),
    ("/books/stalin-works-05/works/no-such-work", 404, "nearest"),
    ("/books/stalin-works-05/works/p9999", 404, "no work holds printed page 9999"),
    ("/jobs/0123456789abcdef0123456789abcdef", 404, "no job"),
    ("/jobs/0123456789abcdef0123456789abcdef/mobi", 422, "format"),
])
def test_errors_are_json_saying_what_is_wrong(api, path, status, says):
    response = api.get(f"/api{path}")
    assert response.status_code == status
    assert says in response.json()["error"] and "Traceback" not in response.text


@pytest.mark.parametrize(("asked", "status", "says"), [
    ({"book": "stalin-works-05", "works": []}, 422, "works"),
    ({"book": "stalin-works-05", "works": ["p206"], "trim": "b5"}, 422, "trim"),
    ({"book": "stalin-works-05", "works": ["p206"], "formats": ["mobi"]}, 422, "formats"),
    ({"book": "stalin-works-05", "works": ["p206", "p206"]}, 400, "chosen twice"),
    ({"book": "../input", "works": ["p206"]}, 404, "no book"),
])
def test_a_request_that_cannot_be_made_is_refused_with_a_reason(api, asked, status, says):
    response = api.post("/api/pamphlets", json=asked)
    assert response.status_code == status and says in response.json()["error"]


def test_the_api_is_documented_by_openapi(api):
    spec = api.get("/api/openapi.json").json()
    assert {"/api/books", "/api/books/{book}/works", "/api/pamphlets", "/api/jobs/{job}",
            "/api/jobs/{job}/{format}"} <= set(spec["paths"])
    assert api.get("/api/docs").status_code == 200


def test_an_overlong_query_or_list_is_refused_before_any_search(api, volume):
    book = volume.meta.book_id
    long = api.get(f"/api/books/{book}/works/{'x' * 5000}")
    assert long.status_code == 404 and "has a title that long" in long.json()["error"]
    many = api.post("/api/pamphlets", json={"book": book, "works": ["p206"] * 1000})
    assert many.status_code == 400 and "1000 works asked for" in many.json()["error"]
