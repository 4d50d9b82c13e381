"""`reviewer serve`: practise in the browser. Record, get the review in seconds, record again.

One page (GET /: inline CSS, its script at /static/practice.js, nothing fetched from anywhere but
this server) and a small JSON API under /api/. Starlette + uvicorn, the field's standard small
ASGI stack.

The model loads once when the app is made (`Transcriber.shared`); every review runs in a
worker thread behind a limiter of one, so requests queue for the model while the event loop
stays free for the page, the history and other uploads. Uploads stream to disk with the size
cap checked as the bytes arrive, wait for the model only if the queue has room, are decoded
once, as audio only, and no further than the duration cap (a 100 kB FLAC can hold hours), and
are stored under a name the server chooses: the client's file name is display text only. A
review whose client has gone is dropped. Any failure of one request is a JSON error for that
request, never the server's end.

Access (`Guard`): a Host allow-list (DNS rebinding), a token when the server listens beyond
loopback, and no state change from another origin (Origin / Sec-Fetch-Site).

Streams (/api/streams, stream.py): the page sends the recording in pieces while it records;
background reviews of the recording so far fill the session's memo while no review wants the
model, and the review after Stop is an upload's review of the same bytes, run through it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import ipaddress
import json
import logging
import os
import re
import secrets
import shutil
import threading
import unicodedata
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path, PurePosixPath

import anyio
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from reviewer.apps.server.streams import NO_SUCH_STREAM, StreamError, Streams
from reviewer.record.summary import HISTORY_FIGURES, summary_of
from reviewer.rubric.checks import GOALS
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.decode import AudioError, load_audio
from reviewer.storage.history import Attempt, History, default_db_path, delete_attempts, record_review

log = logging.getLogger("reviewer.server")

MAX_SCRIPT_CHARS = 20_000
MAX_FORM_OVERHEAD = 16_000 + 4 * MAX_SCRIPT_CHARS  # bytes beyond the file: multipart framing, rep, goal, script (UTF-8)
MAX_REP_CHARS = 80
# Container formats PyAV reports -> the suffix and media type a stored recording gets.
FORMATS = {
    "wav": (".wav", "audio/wav"),
    "mp3": (".mp3", "audio/mpeg"),
    "ogg": (".ogg", "audio/ogg"),
    "matroska,webm": (".webm", "audio/webm"),
    "mov,mp4,m4a,3gp,3g2,mj2": (".m4a", "audio/mp4"),
    "flac": (".flac", "audio/flac"),
    "aac": (".aac", "audio/aac"),
}
MEDIA_TYPES = {suffix: media for suffix, media in FORMATS.values()} | {".audio": "application/octet-stream"}
RECORDING_ID = re.compile(r"[0-9a-f]{32}\.(?:wav|mp3|ogg|webm|m4a|flac|aac|audio)")
PITCH_HOP_S = 0.05  # s between points of the pitch contour sent to the page
STATIC = Path(__file__).resolve().parent / "static"  # the page's script


@dataclass(frozen=True)
class ServerConfig:
    """How `reviewer serve` runs: the model and rubric, where data lives, and the upload limits."""

    model: str = "base"
    device: str = "auto"
    language: str | None = "en"
    cpu_threads: int = 0
    thresholds: Thresholds = field(default_factory=Thresholds)
    db_path: Path | None = None  # None: $REVIEWER_DB or the user data folder, as the CLI
    data_dir: Path | None = None  # recordings go to data_dir/recordings; None: the history db's folder
    max_upload_bytes: int = 20_000_000
    max_duration_s: float = 120.0
    max_queue: int = 32  # reviews waiting for the model; more get 503 rather than piling up memory
    allowed_hosts: tuple[str, ...] | None = None  # Host names served (stops DNS rebinding); None: any
    allow_ip_hosts: bool = False  # also serve a Host that is an IP literal (no name to rebind)
    token: str | None = None  # required on every request when set (cookie, bearer header or ?token=)
    body_timeout_s: float = 30.0  # an upload that sends nothing for this long is cut off (408)
    header_timeout_s: float = 10.0  # a connection must send its request headers within this (slowloris)
    max_connections: int = 48  # concurrent connections; a request beyond them gets 503 at once (uvicorn)
    max_streams: int = 4  # recordings streaming at once (the page uploads after Stop beyond them); 0: none
    stream_idle_s: float = 30.0  # a stream that sends nothing for this long is dropped, its audio freed

    @property
    def history_path(self) -> Path:
        return Path(self.db_path) if self.db_path else default_db_path()

    @property
    def recordings_dir(self) -> Path:
        return Path(self.data_dir or self.history_path.parent) / "recordings"


TOKEN_COOKIE = "reviewer_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header or an Origin's netloc, without the port ("[::1]:8000" -> "[::1]")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return False


class Guard:
    """ASGI middleware in front of every route: Host allow-list, token, same-origin writes.

    A DNS-rebinding page reaches us under its own name, so a Host outside the allow-list is
    refused (an IP literal cannot be rebound, so a LAN server may accept those). The token
    (printed once at start, as Jupyter does) arrives as ?token= on the first visit, which sets an
    HttpOnly SameSite=Strict cookie; API clients may send `Authorization: Bearer TOKEN`. A
    browser marks cross-site requests with Origin and Sec-Fetch-Site: a state-changing one from
    another origin is refused even with the cookie."""

    def __init__(self, app, config: ServerConfig):
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        refusal = self.refusal(request)
        if refusal is not None:
            if not request.url.path.startswith("/api/"):  # a person at the page: plain words, not JSON
                refusal = PlainTextResponse(json.loads(refusal.body)["error"], status_code=refusal.status_code)
            return await refusal(scope, receive, send)
        query_token = request.query_params.get("token")
        if self.config.token and query_token and request.method == "GET" and request.url.path == "/":
            # First visit by the printed link: keep the token in a cookie, out of the address bar and history.
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(
                TOKEN_COOKIE,
                self.config.token,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path="/",
            )
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)

    def refusal(self, request: Request) -> Response | None:
        c = self.config
        host = host_name(request.headers.get("host", ""))
        if c.allowed_hosts is not None and host not in c.allowed_hosts:
            if not (c.allow_ip_hosts and _ip_literal(host)):
                return error(400, f"this server does not answer to the host name {host!r}")
        if c.token and not self._has_token(request):
            return error(
                401, "a token is required: open the link the server printed at start (http://HOST:PORT/?token=...)"
            )
        if request.method in UNSAFE_METHODS:
            site = request.headers.get("sec-fetch-site")
            origin = request.headers.get("origin")
            if site is not None and site not in ("same-origin", "none"):
                return error(403, f"cross-origin request refused (Sec-Fetch-Site: {site})")
            if origin is not None:
                netloc = origin.split("://", 1)[-1]
                if origin == "null" or netloc.lower() != request.headers.get("host", "").lower():
                    return error(403, "cross-origin request refused (Origin does not match this server)")
        return None

    def _has_token(self, request: Request) -> bool:
        token = self.config.token or ""
        offered = [request.query_params.get("token") or ""]
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            offered.append(auth[7:].strip())
        cookie = SimpleCookie()
        try:
            cookie.load(request.headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is no token
            pass
        if TOKEN_COOKIE in cookie:
            offered.append(cookie[TOKEN_COOKIE].value)
        return any(secrets.compare_digest(o.encode(), token.encode()) for o in offered if o)


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
    async def wrapped(self, request: Request) -> Response:
        try:
            return await handler(self, request)
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


def display_name(filename: str | None) -> str:
    """The client's file name as display text only: last path part, printable, bounded."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:120] or "recording"


