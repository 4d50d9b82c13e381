"""Tonality: how the voice sounds, measured so a rep can hear it and fix it.

Pitch (Praat, through praat-parselmouth), phrase endings, loudness, pace over time, and one
energy figure built from them. Pure functions of `Audio` and `Transcript`: no model here.

Pitch is in semitones relative to the speaker's own median, so a low and a high voice are
judged alike; ranges use the 5th-95th percentile so a stray octave error cannot make a flat
voice look lively. Loudness is dB relative to full scale (RMS, a full-scale sine reads
-3 dBFS) over speech frames. We do not report LUFS: pyloudnorm would bring scipy for a
K-weighting filter that only tilts the spectrum, and every decision here (quiet, varied,
fading) compares speech with itself or with a wide band, where dBFS of speech frames serves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.pace import count_words, speech_span
from reviewer.recognition.words import Transcript, Word
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal, frame_levels
from reviewer.sound.signal import pitch_track as _signal_pitch_track

__all__ = [
    "ProsodyOptions",
    "PitchStats",
    "PhraseEnding",
    "PhrasePace",
    "EnergyParts",
    "Tonality",
    "analyse_tonality",
    "pitch_track",
    "tonality_pitch",
    "pitch_stats",
    "phrase_endings",
    "loudness",
    "phrase_paces",
    "frame_levels",
    "sentences",
]

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


@dataclass(frozen=True)
class ProsodyOptions:
    """Analysis knobs (how we measure); what counts as good or bad is in `Thresholds`."""

    pitch_floor_hz: float = 75.0  # Hz, Praat's default floor for speech; low male voices sit near 85
    pitch_ceiling_hz: float = 500.0  # Hz, above high female and excited speech
    pitch_step_s: float = 0.01  # s, one pitch frame
    octave_jump_st: float = 6.0  # st, a frame this far from its neighbours' median is a tracking error
    min_voiced_s: float = 0.5  # s, less voiced speech gives no pitch verdict
    # A statement ends where the audio pauses (VAD or energy envelope), never at a punctuation
    # mark alone: Whisper writes "Freight," on one CPU and "Freight." on another.
    statement_pause_s: float = 0.3  # s, a heard silence this long after a word Whisper marked (. , ! ? ; :)
    sentence_gap_s: float = 0.6  # s, a heard silence this long ends a statement with no mark at all
    silence_share: float = 0.35  # a frame is silent below floor + this share of the floor-to-speech dB range
    ending_window_s: float = 0.4  # s, the voiced tail of the last word an ending is judged on
    ending_tail_pad_s: float = 0.15  # s, Whisper often ends the last word early: look this far past it
    ending_tail_max_s: float = 0.4  # s, or to the end of the VAD's speech region when that is this close
    min_ending_frames: int = 6  # voiced pitch frames (60 ms) needed to judge an ending
    min_sentence_words: int = 3  # "Hello." and "Bye!" are greetings, not statements
    frame_s: float = 0.03  # s, loudness frame
    hop_s: float = 0.01  # s
    active_range_db: float = 30.0  # dB below the loud (95th-percentile) speech frames still counted as voice
    min_word_s: float = 0.08  # s, shorter words give no reliable level
    last_words: int = 3  # words at the end judged for trailing off
    phrase_gap_s: float = 0.3  # s, a silence this long ends a phrase for pace
    min_phrase_words: int = 5  # words, shorter phrases give no reliable pace
    min_phrase_s: float = 1.0  # s
    # Energy scale anchors (0 and 100 points of each part); calibrated on espeak, Allison and ve9qrp.
    energy_pitch_st: tuple[float, float] = (4.0, 14.0)  # st of pitch range: flat speech .. lively reader
    energy_loudness_db: tuple[float, float] = (1.0, 7.0)  # dB spread of word levels: even .. punchy
    energy_pace_wpm: tuple[float, float] = (100.0, 170.0)  # words/min: drags .. brisk


@dataclass(frozen=True)
class PitchStats:
    """The voice's pitch over voiced speech."""

    median_hz: float  # Hz
    range_st: float  # semitones, 5th-95th percentile of voiced frames
    spread_st: float  # semitones, standard deviation around the median
    voiced_s: float  # s of voiced speech the figures rest on


