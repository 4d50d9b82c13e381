"""The practice server's second hardening round (#27), met as an attacker and an operator meet it:
`reviewer serve` started as a user would (a real uvicorn on 127.0.0.1, tiny.en, the token from
the environment), spoken to over raw sockets so every byte and its timing are ours to choose.

Every body has a size cap (413 as soon as it is passed), a pause limit and a deadline for the
whole (408), and the connection is closed after a refused body; streams have a lifetime; the
token never reaches the log, however the query spells it; failures are one line."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_server_security import Server as SecurityServer
from test_server_security import free_port, multipart

HEADER_TIMEOUT_S = 2.0  # also the deadline of a small body: a note, a stream's piece
BODY_IDLE_S = 5.0  # longer than any pause below: only the deadlines can cut the tricklers off
UPLOAD_DEADLINE_S = 3.0
STREAM_LIFETIME_S = 3.0
MAX_CONNECTIONS = 4
TOKEN = "env-token-Zq7x.9_w"
TRICKLE_PAUSE_S = 0.3  # s between two bytes of a trickled body


def exe() -> str:
    return shutil.which("reviewer", path=str(Path(sys.executable).parent))


class Server(SecurityServer):
    """The security tests' server handle, with its process and raw connections."""

    def __init__(self, proc: subprocess.Popen, port: int, root: Path, log: Path):
        super().__init__(proc.pid, port, root, log, TOKEN, None)
        self.proc = proc

    def request(self, method, path, body=b"", headers=None, token=True, timeout=60):
        return super().request(method, path, body, headers, token, timeout)

    def connect(self, head: str, token: bool = True) -> socket.socket:
        """A connection that has sent `head` (request line and headers, the token added)."""
        s = socket.create_connection(("127.0.0.1", self.port))
        lines = head.replace("HOST", self.host) + (f"Authorization: Bearer {TOKEN}\r\n" if token else "") + "\r\n"
        s.sendall(lines.encode())
        return s


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("hardened-server")
    port = free_port()
    log = root / "server.log"
    cmd = [exe(), "serve", "--host", "127.0.0.1", "--port", str(port), "--as-lan", "--model", "tiny.en"]
    cmd += ["--device", "cpu", "--db", str(root / "history.sqlite"), "--max-connections", str(MAX_CONNECTIONS)]
    cmd += ["--timeouts", str(HEADER_TIMEOUT_S), str(BODY_IDLE_S), "--upload-deadline", str(UPLOAD_DEADLINE_S)]
    cmd += ["--max-streams", "2", "--stream-idle", "30", "--stream-lifetime", str(STREAM_LIFETIME_S)]
    env = {**os.environ, "REVIEWER_TOKEN": TOKEN}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 120
        while "Uvicorn running" not in log.read_text(errors="replace"):
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield Server(proc, port, root, log)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def read_answer(s: socket.socket, timeout: float = 15.0) -> bytes:
    """Everything the server sends until it closes the connection (a socket.timeout if it
    neither answers nor closes: the test then fails)."""
    s.settimeout(timeout)
    answer = b""
    while chunk := s.recv(65536):
        answer += chunk
    return answer


def status_and_error(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)["error"]


# ---- 1. a note's body is capped as it arrives -------------------------------------------------


def test_a_large_note_is_refused_before_the_rest_is_sent(server):
    """Before: the whole body was read, then measured (300 MB grew the server by 550 MB)."""
    head = "POST /api/attempts/1/coach HTTP/1.1\r\nHost: HOST\r\nTransfer-Encoding: chunked\r\n"
    head += "Content-Type: application/json\r\n"
    s = server.connect(head)
    piece = b'{"note": "' + b"x" * 20_000
    s.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))  # one piece over the cap; the body never ends
    status, reason = status_and_error(read_answer(s))  # answered, and closed, with the body unfinished
    s.close()
    assert status == 413 and reason.startswith("the note is too large")
    # a declared length over the cap is refused before a byte of the body
    s = server.connect("POST /api/attempts/1/coach HTTP/1.1\r\nHost: HOST\r\nContent-Length: 300000000\r\n")
    assert status_and_error(read_answer(s))[0] == 413
    s.close()


# ---- 4. a body that trickles is cut off at its deadline; others are served ---------------------


