"""Streaming a recording to the practice server while it is made (/api/streams), over real HTTP
to a real uvicorn (in a thread) with the base model.

The take is the good sample with 3 s of silence after it, as WebM/Opus (PyAV's libopus, the
codec the page's MediaRecorder uses), sent in 4000-byte pieces: arbitrary cuts, not the
recorder's own. The limits and the access rules are tested against `reviewer serve` in
test_server_security.py; the page's streaming in test_practice_browser.py."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, encode_with_pyav, resample, serve_in_thread, write_wav

from reviewer.apps.server import ServerConfig

GOOD = SAMPLES / "good_callback.wav"
PIECE = 4000
OWN = {"file", "recording", "history", "stream"}  # what a streamed answer has of its own


@pytest.fixture(scope="module")
def take(tmp_path_factory) -> bytes:
    d = tmp_path_factory.mktemp("stream-take")
    data, rate = sf.read(str(GOOD), dtype="float32")
    wav = write_wav(
        d / "take.wav", resample(np.concatenate([data, np.zeros(3 * rate, np.float32)]), rate, 48000), 48000
    )
    return encode_with_pyav(wav, d / "take.webm", "libopus", 48000).read_bytes()


@pytest.fixture(scope="module")
def server_url(base_transcriber, tmp_path_factory):
    root = tmp_path_factory.mktemp("stream-server")
    config = ServerConfig(device="cpu", db_path=root / "history.sqlite", data_dir=root, allowed_hosts=("127.0.0.1",))
    with serve_in_thread(config, start_s=30) as url:
        yield url


def call(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, body, headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def form(fields: dict, file: tuple[str, bytes] | None = None) -> tuple[bytes, dict]:
    boundary = "reviewer-stream-test"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()
    ]
    if file is not None:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file[0]}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + file[1]
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def stream(url: str, data: bytes) -> str:
    status, opened = call(url + "/api/streams", "POST")
    assert status == 200, opened
    sid = opened["id"]
    for seq, at in enumerate(range(0, len(data), PIECE)):
        status, got = call(f"{url}/api/streams/{sid}/chunks/{seq}", "POST", data[at : at + PIECE])
        assert status == 200 and got["bytes"] == min(at + PIECE, len(data)), got
    return sid


@pytest.mark.fresh_reviews
def test_a_streamed_take_reviews_exactly_as_its_upload(server_url, take):
    """Once the background review of the take has run, the review after Stop runs no model call
    (every one is answered from the session's memo) and is, key for key, the review an upload of
    the same bytes gets, decoded afresh."""
    sid = stream(server_url, take)
    deadline = time.monotonic() + 300  # a wait for the background review, not a timing check
    while (state := call(f"{server_url}/api/streams/{sid}")[1])["background_reviews_finished"] < 1:
        assert time.monotonic() < deadline and state["error"] is None, state
        time.sleep(0.2)
    assert state["bytes"] == len(take) and state["seconds"] == pytest.approx(22.36, abs=0.05)
    body, headers = form({"rep": "streamer", "name": "practice-take.webm"})
    status, streamed = call(f"{server_url}/api/streams/{sid}/review", "POST", body, headers)
    assert status == 200, streamed
    assert streamed["stream"]["model_calls_reused"] > 0 and streamed["stream"]["model_calls_run"] == 0
    # what answered those calls ran early, and the answer says so
    assert streamed["stream"]["background_reviews"] >= 1 and streamed["stream"]["background_model_calls"] > 0
    assert streamed["recording"]["name"] == "practice-take.webm" and streamed["recording"]["id"].endswith(".webm")
    with urllib.request.urlopen(server_url + streamed["recording"]["url"]) as stored:
        assert stored.read() == take  # the stored recording is the bytes streamed
    assert call(f"{server_url}/api/streams/{sid}")[0] == 404  # the stream ended with its review

    body, headers = form({"rep": "uploader"}, ("take.webm", take))
    status, uploaded = call(server_url + "/api/review", "POST", body, headers)
    assert status == 200, uploaded
    assert {k: v for k, v in streamed.items() if k not in OWN} == {k: v for k, v in uploaded.items() if k not in OWN}
    assert streamed["history"]["line"] == "First attempt stored for streamer."


@pytest.mark.fresh_reviews
def test_a_stream_whose_rep_spoke_again_is_reviewed_from_the_whole_take(server_url, take):
    """The first half of the take arrives (a background review of it may start: it ends in a
    pause), then the rest: the review is the whole take's, as its upload gets it, whatever was
    worked out for the half."""
    sid = stream(server_url, take[: len(take) // 2])
    time.sleep(2)  # time for the half's background review to start, so that the rest interrupts it
    half = call(f"{server_url}/api/streams/{sid}")[1]
    for seq, at in enumerate(range(len(take) // 2, len(take), PIECE), start=half["chunks"]):
        assert call(f"{server_url}/api/streams/{sid}/chunks/{seq}", "POST", take[at : at + PIECE])[0] == 200
    body, headers = form({"rep": "streamer 2"})
    status, streamed = call(f"{server_url}/api/streams/{sid}/review", "POST", body, headers)
    assert status == 200, streamed
    assert streamed["recording"]["name"] == "recording"  # no name sent: the server's word for it
    body, headers = form({"rep": "uploader 2"}, ("take.webm", take))
    status, uploaded = call(server_url + "/api/review", "POST", body, headers)
    assert status == 200, uploaded
    assert {k: v for k, v in streamed.items() if k not in OWN} == {k: v for k, v in uploaded.items() if k not in OWN}


def test_pieces_come_in_order_to_a_stream_that_exists(server_url):
    status, opened = call(server_url + "/api/streams", "POST")
    sid = opened["id"]
    assert opened["max_bytes"] == 20_000_000 and opened["max_seconds"] == 120
    status, got = call(f"{server_url}/api/streams/{sid}/chunks/1", "POST", b"late")
    assert status == 409 and got["error"] == "piece 1 arrived, piece 0 was expected"
    assert call(f"{server_url}/api/streams/{sid}/chunks/x", "POST", b"x")[0] == 404
    assert call(f"{server_url}/api/streams/{'0' * 32}/chunks/0", "POST", b"x")[0] == 404
    assert call(f"{server_url}/api/streams/..%2f..%2fhistory.sqlite/chunks/0", "POST", b"x")[0] == 404
    body, headers = form({"rep": "sam"})
    status, got = call(f"{server_url}/api/streams/{sid}/review", "POST", body, headers)
    assert status == 422 and got["error"] == "file is empty (0 bytes)"
    assert call(f"{server_url}/api/streams/{sid}")[0] == 404  # a refused review ends the stream

    sid = stream(server_url, np.random.default_rng(3).integers(0, 256, 9000, dtype=np.uint8).tobytes())
    status, got = call(f"{server_url}/api/streams/{sid}/review", "POST", body, headers)
    assert status == 422 and got["error"].startswith("not a recognised audio format"), got
    status, opened = call(server_url + "/api/streams", "POST")
    assert call(f"{server_url}/api/streams/{opened['id']}", "DELETE") == (200, {"deleted": True})
    assert call(f"{server_url}/api/streams/{opened['id']}", "DELETE")[0] == 404


def test_a_background_review_given_up_at_stop_still_counts_what_it_ran():
    """The stream's figures count the model calls that ran before Stop, whether the background
    review that ran them finished or was given up when the review after Stop took the model:
    those calls are what the memo answers after Stop (once read as `background_reviews 0`)."""
    from types import SimpleNamespace

    from reviewer.apps.server.streams import Speculation, Streams, StreamSession
    from reviewer.recognition.memo import Preempted

    memo = SimpleNamespace(misses=0, abort=None)

    def review_audio(audio, name, calls=3, finish=True):
        memo.misses += calls  # model calls run (and remembered)
        if not finish:
            raise Preempted()

    def session_with(*runs):
        session = StreamSession("s" * 32, SimpleNamespace(memo=memo))
        for finish in runs:
            reviewer = SimpleNamespace(review_audio=lambda a, n, f=finish: review_audio(a, n, finish=f))
            Streams(None, None, lambda t, r=reviewer: r)._review(session, Speculation((), 0), None)
        return session

    given_up = session_with(False)
    assert given_up.early_work() == {
        "background_reviews": 1,
        "background_reviews_finished": 0,
        "background_model_calls": 3,
    }
    assert session_with(True, False).early_work()["background_model_calls"] == 6
