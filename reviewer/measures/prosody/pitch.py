"""The voice's pitch over voiced speech: the recording's one pitch track and its statistics.

The statistics rest on a plausible track: only frames Praat is confident are voiced, and none
an octave off the speaker's own running median (a halving or doubling that noise or a phone
line's missing fundamental makes the tracker follow for whole stretches). How many were
dropped is reported, so the rubric can say the track could not be trusted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reviewer.measures.prosody.common import in_regions
from reviewer.measures.prosody.records import PROSODY, PitchStats, ProsodyOptions
from reviewer.sound.decode import Audio
from reviewer.sound.signal import PITCH, Signal
from reviewer.sound.signal import pitch_track as _signal_pitch_track

__all__ = ["pitch_track", "tonality_pitch", "pitch_stats", "octave_errors"]


def pitch_track(audio: Audio) -> tuple[np.ndarray, np.ndarray]:
    """(times s, f0 Hz with 0 for unvoiced): the two-pass track (signal.pitch_track), measured alone."""
    return _signal_pitch_track(audio)


def tonality_pitch(signal: Signal, options: ProsodyOptions | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The pitch track tonality reads (and the page draws): the Signal's one track, measured
    once. `options` plays no part (the track's settings are the Signal's `PITCH`)."""
    return signal.pitch()


def octave_errors(times: np.ndarray, st: np.ndarray, window_s: float, max_st: float) -> np.ndarray:
    """True for each voiced frame (times s, sorted; pitch in st) more than `max_st` from the
    speaker's running median, the median of the voiced frames within `window_s` either side.

    A running median follows the voice from phrase to phrase, so a speaker's own rises stay; a
    frame tracked at half or double (12 st off) or two octaves off (24) does not."""
    lo = np.searchsorted(times, times - window_s, side="left")
    hi = np.searchsorted(times, times + window_s, side="right")
    running = np.fromiter((np.median(st[a:b]) for a, b in zip(lo, hi)), dtype=np.float64, count=st.size)
    return np.abs(st - running) > max_st


def pitch_stats(
    times: np.ndarray,
    f0: np.ndarray,
    regions: Sequence[tuple[float, float]] = (),
    options: ProsodyOptions = PROSODY,
    strength: np.ndarray | None = None,
) -> PitchStats:
    """Median, range and spread over the voiced frames inside `regions` (all frames when empty),
    octave errors removed; None figures with under `min_voiced_s` of them. `voiced_s` counts
    only the confident ones: Praat's voicing `strength` (the Signal's, per frame) at least
    `min_voicing_strength`; every kept frame without `strength`."""
    mask = f0 > 0
    if regions:
        mask &= in_regions(times, regions)
    if not mask.any():
        return PitchStats(None, None, None, 0.0, None)
    t, hz = times[mask], f0[mask]
    off = octave_errors(t, 12.0 * np.log2(hz), options.octave_window_s, options.octave_error_st)
    confident = ~off
    if strength is not None and strength.shape == f0.shape:
        confident &= strength[mask] >= options.min_voicing_strength
    voiced_s, share = round(int(confident.sum()) * PITCH.step_s, 2), round(float(off.mean()), 3)
    kept = hz[~off]
    if kept.size * PITCH.step_s < options.min_voiced_s:
        return PitchStats(None, None, None, voiced_s, share)
    median = float(np.median(kept))
    rel = 12.0 * np.log2(kept / median)
    p5, p95 = np.percentile(rel, [5, 95])
    return PitchStats(round(median, 1), round(float(p95 - p5), 2), round(float(np.std(rel)), 2), voiced_s, share)
