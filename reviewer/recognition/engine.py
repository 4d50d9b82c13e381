"""Speech to words with times, through faster-whisper. The only module that imports it.

Whisper's word times are not gospel: the first word is often stamped from 0.00 s, so we
also keep the VAD's speech regions (Silero, shipped inside faster-whisper) for analyses
that need to know where speech really is.

The decoding passes live here: the plain pass (`Transcriber.transcribe`) and the
filler-prompted pass (`prompted_pass`), whose guards and merging are filler_detect.py's.
The records they produce (`Word`, `Transcript`) are words.py's, re-exported here.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import itertools
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.recognition.memory import limit_arenas
from reviewer.recognition.models import ModelSpec, resolve_model
from reviewer.recognition.words import (  # re-exported: reviewer.recognition.engine.Word still works
    Transcript,
    Word,
    words_from_tuples,
)
from reviewer.sound.decode import Audio


@dataclass(frozen=True)
class DecodeOptions:
    """How Whisper decodes; beam 5 keeps digits one per word (ASR-NOTES.md)."""

    language: str | None = "en"  # None means detect
    beam_size: int = 5
    vad_filter: bool = True
    initial_prompt: str | None = None  # conditions the first 30 s window only (faster-whisper)
    # Text put before every 30 s window (faster-whisper's `hotwords`): a filler prompt must
    # reach every window, and `initial_prompt` is dropped after the first one.
    window_prompt: str | None = None
    temperature: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # fallback ladder; (0.0,) = one greedy/beam try
    max_new_tokens: int | None = None  # tokens per window; bounds the cost of a decoding loop
    without_timestamps: bool = False  # no timestamp tokens: each 30 s window is one segment (word times still come)
    # Stop after the first 30 s window (with without_timestamps): for a clip that fits one,
    # faster-whisper would go on decoding from the last word's end, paying the encoder again
    # for a fraction of a second.
    first_window_only: bool = False
    # Only digits, digit words and separators may be written: for a second listen to a phone
    # number, where a plain decode writes "I'm" for "five" and "heaven" for "seven".
    digits_only: bool = False


def pick_device(device: str = "auto") -> tuple[str, str]:
    """(device, compute_type): CUDA with float16 when ctranslate2 sees a GPU, else CPU int8."""
    import ctranslate2

    if device == "auto":
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        raise RuntimeError("--device cuda was asked for, but no CUDA GPU is visible to CTranslate2")
    return device, ("float16" if device == "cuda" else "int8")


# Each decode runs on one CPU thread (CTranslate2's intra_threads), whatever the machine or the
# settings: the same audio then gives the same words everywhere on one kind of CPU kernel. On
# every CPU that is not Intel's, CTranslate2 runs its float GEMMs on oneDNN, whose AVX2 kernels
# split a product's inner sum between threads when the matrix is small (oneDNN 3.1.1:
# gemm_utils_f32.cpp's calc_nthr_nocopy_avx; gemv_driver.cpp's reduction split): 2 threads add
# in another order than 1, and a hesitant word or a word's time came out otherwise in a batch of
# 2 workers or on a Dask worker (1 thread each) than in a review (2). Cores are used by running
# decodes at once instead (`decodes_at_once`): the two passes of a review, a batch's workers.
DECODE_THREADS = 1
DEFAULT_DECODES = 2  # a review's plain and filler-prompted passes, decoded side by side


def decodes_at_once(cpu_threads: int = 0) -> int:
    """How many decodes one loaded model runs at once (CTranslate2 workers, one thread each) for
    `--threads`: that many CPU threads, 0 for the default (both passes of a review at once)."""
    return cpu_threads if cpu_threads > 0 else DEFAULT_DECODES


class Transcriber:
    """Loads a model once; transcribes many recordings."""

    @classmethod
    def shared(cls, model: str = "base", device: str = "auto", cpu_threads: int = 0) -> Transcriber:
        """One loaded model per (model, device, decodes at once) in this process, for every caller."""
        return cls._shared(model, device, decodes_at_once(cpu_threads))

    @classmethod
    @functools.lru_cache(maxsize=4)
    def _shared(cls, model: str, device: str, decodes: int) -> Transcriber:
        return cls(model, device=device, cpu_threads=decodes)

    def __init__(
        self,
        model: str | ModelSpec = "base",
        device: str = "auto",
        cpu_threads: int = 0,
        options: DecodeOptions | None = None,
    ):
        from faster_whisper import WhisperModel

        limit_arenas()  # before the model's threads allocate (memory.py)
        remembered_vad()  # one Silero run per recording for all of a review's VAD calls
        self.spec = model if isinstance(model, ModelSpec) else resolve_model(model)
        self.device, self.compute_type = pick_device(device)
        self.options = options or DecodeOptions()
        # One thread per decode (DECODE_THREADS), `cpu_threads` decodes at once: with two, the
        # filler-prompted pass decodes beside the plain pass (prompted_pass); CTranslate2 runs
        # calls from two Python threads in parallel only with num_workers >= 2.
        self.decodes = decodes_at_once(cpu_threads)
        self._model = WhisperModel(
            str(self.spec.path),
            device=self.device,
            compute_type=self.compute_type,
            cpu_threads=DECODE_THREADS,
            num_workers=self.decodes,
            local_files_only=True,
        )
        # Whisper's fallback ladder samples at temperature > 0 from CTranslate2's per-thread
        # random generator, which nothing can re-seed per call: the same file gave different
        # words run after run. Every step of the ladder is made a beam search instead.
        # Behind it, a `Memo` that keeps no results but shares encoder outputs: the plain and
        # the filler-prompted pass decode the same window of features, and the encoder (the
        # most expensive call, and the peak of a review's memory) then runs once for both.
        self._ct2 = self._model.model
        self._memo: Memo | None = None  # a memo that also answers repeated calls (remembering)
        self._shared = Memo(self._ct2, max_entries=0, max_encoded=SHARED_ENCODINGS)
        self._model.model = DeterministicFallback(self._shared, self.options.beam_size)

    def transcribe(
        self,
        audio: Audio,
        options: DecodeOptions | None = None,
        clip: tuple[float, float] | None = None,
        regions: tuple[tuple[float, float], ...] | None = None,
    ) -> Transcript:
        """Transcribe the recording, or only `clip` (start, end in s) of it, with word times;
        `regions` are the VAD's speech regions when measured already (`speech_regions`)."""
        opts = options or self.options
        samples = audio.samples
        offset = 0.0
        if clip is not None:
            a, b = (max(0, int(t * audio.rate)) for t in clip)
            samples, offset = samples[a:b], a / audio.rate
        language = opts.language if not self.spec.english_only else "en"
        segments, info = self._model.transcribe(
            samples,
            language=language,
            beam_size=opts.beam_size,
            word_timestamps=True,
            vad_filter=opts.vad_filter,
            initial_prompt=opts.initial_prompt,
            hotwords=opts.window_prompt,
            condition_on_previous_text=False,
            temperature=list(opts.temperature),
            max_new_tokens=opts.max_new_tokens,
            without_timestamps=opts.without_timestamps,
            suppress_tokens=self._not_digits() if opts.digits_only else [-1],
        )
        if opts.first_window_only:
            segments = _first_window(segments)
        words = tuple(
            Word(
                text=w.word.strip(),
                start=round(float(w.start) + offset, 3),
                end=round(float(w.end) + offset, 3),
                probability=round(float(w.probability), 4),
            )
            for s in segments
            for w in (s.words or [])
            if w.word.strip()
        )
        return Transcript(
            words=words,
            duration=audio.duration,
            speech_regions=(regions if regions is not None else speech_regions(audio)) if clip is None else (),
            language=info.language,
            model=self.spec.name,
            passes=("prompted" if opts.initial_prompt or opts.window_prompt else "plain",),
        )

    def remembering(self, max_entries: int = 256) -> Transcriber:
        """This transcriber (the same loaded model) with a `Memo` of its own in front of the
        model: a call repeated with exactly the same input is answered from the memo. The
        practice server's streaming sessions review the audio so far in the background with one,
        so that the review after Stop finds the windows that did not change already decoded."""
        other = copy.copy(self)
        other._model = copy.copy(self._model)  # faster-whisper's WhisperModel: shares everything but .model
        other._memo = Memo(self._ct2, max_entries)
        other._model.model = DeterministicFallback(other._memo, self.options.beam_size)
        return other

    def forget_encodings(self) -> None:
        """Drop the encoder outputs kept for passes over the same window (after a review: the
        next recording has other windows, and a review of the same file again pays in full, VAD
        included)."""
        if self._memo is None:  # a remembering transcriber keeps its memo for the stream
            self._shared.clear()
            remembered_vad().clear()

    @property
    def memo(self) -> Memo | None:
        return self._memo

    def _not_digits(self) -> list[int]:
        """Every text token that is not a digit, a digit word or a separator (for `digits_only`)."""
        if not hasattr(self, "_suppress_not_digits"):
            tok = self._model.hf_tokenizer
            end = tok.token_to_id("<|endoftext|>")
            allowed = set()
            for word in DIGIT_WORDS + JOINER_WORDS:
                for form in (" " + word, word, " " + word.capitalize(), word.capitalize()):
                    ids = tok.encode(form, add_special_tokens=False).ids
                    if len(ids) == 1:
                        allowed.update(ids)
            for i in range(end):
                text = tok.decode([i]).strip()
                if len(text) <= 1 and (text == "" or text.isdigit() or text in ",.-"):
                    allowed.add(i)
            self._suppress_not_digits = [i for i in range(end) if i not in allowed]
        return self._suppress_not_digits


