"""The practice server as an attacker and an operator meet it: `reviewer serve` started as a user
would (a real uvicorn on 127.0.0.1, tiny.en), in the rules it applies beyond loopback (`--as-lan`:
a token, the Host list), spoken to over raw HTTP so every header is ours to choose.

One server for the module; its memory is read from /proc (VmHWM, the peak resident set)."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, write_wav

GOOD = SAMPLES / "good_callback.wav"
MAX_SECONDS = 60
HEADER_TIMEOUT_S, BODY_TIMEOUT_S = 2.0, 3.0
MAX_CONNECTIONS = 24
MAX_STREAMS, STREAM_IDLE_S = 2, 2.0


def flac_bomb(path: Path, hours: float = 1.0, declare_length: bool = False) -> Path:
    """Silence as FLAC: 1 h is about 180 kB. Without a declared length (STREAMINFO's total
    samples zeroed) nothing but decoding can tell how long it is."""
    block = np.zeros(16000 * 60, np.int16)
    with sf.SoundFile(str(path), "w", 16000, 1, subtype="PCM_16", format="FLAC") as f:
        for _ in range(int(hours * 60)):
            f.write(block)
    if not declare_length:
        data = bytearray(path.read_bytes())
        assert data[:4] == b"fLaC" and data[4] & 0x7F == 0  # STREAMINFO first
        data[21] &= 0xF0  # the 36-bit total-samples field: bytes 21 (low nibble) to 25 of the file
        data[22:26] = bytes(4)
        data[26:42] = bytes(16)  # its MD5, now meaningless
        path.write_bytes(bytes(data))
    return path


def rss_peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


class Server:
    def __init__(self, pid: int, port: int, root: Path, log: Path, token: str, trace: Path | None):
        self.pid, self.port, self.root, self.log, self.token, self.trace = pid, port, root, log, token, trace
        self.host = f"127.0.0.1:{port}"
        self.origin = f"http://{self.host}"

    def request(self, method, path, body=b"", headers=None, token=True, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = {"Host": self.host, **(headers or {})}
        if token:
            h.setdefault("Authorization", f"Bearer {self.token}")
        conn.request(method, path, body=body, headers=h)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, dict(response.getheaders()), data

    def upload(self, path: Path, rep: str = "sam", headers=None, token=True):
        body, ctype = multipart({"rep": rep}, path.read_bytes(), path.name)
        status, h, data = self.request(
            "POST", "/api/review", body, {"Content-Type": ctype, **(headers or {})}, token=token
        )
        return status, _json(data)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def _json(data: bytes):
    import json

    try:
        return json.loads(data)
    except ValueError:
        return {"raw": data[:200]}


def multipart(fields: dict, file_bytes: bytes, filename: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + file_bytes
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def audio(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("security-audio")
    data, rate = sf.read(str(GOOD), dtype="float32")
    return {
        "clip": write_wav(d / "clip.wav", data[: int(3.5 * rate)], rate),
        "bomb": flac_bomb(d / "bomb.flac"),
        "declared_bomb": flac_bomb(d / "declared.flac", declare_length=True),
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("secure-server")
    port = free_port()
    log = root / "server.log"
    exe = shutil.which("reviewer", path=str(Path(sys.executable).parent))
    cmd = [exe, "serve", "--host", "127.0.0.1", "--port", str(port), "--as-lan", "--model", "tiny.en"]
    cmd += ["--device", "cpu", "--db", str(root / "team" / "history.sqlite"), "--max-seconds", str(MAX_SECONDS)]
    cmd += ["--timeouts", str(HEADER_TIMEOUT_S), str(BODY_TIMEOUT_S), "--max-connections", str(MAX_CONNECTIONS)]
    cmd += ["--max-streams", str(MAX_STREAMS), "--stream-idle", str(STREAM_IDLE_S)]
    # Under strace when there is one: the server lives long enough (reviews, ~20 s) for a
    # library's background phone-home to show (onnxruntime's telemetry uploader resolves names
    # about 9 s after start), which a single short review would miss.
    trace = root / "trace.txt" if shutil.which("strace") else None
    if trace is not None:
        calls = "trace=connect,sendto,sendmsg,sendmmsg"
        cmd = [shutil.which("strace"), "-f", "--seccomp-bpf", "-e", calls, "-o", str(trace), *cmd]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    pid = proc.pid
    try:
        deadline = time.monotonic() + 120
        while "Uvicorn running" not in log.read_text(errors="replace"):
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        if trace is not None:  # the server is strace's child
            (pid,) = [int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        token = re.search(r"\?token=([A-Za-z0-9_-]+)", log.read_text()).group(1)
        yield Server(pid, port, root, log, token, trace)
    finally:
        os.kill(pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_the_token_is_required_beyond_loopback_and_printed_once(server):
    status, _, body = server.request("GET", "/api/reps", token=False)
    assert status == 401 and b"token is required" in body
    assert server.request("GET", "/", token=False)[0] == 401
    assert (
        server.request("GET", "/api/reps", headers={"Authorization": "Bearer wrong-token-123"}, token=False)[0] == 401
    )
    assert server.request("GET", "/api/reps")[0] == 200
    # the printed link: the token becomes an HttpOnly, SameSite=Strict cookie and leaves the address bar
    status, headers, _ = server.request("GET", f"/?token={server.token}", token=False)
    assert status == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"reviewer_token={server.token};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    status, _, page = server.request("GET", "/", headers={"Cookie": f"reviewer_token={server.token}"}, token=False)
    assert status == 200 and b"<html" in page
    assert server.log_text().count(server.token) == 1, "the token is printed once, never logged again"


def test_only_this_machines_names_are_served(server):
    """DNS rebinding: an attacker's name pointed at this machine is refused; IP literals are fine."""
    status, _, body = server.request("GET", "/api/reps", headers={"Host": f"rebind.attacker.test:{server.port}"})
    assert status == 400 and b"does not answer to the host name" in body
    assert server.request("GET", "/api/reps", headers={"Host": f"localhost:{server.port}"})[0] == 200
    assert server.request("GET", "/api/reps", headers={"Host": f"{socket.gethostname()}:{server.port}"})[0] == 200


