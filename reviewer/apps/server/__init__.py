"""The practice server (`reviewer serve`): HTTP requests enter from the practice page and from
API clients (uploaded or streamed recordings, a rep's name, a goal and a script, history queries
and edits, all through the `Guard`'s host, token and same-origin checks); reviews, the rep's
history, stream states and the OpenAPI description leave as JSON, and the practice page and its
script as HTML and JavaScript. Each resource has its module (page, reviews, stream_routes,
history, openapi), its routes declared once (routing); `create_app` wires them, `serve` runs
them under uvicorn."""

from reviewer.apps.server.app import create_app
from reviewer.apps.server.config import RECORDING_ID, ServerConfig
from reviewer.apps.server.guard import host_name, is_loopback
from reviewer.apps.server.reviews import pitch_contour
from reviewer.apps.server.serve import access_config, serve

__all__ = [
    "RECORDING_ID",
    "ServerConfig",
    "access_config",
    "create_app",
    "host_name",
    "is_loopback",
    "pitch_contour",
    "serve",
]
