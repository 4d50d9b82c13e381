"""Tonality: how the voice sounds, measured so a rep can hear it and fix it.

In: the `Audio`, its `Signal` (the one pitch track and frame-power grid), the `Transcript` and
the phone numbers found in it. Out: one `Tonality` record (records.py) for the rubric to judge.

Pitch (Praat, through praat-parselmouth), phrase endings, loudness, pace over time, and one
energy figure built from them. Pure functions of `Audio` and `Transcript`: no model here.

Pitch is in semitones relative to the speaker's own median, so a low and a high voice are
judged alike; ranges use the 5th-95th percentile so a stray octave error cannot make a flat
voice look lively. Loudness is dB relative to full scale (RMS, a full-scale sine reads
-3 dBFS) over speech frames. We do not report LUFS: pyloudnorm would bring scipy for a
K-weighting filter that only tilts the spectrum, and every decision here (quiet, varied,
fading) compares speech with itself or with a wide band, where dBFS of speech frames serves.
"""

from reviewer.measures.prosody.endings import heard_pauses, phrase_endings, sentences
from reviewer.measures.prosody.loudness import loudness
from reviewer.measures.prosody.phrases import phrase_paces
from reviewer.measures.prosody.pitch import pitch_stats, pitch_track, tonality_pitch
from reviewer.measures.prosody.records import (
    EnergyParts,
    PhraseEnding,
    PhrasePace,
    PitchStats,
    ProsodyOptions,
    Tonality,
)
from reviewer.measures.prosody.tonality import analyse_tonality
from reviewer.sound.signal import frame_levels

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
    "heard_pauses",
    "loudness",
    "phrase_paces",
    "frame_levels",
    "sentences",
]
