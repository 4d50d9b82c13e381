"""Who may use the server (`Guard`): a Host allow-list (DNS rebinding), a token when the server
listens beyond loopback, and no state change from another origin (Origin / Sec-Fetch-Site); and
a deadline for each request's headers (`guarded_protocol`, slowloris)."""

from __future__ import annotations

import ipaddress
import json
import re
import secrets
from http.cookies import SimpleCookie
from urllib.parse import unquote_plus

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from reviewer.apps.server.config import ServerConfig
from reviewer.apps.server.errors import error

TOKEN_COOKIE = "reviewer_token"
TOKEN_PARAM = "token"  # the printed link's query key
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header or an Origin's netloc, without the port ("[::1]:8000" -> "[::1]")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def fully_unquoted(text: str) -> str:
    """`text` percent-decoded until it no longer changes (a few rounds at most)."""
    for _ in range(4):
        decoded = unquote_plus(text)
        if decoded == text:
            break
        text = decoded
    return text


def is_token_key(raw_key: str) -> bool:
    """Whether a query key names the token, however it is spelled: percent-encoded (`%74oken`),
    in any case, padded. The guard accepts, and the log hides, every such spelling alike."""
    return fully_unquoted(raw_key).strip().casefold() == TOKEN_PARAM


def query_tokens(query_string: str) -> list[str]:
    """The values of the query's pairs whose key names the token."""
    pairs = (pair.partition("=") for pair in re.split("[&;]", query_string))
    return [unquote_plus(value) for key, sep, value in pairs if sep and is_token_key(key)]


def _ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return False


class Guard:
    """ASGI middleware in front of every route: Host allow-list, token, same-origin writes.

    A DNS-rebinding page reaches us under its own name, so a Host outside the allow-list is
    refused (an IP literal cannot be rebound, so a LAN server may accept those). The token
    (printed once at start, as Jupyter does) arrives as ?token= on the first visit, which sets an
    HttpOnly SameSite=Strict cookie; API clients may send `Authorization: Bearer TOKEN`. A
    browser marks cross-site requests with Origin and Sec-Fetch-Site: a state-changing one from
    another origin is refused even with the cookie."""

    def __init__(self, app, config: ServerConfig):
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        refusal = self.refusal(request)
        if refusal is not None:
            if not request.url.path.startswith("/api/"):  # a person at the page: plain words, not JSON
                refusal = PlainTextResponse(json.loads(refusal.body)["error"], status_code=refusal.status_code)
            return await refusal(scope, receive, send)
        query_token = query_tokens(scope.get("query_string", b"").decode("latin-1"))
        if self.config.token and query_token and request.method == "GET" and request.url.path == "/":
            # First visit by the printed link: keep the token in a cookie, out of the address bar and history.
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(
                TOKEN_COOKIE,
                self.config.token,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path="/",
            )
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)

    def refusal(self, request: Request) -> Response | None:
        c = self.config
        host = host_name(request.headers.get("host", ""))
        if c.allowed_hosts is not None and host not in c.allowed_hosts:
            if not (c.allow_ip_hosts and _ip_literal(host)):
                return error(400, f"this server does not answer to the host name {host!r}")
        if c.token and not self._has_token(request):
            return error(
                401, "a token is required: open the link the server printed at start (http://HOST:PORT/?token=...)"
            )
        if request.method in UNSAFE_METHODS:
            site = request.headers.get("sec-fetch-site")
            origin = request.headers.get("origin")
            if site is not None and site not in ("same-origin", "none"):
                return error(403, f"cross-origin request refused (Sec-Fetch-Site: {site})")
            if origin is not None:
                netloc = origin.split("://", 1)[-1]
                if origin == "null" or netloc.lower() != request.headers.get("host", "").lower():
                    return error(403, "cross-origin request refused (Origin does not match this server)")
        return None

    def _has_token(self, request: Request) -> bool:
        token = self.config.token or ""
        offered = query_tokens(request.scope.get("query_string", b"").decode("latin-1"))
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            offered.append(auth[7:].strip())
        cookie = SimpleCookie()
        try:
            cookie.load(request.headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is no token
            pass
        if TOKEN_COOKIE in cookie:
            offered.append(cookie[TOKEN_COOKIE].value)
        return any(secrets.compare_digest(o.encode(), token.encode()) for o in offered if o)


def guarded_protocol(header_timeout_s: float):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's headers: a client that
    connects and sends nothing, or headers a byte at a time, is cut off (slowloris). uvicorn
    itself waits for headers indefinitely (its keep-alive timer stops at the first byte)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadline(H11Protocol):
        deadline = None

        def _arm(self) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            self.deadline = self.loop.call_later(header_timeout_s, self._expire)

        def _expire(self) -> None:
            self.deadline = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()  # the headers did not come in time

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE and self.deadline is not None:
                self.deadline.cancel()  # the headers are in
                self.deadline = None

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()  # the next request on this connection gets its own deadline

        def connection_lost(self, exc) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            super().connection_lost(exc)

    return HeaderDeadline
