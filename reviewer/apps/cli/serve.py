"""`reviewer serve`: the practice page (reviewer.apps.server) on a host and port, with its access
rules (a token beyond loopback), limits and timeouts from the command line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from reviewer.apps.cli.errors import EXIT_FAILED, error_line, fail
from reviewer.apps.cli.options import CONFIG, DB, THREADS, model_options
from reviewer.recognition.models import ModelError, UnknownModelError
from reviewer.settings import ConfigError, load_config
from reviewer.storage.history import HistoryError

TOKEN_ENV = "REVIEWER_TOKEN"  # the access token from the environment (not the process list)


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 serves a LAN (then a token is required, printed at start).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@model_options
@CONFIG
@THREADS
@DB
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Recordings go to DIR/recordings [default: next to the history database].",
)
@click.option("--max-upload-mb", type=click.FloatRange(min=0.01), default=20.0, show_default=True)
@click.option(
    "--max-seconds",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Longest recording accepted; decoding stops there.",
)
@click.option(
    "--ssl-certfile",
    type=click.Path(dir_okay=False, exists=True),
    help="HTTPS certificate: browsers allow the microphone only on https or localhost.",
)
@click.option("--ssl-keyfile", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False),
    help="Read the access token from this file (kept out of the process list, unlike --token).",
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    show_envvar=True,
    help="The access token [default: a random one when listening beyond loopback, none on loopback]. "
    f"Prefer ${TOKEN_ENV} or --token-file: every local user can read a command line.",
)
@click.option("--no-token", is_flag=True, help="No token even beyond loopback (only on a network you trust).")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Another host name reps use to reach the server (this machine's name and IP addresses are allowed).",
)
@click.option(
    "--timeouts",
    nargs=2,
    type=click.FloatRange(min=0.1),
    default=(10.0, 30.0),
    show_default=True,
    help="Seconds a client may take to send its request headers (and a small body whole: a note, a "
    "streamed piece), and may leave any body silent.",
)
@click.option(
    "--upload-deadline",
    type=click.FloatRange(min=0.1),
    default=120.0,
    show_default=True,
    help="Seconds an upload's whole body may take to arrive, however slowly it trickles.",
)
@click.option(
    "--max-connections",
    type=click.IntRange(min=2),
    default=48,
    show_default=True,
    help="Concurrent connections; a request beyond them gets 503 at once.",
)
@click.option(
    "--max-streams",
    type=click.IntRange(min=0),
    default=4,
    show_default=True,
    help="Recordings the page may stream while they are made (the review is then ready soon after Stop); "
    "beyond them, and with 0, the page uploads after Stop.",
)
@click.option(
    "--stream-idle",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a stream may send nothing before it is dropped and its audio freed.",
)
@click.option(
    "--stream-lifetime",
    type=click.FloatRange(min=0.1),
    help="Seconds a stream may stay open, however busy [default: --max-seconds + 60].",
)
@click.option("--as-lan", is_flag=True, hidden=True, help="Apply the beyond-loopback rules on loopback (tests).")
def serve(
    host,
    port,
    model,
    device,
    language,
    config_path,
    threads,
    db_path,
    data_dir,
    max_upload_mb,
    max_seconds,
    ssl_certfile,
    ssl_keyfile,
    token_file,
    token,
    no_token,
    allowed_hosts,
    timeouts,
    upload_deadline,
    max_connections,
    max_streams,
    stream_idle,
    stream_lifetime,
    as_lan,
) -> None:
    """Practise in the browser: record, review, retry (open http://HOST:PORT)."""
    import socket

    from reviewer.apps.server import ServerConfig, access_config
    from reviewer.apps.server import serve as run_server

    token, beyond = _token(host, *_given_token(token, token_file), no_token, as_lan)
    try:
        settings = load_config(config_path)
    except ConfigError as exc:
        fail(str(exc))
    config = ServerConfig(
        model=model,
        device=device,
        language=None if language == "auto" else language,
        cpu_threads=threads,
        thresholds=settings.thresholds,
        detection=settings.detection,
        db_path=Path(db_path) if db_path else None,
        data_dir=Path(data_dir) if data_dir else None,
        max_upload_bytes=int(max_upload_mb * 1_000_000),
        max_duration_s=max_seconds,
        header_timeout_s=timeouts[0],
        body_timeout_s=timeouts[1],
        upload_deadline_s=upload_deadline,
        max_connections=max_connections,
        max_streams=max_streams,
        stream_idle_s=stream_idle,
        stream_lifetime_s=stream_lifetime,
    )
    config = access_config(config, host, None if no_token else token, tuple(allowed_hosts), lan=as_lan)
    shown = socket.gethostname() if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    link = f"{'https' if ssl_certfile else 'http'}://{shown}:{port}/" + (f"?token={token}" if config.token else "")
    click.echo(
        f"Loading the {model} model; then open {link} "
        f"(history {config.history_path}, recordings in {config.recordings_dir}).",
        err=True,
    )
    if beyond and not config.token:
        click.echo("Warning: no token: anyone who can reach this port can read and change every rep's data.", err=True)
    try:
        run_server(config, host, port, ssl_certfile, ssl_keyfile)
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, RuntimeError) as exc:
        fail_start(model, str(exc))
    except HistoryError as exc:  # its reason names the database
        fail(str(exc), EXIT_FAILED)
    except OSError as exc:  # the recordings folder, the history's folder, the certificate
        fail_start(exc.filename or f"{host}:{port}", exc.strerror or str(exc))


def fail_start(what: str, reason: str) -> None:
    """`Error: WHAT: reason` for what could not start: the model, a folder, a file."""
    click.echo(error_line(str(what), reason), err=True)
    sys.exit(EXIT_FAILED)


def _given_token(token: str | None, token_file: str | None) -> tuple[str | None, str]:
    """(the token from --token-file, $REVIEWER_TOKEN or --token, where it came from)."""
    from click.core import ParameterSource

    on_command_line = click.get_current_context().get_parameter_source("token") is ParameterSource.COMMANDLINE
    if token_file is not None:
        if on_command_line:
            fail("--token and --token-file contradict each other")
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeError) as exc:
            fail(f"{token_file}: {getattr(exc, 'strerror', None) or exc}")
        return token, f"the token in {token_file}"
    return token, "--token" if on_command_line else f"${TOKEN_ENV}"


def _token(host: str, token: str | None, source: str, no_token: bool, as_lan: bool) -> tuple[str | None, bool]:
    """(the access token, whether the server listens beyond loopback): the one given (from
    `source`) checked, and warned about when it is on the command line, which every local user
    can read; else a random one beyond loopback unless --no-token."""
    import secrets

    from reviewer.apps.server import is_loopback

    if token and no_token:
        fail(f"{source} and --no-token contradict each other")
    if token is not None and not re.fullmatch(r"[A-Za-z0-9._~-]{8,}", token):
        fail(f"{source} must be at least 8 characters, letters, digits and . _ ~ - only (it goes in a link)")
    if source == "--token":
        click.echo(
            f"Warning: --token is visible to every local user in the process list; use --token-file or ${TOKEN_ENV}.",
            err=True,
        )
    beyond = as_lan or not is_loopback(host)
    if not no_token and token is None and beyond:
        token = secrets.token_urlsafe(24)
    return token, beyond
