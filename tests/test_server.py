"""The practice server's API, in this process through starlette's TestClient.

Every app shares the session's loaded base model (`Transcriber.shared("base", "cpu", 0)`);
each has its own history database and data directory. Short reviews use the first 3.5 s of
the good sample ("Maria, this is Sarah from Keystone Freight").
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, write_wav
from starlette.testclient import TestClient

from reviewer.apps.server import RECORDING_ID, ServerConfig, create_app
from reviewer.record.summary import summary_of

GOOD = SAMPLES / "good_callback.wav"


def make_client(root: Path, **limits) -> TestClient:
    config = ServerConfig(device="cpu", db_path=root / "history.sqlite", data_dir=root / "data", **limits)
    return TestClient(create_app(config))


@pytest.fixture(scope="module")
def audio(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("server-audio")
    data, rate = sf.read(str(GOOD), dtype="float32")
    t = np.arange(int(0.5 * 16000)) / 16000
    files = {
        "clip": write_wav(d / "clip.wav", data[: int(3.5 * rate)], rate),
        "silence": write_wav(d / "silence.wav", np.zeros(16000 * 5, np.float32), 16000),
        "tone": write_wav(d / "tone.wav", 0.3 * np.sin(2 * np.pi * 440 * t), 16000),
    }
    (d / "empty.wav").write_bytes(b"")
    (d / "garbage.wav").write_bytes(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    (d / "notes.mp3").write_text("This is a text file, not an MP3.\n")
    return files | {n: d / n for n in ("empty.wav", "garbage.wav", "notes.mp3")}


@pytest.fixture(scope="module")
def server(base_transcriber, tmp_path_factory):
    root = tmp_path_factory.mktemp("server")
    with make_client(root) as client:
        yield client, root


def upload(client: TestClient, path: Path, rep: str = "sam", name: str | None = None, **fields):
    with open(path, "rb") as f:
        return client.post("/api/review", data={"rep": rep, **fields}, files={"file": (name or path.name, f)})


def recordings(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "data" / "recordings").iterdir())


def test_review_is_the_cli_json_plus_history_and_recording(server, audio, sample_reviews):
    client, root = server
    cli_review = sample_reviews["good_callback"]
    first = upload(client, GOOD, rep="dana", name="take 1.wav")
    assert first.status_code == 200, first.text
    got = first.json()
    assert set(cli_review) <= set(got) and set(got) - set(cli_review) == {
        "recording",
        "history",
        "pitch_contour",
        "summary",
    }
    assert got["file"] == "take 1.wav"  # display text; the server path stays on the server
    for key in ("schema", "word_count", "words_per_minute", "score", "top_fixes", "transcript"):
        assert got[key] == cli_review[key], key
    assert [n["digits"] for n in got["phone_numbers"]] == [n["digits"] for n in cli_review["phone_numbers"]]
    assert got["summary"] == summary_of(cli_review).to_dict()  # the page's figures, ready
    assert got["history"]["line"] == "First attempt stored for dana." and got["history"]["previous"] is None
    assert any(v is not None for v in got["pitch_contour"]["st"])

    second = upload(client, audio["clip"], rep="dana", goal="educate")
    assert second.status_code == 200, second.text
    again = second.json()
    assert again["goal"] == "educate" and again["script"] is None
    # another message for another goal is not compared with the first (#11: like with like)
    assert again["history"]["line"] == "First take of this message stored for dana."
    assert again["history"]["previous"] is None
    third = upload(client, GOOD, rep="dana", name="take 2.wav").json()  # a retake of the first message
    assert third["history"]["line"].startswith("Since your last attempt (")
    assert "score " + str(got["score"]) + " -> " + str(third["score"]) in third["history"]["line"]
    assert third["history"]["previous"]["attempt"] == got["history"]["attempt"]

    history = client.get("/api/history", params={"rep": "dana"}).json()
    attempts = [got["history"]["attempt"], again["history"]["attempt"], third["history"]["attempt"]]
    assert [a["attempt"] for a in history["attempts"]] == attempts
    assert [a["score"] for a in history["attempts"]] == [got["score"], again["score"], third["score"]]
    assert [a["name"] for a in history["attempts"]] == ["take 1.wav", "clip.wav", "take 2.wav"]
    assert "dana" in client.get("/api/reps").json()["reps"]

    played = client.get(history["attempts"][0]["recording_url"])
    assert played.status_code == 200 and played.headers["content-type"] == "audio/wav"
    assert played.content == GOOD.read_bytes()
    assert played.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.wav", "file is empty (0 bytes)"),
        ("garbage.wav", "not a recognised audio format"),
        ("notes.mp3", "not a recognised audio format"),
        ("silence", "no speech detected"),
        ("tone", "too short to review (0.50 s"),
    ],
)
def test_bad_input_is_a_4xx_with_its_reason_and_nothing_kept(server, audio, name, reason):
    client, root = server
    before = recordings(root)
    response = upload(client, audio[name], rep="erin")
    assert response.status_code == 422
    assert reason in response.json()["error"]
    assert recordings(root) == before
    assert client.get("/api/history", params={"rep": "erin"}).json()["attempts"] == []


def test_form_problems_are_4xx(server, audio):
    client, _ = server
    assert client.post("/api/review", data={"rep": "sam"}).json() == {
        "error": "no recording: send the audio as the multipart field 'file'"
    }
    assert "rep is required" in upload(client, audio["clip"], rep="  ").json()["error"]
    bad_goal = upload(client, audio["clip"], goal="sell")
    assert bad_goal.status_code == 422 and "goal must be one of" in bad_goal.json()["error"]
    assert client.get("/api/history").status_code == 422
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and "error" in missing.json()


def test_limits_on_size_and_length(base_transcriber, audio, tmp_path):
    with make_client(tmp_path, max_upload_bytes=300_000, max_duration_s=2.0) as client:
        big = upload(client, GOOD)  # 620 kB
        assert big.status_code == 413
        assert big.json() == {"error": "the upload is too large: at most 0.3 MB"}
        long = upload(client, audio["clip"])  # 3.5 s, 112 kB
        assert long.status_code == 422
        assert long.json() == {"error": "the recording is too long (3.5 s; at most 2 s)"}
        assert recordings(tmp_path) == []


def test_client_names_never_reach_the_filesystem(server, audio):
    client, root = server
    response = upload(
        client,
        audio["clip"],
        rep="mallory",
        name="../../etc/passwd.wav",
        script="Maria, this is Sarah from Keystone Freight.",
    )
    assert response.status_code == 200, response.text
    assert response.json()["script"]["wer"] < 0.3  # a pasted script is compared like --script
    rec = response.json()["recording"]
    assert rec["name"] == "passwd.wav"
    assert RECORDING_ID.fullmatch(rec["id"]) and rec["id"].endswith(".wav") and "passwd" not in rec["id"]
    stored = root / "data" / "recordings" / rec["id"]
    assert stored.read_bytes() == audio["clip"].read_bytes()
    assert not any(p.name == "passwd.wav" for p in root.parent.rglob("*"))
    # ids are checked, not joined blindly: nothing outside the recordings folder is served
    for bad in ("..%2F..%2Fhistory.sqlite", "..%2Fhistory.sqlite", "%2Fetc%2Fpasswd", rec["id"].upper()):
        answer = client.get(f"/api/recordings/{bad}")
        assert answer.status_code == 404 and answer.content != stored.read_bytes()


@pytest.mark.fresh_reviews  # the queue must see real decoding
def test_a_burst_of_requests_all_get_answers(server, audio):
    client, root = server
    plan = ["review"] * 3 + ["garbage"] * 3 + ["history"] * 8 + ["reps"] * 4 + ["page"] * 2
    answers: list[tuple[str, int]] = []
    lock = threading.Lock()
    go = threading.Barrier(len(plan))

    def one(kind: str) -> None:
        go.wait()
        if kind == "review":
            r = upload(client, audio["clip"], rep="burst")
        elif kind == "garbage":
            r = upload(client, audio["garbage.wav"], rep="burst")
        elif kind == "history":
            r = client.get("/api/history", params={"rep": "burst"})
        elif kind == "reps":
            r = client.get("/api/reps")
        else:
            r = client.get("/")
        with lock:
            answers.append((kind, r.status_code))

    threads = [threading.Thread(target=one, args=(k,)) for k in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(answers) == len(plan)
    assert sorted(answers) == sorted((k, 422 if k == "garbage" else 200) for k in plan)
    attempts = client.get("/api/history", params={"rep": "burst"}).json()["attempts"]
    assert len(attempts) == 3 and len({a["recording_url"] for a in attempts}) == 3


def test_a_failing_request_is_a_logged_500_and_the_server_goes_on(base_transcriber, tmp_path, caplog):
    with make_client(tmp_path) as client:
        db = tmp_path / "history.sqlite"
        for extra in tmp_path.glob("history.sqlite-*"):
            extra.unlink()
        db.write_bytes(b"this is not a database" * 100)
        broken = client.get("/api/history", params={"rep": "sam"})
        assert broken.status_code == 500
        assert broken.json()["error"].startswith("internal error (HistoryError)")
        assert "GET /api/history failed" in caplog.text
        assert client.get("/").status_code == 200
        assert client.get("/api/openapi.json").status_code == 200


def test_openapi_describes_what_the_server_answers(server):
    """Each documented operation, called with no input, answers with a status its description
    lists (never "no such route" or "method not allowed"); paths the page and API use are
    all described; an undescribed method on a described path is refused with 405."""
    client, _ = server
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path, ops in doc["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "0" * 32, path)  # a well-formed id that names nothing
        for method, op in ops.items():
            assert op["summary"] and "200" in op["responses"], (path, method)
            got = client.request(method.upper(), concrete)
            assert str(got.status_code) in op["responses"], (method, path, got.status_code, got.text[:200])
            if got.status_code == 404:  # only a described "not found" for an id, with its reason
                assert "{" in path and "error" in got.json()
        for method in {"get", "post", "put", "delete"} - set(ops):
            assert client.request(method.upper(), concrete).status_code == 405, (method, path)
    page = client.get("/").text + client.get("/static/practice.js").text
    used = set(re.findall(r"""["'`](/api/[a-z_/.]+)""", page))
    documented = {re.sub(r"\{[^}]+\}", "", p).rstrip("/") for p in doc["paths"]}
    assert used and {u.rstrip("/") for u in used} <= documented | {d.rsplit("/", 1)[0] for d in documented}