def trickle(server: Server, head: str, first: bytes, answers: dict, key: str, token: bool = True) -> None:
    """Send `first`, then a byte every TRICKLE_PAUSE_S (never a pause the idle timeout sees), and
    go on after an answer, until the server closes the connection; keep what it answered (with
    b"<open>" after it if it was still open after 20 s)."""
    s = server.connect(head, token)
    s.sendall(first)
    answer, closed = b"", False
    try:
        for _ in range(int(20 / TRICKLE_PAUSE_S)):
            if select.select([s], [], [], TRICKLE_PAUSE_S)[0]:
                chunk = s.recv(65536)
                if not chunk:
                    closed = True
                    break
                answer += chunk
            else:
                s.sendall(b"x")
    except OSError:  # reset: closed while we were still sending
        closed = True
    finally:
        s.close()
    answers[key] = answer + (b"" if closed else b"<open>")


def test_trickled_bodies_are_cut_off_and_the_server_is_free_again(server):
    """With --max-connections 4, two trickled notes and a trickled upload held every other request
    off (503) for minutes: each now ends at its deadline, with its connection."""
    form, ctype = multipart({"rep": "slow"}, b"RIFF" + bytes(2000), "slow.wav")
    note = "POST /api/attempts/1/coach HTTP/1.1\r\nHost: HOST\r\nContent-Length: 1000\r\n"
    upload = f"POST /api/review HTTP/1.1\r\nHost: HOST\r\nContent-Type: {ctype}\r\nContent-Length: {len(form)}\r\n"
    answers: dict[str, bytes] = {}
    threads = [
        threading.Thread(target=trickle, args=(server, note, b'{"note": "', answers, "note1")),
        threading.Thread(target=trickle, args=(server, note, b'{"note": "', answers, "note2")),
        threading.Thread(target=trickle, args=(server, upload, form[:300], answers, "upload")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for key, what in (("note1", "the note"), ("note2", "the note"), ("upload", "the upload")):
        assert answers[key].startswith(b"HTTP/1.1 408") and not answers[key].endswith(b"<open>"), answers[key]
        assert status_and_error(answers[key])[1].startswith(f"{what} took too long"), answers[key]
    assert server.request("GET", "/api/reps", timeout=10)[0] == 200


def test_a_refused_request_does_not_keep_its_connection(server):
    """A request refused before its body is read (no token) is answered and its connection closed,
    however the client goes on trickling the body: else it holds one of the few connections."""
    answers: dict[str, bytes] = {}
    head = "POST /api/review HTTP/1.1\r\nHost: HOST\r\nContent-Length: 100000\r\n"
    trickle(server, head, b"xx", answers, "refused", token=False)
    assert answers["refused"].startswith(b"HTTP/1.1 401") and not answers["refused"].endswith(b"<open>")


# ---- streams have a lifetime -------------------------------------------------------------------


def test_a_stream_ends_at_its_lifetime_however_busy(server):
    """Four slow clients sending a piece now and then held every stream place for ever."""
    status, _, body = server.request("POST", "/api/streams")
    assert status == 200, body
    sid = json.loads(body)["id"]
    answers = []
    for seq in range(int(4 * STREAM_LIFETIME_S / TRICKLE_PAUSE_S)):
        status, _, body = server.request("POST", f"/api/streams/{sid}/chunks/{seq}", b"\x1aE\xdf\xa3")
        answers.append(status)
        if status != 200:
            break
        time.sleep(TRICKLE_PAUSE_S)
    assert answers[0] == 200 and answers[-1] == 404, answers
    assert "no such stream" in json.loads(body)["error"]
    a, b = (server.request("POST", "/api/streams")[0] for _ in range(2))
    assert (a, b) == (200, 200)  # both places free


# ---- 5. the token: from the environment, never in the log ---------------------------------------


def test_the_token_is_not_in_the_command_line_and_not_logged_however_spelled(server):
    assert TOKEN not in Path(f"/proc/{server.proc.pid}/cmdline").read_bytes().decode(errors="replace")
    assert f"?token={TOKEN}" in server.log_text()  # the link, printed once at start
    start = len(server.log_text())
    spellings = ["token", "%74oken", "%74%6F%6B%65%6E", "TOKEN", "%54oKeN", "to%6ben", "+token"]
    for key in spellings:
        status, _, _ = server.request("GET", f"/api/reps?x=1&{key}={TOKEN}", token=False)
        assert status in (200, 401)
    encoded = "".join(f"%{b:02X}" for b in TOKEN.encode())  # the value itself percent-encoded
    server.request("GET", f"/api/reps?token={encoded}", token=False)
    status, headers, _ = server.request("GET", f"/?%74oken={TOKEN}", token=False)
    assert status == 303 and "reviewer_token=" in headers.get("set-cookie", "")  # the key is decoded
    time.sleep(0.5)  # the access log is written after the answer
    logged = server.log_text()[start:]
    assert logged.count("GET /api/reps?") == len(spellings) + 1, logged
    assert TOKEN not in logged and encoded not in logged and encoded.lower() not in logged, logged


def test_token_from_a_file_and_the_command_lines_warned(tmp_path, monkeypatch):
    """--token-file and $REVIEWER_TOKEN keep the token out of the process list; --token still
    works, with a warning that every local user can read it there."""
    from click.testing import CliRunner

    import reviewer.apps.server
    from reviewer.apps.cli import main

    got = []
    monkeypatch.setattr(reviewer.apps.server, "serve", lambda config, *a: got.append(config.token))
    (tmp_path / "token").write_text("from-a-file-123\n")
    runner = CliRunner()
    base = ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "h.sqlite")]
    done = runner.invoke(main, [*base, "--token-file", str(tmp_path / "token")], env={"REVIEWER_TOKEN": None})
    assert done.exit_code == 0 and got[-1] == "from-a-file-123" and "Warning" not in done.stderr, done.output
    done = runner.invoke(main, base, env={"REVIEWER_TOKEN": "from-the-env-456"})
    assert done.exit_code == 0 and got[-1] == "from-the-env-456" and "Warning" not in done.stderr
    done = runner.invoke(main, [*base, "--token", "on-the-line-789"], env={"REVIEWER_TOKEN": None})
    assert done.exit_code == 0 and got[-1] == "on-the-line-789"
    assert "Warning: --token is visible to every local user" in done.stderr
    missing = tmp_path / "nope"
    done = runner.invoke(main, [*base, "--token-file", str(missing)], env={"REVIEWER_TOKEN": None})
    assert done.exit_code != 0 and done.stderr.strip().startswith(f"Error: {missing}: ")
    assert len(done.stderr.strip().splitlines()) == 1


