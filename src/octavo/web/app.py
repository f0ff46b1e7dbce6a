"""The web application: pages and API over one Library and one Jobs; every error a page or
JSON body saying what went wrong, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import OctavoError, WorkNotFound, one_line
from ..jobs import Busy, Jobs
from ..library import Library
from ..render import render
from . import api, pages

LOG = logging.getLogger("octavo.web")
HEADINGS = {400: "Not possible", 404: "Not found", 410: "No longer kept", 422: "Not understood",
            500: "Something went wrong", 503: "Too busy"}


def create_app(library: Library, jobs: Jobs) -> FastAPI:
    """The application serving ``library`` and making pamphlets with ``jobs``."""
    app = FastAPIOffline(title="octavo", version=__version__, docs_url="/api/docs",
                         redoc_url=None, static_url="/api/docs/assets",
                         openapi_url="/api/openapi.json",
                         description="Pamphlets on demand from the books of a library: list "
                                     "the books and their works, ask for a pamphlet of some "
                                     "works as EPUB and/or PDF, poll the job, download the "
                                     "files.")
    app.state.library, app.state.jobs = library, jobs
    app.include_router(pages.router)
    app.include_router(api.router, prefix="/api")

    @app.exception_handler(OctavoError)
    def octavo_error(request: Request, exc: OctavoError) -> Response:
        if isinstance(exc, Busy):
            return error(request, 503, str(exc), {"Retry-After": str(exc.retry_after)})
        return error(request, 404 if isinstance(exc, WorkNotFound) else 400, str(exc))

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        unrouted = exc.status_code == 404 and exc.detail == "Not Found"  # Starlette's own
        message = f"no page {request.url.path} here" if unrouted else str(exc.detail)
        return error(request, exc.status_code, message, exc.headers)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                             for e in exc.errors())
        return error(request, 422, f"the request is not understood: {problems}")

    @app.exception_handler(Exception)
    def internal(request: Request, exc: Exception) -> Response:
        LOG.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error(request, 500, f"internal error ({type(exc).__name__}); the server's "
                                   "log has the details")

    return app


def error(request: Request, status: int, message: str,
          headers: dict[str, str] | None = None) -> Response:
    """An error as JSON (``{"error": …}``) under /api/, as a page elsewhere."""
    message = one_line(message)
    if request.url.path.startswith(f"{request.scope.get('root_path', '')}/api/"):
        return JSONResponse({"error": message}, status, headers)
    heading = HEADINGS.get(status, "Not possible")
    html = render("web/error.html", status=status, heading=heading, message=message,
                  root=request.scope.get("root_path", ""))
    return HTMLResponse(html, status, headers)
