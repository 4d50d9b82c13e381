"""Every number the rubric judges by, in one place, with its unit and source.

Defaults come from ../shared/RUBRIC.md (sales-training material and public research);
a TOML file passed with `--config` overrides any of them by field name. How the measures
measure (a pause, a held vowel, a broken prompted pass) is not here: those are the detection
settings (measures/settings.py `Detection`), which the same file sets by their names
(reviewer/settings.py `load_config` reads the file and routes each name to its record).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    # Length of the spoken message (speech span). InsideSales: callbacks peak at 18-25 s.
    length_min_s: float = 15.0  # s, shorter warns
    length_hangup_s: float = 8.0  # s, shorter fails: sounds like a dial-and-hang-up (HubSpot)
    length_max_s: float = 30.0  # s, longer warns (Decker: under 30 s)
    length_fail_s: float = 45.0  # s, longer fails
    educate_length_max_s: float = 40.0  # s, warn above for an educating message (HubSpot: 25-40 s)
    educate_length_fail_s: float = 55.0  # s, fail above for an educating message

    # Word count, fillers excluded, each spoken digit one word (UpYourTeleSales: 35 incl. contact info).
    words_max: int = 35  # words, more warns
    words_fail: int = 60  # words, more fails
    educate_words_max: int = 70  # words, an educating message may say more
    educate_words_fail: int = 100  # words

    # Pace over the speech span (Speaker Coach 100-165, Read.ai 130-175, Kurlan 100-120).
    pace_min_wpm: float = 110.0  # words/min, slower warns
    pace_max_wpm: float = 160.0  # words/min, faster warns
    pace_slow_fail_wpm: float = 100.0  # words/min, slower fails
    pace_fast_fail_wpm: float = 175.0  # words/min, faster fails (Gong: reps average 173 under stress)

    # Pauses and dead air.
    pause_long_s: float = 2.0  # s, a pause this long mid-message sounds like a lost thread
    dead_air_s: float = 2.0  # s, silence before the first word longer than this warns

    # Fillers, as a share of words (Read.ai: under 4%; open-source coaches: 2% / 5% bands).
    filler_ok_ratio: float = 0.02  # fraction, at or below passes
    filler_fail_ratio: float = 0.05  # fraction, above fails
    opening_words: int = 10  # words, the opening that decides call-back or delete

    # Phone number pace ("at writing speed"; 2 digits/s is our reading of it, RUBRIC.md).
    number_max_dps: float = 2.5  # digits/s over the whole number, faster warns
    number_fail_dps: float = 3.5  # digits/s, faster fails: nobody can write that down
    number_min_dps: float = 1.0  # digits/s, slower warns as dragging
    number_group_pause_s: float = 0.15  # s, a pause at least this long separates digit groups
    number_region: str = "US"  # phonenumbers default region for numbers without a country code

    # Practising a script (--script): word error rate of what was said against it.
    script_wer_ok: float = 0.15  # fraction, at or below passes (Whisper itself errs a few %)
    script_wer_fail: float = 0.40  # fraction, above fails: a different message, not a rehearsal

    # Tonality (RUBRIC.md: Speaker Coach pitch, Orai energy, Launch Pad tonality). Pitch range is
    # the 5th-95th percentile of voiced frames in semitones. With octave errors removed, espeak
    # spans 5.6-7.2 st on our samples; the real speakers 7.8-13 (ve9qrp 7.8-10.0 in each 20 s
    # window, Allison 12.9). 7.5 sits in the gap; a rep reading flatly from a script lands below it.
    monotone_range_st: float = 7.5  # semitones, a narrower pitch range warns as monotone
    flat_range_st: float = 4.0  # semitones, narrower fails: one note (pitch-flattened speech spans about 1)
    # A statement's last word rising 3 st (a minor third) is heard as a question: espeak's
    # questions rise 4-7 st over the last word and its statements fall 5-7; real continuation
    # rises ("nice fall day," in ve9qrp) reach 2-3, so 3 keeps a light lilt from being flagged.
    rising_ending_st: float = 3.0  # semitones of rise over the last word of a statement
    # Speech level: phone recordings of speech sit near -20 to -30 dBFS; 10 dB under that is hard to hear.
    quiet_dbfs: float = -35.0  # dBFS (RMS of active speech), quieter warns
    quiet_fail_dbfs: float = -45.0  # dBFS, quieter fails
    # The last words' level against the message's median word level; 6 dB is half the loudness heard.
    trailing_off_db: float = 6.0  # dB quieter at the end warns
    # Rate inside a phrase, pauses excluded, so well above the overall pace bands: espeak set to
    # 135-175 wpm reads 145-252 inside our samples' phrases (short words run fast), so a stretch is
    # rushed only above 260; under 90 inside a phrase is hesitant (ve9qrp's "uh"-filled phrase: 74).
    rushed_phrase_wpm: float = 260.0  # words/min inside one phrase, faster is a rushed stretch
    dragging_phrase_wpm: float = 90.0  # words/min inside one phrase, slower drags
    min_phrase_words: int = 4  # words, a shorter phrase ("call me at") gives no pace verdict
    # The number should be the slowest part ("at dictation speed"): its digits per minute over
    # the rest's words per minute; above 1 the rep sped up for the very part to be written down.
    number_pace_ratio_max: float = 1.0  # ratio, higher warns
    energy_low: int = 40  # 0-100 energy score, lower warns (espeak scores 25-40, real readers 50+)

    # Clarity. Whisper's word probability under 0.4 marks words it half-guessed ("fine and steam"
    # for "finance team"); a few in a message are normal on function words.
    unsure_probability: float = 0.4  # 0..1, a word below is listed as possibly mumbled
    # A name or company not found in an opening Whisper was unsure of (mean word probability of
    # its first words under this) is "couldn't make out", not "missing" (eval/RESULTS.md: the
    # judged set's telephone copies)
    unsure_opening_probability: float = 0.7
    unsure_opening_words: int = 12
    # A reason or an ask not found in a message Whisper was unsure of as a whole (mean probability
    # of its words, the digits aside) is "couldn't make out": under the first at telephone band,
    # under the second at any band. The public set's development half measures 0.81-0.96 at 16 kHz
    # and 0.53-0.83 as telephone copies; the judged set's espeak messages go down to 0.73 at 16 kHz
    unsure_message_probability: float = 0.75
    unclear_message_probability: float = 0.6
    # A number or a part of the message not heard, but this much voiced sound (s) in one stretch
    # came out as no words (TranscriptTrust.wordless_speech): it may be there, dropped by the
    # recogniser. A 10-digit number said at writing speed holds 3-4 s of voice; the public set's
    # pub_b_15, its number dropped whole at 8 kHz, 1.6 s in its longest stretch.
    wordless_speech_voiced_s: float = 1.0
    # At telephone band, a reason most of whose concrete words are under this probability is
    # "couldn't make out", not a pass: the public set's made-up reasons at 8 kHz ("this is a coffee
    # grinder calling" for "Cathy Copywriter") are built of them. At 16 kHz a clear espeak reason
    # ("your neighbors ... got their hail damage covered": hail 0.40, neighbors 0.53) is not.
    unsure_reason_probability: float = 0.6
    unsure_warn_share: float = 0.05  # fraction of words, more warns
    unsure_warn_words: int = 3  # words, this many unsure words warn whatever their share
    unsure_fail_share: float = 0.15  # fraction of words, more fails: the listener loses the message
    # Speech over noise: 20 dB is clean for a listener; at 10 dB words get lost (ITU-T P.800 tests
    # and phone-codec practice put "noisy" under about 15 dB).
    snr_warn_db: float = 20.0  # dB, less warns
    snr_fail_db: float = 10.0  # dB, less fails
    # Clipping: samples stuck at the peak level in flat tops. One in a thousand is audible crackle.
    clipped_warn_share: float = 0.001  # fraction of samples, more warns
    clipped_fail_share: float = 0.01  # fraction of samples, more fails

    # The score's content gates (README, "The score"): the most a message may score while it stands.
    gate_no_number: int = 50  # a call-back message without a valid number
    gate_no_reason: int = 60  # no reason to call back
    gate_too_long: int = 60  # spoken for more than twice the length limit
    gate_two_failures: int = 50  # two or more of the message's checks fail: poor
    gate_one_failure: int = 80  # one fails: there is one thing to fix, so not "good" (85+)
    # Tonality verdicts need a confident measurement: this much voiced speech behind the pitch figures.
    tonality_min_voiced_s: float = 4.0  # s of voiced speech, less gives no pitch or energy verdict
    # A pitch verdict needs a plausible track, else "couldn't judge your pitch" (weight 0). Noise and
    # the phone band make Praat follow a harmonic or a subharmonic: codec2's cq_ref at 300-3400 Hz
    # and 11 dB SNR has 24 % of its voiced frames an octave or two off (clean speakers: under 1 %;
    # ve9qrp under brown noise at 0 dB: 9 %, its cleaned figures still its own).
    pitch_octave_share_max: float = 0.15  # fraction of voiced frames dropped as octave errors, more: no verdict
    pitch_range_max_st: float = 24.0  # semitones (two octaves): a wider 5-95 % range is the tracker on noise
    pitch_median_min_hz: float = 75.0  # Hz, Praat's floor for speech: a lower median is hum or a halved voice
    # A rise before a comma-like mark ("And so, my fellow Americans, ...") carries the sentence on;
    # it is question-like only at a sentence's end or before a pause this long
    continuation_pause_max_s: float = 1.5  # s

    # A team's own phrases (measures/parts.py): literal, any case, counted when heard. E.g.
    # extra_company_cues = ["Sales Architects"], extra_cta_cues = ["book a slot"].
    extra_name_cues: tuple[str, ...] = ()  # phrases that say who is calling
    extra_company_cues: tuple[str, ...] = ()  # the company's name as said
    extra_reason_cues: tuple[str, ...] = ()  # phrases that give a reason to call back
    extra_cta_cues: tuple[str, ...] = ()  # calls to action
    extra_next_step_cues: tuple[str, ...] = ()  # what happens next (educate goal)
    extra_weak_phrases: tuple[str, ...] = ()  # phrases to flag as weak
