"""Loudness: the speech level, the spread of word levels and how much the last words drop.

dB relative to full scale over speech frames of the Signal's one frame-power grid (30 ms frames).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.prosody.common import decibels, in_regions, speech_regions, words_text
from reviewer.measures.prosody.records import PROSODY, ProsodyOptions
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio
from reviewer.sound.signal import frame_levels

__all__ = ["loudness"]


@dataclass(frozen=True)
class _Loudness:
    level_dbfs: float | None
    peak_dbfs: float | None
    variation_db: float | None
    ending_drop_db: float | None
    last_words_start: float | None
    last_words_text: str


def loudness(
    audio: Audio,
    transcript: Transcript,
    options: ProsodyOptions = PROSODY,
    levels: tuple[np.ndarray, np.ndarray] | None = None,
) -> _Loudness:
    """Speech level, the spread of word levels, and how much the last words drop.

    A word's level is the 90th percentile of its frames in dB, so a word span that Whisper
    stretched into the silence after it still reads as loud as the word was said.
    """
    times, power = levels if levels is not None else frame_levels(audio, options.frame_s, options.hop_s)
    peak = float(np.max(np.abs(audio.samples))) if audio.samples.size else 0.0
    peak_db = round(float(20 * np.log10(peak)), 1) if peak > 0 else None
    speech = in_regions(times, speech_regions(transcript))
    if not speech.any():
        return _Loudness(None, peak_db, None, None, None, "")
    db = decibels(power)
    active = speech & (db >= np.percentile(db[speech], 95) - options.active_range_db)
    level = round(float(decibels(np.mean(power[active]))), 1)
    levels: list[tuple[Word, float]] = []
    for w in transcript.words:
        if is_filler_word(w) or w.end - w.start < options.min_word_s:
            continue
        m = (times >= w.start) & (times <= w.end)
        if m.sum() >= 3:
            levels.append((w, float(np.percentile(db[m], 90))))
    variation = round(float(np.std([v for _, v in levels])), 2) if len(levels) >= 3 else None
    drop, last_start, last_text = None, None, ""
    n = options.last_words
    if len(levels) >= 2 * n:
        rest = np.median([v for _, v in levels[:-n]])
        tail = np.median([v for _, v in levels[-n:]])
        drop = round(float(rest - tail), 1)
        last_start = levels[-n][0].start
        last_text = words_text([w for w, _ in levels[-n:]], n)
    return _Loudness(level, peak_db, variation, drop, last_start, last_text)
