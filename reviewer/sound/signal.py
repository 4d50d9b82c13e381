"""One recording's measurements, taken once and shared by every analysis.

A `Signal` is built once per review (pipeline.py) and handed to the phone timing, tonality,
clarity and the filler check, so none of them measures the audio again: the VAD's speech
regions (given: Silero VAD is faster-whisper's, and only recognition/engine.py imports it),
ONE frame-power grid, ONE pitch track and Praat's intensity. Each is computed the first time
it is asked for, and kept. Pure numpy and praat-parselmouth: no model here.

The frame-power grid is the signal's energy summed over 10 ms cells (`CELL_S`): every
analysis's frame (tonality and clarity use 30 ms frames, the phone timing 20 ms, all with a
10 ms hop) is a run of whole cells, so it is read off the one grid with the same arithmetic,
bit for bit, as measuring it alone (`frame_levels`). The pitch track is Praat's two-pass track
(`pitch_track`, settings `PITCH`): tonality, the page's contour and the filler check all read it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from reviewer.sound.decode import Audio

__all__ = [
    "CELL_S",
    "PITCH",
    "PitchSettings",
    "Signal",
    "energy_grid",
    "frame_levels",
    "pitch_track",
    "praat_pitch",
    "praat_intensity",
]

CELL_S = 0.01  # s, one cell of the frame-power grid; every frame and hop asked for is a whole number of cells


@dataclass(frozen=True)
class PitchSettings:
    """How the one pitch track is measured (De Looze & Hirst's two passes, below)."""

    floor_hz: float = 75.0  # Hz, Praat's default floor for speech; low male voices sit near 85
    ceiling_hz: float = 500.0  # Hz, above high female and excited speech
    step_s: float = 0.01  # s, one pitch frame (the register pass takes every other one)
    octave_jump_st: float = 6.0  # st, a frame this far from its neighbours' median is a tracking error


PITCH = PitchSettings()


def frame_levels(audio: Audio, frame_s: float = 0.03, hop_s: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """(frame centre times s, mean power per frame, linear, full-scale square = 1), measured alone."""
    x = np.asarray(audio.samples, dtype=np.float64).reshape(-1)
    fl, hop = max(1, round(frame_s * audio.rate)), max(1, round(hop_s * audio.rate))
    if x.size < fl:
        return np.zeros(0), np.zeros(0)
    cs = np.concatenate(([0.0], np.cumsum(x * x)))
    starts = np.arange(0, x.size - fl + 1, hop)
    power = (cs[starts + fl] - cs[starts]) / fl
    return (starts + fl / 2) / audio.rate, np.maximum(power, 0.0)


def energy_grid(audio: Audio, cell_s: float = CELL_S) -> np.ndarray:
    """The running sum of squared samples at every cell boundary (0, 1 cell, 2 cells, ...): the
    energy of cells i..j-1 is grid[j] - grid[i]. The same running sum `frame_levels` takes, kept
    only where a frame made of whole cells can start or end."""
    x = np.asarray(audio.samples, dtype=np.float64).reshape(-1)
    cell = max(1, round(cell_s * audio.rate))
    return np.concatenate(([0.0], np.cumsum(x * x)))[::cell]


def _frames_of_grid(
    grid: np.ndarray, rate: int, frame_s: float, hop_s: float, cell_s: float = CELL_S
) -> tuple[np.ndarray, np.ndarray]:
    """`frame_levels` read off the energy grid; frame and hop must be whole numbers of cells."""
    cell, fl, hop = (max(1, round(s * rate)) for s in (cell_s, frame_s, hop_s))
    if fl % cell or hop % cell:
        raise ValueError(f"frame {frame_s} s and hop {hop_s} s must be whole numbers of the {cell_s} s grid cells")
    m, h = fl // cell, hop // cell
    if grid.size - 1 < m:
        return np.zeros(0), np.zeros(0)
    first = np.arange(0, grid.size - m, h)
    power = (grid[first + m] - grid[first]) / fl
    return (first * cell + fl / 2) / rate, np.maximum(power, 0.0)


def _sound(audio: Audio):
    import parselmouth  # imported here: a plain `import reviewer` stays light

    return parselmouth.Sound(np.asarray(audio.samples, dtype=np.float64).reshape(-1), sampling_frequency=audio.rate)


def praat_pitch(audio: Audio, step: float, floor: float, ceiling: float) -> tuple[np.ndarray, np.ndarray]:
    """(frame times s, f0 Hz with 0 for unvoiced): Praat's autocorrelation pitch, one pass."""
    return _praat_pitch_frames(audio, step, floor, ceiling)[:2]


def _praat_pitch_frames(
    audio: Audio, step: float, floor: float, ceiling: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`praat_pitch` with each frame's voicing strength (0-1: the normalised autocorrelation at
    the chosen period; 0.5 is periodic energy equal to the noise, a harmonics-to-noise ratio of 0 dB)."""
    pitch = _sound(audio).to_pitch_ac(time_step=step, pitch_floor=floor, pitch_ceiling=ceiling)
    frames = pitch.selected_array
    return (
        np.asarray(pitch.xs(), dtype=np.float64),
        np.asarray(frames["frequency"], dtype=np.float64),
        np.asarray(frames["strength"], dtype=np.float64),
    )


def praat_intensity(audio: Audio, step: float, minimum_pitch: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
    """(frame times s, intensity dB): Praat's intensity."""
    intensity = _sound(audio).to_intensity(minimum_pitch=minimum_pitch, time_step=step)
    return np.asarray(intensity.xs(), dtype=np.float64), np.asarray(intensity.values[0], dtype=np.float64)


def pitch_track(audio: Audio, settings: PitchSettings = PITCH, with_strength: bool = False) -> tuple[np.ndarray, ...]:
    """(times s, f0 Hz with 0 for unvoiced): Praat's autocorrelation pitch in two passes; with
    `with_strength`, each frame's voicing strength as a third array (see `_praat_pitch_frames`).

    The first pass, with wide limits, finds the speaker's register; the second is bounded to
    0.75 x its lower quartile and 2 x its upper quartile (De Looze & Hirst's two-pass method),
    which stops Praat from halving a falling female voice into a male one. Frames that still
    jump far from their neighbours are dropped.
    """
    x = np.asarray(audio.samples).reshape(-1)
    if x.size < int(0.1 * audio.rate):
        return (np.zeros(0),) * (3 if with_strength else 2)
    floor, ceiling, step = settings.floor_hz, settings.ceiling_hz, settings.step_s
    # The first pass only needs quartiles: every other frame halves its cost.
    times, f0, strength = _praat_pitch_frames(audio, 2 * step, floor, ceiling)
    voiced = f0[f0 > 0]
    if voiced.size >= 10:
        q25, q75 = np.percentile(voiced, [25, 75])
        lo, hi = max(floor * 0.8, 0.75 * q25), min(ceiling * 1.2, 2.0 * q75)
        times, f0, strength = _praat_pitch_frames(audio, step, lo, hi)
    f0 = _drop_octave_jumps(f0, settings.octave_jump_st)
    return (times, f0, strength) if with_strength else (times, f0)


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
    """The audio and what is measured on it, each measurement made once.

    `speech_regions` are Silero VAD's speech spans in seconds, measured by the recognition stage
    with the plain pass (the same tuple as `Transcript.speech_regions`); empty for hand-built
    ones. The returned arrays are shared: read them, do not write to them.
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

    def energy(self) -> np.ndarray:
        """The one frame-power grid: running energy at every 10 ms cell boundary; see `energy_grid`."""
        return self._once(("energy",), lambda: energy_grid(self.audio))

    def frame_power(self, frame_s: float = 0.03, hop_s: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
        """(frame centre times s, mean power per frame, linear), read off the grid: the same
        figures as `frame_levels` (frame and hop in whole 10 ms cells)."""
        return self._once(
            ("power", frame_s, hop_s), lambda: _frames_of_grid(self.energy(), self.audio.rate, frame_s, hop_s)
        )

    def pitch(self) -> tuple[np.ndarray, np.ndarray]:
        """(times s, f0 Hz, 0 unvoiced): the one pitch track (`pitch_track` with `PITCH`) that
        tonality, the page's contour and the filler check read."""
        return self._once(("pitch",), lambda: self._pitch_frames()[:2])

    def pitch_strength(self) -> np.ndarray:
        """Praat's voicing strength (0-1) of each frame of `pitch()`'s track, measured with it:
        how sure the tracker was that a frame is voiced (tonality counts only the confident ones)."""
        return self._pitch_frames()[2]

    def _pitch_frames(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._once(("pitch frames",), lambda: pitch_track(self.audio, PITCH, with_strength=True))

    def intensity(self, step: float = 0.01, minimum_pitch: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
        """(frame times s, intensity dB); see `praat_intensity`."""
        return self._once(("intensity", step, minimum_pitch), lambda: praat_intensity(self.audio, step, minimum_pitch))