DIGIT_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Said between two sayings of a number: without it a digits-only listen has no way past the
# joiner and ends after the first saying (or writes a digit for it).
JOINER_WORDS = ("again",)


class DeterministicFallback:
    """CTranslate2's Whisper with the temperature ladder's sampling replaced by beam search.

    faster-whisper retries a window whose text loops (compression ratio) or is unsure (log
    probability) at rising temperatures, sampling each time: the result then depends on
    the random generator's state, which is per CTranslate2 worker thread and outlives every
    call (a batch, the server and a single review would each see another state). Here each
    retry is a beam search with a repetition penalty that grows with the temperature
    (1 + T/2): it breaks the loops the ladder is there for, and the same audio always gives
    the same words. Everything else passes through.
    """

    def __init__(self, model, beam_size: int):
        self._model = model
        self._beam_size = beam_size

    def __getattr__(self, name):
        return getattr(self._model, name)

    def generate(self, features, prompts, **kwargs):
        temperature = kwargs.pop("sampling_temperature", 1.0)
        if kwargs.pop("sampling_topk", 1) != 1 and temperature > 0:
            kwargs.pop("num_hypotheses", None)
            kwargs["beam_size"] = self._beam_size
            kwargs["repetition_penalty"] = max(kwargs.get("repetition_penalty", 1.0), 1.0 + temperature / 2)
        return self._model.generate(features, prompts, **kwargs)


