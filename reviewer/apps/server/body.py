"""Reading a request's body, the one way every route does: held to the route's `BodyLimit` as
the bytes arrive (a size cap, 413 as soon as it is passed and nothing buffered beyond it; a
pause limit and a deadline for the whole body, 408), and the connection closed after any answer
given before its body was read to the end (`CloseUnreadBodies`), so a client cannot go on
trickling a refused body and hold one of the server's few connections."""

from __future__ import annotations

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request

from reviewer.apps.server.config import BodyLimit
from reviewer.apps.server.errors import ApiError

_END = {"type": "http.request", "body": b"", "more_body": False}


def too_large(limit: BodyLimit) -> str:
    return f"{limit.what} is too large: at most {(limit.shown_bytes or limit.max_bytes) / 1e6:g} MB"


def bounded_receive(request: Request, limit: BodyLimit):
    """`request.receive`, held to `limit`: the size counted as the bytes arrive (413, also on the
    declared length), a pause of `idle_s` or a body still unfinished after `deadline_s` cut off
    (408); after the last part it answers an empty one instead of waiting on the client (the
    review's watcher does that)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit.max_bytes:
        raise ApiError(413, too_large(limit))
    deadline = anyio.current_time() + limit.deadline_s
    received = 0
    done = False

    async def receive() -> dict:
        nonlocal received, done
        if done:
            return dict(_END)
        wait = min(limit.idle_s, deadline - anyio.current_time())
        try:
            with anyio.fail_after(max(wait, 0.0)):
                message = await request.receive()
        except TimeoutError:
            if wait < limit.idle_s:
                raise ApiError(
                    408, f"{limit.what} took too long (it must arrive within {limit.deadline_s:g} s)"
                ) from None
            raise ApiError(408, f"{limit.what} stalled (nothing for {limit.idle_s:g} s)") from None
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        received += len(message.get("body", b""))
        if received > limit.max_bytes:
            raise ApiError(413, too_large(limit))
        done = not message.get("more_body", False)
        return message

    return receive


async def read_body(request: Request, limit: BodyLimit) -> bytes:
    """A request's raw body, held to `limit`."""
    receive = bounded_receive(request, limit)
    parts = []
    while True:
        message = await receive()
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts)


async def read_form(request: Request, limit: BodyLimit):
    """The multipart form, held to `limit`: the file part is spooled to disk by the parser."""
    receive = bounded_receive(request, limit)
    try:
        return await Request(request.scope, receive).form(max_files=1, max_fields=10)
    except HTTPException as exc:  # malformed multipart, too many parts
        raise ApiError(400, f"could not read {limit.what} as a form ({exc.detail})") from None


class CloseUnreadBodies:
    """ASGI middleware, outermost: an answer given before the request's body was read to its end
    (a refusal, a 413 or 408, a route that reads no body) says `Connection: close`, and uvicorn
    closes the connection once it is sent. Else uvicorn keeps it open and drops what still
    arrives, and each byte of it restarts the keep-alive timer: a client could trickle a refused
    body for ever."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        unread = b"transfer-encoding" in headers or headers.get(b"content-length", b"0").strip() not in (b"0", b"")

        async def watched() -> dict:
            nonlocal unread
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                unread = False
            return message

        async def closing(message) -> None:
            if message["type"] == "http.response.start" and unread:
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, watched, closing)
