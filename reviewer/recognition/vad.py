"""Where speech is: Silero VAD (shipped inside faster-whisper), run once per recording.

Whisper's word times are not gospel: the first word is often stamped from 0.00 s, so the VAD's
speech regions are kept too, for the analyses that need to know where speech really is. One
review asks Silero about the same recording four times (the speech regions, faster-whisper's VAD
filter in the plain and in the prompted pass, and whether the kept speech fits one window);
`RememberedVad` answers them all from one run of the network.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict

from reviewer.sound.decode import Audio

__all__ = ["RememberedVad", "remembered_vad", "whisper_vad_chunks", "speech_regions"]


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
