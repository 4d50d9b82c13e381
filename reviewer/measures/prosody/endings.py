"""Phrase endings: where statements end (heard pauses) and how the pitch moves over their last word.

A statement ends where the audio pauses (the VAD's gaps, silent runs of the energy envelope), a
punctuation mark Whisper wrote only tells a break from a hesitation; its ending is judged on the
voiced tail of its last word in the recording's one pitch track.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.prosody.common import decibels, in_regions, speech_regions, words_text
from reviewer.measures.prosody.records import PROSODY, PhraseEnding, ProsodyOptions
from reviewer.recognition.words import Transcript, Word

__all__ = ["heard_pauses", "sentences", "phrase_endings"]

_ABBREVIATIONS = frozenset(
    {
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "st.",
        "jr.",
        "sr.",
        "vs.",
        "etc.",
        "inc.",
        "ltd.",
        "co.",
        "corp.",
        "no.",
        "prof.",
        "e.g.",
        "i.e.",
        "a.m.",
        "p.m.",
    }
)
_HAS_DIGIT = re.compile(r"\d")
_MARKS = (".", ",", "!", "?", ";", ":")  # the marks Whisper writes after a word


def heard_pauses(
    transcript: Transcript,
    levels: tuple[np.ndarray, np.ndarray] | None = None,
    min_s: float = 0.3,
    options: ProsodyOptions = PROSODY,
) -> tuple[tuple[float, float], ...]:
    """Silences of at least `min_s` that the audio shows, in s: the gaps between the VAD's
    speech regions, and runs of silent frames in the energy envelope (`levels` from
    `frame_levels`). Merged and sorted. Without the envelope (hand-built transcripts), the
    gaps between word times stand in for it."""
    found: list[tuple[float, float]] = []
    regions = transcript.speech_regions
    found += [(a[1], b[0]) for a, b in zip(regions, regions[1:]) if b[0] - a[1] >= min_s]
    if levels is not None and levels[0].size:
        times, power = levels
        db = decibels(power)
        speech = in_regions(times, speech_regions(transcript))
        if speech.any():
            floor, loud = float(np.percentile(db, 10)), float(np.percentile(db[speech], 95))
            silent = db < floor + options.silence_share * (loud - floor)
            edges = np.flatnonzero(np.diff(np.concatenate(([0], silent.astype(np.int8), [0]))))
            hop = float(times[1] - times[0]) if times.size > 1 else 0.01
            for i, j in zip(edges[::2], edges[1::2]):
                a, b = float(times[i]) - hop / 2, float(times[j - 1]) + hop / 2
                if b - a >= min_s:
                    found.append((a, b))
    if levels is None:
        words = transcript.words
        found += [(w.end, n.start) for w, n in zip(words, words[1:]) if n.start - w.end >= min_s]
    merged: list[tuple[float, float]] = []
    for a, b in sorted(found):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return tuple((round(a, 3), round(b, 3)) for a, b in merged)


def _pause_after(words: Sequence[Word], i: int, pauses: Sequence[tuple[float, float]]) -> float:
    """The longest heard silence between word i and the next (s): the part of a pause inside
    [word i's start, next word's end], since Whisper may stretch either word over it."""
    lo, hi = words[i].start, words[i + 1].end
    return max((min(b, hi) - max(a, lo) for a, b in pauses if a < hi and b > lo), default=0.0)


def sentences(
    transcript: Transcript,
    pauses: Sequence[tuple[float, float]] | None = None,
    options: ProsodyOptions = PROSODY,
) -> list[list[int]]:
    """Word indices per statement, split where the audio pauses.

    A heard silence of `statement_pause_s` after a word Whisper ended with a mark (. , ! ? ;
    :), or of `sentence_gap_s` after any word, ends a statement. The mark is only a hint that
    the pause is a break and not a hesitation: a comma and a period count the same, so which
    one Whisper wrote never moves a boundary. `pauses` default to `heard_pauses` without the
    envelope (the VAD, or word gaps for hand-built transcripts).
    """
    words = transcript.words
    if pauses is None:
        pauses = heard_pauses(transcript, None, options.statement_pause_s, options)
    out: list[list[int]] = []
    current: list[int] = []
    for i, w in enumerate(words):
        current.append(i)
        if i + 1 == len(words):
            break
        text = w.text.rstrip("\"')")
        marked = text[-1:] in _MARKS and text.lower() not in _ABBREVIATIONS
        pause = _pause_after(words, i, pauses)
        if pause >= options.sentence_gap_s or (marked and pause >= options.statement_pause_s):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def phrase_endings(
    times: np.ndarray,
    f0: np.ndarray,
    transcript: Transcript,
    rise_st: float,
    skip_words: Iterable[int] = (),
    options: ProsodyOptions = PROSODY,
    pauses: Sequence[tuple[float, float]] | None = None,
) -> tuple[PhraseEnding, ...]:
    """Pitch movement at the end of each statement (`sentences`, split where `pauses` are
    heard); questions, digit runs, lead-ins to a number and greetings skipped.

    A statement right before a digit run ("... Keystone Freight, 6 1 2") introduces the
    number: the voice rises there to say more is coming, which is no question.

    Each ending carries the mark Whisper wrote after it and the pause heard after it (None for
    the message's last), from which the rubric tells a question-like rise from a continuation.

    Judged on the voiced tail (up to `ending_window_s`) of the sentence's last word, smoothed
    over 5 frames: a rise is the end's height over the lowest point before it, a fall the
    highest point's height over the end. Measured from the turning point, not as a straight
    line, because a question often dips and then rises inside its last syllable.
    """
    words = transcript.words
    skip = set(skip_words)
    if pauses is None:
        pauses = heard_pauses(transcript, None, options.statement_pause_s, options)
    out = []
    for idx in sentences(transcript, pauses, options):
        spoken = [i for i in idx if not is_filler_word(words[i])]
        if len(spoken) < options.min_sentence_words:
            continue
        last_i = spoken[-1]
        last = words[last_i]
        following = next((j for j in range(idx[-1] + 1, len(words)) if not is_filler_word(words[j])), None)
        lead_in = following is not None and (following in skip or bool(_HAS_DIGIT.search(words[following].text)))
        if last.text.rstrip("\"')").endswith("?") or last_i in skip or _HAS_DIGIT.search(last.text) or lead_in:
            continue
        next_start = words[idx[-1] + 1].start if idx[-1] + 1 < len(words) else transcript.duration
        # Whisper often ends the last word before the voice does: follow the VAD's region, a little.
        tail = max(
            [last.end + options.ending_tail_pad_s]
            + [b for a, b in transcript.speech_regions if a <= last.end <= b <= last.end + options.ending_tail_max_s]
        )
        lo, hi = last.start, max(last.end, min(tail, next_start))
        m = (times >= lo) & (times <= hi) & (f0 > 0)
        t, f = times[m], f0[m]
        if t.size:
            f = f[t >= t[-1] - options.ending_window_s]
        if f.size < options.min_ending_frames:
            continue
        st = _smooth(12.0 * np.log2(f / np.median(f)), 5)
        rise, fall = float(st[-1] - st.min()), float(st.max() - st[-1])
        if rise >= rise_st and rise > fall:
            direction, change = "rising", rise
        elif fall >= rise_st:
            direction, change = "falling", -fall
        else:
            direction, change = "level", rise if rise > fall else -fall
        out.append(
            PhraseEnding(
                words_text([words[i] for i in idx if i not in skip and not _HAS_DIGIT.search(words[i].text)]),
                round(last.start, 3),
                round(last.end, 3),
                round(change, 2),
                direction,
                _mark(words[idx[-1]].text) or _mark(last.text),
                round(_pause_after(words, idx[-1], pauses), 3) if idx[-1] + 1 < len(words) else None,
            )
        )
    return tuple(out)


def _mark(text: str) -> str:
    """The punctuation mark Whisper wrote at a word's end ("," "." "?" ...), "" for none."""
    end = text.rstrip("\"')")[-1:]
    return end if end in _MARKS else ""


def _smooth(values: np.ndarray, width: int) -> np.ndarray:
    """Running median; the ends use the frames that exist."""
    half = width // 2
    if values.size <= half:
        return values
    padded = np.pad(values, half, mode="edge")
    return np.median(np.lib.stride_tricks.sliding_window_view(padded, width), axis=1)
