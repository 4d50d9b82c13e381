"""Words with times, and the transcript they make: what every analysis reads.

Plain records with no speech recognition behind them, so the analyses (fillers, pace, the
phone number, tonality, clarity, the checks) import these and never the ASR adapter
(recognition/engine.py), and unit tests build transcripts by hand (`words_from_tuples`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["DIGIT_WORDS", "Word", "Transcript", "words_from_tuples"]

# The spelled-digit vocabulary, defined here once: each word said for a digit and the digit it
# says. The digits-only listen allows these words (engine.py); the measures read them through
# measures/number/digits.py.
DIGIT_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "zero": "0",
        "oh": "0",
        "one": "1",
        "two": "2",
        "three": "3",
        "four": "4",
        "five": "5",
        "six": "6",
        "seven": "7",
        "eight": "8",
        "nine": "9",
    }
)


@dataclass(frozen=True)
class Word:
    """One word as Whisper wrote it, with its time span in seconds and its probability."""

    text: str  # as written, surrounding spaces removed, punctuation kept ("Um,", "-6", "Logistics.")
    start: float  # s
    end: float  # s
    probability: float  # 0..1, Whisper's confidence


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    duration: float  # s, length of the whole recording
    speech_regions: tuple[tuple[float, float], ...] = ()  # s, VAD's speech spans
    language: str = "en"
    model: str = ""
    passes: tuple[str, ...] = field(default=("plain",))  # decoding passes that built it

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def words_from_tuples(
    rows: Sequence[tuple[str, float, float]] | Sequence[tuple[str, float, float, float]], duration: float | None = None
) -> Transcript:
    """Hand-built transcript for unit tests: rows of (text, start, end[, probability])."""
    words = tuple(Word(r[0], float(r[1]), float(r[2]), float(r[3]) if len(r) > 3 else 0.9) for r in rows)
    dur = duration if duration is not None else (words[-1].end + 0.5 if words else 0.0)
    return Transcript(words=words, duration=dur, speech_regions=((words[0].start, words[-1].end),) if words else ())
