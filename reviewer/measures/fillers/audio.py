"""Filled pauses heard in the audio: held, steady, schwa-like vowels ("uh", the vowel of "um").

Whisper hides most fillers, so the filler detector needs evidence that does not come from
a language model. A filled pause is voiced, keeps its pitch and formants still for 150 ms to
a second, and sits in the middle of the vowel space (F1 about 400-900 Hz, F2 about
1000-1900 Hz): the shape of "uh". Words rarely hold a vowel that still for that long.
Measured on ve9qrp.wav (eval/RESULTS.md): almost every real "uh" is such a stretch, but so
is a drawn-out "and", "a" or "of"; so these stretches confirm and place a filler that a
decoding pass proposes, and alone they are weaker evidence.

Pure functions on Audio with praat-parselmouth; nothing here decodes speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.measures.settings import Detection
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

__all__ = ["VoiceTrack", "HeldVowel", "voice_track", "held_vowels", "voiced_fraction"]


@dataclass(frozen=True, eq=False)
class VoiceTrack:
    """Praat's pitch, first two formants and intensity, one frame every `step` seconds."""

    times: np.ndarray  # s, frame centres
    f0: np.ndarray  # Hz, NaN where unvoiced
    f1: np.ndarray  # Hz, NaN where Praat found none
    f2: np.ndarray  # Hz, NaN where Praat found none
    db: np.ndarray  # dB, intensity
    step: float  # s between frames

    def index(self, t: float) -> int:
        """Frame nearest to time `t` (s), clamped to the track."""
        if not len(self.times):
            return 0
        return int(np.clip(round((t - self.times[0]) / self.step), 0, len(self.times) - 1))


@dataclass(frozen=True)
class HeldVowel:
    """A steady central vowel: the acoustic shape of a filled pause."""

    start: float  # s
    end: float  # s
    f1: float  # Hz, median
    f2: float  # Hz, median
    pitch_range_st: float  # semitones, spread of the pitch over the stretch (a filler is flat or falls)

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)


def voice_track(
    audio: Audio,
    step: float = 0.01,
    max_formant_hz: float = 5000.0,
    around: Sequence[tuple[float, float]] | None = None,
    signal: Signal | None = None,
) -> VoiceTrack:
    """Pitch, F1, F2 and intensity on one frame grid; the formants only `around` the given
    spans (s) when given: they cost about 0.3 s per 30 s of audio on 2 cores, so the filler
    check analyses only the seconds around the fillers it checks. Pitch and intensity are
    taken over the whole recording (cheap, and Praat's voicing depends on the whole signal),
    from `signal` when a review has one. The pitch is the recording's one track (the Signal's,
    which tonality reads too): bounded to the speaker's register and without octave jumps, so
    a filler's pitch spread is not widened by a halved or doubled frame."""
    import parselmouth
    from parselmouth.praat import call

    n = max(0, int(audio.duration / step))
    times = (np.arange(n) + 0.5) * step
    f1, f2 = np.full(n, np.nan), np.full(n, np.nan)
    x = audio.samples.astype(np.float64)
    signal = signal if signal is not None else Signal(audio)
    db = _resample(*signal.intensity(step, 60.0), times)
    f0 = _resample(*signal.pitch(), times)
    spans = [(0.0, audio.duration)] if around is None else _merge(around, audio.duration)
    for a, b in spans:
        seg = x[int(a * audio.rate) : int(b * audio.rate)]
        if len(seg) < int(0.1 * audio.rate):
            continue
        snd = parselmouth.Sound(seg, audio.rate, start_time=int(a * audio.rate) / audio.rate)
        formant = snd.to_formant_burg(
            time_step=step, max_number_of_formants=5, maximum_formant=max_formant_hz, window_length=0.025
        )
        idx = np.clip(np.round((np.asarray(formant.xs()) - times[0]) / step).astype(int), 0, max(0, n - 1))
        f1[idx] = call(formant, "To Matrix", 1).values[0]
        f2[idx] = call(formant, "To Matrix", 2).values[0]
    with np.errstate(invalid="ignore"):
        f0[~(f0 > 0)] = np.nan
        f1[~(f1 > 0)] = np.nan
        f2[~(f2 > 0)] = np.nan
    return VoiceTrack(times=times, f0=f0, f1=f1, f2=f2, db=db, step=step)


