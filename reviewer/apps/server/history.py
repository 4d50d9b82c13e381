"""The rep's history over HTTP: attempts (listed, deleted, a coach's note and best-take mark),
the reps, the stored scripts, and the recordings kept for attempts."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from reviewer.apps.server.body import read_body
from reviewer.apps.server.config import MAX_NOTE_BODY_BYTES, MEDIA_TYPES, RECORDING_ID, BodyLimit
from reviewer.apps.server.errors import ApiError, api
from reviewer.apps.server.routing import Routes, error_response
from reviewer.apps.server.state import AppState
from reviewer.apps.server.uploads import checked_rep
from reviewer.record.summary import HISTORY_FIGURES
from reviewer.storage.attempts import Attempt
from reviewer.storage.history import History, delete_attempts

_ATTEMPT_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_REP = {"name": "rep", "in": "query", "required": True, "schema": {"type": "string"}}
_OBJECT = {"application/json": {"schema": {"type": "object"}}}

routes = Routes()


@routes.declare(
    "GET",
    "/api/history",
    {
        "summary": "A rep's attempts, oldest first",
        "parameters": [_REP],
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
            "422": error_response("No rep given"),
        },
    },
)
@api
async def history(state: AppState, request: Request) -> Response:
    rep = checked_rep(request.query_params.get("rep"))
    attempts = await anyio.to_thread.run_sync(attempt_rows, state, rep)
    return JSONResponse({"rep": rep, "attempts": attempts})


def attempt_rows(state: AppState, rep: str) -> list[dict]:
    """The rep's attempts as the page lists them; a recording kept here gets its URL and the
    name it was uploaded under."""
    out = []
    with History(state.config.history_path) as db:
        for a in db.attempts(rep):
            path = Path(a.file)
            ours = path.parent == state.recordings and RECORDING_ID.fullmatch(path.name) and path.is_file()
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
                    "band": a.band,  # the score's band (rubric.bands), which the page colours it by
                    "failed_checks": a.failed_checks.split(),
                    "note": a.note,
                    "best": bool(a.best),
                    "recording_url": f"/api/recordings/{path.name}" if ours else None,
                }
            )
    return out


@routes.declare(
    "GET",
    "/api/reps",
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
)
@api
async def reps(state: AppState, request: Request) -> Response:
    def names() -> list[str]:
        with History(state.config.history_path) as db:
            return db.reps()

    return JSONResponse({"reps": await anyio.to_thread.run_sync(names)})


@routes.declare(
    "DELETE",
    "/api/attempts/{id}",
    {
        "summary": "Delete one attempt and the recording stored for it",
        "parameters": [_ATTEMPT_ID],
        "responses": {
            "200": {"description": "What was deleted", "content": _OBJECT},
            "403": error_response("A request from another origin"),
            "404": error_response("No such attempt"),
        },
    },
)
@api
async def delete_attempt(state: AppState, request: Request) -> Response:
    raw = request.path_params["id"]
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        raise ApiError(404, "no such attempt")

    def drop() -> tuple[int, int]:
        with History(state.config.history_path) as db:
            return delete_attempts(db, attempt_id=int(raw), recordings_dir=state.recordings)

    attempts, recordings = await anyio.to_thread.run_sync(drop)
    if not attempts:
        raise ApiError(404, "no such attempt")
    return JSONResponse({"deleted_attempts": attempts, "deleted_recordings": recordings})


@routes.declare(
    "POST",
    "/api/attempts/{id}/coach",
    {
        "summary": "A coach's note on an attempt (its # in `reviewer history`) and its best-take mark",
        "description": (
            "JSON {note, replace, best, unstar}: `best: true` marks a best take and `unstar: true`"
            " removes the mark (never a toggle); a note replaces another note only with"
            " `replace: true`, else 409 names the note that is there."
        ),
        "parameters": [_ATTEMPT_ID],
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "note": {"type": "string"},
                            "replace": {"type": "boolean"},
                            "best": {"type": "boolean", "enum": [True]},
                            "unstar": {"type": "boolean", "enum": [True]},
                        },
                    }
                }
            }
        },
        "responses": {
            "200": {"description": "The attempt's note and mark", "content": _OBJECT},
            "403": error_response("A request from another origin"),
            "404": error_response("No such attempt"),
            "409": error_response("The attempt has another note and `replace` was not sent"),
            "408": error_response("The note stalled, or took too long to arrive"),
            "413": error_response("The note is too long"),
            "422": error_response("Neither a note nor a mark, or `best: false` instead of `unstar`"),
        },
    },
)
@api
async def coach(state: AppState, request: Request) -> Response:
    """A coach's note and the best-take mark on an attempt."""
    raw = request.path_params["id"]
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        raise ApiError(404, "no such attempt")
    note, replace, best = await coach_change(request, state.config.small_body("the note", MAX_NOTE_BODY_BYTES))
    attempt_id = int(raw)

    def save() -> tuple[Attempt | None, str | None]:
        with History(state.config.history_path) as db:
            if note is not None:
                found, kept = db.put_note(attempt_id, note.strip(), replace)
                if not found or kept is not None:
                    return None, kept
            if best is not None and not db.set_best(attempt_id, best):
                return None, None
            return db.attempt(attempt_id), None

    a, kept = await anyio.to_thread.run_sync(save)
    if kept is not None:
        raise ApiError(409, f'attempt #{attempt_id} already has a note ("{kept}"): send "replace": true to replace it')
    if a is None:
        raise ApiError(404, "no such attempt")
    return JSONResponse({"attempt": a.id, "note": a.note, "best": bool(a.best)})


