"""Each route declared once: its method, path, handler and OpenAPI operation, side by side.

A resource module makes a `Routes` and declares its handlers with `@routes.declare(...)`; the
app's Starlette routing table (`starlette_routes`) and its OpenAPI document (openapi.py) are both
made from those declarations, so a route cannot be served undescribed or described unserved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

Handler = Callable[..., Awaitable[Response]]  # (the app's shared state, the request) -> the answer


@dataclass(frozen=True)
class Endpoint:
    """One route: `handler(state, request)` answers `method` on `path`, as `operation` says.

    `operation` is its OpenAPI 3.1 operation object (summary, parameters, request body,
    responses), served as it stands at /api/openapi.json."""

    method: str
    path: str
    handler: Handler
    operation: dict


class Routes:
    """One resource's endpoints, in the order they are declared (the order they are matched
    in, and listed in the OpenAPI document)."""

    def __init__(self) -> None:
        self.endpoints: list[Endpoint] = []

    def declare(self, method: str, path: str, operation: dict) -> Callable[[Handler], Handler]:
        def add(handler: Handler) -> Handler:
            self.endpoints.append(Endpoint(method, path, handler, operation))
            return handler

        return add


def error_response(description: str) -> dict:
    """An OpenAPI response whose body is {"error": reason}."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def starlette_routes(endpoints: list[Endpoint], state) -> list[Route]:
    """Starlette's routing table: each endpoint's handler, given the app's shared state."""

    def bound(handler: Handler):
        async def endpoint(request: Request) -> Response:
            return await handler(state, request)

        return endpoint

    return [Route(e.path, bound(e.handler), methods=[e.method], name=e.handler.__name__) for e in endpoints]
