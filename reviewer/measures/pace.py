"""Length, word count, words per minute and pauses.

Times come from two witnesses: Whisper's word stamps and the VAD's speech regions. Whisper
often stamps the first word from 0.00 s and lets the last one run into silence, so the
speech span is taken from where the VAD hears speech, bounded by the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.measures.fillers.transcript import Filler, is_filler_word
from reviewer.recognition.words import Transcript

_HAS_LETTER_OR_DIGIT = re.compile(r"[\w]")


@dataclass(frozen=True)
class Pause:
    start: float  # s
    end: float  # s
    after_word: str  # the word before the pause, so the rep can find it

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)


@dataclass(frozen=True)
class Timing:
    duration_s: float  # s, the whole recording
    speech_start_s: float  # s, first speech
    speech_end_s: float  # s, last speech
    leading_silence_s: float  # s, dead air before the first word
    trailing_silence_s: float  # s, dead air after the last word
    word_count: int  # spoken words, fillers excluded, each digit of a phone number one word
    words_per_minute: float  # word_count over the speech span
    pauses: tuple[Pause, ...]  # silences of at least pause_min_s between words
    span_source: str  # "vad+words" or "words": which witnesses set the speech span
    # The word limit counts the number once: word_count less the digits of its repeats.
    words_for_limit: int | None = None
    # Pace outside the dictated number(s), which are meant to be slow: the words and the time
    # of the numbers taken out. None without a number (then words_per_minute is the pace).
    words_per_minute_outside_number: float | None = None

    @property
    def speech_span_s(self) -> float:
        return round(max(0.0, self.speech_end_s - self.speech_start_s), 3)


def count_words(transcript: Transcript, number_word_indices: Iterable[int] = ()) -> int:
    """Fillers excluded; a phone-number token counts one word per spoken digit ("763-416" = 6)."""
    in_number = set(number_word_indices)
    total = 0
    for i, w in enumerate(transcript.words):
        if is_filler_word(w) or not _HAS_LETTER_OR_DIGIT.search(w.text):
            continue
        digits = sum(c.isdigit() for c in w.text)
        total += digits if (i in in_number and digits) else 1
    return total


def speech_span(transcript: Transcript, near: float = 1.0) -> tuple[float, float, str]:
    """(start, end, source): the VAD's speech bounded by the words, else the words alone."""
    words = transcript.words
    if not words:
        return 0.0, 0.0, "none"
    w_start, w_end = words[0].start, words[-1].end
    regions = [r for r in transcript.speech_regions if r[1] > w_start - 0.5 and r[0] < w_end + 0.5]
    if not regions:
        return w_start, w_end, "words"
    # Whisper's first stamp is often too early and its last one early or late, so the VAD's
    # edges win when they are near the words; the VAD never cuts into the first or last word
    # (it can miss a quiet one), and speech it hears far beyond the words is not counted
    # (words Whisper dropped, or noise), so span and word count describe the same speech.
    v_start, v_end = regions[0][0], regions[-1][1]
    start = v_start if w_start - near <= v_start < words[0].end else w_start
    end = v_end if words[-1].start < v_end <= w_end + near else w_end
    return round(start, 3), round(end, 3), "vad+words"


def find_pauses(transcript: Transcript, start: float, end: float, min_pause: float) -> tuple[Pause, ...]:
    """Silences of at least `min_pause` s inside the speech span.

    A gap between VAD regions is real silence; a gap between word stamps that the VAD also
    calls silent is kept too. Word gaps alone are used when there are no VAD regions.
    """
    words = transcript.words
    regions = [r for r in transcript.speech_regions if r[1] > start and r[0] < end]
    gaps: list[tuple[float, float]] = []
    if len(regions) > 1:
        gaps = [(a[1], b[0]) for a, b in zip(regions, regions[1:])]
    elif len(regions) <= 1:
        gaps = [(a.end, b.start) for a, b in zip(words, words[1:])]
    pauses = []
    for g_start, g_end in gaps:
        if g_end - g_start < min_pause:
            continue
        before = [w for w in words if w.start < g_start + 0.05]
        label = before[-1].text if before else ""
        pauses.append(Pause(round(g_start, 3), round(g_end, 3), label))
    return tuple(pauses)


def measure_timing(
    transcript: Transcript, number_word_indices: Iterable[int] = (), min_pause: float = 0.5, numbers: Sequence = ()
) -> Timing:
    """`numbers` (PhoneNumbers) give words_for_limit and words_per_minute_outside_number."""
    number_word_indices = set(number_word_indices) | {i for n in numbers for i in n.word_indices}
    start, end, source = speech_span(transcript)
    count = count_words(transcript, number_word_indices)
    span = end - start
    wpm = count / (span / 60.0) if span > 0 else 0.0
    repeats = sum(len(n.digits) for n in numbers if n.occurrence > 1)
    outside = None
    if numbers:
        digits = sum(len(n.digits) for n in numbers)
        number_s = sum(max(0.0, min(n.end, end) - max(n.start, start)) for n in numbers)
        rest_s = span - number_s
        outside = round((count - digits) / (rest_s / 60.0), 1) if rest_s > 1.0 and count > digits else None
    return Timing(
        duration_s=round(transcript.duration, 3),
        speech_start_s=start,
        speech_end_s=end,
        leading_silence_s=round(start, 3),
        trailing_silence_s=round(max(0.0, transcript.duration - end), 3),
        word_count=count,
        words_per_minute=round(wpm, 1),
        pauses=find_pauses(transcript, start, end, min_pause) if transcript.words else (),
        span_source=source,
        words_for_limit=count - repeats,
        words_per_minute_outside_number=outside,
    )


def fillers_per_minute(fillers: tuple[Filler, ...], timing: Timing) -> float:
    span = timing.speech_span_s
    return round(len(fillers) / (span / 60.0), 2) if span > 0 else 0.0