# ---- 7 and 10. one-line errors, named after what failed -----------------------------------------


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


def test_a_port_out_of_range_is_one_line():
    done = subprocess.run([exe(), "serve", "--port", "99999"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "99999" in one_error_line(done.stderr)


def test_a_recordings_folder_that_cannot_be_made_is_named(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    cmd = [exe(), "serve", "--model", "tiny.en", "--device", "cpu", "--port", str(free_port())]
    cmd += ["--db", str(tmp_path / "h.sqlite"), "--data-dir", str(tmp_path / "a-file" / "data")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    line = one_error_line(done.stderr.split("\n", 1)[1])  # after the "Loading ..." line
    assert done.returncode == 1 and line.startswith(f"Error: {tmp_path / 'a-file' / 'data'}"), line
    assert "tiny.en" not in line


def test_an_upload_that_is_not_audio_stores_nothing(server):
    form, ctype = multipart(
        {"rep": "sam", "script": "Hi, this is Sam from Keystone.", "script_name": "not-stored"},
        b"This is a text file, not an MP3.\n",
        "notes.mp3",
    )
    status, _, body = server.request("POST", "/api/review", form, {"Content-Type": ctype})
    assert status == 422, body
    status, _, body = server.request("GET", "/api/scripts")
    assert status == 200 and "not-stored" not in [s["name"] for s in json.loads(body)["scripts"]]


def test_a_damaged_history_is_one_line_in_the_log(server):
    """Last in the module: it damages the server's history database."""
    db = server.root / "history.sqlite"
    for extra in server.root.glob("history.sqlite-*"):
        extra.unlink()
    db.write_bytes(b"this is not a database" * 100)
    status, _, body = server.request("GET", "/api/history?rep=sam")
    assert status == 500 and json.loads(body)["error"].startswith("internal error (HistoryError)")
    time.sleep(0.5)
    log = server.log_text()
    assert "Traceback" not in log, log[-3000:]
    assert re.search(r"ERROR: +GET /api/history failed: HistoryError: .*cannot open the history database", log), log

    # a review whose row cannot be stored is answered, and keeps no recording no delete could reach
    clip = ROOT / "tests" / "data" / "espeak_statement.wav"
    form, ctype = multipart({"rep": "sam"}, clip.read_bytes(), "take.wav")
    status, _, body = server.request("POST", "/api/review", form, {"Content-Type": ctype})
    answer = json.loads(body)
    assert status == 200 and answer["history"]["attempt"] is None and answer["recording"] is None, body[:500]
    assert not [p for p in (server.root / "recordings").glob("*") if not p.name.endswith(".part")]