@dataclass(frozen=True)
class PhraseEnding:
    """How the pitch moves over the last word of one statement."""

    text: str  # the sentence's last words, e.g. "I'd love to connect"
    start: float  # s, the last word's start
    end: float  # s, the last word's end
    change_st: float  # semitones over the voiced tail of the last word; + is rising
    direction: str  # rising | falling | level


@dataclass(frozen=True)
class PhrasePace:
    """Speaking rate inside one phrase between pauses (pauses excluded, so higher than overall pace)."""

    text: str  # the phrase's first words
    start: float  # s
    end: float  # s
    words: int  # spoken words, fillers excluded
    words_per_minute: float  # words/min


@dataclass(frozen=True)
class EnergyParts:
    """The energy score's three parts, each 0-100, so a rep sees which one holds it down."""

    pitch: int  # from pitch range (ProsodyOptions.energy_pitch_st)
    loudness: int  # from the spread of word levels (energy_loudness_db)
    pace: int  # from words per minute (energy_pace_wpm)


@dataclass(frozen=True)
class Tonality:
    """Everything the tonality checks judge. None where there was too little speech to measure."""

    pitch_median_hz: float | None  # Hz
    pitch_range_st: float | None  # semitones, 5th-95th percentile
    pitch_spread_st: float | None  # semitones, standard deviation
    voiced_s: float  # s of voiced speech behind the pitch figures
    endings: tuple[PhraseEnding, ...]  # statements judged (questions, digit runs, greetings skipped)
    rising_endings: int  # statements whose pitch rose at the end
    level_dbfs: float | None  # dBFS, RMS of active speech frames
    peak_dbfs: float | None  # dBFS, the loudest sample
    loudness_variation_db: float | None  # dB, standard deviation of word levels
    ending_drop_db: float | None  # dB, how much quieter the last words are than the rest (+ is quieter)
    last_words: str  # the words judged for trailing off
    last_words_start: float | None  # s
    phrases: tuple[PhrasePace, ...]  # phrases long enough to judge
    number_digits_per_minute: float | None  # digits/min, the phone number(s) said
    rest_words_per_minute: float | None  # words/min outside the phone numbers
    number_pace_ratio: float | None  # number pace / rest pace; under 1 means the rep slowed for it
    energy: int | None  # 0-100, 0.5 pitch + 0.25 loudness + 0.25 pace
    energy_parts: EnergyParts | None


# ---------------------------------------------------------------- pitch


def pitch_track(audio: Audio, options: ProsodyOptions = ProsodyOptions()) -> tuple[np.ndarray, np.ndarray]:
    """(times s, f0 Hz with 0 for unvoiced): Praat's two-pass pitch (signal.pitch_track) with these options."""
    return _signal_pitch_track(
        audio, options.pitch_floor_hz, options.pitch_ceiling_hz, options.pitch_step_s, options.octave_jump_st
    )


def tonality_pitch(signal: Signal, options: ProsodyOptions = ProsodyOptions()) -> tuple[np.ndarray, np.ndarray]:
    """The pitch track tonality reads (and the page draws): the Signal's, measured once."""
    return signal.pitch_track(
        options.pitch_floor_hz, options.pitch_ceiling_hz, options.pitch_step_s, options.octave_jump_st
    )


def _in_regions(times: np.ndarray, regions: Sequence[tuple[float, float]]) -> np.ndarray:
    mask = np.zeros(times.shape, dtype=bool)
    for a, b in regions:
        mask |= (times >= a) & (times <= b)
    return mask


def _speech_regions(transcript: Transcript) -> tuple[tuple[float, float], ...]:
    """VAD regions, or the words' spans when there are none (hand-built transcripts)."""
    if transcript.speech_regions:
        return transcript.speech_regions
    return tuple((w.start, w.end) for w in transcript.words)


