"""The plain and the filler-prompted pass share one encoder run per window (recognition/memo.py's
`Memo`), and sharing changes no word: the real base model on real audio, and the memo's
waiting on a stand-in model whose encoder is slow; and one Silero run serves every VAD
call of a review (`RememberedVad`)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES

from reviewer.recognition.engine import DecodeOptions
from reviewer.recognition.memo import Memo
from reviewer.recognition.models import resolve_model
from reviewer.recognition.passes import prompted_pass
from reviewer.sound.decode import load_audio

pytestmark = pytest.mark.fresh_reviews  # its tests count the model's encoder runs: every decode is real


class CountedEncoder:
    """The CTranslate2 model with its encoder runs counted."""

    def __init__(self, model):
        self.model, self.runs = model, 0

    def __getattr__(self, name):
        return getattr(self.model, name)

    def encode(self, *args, **kwargs):
        self.runs += 1
        return self.model.encode(*args, **kwargs)


def counting(transcriber) -> CountedEncoder:
    shared = transcriber._shared  # the Memo that shares encoder outputs
    assert isinstance(shared, Memo)
    if not isinstance(shared._encoder_model, CountedEncoder):  # the model the encoder runs on
        shared._encoder_model = CountedEncoder(transcriber.loaded_encoder())
    return shared._encoder_model


def test_the_models_say_which_window_the_prompted_pass_decodes():
    assert resolve_model("base").filler_window == "plain"  # measured: as many fillers or more
    assert resolve_model("tiny.en").filler_window == "clips"  # measured: fewer on the shared window


def test_both_passes_of_a_voicemail_run_the_encoder_once_and_sharing_changes_no_word(base_transcriber):
    audio = load_audio(SAMPLES / "real_fillers.wav")  # 20 s of speech: one window
    counter = counting(base_transcriber)
    base_transcriber.forget_encodings()

    counter.runs = 0
    alone = prompted_pass(base_transcriber, audio)  # nothing to share: its own encoder run
    assert counter.runs == 1
    base_transcriber.forget_encodings()

    counter.runs = 0
    with ThreadPoolExecutor(max_workers=1) as pool:  # as a review runs them: side by side
        prompted = pool.submit(prompted_pass, base_transcriber, audio)
        plain = base_transcriber.transcribe(audio, DecodeOptions())
        shared = prompted.result()
    assert counter.runs == 1  # one window, one encoder run, for both passes
    assert shared.words == alone.words
    assert [w.text for w in plain.words] != [w.text for w in shared.words]  # two decodes all the same
    base_transcriber.forget_encodings()
    assert len(base_transcriber._shared._encoded) == 0


class SlowEncoder:
    def __init__(self):
        self.runs = 0
        self.lock = threading.Lock()

    def encode(self, features, to_cpu=False):
        with self.lock:
            self.runs += 1
        time.sleep(0.2)
        return ("encoded", np.asarray(features).sum())

    def generate(self, encoder_output, prompts, **kwargs):
        return [encoder_output, prompts]


def test_two_threads_asking_for_the_same_features_wait_for_one_encoder_run():
    model = SlowEncoder()
    memo = Memo(model, max_entries=0, max_encoded=2)
    features = np.ones((1, 80, 3000), dtype=np.float32)

    def decode(prompt):
        return memo.generate(memo.encode(features), [prompt])

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(decode, ["plain", "prompted"]))
    assert model.runs == 1
    assert results[0][0] is results[1][0]  # the same encoder output
    assert [r[1] for r in results] == [["plain"], ["prompted"]]
    assert len(memo) == 0  # max_entries 0: no decode is answered from memory

    other = features * 2  # other features: their own run
    memo.generate(memo.encode(other), ["plain"])
    assert model.runs == 2


def test_a_review_runs_silero_once_per_recording_and_the_regions_are_as_without_memory(base_transcriber):
    """Speech regions, both passes' VAD filter and the window check all threshold one run of
    Silero; the remembered probabilities give the same regions as a fresh run."""
    import faster_whisper.vad as fw_vad
    from faster_whisper.utils import get_assets_path
    from faster_whisper.vad import SileroVADModel, VadOptions, get_speech_timestamps

    from reviewer.pipeline import Reviewer
    from reviewer.recognition.vad import remembered_vad, speech_regions, whisper_vad_chunks

    base_reviewer = Reviewer(model="base", device="cpu")  # the session's loaded base model

    path = SAMPLES / "good_callback.wav"
    vad = remembered_vad()
    before = vad.runs
    base_reviewer.review_file(path)
    assert vad.runs - before == 1
    audio = load_audio(path)
    base_reviewer.transcriber.forget_encodings()
    remembered = (speech_regions(audio), whisper_vad_chunks(audio.samples))
    assert vad.runs - before == 2  # forgotten after the review: the next one pays again

    fresh = SileroVADModel(str(Path(get_assets_path()) / "silero_vad_v6.onnx"))  # the same network, no memory
    installed, fw_vad.get_vad_model = fw_vad.get_vad_model, lambda: fresh
    try:
        unremembered = (
            speech_regions(audio),
            [(c["start"], c["end"]) for c in get_speech_timestamps(audio.samples, VadOptions())],
        )
    finally:
        fw_vad.get_vad_model = installed
    assert remembered == unremembered
    assert remembered[0]  # the sample has speech


class ShapeRecorder:
    """A stand-in encoder that notes the shape of every window it is given."""

    def __init__(self):
        self.shapes = []

    def encode(self, features, to_cpu=False):
        self.shapes.append(tuple(np.asarray(features).shape))
        return ("encoded", self.shapes[-1])


def test_a_window_keeps_the_sound_and_drops_only_padding_in_the_thread_that_asks():
    model = ShapeRecorder()
    memo = Memo(model, max_entries=0)

    def padded(sound_frames: int) -> np.ndarray:
        features = np.zeros((1, 80, 3000), dtype=np.float32)  # faster-whisper pads with zero frames
        features[..., :sound_frames] = -0.5
        return features

    with memo.window(1500):
        memo.encode(padded(301)).value()  # a short saying: padded to the window
        memo.encode(padded(2001)).value()  # more sound than the window: all of it, no padding
        with ThreadPoolExecutor(max_workers=1) as pool:  # another thread: Whisper's 30 s
            pool.submit(lambda: memo.encode(padded(301)).value()).result()
    memo.encode(padded(302)).value()  # outside it: 30 s again
    assert model.shapes == [(1, 80, 1500), (1, 80, 2002), (1, 80, 3000), (1, 80, 3000)]


def test_recorded_digits_heard_in_a_15_s_encoder_window(base_transcriber):
    """The number's quick listen (measures/number/second_listen.py) encodes a 15 s window, not
    Whisper's 30 s, and a clearly recorded number comes through it whole."""
    from reviewer.measures.number.digits import digits_in_word
    from reviewer.measures.number.listens import QUICK_WINDOW_S, digits_options

    audio = load_audio(Path(__file__).parent / "data" / "allison_7634164321.wav")  # 11.4 s
    options = digits_options(None, audio.duration, QUICK_WINDOW_S)
    shared = base_transcriber._shared
    real = shared._encoder_model
    shared._encoder_model = WithShapes(base_transcriber.loaded_encoder())
    try:
        heard = base_transcriber.transcribe(audio, options, clip=(0.0, audio.duration))
        shapes = shared._encoder_model.shapes
    finally:
        shared._encoder_model = real
        base_transcriber.forget_encodings()
    assert shapes == [(1, 80, 1500)]
    assert "".join(digits_in_word(w.text) for w in heard.words) == "7634164321"


