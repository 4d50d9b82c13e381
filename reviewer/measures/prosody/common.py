"""What the parts of tonality share: speech masks, decibels and the words a figure names."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.recognition.words import Transcript, Word


def in_regions(times: np.ndarray, regions: Sequence[tuple[float, float]]) -> np.ndarray:
    """True for each time (s) inside one of the regions (s), edges included."""
    mask = np.zeros(times.shape, dtype=bool)
    for a, b in regions:
        mask |= (times >= a) & (times <= b)
    return mask


def speech_regions(transcript: Transcript) -> tuple[tuple[float, float], ...]:
    """VAD regions, or the words' spans when there are none (hand-built transcripts)."""
    if transcript.speech_regions:
        return transcript.speech_regions
    return tuple((w.start, w.end) for w in transcript.words)


def decibels(power: np.ndarray | float) -> np.ndarray | float:
    """Power (linear, full-scale square = 1) in dB, floored at -120."""
    return 10.0 * np.log10(np.maximum(power, 1e-12))


def words_text(words: Sequence[Word], last: int = 5) -> str:
    """The last `last` spoken words (fillers left out), as a figure names them."""
    spoken = [w.text for w in words if not is_filler_word(w)][-last:]
    return " ".join(spoken).strip(' ,.;:!?"')