def test_every_route_is_described_and_every_description_served(server):
    """The routing table and the OpenAPI document come from one declaration per route: the
    same paths, each with the same methods (HEAD is Starlette's own, beside each GET)."""
    client, _ = server
    served: dict[str, set[str]] = {}
    for route in client.app.routes:
        served.setdefault(route.path, set()).update(m.lower() for m in route.methods - {"HEAD"})
    described = {path: set(ops) for path, ops in client.get("/api/openapi.json").json()["paths"].items()}
    assert served == described


def test_page_is_self_contained_and_locked_to_its_server(server):
    client, _ = server
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert not re.search(r"https?://", html.replace("http://www.w3.org/2000/svg", ""))
    assert not re.search(r"<link(?![^>]*href=\"data:,\")|@import|url\(|<iframe", html)
    csp = page.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    scripts = re.findall(r"<script\s+([^>]*)>", html)
    assert scripts == [
        'type="application/json" id="settings"',
        f'nonce="{nonce}" src="/static/practice.js"',
        f'nonce="{nonce}" src="/static/charts.js"',
    ]
    code = ""
    for name in ("practice.js", "charts.js"):  # the page's behaviour and its charts, from the package
        script = client.get(f"/static/{name}")
        assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
        assert script.headers["x-content-type-options"] == "nosniff"
        code += script.text
    assert not re.search(r"https?://", code.replace("http://www.w3.org/2000/svg", ""))
    for text in (html, code):
        assert ".innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text