async def coach_change(request: Request, limit: BodyLimit) -> tuple[str | None, bool, bool | None]:
    """The note, whether it may replace another, and the mark (True marks, False is `unstar`)."""
    body = await read_body(request, limit)
    try:
        data = json.loads(body or b"null")
    except ValueError:
        data = None
    if not isinstance(data, dict) or not ({"note", "best", "unstar"} & set(data)):
        raise ApiError(422, 'send JSON: {"note": "text"}, {"best": true} or {"unstar": true}')
    note, replace, best, unstar = (data.get(k) for k in ("note", "replace", "best", "unstar"))
    if best is False:
        raise ApiError(422, 'to remove a best take send {"unstar": true}')
    if any(v is not None and not isinstance(v, bool) for v in (replace, best, unstar)) or (
        note is not None and not isinstance(note, str)
    ):
        raise ApiError(422, "note must be text, and replace, best and unstar true or false")
    if best and unstar:
        raise ApiError(422, "send best or unstar, not both")
    if note is not None and len(note) > 2000:
        raise ApiError(413, "the note is too long (at most 2000 characters)")
    return note, bool(replace), (False if unstar else best)


@routes.declare(
    "GET",
    "/api/scripts",
    {
        "summary": "The stored scripts (shared with `reviewer scripts`): name, text, attempts",
        "responses": {"200": {"description": "Scripts", "content": _OBJECT}},
    },
)
@api
async def scripts(state: AppState, request: Request) -> Response:
    def stored() -> list[dict]:
        with History(state.config.history_path) as db:
            return db.scripts()

    return JSONResponse({"scripts": await anyio.to_thread.run_sync(stored)})


@routes.declare(
    "DELETE",
    "/api/history",
    {
        "summary": "Delete every attempt of a rep and the recordings stored for them",
        "parameters": [_REP],
        "responses": {
            "200": {"description": "What was deleted", "content": _OBJECT},
            "403": error_response("A request from another origin"),
            "422": error_response("No rep given"),
        },
    },
)
@api
async def delete_history(state: AppState, request: Request) -> Response:
    rep = checked_rep(request.query_params.get("rep"))

    def drop() -> tuple[int, int]:
        with History(state.config.history_path) as db:
            return delete_attempts(db, rep=rep, recordings_dir=state.recordings)

    attempts, recordings = await anyio.to_thread.run_sync(drop)
    return JSONResponse({"rep": rep, "deleted_attempts": attempts, "deleted_recordings": recordings})


@routes.declare(
    "GET",
    "/api/recordings/{id}",
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
            "404": error_response("No such recording"),
        },
    },
)
@api
async def recording(state: AppState, request: Request) -> Response:
    rid = request.path_params["id"]
    path = state.recordings / rid
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
