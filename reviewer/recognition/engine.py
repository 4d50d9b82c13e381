"""Speech to words with times, through faster-whisper: the model loaded once, the plain decode.

`Transcriber` loads a model (models.py finds and verifies it), decodes a recording or a clip of
it into a `Transcript` (words.py) and sets how many decodes run at once, each on one thread, so
the same audio gives the same words everywhere. In front of CTranslate2's model sit a
`DeterministicFallback` (the temperature ladder as beam searches) and a `Memo` (memo.py: the
encoder output shared by the passes over one window); the speech regions are vad.py's and the
filler-prompted pass is passes.py's.
"""

from __future__ import annotations

import copy
import functools
import itertools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from reviewer.recognition.memo import SHARED_ENCODINGS, Memo
from reviewer.recognition.memory import limit_arenas, release_free_memory
from reviewer.recognition.models import ModelSpec, resolve_model
from reviewer.recognition.vad import remembered_vad, speech_regions
from reviewer.recognition.words import DIGIT_WORDS, Transcript, Word
from reviewer.sound.decode import Audio

__all__ = ["DecodeOptions", "Transcriber", "DeterministicFallback", "pick_device", "decodes_at_once", "DECODE_THREADS"]


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
    # The encoder's window in seconds (None: Whisper's 30 s): a shorter clip is padded to it, a
    # longer one is not padded. A 15 s window costs about a quarter of a 30 s one, but Whisper was
    # trained on 30 s windows and hears some clips otherwise in a shorter one: only a listen whose
    # result is checked against another uses it (measures/number/second_listen.py).
    encoder_window_s: float | None = None


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
# The encoder is the exception: its output is bit-for-bit the same on 1, 2 or 4 threads, on MKL
# and on oneDNN, at every ISA (measured: bench/encoder_threads.py), as its matrix products split
# by rows, not by their inner sum. A review's passes wait for it, so it runs on all their threads.
ENCODER_THREADS = True
FRAMES_PER_S = 100  # Whisper's log-mel frames (10 ms hop)
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
        # Loading converts the stored float16 weights to int8 and frees the float16 copy: given back
        # now, a loaded reviewer holds about 110 MB less (538 -> 424 MB, base, with the encoder's own).
        release_free_memory()
        self._ct2 = self._model.model
        self._encoder = self._ct2  # the model the encoder runs on (load_encoder)
        self._memo: Memo | None = None  # a memo that also answers repeated calls (remembering)
        self._shared = Memo(self._ct2, max_entries=0, max_encoded=SHARED_ENCODINGS)
        self._model.model = DeterministicFallback(self._shared, self.options.beam_size)

    def load_encoder(self) -> None:
        """For a process that reviews more than once (the server, a review of several files, a
        batch's one worker): on CPU with more than one decode at once, the same weights loaded
        again with that many threads for the encoder alone (`ENCODER_THREADS` says why it may),
        so that the encoder, which the passes over a window wait for, uses the cores they share.
        It loads in the background (a Future): a review that starts meanwhile encodes on the
        decoding model, with the same result. Not for one review: as a whole process, loading it
        cost about what it saved, and about 110 MB more at peak (README, Speed)."""
        if self._encoder is not self._ct2 or self.device != "cpu" or self.decodes < 2 or not ENCODER_THREADS:
            return
        self._encoder = self._load_encoder()
        self._shared.use_encoder(self._encoder)
        if self._memo is not None:
            self._memo.use_encoder(self._encoder)

    def loaded_encoder(self):
        """The model the encoder runs on, once `load_encoder`'s has loaded (a benchmark's timed
        runs, a test counting encoder runs); the decoding model if none was asked for."""
        encoder = self._encoder
        return encoder.result() if isinstance(encoder, Future) else encoder

    def _load_encoder(self):
        import ctranslate2

        def load():
            model = ctranslate2.models.Whisper(
                str(self.spec.path),
                device="cpu",
                compute_type=self.compute_type,
                intra_threads=self.decodes,
                inter_threads=1,
            )
            release_free_memory()  # the float16 copy the load converted (below)
            return model

        loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoder-load")
        try:
            return loader.submit(load)
        finally:
            loader.shutdown(wait=False)

    def transcribe(
        self,
        audio: Audio,
        options: DecodeOptions | None = None,
        clip: tuple[float, float] | None = None,
        regions: tuple[tuple[float, float], ...] | None = None,
        segment_done: Callable[[tuple[Word, ...]], None] | None = None,
    ) -> Transcript:
        """Transcribe the recording, or only `clip` (start, end in s) of it, with word times;
        `regions` are the VAD's speech regions when measured already (`speech_regions`).
        `segment_done` is told the words so far after each segment (a review starts the number's
        listens from them, pipeline.py): faster-whisper hands out a window's segments once the
        whole window is decoded, and decodes the next window when asked for its first segment."""
        opts = options or self.options
        samples = audio.samples
        offset = 0.0
        if clip is not None:
            a, b = (max(0, int(t * audio.rate)) for t in clip)
            samples, offset = samples[a:b], a / audio.rate
        language = opts.language if not self.spec.english_only else "en"
        window = None if opts.encoder_window_s is None else round(opts.encoder_window_s * FRAMES_PER_S)
        with (self._memo or self._shared).window(window):  # the segments are decoded as they are read
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
            words: list[Word] = []
            for segment in segments:
                words.extend(
                    Word(
                        text=w.word.strip(),
                        start=round(float(w.start) + offset, 3),
                        end=round(float(w.end) + offset, 3),
                        probability=round(float(w.probability), 4),
                    )
                    for w in (segment.words or [])
                    if w.word.strip()
                )
                if segment_done is not None:
                    segment_done(tuple(words))
        return Transcript(
            words=tuple(words),
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
        other._memo = Memo(self._ct2, max_entries, encoder=self._encoder)
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
            for word in (*DIGIT_WORDS, *JOINER_WORDS):
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


def _first_window(segments):
    """The first window's segment, without asking faster-whisper for the next window (asking
    is what decodes it). Without timestamp tokens a window is exactly one segment."""
    return itertools.islice(segments, 1)