def test_cross_origin_writes_are_refused_and_same_origin_ones_served(server, audio):
    cross = [
        {"Origin": "http://evil.test", "Sec-Fetch-Site": "cross-site"},  # a no-cors form post from a web page
        {"Origin": "http://evil.test"},
        {"Origin": "null"},  # a sandboxed frame or a file: page
        {"Sec-Fetch-Site": "same-site"},  # another port or subdomain of this host
    ]
    for headers in cross:
        status, body = server.upload(audio["clip"], rep="victim", headers=headers)
        assert status == 403 and "cross-origin request refused" in body["error"], headers
    status, _, body = server.request("GET", "/api/history?rep=victim")
    assert status == 200 and _json(body)["attempts"] == []
    status, body = server.upload(
        audio["clip"], rep="dana", headers={"Origin": server.origin, "Sec-Fetch-Site": "same-origin"}
    )
    assert status == 200, body
    assert body["history"]["attempt"] is not None and body["duration_s"] == pytest.approx(3.5, abs=0.05)


def test_files_are_private(server):
    team = server.root / "team"
    assert (team / "history.sqlite").stat().st_mode & 0o777 == 0o600
    recordings = team / "recordings"
    assert recordings.stat().st_mode & 0o777 == 0o700
    stored = list(recordings.iterdir())
    assert stored and all(p.stat().st_mode & 0o777 == 0o600 for p in stored)