def script_name(text: str) -> str:
    """Pasted scripts have no file name: the same text gets the same name, so attempts group."""
    return "script-" + hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()[:8]


def detected_suffix(path: Path) -> str:
    """The stored copy's suffix from what PyAV found in the bytes, never from the client's name."""
    import av

    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        return FORMATS.get(container.format.name, (".audio", ""))[0]


def pitch_contour(audio, median_hz: float | None, regions) -> list[float | None]:
    """Semitones from the speaker's median every PITCH_HOP_S inside speech (None: unvoiced), for
    the chart. `audio` is the review's `Signal` (its pitch track, the one tonality measured) or
    the decoded audio (tracked here)."""
    import numpy as np

    from reviewer.measures.prosody import ProsodyOptions, tonality_pitch
    from reviewer.sound.signal import Signal

    if not median_hz:
        return []
    signal = audio if isinstance(audio, Signal) else Signal(audio)
    times, f0 = tonality_pitch(signal, ProsodyOptions())
    n = int(signal.audio.duration / PITCH_HOP_S) + 1
    out: list[float | None] = [None] * n
    for k in range(n):
        t = k * PITCH_HOP_S
        if not any(a <= t <= b for a, b in regions):
            continue
        sel = f0[(times >= t - PITCH_HOP_S / 2) & (times < t + PITCH_HOP_S / 2)]
        sel = sel[sel > 0]
        if sel.size:
            out[k] = round(float(12 * np.log2(np.median(sel) / median_hz)), 2)
    return out


