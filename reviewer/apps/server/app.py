"""`reviewer serve`: practise in the browser. Record, get the review in seconds, record again.

One page (GET /, page.py) and a small JSON API under /api/: reviews of uploads (reviews.py),
recordings streamed while they are made (stream_routes.py, the engine in streams.py), the rep's
history (history.py) and its own description (openapi.py). Starlette + uvicorn, the field's
standard small ASGI stack. Each resource module declares its routes once (routing.py); the
routing table and the OpenAPI document are both made from them here.

The model loads once when the app is made (`AppState`); every review runs in a worker thread
behind a limiter of one, so requests queue for the model while the event loop stays free for
the page, the history and other uploads. Any failure of one request is a JSON error for that
request, never the server's end (errors.py). Every request passes the `Guard` first (guard.py),
and every body is read through body.py, within its route's limits.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware

from reviewer.apps.server.body import CloseUnreadBodies
from reviewer.apps.server.config import ServerConfig
from reviewer.apps.server.errors import not_found
from reviewer.apps.server.guard import Guard
from reviewer.apps.server.history import routes as history_routes
from reviewer.apps.server.openapi import routes as openapi_routes
from reviewer.apps.server.page import routes as page_routes
from reviewer.apps.server.reviews import routes as review_routes
from reviewer.apps.server.routing import Endpoint, starlette_routes
from reviewer.apps.server.state import AppState
from reviewer.apps.server.stream_routes import routes as stream_routes

# Every route, in the order they are matched and described.
ENDPOINTS: list[Endpoint] = [
    *page_routes.endpoints,
    *review_routes.endpoints,
    *stream_routes.endpoints,
    *history_routes.endpoints,
    *openapi_routes.endpoints,
]


DEFAULT_CONFIG = ServerConfig()


def create_app(config: ServerConfig = DEFAULT_CONFIG) -> Starlette:
    """The ASGI app; loads the model now, so the first review is as quick as the rest."""
    state = AppState(config)
    state.endpoints = ENDPOINTS
    app = Starlette(
        routes=starlette_routes(ENDPOINTS, state),
        middleware=[Middleware(CloseUnreadBodies), Middleware(Guard, config=config)],
        exception_handlers={HTTPException: not_found},
    )
    app.state.practice = state
    return app
