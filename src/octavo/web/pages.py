"""The HTML pages: the library, a book's contents, a work, a job; the form asking for a
pamphlet. Rendered by the project's Jinja environment from ``templates/web/``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from ..commands.report import size
from ..errors import OctavoError
from ..library import Title, entry
from ..render import render
from ..writers.pdf_settings import TRIMS

router = APIRouter(include_in_schema=False)
FORMATS = {"epub": ("epub",), "pdf": ("pdf",), "both": ("epub", "pdf")}


def page(request: Request, template: str, **context: object) -> HTMLResponse:
    """A page rendered from ``templates/web/``, its links under the proxy's root path."""
    root = request.scope.get("root_path", "")
    return HTMLResponse(render(f"web/{template}", root=root, **context))


def title_of(request: Request, book: str) -> Title:
    """The library's book of that id (only listed ids are looked up)."""
    return request.app.state.library.title(book)


@router.get("/")
def library(request: Request) -> Response:
    return page(request, "library.html", titles=request.app.state.library.titles())


@router.get("/books/{book}")
def book(request: Request, book: str) -> Response:
    title = title_of(request, book)
    return page(request, "book.html", book_id=title.id, meta=title.book.meta,
                contents=title.contents, count=title.count, trims=list(TRIMS),
                trim=title.settings.trim)


@router.get("/books/{book}/cover.png")
def cover(request: Request, book: str) -> Response:
    return Response(title_of(request, book).thumbnail, media_type="image/png",
                    headers={"Cache-Control": "max-age=3600"})


@router.get("/books/{book}/works/{work}")
def work(request: Request, book: str, work: str) -> Response:
    """A work's page; a page of the source edition (``p206``) or a title prefix leads to
    the work holding it."""
    title = title_of(request, book)
    found = title.find(work)
    if found.id != work:
        root = request.scope.get("root_path", "")
        return RedirectResponse(f"{root}/books/{title.id}/works/{found.id}", 302)
    return page(request, "work.html", book_id=title.id, meta=title.book.meta,
                work=entry(found), trims=list(TRIMS), trim=title.settings.trim)


@router.post("/books/{book}/pamphlets")
def ask(request: Request, book: str, work: Annotated[list[str], Form()] = (),
        fmt: Annotated[str, Form(alias="format")] = "both",
        trim: Annotated[str, Form()] = "") -> Response:
    """Ask for a pamphlet of the ticked works: on to its job's page."""
    title = title_of(request, book)
    if not work:
        raise OctavoError("tick at least one work to make a pamphlet of")
    if fmt not in FORMATS:
        raise OctavoError(f"no format {fmt!r}: epub, pdf or both")
    job = request.app.state.jobs.ask(title, title.chosen(list(work)), FORMATS[fmt],
                                     trim or title.settings.trim)
    return RedirectResponse(f"{request.scope.get('root_path', '')}/jobs/{job.id}", 303)


@router.get("/jobs/{job}")
def job(request: Request, job: str) -> Response:
    found = request.app.state.jobs.get(job)
    if found is None:
        raise HTTPException(404, f"no job {job!r} here (the server forgets old jobs; "
                                 "ask for the pamphlet again: what was made is kept)")
    return page(request, "job.html", job=found, size=size)
