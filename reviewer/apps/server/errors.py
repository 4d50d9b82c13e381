"""How a request fails: an `ApiError` is answered as {"error": reason} with its status, and the
`api` decorator makes every other failure of one request that request's answer (a logged 500),
never the server's end. A failure of the data (a damaged history database, a full disk) is one
line in the log; only an unforeseen one, a bug, gets its traceback."""

from __future__ import annotations

import functools
import logging
import sqlite3

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from reviewer.apps.server.streams import StreamError
from reviewer.storage.history import HistoryError

log = logging.getLogger("reviewer.server")

DATA_FAILURES = (HistoryError, sqlite3.Error, OSError)  # the files' state, not a bug: no traceback


class ClientGone(Exception):
    """The client closed its connection: its review is dropped."""


class ApiError(Exception):
    """A request we answer with {"error": reason} and this status."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status)


def api(handler):
    """Every API route: an ApiError is its JSON answer; anything else is logged and a 500."""

    @functools.wraps(handler)
    async def wrapped(state, request: Request) -> Response:
        try:
            return await handler(state, request)
        except (ApiError, StreamError) as exc:
            return error(exc.status, exc.reason)
        except HTTPException as exc:
            return error(exc.status_code, str(exc.detail))
        except ClientGone as exc:  # nobody to answer: one line in the log, no traceback
            log.info("%s %s: %s", request.method, request.url.path, exc)
            return error(499, str(exc))
        except ClientDisconnect:
            log.info("%s %s: the client went away during the upload", request.method, request.url.path)
            return error(499, "the client went away")
        except Exception as exc:  # one request's failure never takes the server down
            log_failure(f"{request.method} {request.url.path} failed", exc)
            return error(500, f"internal error ({type(exc).__name__}); see the server log")

    return wrapped


def log_failure(what: str, exc: Exception) -> None:
    """`what: Type: reason` in one line for a failure of the data; with the traceback for any other."""
    if isinstance(exc, DATA_FAILURES):
        log.error("%s: %s: %s", what, type(exc).__name__, exc)
    else:
        log.error("%s", what, exc_info=exc)


async def not_found(request: Request, exc: HTTPException) -> Response:
    """Starlette's own refusals (no such route, method not allowed): JSON under /api/, plain text elsewhere."""
    if request.url.path.startswith("/api/"):
        return error(exc.status_code, str(exc.detail))
    return Response(str(exc.detail), status_code=exc.status_code, media_type="text/plain")
