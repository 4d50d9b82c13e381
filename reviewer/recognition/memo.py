"""The encoder memo: CTranslate2's Whisper calls answered from memory when their input is the same.

A review decodes each 30 s window twice (the plain and the filler-prompted pass), and the
encoder is the most expensive call and the peak of a review's memory: with a `Memo` in front
of the model it runs once for both. A `Memo` with room for results also answers a decode asked
again with exactly the same input (the practice server's streamed recordings). `Preempted` is
how background work gives the model up to a review. `Memo.window` encodes a clip in a window
shorter than Whisper's 30 s (the number's quick listen).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from concurrent.futures import Future
from contextlib import contextmanager

__all__ = ["Memo", "Encoded", "Preempted", "SHARED_ENCODINGS"]


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

    def __init__(self, model, max_entries: int = 256, max_encoded: int = 4, encoder=None):
        self._model = model
        # The model whose encoder runs (`encoder`): the same weights loaded with more threads, or a
        # Future of it (loading in the background: until then the decoding model encodes); its
        # output is the same on any number of threads (engine.py, ENCODER_THREADS).
        self._encoder_model = encoder if encoder is not None else model
        self._max = max_entries
        self._max_encoded = max_encoded
        self._results: OrderedDict = OrderedDict()
        self._encoded: OrderedDict = OrderedDict()  # features key -> encoder output
        self._encoding: dict[str, threading.Lock] = {}  # features key -> held while it is encoded
        # One encoder run at a time: two at once (two second listens) each hold the attention
        # buffers of a 30 s window (about 100 MB with base); peak RSS of a review 600 -> 550 MB.
        self._encoder_lock = threading.Lock()
        self._lock = threading.Lock()
        self.abort: threading.Event | None = None
        self._window = threading.local()  # .frames: this thread's encoder window (`window`); None: 3000
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
                with self._encoder_lock:
                    value = self.encoder_model().encode(ctranslate2.StorageView.from_array(features), to_cpu=to_cpu)
                with self._lock:
                    self._encoded[key] = value
                    while len(self._encoded) > self._max_encoded:
                        self._encoded.popitem(last=False)
                return value
            finally:
                with self._lock:
                    self._encoding.pop(key, None)

    def use_encoder(self, encoder) -> None:
        """From now on the encoder runs on `encoder` (a model, or a Future of one)."""
        self._encoder_model = encoder

    def encoder_model(self):
        """The model the encoder runs on now: the decoding model while the other still loads."""
        encoder = self._encoder_model
        if isinstance(encoder, Future):
            if not encoder.done() or encoder.exception() is not None:
                return self._model
            self._encoder_model = encoder = encoder.result()
        return encoder

    def check(self) -> None:
        abort = self.abort
        if abort is not None and abort.is_set():
            raise Preempted("preempted")

    @contextmanager
    def window(self, frames: int | None):
        """Within it, this thread's features are encoded in a window of `frames` (or as many as
        their sound fills, if more) instead of the 3000 faster-whisper pads them to; None: 3000."""
        before = getattr(self._window, "frames", None)
        self._window.frames = frames
        try:
            yield
        finally:
            self._window.frames = before

    def encode(self, features, to_cpu: bool = False) -> Encoded:
        import numpy as np

        array = np.array(features)  # a copy: the caller's buffer may be reused
        frames = getattr(self._window, "frames", None)
        if frames is not None:
            array = _trimmed(array, frames)
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


def _trimmed(array, frames: int):
    """The features in a window of `frames`, or of as many as their sound fills: faster-whisper
    pads a clip's log-mel features with zero frames to 3000 (30 s), and the encoder's cost grows
    with the square of the window (one thread, base: 3000 frames 0.56 s, 1500 about 0.15 s)."""
    import numpy as np

    columns = np.flatnonzero(np.any(array.reshape(-1, array.shape[-1]) != 0, axis=0))
    end = int(columns[-1]) + 1 if columns.size else 0
    keep = min(array.shape[-1], max(end, frames))
    keep += keep % 2  # the encoder's convolution halves the frames
    return np.ascontiguousarray(array[..., :keep])


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
