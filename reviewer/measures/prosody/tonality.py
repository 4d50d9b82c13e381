"""Tonality, all of it: pitch, endings, loudness, pace over time and one energy figure."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.measures.pace import count_words, speech_span
from reviewer.measures.prosody.common import speech_regions
from reviewer.measures.prosody.endings import heard_pauses, phrase_endings
from reviewer.measures.prosody.loudness import loudness
from reviewer.measures.prosody.phrases import number_pace, phrase_paces
from reviewer.measures.prosody.pitch import pitch_stats
from reviewer.measures.prosody.records import PROSODY, EnergyParts, ProsodyOptions, Tonality
from reviewer.recognition.words import Transcript
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

__all__ = ["analyse_tonality"]


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


def analyse_tonality(
    audio: Audio,
    transcript: Transcript,
    numbers: Sequence = (),
    rising_ending_st: float = 3.0,
    options: ProsodyOptions = PROSODY,
    signal: Signal | None = None,
) -> Tonality:
    """Pitch, endings, loudness, pace over time and energy for one recording.

    `numbers` are the PhoneNumbers found in the transcript: their words are skipped for
    endings and phrase pace, and their pace is compared with the rest of the message.
    `signal` holds the audio's measurements when a review has them (one is made otherwise).
    An ending that rises `rising_ending_st` semitones is rising (the rubric's
    `Thresholds.rising_ending_st`, the pipeline passes it; the default is the same).
    """
    signal = signal if signal is not None else Signal(audio, transcript.speech_regions)
    number_words = {i for n in numbers for i in n.word_indices}
    regions = speech_regions(transcript)
    times, f0 = signal.pitch()  # the recording's one pitch track
    pitch = pitch_stats(times, f0, regions, options, signal.pitch_strength())
    levels = signal.frame_power(options.frame_s, options.hop_s)  # for the pauses and the loudness
    pauses = heard_pauses(transcript, levels, options.statement_pause_s, options)
    measured = pitch.range_st is not None
    endings = phrase_endings(times, f0, transcript, rising_ending_st, number_words, options, pauses) if measured else ()
    loud = loudness(audio, transcript, options, levels)
    phrases = phrase_paces(transcript, number_words, options)
    dpm, rest = number_pace(transcript, numbers)
    start, end, _ = speech_span(transcript)
    count = count_words(transcript, number_words)
    wpm = count / ((end - start) / 60.0) if end - start > 0 else None
    energy, parts = _energy(pitch.range_st, loud.variation_db, wpm, options)
    return Tonality(
        pitch_median_hz=pitch.median_hz,
        pitch_range_st=pitch.range_st,
        pitch_spread_st=pitch.spread_st,
        voiced_s=pitch.voiced_s,
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
        pitch_octave_share=pitch.octave_share,
    )
