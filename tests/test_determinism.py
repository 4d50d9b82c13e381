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

import numpy as np
import pytest
from conftest import API, DATA, ROW, SAMPLES, assert_same_review
from starlette.testclient import TestClient

from reviewer.apps.server import ServerConfig, create_app
from reviewer.record.summary import summary_of
from reviewer.sound.decode import load_audio

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
    import ctranslate2
    import faster_whisper

    from reviewer.recognition.engine import Transcriber

    built, encoders = [], []

    class Model:
        def __init__(self, path, **kwargs):
            built.append(kwargs)
            self.model = object()

    class Encoder:
        def __init__(self, path, **kwargs):
            encoders.append(kwargs)

    monkeypatch.setattr(faster_whisper, "WhisperModel", Model)
    monkeypatch.setattr(ctranslate2.models, "Whisper", Encoder)
    transcribers = [Transcriber("tiny.en", device="cpu", cpu_threads=threads) for threads in (0, 1, 2, 8)]
    assert [b["cpu_threads"] for b in built] == [1, 1, 1, 1]
    assert [b["num_workers"] for b in built] == [2, 1, 2, 8]
    assert encoders == [] and all(t._encoder is t._ct2 for t in transcribers)  # one review: no other model
    for t in transcribers:
        t.load_encoder()  # a process that reviews many times
    # The encoder alone runs on every thread the decodes at once are given (below: its output is
    # the same on any number); with one decode at a time it is the decoding model's own.
    assert [(e["intra_threads"], e["inter_threads"]) for e in encoders] == [(2, 1), (2, 1), (8, 1)]
    assert transcribers[1]._encoder is transcribers[1]._ct2
    assert all(isinstance(t._encoder.result(), Encoder) for t in (transcribers[0], *transcribers[2:]))  # loaded aside


@pytest.mark.parametrize("model", ["tiny.en", "base"])
def test_the_encoder_gives_the_same_output_on_one_two_and_four_threads(model):
    """What ENCODER_THREADS rests on, on this machine's CPU kernels (CI runs this module on MKL and
    on oneDNN, AVX2): the encoder's matrix products are split by rows, never by their inner sum, so
    its output is bit-for-bit the same however many threads run it, in a 30 s window and in the
    number's 15 s one. Real model, real audio (a telephone recording and a wide-band one)."""
    import ctranslate2
    from faster_whisper.feature_extractor import FeatureExtractor

    from reviewer.recognition.models import resolve_model

    path = str(resolve_model(model).path)
    models = [ctranslate2.models.Whisper(path, device="cpu", compute_type="int8", intra_threads=n) for n in (1, 2, 4)]
    for recording in (SAMPLES / "real_fillers.wav", DATA / "hesitant_phone.wav"):
        audio = load_audio(recording)
        features = FeatureExtractor()(audio.samples[: 30 * audio.rate])
        for frames in (3000, 1500):
            window = np.zeros((1, features.shape[0], frames), np.float32)
            kept = min(frames, features.shape[1])
            window[0, :, :kept] = features[:, :kept]
            view = ctranslate2.StorageView.from_array(window)
            outputs = [np.array(m.encode(view, to_cpu=True)) for m in models]
            assert np.abs(outputs[0]).max() > 0.1  # a real encoding
            assert all(np.array_equal(outputs[0], o) for o in outputs[1:]), (recording.name, frames)
