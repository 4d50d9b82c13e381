"""POST /api/review: one uploaded recording reviewed, kept and stored in the rep's history.

An upload waits for the model only if the queue has room, is decoded once, as audio only, and
no further than the duration cap (a 100 kB FLAC can hold hours), and is kept under a name the
server chooses. The review runs in a worker thread behind the model's limiter of one, so the
event loop stays free; a review whose client has gone is dropped, and leaves no recording.
A stream's review after Stop (stream_routes.py) ends the same way, through `answer`."""

from __future__ import annotations

import logging
import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import anyio
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from reviewer.apps.practised import NoSuchScript, ScriptNameTaken, script_for_page
from reviewer.apps.server.body import read_form
from reviewer.apps.server.config import MAX_REP_CHARS, MAX_SCRIPT_CHARS
from reviewer.apps.server.errors import ApiError, ClientGone, api, log_failure
from reviewer.apps.server.routing import Routes, error_response
from reviewer.apps.server.state import AppState
from reviewer.apps.server.uploads import (
    checked_rep,
    detected_suffix,
    display_name,
    save_part,
    watch_client,
)
from reviewer.record.summary import summary_of
from reviewer.rubric import GOALS
from reviewer.sound.decode import AudioError, load_audio
from reviewer.storage.history import History, record_review

log = logging.getLogger("reviewer.server")

PITCH_HOP_S = 0.05  # s between points of the pitch contour sent to the page

routes = Routes()


@routes.declare(
    "POST",
    "/api/review",
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
            "400": error_response("Not a readable form"),
            "408": error_response("The upload stalled, or took too long to arrive"),
            "413": error_response("The upload (or the script) is over the size limit"),
            "422": error_response("Not reviewable: not audio, empty, too short, too long, no speech, no rep, bad goal"),
            "500": error_response("The review failed; the server logged why"),
            "503": error_response("Too many reviews already waiting"),
        },
    },
)
@api
async def review(state: AppState, request: Request) -> Response:
    # The queue is checked before anything is stored or decoded, and the place is held
    # until the review is done: a burst beyond it costs a 503, not memory.
    with state.queue_place():
        return await _review_upload(state, request)


async def _review_upload(state: AppState, request: Request) -> Response:
    form = await read_form(request, state.config.upload_body())
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "no recording: send the audio as the multipart field 'file'")
        rep, goal, script = form_fields(form)
        name = display_name(upload.filename)
        part = await anyio.to_thread.run_sync(save_part, state.recordings, upload.file)
    finally:
        await form.close()
    state.streams.preempt()  # background reviews of streams give the model up
    return await answer(state, request, part, name, rep, goal, script)


@dataclass(frozen=True)
class ScriptChoice:
    """The script a form names (`name`) and/or pastes (`text`), checked; resolved against the
    stored scripts, and a pasted one stored, only once the recording decodes as audio."""

    name: str
    text: str


@dataclass(frozen=True)
class Reviewed:
    """What `review_part` found: the review, its summary and pitch contour, where to keep the
    recording, the model calls answered from a stream's memo and run, and the script practised."""

    review: dict
    summary: dict
    contour: list
    stored: Path
    reuse: dict
    script: tuple[str, str] | None  # (name, text)


def form_fields(form) -> tuple[str, str, ScriptChoice | None]:
    """(rep, goal, the script chosen or None) from an upload's or a stream's form; stores nothing."""
    rep = checked_rep(form.get("rep"))
    goal = str(form.get("goal") or "callback")
    if goal not in GOALS:
        raise ApiError(422, f"goal must be one of: {', '.join(GOALS)}")
    text = str(form.get("script") or "").strip()
    if len(text) > MAX_SCRIPT_CHARS:
        raise ApiError(413, f"the script is too long ({len(text)} characters; at most {MAX_SCRIPT_CHARS})")
    chosen = str(form.get("script_name") or "").strip()
    if len(chosen) > 80 or any(unicodedata.category(c)[0] == "C" for c in chosen):
        raise ApiError(422, "a script's name is at most 80 printable characters")
    return rep, goal, ScriptChoice(chosen, text) if (chosen or text) else None