class PracticeApp:
    """The routes and their shared state: settings, where recordings go, the queue for the model."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self.recordings = config.recordings_dir
        if not self.recordings.exists():  # every rep's recordings: this user's eyes only
            self.recordings.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.recordings.mkdir(mode=0o700)
        for stale in self.recordings.glob("*.part"):  # uploads cut off by a crash
            stale.unlink(missing_ok=True)
        History(config.history_path).close()  # fail at start, not on the first review
        # Loads the model now (once per process: every Reviewer below shares it).
        self.transcriber = self._reviewer().transcriber
        self.limiter: anyio.CapacityLimiter | None = None
        self.waiting = 0
        self.streams = Streams(config, self._model_limiter, lambda transcriber: self._reviewer(transcriber=transcriber))

    def _reviewer(self, goal: str = "callback", script=None, transcriber=None):
        """A Reviewer with the server's settings; on `transcriber` (a streaming session's, with
        its memo) instead of the shared one when given."""
        from reviewer.pipeline import Reviewer
        from reviewer.settings import ReviewSettings

        c = self.config
        settings = ReviewSettings(c.model, c.device, c.language, goal, c.thresholds)
        reviewer = Reviewer.from_settings(settings, cpu_threads=c.cpu_threads, script=script)
        if transcriber is not None:
            reviewer.transcriber = transcriber
        return reviewer

    # ---- the page ---------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        env = Environment(
            loader=FileSystemLoader(Path(__file__).resolve().parents[2] / "present" / "templates"),
            autoescape=select_autoescape(["html", "j2"]),
        )
        nonce = secrets.token_urlsafe(16)
        t = self.config.thresholds
        settings = {
            "goals": list(GOALS),
            "max_upload_bytes": self.config.max_upload_bytes,
            "max_duration_s": self.config.max_duration_s,
            "streaming": self.config.max_streams > 0,  # send the recording while it is made (stream.py)
            "model": self.config.model,
            "pace": [t.pace_min_wpm, t.pace_max_wpm],
            "rushed_wpm": t.rushed_phrase_wpm,
            "dragging_wpm": t.dragging_phrase_wpm,
            "rising_st": t.rising_ending_st,
            "monotone_st": t.monotone_range_st,
        }
        html = env.get_template("practice.html.j2").render(nonce=nonce, settings=settings)
        csp = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; media-src 'self' blob:; img-src 'self' data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        return HTMLResponse(
            html,
            headers={
                "Content-Security-Policy": csp,
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store",
            },
        )

    async def page_script(self, request: Request) -> Response:
        """The page's script, a file in the package (the page's CSP lets it run by its nonce)."""
        return FileResponse(
            STATIC / "practice.js",
            media_type="text/javascript; charset=utf-8",
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"},
        )

    # ---- the API ----------------------------------------------------------------------

    @api
    async def review(self, request: Request) -> Response:
        # The queue is checked before anything is stored or decoded, and the place is held
        # until the review is done: a burst beyond it costs a 503, not memory.
        if self.waiting >= self.config.max_queue:
            raise ApiError(503, "the server is busy with other reviews; try again in a minute")
        self.waiting += 1
        try:
            return await self._review_upload(request)
        finally:
            self.waiting -= 1

    async def _review_upload(self, request: Request) -> Response:
        form = await self._form(request)
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiError(422, "no recording: send the audio as the multipart field 'file'")
            rep, goal, script = await self._fields(form)
            name = display_name(upload.filename)
            part = await anyio.to_thread.run_sync(self._save, upload.file)
        finally:
            await form.close()
        self.streams.preempt()  # background reviews of streams give the model up
        return await self._answer(request, part, name, rep, goal, script)

    async def _fields(self, form) -> tuple[str, str, tuple[str, str] | None]:
        """(rep, goal, (script name, text) or None) from an upload's or a stream's form."""
        rep = _rep(form.get("rep"))
        goal = str(form.get("goal") or "callback")
        if goal not in GOALS:
            raise ApiError(422, f"goal must be one of: {', '.join(GOALS)}")
        text = str(form.get("script") or "").strip()
        if len(text) > MAX_SCRIPT_CHARS:
            raise ApiError(413, f"the script is too long ({len(text)} characters; at most {MAX_SCRIPT_CHARS})")
        chosen = str(form.get("script_name") or "").strip()
        if len(chosen) > 80 or any(unicodedata.category(c)[0] == "C" for c in chosen):
            raise ApiError(422, "a script's name is at most 80 printable characters")
        script = await anyio.to_thread.run_sync(self._script, chosen, text) if (chosen or text) else None
        return rep, goal, script

    async def _answer(
        self,
        request: Request,
        part: Path,
        name: str,
        rep: str,
        goal: str,
        script,
        transcriber=None,
        extra=None,
        audio=None,
    ) -> Response:
        """Review the stored `part` when the model is free, keep it and answer: an upload's and
        a stream's last step (`transcriber`: the stream's, with its memo; `audio`: `part`
        decoded already)."""
        gone = threading.Event()
        result, failure = None, None
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(self._watch_client, request, gone, tg.cancel_scope)
                try:
                    result = await anyio.to_thread.run_sync(
                        self._review, part, goal, script, gone, transcriber, audio, limiter=self._model_limiter()
                    )
                except Exception as exc:  # raised below, outside the task group (not as a group)
                    failure = exc
                tg.cancel_scope.cancel()
            if failure is not None:
                raise failure
            if gone.is_set() or result is None:
                raise ClientGone("the client went away; its review was dropped")
            review, summary, contour, stored, reuse = result
            os.replace(part, stored)  # kept only now: a dropped review leaves no recording behind
        finally:
            part.unlink(missing_ok=True)
        recording = {"id": stored.name, "url": f"/api/recordings/{stored.name}", "name": name}
        stored_review = dict(review, recording={"id": stored.name, "name": name})
        history = await anyio.to_thread.run_sync(self._record, stored_review, rep, script[0] if script else None)
        body = dict(
            review,
            file=name,
            recording=recording,
            history=history,
            pitch_contour={"hop_s": PITCH_HOP_S, "st": contour},
            summary=summary,
        )
        if extra is not None:
            body["stream"] = dict(extra, **reuse)
        return JSONResponse(body)

    # ---- streaming: the recording arrives while the rep speaks (stream.py) ----------------

    @api
    async def open_stream(self, request: Request) -> Response:
        session = self.streams.open(self.transcriber)
        c = self.config
        return JSONResponse({"id": session.id, "max_bytes": c.max_upload_bytes, "max_seconds": c.max_duration_s})

    @api
    async def stream_chunk(self, request: Request) -> Response:
        session = self.streams.get(request.path_params["id"])
        raw = request.path_params["seq"]
        if not (raw.isascii() and raw.isdigit() and len(raw) < 9):
            raise ApiError(404, "no such piece: pieces are numbered 0, 1, 2, ...")
        try:
            data = await self._body(request, self.config.max_upload_bytes - len(session.buffer))
        except ApiError as exc:
            if exc.status == 413:  # over the cap: the stream ends, its audio is freed
                self.streams.drop(session)
            raise
        if session.closed:
            raise ApiError(404, NO_SUCH_STREAM)
        self.streams.append(session, int(raw), data)
        return JSONResponse({"chunks": session.next_seq, "bytes": len(session.buffer)})

    @api
    async def stream_status(self, request: Request) -> Response:
        return JSONResponse(self.streams.get(request.path_params["id"]).status())

    @api
    async def close_stream(self, request: Request) -> Response:
        self.streams.drop(self.streams.get(request.path_params["id"]))
        return JSONResponse({"deleted": True})

    @api
    async def stream_review(self, request: Request) -> Response:
        """Stop: review the streamed recording as an upload of the same bytes, with the session's memo."""
        session = self.streams.get(request.path_params["id"])
        if self.waiting >= self.config.max_queue:
            raise ApiError(503, "the server is busy with other reviews; try again in a minute")
        self.waiting += 1
        try:
            form = await self._form(request, MAX_FORM_OVERHEAD)
            try:
                rep, goal, script = await self._fields(form)
                name = display_name(str(form.get("name") or "") or None)
            finally:
                await form.close()
            if session.closed:  # ended while the form arrived
                raise ApiError(404, NO_SUCH_STREAM)
            if session.failed is not None:
                failed = session.failed
                self.streams.drop(session)
                raise failed
            if not session.buffer:
                self.streams.drop(session)
                raise ApiError(422, "file is empty (0 bytes)")
            self.streams.close(session)  # no more pieces; a background review may still finish
            part = await anyio.to_thread.run_sync(self._save_bytes, bytes(session.buffer))
            session.buffer = bytearray()
            keep, audio = session.running, None
            if keep is not None:
                # Wait for it only if it is reviewing the speech the real review will decode,
                # with the whole recording in place of the silence it supposed.
                final = await anyio.to_thread.run_sync(self._speech, part)
                audio = final[0] if final is not None else None
                if final is not None and final[1] == keep.chunks:
                    keep.fill(final[0].samples)
                else:
                    keep = None
            self.streams.preempt(keep)
            extra = {"chunks": session.next_seq, "background_reviews": session.speculations}
            try:
                return await self._answer(request, part, name, rep, goal, script, session.transcriber, extra, audio)
            finally:
                self.streams.drop(session)
        finally:
            self.waiting -= 1

    def _speech(self, part: Path):
        """(the decoded recording, the speech faster-whisper's VAD keeps of it), or None."""
        from reviewer.recognition.engine import whisper_vad_chunks

        try:
            audio = load_audio(part, max_duration=self.config.max_duration_s)
        except AudioError:
            return None
        return audio, tuple(whisper_vad_chunks(audio.samples))

    async def _body(self, request: Request, limit: int) -> bytes:
        """A request's raw body, at most `limit` bytes (413), cut off when it stalls (408)."""
        receive = self._counted_receive(request, limit)
        parts = []
        while True:
            message = await receive()
            parts.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(parts)

    async def _watch_client(self, request: Request, gone: threading.Event, scope: anyio.CancelScope) -> None:
        """Wait for the client to hang up: a review still queued is then cancelled, one running
        stops at its next step and is neither stored nor answered."""
        while True:
            message = await request.receive()
            if message["type"] == "http.disconnect":
                gone.set()
                scope.cancel()
                return

    def _model_limiter(self) -> anyio.CapacityLimiter:
        if self.limiter is None:
            self.limiter = anyio.CapacityLimiter(1)
        return self.limiter

    @api
    async def delete_attempt(self, request: Request) -> Response:
        raw = request.path_params["id"]
        if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
            raise ApiError(404, "no such attempt")

        def drop() -> tuple[int, int]:
            with History(self.config.history_path) as db:
                return delete_attempts(db, attempt_id=int(raw))

        attempts, recordings = await anyio.to_thread.run_sync(drop)
        if not attempts:
            raise ApiError(404, "no such attempt")
        return JSONResponse({"deleted_attempts": attempts, "deleted_recordings": recordings})

    @api
    async def delete_history(self, request: Request) -> Response:
        rep = _rep(request.query_params.get("rep"))

        def drop() -> tuple[int, int]:
            with History(self.config.history_path) as db:
                return delete_attempts(db, rep=rep)

        attempts, recordings = await anyio.to_thread.run_sync(drop)
        return JSONResponse({"rep": rep, "deleted_attempts": attempts, "deleted_recordings": recordings})

    @api
    async def history(self, request: Request) -> Response:
        rep = _rep(request.query_params.get("rep"))
        attempts = await anyio.to_thread.run_sync(self._attempts, rep)
        return JSONResponse({"rep": rep, "attempts": attempts})

    @api
    async def scripts(self, request: Request) -> Response:
        def stored() -> list[dict]:
            with History(self.config.history_path) as db:
                return db.scripts()

        return JSONResponse({"scripts": await anyio.to_thread.run_sync(stored)})

    @api
    async def coach(self, request: Request) -> Response:
        """A coach's note and the best-take mark on an attempt."""
        raw = request.path_params["id"]
        if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
            raise ApiError(404, "no such attempt")
        body = await request.body()
        if len(body) > 16_000:
            raise ApiError(413, "the note is too long")
        try:
            data = json.loads(body or b"null")
        except ValueError:
            data = None
        if not isinstance(data, dict) or not ({"note", "best"} & set(data)):
            raise ApiError(422, 'send JSON: {"note": "text"} and/or {"best": true}')
        note, best = data.get("note"), data.get("best")
        if (note is not None and not isinstance(note, str)) or (best is not None and not isinstance(best, bool)):
            raise ApiError(422, "note must be text and best true or false")
        if note is not None and len(note) > 2000:
            raise ApiError(413, "the note is too long (at most 2000 characters)")

        def save() -> Attempt | None:
            with History(self.config.history_path) as db:
                if note is not None and not db.set_note(int(raw), note.strip()):
                    return None
                if best is not None and not db.set_best(int(raw), best):
                    return None
                return db.attempt(int(raw))

        a = await anyio.to_thread.run_sync(save)
        if a is None:
            raise ApiError(404, "no such attempt")
        return JSONResponse({"attempt": a.id, "note": a.note, "best": bool(a.best)})

    @api
    async def reps(self, request: Request) -> Response:
        def names() -> list[str]:
            with History(self.config.history_path) as db:
                return db.reps()

        return JSONResponse({"reps": await anyio.to_thread.run_sync(names)})

    @api
    async def recording(self, request: Request) -> Response:
        rid = request.path_params["id"]
        path = self.recordings / rid
        if not RECORDING_ID.fullmatch(rid) or not path.is_file():
            raise ApiError(404, "no such recording")
        return FileResponse(
            path,
            media_type=MEDIA_TYPES[path.suffix],
            headers={
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, max-age=3600",
                "Cross-Origin-Resource-Policy": "same-origin",  # no other site may embed a rep's voice
            },
        )

    @api
    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_document())

    # ---- steps ------------------------------------------------------------------------

    def _too_large(self) -> str:
        return f"the upload is too large: at most {self.config.max_upload_bytes / 1e6:g} MB"

    def _counted_receive(self, request: Request, limit: int):
        """`request.receive` with the size cap checked as the bytes arrive (413, also on the
        declared length) and a stall cut off (408); after the last part it answers an empty one
        instead of waiting on the client (the watcher does that)."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ApiError(413, self._too_large())
        received = 0
        done = False

        async def counted() -> dict:
            nonlocal received, done
            if done:
                return {"type": "http.request", "body": b"", "more_body": False}
            try:
                with anyio.fail_after(self.config.body_timeout_s):
                    message = await request.receive()
            except TimeoutError:
                raise ApiError(408, f"the upload stalled (nothing for {self.config.body_timeout_s:g} s)") from None
            if message["type"] == "http.disconnect":
                raise ClientDisconnect()
            received += len(message.get("body", b""))
            if received > limit:
                raise ApiError(413, self._too_large())
            done = not message.get("more_body", False)
            return message

        return counted

    async def _form(self, request: Request, limit: int | None = None):
        """The multipart form, streamed: the file part is spooled to disk by the parser, the size
        cap is checked as the bytes arrive, and an upload that stalls is cut off."""
        limit = limit if limit is not None else self.config.max_upload_bytes + MAX_FORM_OVERHEAD
        receive = self._counted_receive(request, limit)
        try:
            return await Request(request.scope, receive).form(max_files=1, max_fields=10)
        except HTTPException as exc:  # malformed multipart, too many parts
            raise ApiError(400, f"could not read the upload as a form ({exc.detail})") from None

    def _save(self, source) -> Path:
        """Copy the spooled upload to a private .part file under a server-chosen name, in blocks."""
        part = self.recordings / f"{uuid.uuid4().hex}.part"
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            source.seek(0)
            shutil.copyfileobj(source, out, 1 << 20)
        return part

    def _save_bytes(self, data: bytes) -> Path:
        """A streamed recording's bytes to a private .part file, stored as `_save` stores an upload."""
        return self._save(io.BytesIO(data))

    def _review(
        self, part: Path, goal: str, script, gone: threading.Event, transcriber=None, audio=None
    ) -> tuple[dict, dict, list, Path, dict] | None:
        """Decode once (stopping at the duration cap) and review: (review, its summary, pitch
        contour, the path to keep the recording at, the model calls answered from a stream's
        memo and run), or None if the client went away meanwhile. Runs in a worker thread, one
        at a time. `transcriber` is a stream's (the shared model behind its memo); `audio` is
        `part` decoded already (with the same cap), when it was."""
        if gone.is_set():
            return None
        c = self.config
        try:
            audio = audio if audio is not None else load_audio(part, max_duration=c.max_duration_s)
            suffix = detected_suffix(part)
        except AudioError as exc:
            raise ApiError(422, str(exc)) from None
        if gone.is_set():
            return None
        reviewer = self._reviewer(goal, script, transcriber)
        memo = reviewer.transcriber.memo
        before = (memo.hits, memo.misses) if memo is not None else (0, 0)
        stored = part.with_suffix(suffix)
        try:
            review = reviewer.review_audio(audio, str(stored))
        except AudioError as exc:
            raise ApiError(422, str(exc)) from None
        after = (memo.hits, memo.misses) if memo is not None else (0, 0)
        reuse = {"model_calls_reused": after[0] - before[0], "model_calls_run": after[1] - before[1]}
        if gone.is_set():
            return None
        data = review.to_dict()
        try:
            regions = [(review.speech_start_s, review.speech_end_s)]
            contour = pitch_contour(
                review.signal or audio, (data.get("tonality") or {}).get("pitch_median_hz"), regions
            )
        except Exception:  # a chart is not worth losing the review for
            log.exception("pitch contour of %s failed", part.name)
            contour = []
        return data, summary_of(data, c.thresholds).to_dict(), contour, stored, reuse

    def _script(self, name: str, text: str) -> tuple[str, str]:
        """(name, text) of the script practised: a stored one picked by name; a pasted one stored
        under the name given, or found by its text (the CLI's and the page's scripts are one),
        else under a name made from its text."""
        with History(self.config.history_path) as db:
            if not text:
                stored = db.script(name)
                if stored is None:
                    raise ApiError(422, f"no stored script named {name!r}")
                return name, stored
            if not name:
                name = db.script_named_for(text) or script_name(text)
            stored = db.script(name)
            if stored is None:
                db.add_script(name, text)
            elif " ".join(stored.lower().split()) != " ".join(text.lower().split()):
                raise ApiError(409, f"another script is already stored as {name!r}; choose another name")
            return name, text

    def _record(self, review: dict, rep: str, script: str | None) -> dict:
        """Store the attempt; the history is a convenience, so a failure is a note, not an error."""
        try:
            with History(self.config.history_path) as db:
                done = record_review(db, review, rep, script)
        except Exception as exc:
            log.exception("could not store the review for %s", rep)
            return {"attempt": None, "previous": None, "line": None, "error": f"not stored in the history ({exc})"}
        prev = done.previous
        return {
            "attempt": done.attempt.id,
            "line": done.line,
            "previous": {"attempt": prev.id, "reviewed_at": prev.reviewed_at, "score": prev.score} if prev else None,
        }

    def _attempts(self, rep: str) -> list[dict]:
        out = []
        with History(self.config.history_path) as db:
            for a in db.attempts(rep):
                path = Path(a.file)
                ours = path.parent == self.recordings and RECORDING_ID.fullmatch(path.name) and path.is_file()
                name = path.name
                if ours:
                    name = (db.review_json(a.id).get("recording") or {}).get("name") or name
                out.append(
                    {
                        "attempt": a.id,
                        "reviewed_at": a.reviewed_at,
                        "name": name,
                        "goal": a.goal,
                        "script": a.script,
                        **{k: getattr(a, k) for k in HISTORY_FIGURES},  # the review's summary, as stored
                        "failed_checks": a.failed_checks.split(),
                        "note": a.note,
                        "best": bool(a.best),
                        "recording_url": f"/api/recordings/{path.name}" if ours else None,
                    }
                )
        return out