def pitch_stats(
    times: np.ndarray,
    f0: np.ndarray,
    regions: Sequence[tuple[float, float]] = (),
    options: ProsodyOptions = ProsodyOptions(),
) -> PitchStats | None:
    """Median, range and spread over voiced frames inside `regions` (all frames when empty)."""
    mask = f0 > 0
    if regions:
        mask &= _in_regions(times, regions)
    voiced = f0[mask]
    voiced_s = voiced.size * options.pitch_step_s
    if voiced_s < options.min_voiced_s:
        return None
    median = float(np.median(voiced))
    st = 12.0 * np.log2(voiced / median)
    p5, p95 = np.percentile(st, [5, 95])
    return PitchStats(round(median, 1), round(float(p95 - p5), 2), round(float(np.std(st)), 2), round(voiced_s, 2))


# ---------------------------------------------------------------- phrase endings


def heard_pauses(
    transcript: Transcript,
    levels: tuple[np.ndarray, np.ndarray] | None = None,
    min_s: float = 0.3,
    options: ProsodyOptions = ProsodyOptions(),
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
        db = _db(power)
        speech = _in_regions(times, _speech_regions(transcript))
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
    options: ProsodyOptions = ProsodyOptions(),
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
        marked = text[-1:] in (".", ",", "!", "?", ";", ":") and text.lower() not in _ABBREVIATIONS
        pause = _pause_after(words, i, pauses)
        if pause >= options.sentence_gap_s or (marked and pause >= options.statement_pause_s):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _words_text(words: Sequence[Word], last: int = 5) -> str:
    spoken = [w.text for w in words if not is_filler_word(w)][-last:]
    return " ".join(spoken).strip(' ,.;:!?"')


def phrase_endings(
    times: np.ndarray,
    f0: np.ndarray,
    transcript: Transcript,
    rise_st: float,
    skip_words: Iterable[int] = (),
    options: ProsodyOptions = ProsodyOptions(),
    pauses: Sequence[tuple[float, float]] | None = None,
) -> tuple[PhraseEnding, ...]:
    """Pitch movement at the end of each statement (`sentences`, split where `pauses` are
    heard); questions, digit runs, lead-ins to a number and greetings skipped.

    A statement right before a digit run ("... Keystone Freight, 6 1 2") introduces the
    number: the voice rises there to say more is coming, which is no question.

    Judged on the voiced tail (up to `ending_window_s`) of the sentence's last word, smoothed
    over 5 frames: a rise is the end's height over the lowest point before it, a fall the
    highest point's height over the end. Measured from the turning point, not as a straight
    line, because a question often dips and then rises inside its last syllable.
    """
    words = transcript.words
    skip = set(skip_words)
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
                _words_text([words[i] for i in idx if i not in skip and not _HAS_DIGIT.search(words[i].text)]),
                round(last.start, 3),
                round(last.end, 3),
                round(change, 2),
                direction,
            )
        )
    return tuple(out)


def _smooth(values: np.ndarray, width: int) -> np.ndarray:
    """Running median; the ends use the frames that exist."""
    half = width // 2
    if values.size <= half:
        return values
    padded = np.pad(values, half, mode="edge")
    return np.median(np.lib.stride_tricks.sliding_window_view(padded, width), axis=1)


# ---------------------------------------------------------------- loudness


def _db(power: np.ndarray | float) -> np.ndarray | float:
    return 10.0 * np.log10(np.maximum(power, 1e-12))


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
    options: ProsodyOptions = ProsodyOptions(),
    levels: tuple[np.ndarray, np.ndarray] | None = None,
) -> _Loudness:
    """Speech level, the spread of word levels, and how much the last words drop.

    A word's level is the 90th percentile of its frames in dB, so a word span that Whisper
    stretched into the silence after it still reads as loud as the word was said.
    """
    times, power = levels if levels is not None else frame_levels(audio, options.frame_s, options.hop_s)
    peak = float(np.max(np.abs(audio.samples))) if audio.samples.size else 0.0
    peak_db = round(float(20 * np.log10(peak)), 1) if peak > 0 else None
    speech = _in_regions(times, _speech_regions(transcript))
    if not speech.any():
        return _Loudness(None, peak_db, None, None, None, "")
    db = _db(power)
    active = speech & (db >= np.percentile(db[speech], 95) - options.active_range_db)
    level = round(float(_db(np.mean(power[active]))), 1)
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
        last_text = _words_text([w for w, _ in levels[-n:]], n)
    return _Loudness(level, peak_db, variation, drop, last_start, last_text)