def _merge(spans: Sequence[tuple[float, float]], duration: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted((max(0.0, a), min(duration, b)) for a, b in spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _resample(xs: np.ndarray, values: np.ndarray, times: np.ndarray) -> np.ndarray:
    """Nearest-frame values of one Praat track at another track's frame times."""
    if not len(xs):
        return np.full(len(times), np.nan)
    idx = np.clip(np.searchsorted(xs, times), 0, len(xs) - 1)
    prev = np.clip(idx - 1, 0, len(xs) - 1)
    nearer_prev = np.abs(xs[prev] - times) < np.abs(xs[idx] - times)
    return np.asarray(values, dtype=float)[np.where(nearer_prev, prev, idx)]


def held_vowels(
    track: VoiceTrack, t: Detection, speech: tuple[tuple[float, float], ...] | None = None
) -> tuple[HeldVowel, ...]:
    """Every steady central vowel of `t.filler_vowel_min_s` to `t.filler_vowel_max_s`.

    A frame qualifies when it is louder than the quiet floor by `t.filler_vowel_above_floor_db`,
    its F1/F2 are in the schwa box, and F1 and F2 stay within `t.filler_steady_f1_hz` /
    `t.filler_steady_f2_hz` over +-20 ms; one-frame dropouts are bridged. Of such a run, the
    longest part whose F1 and F2 stay within those limits throughout is kept (a vowel glides
    into the next word at its edges); at least half of it must be voiced and its pitch spread
    within `t.filler_pitch_range_st`.
    `speech` (VAD regions) limits the search to where someone is talking.
    """
    n = len(track.times)
    if n == 0:
        return ()
    floor = np.nanpercentile(track.db, 10) if np.isfinite(track.db).any() else 0.0
    with np.errstate(invalid="ignore"):
        box = (
            (track.f1 >= t.filler_f1_min_hz)
            & (track.f1 <= t.filler_f1_max_hz)
            & (track.f2 >= t.filler_f2_min_hz)
            & (track.f2 <= t.filler_f2_max_hz)
            & (track.db > floor + t.filler_vowel_above_floor_db)
        )
    half = max(1, int(round(0.02 / track.step)))
    steady = np.zeros(n, bool)
    for i in np.flatnonzero(box):
        a, b = max(0, i - half), min(n, i + half + 1)
        s1, s2 = track.f1[a:b], track.f2[a:b]
        if np.isfinite(s1).all() and np.isfinite(s2).all():
            steady[i] = np.ptp(s1) <= t.filler_steady_f1_hz and np.ptp(s2) <= t.filler_steady_f2_hz
    good = box & steady
    if speech is not None:
        inside = np.zeros(n, bool)
        for a, b in speech:
            inside |= (track.times >= a) & (track.times <= b)
        good &= inside
    out: list[HeldVowel] = []
    i = 0
    while i < n:
        if not good[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and (good[j + 1] or (j + 2 < n and good[j + 2])):
            j += 1
        # The vowel may glide into the next word at its edges: keep its longest still part.
        a, b = _longest_still(track.f1[i : j + 1], track.f2[i : j + 1], t.filler_steady_f1_hz, t.filler_steady_f2_hz)
        a, b = i + a, i + b
        start, end = track.times[a] - track.step / 2, track.times[b] + track.step / 2
        sl = slice(a, b + 1)
        f0 = track.f0[sl][np.isfinite(track.f0[sl])]
        # Praat's pitch drops the soft onset and the creak at the end of an "uh", so the
        # formants mark the stretch and half of it being voiced is enough.
        if t.filler_vowel_min_s <= end - start <= t.filler_vowel_max_s and len(f0) >= 0.5 * (b + 1 - a):
            spread = float(12 * np.log2(np.percentile(f0, 90) / np.percentile(f0, 10))) if len(f0) > 2 else 0.0
            if spread <= t.filler_pitch_range_st:
                out.append(
                    HeldVowel(
                        round(float(start), 3),
                        round(float(end), 3),
                        round(float(np.nanmedian(track.f1[sl])), 1),
                        round(float(np.nanmedian(track.f2[sl])), 1),
                        round(spread, 2),
                    )
                )
        i = j + 1
    if len(out) >= 5:
        # A front vowel ("and", "is") held long is not a schwa; what counts as front depends
        # on the voice, so the ceiling sits above this speaker's typical held vowel.
        ceiling = float(np.median([v.f2 for v in out])) + t.filler_f2_above_median_hz
        out = [v for v in out if v.f2 <= ceiling]
    return tuple(out)


def _longest_still(f1: np.ndarray, f2: np.ndarray, lim1: float, lim2: float) -> tuple[int, int]:
    """First and last index of the longest stretch whose F1 and F2 each stay within a range of
    `lim1`/`lim2` Hz (missing values do not break it)."""
    best = (0, 0)
    n = len(f1)
    for a in range(n):
        lo1 = hi1 = lo2 = hi2 = None
        b = a
        while b < n:
            x1, x2 = f1[b], f2[b]
            if np.isfinite(x1) and np.isfinite(x2):
                n_lo1, n_hi1 = min(lo1, x1) if lo1 is not None else x1, max(hi1, x1) if hi1 is not None else x1
                n_lo2, n_hi2 = min(lo2, x2) if lo2 is not None else x2, max(hi2, x2) if hi2 is not None else x2
                if n_hi1 - n_lo1 > lim1 or n_hi2 - n_lo2 > lim2:
                    break
                lo1, hi1, lo2, hi2 = n_lo1, n_hi1, n_lo2, n_hi2
            b += 1
        if b - 1 - a > best[1] - best[0]:
            best = (a, b - 1)
        if n - a <= best[1] - best[0]:
            break
    return best


def voiced_fraction(track: VoiceTrack, start: float, end: float) -> float:
    """Share of frames in [start, end] (s) with a pitch: 0 for silence or hiss."""
    a, b = track.index(start), track.index(end)
    if b < a:
        a, b = b, a
    seg = track.f0[a : b + 1]
    return float(np.isfinite(seg).mean()) if len(seg) else 0.0
