"""How the measures measure: the detection settings a `--config` file may set.

These say how a figure is taken (what counts as a pause, a held vowel, a broken prompted pass),
not where the rubric draws pass and fail: those edges are the rubric's `Thresholds`. The config
file sets both by field name, flat, as it always has (rubric/thresholds.py routes each name to
its record); the measures read only this one.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DETECTION", "Detection"]


@dataclass(frozen=True)
class Detection:
    """Detection settings, each with its unit and why (measured in eval/RESULTS.md unless said)."""

    # Pauses.
    pause_min_s: float = 0.5  # s, a silence between words this long is listed as a pause

    # Filler detection (fillers/hidden.py, fillers/audio.py). A filled pause is a held central
    # vowel: voiced, F1/F2 in the schwa box, still for 150 ms+.
    filler_vowel_min_s: float = (
        0.10  # s, a 150 ms+ filled pause holds its vowel this long (the rest: onset, "m", creak)
    )
    filler_vowel_max_s: float = 1.0  # s, longer is a sung or drawn-out word, not an "uh"
    filler_f1_min_hz: float = 380.0  # Hz, schwa box (ve9qrp's "uh": F1 500-800, F2 1300-1700)
    filler_f1_max_hz: float = 950.0  # Hz
    filler_f2_min_hz: float = 950.0  # Hz
    filler_f2_max_hz: float = 1900.0  # Hz
    filler_f2_above_median_hz: float = 200.0  # Hz over the recording's median held-vowel F2: a front vowel, not "uh"
    filler_steady_f1_hz: float = 180.0  # Hz, F1 may move this much (within +-20 ms, and over the vowel) and be held
    filler_steady_f2_hz: float = 320.0  # Hz, the same for F2
    filler_pitch_range_st: float = 6.0  # semitones, a filler's pitch is flat or falls gently
    filler_vowel_above_floor_db: float = 10.0  # dB over the recording's quiet floor (10th percentile)
    filler_search_s: float = 0.35  # s, how far from a prompted "uh" stamp its held vowel may lie
    filler_min_voiced: float = 0.5  # fraction of voiced frames a prompted filler needs without a held vowel

    # Guards that set a filler-prompted pass aside (it can lose text, loop or invent words).
    guard_word_ratio: float = 0.8  # fraction, fewer non-filler words than this share of the plain pass trips
    guard_end_early_s: float = 1.5  # s, the prompted text ending this long before the speech does trips
    guard_after_speech_s: float = 0.5  # s, a prompted word starting this long after the last speech trips
    guard_repeats: int = 3  # repetitions in a row of one word or phrase (more than the plain pass) trip
    guard_extra_digits: int = 3  # digits, more than the plain pass wrote trips (a digit loop)

    # A transcript the recogniser likely made up (measures/trust.py): most of its words unsure,
    # and either sitting where nothing was said (silence, a held "uh" vowel) or not heard by the
    # filler-prompted pass. The words are then no measurement of what was said.
    made_up_unsure_share: float = 0.5  # fraction of words unsure (Thresholds.unsure_probability); more is "most"
    made_up_unheard_share: float = 0.25  # fraction of words over silence or a held vowel; this or more
    made_up_passes_disagree: float = 0.5  # word error rate between the two passes' words; this or more
    made_up_sound_above_floor_db: float = 10.0  # dB over the quiet floor (10th percentile) a frame needs to be sound
    made_up_word_sounded: float = 0.25  # fraction of a word's frames that are sound; fewer: the word is over silence
    made_up_word_on_vowel: float = 0.5  # fraction of a word's span on a held central vowel: the word is an "uh"
    # Speech the recogniser wrote no words for (measures/trust.py `wordless_speech`): at phone quality
    # Whisper can drop a whole number said clearly ("give me a bell when you get this on 6, 4, 6 ..."
    # came out "... when you get this fun.", and the VAD heard nothing after it either).
    wordless_word_pad_s: float = 0.3  # s either side of a word that counts as its own sound
    wordless_bridge_s: float = 0.8  # s, unvoiced gaps up to this long join voiced sound into one stretch


DETECTION = Detection()  # the defaults, shared (frozen)