def _rep(value) -> str:
    rep = " ".join(str(value or "").split())
    if not rep:
        raise ApiError(422, "rep is required: whose attempt this is")
    if len(rep) > MAX_REP_CHARS:
        raise ApiError(422, f"rep is too long (at most {MAX_REP_CHARS} characters)")
    return rep


# ---- routes and their OpenAPI description, side by side ----------------------------------


_STREAM_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}


def _err(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


ROUTES: list[tuple[str, str, str, dict]] = [  # (path, method, PracticeApp attribute, OpenAPI operation)
    (
        "/",
        "GET",
        "page",
        {
            "summary": "The practice page: record, review, retry (HTML, self-contained)",
            "responses": {"200": {"description": "The page", "content": {"text/html": {}}}},
        },
    ),
    (
        "/static/practice.js",
        "GET",
        "page_script",
        {
            "summary": "The practice page's script",
            "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {}}}},
        },
    ),
    (
        "/api/review",
        "POST",
        "review",
        {
            "summary": "Review one recording and store it in the rep's history",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file", "rep"],
                            "properties": {
                                "file": {
                                    "type": "string",
                                    "format": "binary",
                                    "description": "The audio (any format PyAV reads)",
                                },
                                "rep": {"type": "string", "maxLength": MAX_REP_CHARS},
                                "goal": {"type": "string", "enum": list(GOALS), "default": "callback"},
                                "script": {
                                    "type": "string",
                                    "maxLength": MAX_SCRIPT_CHARS,
                                    "description": "The script practised, pasted as text (stored under "
                                    "`script_name`, or found by its text among the stored scripts)",
                                },
                                "script_name": {
                                    "type": "string",
                                    "maxLength": 80,
                                    "description": "A stored script's name (alone: practise it; with `script`: "
                                    "store the pasted text under it)",
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "The review (JSON schema 1, as `reviewer review --format json`; `file` is "
                    "the uploaded name) plus `recording`, `history`, `pitch_contour` and `summary`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}},
                },
                "400": _err("Not a readable form"),
                "413": _err("The upload (or the script) is over the size limit"),
                "422": _err("Not reviewable: not audio, empty, too short, too long, no speech, no rep, bad goal"),
                "500": _err("The review failed; the server logged why"),
                "503": _err("Too many reviews already waiting"),
            },
        },
    ),
    (
        "/api/streams",
        "POST",
        "open_stream",
        {
            "summary": "Start streaming a recording while it is made (the page does after Record); "
            "send its pieces in order, then ask for the review",
            "responses": {
                "200": {
                    "description": "The stream's `id` and its limits (`max_bytes`, `max_seconds`)",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "403": _err("A request from another origin"),
                "503": _err("As many streams as the server takes are open; upload after Stop instead"),
            },
        },
    ),
    (
        "/api/streams/{id}/chunks/{seq}",
        "POST",
        "stream_chunk",
        {
            "summary": "The next piece of a streamed recording (the raw bytes, as MediaRecorder gives "
            "them), numbered from 0",
            "parameters": [
                _STREAM_ID,
                {"name": "seq", "in": "path", "required": True, "schema": {"type": "integer"}},
            ],
            "requestBody": {"content": {"application/octet-stream": {}}},
            "responses": {
                "200": {
                    "description": "Pieces and bytes received so far",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "403": _err("A request from another origin"),
                "404": _err("No such stream (ended, or idle too long)"),
                "408": _err("The piece stalled"),
                "409": _err("Not the piece expected next"),
                "413": _err("The recording is over the size limit (the stream ends)"),
                "422": _err("The recording is over the duration limit (the stream ends)"),
            },
        },
    ),
    (
        "/api/streams/{id}/review",
        "POST",
        "stream_review",
        {
            "summary": "Stop: review the streamed recording (as an upload of the same bytes) and store it",
            "parameters": [_STREAM_ID],
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["rep"],
                            "properties": {
                                "rep": {"type": "string", "maxLength": MAX_REP_CHARS},
                                "goal": {"type": "string", "enum": list(GOALS), "default": "callback"},
                                "script": {"type": "string", "maxLength": MAX_SCRIPT_CHARS},
                                "script_name": {"type": "string", "maxLength": 80},
                                "name": {"type": "string", "description": "The recording's name, shown"},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "As `POST /api/review`, plus `stream`: pieces, background reviews, and the "
                    "model calls answered from them (`model_calls_reused`) or run after Stop (`model_calls_run`)",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}},
                },
                "400": _err("Not a readable form"),
                "403": _err("A request from another origin"),
                "404": _err("No such stream (ended, or idle too long)"),
                "413": _err("The recording (or the script) is over the size limit"),
                "422": _err("Not reviewable: not audio, empty, too short, too long, no speech, no rep, bad goal"),
                "500": _err("The review failed; the server logged why"),
                "503": _err("Too many reviews already waiting"),
            },
        },
    ),
    (
        "/api/streams/{id}",
        "GET",
        "stream_status",
        {
            "summary": "A stream's state: pieces, bytes, seconds decoded, background reviews done",
            "parameters": [_STREAM_ID],
            "responses": {
                "200": {"description": "The state", "content": {"application/json": {"schema": {"type": "object"}}}},
                "404": _err("No such stream"),
            },
        },
    ),
    (
        "/api/streams/{id}",
        "DELETE",
        "close_stream",
        {
            "summary": "End a stream and forget its audio (the page does when it uploads instead)",
            "parameters": [_STREAM_ID],
            "responses": {
                "200": {"description": "Ended", "content": {"application/json": {"schema": {"type": "object"}}}},
                "403": _err("A request from another origin"),
                "404": _err("No such stream"),
            },
        },
    ),
    (
        "/api/history",
        "GET",
        "history",
        {
            "summary": "A rep's attempts, oldest first",
            "parameters": [{"name": "rep", "in": "query", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "The attempts",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "rep": {"type": "string"},
                                    "attempts": {"type": "array", "items": {"$ref": "#/components/schemas/Attempt"}},
                                },
                            }
                        }
                    },
                },
                "422": _err("No rep given"),
            },
        },
    ),
    (
        "/api/reps",
        "GET",
        "reps",
        {
            "summary": "The reps in the history, for the name picker",
            "responses": {
                "200": {
                    "description": "Names",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"reps": {"type": "array", "items": {"type": "string"}}},
                            }
                        }
                    },
                }
            },
        },
    ),
    (
        "/api/attempts/{id}",
        "DELETE",
        "delete_attempt",
        {
            "summary": "Delete one attempt and the recording stored for it",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {
                "200": {
                    "description": "What was deleted",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "403": _err("A request from another origin"),
                "404": _err("No such attempt"),
            },
        },
    ),
    (
        "/api/attempts/{id}/coach",
        "POST",
        "coach",
        {
            "summary": "A coach's note on an attempt and its best-take mark (JSON {note, best})",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"note": {"type": "string"}, "best": {"type": "boolean"}},
                        }
                    }
                }
            },
            "responses": {
                "200": {
                    "description": "The attempt's note and mark",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "403": _err("A request from another origin"),
                "404": _err("No such attempt"),
                "413": _err("The note is too long"),
                "422": _err("Neither a note nor a mark"),
            },
        },
    ),
    (
        "/api/scripts",
        "GET",
        "scripts",
        {
            "summary": "The stored scripts (shared with `reviewer scripts`): name, text, attempts",
            "responses": {
                "200": {
                    "description": "Scripts",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        },
    ),
    (
        "/api/history",
        "DELETE",
        "delete_history",
        {
            "summary": "Delete every attempt of a rep and the recordings stored for them",
            "parameters": [{"name": "rep", "in": "query", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "What was deleted",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "403": _err("A request from another origin"),
                "422": _err("No rep given"),
            },
        },
    ),
    (
        "/api/recordings/{id}",
        "GET",
        "recording",
        {
            "summary": "A stored recording, by the id the review returned",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": RECORDING_ID.pattern},
                }
            ],
            "responses": {
                "200": {"description": "The audio as uploaded", "content": {"audio/*": {}}},
                "404": _err("No such recording"),
            },
        },
    ),
    (
        "/api/openapi.json",
        "GET",
        "openapi",
        {
            "summary": "This description",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
        },
    ),
]


