"""The practice page (GET /: inline CSS under a per-response nonce, nothing fetched from anywhere
but this server) and its scripts (GET /static/practice.js and /static/charts.js, files in the
package)."""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from reviewer.apps.server.routing import Routes
from reviewer.apps.server.state import AppState
from reviewer.rubric import GOALS
from reviewer.rubric.score import score_explanation

STATIC = Path(__file__).resolve().parent / "static"  # the page's script
TEMPLATES = Path(__file__).resolve().parents[2] / "present" / "templates"

routes = Routes()


@routes.declare(
    "GET",
    "/",
    {
        "summary": "The practice page: record, review, retry (HTML, self-contained)",
        "responses": {"200": {"description": "The page", "content": {"text/html": {}}}},
    },
)
async def page(state: AppState, request: Request) -> Response:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    nonce = secrets.token_urlsafe(16)
    c = state.config
    t = c.thresholds
    settings = {
        "goals": list(GOALS),
        "max_upload_bytes": c.max_upload_bytes,
        "max_duration_s": c.max_duration_s,
        "streaming": c.max_streams > 0,  # send the recording while it is made (stream_routes.py)
        "model": c.model,
        "pace": [t.pace_min_wpm, t.pace_max_wpm],
        "rushed_wpm": t.rushed_phrase_wpm,
        "dragging_wpm": t.dragging_phrase_wpm,
        "rising_st": t.rising_ending_st,
        "monotone_st": t.monotone_range_st,
    }
    html = env.get_template("practice.html.j2").render(nonce=nonce, settings=settings, score_note=score_explanation(t))
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


@routes.declare(
    "GET",
    "/static/practice.js",
    {
        "summary": "The practice page's script",
        "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {}}}},
    },
)
async def page_script(state: AppState, request: Request) -> Response:
    """The page's script, a file in the package (the page's CSP lets it run by its nonce)."""
    return _script("practice.js")


@routes.declare(
    "GET",
    "/static/charts.js",
    {
        "summary": "The practice page's charts (pace, pitch, the score over attempts)",
        "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {}}}},
    },
)
async def charts_script(state: AppState, request: Request) -> Response:
    """The page's charts, a file in the package, run by the page's nonce like its script."""
    return _script("charts.js")


def _script(name: str) -> Response:
    return FileResponse(
        STATIC / name,
        media_type="text/javascript; charset=utf-8",
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"},
    )
