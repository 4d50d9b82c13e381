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
# Tables render at one width whoever runs the suite (a terminal, CI, an xdist worker: 80 columns
# with longer temporary paths cut names short); tests about narrow screens set their own.
os.environ["COLUMNS"] = "160"

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


def t(words: str, start: float = 0.5, step: float = 0.4, digit_step: float = 0.5):
    """A hand-built transcript: words `step` s apart; digits `digit_step` s apart with a 0.4 s
    pause between 3-3-4 groups (the rubric's unit tests read it)."""
    from reviewer.recognition.words import words_from_tuples

    rows, now, run = [], start, 0
    for w in words.split():
        is_digit = w.strip(",.").isdigit() and len(w.strip(",.")) == 1
        run = run + 1 if is_digit else 0
        if is_digit and run in (4, 7):
            now += 0.4
        step_now = digit_step if is_digit else step
        rows.append((w, now, now + step_now * 0.7))
        now += step_now
    return words_from_tuples(rows, duration=now + 0.5)


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

    from reviewer.apps.server import create_app

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


# The modules that take longest (seconds on 2 cores, one worker, oneDNN), run first: a parallel
# run (`make test`: pytest-xdist, a module per worker at a time) then ends on short modules
# instead of one worker finishing a long one alone. Modules not listed follow in their order.
SLOWEST_MODULES = {
    "test_batch.py": 131, "test_coaching.py": 96, "test_determinism.py": 90, "test_verdicts_e2e.py": 51,
    "test_history.py": 50, "test_profile_e2e.py": 43, "test_practice_browser.py": 43, "test_report.py": 40,
    "test_bad_input.py": 40, "test_server_security.py": 31, "test_stream.py": 28, "test_models_offline.py": 23,
    "test_fillers_detect.py": 22, "test_hardening.py": 20, "test_issue24_e2e.py": 60, "test_numbers_e2e.py": 20,
}  # fmt: skip


def pytest_collection_modifyitems(config, items):
    """Slowest modules first (SLOWEST_MODULES); and the one thing the suite leaves out: the
    browser tests on a machine without chromium, said in one line at the end rather than one per
    test."""
    items.sort(key=lambda item: -SLOWEST_MODULES.get(item.path.name, 0))  # stable: each module's order kept
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser and not have_chromium():
        items[:] = [item for item in items if not item.get_closest_marker("browser")]
        config.hook.pytest_deselected(items=browser)
        config.stash[_LEFT_OUT] = len(browser)


_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    if left_out := config.stash.get(_LEFT_OUT, 0):
        terminalreporter.write_line(f"SKIPPED {left_out} browser tests: {CHROMIUM_MISSING}")
    elif config.pluginmanager.has_plugin("dsession") and not have_chromium():
        # xdist's controller: the workers collected and left them out (the deselected count)
        terminalreporter.write_line(f"SKIPPED the browser tests: {CHROMIUM_MISSING}")