class Preempted(Exception):
    """A memo's `abort` was set: the work in progress gives the model up at its next call."""


SHARED_ENCODINGS = 2  # encoder outputs kept for a pass that decodes the same window (about 3 MB each, base)


class Memo:
    """CTranslate2's Whisper calls answered from memory when their input is exactly the same.

    faster-whisper encodes each 30 s window of log-mel features (`encode`), then decodes it
    (`generate`, `detect_language`) and times its words (`align`). Here `encode` only
    fingerprints the features (BLAKE2b of their bytes and shape) and hands back an `Encoded`
    that runs the encoder when a call first needs it; each later call is keyed by that
    fingerprint and every other argument (the prompt, the beam, the suppressed tokens...), and
    a call seen before returns the result it gave then. Nothing is approximated: different
    features, however close, are another key. The results are small (token ids, scores,
    alignments); `max_entries` bounds them, least recently used first out. The last
    `max_encoded` encoder outputs are kept too (a few MB each), for a decode that was given up
    between the encoder and the decoder. Two calls that need the same features encoded at once
    (two passes in two threads) wait for one encoder run. With `max_entries` 0 only encoder
    outputs are shared (every Transcriber has such a memo; `remembering` adds a full one).

    `abort`, when set to a threading.Event that is set, makes the next call that would run
    the model raise `Preempted` (background work giving the model up to a review)."""

    def __init__(self, model, max_entries: int = 256, max_encoded: int = 4):
        self._model = model
        self._max = max_entries
        self._max_encoded = max_encoded
        self._results: OrderedDict = OrderedDict()
        self._encoded: OrderedDict = OrderedDict()  # features key -> encoder output
        self._encoding: dict[str, threading.Lock] = {}  # features key -> held while it is encoded
        # One encoder run at a time: two at once (two second listens) each hold the attention
        # buffers of a 30 s window (about 100 MB with base); peak RSS of a review 600 -> 550 MB.
        self._encoder = threading.Lock()
        self._lock = threading.Lock()
        self.abort: threading.Event | None = None
        self.hits = self.misses = 0

    def __getattr__(self, name):
        return getattr(self._model, name)

    def __len__(self) -> int:
        return len(self._results)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
            self._encoded.clear()

    def _encode(self, key: str, features, to_cpu: bool):
        """The encoder's output for these features: kept from before, or run now."""
        import ctranslate2

        with self._lock:
            busy = self._encoding.setdefault(key, threading.Lock())
        with busy:  # another thread encoding these features: wait for its output
            with self._lock:
                if key in self._encoded:
                    self._encoded.move_to_end(key)
                    return self._encoded[key]
            try:
                self.check()
                with self._encoder:
                    value = self._model.encode(ctranslate2.StorageView.from_array(features), to_cpu=to_cpu)
                with self._lock:
                    self._encoded[key] = value
                    while len(self._encoded) > self._max_encoded:
                        self._encoded.popitem(last=False)
                return value
            finally:
                with self._lock:
                    self._encoding.pop(key, None)

    def check(self) -> None:
        abort = self.abort
        if abort is not None and abort.is_set():
            raise Preempted("preempted")

    def encode(self, features, to_cpu: bool = False) -> Encoded:
        import numpy as np

        array = np.array(features)  # a copy: the caller's buffer may be reused
        digest = hashlib.blake2b(array.tobytes(), digest_size=20).hexdigest()
        return Encoded(self, array, to_cpu, f"{array.dtype}{array.shape}{digest}")

    def generate(self, encoder_output, *args, **kwargs):
        return self._call("generate", encoder_output, args, kwargs)

    def align(self, encoder_output, *args, **kwargs):
        return self._call("align", encoder_output, args, kwargs)

    def detect_language(self, encoder_output, *args, **kwargs):
        return self._call("detect_language", encoder_output, args, kwargs)

    def _call(self, name: str, encoder_output, args, kwargs):
        if not isinstance(encoder_output, Encoded):
            self.check()
            return getattr(self._model, name)(encoder_output, *args, **kwargs)
        key = (name, encoder_output.key, repr(args), repr(sorted(kwargs.items())))
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                self.hits += 1
                return self._results[key]
        self.check()
        encoded = encoder_output.value()
        self.check()  # the encoder took a while: given up meanwhile?
        result = getattr(self._model, name)(encoded, *args, **kwargs)
        with self._lock:
            self.misses += 1
            self._results[key] = result
            while len(self._results) > self._max:
                self._results.popitem(last=False)
        return result


