"""What tonality measures, as records: the options it measures with and the figures it returns."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PROSODY", "ProsodyOptions", "PitchStats", "PhraseEnding", "PhrasePace", "EnergyParts", "Tonality"]


@dataclass(frozen=True)
class ProsodyOptions:
    """Analysis knobs (how we measure); what counts as good or bad is in `Thresholds`. The pitch
    track's own settings are the Signal's (sound/signal.py `PITCH`): one track serves every analysis."""

    min_voiced_s: float = 0.5  # s, less voiced speech gives no pitch figures
    # The pitch figures leave out octave errors: on noisy or phone-band speech Praat locks onto a
    # harmonic or a subharmonic for whole stretches (codec2's cq_ref through a 300-3400 Hz band:
    # a quarter of its frames two octaves up, "28 st of range"). `voiced_s` counts only the
    # frames Praat is confident are voiced: strength 0.5 is a 0 dB harmonics-to-noise ratio.
    min_voicing_strength: float = 0.5  # Praat's voicing strength (0-1) of a confident frame
    octave_window_s: float = 1.5  # s either side: the speaker's running median is over the voiced frames here
    # st from that running median: a halving or doubling lands 12 away; the real speakers' own
    # glides reach 10-11 above it (ve9qrp), so an octave less a semitone.
    octave_error_st: float = 11.0
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
    frame_s: float = 0.03  # s, loudness frame (whole 10 ms cells of the Signal's power grid)
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


PROSODY = ProsodyOptions()  # the defaults, shared (frozen)


@dataclass(frozen=True)
class PitchStats:
    """The voice's pitch over voiced speech."""

    median_hz: float | None  # Hz; None (and the range and spread) under ProsodyOptions.min_voiced_s
    range_st: float | None  # semitones, 5th-95th percentile of voiced frames
    spread_st: float | None  # semitones, standard deviation around the median
    voiced_s: float  # s of confident voiced speech behind the figures (octave errors removed)
    octave_share: float | None  # fraction of the confident voiced frames dropped as octave errors; None without any


@dataclass(frozen=True)
class PhraseEnding:
    """How the pitch moves over the last word of one statement."""

    text: str  # the sentence's last words, e.g. "I'd love to connect"
    start: float  # s, the last word's start
    end: float  # s, the last word's end
    change_st: float  # semitones over the voiced tail of the last word; + is rising
    direction: str  # rising | falling | level
    mark: str = ""  # the punctuation Whisper wrote after the last word ("," "." ...), "" for none
    pause_after_s: float | None = None  # s of heard silence before the next word; None at the message's end


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
    voiced_s: float  # s of confident voiced speech behind the pitch figures (octave errors removed)
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
    # fraction of the confident voiced frames an octave or more off the speaker's running median
    # (dropped from the pitch figures): a large share means the track cannot be trusted
    pitch_octave_share: float | None = None
