"""The rep's history over HTTP: attempts (listed, deleted, a coach's note and best-take mark),
the reps, the stored scripts, and the recordings kept for attempts."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from reviewer.apps.server.config import MEDIA_TYPES, RECORDING_ID
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
            return delete_attempts(db, attempt_id=int(raw))

    attempts, recordings = await anyio.to_thread.run_sync(drop)
    if not attempts:
        raise ApiError(404, "no such attempt")
    return JSONResponse({"deleted_attempts": attempts, "deleted_recordings": recordings})


@routes.declare(
    "POST",
    "/api/attempts/{id}/coach",
    {
        "summary": "A coach's note on an attempt and its best-take mark (JSON {note, best})",
        "parameters": [_ATTEMPT_ID],
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
            "200": {"description": "The attempt's note and mark", "content": _OBJECT},
            "403": error_response("A request from another origin"),
            "404": error_response("No such attempt"),
            "413": error_response("The note is too long"),
            "422": error_response("Neither a note nor a mark"),
        },
    },
)
@api
async def coach(state: AppState, request: Request) -> Response:
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
        with History(state.config.history_path) as db:
            if note is not None and not db.set_note(int(raw), note.strip()):
                return None
            if best is not None and not db.set_best(int(raw), best):
                return None
            return db.attempt(int(raw))

    a = await anyio.to_thread.run_sync(save)
    if a is None:
        raise ApiError(404, "no such attempt")
    return JSONResponse({"attempt": a.id, "note": a.note, "best": bool(a.best)})


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
            return delete_attempts(db, rep=rep)

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
