"""`reviewer serve`: practise in the browser. Record, get the review in seconds, record again.

One page (GET /: inline CSS and JS, nothing fetched from anywhere but this server) and a small
JSON API under /api/. Starlette + uvicorn, the field's standard small ASGI stack.

The model loads once when the app is made (`Transcriber.shared`); every review runs in a
worker thread behind a limiter of one, so requests queue for the model while the event loop
stays free for the page, the history and other uploads. Uploads are size-capped while they
stream in, decoded only as audio (the reason from `AudioError` otherwise), capped in duration,
and stored under the data directory with a name the server chooses: the client's file name is
display text only. Any failure of one request is a JSON error for that request, never the
server's end.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import anyio
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .audio import AudioError, load_audio
from .checks import GOALS
from .history import History, default_db_path, record_review
from .thresholds import Thresholds

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
    allowed_hosts: tuple[str, ...] | None = None  # Host headers served (loopback: stops DNS rebinding); None: any

    @property
    def history_path(self) -> Path:
        return Path(self.db_path) if self.db_path else default_db_path()

    @property
    def recordings_dir(self) -> Path:
        return Path(self.data_dir or self.history_path.parent) / "recordings"


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
        except ApiError as exc:
            return error(exc.status, exc.reason)
        except HTTPException as exc:
            return error(exc.status_code, str(exc.detail))
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
    """Semitones from the speaker's median every PITCH_HOP_S inside speech (None: unvoiced), for the chart."""
    import numpy as np

    from .prosody import pitch_track

    if not median_hz:
        return []
    times, f0 = pitch_track(audio)
    n = int(audio.duration / PITCH_HOP_S) + 1
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
        from .review import Reviewer

        self.config = config
        self.recordings = config.recordings_dir
        self.recordings.mkdir(parents=True, exist_ok=True)
        for stale in self.recordings.glob("*.part"):  # uploads cut off by a crash
            stale.unlink(missing_ok=True)
        History(config.history_path).close()  # fail at start, not on the first review
        # Loads the model now (once per process: every Reviewer below shares it).
        Reviewer(
            model=config.model,
            device=config.device,
            thresholds=config.thresholds,
            language=config.language,
            cpu_threads=config.cpu_threads,
        )
        self.limiter: anyio.CapacityLimiter | None = None
        self.waiting = 0

    # ---- the page ---------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        env = Environment(
            loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
            autoescape=select_autoescape(["html", "j2"]),
        )
        nonce = secrets.token_urlsafe(16)
        t = self.config.thresholds
        settings = {
            "goals": list(GOALS),
            "max_upload_bytes": self.config.max_upload_bytes,
            "max_duration_s": self.config.max_duration_s,
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

    # ---- the API ----------------------------------------------------------------------

    @api
    async def review(self, request: Request) -> Response:
        form = await self._form(request)
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiError(422, "no recording: send the audio as the multipart field 'file'")
            rep = _rep(form.get("rep"))
            goal = str(form.get("goal") or "callback")
            if goal not in GOALS:
                raise ApiError(422, f"goal must be one of: {', '.join(GOALS)}")
            text = str(form.get("script") or "").strip()
            if len(text) > MAX_SCRIPT_CHARS:
                raise ApiError(413, f"the script is too long ({len(text)} characters; at most {MAX_SCRIPT_CHARS})")
            script = (script_name(text), text) if text else None
            data = await upload.read()
            name = display_name(upload.filename)
        finally:
            await form.close()
        if len(data) > self.config.max_upload_bytes:
            raise ApiError(413, self._too_large())
        stored = await anyio.to_thread.run_sync(self._store, data)
        try:
            result = await self._queued(self._review, stored, goal, script)
        except BaseException:
            stored.unlink(missing_ok=True)
            raise
        review, contour = result
        recording = {"id": stored.name, "url": f"/api/recordings/{stored.name}", "name": name}
        stored_review = dict(review, recording={"id": stored.name, "name": name})
        history = await anyio.to_thread.run_sync(self._record, stored_review, rep, script[0] if script else None)
        body = dict(
            review, file=name, recording=recording, history=history, pitch_contour={"hop_s": PITCH_HOP_S, "st": contour}
        )
        return JSONResponse(body)

    @api
    async def history(self, request: Request) -> Response:
        rep = _rep(request.query_params.get("rep"))
        attempts = await anyio.to_thread.run_sync(self._attempts, rep)
        return JSONResponse({"rep": rep, "attempts": attempts})

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
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"},
        )

    @api
    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_document())

    # ---- steps ------------------------------------------------------------------------

    def _too_large(self) -> str:
        return f"the upload is too large: at most {self.config.max_upload_bytes / 1e6:g} MB"

    async def _form(self, request: Request):
        """The multipart form, read with the size cap applied as the bytes arrive."""
        limit = self.config.max_upload_bytes + MAX_FORM_OVERHEAD
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ApiError(413, self._too_large())
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise ApiError(413, self._too_large())
        sent = False

        async def replay() -> dict:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        try:
            return await Request(request.scope, replay).form(max_files=1, max_fields=10)
        except HTTPException as exc:  # malformed multipart, too many parts
            raise ApiError(400, f"could not read the upload as a form ({exc.detail})") from None

    def _store(self, data: bytes) -> Path:
        """Write the upload under a server-chosen name; keep it only if it decodes as audio within the limits."""
        rid = uuid.uuid4().hex
        part = self.recordings / f"{rid}.part"
        part.write_bytes(data)
        try:
            audio = load_audio(part)
            if audio.duration > self.config.max_duration_s:
                raise ApiError(
                    422, f"the recording is too long ({audio.duration:.1f} s; at most {self.config.max_duration_s:g} s)"
                )
            stored = self.recordings / f"{rid}{detected_suffix(part)}"
            os.replace(part, stored)
            return stored
        except AudioError as exc:
            raise ApiError(422, str(exc)) from None
        finally:
            part.unlink(missing_ok=True)

    async def _queued(self, fn, *args):
        """Run `fn` in a worker thread, one at a time: the model serves one review at once."""
        if self.waiting >= self.config.max_queue:
            raise ApiError(503, "the server is busy with other reviews; try again in a minute")
        if self.limiter is None:
            self.limiter = anyio.CapacityLimiter(1)
        self.waiting += 1
        try:
            return await anyio.to_thread.run_sync(fn, *args, limiter=self.limiter)
        finally:
            self.waiting -= 1

    def _review(self, path: Path, goal: str, script) -> tuple[dict, list]:
        from .review import Reviewer

        c = self.config
        reviewer = Reviewer(
            model=c.model,
            device=c.device,
            thresholds=c.thresholds,
            goal=goal,
            language=c.language,
            cpu_threads=c.cpu_threads,
            script=script,
        )
        try:
            review = reviewer.review_file(path)
        except AudioError as exc:
            raise ApiError(422, str(exc)) from None
        data = review.to_dict()
        try:
            regions = [(review.speech_start_s, review.speech_end_s)]
            contour = pitch_contour(load_audio(path), (data.get("tonality") or {}).get("pitch_median_hz"), regions)
        except Exception:  # a chart is not worth losing the review for
            log.exception("pitch contour of %s failed", path.name)
            contour = []
        return data, contour

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
                        "score": a.score,
                        "duration_s": a.duration_s,
                        "word_count": a.word_count,
                        "words_per_minute": a.words_per_minute,
                        "filler_count": a.filler_count,
                        "fillers_per_minute": a.fillers_per_minute,
                        "number_digits_per_second": a.number_digits_per_second,
                        "number_times_said": a.number_times_said,
                        "failed_checks": a.failed_checks.split(),
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
                                    "description": "The script practised, pasted as text",
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "The review (JSON schema 1, as `reviewer review --format json`; `file` is "
                    "the uploaded name) plus `recording`, `history` and `pitch_contour`",
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
            "description": "Review practice sales voicemails: upload, review, history. No authentication: "
            "run it on a trusted network only.",
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

    middleware = []
    if config.allowed_hosts:
        from starlette.middleware import Middleware
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts)))
    app = Starlette(
        routes=[Route(path, getattr(practice, attr), methods=[method]) for path, method, attr, _ in ROUTES],
        middleware=middleware,
        exception_handlers={HTTPException: not_found},
    )
    app.state.practice = practice
    return app


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    config: ServerConfig,
    host: str = "127.0.0.1",
    port: int = 8000,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Run the app with uvicorn until interrupted (the model loads first, then the port opens)."""
    import uvicorn

    if host in LOOPBACK and config.allowed_hosts is None:  # a web page elsewhere cannot reach us by a rebound name
        config = dataclasses.replace(config, allowed_hosts=("127.0.0.1", "localhost", "[::1]"))
    app = create_app(config)
    uvicorn.run(app, host=host, port=port, log_level="info", ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile)