def openapi_document() -> dict:
    paths: dict = {}
    for path, method, _, operation in ROUTES:
        paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "reviewer practice server",
            "version": "1",
            "description": "Review practice sales voicemails: upload, review, history. Beyond loopback every "
            "request needs the server's token (cookie `reviewer_token`, `Authorization: Bearer TOKEN`, or "
            "`?token=`); state-changing requests from another origin are refused.",
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "Review": {
                    "type": "object",
                    "description": "JSON schema 1 (README), plus the keys below",
                    "properties": {
                        "schema": {"const": 1},
                        "score": {"type": "integer"},
                        "top_fixes": {"type": "array", "items": {"type": "string"}},
                        "recording": {
                            "type": "object",
                            "properties": {
                                "id": {"type": "string"},
                                "url": {"type": "string"},
                                "name": {"type": "string"},
                            },
                        },
                        "history": {
                            "type": "object",
                            "properties": {
                                "attempt": {"type": ["integer", "null"]},
                                "line": {"type": ["string", "null"]},
                                "previous": {"type": ["object", "null"]},
                            },
                        },
                        "pitch_contour": {
                            "type": "object",
                            "properties": {
                                "hop_s": {"type": "number"},
                                "st": {"type": "array", "items": {"type": ["number", "null"]}},
                            },
                        },
                        "summary": {
                            "type": "object",
                            "description": "The review's key figures, as the CSV, the history and the report "
                            "have them: score, duration_s, speech_s, word_count, words_per_minute, filler_count, "
                            "fillers_per_minute, phone_number, number_digits_per_second (the fastest saying), "
                            "number_times_said, failed_checks; `figures` [{label, text}], `fixes` [{check, "
                            "status, message, at}] and the page's `tiles` [{key, value, unit, detail, check, "
                            "status}], moments as m:ss",
                        },
                    },
                    "additionalProperties": True,
                },
                "Attempt": {
                    "type": "object",
                    "properties": {
                        "attempt": {"type": "integer"},
                        "reviewed_at": {"type": "string"},
                        "name": {"type": "string"},
                        "score": {"type": ["integer", "null"]},
                        "recording_url": {"type": ["string", "null"]},
                    },
                    "additionalProperties": True,
                },
            }
        },
    }


