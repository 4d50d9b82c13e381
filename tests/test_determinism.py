"""The same file with the same settings gives the same review, whoever asks and however often.

One hesitant telephone recording (8 kHz, a number rattled off at 4x, pink noise: base's first
try loops and its whole fallback ladder runs) and one clean sample go through `review` twice
(--threads 2, then 1), `batch --workers 2` into a new folder (two processes) and the API of
`reviewer serve`; every review must be identical, every field, the file name aside. Dask
workers: tests/test_batch.py. `.ci/run` runs this module on MKL and on oneDNN. Before the ladder
was made deterministic the hesitant file gave a different transcript and score run after run.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import API, DATA, ROW, SAMPLES, assert_same_review
from starlette.testclient import TestClient

from reviewer.apps.server import ServerConfig, create_app
from reviewer.record.summary import summary_of

pytestmark = pytest.mark.fresh_reviews  # each review really decodes

FILES = [DATA / "hesitant_phone.wav", SAMPLES / "good_callback.wav"]


@pytest.fixture(scope="module")
def block(tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism") / "dana"
    root.mkdir()
    for f in FILES:
        shutil.copyfile(f, root / f.name)
    return root


@pytest.fixture(scope="module")
def first(cli, block):
    result = cli("review", "--format", "json", "--no-history", "--threads", "2", *(block / f.name for f in FILES))
    assert result.exit_code == 0, result.stderr
    return result.json()


def test_review_again_with_other_threads_is_identical(cli, block, first):
    again = cli("review", "--format", "json", "--no-history", "--threads", "1", *(block / f.name for f in FILES))
    assert again.exit_code == 0, again.stderr
    assert len(again.json()) == len(first) == len(FILES)
    for got, want in zip(again.json(), first):
        assert_same_review(got, want)


def test_batch_with_two_worker_processes_is_identical(cli, block, first, tmp_path):
    """Two worker processes, one decode at once each (a batch of one worker reviews in this
    process with the same settings as `review`)."""
    out = tmp_path / "out"  # a new folder: nothing reused
    result = cli("batch", block.parent, "-o", out, "--workers", "2", "--no-history")
    assert result.exit_code == 0, result.stderr
    rows = {r["file"].rsplit("/", 1)[-1]: r for r in map(json.loads, (out / "results.jsonl").read_text().splitlines())}
    assert len(rows) == len(first)
    for review in first:
        assert_same_review(rows[review["file"].rsplit("/", 1)[-1]], review, ROW)


def test_the_api_is_identical(base_transcriber, block, first, tmp_path):
    config = ServerConfig(device="cpu", db_path=tmp_path / "history.sqlite", data_dir=tmp_path / "data")
    with TestClient(create_app(config)) as client:
        for review in first:
            path = block / review["file"].rsplit("/", 1)[-1]
            with open(path, "rb") as f:
                got = client.post("/api/review", data={"rep": "dana"}, files={"file": (path.name, f)})
            assert got.status_code == 200, got.text
            assert_same_review(got.json(), review, API)
            assert got.json()["summary"] == summary_of(review).to_dict()


def test_the_hesitant_recording_is_really_hesitant(first):
    """Whisper is unsure of its words here: what makes this a test of determinism."""
    assert min(w["probability"] for w in first[0]["words"]) < 0.5


def test_every_decode_runs_on_one_thread_whatever_threads_asks(monkeypatch):
    """`--threads` (and a batch's or a Dask worker's share of the cores) sets how many decodes run
    at once, never the threads inside one: on oneDNN (every CPU that is not Intel's) a small GEMM's
    inner sum is split between threads, so 2 threads add in another order than 1."""
    import faster_whisper

    from reviewer.recognition.engine import Transcriber

    built = []

    class Model:
        def __init__(self, path, **kwargs):
            built.append(kwargs)
            self.model = object()

    monkeypatch.setattr(faster_whisper, "WhisperModel", Model)
    for threads in (0, 1, 2, 8):
        Transcriber("tiny.en", device="cpu", cpu_threads=threads)
    assert [b["cpu_threads"] for b in built] == [1, 1, 1, 1]
    assert [b["num_workers"] for b in built] == [2, 1, 2, 8]
