"""How a request fails: an `ApiError` is answered as {"error": reason} with its status, and the
`api` decorator makes every other failure of one request that request's answer (a logged 500),
never the server's end."""

from __future__ import annotations

import functools
import logging

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from reviewer.apps.server.streams import StreamError

log = logging.getLogger("reviewer.server")


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
            log.exception("%s %s failed", request.method, request.url.path)
            return error(500, f"internal error ({type(exc).__name__}); see the server log")

    return wrapped


async def not_found(request: Request, exc: HTTPException) -> Response:
    """Starlette's own refusals (no such route, method not allowed): JSON under /api/, plain text elsewhere."""
    if request.url.path.startswith("/api/"):
        return error(exc.status_code, str(exc.detail))
    return Response(str(exc.detail), status_code=exc.status_code, media_type="text/plain")