# ---------------------------------------------------------------- pace over time


def phrase_paces(
    transcript: Transcript,
    number_words: Iterable[int],
    options: ProsodyOptions = ProsodyOptions(),
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


def _number_pace(transcript: Transcript, numbers: Sequence) -> tuple[float | None, float | None]:
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


# ---------------------------------------------------------------- energy


def _scale(value: float | None, lo_hi: tuple[float, float]) -> int | None:
    if value is None:
        return None
    lo, hi = lo_hi
    return int(round(100 * min(1.0, max(0.0, (value - lo) / (hi - lo)))))


def _energy(
    pitch_range: float | None, variation: float | None, wpm: float | None, options: ProsodyOptions
) -> tuple[int | None, EnergyParts | None]:
    parts = (
        _scale(pitch_range, options.energy_pitch_st),
        _scale(variation, options.energy_loudness_db),
        _scale(wpm, options.energy_pace_wpm),
    )
    if any(p is None for p in parts):
        return None, None
    p, loud, s = parts
    return int(round(0.5 * p + 0.25 * loud + 0.25 * s)), EnergyParts(p, loud, s)


# ---------------------------------------------------------------- all of it


def analyse_tonality(
    audio: Audio,
    transcript: Transcript,
    numbers: Sequence = (),
    thresholds: Thresholds = Thresholds(),
    options: ProsodyOptions = ProsodyOptions(),
    signal: Signal | None = None,
) -> Tonality:
    """Pitch, endings, loudness, pace over time and energy for one recording.

    `numbers` are the PhoneNumbers found in the transcript: their words are skipped for
    endings and phrase pace, and their pace is compared with the rest of the message.
    `signal` holds the audio's measurements when a review has them (one is made otherwise).
    """
    signal = signal if signal is not None else Signal(audio, transcript.speech_regions)
    t = thresholds
    number_words = {i for n in numbers for i in n.word_indices}
    regions = _speech_regions(transcript)
    times, f0 = tonality_pitch(signal, options)
    pitch = pitch_stats(times, f0, regions, options)
    levels = signal.frame_power(options.frame_s, options.hop_s)  # for the pauses and the loudness
    pauses = heard_pauses(transcript, levels, options.statement_pause_s, options)
    endings = phrase_endings(times, f0, transcript, t.rising_ending_st, number_words, options, pauses) if pitch else ()
    loud = loudness(audio, transcript, options, levels)
    phrases = phrase_paces(transcript, number_words, options)
    dpm, rest = _number_pace(transcript, numbers)
    start, end, _ = speech_span(transcript)
    count = count_words(transcript, number_words)
    wpm = count / ((end - start) / 60.0) if end - start > 0 else None
    energy, parts = _energy(pitch.range_st if pitch else None, loud.variation_db, wpm, options)
    return Tonality(
        pitch_median_hz=pitch.median_hz if pitch else None,
        pitch_range_st=pitch.range_st if pitch else None,
        pitch_spread_st=pitch.spread_st if pitch else None,
        voiced_s=pitch.voiced_s if pitch else 0.0,
        endings=endings,
        rising_endings=sum(e.direction == "rising" for e in endings),
        level_dbfs=loud.level_dbfs,
        peak_dbfs=loud.peak_dbfs,
        loudness_variation_db=loud.variation_db,
        ending_drop_db=loud.ending_drop_db,
        last_words=loud.last_words_text,
        last_words_start=loud.last_words_start,
        phrases=phrases,
        number_digits_per_minute=dpm,
        rest_words_per_minute=rest,
        number_pace_ratio=round(dpm / rest, 2) if dpm and rest else None,
        energy=energy,
        energy_parts=parts,
    )