class Encoded:
    """One window's features and their fingerprint; the encoder runs on the first `value()`."""

    def __init__(self, memo: Memo, features, to_cpu: bool, key: str):
        self._memo, self._features, self._to_cpu, self.key = memo, features, to_cpu, key
        self._value = None
        self._lock = threading.Lock()

    def value(self):
        with self._lock:
            if self._value is None:
                self._value = self._memo._encode(self.key, self._features, self._to_cpu)
            return self._value


def _first_window(segments):
    """The first window's segment, without asking faster-whisper for the next window (asking
    is what decodes it). Without timestamp tokens a window is exactly one segment."""
    return itertools.islice(segments, 1)


class RememberedVad:
    """Silero VAD's speech probabilities for the last recordings it heard. One review asks for
    them four times for the same recording (its speech regions, faster-whisper's VAD filter in
    the plain and in the prompted pass, and whether the kept speech fits one window) with
    options that only threshold the same probabilities, so the network runs once. Keyed by the
    samples themselves (a hash of their bytes): a changed sample is a new recording."""

    def __init__(self, model, entries: int = 2):
        self._model, self._entries = model, entries
        self._probs: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self.runs = 0  # how often the network really ran (tests, bench)

    def __call__(self, audio, *args, **kwargs):
        key = (audio.shape, audio.dtype.str, args, tuple(sorted(kwargs.items())))
        key += (hashlib.blake2b(audio.tobytes(), digest_size=16).digest(),)
        with self._lock:  # one run at a time; a second asker of the same audio waits and reuses it
            if key in self._probs:
                self._probs.move_to_end(key)
                return self._probs[key]
            probs = self._model(audio, *args, **kwargs)
            self.runs += 1
            self._probs[key] = probs
            while len(self._probs) > self._entries:
                self._probs.popitem(last=False)
            return probs

    def clear(self) -> None:
        with self._lock:
            self._probs.clear()


@functools.cache
def remembered_vad() -> RememberedVad:
    """faster-whisper's Silero model behind a `RememberedVad`, installed where its VAD filter
    looks it up (`faster_whisper.vad.get_vad_model`), so the filter inside `WhisperModel.transcribe`
    and our own calls share one run per recording."""
    from faster_whisper import vad

    remembered = RememberedVad(vad.get_vad_model())
    vad.get_vad_model = lambda: remembered
    return remembered


