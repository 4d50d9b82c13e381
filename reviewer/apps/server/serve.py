"""Running the app (`serve`): uvicorn with the header deadline and the connection cap, who may
connect to a server on a given address (`access_config`), and the token kept out of the log."""

from __future__ import annotations

import dataclasses
import logging
import re

from reviewer.apps.server.app import create_app
from reviewer.apps.server.config import ServerConfig
from reviewer.apps.server.guard import fully_unquoted, guarded_protocol, host_name, is_loopback, is_token_key

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
LOGGERS = ("uvicorn.access", "uvicorn.error", "reviewer", "reviewer.server")  # every one that logs a request
_QUERY_PAIR = re.compile(r"([?&;])([^=&;\s\"]*)=([^&;\s\"]*)")


def access_config(
    config: ServerConfig, host: str, token: str | None, extra_hosts: tuple[str, ...] = (), lan: bool = False
) -> ServerConfig:
    """Who may use a server listening on `host`: on loopback, this machine under its loopback
    names; beyond it (or with `lan`), the token holders, under this machine's names, IP literals
    and `extra_hosts`."""
    import socket

    bound = host_name(host if not (":" in host and not host.startswith("[")) else f"[{host}]")
    names = {*LOOPBACK_NAMES, *(h.lower() for h in extra_hosts)}
    if is_loopback(host) and not lan:
        return dataclasses.replace(config, allowed_hosts=tuple(sorted(names | {bound})), token=token)
    hostname = socket.gethostname().lower()  # no DNS: the kernel's name for this machine
    names |= {hostname, f"{hostname}.local", bound} - {"0.0.0.0", "[::]"}
    return dataclasses.replace(config, allowed_hosts=tuple(sorted(names)), allow_ip_hosts=True, token=token)


def redacted(text: str, token: str | None) -> str:
    """`text` with the token hidden: the value of every query pair whose key names the token
    however it is spelled (`%74oken`, `TOKEN`), of any pair whose decoded value holds the token,
    and the token itself wherever it stands."""

    def pair(match: re.Match) -> str:
        start, key, value = match.groups()
        if is_token_key(key) or (token and token in fully_unquoted(value)):
            return f"{start}{key}=***"
        return match.group(0)

    text = _QUERY_PAIR.sub(pair, text)
    return text.replace(token, "***") if token else text


class TokenRedaction(logging.Filter):
    """The token is printed once, at start; every log line after shows `***` in its place."""

    def __init__(self, token: str | None):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redacted(record.msg, self.token)
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(redacted(a, self.token) if isinstance(a, str) else a for a in record.args)
        return True


def serve(
    config: ServerConfig,
    host: str = "127.0.0.1",
    port: int = 8000,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Run the app with uvicorn until interrupted (the model loads first, then the port opens).
    `config` comes through `access_config` (the CLI does it)."""
    import uvicorn

    if config.allowed_hosts is None:  # called without access_config: the rules for `host`, no token
        config = access_config(config, host, config.token)
    ours = logging.getLogger("reviewer")
    if not ours.handlers:  # our lines beside uvicorn's, in its style: "INFO:     ..."
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        ours.addHandler(handler)
        ours.setLevel(logging.INFO)
    app = create_app(config)
    redaction = TokenRedaction(config.token)
    for name in LOGGERS:
        logging.getLogger(name).addFilter(redaction)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        http=guarded_protocol(config.header_timeout_s),
        limit_concurrency=config.max_connections,
        timeout_keep_alive=5,
    )
