"""What a request sends, kept safely (its body is read through body.py): the upload kept under a
name the server chooses (the client's file name is display text only), its format told from its
bytes, and the rep's name checked."""

from __future__ import annotations

import io
import os
import shutil
import threading
import unicodedata
import uuid
from pathlib import Path, PurePosixPath

import anyio
from starlette.requests import Request

from reviewer.apps.server.config import FORMATS, MAX_REP_CHARS
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