def test_deleting_an_attempt_and_a_reps_data(server, audio):
    status, body = server.upload(audio["clip"], rep="erin")
    assert status == 200, body
    rid, attempt = body["recording"]["id"], body["history"]["attempt"]
    stored = server.root / "team" / "recordings" / rid
    assert stored.is_file()
    assert server.request("DELETE", f"/api/attempts/{attempt}", headers={"Origin": "http://evil.test"})[0] == 403
    assert stored.is_file()
    status, _, answer = server.request("DELETE", f"/api/attempts/{attempt}", headers={"Origin": server.origin})
    assert status == 200 and _json(answer) == {"deleted_attempts": 1, "deleted_recordings": 1}
    assert not stored.exists()
    assert server.request("GET", f"/api/recordings/{rid}")[0] == 404
    assert server.request("DELETE", f"/api/attempts/{attempt}")[0] == 404
    # all of a rep's data: dana's attempt from the test above
    status, _, answer = server.request("DELETE", "/api/history?rep=dana")
    assert status == 200 and _json(answer)["deleted_attempts"] >= 1
    assert _json(server.request("GET", "/api/history?rep=dana")[2])["attempts"] == []
    assert "dana" not in _json(server.request("GET", "/api/reps")[2])["reps"]


def test_flac_bomb_is_refused_while_decoding_without_growing_the_server(server, audio):
    """1 h of silence in 180 kB of FLAC with no declared length: decoding stops at the cap."""
    assert audio["bomb"].stat().st_size < 250_000
    server.upload(audio["clip"], rep="warmup")  # the first review's allocations are not the bomb's
    before = rss_peak_mb(server.pid)
    status, body = server.upload(audio["bomb"], rep="mallory")
    assert (
        status == 422 and body["error"] == f"the recording is too long (over {MAX_SECONDS} s; at most {MAX_SECONDS} s)"
    )
    status, body = server.upload(audio["declared_bomb"], rep="mallory")
    assert status == 422 and body["error"] == f"the recording is too long (3600.0 s; at most {MAX_SECONDS} s)"
    grown = rss_peak_mb(server.pid) - before
    print(f"FLAC bomb: peak RSS {before:.0f} -> {before + grown:.0f} MB (+{grown:.0f} MB)")
    assert grown < 100
    assert not [p for p in (server.root / "team" / "recordings").iterdir() if p.suffix in (".flac", ".part")]


def test_slow_clients_are_cut_off_and_connections_capped(server):
    # headers a byte at a time (slowloris): the connection is closed at the header deadline
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(b"GET /api/reps HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    t0 = time.monotonic()
    s.settimeout(HEADER_TIMEOUT_S + 10)
    assert s.recv(1024) == b""  # closed, nothing answered
    assert time.monotonic() - t0 < HEADER_TIMEOUT_S + 5
    s.close()
    # an upload that stops sending: 408 after the body timeout
    body, ctype = multipart({"rep": "slow"}, b"RIFF" + bytes(1000), "slow.wav")
    s = socket.create_connection(("127.0.0.1", server.port))
    head = (
        f"POST /api/review HTTP/1.1\r\nHost: {server.host}\r\nAuthorization: Bearer {server.token}\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(body) + 100_000}\r\n\r\n"
    )
    s.sendall(head.encode() + body[:500])
    s.settimeout(BODY_TIMEOUT_S + 10)
    answer = b""
    while b"stalled" not in answer and (chunk := s.recv(4096)):
        answer += chunk
    s.close()
    assert answer.startswith(b"HTTP/1.1 408") and b"the upload stalled" in answer
    # more idle connections than the cap: the next request is refused at once, then served again
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(MAX_CONNECTIONS)]
    try:
        time.sleep(0.3)
        assert server.request("GET", "/api/reps", timeout=10)[0] == 503
    finally:
        for c in idle:
            c.close()
    time.sleep(0.3)
    assert server.request("GET", "/api/reps")[0] == 200