class WithShapes:
    """The CTranslate2 model with the shape of each window it encodes noted."""

    def __init__(self, model):
        self.model, self.shapes = model, []

    def __getattr__(self, name):
        return getattr(self.model, name)

    def encode(self, features, **kwargs):
        self.shapes.append(tuple(features.shape))
        return self.model.encode(features, **kwargs)


def test_a_review_starts_the_number_s_quick_listens_before_the_plain_pass_ends_and_decodes_each_once(monkeypatch):
    """With two decodes at once, a review's quick listens to the number start from the plain
    pass's words as its segments come (measures/number/listens.py), and the second listen uses
    them: no clip is decoded twice. The reviews being the same with one decode at a time (no
    listens ahead, the encoder on one thread) is tests/test_determinism.py's."""
    from reviewer.measures.number.listens import Listens
    from reviewer.pipeline import Reviewer
    from reviewer.recognition.engine import Transcriber

    reviewer = Reviewer(model="base", device="cpu")
    assert reviewer.transcriber.decodes == 2
    plain_done = threading.Event()
    started, clips = [], []
    transcribe, start = Transcriber.transcribe, Listens.start

    def traced_transcribe(self, audio, options=None, clip=None, regions=None, segment_done=None):
        if clip is not None:
            clips.append((clip, options.encoder_window_s))
        out = transcribe(self, audio, options, clip, regions, segment_done)
        if clip is None and not (options and options.window_prompt):
            plain_done.set()
        return out

    def traced_start(self, stretch, window_s):
        started.append((stretch, window_s, plain_done.is_set()))
        return start(self, stretch, window_s)

    monkeypatch.setattr(Transcriber, "transcribe", traced_transcribe)
    monkeypatch.setattr(Listens, "start", traced_start)
    review = reviewer.review_file(Path(SAMPLES) / "bench" / "callback.flac").to_dict()
    assert len(clips) == len(set(clips)) >= 2  # both sayings, each clip decoded once
    assert any(not after_plain for _, _, after_plain in started)  # one began beside the plain pass
    assert review["phone_numbers"][0]["digits"].endswith("6124372968")


def test_until_the_encoder_s_own_model_has_loaded_the_decoding_model_encodes():
    """The encoder's own model (more threads, the same output) loads in the background; a review
    that starts meanwhile is not held up: the decoding model encodes until it is there."""
    decoding, own = ShapeRecorder(), ShapeRecorder()
    loading: Future = Future()
    memo = Memo(decoding, max_entries=0, encoder=loading)
    features = np.ones((1, 80, 3000), dtype=np.float32)
    memo.encode(features).value()
    assert (len(decoding.shapes), len(own.shapes)) == (1, 0)
    loading.set_result(own)
    memo.encode(features * 2).value()
    assert (len(decoding.shapes), len(own.shapes)) == (1, 1)
    failed: Future = Future()
    failed.set_exception(RuntimeError("out of memory"))
    memo = Memo(decoding, max_entries=0, encoder=failed)  # it could not load: the decoding model goes on
    memo.encode(features * 3).value()
    assert len(decoding.shapes) == 2
