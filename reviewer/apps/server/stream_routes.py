"""/api/streams: the recording sent in pieces while the rep speaks (the engine: streams.py).

Background reviews of the recording so far fill the session's memo while no review wants the
model; the review after Stop is an upload's review of the same bytes, run through it
(reviews.answer)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from reviewer.apps.server.body import read_body, read_form
from reviewer.apps.server.config import (
    MAX_FORM_OVERHEAD,
    MAX_REP_CHARS,
    MAX_SCRIPT_CHARS,
    MAX_STREAM_PIECE_BYTES,
    BodyLimit,
    ServerConfig,
)
from reviewer.apps.server.errors import ApiError, api
from reviewer.apps.server.reviews import answer, form_fields
from reviewer.apps.server.routing import Routes, error_response
from reviewer.apps.server.state import AppState
from reviewer.apps.server.streams import NO_SUCH_STREAM
from reviewer.apps.server.uploads import display_name, save_part_bytes
from reviewer.rubric import GOALS
from reviewer.sound.decode import AudioError, load_audio

_STREAM_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}

routes = Routes()


@routes.declare(
    "POST",
    "/api/streams",
    {
        "summary": "Start streaming a recording while it is made (the page does after Record); "
        "send its pieces in order, then ask for the review",
        "responses": {
            "200": {
                "description": "The stream's `id` and its limits (`max_bytes`, `max_seconds`)",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "403": error_response("A request from another origin"),
            "503": error_response("As many streams as the server takes are open; upload after Stop instead"),
        },
    },
)
@api
async def open_stream(state: AppState, request: Request) -> Response:
    session = state.streams.open(state.transcriber)
    c = state.config
    return JSONResponse({"id": session.id, "max_bytes": c.max_upload_bytes, "max_seconds": c.max_duration_s})


@routes.declare(
    "POST",
    "/api/streams/{id}/chunks/{seq}",
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
            "403": error_response("A request from another origin"),
            "404": error_response("No such stream (ended, or idle too long)"),
            "408": error_response("The piece stalled, or took too long to arrive"),
            "409": error_response("Not the piece expected next"),
            "413": error_response("The recording is over the size limit (the stream ends)"),
            "422": error_response("The recording is over the duration limit (the stream ends)"),
        },
    },
)
@api
async def stream_chunk(state: AppState, request: Request) -> Response:
    session = state.streams.get(request.path_params["id"])
    raw = request.path_params["seq"]
    if not (raw.isascii() and raw.isdigit() and len(raw) < 9):
        raise ApiError(404, "no such piece: pieces are numbered 0, 1, 2, ...")
    try:
        data = await read_body(request, piece_limit(state.config, len(session.buffer)))
    except ApiError as exc:
        if exc.status == 413:  # over a cap: the stream ends, its audio is freed
            state.streams.drop(session)
        raise
    if session.closed:
        raise ApiError(404, NO_SUCH_STREAM)
    state.streams.append(session, int(raw), data)
    return JSONResponse({"chunks": session.next_seq, "bytes": len(session.buffer)})


def piece_limit(config: ServerConfig, held_bytes: int) -> BodyLimit:
    """A piece is small and due promptly; it may not take the recording over the upload cap."""
    room = config.max_upload_bytes - held_bytes
    if room < MAX_STREAM_PIECE_BYTES:
        return dataclasses.replace(config.small_body("the recording", room), shown_bytes=config.max_upload_bytes)
    return config.small_body("the piece", MAX_STREAM_PIECE_BYTES)


@routes.declare(
    "POST",
    "/api/streams/{id}/review",
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
                "description": "As `POST /api/review`, plus `stream`: pieces, what ran before Stop (the "
                "`background_reviews` that ran a model call, finished or given up at Stop, the finished ones, "
                "and their `background_model_calls`), and the model calls after Stop answered from that work "
                "(`model_calls_reused`) or run (`model_calls_run`)",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}},
            },
            "400": error_response("Not a readable form"),
            "403": error_response("A request from another origin"),
            "404": error_response("No such stream (ended, or idle too long)"),
            "408": error_response("The form stalled, or took too long to arrive"),
            "413": error_response("The recording (or the script) is over the size limit"),
            "422": error_response("Not reviewable: not audio, empty, too short, too long, no speech, no rep, bad goal"),
            "500": error_response("The review failed; the server logged why"),
            "503": error_response("Too many reviews already waiting"),
        },
    },
)
@api
async def stream_review(state: AppState, request: Request) -> Response:
    """Stop: review the streamed recording as an upload of the same bytes, with the session's memo."""
    session = state.streams.get(request.path_params["id"])
    with state.queue_place():
        form = await read_form(request, state.config.small_body("the review's form", MAX_FORM_OVERHEAD))
        try:
            rep, goal, script = form_fields(form)
            name = display_name(str(form.get("name") or "") or None)
        finally:
            await form.close()
        if session.closed:  # ended while the form arrived
            raise ApiError(404, NO_SUCH_STREAM)
        if session.failed is not None:
            failed = session.failed
            state.streams.drop(session)
            raise failed
        if not session.buffer:
            state.streams.drop(session)
            raise ApiError(422, "file is empty (0 bytes)")
        state.streams.close(session)  # no more pieces; a background review may still finish
        part = await anyio.to_thread.run_sync(save_part_bytes, state.recordings, bytes(session.buffer))
        session.buffer = bytearray()
        keep, audio = session.running, None
        if keep is not None:
            # Wait for it only if it is reviewing the speech the real review will decode,
            # with the whole recording in place of the silence it supposed.
            final = await anyio.to_thread.run_sync(decoded_speech, state.config, part)
            audio = final[0] if final is not None else None
            if final is not None and final[1] == keep.chunks:
                keep.fill(final[0].samples)
            else:
                keep = None
        state.streams.preempt(keep)
        chunks = session.next_seq

        def extra() -> dict:  # read after the review: the kept background review ends first
            return {"chunks": chunks, **session.early_work()}

        try:
            return await answer(state, request, part, name, rep, goal, script, session.transcriber, extra, audio)
        finally:
            state.streams.drop(session)


def decoded_speech(config: ServerConfig, part: Path):
    """(the decoded recording, the speech faster-whisper's VAD keeps of it), or None."""
    from reviewer.recognition.vad import whisper_vad_chunks

    try:
        audio = load_audio(part, max_duration=config.max_duration_s)
    except AudioError:
        return None
    return audio, tuple(whisper_vad_chunks(audio.samples))


@routes.declare(
    "GET",
    "/api/streams/{id}",
    {
        "summary": "A stream's state: pieces, bytes, seconds decoded, background reviews done",
        "parameters": [_STREAM_ID],
        "responses": {
            "200": {"description": "The state", "content": {"application/json": {"schema": {"type": "object"}}}},
            "404": error_response("No such stream"),
        },
    },
)
@api
async def stream_status(state: AppState, request: Request) -> Response:
    return JSONResponse(state.streams.get(request.path_params["id"]).status())


@routes.declare(
    "DELETE",
    "/api/streams/{id}",
    {
        "summary": "End a stream and forget its audio (the page does when it uploads instead)",
        "parameters": [_STREAM_ID],
        "responses": {
            "200": {"description": "Ended", "content": {"application/json": {"schema": {"type": "object"}}}},
            "403": error_response("A request from another origin"),
            "404": error_response("No such stream"),
        },
    },
)
@api
async def close_stream(state: AppState, request: Request) -> Response:
    state.streams.drop(state.streams.get(request.path_params["id"]))
    return JSONResponse({"deleted": True})
