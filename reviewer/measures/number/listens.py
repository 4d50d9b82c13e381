"""The digits-only listens of one review's number, each decoded once, some of them ahead.

A saying of the number (`sayings`) is decoded again as a clip, digits only (`digits_options`),
first in a short encoder window (`QUICK_WINDOW_S`) and, where that listen does not confirm the
first listen's number, in Whisper's 30 s window (second_listen.py decides). `Listens` holds
those decodes for one recording: asked twice for the same clip in the same window, it decodes
once. A review starts the quick listens `ahead`, from the plain pass's words, while the
filler-prompted pass still decodes on the other core (or the plain pass its last window); the
second listen then finds them done where its sayings are the same stretches, and decodes any
other one then. A decode depends only on its clip and its options (one thread each, the same
encoder output on any number of threads), so a listen decoded ahead is the listen decoded after.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from reviewer.measures.number.find import number_sayings
from reviewer.recognition.engine import DecodeOptions, Transcriber
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio

__all__ = ["DIGIT_PROMPT", "QUICK_WINDOW_S", "Listens", "clip_options", "digits_options", "sayings"]

DIGIT_PROMPT = "Call me back at my number, said one digit at a time."
# The encoder window a saying is heard in first (s): about a quarter of a 30 s window's cost.
# Every saying's listen standing in it lost agreement on the public set's telephone copies and
# passed a wrong number in the judged set's, so its listen stands only where it confirms the first
# listen's number; elsewhere the saying is heard again in 30 s (eval/RESULTS.md, #26).
QUICK_WINDOW_S = 15.0
SAYING_S = (0.3, 29.0)  # a saying listened to again is this long (s): a clip within one window

Stretch = tuple[float, float]
# Words heard after a saying before it is listened to ahead: a saying takes in up to three short
# words after its digits (digits.py's number_sayings), and ends at the start of the next word.
AFTER = 4


def sayings(transcript: Transcript) -> list[Stretch]:
    """The stretches of the number's sayings that are listened to again."""
    return [(a, b) for a, b in number_sayings(transcript) if SAYING_S[0] <= b - a <= SAYING_S[1]]


def clip_options(options: DecodeOptions | None, max_new_tokens: int, **changes) -> DecodeOptions:
    """How a short clip is decoded once more (a saying of the number, a name's stretch): no VAD,
    one try at temperature 0, no timestamps, its first window only, `max_new_tokens` at most (room
    for what was said, not for a loop), and `changes` (the prompt)."""
    return dataclasses.replace(
        options or DecodeOptions(),
        vad_filter=False,
        temperature=(0.0,),
        without_timestamps=True,
        first_window_only=True,
        max_new_tokens=max_new_tokens,
        **changes,
    )


def digits_options(options: DecodeOptions | None, seconds: float, window_s: float | None) -> DecodeOptions:
    """How a saying of `seconds` is decoded again: digits only, after a prompt that asks for
    them, one beam try in one window, in an encoder window of `window_s` (None: 30 s)."""
    return clip_options(
        options,
        int(6 * seconds) + 12,  # a digit is 1-2 tokens: room for about 3 a second, not a loop
        initial_prompt=DIGIT_PROMPT,
        window_prompt=None,
        digits_only=True,
        encoder_window_s=window_s,
    )


class Listens:
    """Each digits-only listen of one recording decoded once, in threads of its own (the model
    serves two calls at once); `close` when the review is done."""

    def __init__(self, transcriber: Transcriber, audio: Audio, options: DecodeOptions | None):
        self._transcriber, self._audio, self._options = transcriber, audio, options
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="listen")
        self._decodes: dict[tuple[Stretch, float | None], Future] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Listens:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ahead(self, words: Sequence[Word], whole: bool = False) -> None:
        """Start the quick listen of each saying the words so far hold whole (`AFTER` words
        after it), or of every saying where `whole` (the plain pass's words, all of them)."""
        if not words:
            return
        so_far = Transcript(words=tuple(words), duration=self._audio.duration, speech_regions=())
        for stretch in sayings(so_far):
            if whole or sum(w.start >= stretch[1] for w in words) >= AFTER:
                self.start(stretch, QUICK_WINDOW_S)

    def close(self) -> None:
        """Drop the listens not yet started (a saying the whole transcript does not have); one
        under way ends in its thread."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def start(self, stretch: Stretch, window_s: float | None) -> Future:
        """The saying's digits-only listen in an encoder window of `window_s` (None: 30 s): its
        words, to come (started now, unless it was already)."""
        with self._lock:
            key = (stretch, window_s)
            if key not in self._decodes:
                self._decodes[key] = self._pool.submit(self._listen, stretch, window_s)
            return self._decodes[key]

    def _listen(self, stretch: Stretch, window_s: float | None) -> list[Word]:
        a, b = stretch
        opts = digits_options(self._options, b - a, window_s)
        heard = self._transcriber.transcribe(self._audio, opts, clip=(a, b)).words
        return [w for w in heard if a - 0.5 <= w.start <= b]
