"""Clarity: can the listener make out every word? Mumbled words, noise, clipping, bandwidth.

Pure functions of `Audio` and `Transcript`: Whisper's word probabilities stand in for "a
listener would have to guess here", and the VAD's speech regions split the recording into
speech and background for a signal-to-noise estimate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.recognition.words import Transcript
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

__all__ = [
    "ClarityOptions",
    "UnsureWord",
    "Clarity",
    "analyse_clarity",
    "unsure_words",
    "estimate_snr",
    "clipped_share",
    "bandwidth_hz",
]


@dataclass(frozen=True)
class ClarityOptions:
    """Analysis knobs (how we measure); what counts as good or bad is in `Thresholds`."""

    frame_s: float = 0.03  # s, power frame for the noise estimate (whole 10 ms cells of the Signal's grid)
    hop_s: float = 0.01  # s
    margin_s: float = 0.1  # s kept clear around speech regions: breath and reverb tails are not noise
    min_noise_s: float = 0.3  # s of background needed; with less, the quietest frames stand in
    noise_percentile: float = 10.0  # percentile of all frames used as the floor when background is short
    snr_cap_db: float = 60.0  # dB, reported for digital silence (no noise to measure)
    clip_tolerance: float = 0.01  # fraction of the peak: samples this close to it count as at the peak
    clip_min_peak_dbfs: float = -30.0  # dBFS, a quieter peak is not clipping, just a quiet file
    band_floor_db: float = 50.0  # dB under the spectrum's peak that still counts as signal
    telephone_hz: float = (
        4500.0  # Hz, a band up to here is telephone bandwidth (8 kHz sampling: 4 kHz, plus a resampler's roll-off)
    )


@dataclass(frozen=True)
class UnsureWord:
    """A word Whisper half-guessed: a listener may have to guess it too."""

    text: str
    start: float  # s
    end: float  # s
    probability: float  # 0..1, Whisper's confidence


@dataclass(frozen=True)
class Clarity:
    """Everything the clarity checks judge."""

    unsure_words: tuple[UnsureWord, ...]  # probability under unsure_probability, fillers excluded
    unsure_share: float  # fraction of spoken words that are unsure
    mean_probability: float | None  # 0..1, Whisper's mean word confidence
    snr_db: float | None  # dB, speech power over background power (snr_cap_db for digital silence)
    noise_dbfs: float | None  # dBFS, the background level
    snr_source: str  # "vad": background between VAD regions; "percentile": quietest frames; "none"
    clipped_share: float  # fraction of speech samples in flat tops at the peak level
    source_rate: int  # Hz of the original file
    bandwidth_hz: float | None  # Hz, highest frequency within band_floor_db of the speech spectrum's peak
    telephone_band: bool  # sampled at 8 kHz or less, or no speech energy above telephone_hz


def unsure_words(transcript: Transcript, probability: float) -> tuple[UnsureWord, ...]:
    """Words (fillers excluded) Whisper gave less than `probability`."""
    return tuple(
        UnsureWord(w.text, w.start, w.end, w.probability)
        for w in transcript.words
        if not is_filler_word(w) and w.probability < probability
    )


def _mask(times: np.ndarray, regions: Sequence[tuple[float, float]], pad: float = 0.0) -> np.ndarray:
    m = np.zeros(times.shape, dtype=bool)
    for a, b in regions:
        m |= (times >= a - pad) & (times <= b + pad)
    return m


def estimate_snr(
    audio: Audio | Signal, regions: Sequence[tuple[float, float]], options: ClarityOptions = ClarityOptions()
) -> tuple[float | None, float | None, str]:
    """(SNR dB, noise dBFS, source): mean power over the speech regions against the background.

    The background is the median frame power outside the regions (kept `margin_s` clear), so
    a click or a breath there does not count as noise; for steady noise the median of 30 ms
    frame powers is within 0.1 dB of the mean. Speech power is taken net of the noise inside
    it. With too little background, the quietest frames (pauses between words) stand in.
    """
    signal = audio if isinstance(audio, Signal) else Signal(audio)
    times, power = signal.frame_power(options.frame_s, options.hop_s)
    if not times.size or not regions:
        return None, None, "none"
    speech = _mask(times, regions)
    if not speech.any():
        return None, None, "none"
    background = ~_mask(times, regions, options.margin_s)
    if background.sum() * options.hop_s >= options.min_noise_s:
        noise, source = float(np.median(power[background])), "vad"
    else:
        noise, source = float(np.percentile(power, options.noise_percentile)), "percentile"
    total = float(np.mean(power[speech]))
    noise_dbfs = round(float(10 * np.log10(noise)), 1) if noise > 0 else None
    if noise <= 1e-12:
        return options.snr_cap_db, noise_dbfs, source
    signal = max(total - noise, 1e-12)
    snr = min(options.snr_cap_db, 10 * np.log10(signal / noise))
    return round(float(snr), 1), noise_dbfs, source


def clipped_share(
    audio: Audio, regions: Sequence[tuple[float, float]] = (), options: ClarityOptions = ClarityOptions()
) -> float:
    """Fraction of speech samples in flat tops: runs of 2+ samples within clip_tolerance of the peak.

    Clipping flattens the loudest waveform peaks at one level, wherever the gain put it; an
    unclipped voice reaches its peak in one or two isolated samples.
    """
    x = np.abs(np.asarray(audio.samples, dtype=np.float64).reshape(-1))
    if not x.size:
        return 0.0
    peak = float(x.max())
    if peak <= 10 ** (options.clip_min_peak_dbfs / 20):
        return 0.0
    near = x >= peak * (1 - options.clip_tolerance)
    in_run = np.zeros_like(near)
    pairs = near[1:] & near[:-1]
    in_run[1:] |= pairs
    in_run[:-1] |= pairs
    spoken = sum(max(0.0, b - a) for a, b in regions) * audio.rate if regions else x.size
    return round(float(in_run.sum() / max(spoken, 1.0)), 5)


def bandwidth_hz(
    audio: Audio, regions: Sequence[tuple[float, float]] = (), options: ClarityOptions = ClarityOptions()
) -> float | None:
    """Highest frequency where the average speech spectrum is within band_floor_db of its peak."""
    x = np.asarray(audio.samples, dtype=np.float64).reshape(-1)
    n, hop = 512, 256
    if x.size < n:
        return None
    frames = np.lib.stride_tricks.sliding_window_view(x, n)[::hop]
    times = (np.arange(len(frames)) * hop + n / 2) / audio.rate
    use = _mask(times, regions) if regions else np.ones(len(frames), dtype=bool)
    if not use.any():
        return None
    spectrum = np.mean(np.abs(np.fft.rfft(frames[use] * np.hanning(n), axis=1)) ** 2, axis=0)
    if spectrum.max() <= 0:
        return None
    freqs = np.fft.rfftfreq(n, 1 / audio.rate)
    db = 10 * np.log10(np.maximum(spectrum / spectrum.max(), 1e-20))
    return float(freqs[db > -options.band_floor_db].max())


def analyse_clarity(
    audio: Audio,
    transcript: Transcript,
    unsure_probability: float = 0.4,
    options: ClarityOptions = ClarityOptions(),
    signal: Signal | None = None,
) -> Clarity:
    """Unsure words, SNR, clipping and bandwidth for one recording; `signal` holds the audio's
    measurements when a review has them. A word under `unsure_probability` (the rubric's
    `Thresholds.unsure_probability`, the pipeline passes it; the default is the same) is unsure."""
    regions = transcript.speech_regions or tuple((w.start, w.end) for w in transcript.words)
    unsure = unsure_words(transcript, unsure_probability)
    spoken = [w for w in transcript.words if not is_filler_word(w)]
    snr, noise, source = estimate_snr(signal if signal is not None else audio, regions, options)
    clip = clipped_share(audio, regions, options)
    band = bandwidth_hz(audio, regions, options)
    return Clarity(
        unsure_words=unsure,
        unsure_share=round(len(unsure) / len(spoken), 3) if spoken else 0.0,
        mean_probability=round(float(np.mean([w.probability for w in spoken])), 3) if spoken else None,
        snr_db=snr,
        noise_dbfs=noise,
        snr_source=source,
        clipped_share=clip,
        source_rate=audio.source_rate,
        bandwidth_hz=band,
        telephone_band=audio.source_rate <= 8000 or (band is not None and band <= options.telephone_hz),
    )
