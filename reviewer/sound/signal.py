"""One recording's measurements, taken once and shared by every analysis.

A `Signal` is built once per review (review.py) and handed to the phone timing, tonality,
clarity and the filler check, so none of them measures the audio again: the VAD's speech
regions (given: Silero VAD is faster-whisper's, and only transcribe.py imports that), frame
power per frame length, the pitch track, Praat's raw pitch and intensity. Each is computed
the first time it is asked for, for the parameters asked, and kept. Pure numpy and
praat-parselmouth: no model here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from reviewer.sound.decode import Audio

__all__ = ["Signal", "frame_levels", "pitch_track", "praat_pitch", "praat_intensity"]


def frame_levels(audio: Audio, frame_s: float = 0.03, hop_s: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """(frame centre times s, mean power per frame, linear, full-scale square = 1)."""
    x = np.asarray(audio.samples, dtype=np.float64).reshape(-1)
    fl, hop = max(1, round(frame_s * audio.rate)), max(1, round(hop_s * audio.rate))
    if x.size < fl:
        return np.zeros(0), np.zeros(0)
    cs = np.concatenate(([0.0], np.cumsum(x * x)))
    starts = np.arange(0, x.size - fl + 1, hop)
    power = (cs[starts + fl] - cs[starts]) / fl
    return (starts + fl / 2) / audio.rate, np.maximum(power, 0.0)


def _sound(audio: Audio):
    import parselmouth  # imported here: a plain `import reviewer` stays light

    return parselmouth.Sound(np.asarray(audio.samples, dtype=np.float64).reshape(-1), sampling_frequency=audio.rate)


def praat_pitch(audio: Audio, step: float, floor: float, ceiling: float) -> tuple[np.ndarray, np.ndarray]:
    """(frame times s, f0 Hz with 0 for unvoiced): Praat's autocorrelation pitch, one pass."""
    pitch = _sound(audio).to_pitch_ac(time_step=step, pitch_floor=floor, pitch_ceiling=ceiling)
    return np.asarray(pitch.xs(), dtype=np.float64), np.asarray(pitch.selected_array["frequency"], dtype=np.float64)


def praat_intensity(audio: Audio, step: float, minimum_pitch: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
    """(frame times s, intensity dB): Praat's intensity."""
    intensity = _sound(audio).to_intensity(minimum_pitch=minimum_pitch, time_step=step)
    return np.asarray(intensity.xs(), dtype=np.float64), np.asarray(intensity.values[0], dtype=np.float64)


def pitch_track(
    audio: Audio,
    floor: float = 75.0,
    ceiling: float = 500.0,
    step: float = 0.01,
    octave_jump_st: float = 6.0,
    praat=praat_pitch,
) -> tuple[np.ndarray, np.ndarray]:
    """(times s, f0 Hz with 0 for unvoiced): Praat's autocorrelation pitch in two passes.

    The first pass, with wide limits, finds the speaker's register; the second is bounded to
    0.75 x its lower quartile and 2 x its upper quartile (De Looze & Hirst's two-pass method),
    which stops Praat from halving a falling female voice into a male one. Frames that still
    jump far from their neighbours are dropped. `praat(audio, step, floor, ceiling)` makes
    each pass (a Signal's keeps them).
    """
    x = np.asarray(audio.samples).reshape(-1)
    if x.size < int(0.1 * audio.rate):
        return np.zeros(0), np.zeros(0)
    # The first pass only needs quartiles: every other frame halves its cost.
    times, f0 = praat(audio, 2 * step, floor, ceiling)
    voiced = f0[f0 > 0]
    if voiced.size >= 10:
        q25, q75 = np.percentile(voiced, [25, 75])
        lo, hi = max(floor * 0.8, 0.75 * q25), min(ceiling * 1.2, 2.0 * q75)
        times, f0 = praat(audio, step, lo, hi)
    return times, _drop_octave_jumps(f0, octave_jump_st)


def _drop_octave_jumps(f0: np.ndarray, max_st: float, half: int = 3) -> np.ndarray:
    """Unvoice frames far from the median of their voiced neighbours (halving/doubling errors)."""
    voiced = np.flatnonzero(f0 > 0)
    if voiced.size < 2 * half + 1:
        return f0
    st = 12.0 * np.log2(f0[voiced])
    padded = np.pad(st, half, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    bad = np.abs(st - np.median(windows, axis=1)) > max_st
    out = f0.copy()
    out[voiced[bad]] = 0.0
    return out


@dataclass(frozen=True, eq=False)
class Signal:
    """The audio and what is measured on it, each measurement made once per parameters asked.

    `speech_regions` are Silero VAD's speech spans in seconds, measured by transcribe.py with
    the plain pass (the same tuple as `Transcript.speech_regions`); empty for hand-built ones.
    The returned arrays are shared: read them, do not write to them.
    """

    audio: Audio
    speech_regions: tuple[tuple[float, float], ...] = ()
    _kept: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False, compare=False)

    def _once(self, key: tuple, make):
        with self._lock:
            if key not in self._kept:
                self._kept[key] = make()
            return self._kept[key]

    def frame_power(self, frame_s: float = 0.03, hop_s: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
        """(frame centre times s, mean power per frame, linear); see `frame_levels`."""
        return self._once(("power", frame_s, hop_s), lambda: frame_levels(self.audio, frame_s, hop_s))

    def praat_pitch(self, step: float, floor: float, ceiling: float) -> tuple[np.ndarray, np.ndarray]:
        """(frame times s, f0 Hz, 0 unvoiced): one Praat pass; see `praat_pitch`."""
        return self._once(("praat_pitch", step, floor, ceiling), lambda: praat_pitch(self.audio, step, floor, ceiling))

    def intensity(self, step: float, minimum_pitch: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
        """(frame times s, intensity dB); see `praat_intensity`."""
        return self._once(("intensity", step, minimum_pitch), lambda: praat_intensity(self.audio, step, minimum_pitch))

    def pitch_track(
        self, floor: float = 75.0, ceiling: float = 500.0, step: float = 0.01, octave_jump_st: float = 6.0
    ) -> tuple[np.ndarray, np.ndarray]:
        """(times s, f0 Hz, 0 unvoiced): the two-pass track of tonality and the page's contour."""

        def make():
            passes = lambda _, s, lo, hi: self.praat_pitch(s, lo, hi)  # noqa: E731
            return pitch_track(self.audio, floor, ceiling, step, octave_jump_st, praat=passes)

        return self._once(("pitch_track", floor, ceiling, step, octave_jump_st), make)