def test_a_review_whose_client_left_is_dropped(server, audio):
    """A queued review is cancelled when its client hangs up: nothing stored, one log line."""
    first = threading.Thread(target=server.upload, args=(GOOD,), kwargs={"rep": "busy"})
    first.start()  # holds the model for a few seconds
    time.sleep(0.5)
    body, ctype = multipart({"rep": "gone"}, audio["clip"].read_bytes(), "gone.wav")
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(
        f"POST /api/review HTTP/1.1\r\nHost: {server.host}\r\nAuthorization: Bearer {server.token}\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    time.sleep(0.3)
    s.close()
    first.join(timeout=120)
    time.sleep(0.5)
    assert _json(server.request("GET", "/api/history?rep=gone")[2])["attempts"] == []
    assert "the client went away; its review was dropped" in server.log_text()
    # hanging up halfway through the upload: one line in the log (before: a traceback)
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(
        f"POST /api/review HTTP/1.1\r\nHost: {server.host}\r\nAuthorization: Bearer {server.token}\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body[: len(body) // 2]
    )
    time.sleep(0.3)
    s.close()
    deadline = time.monotonic() + 10
    while "the client went away during the upload" not in server.log_text():
        assert time.monotonic() < deadline, server.log_text()[-2000:]
        time.sleep(0.1)
    assert not [p for p in (server.root / "team" / "recordings").iterdir() if p.suffix == ".part"]


def test_a_burst_of_20_hostile_requests_stays_under_1_gb(server, audio):
    bomb = audio["bomb"].read_bytes()
    big = os.urandom(21_000_000)  # over the 20 MB cap: refused while it streams in
    plan = ["bomb"] * 8 + ["big"] * 4 + ["cross"] * 4 + ["anon"] * 4
    answers: list[tuple[str, int]] = []
    lock = threading.Lock()
    go = threading.Barrier(len(plan))

    def one(kind: str) -> None:
        go.wait()
        if kind == "bomb":
            body, ctype = multipart({"rep": "mallory"}, bomb, "bomb.flac")
        else:
            body, ctype = multipart({"rep": "mallory"}, big if kind == "big" else bomb, "x.flac")
        headers = {"Content-Type": ctype}
        if kind == "cross":
            headers["Origin"] = "http://evil.test"
        try:
            status = server.request("POST", "/api/review", body, headers, token=kind != "anon", timeout=300)[0]
        except (ConnectionError, http.client.HTTPException):  # refused and closed while it was still sending
            status = "reset"
        with lock:
            answers.append((kind, status))

    threads = [threading.Thread(target=one, args=(k,)) for k in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    expected = {"bomb": {422}, "big": {413, "reset"}, "cross": {403}, "anon": {401}}
    print("burst answers:", sorted(answers, key=str))
    assert len(answers) == len(plan) and all(status in expected[kind] for kind, status in answers), answers
    peak = rss_peak_mb(server.pid)
    print(f"burst of 20: server peak RSS {peak:.0f} MB, now {rss_mb(server.pid):.0f} MB")
    assert peak < 1024
    assert server.request("GET", "/api/reps")[0] == 200


def open_stream(server) -> str:
    status, _, body = server.request("POST", "/api/streams")
    assert status == 200, body
    return _json(body)["id"]


def test_streams_follow_the_rules_uploads_do(server):
    """A stream's every request passes the same guard as an upload: the token, this machine's
    names, and no write from another origin (start, piece, review, end)."""
    assert server.request("POST", "/api/streams", token=False)[0] == 401
    status, _, body = server.request("POST", "/api/streams", headers={"Host": f"rebind.attacker.test:{server.port}"})
    assert status == 400 and b"does not answer to the host name" in body
    sid = open_stream(server)
    review, ctype = multipart({"rep": "victim"}, b"", "x")
    writes = [
        ("POST", "/api/streams", b"", {}),
        ("POST", f"/api/streams/{sid}/chunks/0", b"\x1aE\xdf\xa3", {}),
        ("POST", f"/api/streams/{sid}/review", review, {"Content-Type": ctype}),
        ("DELETE", f"/api/streams/{sid}", b"", {}),
    ]
    for method, path, body, headers in writes:
        for cross in ({"Origin": "http://evil.test"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
            status, _, answer = server.request(method, path, body, {**headers, **cross})
            assert status == 403 and b"cross-origin request refused" in answer, (method, path, cross)
        assert server.request(method, path, body, headers, token=False)[0] == 401
    status, _, state = server.request("GET", f"/api/streams/{sid}")
    assert status == 200 and _json(state)["chunks"] == 0  # none of it reached the stream
    assert server.request("DELETE", f"/api/streams/{sid}", headers={"Origin": server.origin})[0] == 200


def test_streams_are_bounded(server, audio):
    """At most MAX_STREAMS at once; a stream over the size cap or the duration cap ends with
    the reason, its audio freed; one left idle is dropped."""
    a, b = open_stream(server), open_stream(server)
    status, _, body = server.request("POST", "/api/streams")
    assert status == 503 and _json(body)["error"].startswith("too many recordings are streaming already")
    assert server.request("DELETE", f"/api/streams/{a}")[0] == 200
    c = open_stream(server)

    # bytes: a piece that takes the stream over 20 MB
    try:
        status = server.request("POST", f"/api/streams/{b}/chunks/0", os.urandom(21_000_000))[0]
    except (ConnectionError, http.client.HTTPException):  # refused and closed while it was still sending
        status = "reset"
    assert status in (413, "reset")
    assert server.request("GET", f"/api/streams/{b}")[0] == 404

    # seconds: an hour of silence (180 kB of FLAC) streamed in pieces; decoding stops at the cap
    bomb = audio["bomb"].read_bytes()
    for seq, at in enumerate(range(0, len(bomb), 60_000)):
        status, _, body = server.request("POST", f"/api/streams/{c}/chunks/{seq}", bomb[at : at + 60_000])
        assert status in (200, 422), body
        if status == 422:
            break
    deadline = time.monotonic() + 60  # a wait for the stream's decoding, not a timing check
    while status == 200 and not _json(server.request("GET", f"/api/streams/{c}")[2])["error"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    review, ctype = multipart({"rep": "mallory"}, b"", "x")
    status, _, body = server.request("POST", f"/api/streams/{c}/review", review, {"Content-Type": ctype})
    if status != 404:  # the piece above already answered the reason and ended the stream
        assert (
            status == 422
            and _json(body)["error"] == f"the recording is too long (over {MAX_SECONDS} s; at most {MAX_SECONDS} s)"
        )
    assert server.request("GET", f"/api/streams/{c}")[0] == 404

    # idle: a stream that sends nothing is dropped after STREAM_IDLE_S
    d = open_stream(server)
    time.sleep(STREAM_IDLE_S + 1.5)
    assert server.request("GET", f"/api/streams/{d}")[0] == 404
    open_stream(server), open_stream(server)  # every place is free again
    assert server.request("POST", "/api/streams")[0] == 503


def test_the_server_log_holds_no_traceback(server):
    assert "Traceback" not in server.log_text()


def test_the_server_made_no_network_connection(server):
    """Everything the server (and its threads) connected or sent to was a local socket: it
    accepts our loopback connections, it never opens one (no DNS, no telemetry)."""
    if server.trace is None:
        pytest.skip("strace is not installed (apt-get install strace): the no-network check cannot run")
    text = server.trace.read_text()
    lines = [ln for ln in text.splitlines() if re.search(r"\b(connect|send(to|msg|mmsg))\(", ln)]
    assert lines, "strace recorded nothing: the check would be blind"
    outward = [ln for ln in lines if "sa_family=" in ln and "sa_family=AF_UNIX" not in ln]
    assert not outward, outward[:5]


def test_which_addresses_count_as_beyond_loopback():
    """The token is made by default exactly when is_loopback(host) is false (cli.serve)."""
    from reviewer.apps.server import ServerConfig, access_config, host_name, is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "fe80::1", "myhost"))
    assert [host_name(h) for h in ("127.0.0.1:8000", "[::1]:8000", "Example.test", "[::1]")] == [
        "127.0.0.1",
        "[::1]",
        "example.test",
        "[::1]",
    ]
    local = access_config(ServerConfig(), "127.0.0.1", None)
    assert local.allowed_hosts == ("127.0.0.1", "[::1]", "localhost") and not local.allow_ip_hosts
    lan = access_config(ServerConfig(), "0.0.0.0", "t0ken-t0ken", ("coach.example",))
    assert lan.token == "t0ken-t0ken" and lan.allow_ip_hosts
    assert {"coach.example", socket.gethostname().lower(), "localhost"} <= set(lan.allowed_hosts)
    assert "0.0.0.0" not in lan.allowed_hosts
