"""GET /api/openapi.json: the API's OpenAPI 3.1 description, made from the routes themselves
(each `Endpoint`'s operation, routing.py), with the schemas they refer to."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from reviewer.apps.server.errors import api
from reviewer.apps.server.routing import Endpoint, Routes
from reviewer.apps.server.state import AppState

INFO = {
    "title": "reviewer practice server",
    "version": "1",
    "description": "Review practice sales voicemails: upload, review, history. Beyond loopback every "
    "request needs the server's token (cookie `reviewer_token`, `Authorization: Bearer TOKEN`, or "
    "`?token=`); state-changing requests from another origin are refused.",
}
REVIEW_SCHEMA = {
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
}
SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "Review": REVIEW_SCHEMA,
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


def openapi_document(endpoints: list[Endpoint]) -> dict:
    """The OpenAPI document of these endpoints: one path item per path, one operation per method."""
    paths: dict = {}
    for e in endpoints:
        paths.setdefault(e.path, {})[e.method.lower()] = e.operation
    return {"openapi": "3.1.0", "info": INFO, "paths": paths, "components": {"schemas": SCHEMAS}}


routes = Routes()


@routes.declare(
    "GET",
    "/api/openapi.json",
    {
        "summary": "This description",
        "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
    },
)
@api
async def openapi(state: AppState, request: Request) -> Response:
    return JSONResponse(openapi_document(state.endpoints))
