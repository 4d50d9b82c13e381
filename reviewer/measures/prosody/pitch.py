"""The voice's pitch over voiced speech: the recording's one pitch track and its statistics."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reviewer.measures.prosody.common import in_regions
from reviewer.measures.prosody.records import PROSODY, PitchStats, ProsodyOptions
from reviewer.sound.decode import Audio
from reviewer.sound.signal import PITCH, Signal
from reviewer.sound.signal import pitch_track as _signal_pitch_track

__all__ = ["pitch_track", "tonality_pitch", "pitch_stats"]


def pitch_track(audio: Audio) -> tuple[np.ndarray, np.ndarray]:
    """(times s, f0 Hz with 0 for unvoiced): the two-pass track (signal.pitch_track), measured alone."""
    return _signal_pitch_track(audio)


def tonality_pitch(signal: Signal, options: ProsodyOptions | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The pitch track tonality reads (and the page draws): the Signal's one track, measured
    once. `options` plays no part (the track's settings are the Signal's `PITCH`)."""
    return signal.pitch()


def pitch_stats(
    times: np.ndarray,
    f0: np.ndarray,
    regions: Sequence[tuple[float, float]] = (),
    options: ProsodyOptions = PROSODY,
) -> PitchStats | None:
    """Median, range and spread over voiced frames inside `regions` (all frames when empty)."""
    mask = f0 > 0
    if regions:
        mask &= in_regions(times, regions)
    voiced = f0[mask]
    voiced_s = voiced.size * PITCH.step_s
    if voiced_s < options.min_voiced_s:
        return None
    median = float(np.median(voiced))
    st = 12.0 * np.log2(voiced / median)
    p5, p95 = np.percentile(st, [5, 95])
    return PitchStats(round(median, 1), round(float(p95 - p5), 2), round(float(np.std(st)), 2), round(voiced_s, 2))