def whisper_vad_chunks(samples) -> list[tuple[int, int]]:
    """The speech chunks (start, end samples) faster-whisper's own VAD filter keeps when the
    plain pass transcribes `samples` (its default VadOptions: 2 s of silence ends a chunk, 0.4 s
    of padding): the audio the plain pass really decodes."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    remembered_vad()
    return [(c["start"], c["end"]) for c in get_speech_timestamps(samples, VadOptions())]


def speech_regions(audio: Audio, min_silence_ms: int = 300) -> tuple[tuple[float, float], ...]:
    """Where Silero VAD hears speech, in seconds; a second opinion on Whisper's word times."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    remembered_vad()
    opts = VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=30)
    stamps = get_speech_timestamps(audio.samples, opts)
    return tuple((round(s["start"] / audio.rate, 3), round(s["end"] / audio.rate, 3)) for s in stamps)


# ---------------------------------------------------------------- the filler-prompted pass

FILLER_PROMPT = "Um, uh, um, uh."  # measured against "Uh, um, uh." (ASR-NOTES.md) and a sentence: eval/RESULTS.md
WINDOW_S = 30.0  # s, Whisper's window


def prompted_pass(
    transcriber: Transcriber,
    audio: Audio,
    options: DecodeOptions | None = None,
    regions: tuple[tuple[float, float], ...] | None = None,
) -> Transcript:
    """Whisper told to expect fillers: the prompt before every window, no timestamp tokens
    (fewer tokens and, measured, fewer lost halves), one beam try (no temperature ladder),
    and a token budget, so a looping pass stays cheap and the guards set it aside.

    It needs nothing from the plain pass, so both can run at once. With a model whose
    `filler_window` is "plain" (base), when the speech faster-whisper's VAD filter keeps fits
    one 30 s window (a voicemail's does), it decodes exactly the plain pass's window: the same
    features, so the encoder runs once for both (`Memo`). Otherwise the speech is decoded in
    clips of at most 30 s cut at pauses, one window each, without the VAD filter, so that no
    window starts in the middle of a word. `regions` are the VAD's speech regions when
    measured already (the plain pass's).
    """
    regions = regions if regions is not None else speech_regions(audio)
    prompted = dataclasses.replace(
        options or DecodeOptions(),
        initial_prompt=None,
        window_prompt=FILLER_PROMPT,
        temperature=(0.0,),
        without_timestamps=True,
        first_window_only=True,
    )
    shares = transcriber.spec.filler_window == "plain" and prompted.vad_filter
    kept = sum(b - a for a, b in whisper_vad_chunks(audio.samples)) / audio.rate if shares else WINDOW_S + 1
    words: list[Word] = []
    if kept <= WINDOW_S:
        opts = dataclasses.replace(prompted, max_new_tokens=max_tokens_for(kept))
        words.extend(transcriber.transcribe(audio, opts, regions=regions).words)
    else:
        for a, b in _cut(regions, WINDOW_S - 0.02):
            margin = min(0.3, (WINDOW_S - 0.02 - (b - a)) / 2)  # up to 0.3 s either side, within one window
            clip = (max(0.0, a - margin), min(audio.duration, b + margin))
            opts = dataclasses.replace(prompted, vad_filter=False, max_new_tokens=max_tokens_for(clip[1] - clip[0]))
            words.extend(transcriber.transcribe(audio, opts, clip=clip).words)
    return Transcript(
        words=tuple(words),
        duration=audio.duration,
        speech_regions=regions,
        model=transcriber.spec.name,
        passes=("prompted",),
    )


def _cut(regions: Sequence[tuple[float, float]], max_len: float) -> list[tuple[float, float]]:
    """Speech regions grouped into spans of at most `max_len` s (a longer region alone is cut)."""
    out: list[tuple[float, float]] = []
    for a, b in regions:
        while b - a > max_len:
            out.append((a, a + max_len))
            a += max_len
        if out and b - out[-1][0] <= max_len and a - out[-1][1] < max_len:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def max_tokens_for(seconds: float) -> int:
    """Tokens one window of the prompted pass may use: fast speech (4 words/s), a token and a
    filler or comma per word, and room to spare; far below a loop's 440."""
    return int(min(440, 2 * 4.0 * seconds + 40))


__all__ = [
    "Word",
    "Transcript",
    "DecodeOptions",
    "Transcriber",
    "DeterministicFallback",
    "Memo",
    "Preempted",
    "whisper_vad_chunks",
    "speech_regions",
    "words_from_tuples",
    "pick_device",
    "FILLER_PROMPT",
    "prompted_pass",
]
