"""Shared fixtures: the real models, loaded once per session, and real audio files.

CLI tests run `reviewer` in-process through click's runner so the model loads once
(`Transcriber.shared` caches it); a few tests run the installed console script in a
subprocess to prove what a user sees: exit codes, one-line errors, no traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

# Reviews are stored in a history database by default: keep the tests' out of the user's own.
os.environ["REVIEWER_DB"] = os.path.join(tempfile.mkdtemp(prefix="reviewer-test-history-"), "history.sqlite")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data"  # committed test audio, built by tests/data/build.py (make fixtures)
OUTPUT = ROOT / "test-output"  # artefacts a person may want to look at (screenshots, reports)
# The browser tests drive Debian's chromium through playwright (no browser download).
CHROMIUM = Path(os.environ.get("REVIEWER_TEST_CHROMIUM", "/usr/bin/chromium"))


# Quiet, offline Chromium: without these it tries Google's hosts at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def launch_chromium(playwright, *extra_args: str):
    """Debian's chromium through playwright, headless, offline (no browser download)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[*CHROMIUM_ARGS, *extra_args])


@contextlib.contextmanager
def serve_in_thread(config, start_s: float = 60.0):
    """The practice app under a real uvicorn on a free loopback port: yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from reviewer.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_s
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


CHROMIUM_MISSING = "chromium is missing (apt-get install chromium fonts-dejavu-core)"


def have_chromium() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def require_chromium() -> None:
    if not have_chromium():
        pytest.skip(f"browser tests: {CHROMIUM_MISSING}")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives chromium; left out, in one line, where it is missing")
    config.addinivalue_line("markers", "fresh_reviews: every review decodes (no reuse of the session's reviews)")


def pytest_collection_modifyitems(config, items):
    """The one thing the suite leaves out: the browser tests on a machine without chromium,
    said in one line at the end rather than one per test."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser and not have_chromium():
        items[:] = [item for item in items if not item.get_closest_marker("browser")]
        config.hook.pytest_deselected(items=browser)
        config.stash[_LEFT_OUT] = len(browser)


_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    if left_out := config.stash.get(_LEFT_OUT, 0):
        terminalreporter.write_line(f"SKIPPED {left_out} browser tests: {CHROMIUM_MISSING}")


_REVIEWS: dict = {}  # (audio SHA-256, settings) -> Review, for this session


@pytest.fixture(autouse=True)
def reuse_reviews(request, monkeypatch):
    """Reviews are deterministic (test_determinism shows it with this off), so a test that
    reviews audio the session already reviewed with the same settings gets that review, under
    its own file name, instead of decoding again: most modules review the same samples. A test
    marked `fresh_reviews` always decodes."""
    if request.node.get_closest_marker("fresh_reviews"):
        yield
        return
    import dataclasses
    import hashlib

    from reviewer.review import Reviewer

    decode = Reviewer.review_audio

    def review_audio(self, audio, file):
        digest = hashlib.sha256(audio.samples.tobytes()).hexdigest()
        t = self.transcriber
        key = (digest, audio.rate, audio.source_rate, audio.source_channels, t.spec.name, str(t.spec.path),
               t.device, repr(self.options), self.fillers, repr(self.thresholds), self.goal, repr(self.script),
               repr(self.profile))  # fmt: skip
        if key not in _REVIEWS:
            review = decode(self, audio, file)
            _REVIEWS[key] = dataclasses.replace(review, signal=None)  # the audio and its measurements not kept
            return review
        return dataclasses.replace(_REVIEWS[key], file=file)

    monkeypatch.setattr(Reviewer, "review_audio", review_audio)
    yield


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SAMPLES / "expected.json").read_text())


@pytest.fixture(scope="session")
def base_transcriber():
    from reviewer.transcribe import Transcriber

    return Transcriber.shared("base", "cpu", 0)


@pytest.fixture(scope="session")
def tiny_transcriber():
    from reviewer.transcribe import Transcriber

    return Transcriber.shared("tiny.en", "cpu", 0)


def truth_transcript(name: str, audio=None):
    """A sample's transcript from its known segment times (samples/expected.json): each
    segment's words spread over its span by length, the VAD's regions from the real audio.
    Tonality and structure logic is tested on it, so no Whisper punctuation or kernel decides."""
    from reviewer.audio import load_audio
    from reviewer.transcribe import speech_regions
    from reviewer.words import Transcript, Word

    truth = json.loads((SAMPLES / "expected.json").read_text())["samples"][name]
    audio = audio if audio is not None else load_audio(SAMPLES / truth["file"])
    words = []
    for seg in truth["segments"]:
        tokens = seg["text"].split()
        weights = [len(t.strip(",.!?")) + 1 for t in tokens]
        t, span = seg["start"], seg["end"] - seg["start"]
        for tok, wgt in zip(tokens, weights):
            dt = span * wgt / sum(weights)
            words.append(Word(tok, round(t, 3), round(t + dt, 3), 0.95))
            t += dt
    return Transcript(tuple(words), audio.duration, speech_regions(audio), "en", "truth", ("truth",))


class CliResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture(scope="session")
def cli(base_transcriber):
    """Run `reviewer ARGS` in this process (the loaded model is reused)."""
    from reviewer.cli import main

    def run(*args: str) -> CliResult:
        result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


SAMPLE_NAMES = ("good_callback", "fillers_rushed", "too_long", "real_voice_number", "real_fillers")


@pytest.fixture(scope="session")
def sample_reviews(cli, expected) -> dict:
    """`reviewer review --format json` on every shipped sample, once per session: name -> review."""
    result = cli("review", "--format", "json", *[SAMPLES / expected["samples"][n]["file"] for n in SAMPLE_NAMES])
    assert result.exit_code == 0, result.stderr
    return dict(zip(SAMPLE_NAMES, result.json()))


@pytest.fixture(scope="session")
def cli_process():
    """Run the installed `reviewer` console script, as a user would."""
    exe = shutil.which("reviewer", path=str(Path(sys.executable).parent)) or "reviewer"

    def run(*args: str, env: dict | None = None) -> CliResult:
        proc = subprocess.run(
            [exe, *map(str, args)], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


def check_screenshot(page, path: Path) -> None:
    """A full-page screenshot a person can read: nothing wider than the window (no sideways
    scrolling, no cut-off text), the picture is the whole page at its size, and it shows the
    page: wherever the page puts text of its own, the picture has ink on a background (a blank,
    black or stale picture of the right size fails)."""
    from PIL import Image  # the test extra

    overflow = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return r.width > 0 && s.visibility !== 'hidden' && r.right > document.documentElement.clientWidth + 1
                && !e.closest('[style*="overflow"], .scroll, table');
        }).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert overflow == [], f"wider than the window: {overflow}"
    width = page.evaluate("document.documentElement.clientWidth")
    height = page.evaluate("document.documentElement.scrollHeight")
    texts = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return r.width >= 8 && r.height >= 8 && s.visibility !== 'hidden' && s.opacity !== '0'
                && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length >= 2);
        }).slice(0, 60).map(e => { const r = e.getBoundingClientRect();
            return [e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 20),
                    r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]; })"""
    )
    page.screenshot(path=str(path), full_page=True)
    with Image.open(path) as picture:
        assert picture.format == "PNG", picture.format
        w, h = picture.size
        pixels = np.asarray(picture.convert("RGB"))
    assert abs(w - width) <= 16 and abs(h - height) <= 2, ((w, h), (width, height))
    assert len(texts) >= 3, f"the page shows almost no text: {texts}"
    blank = []
    for name, left, top, right, bottom in texts:
        box = pixels[max(0, int(top)) : int(bottom) + 1, max(0, int(left)) : int(right) + 1].reshape(-1, 3)
        if len(box) == 0 or (box == box[0]).all():  # one colour: no text drawn there
            blank.append(name)
    assert not blank, f"text on the page but not in the picture: {blank[:5]}"


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    sf.write(str(path), samples, rate, subtype="PCM_16")
    return path


def resample(data: np.ndarray, rate: int, new_rate: int) -> np.ndarray:
    """Band-limited resampling (FFmpeg's, through PyAV), as a phone line or a recorder would."""
    import av

    frame = av.AudioFrame.from_ndarray(data.astype(np.float32).reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=new_rate)
    out = resampler.resample(frame) + resampler.resample(None)
    return np.concatenate([f.to_ndarray().reshape(-1) for f in out])


def encode_with_pyav(src: Path, dst: Path, codec: str, rate: int | None = None) -> Path:
    """Re-encode a sample to MP3/M4A/OGG with PyAV, which faster-whisper already brings."""
    import av

    data, sr = sf.read(str(src), dtype="float32")
    rate = rate or sr
    with av.open(str(dst), "w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        ctx = stream.codec_context
        resampler = av.AudioResampler(format=ctx.format.name, layout="mono", rate=rate)
        fifo = av.AudioFifo()
        frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = sr
        for converted in resampler.resample(frame) + resampler.resample(None):
            fifo.write(converted)
        size = ctx.frame_size or 1024
        while (chunk := fifo.read(size) or fifo.read()) is not None:
            for packet in stream.encode(chunk):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return dst
