"""Reading what a request sends, safely: the body streamed with the size cap checked as the
bytes arrive (413) and a stall cut off (408), the upload kept under a name the server chooses
(the client's file name is display text only), its format told from its bytes, and the rep's
name checked."""

from __future__ import annotations

import io
import os
import shutil
import threading
import unicodedata
import uuid
from pathlib import Path, PurePosixPath

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request

from reviewer.apps.server.config import FORMATS, MAX_FORM_OVERHEAD, MAX_REP_CHARS, ServerConfig
from reviewer.apps.server.errors import ApiError


def display_name(filename: str | None) -> str:
    """The client's file name as display text only: last path part, printable, bounded."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:120] or "recording"


def checked_rep(value) -> str:
    """The rep's name from a form field or the query, spaces collapsed: required, bounded."""
    rep = " ".join(str(value or "").split())
    if not rep:
        raise ApiError(422, "rep is required: whose attempt this is")
    if len(rep) > MAX_REP_CHARS:
        raise ApiError(422, f"rep is too long (at most {MAX_REP_CHARS} characters)")
    return rep


def detected_suffix(path: Path) -> str:
    """The stored copy's suffix from what PyAV found in the bytes, never from the client's name."""
    import av

    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        return FORMATS.get(container.format.name, (".audio", ""))[0]


def _too_large(config: ServerConfig) -> str:
    return f"the upload is too large: at most {config.max_upload_bytes / 1e6:g} MB"


def counted_receive(request: Request, limit: int, config: ServerConfig):
    """`request.receive` with the size cap checked as the bytes arrive (413, also on the
    declared length) and a stall cut off (408); after the last part it answers an empty one
    instead of waiting on the client (the watcher does that)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, _too_large(config))
    received = 0
    done = False

    async def counted() -> dict:
        nonlocal received, done
        if done:
            return {"type": "http.request", "body": b"", "more_body": False}
        try:
            with anyio.fail_after(config.body_timeout_s):
                message = await request.receive()
        except TimeoutError:
            raise ApiError(408, f"the upload stalled (nothing for {config.body_timeout_s:g} s)") from None
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        received += len(message.get("body", b""))
        if received > limit:
            raise ApiError(413, _too_large(config))
        done = not message.get("more_body", False)
        return message

    return counted


async def read_form(request: Request, config: ServerConfig, limit: int | None = None):
    """The multipart form, streamed: the file part is spooled to disk by the parser, the size
    cap is checked as the bytes arrive, and an upload that stalls is cut off."""
    limit = limit if limit is not None else config.max_upload_bytes + MAX_FORM_OVERHEAD
    receive = counted_receive(request, limit, config)
    try:
        return await Request(request.scope, receive).form(max_files=1, max_fields=10)
    except HTTPException as exc:  # malformed multipart, too many parts
        raise ApiError(400, f"could not read the upload as a form ({exc.detail})") from None


async def read_body(request: Request, limit: int, config: ServerConfig) -> bytes:
    """A request's raw body, at most `limit` bytes (413), cut off when it stalls (408)."""
    receive = counted_receive(request, limit, config)
    parts = []
    while True:
        message = await receive()
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts)


async def watch_client(request: Request, gone: threading.Event, scope: anyio.CancelScope) -> None:
    """Wait for the client to hang up: a review still queued is then cancelled, one running
    stops at its next step and is neither stored nor answered."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            gone.set()
            scope.cancel()
            return


def save_part(recordings: Path, source) -> Path:
    """Copy the spooled upload to a private .part file under a server-chosen name, in blocks."""
    part = recordings / f"{uuid.uuid4().hex}.part"
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        source.seek(0)
        shutil.copyfileobj(source, out, 1 << 20)
    return part


def save_part_bytes(recordings: Path, data: bytes) -> Path:
    """A streamed recording's bytes to a private .part file, stored as `save_part` stores an upload."""
    return save_part(recordings, io.BytesIO(data))
