"""Pace over time: words per minute inside each phrase between pauses, and the number's pace
against the rest of the message."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.pace import count_words, speech_span
from reviewer.measures.prosody.records import PROSODY, PhrasePace, ProsodyOptions
from reviewer.recognition.words import Transcript, Word

__all__ = ["phrase_paces", "number_pace"]


def phrase_paces(
    transcript: Transcript,
    number_words: Iterable[int],
    options: ProsodyOptions = PROSODY,
) -> tuple[PhrasePace, ...]:
    """Words per minute inside each phrase between pauses; phone-number words left out (they have their own check)."""
    words = transcript.words
    skip = set(number_words)
    regions = transcript.speech_regions
    phrases: list[list[int]] = []
    current: list[int] = []
    for i, w in enumerate(words):
        if i in skip:
            if current:
                phrases.append(current)
            current = []
            continue
        current.append(i)
        # Pauses alone split phrases: a period Whisper writes without a pause is not a break.
        gap = words[i + 1].start - w.end if i + 1 < len(words) else None
        if gap is None or gap >= options.phrase_gap_s or _vad_gap_between(regions, w.end, words[i + 1].start):
            phrases.append(current)
            current = []
    if current:
        phrases.append(current)
    out = []
    for idx in phrases:
        spoken = [words[i] for i in idx if not is_filler_word(words[i])]
        if len(spoken) < options.min_phrase_words:
            continue
        start, end = _vad_bounded(regions, words[idx[0]], words[idx[-1]])
        if end - start < options.min_phrase_s:
            continue
        spoken_s = _speech_time(regions, start, end)
        if spoken_s < options.min_phrase_s:
            continue
        wpm = len(spoken) / (spoken_s / 60.0)
        out.append(PhrasePace(_first_words(spoken), round(start, 3), round(end, 3), len(spoken), round(wpm, 1)))
    return tuple(out)


def _vad_gap_between(regions: Sequence[tuple[float, float]], a: float, b: float) -> bool:
    """True when the VAD heard a silence between two words (a region ends and the next starts between them)."""
    return any(
        a - 0.1 <= r1[1] and r2[0] <= b + 0.1 and r2[0] - r1[1] >= 0.2
        for r1, r2 in zip(regions, regions[1:])
        if r1[1] < b + 0.1 and r2[0] > a - 0.1
    )


def _speech_time(regions: Sequence[tuple[float, float]], start: float, end: float) -> float:
    """Seconds of [start, end] inside the VAD's speech: silences inside a phrase are not speaking time."""
    if not regions:
        return end - start
    inside = sum(max(0.0, min(b, end) - max(a, start)) for a, b in regions)
    return inside if inside > 0 else end - start


def _vad_bounded(regions: Sequence[tuple[float, float]], first: Word, last: Word) -> tuple[float, float]:
    """Whisper stamps a first word from 0.00 s: start where the VAD hears speech when that is later."""
    start, end = first.start, last.end
    for a, b in regions:
        if a <= first.end and b >= first.start and start < a < first.end:
            start = a
        if a <= last.end and b >= last.start and last.start < b < end:
            end = b
    return start, end


def _first_words(words: Sequence[Word], n: int = 5) -> str:
    return " ".join(w.text for w in words[:n]).strip(' ,.;:!?"')


def number_pace(transcript: Transcript, numbers: Sequence) -> tuple[float | None, float | None]:
    """(digits/min of the numbers, words/min of everything else), as samples/expected.json defines it."""
    if not numbers:
        return None, None
    number_words = {i for n in numbers for i in n.word_indices}
    start, end, _ = speech_span(transcript)
    number_time = sum(max(0.0, n.end - n.start) for n in numbers)
    digits = sum(len(n.digits) for n in numbers)
    rest = Transcript(tuple(w for i, w in enumerate(transcript.words) if i not in number_words), transcript.duration)
    rest_words = count_words(rest)
    rest_time = (end - start) - number_time
    dpm = digits / (number_time / 60.0) if number_time > 0 else None
    rest_wpm = rest_words / (rest_time / 60.0) if rest_time > 1.0 and rest_words else None
    return (round(dpm, 1) if dpm else None), (round(rest_wpm, 1) if rest_wpm else None)