def test_size_cap_applies_as_the_bytes_arrive(base_transcriber, tmp_path):
    """No Content-Length (chunked): the cap is counted on the stream, and nothing is kept."""
    boundary = "b0undary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="rep"\r\n\r\nsam\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\n\r\n'
        ).encode()
        + GOOD.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    with make_client(tmp_path, max_upload_bytes=300_000) as client:
        answer = client.post(
            "/api/review",
            content=(body[i : i + 65536] for i in range(0, len(body), 65536)),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert answer.status_code == 413 and answer.json() == {"error": "the upload is too large: at most 0.3 MB"}
        assert recordings(tmp_path) == []


def test_one_decode_per_upload_and_the_queue_before_any(base_transcriber, audio, tmp_path, monkeypatch):
    import reviewer.sound.decode

    decodes = []
    real = reviewer.sound.decode._decode
    monkeypatch.setattr(reviewer.sound.decode, "_decode", lambda *a, **k: decodes.append(str(a[0])) or real(*a, **k))
    with make_client(tmp_path / "one") as client:
        answer = upload(client, audio["clip"], rep="once")
        assert answer.status_code == 200, answer.text
    assert len(decodes) == 1  # before: three (the duration check, the review, the pitch chart)
    decodes.clear()
    with make_client(tmp_path / "full", max_queue=0) as client:  # a full queue: refused before storing or decoding
        busy = upload(client, audio["clip"], rep="later")
        assert busy.status_code == 503 and "busy" in busy.json()["error"]
    assert decodes == [] and recordings(tmp_path / "full") == []