def create_app(config: ServerConfig = ServerConfig()) -> Starlette:
    """The ASGI app; loads the model now, so the first review is as quick as the rest."""
    practice = PracticeApp(config)

    async def not_found(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return error(exc.status_code, str(exc.detail))
        return Response(str(exc.detail), status_code=exc.status_code, media_type="text/plain")

    from starlette.middleware import Middleware

    app = Starlette(
        routes=[Route(path, getattr(practice, attr), methods=[method]) for path, method, attr, _ in ROUTES],
        middleware=[Middleware(Guard, config=config)],
        exception_handlers={HTTPException: not_found},
    )
    app.state.practice = practice
    return app


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def access_config(
    config: ServerConfig, host: str, token: str | None, extra_hosts: tuple[str, ...] = (), lan: bool = False
) -> ServerConfig:
    """Who may use a server listening on `host`: on loopback, this machine under its loopback
    names; beyond it (or with `lan`), the token holders, under this machine's names, IP literals
    and `extra_hosts`."""
    import socket

    bound = host_name(host if not (":" in host and not host.startswith("[")) else f"[{host}]")
    names = {*LOOPBACK_NAMES, *(h.lower() for h in extra_hosts)}
    if is_loopback(host) and not lan:
        return dataclasses.replace(config, allowed_hosts=tuple(sorted(names | {bound})), token=token)
    hostname = socket.gethostname().lower()  # no DNS: the kernel's name for this machine
    names |= {hostname, f"{hostname}.local", bound} - {"0.0.0.0", "[::]"}
    return dataclasses.replace(config, allowed_hosts=tuple(sorted(names)), allow_ip_hosts=True, token=token)


def _redact_token(record: logging.LogRecord) -> bool:
    """The token is printed once, at start; the access log shows `token=***` instead."""
    if record.args and isinstance(record.args, tuple):
        record.args = tuple(re.sub(r"token=[^&\s]*", "token=***", a) if isinstance(a, str) else a for a in record.args)
    return True


def _guarded_protocol(header_timeout_s: float):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's headers: a client that
    connects and sends nothing, or headers a byte at a time, is cut off (slowloris). uvicorn
    itself waits for headers indefinitely (its keep-alive timer stops at the first byte)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadline(H11Protocol):
        deadline = None

        def _arm(self) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            self.deadline = self.loop.call_later(header_timeout_s, self._expire)

        def _expire(self) -> None:
            self.deadline = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()  # the headers did not come in time

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE and self.deadline is not None:
                self.deadline.cancel()  # the headers are in
                self.deadline = None

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()  # the next request on this connection gets its own deadline

        def connection_lost(self, exc) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            super().connection_lost(exc)

    return HeaderDeadline


def serve(
    config: ServerConfig,
    host: str = "127.0.0.1",
    port: int = 8000,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Run the app with uvicorn until interrupted (the model loads first, then the port opens).
    `config` comes through `access_config` (the CLI does it)."""
    import uvicorn

    if config.allowed_hosts is None:  # called without access_config: the rules for `host`, no token
        config = access_config(config, host, config.token)
    ours = logging.getLogger("reviewer")
    if not ours.handlers:  # our lines beside uvicorn's, in its style: "INFO:     ..."
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        ours.addHandler(handler)
        ours.setLevel(logging.INFO)
    app = create_app(config)
    logging.getLogger("uvicorn.access").addFilter(_redact_token)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        http=_guarded_protocol(config.header_timeout_s),
        limit_concurrency=config.max_connections,
        timeout_keep_alive=5,
    )
