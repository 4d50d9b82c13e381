"""A batch on a Dask cluster: each recording's bytes go to a worker, its review comes back as
JSON text that is parsed and checked before it is stored (results.py).

A cluster runs whatever code its clients send, and its workers see the recordings: it must be
the coach's team's own. Dask's TLS with certificates from the team's own authority keeps every
other client and worker out (each side shows a certificate the other checks); on top of that
the batch reads a result only as plain data (msgpack, never a pickle), so a worker that does
join can at worst spoil its own files' rows. Dask's own messages (a task's error, a worker's
warning) are still unpickled by its client, which is why the cluster must be private."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reviewer.apps.batch.jobs import BatchError, Job, Settings
from reviewer.apps.batch.results import NotAReview, Outcome, parse_outcome, short
from reviewer.apps.batch.workers import remote_review

# How the batch reads what the cluster sends back: plain data only. Not "pickle" (it runs code),
# nor "dask" (its header names the type as a pickle).
RESULT_DESERIALIZERS = ("msgpack",)


def too_large(size: int, max_bytes: int) -> str:
    return f"the file is too large ({size / 1e6:.1f} MB; at most {max_bytes / 1e6:g} MB)"


def read_recording(path: str, max_bytes: int | None) -> bytes:
    """A recording's bytes for a worker without the file, never more than `max_bytes` (the file
    may have grown since it was hashed); OSError or ValueError with the reason."""
    with open(path, "rb") as f:
        data = f.read(-1 if max_bytes is None else max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise ValueError(too_large(os.fstat(f.fileno()).st_size, max_bytes))
    return data


@dataclass(frozen=True)
class TlsFiles:
    """This machine's part of a TLS cluster: the team's certificate authority (PEM), this
    machine's certificate signed by it, and its private key (None: in the certificate's file)."""

    ca_file: str
    cert: str
    key: str | None = None


def security_for(scheduler: str, tls: TlsFiles | None):
    """Dask's Security for this scheduler: the certificates given, else Dask's own configuration
    (distributed.comm.tls.*, which Security() reads). BatchError where they cannot fit."""
    from distributed.security import Security

    if tls is not None:
        if not scheduler.startswith("tls://"):
            raise BatchError(f"{scheduler}: certificates are for a tls:// scheduler address")
        return Security(
            tls_ca_file=tls.ca_file, tls_client_cert=tls.cert, tls_client_key=tls.key, require_encryption=True
        )
    security = Security()
    if scheduler.startswith("tls://") and not (security.tls_ca_file and security.tls_client_cert):
        raise BatchError(
            f"{scheduler}: a TLS scheduler needs this machine's certificate: --tls-ca-file and --tls-cert "
            "(and --tls-key), or Dask's distributed.comm.tls configuration"
        )
    return security


def unencrypted_warning(scheduler: str | None) -> str | None:
    """A warning for a cluster reached without TLS beyond this machine: anyone on that network
    can run code on its workers, read the recordings, and answer in their place."""
    if not scheduler:
        return None
    from distributed.comm.addressing import get_address_host, parse_address

    try:
        scheme, _ = parse_address(scheduler)
        host = get_address_host(scheduler).strip("[]")
    except ValueError:
        return None  # Dask says what is wrong with it
    if scheme != "tcp" or host == "localhost" or _loopback(host):
        return None
    return (
        f"Warning: {scheduler}: an unencrypted cluster; anyone who can reach it can run code on it and see the "
        "recordings. Use tls:// with certificates (README, Security model)."
    )


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def execute_dask(
    jobs: list[Job], settings: Settings, scheduler: str | None, max_bytes: int | None, tls: TlsFiles | None = None
) -> Iterator[tuple[Job, Outcome]]:
    """Each recording's bytes go to the cluster (scattered to a worker, not through the task
    graph), so a worker on another machine needs no shared disk; it keeps its model loaded
    between tasks (`workers._init_worker`). Files are read only as workers are free for them: twice
    the cluster's threads in flight, so the batch never holds more than that many recordings."""
    try:
        from distributed import as_completed
    except ImportError:
        raise BatchError("--executor dask needs the dask extra: pip install 'reviewer[dask]'") from None
    if not scheduler:
        raise BatchError("--executor dask needs --scheduler ADDRESS (e.g. tls://10.0.0.5:8786)")
    with _connect(scheduler, security_for(scheduler, tls)) as client, _quiet_refusals():
        todo = iter(jobs)
        in_flight: dict = {}  # future -> (job, the scattered bytes, released once reviewed)
        finished = as_completed(loop=client.loop)
        while True:
            window = max(2, 2 * sum(client.nthreads().values()))  # workers may join or leave
            while len(in_flight) < window and (job := next(todo, None)) is not None:
                try:
                    data = read_recording(job.file, max_bytes)
                except OSError as exc:  # gone since it was hashed: never sent
                    yield job, (None, str(exc.strerror or exc), 0.0)
                    continue
                except ValueError as exc:  # grown past the cap since it was hashed
                    yield job, (None, str(exc), 0.0)
                    continue
                blob = client.scatter(data, hash=False)
                fut = client.submit(remote_review, job.file, settings, blob, job.profile, pure=False)
                in_flight[fut] = (job, blob)
                finished.add(fut)
            if not in_flight:
                return
            fut = next(finished)
            job, _ = in_flight.pop(fut)
            yield job, received(fut)


@contextmanager
def _quiet_refusals() -> Iterator[None]:
    """Dask logs a result it refuses to read with a traceback; here it is the file's error row."""
    logger = logging.getLogger("distributed.protocol.core")
    logger.addFilter(_drop)
    try:
        yield
    finally:
        logger.removeFilter(_drop)


def _drop(record: logging.LogRecord) -> bool:
    return False


def _connect(scheduler: str, security):
    """A client that reads results as plain data only; BatchError, one line, where it cannot
    connect (no such scheduler, a certificate it refuses or that this machine lacks)."""
    from distributed import Client

    try:
        return Client(scheduler, security=security, deserializers=list(RESULT_DESERIALIZERS), set_as_default=False)
    except Exception as exc:  # whatever the network or TLS says: the batch cannot start
        raise BatchError(
            f"{scheduler}: cannot use the Dask scheduler ({type(exc).__name__}: {short(str(exc))})"
        ) from None


def received(fut) -> Outcome:
    """A finished task's outcome, accepted only once it parses as a review: anything else (no
    result, a result in another encoding, one that is not a review) is that file's error."""
    try:
        text = fut.result()
    except Exception as exc:
        return None, f"the cluster sent no result ({type(exc).__name__}: {short(str(exc))})", 0.0
    finally:
        fut.release()
    try:
        return parse_outcome(text)
    except NotAReview as exc:
        return None, f"the cluster's result is not a review: {exc}", 0.0
