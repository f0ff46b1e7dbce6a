"""The JSON API: books, their works, pamphlets asked for, jobs polled, files downloaded.

Every route is documented on the OpenAPI page (``/api/docs``); errors are ``{"error": …}``.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ..jobs import Job
from ..library import entry
from ..writers.pdf_settings import TRIMS
from .pages import title_of

router = APIRouter(tags=["pamphlets"])
Format = Literal["epub", "pdf"]
MEDIA_TYPES = {"epub": "application/epub+zip", "pdf": "application/pdf"}


class Book(BaseModel):
    """A source of the library."""

    id: str
    author: str = ""
    title: str = ""
    volume: str = ""
    date: str = ""
    works: int = Field(0, description="how many works it holds, as pamphlets count them")
    cover: str = Field("", description="the cover thumbnail's URL")
    error: str = Field("", description="why it can't be read, if it can't")


class Work(BaseModel):
    """A work of a book, as its contents print it."""

    id: str
    title: str
    date: str
    pages: str = Field(description="the source edition's pages: 286-290")
    notes: list[str] = Field(description="the numbers of the endnotes it cites")
    pamphlet: bool = Field(True, description="whether it can be made a pamphlet")
    children: list[Work] = Field(description="its parts")


class PamphletRequest(BaseModel):
    """A pamphlet to make: works of one book, in EPUB, PDF or both."""

    book: str = Field(description="a book id, as /api/books lists it")
    works: list[str] = Field(min_length=1, description="work ids (or a printed page, p206, "
                                                       "or a unique title prefix), in order")
    formats: list[Format] = Field(["epub", "pdf"], min_length=1)
    trim: Literal[tuple(TRIMS)] | None = Field(None, description="the PDF's trim; default: "
                                                                 "the book's")


class Output(BaseModel):
    """One file of a job."""

    format: Format
    state: Literal["queued", "running", "ready", "failed"]
    step: str
    error: str = ""
    file: str = Field("", description="its file name, once ready")
    size: int = Field(0, description="bytes")
    pages: int = Field(0, description="PDF pages; for an EPUB, the source edition's pages")
    download: str = Field("", description="where to download it, once ready")


class JobStatus(BaseModel):
    """A pamphlet being made, or made."""

    id: str
    book: str
    title: str
    works: list[str]
    pages: str = Field(description="the source edition's pages it holds")
    state: Literal["queued", "running", "ready", "failed"]
    outputs: list[Output]
    page: str = Field(description="the job's web page")


def status(request: Request, job: Job) -> JobStatus:
    root = request.scope.get("root_path", "")
    outputs = []
    for output in job.outputs:
        fmt, stored = output.order.fmt, output.stored
        ready = {"file": stored.name, "size": stored.entry.size, "pages": stored.entry.pages,
                 "download": f"{root}/api/jobs/{job.id}/{fmt}"} if stored else {}
        outputs.append(Output(format=fmt, state=output.state, step=output.step,
                              error=output.error, **ready))
    return JobStatus(id=job.id, book=job.book, title=job.title,
                     works=[w.id for w in job.works], pages=job.pages, state=job.state,
                     outputs=outputs, page=f"{root}/jobs/{job.id}")


def known_job(request: Request, job: str) -> Job:
    found = request.app.state.jobs.get(job)
    if found is None:
        raise HTTPException(404, f"no job {job!r} (old jobs are forgotten: ask again, what "
                                 "was made is kept)")
    return found


@router.get("/books")
def books(request: Request) -> list[Book]:
    """Every book of the library."""
    root = request.scope.get("root_path", "")
    found = []
    for title in request.app.state.library.titles():
        if title.book is None:
            found.append(Book(id=title.id, error=title.error))
            continue
        meta = title.book.meta
        found.append(Book(id=title.id, author=meta.author, title=meta.title,
                          volume=meta.volume, date=meta.date, works=title.count,
                          cover=f"{root}/books/{title.id}/cover.png"))
    return found


@router.get("/books/{book}/works")
def works(request: Request, book: str) -> list[Work]:
    """A book's works as its contents print them, parts nested."""
    return title_of(request, book).contents


@router.get("/books/{book}/works/{work}")
def work(request: Request, book: str, work: str) -> Work:
    """One work, by id, printed page (``p206``) or unique title prefix."""
    return entry(title_of(request, book).find(work))


@router.post("/pamphlets", status_code=202)
def pamphlet(request: Request, response: Response, asked: PamphletRequest) -> JobStatus:
    """Ask for a pamphlet: returns its job at once (200 if it is ready already, from the
    cache; 503 with Retry-After when the server's queue is full)."""
    title = title_of(request, asked.book)
    job = request.app.state.jobs.ask(title, title.chosen(asked.works),
                                     tuple(dict.fromkeys(asked.formats)),
                                     asked.trim or title.settings.trim)
    found = status(request, job)
    response.headers["Location"] = found.page
    if job.state == "ready":
        response.status_code = 200
    return found


@router.get("/jobs/{job}")
def job(request: Request, job: str) -> JobStatus:
    """A job's state and, once ready, its files."""
    return status(request, known_job(request, job))


@router.get("/jobs/{job}/{format}", response_class=FileResponse,
            responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}})
def download(request: Request, job: str, format: Format) -> FileResponse:
    """A job's file, with its Content-Type and a Content-Disposition naming it."""
    stored = next((o.stored for o in known_job(request, job).outputs
                   if o.order.fmt == format), None)
    if stored is None:
        raise HTTPException(404, f"job {job} has no {format.upper()} ready")
    if not stored.path.exists():  # made, then removed to keep the cache within its limit
        raise HTTPException(410, f"job {job}'s {format.upper()} is no longer kept: ask for "
                                 "the pamphlet again")
    return FileResponse(stored.path, media_type=MEDIA_TYPES[format], filename=stored.name)