class SharedResults:
    """Reviews (or transcripts) this test run has decoded, by (audio, settings): in memory, and on
    disk for the other workers of a parallel run (pytest-xdist), so no two workers decode the same
    thing; a worker that finds another decoding it waits for that result (a lock file per key)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.memory: dict = {}

    def get(self, key: tuple, decode):
        import fcntl
        import hashlib
        import pickle

        if key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return self._decode(key, decode)
        name = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
        stored = self.folder / f"{name}.pickle"
        with open(self.folder / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if stored.exists():
                result = self.memory[key] = pickle.loads(stored.read_bytes())
                return result
            result = self._decode(key, decode)
            partial = stored.with_suffix(f".{os.getpid()}")
            partial.write_bytes(pickle.dumps(self.memory[key]))
            partial.rename(stored)
        return result

    def _decode(self, key: tuple, decode):
        """The result, for the caller whole; kept without the audio and its measurements."""
        result = decode()
        self.memory[key] = _without_signal(result)
        return result


def _without_signal(result):
    import dataclasses

    return dataclasses.replace(result, signal=None) if hasattr(result, "signal") else result


_REVIEWS = SharedResults(None)
_DECODES = SharedResults(None)  # transcripts: no `signal` field, kept whole


_FRESH: list[bool] = [False]  # whether the test (or module fixture) running now must decode


@pytest.fixture(scope="session", autouse=True)
def reuse_reviews(tmp_path_factory):
    """Reviews are deterministic (test_determinism shows it with this off), so a review of audio
    this run already reviewed with the same settings is that review, under its own file name,
    instead of a decode again: most modules review the same samples. From the session's start,
    so module and session fixtures share too; a test or module marked `fresh_reviews` always
    decodes (`_fresh_module`, `_fresh_test`)."""
    import dataclasses
    import hashlib

    from reviewer.pipeline import Reviewer

    if os.environ.get("PYTEST_XDIST_WORKER"):  # an xdist worker: its basetemp is in the run's own
        shared = tmp_path_factory.getbasetemp().parent / "shared-results"  # (pytest keeps the last 3)
        for store, name in ((_REVIEWS, "reviews"), (_DECODES, "decodes")):
            store.folder = shared / name
            store.folder.mkdir(parents=True, exist_ok=True)
    decode = Reviewer.review_audio

    def review_audio(self, audio, file):
        if _FRESH[0]:
            return decode(self, audio, file)
        digest = hashlib.sha256(audio.samples.tobytes()).hexdigest()
        t = self.transcriber
        key = (digest, audio.rate, audio.source_rate, audio.source_channels, t.spec.name, str(t.spec.path),
               t.device, repr(self.options), self.fillers, repr(self.thresholds), repr(self.detection), self.goal, repr(self.script),
               repr(self.profile))  # fmt: skip
        review = _REVIEWS.get(key, lambda: decode(self, audio, file))
        return review if review.file == file else dataclasses.replace(review, file=file)

    Reviewer.review_audio = review_audio
    yield
    Reviewer.review_audio = decode


@pytest.fixture(scope="session", autouse=True)
def reuse_decodes(reuse_reviews):
    """Under the reviews, each decode (the plain pass, the prompted pass's windows, the number's
    second listens) is shared the same way, by the audio, the model and every decoding option:
    a review of the same audio with another script, profile, goal or rubric re-runs only what
    those change. A test or module marked `fresh_reviews` decodes."""
    import hashlib

    from reviewer.recognition.engine import Transcriber

    transcribe = Transcriber.transcribe

    def shared(self, audio, options=None, clip=None, regions=None, segment_done=None):
        if _FRESH[0]:
            return transcribe(self, audio, options, clip, regions, segment_done)
        digest = hashlib.sha256(audio.samples.tobytes()).hexdigest()
        key = ("decode", digest, audio.rate, self.spec.name, str(self.spec.path), self.device,
               repr(options or self.options), clip, regions)  # fmt: skip
        decoded = _DECODES.get(key, lambda: transcribe(self, audio, options, clip, regions))
        if segment_done is not None:  # as if its segments came all at once
            segment_done(decoded.words)
        return decoded

    Transcriber.transcribe = shared
    yield
    Transcriber.transcribe = transcribe


@pytest.fixture(scope="module", autouse=True)
def _fresh_module(request):
    """A module marked `fresh_reviews` decodes in its module fixtures too (autouse: set first)."""
    before, _FRESH[0] = _FRESH[0], request.node.get_closest_marker("fresh_reviews") is not None
    yield
    _FRESH[0] = before


@pytest.fixture(autouse=True)
def _fresh_test(request, _fresh_module):
    before = _FRESH[0]
    _FRESH[0] = before or request.node.get_closest_marker("fresh_reviews") is not None
    yield
    _FRESH[0] = before


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SAMPLES / "expected.json").read_text())


@pytest.fixture(scope="session")
def base_transcriber():
    from reviewer.recognition.engine import Transcriber

    return Transcriber.shared("base", "cpu", 0)


@pytest.fixture(scope="session")
def tiny_transcriber():
    from reviewer.recognition.engine import Transcriber

    return Transcriber.shared("tiny.en", "cpu", 0)


def truth_transcript(name: str, audio=None):
    """A sample's transcript from its known segment times (samples/expected.json): each
    segment's words spread over its span by length, the VAD's regions from the real audio.
    Tonality and structure logic is tested on it, so no Whisper punctuation or kernel decides."""
    from reviewer.recognition.vad import speech_regions
    from reviewer.recognition.words import Transcript, Word
    from reviewer.sound.decode import load_audio

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


WHERE = {"file"}  # where the recording was: the one field two front ends may give otherwise
ROW = {"rep", "date"}  # what a batch's results.jsonl adds to each review
API = {"recording", "history", "pitch_contour", "summary"}  # what the server adds (test_server.py)


def assert_same_review(got: dict, want: dict, added: set[str] = frozenset()) -> None:
    """`got` is the review `want`, field for field, both ways: the same fields (beside what its
    front end `added`) with the same values, where the recording was aside."""
    assert set(got) - added - WHERE == set(want) - added - WHERE, set(got) ^ set(want)
    differ = sorted(k for k in set(want) - added - WHERE if got[k] != want[k])
    assert not differ, {k: (got[k], want[k]) for k in differ[:3]}


class CliResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture(scope="session")
def cli(base_transcriber):
    """Run `reviewer ARGS` in this process (the loaded model is reused)."""
    from reviewer.apps.cli import main

    def run(*args: str) -> CliResult:
        result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


SAMPLE_NAMES = ("good_callback", "fillers_rushed", "too_long", "real_voice_number", "real_fillers")


@pytest.fixture(scope="session")
def sample_reviews(cli, expected) -> dict:
    """`reviewer review --format json` on every shipped sample, once per session: name -> review.
    Each xdist worker starts at another sample, so workers that need them at once decode
    different ones side by side (and share them) instead of waiting on one another in turn."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    k = worker % len(SAMPLE_NAMES)
    names = SAMPLE_NAMES[k:] + SAMPLE_NAMES[:k]
    result = cli("review", "--format", "json", *[SAMPLES / expected["samples"][n]["file"] for n in names])
    assert result.exit_code == 0, result.stderr
    reviews = dict(zip(names, result.json()))
    return {n: reviews[n] for n in SAMPLE_NAMES}


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


def stored_review(file: str, score: int) -> dict:
    """A review as the history stores it, for tests of what is stored and listed (no model needed)."""
    return {
        "schema": 1,
        "file": file,
        "score": score,
        "duration_s": 20.0,
        "speech_start_s": 1.0,
        "speech_end_s": 19.0,
        "word_count": 40,
        "words_per_minute": 133.3,
        "filler_count": 0,
        "fillers_per_minute": 0.0,
        "phone_numbers": [],
        "findings": [{"check": "reason", "status": "fail", "message": "Give a reason.", "start": 2.5}],
        "top_fixes": ["reason"],
    }