async def answer(
    state: AppState,
    request: Request,
    part: Path,
    name: str,
    rep: str,
    goal: str,
    script: ScriptChoice | None,
    transcriber=None,
    extra=None,
    audio=None,
) -> Response:
    """Review the stored `part` when the model is free, keep it and answer: an upload's and
    a stream's last step (`transcriber`: the stream's, with its memo; `audio`: `part`
    decoded already; `extra()`: a stream's figures, read once the review is done)."""
    gone = threading.Event()
    result, failure = None, None
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(watch_client, request, gone, tg.cancel_scope)
            try:
                result = await anyio.to_thread.run_sync(
                    review_part, state, part, goal, script, gone, transcriber, audio, limiter=state.model_limiter()
                )
            except Exception as exc:  # raised below, outside the task group (not as a group)
                failure = exc
            tg.cancel_scope.cancel()
        if failure is not None:
            raise failure
        if gone.is_set() or result is None:
            raise ClientGone("the client went away; its review was dropped")
        stored = result.stored
        os.replace(part, stored)  # kept only now: a dropped review leaves no recording behind
    finally:
        part.unlink(missing_ok=True)
    recording = {"id": stored.name, "url": f"/api/recordings/{stored.name}", "name": name}
    stored_review = dict(result.review, recording={"id": stored.name, "name": name})
    history_path = state.config.history_path
    script_name = result.script[0] if result.script else None
    history = await anyio.to_thread.run_sync(record_attempt, history_path, stored_review, rep, script_name)
    if history["attempt"] is None:  # no row to reach it by: a recording kept now could never be deleted
        stored.unlink(missing_ok=True)
        recording = None
    body = dict(
        result.review,
        file=name,
        recording=recording,
        history=history,
        pitch_contour={"hop_s": PITCH_HOP_S, "st": result.contour},
        summary=result.summary,
    )
    if extra is not None:
        body["stream"] = dict(extra(), **result.reuse)
    return JSONResponse(body)


def review_part(
    state: AppState,
    part: Path,
    goal: str,
    choice: ScriptChoice | None,
    gone: threading.Event,
    transcriber=None,
    audio=None,
) -> Reviewed | None:
    """Decode once (stopping at the duration cap), then resolve the script (a recording that is
    not audio stores nothing), and review; None if the client went away meanwhile. Runs in a
    worker thread, one at a time. `transcriber` is a stream's (the shared model behind its
    memo); `audio` is `part` decoded already (with the same cap), when it was."""
    if gone.is_set():
        return None
    c = state.config
    try:
        audio = audio if audio is not None else load_audio(part, max_duration=c.max_duration_s)
        suffix = detected_suffix(part)
    except AudioError as exc:
        raise ApiError(422, str(exc)) from None
    if gone.is_set():
        return None
    script = script_from_form(c.history_path, choice.name, choice.text) if choice is not None else None
    reviewer = state.reviewer(goal, script, transcriber)
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
        contour = pitch_contour(review.signal or audio, (data.get("tonality") or {}).get("pitch_median_hz"), regions)
    except Exception:  # a chart is not worth losing the review for
        log.exception("pitch contour of %s failed", part.name)
        contour = []
    return Reviewed(data, summary_of(data, c.thresholds).to_dict(), contour, stored, reuse, script)


def script_from_form(history_path: Path, name: str, text: str) -> tuple[str, str]:
    """(name, text) of the script practised, from a form's `script_name` and `script`, resolved as
    the command line resolves `--script` (apps/practised.py); an unknown name is a 422, a name
    taken by another text a 409."""
    try:
        return script_for_page(history_path, name, text)
    except NoSuchScript as exc:
        raise ApiError(422, str(exc)) from None
    except ScriptNameTaken as exc:
        raise ApiError(409, str(exc)) from None


def record_attempt(history_path: Path, review: dict, rep: str, script: str | None) -> dict:
    """Store the attempt; the history is a convenience, so a failure is a note, not an error."""
    try:
        with History(history_path) as db:
            done = record_review(db, review, rep, script)
    except Exception as exc:
        log_failure(f"could not store the review for {rep}", exc)
        return {"attempt": None, "previous": None, "line": None, "error": f"not stored in the history ({exc})"}
    prev = done.previous
    return {
        "attempt": done.attempt.id,
        "line": done.line,
        "previous": {"attempt": prev.id, "reviewed_at": prev.reviewed_at, "score": prev.score} if prev else None,
    }


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
