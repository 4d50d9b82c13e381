"""The review record: what one recording's review holds, for every output to present.

The `Review` is plain data made by the pipeline (reviewer/pipeline.py); `to_dict` is the JSON
contract (schema 1, see README), `summary` its key figures as every front end shows them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reviewer.measures.clarity import Clarity
from reviewer.measures.fillers.transcript import Filler, Hedge
from reviewer.measures.number.find import PhoneNumber
from reviewer.measures.pace import Pause
from reviewer.measures.prosody import Tonality
from reviewer.measures.script import ScriptCheck
from reviewer.measures.trust import TranscriptTrust
from reviewer.profile import Profile
from reviewer.record.summary import Summary, summary_of
from reviewer.rubric import Finding, VoiceVerdicts
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.signal import Signal

SCHEMA = 1


@dataclass(frozen=True)
class ReviewWord:
    text: str
    start: float  # s
    end: float  # s
    probability: float  # 0..1
    filler: bool
    phone: bool  # part of a phone number
    unsure: bool = False  # half-guessed by Whisper (rubric.bands.is_unsure): shown faint everywhere


@dataclass(frozen=True)
class Review:
    schema: int
    file: str
    model: str
    goal: str
    duration_s: float
    speech_start_s: float
    speech_end_s: float
    leading_silence_s: float
    trailing_silence_s: float
    transcript: str
    words: tuple[ReviewWord, ...]
    word_count: int
    words_per_minute: float
    pauses: tuple[Pause, ...]
    fillers: tuple[Filler, ...]
    filler_count: int
    fillers_per_minute: float
    hedges: tuple[Hedge, ...]
    phone_numbers: tuple[PhoneNumber, ...]
    findings: tuple[Finding, ...]
    score: int
    top_fixes: tuple[str, ...]  # check ids of the three things to fix first
    audio: dict  # source_rate (Hz), source_channels
    script: ScriptCheck | None = None  # against the practised script, with --script
    tonality: Tonality | None = None  # pitch, endings, loudness, pace over time, energy (README)
    clarity: Clarity | None = None  # unsure words, noise, clipping, bandwidth (README)
    words_for_limit: int | None = None  # word_count with the number's repeat left out (the word limit's count)
    words_per_minute_outside_number: float | None = None  # pace outside the dictated number(s); None without one
    score_cap: int = 100  # the content gate that bounds the score (README, "The score")
    score_capped_by: tuple[str, ...] = ()  # the checks behind it
    band: str | None = None  # good | fair | poor (rubric.bands.score_band), as every output names the score
    profile: Profile | None = None  # the rep's name, company and number the review checked against
    # whether the words were heard or likely made up (measures/trust.py): where made up, the rows
    # that judge from the words said they could not judge
    trust: TranscriptTrust | None = None
    # The rubric's verdicts on the voice figures: in the JSON beside the figures in `tonality`
    # and `clarity` (schema 1), not a field of their own.
    voice: VoiceVerdicts | None = dataclasses.field(default=None, repr=False, compare=False)
    # The audio's measurements (sound/signal.py), for a front end that draws them (the page's pitch
    # contour); not part of the JSON.
    signal: Signal | None = dataclasses.field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(dataclasses.replace(self, signal=None, voice=None))
        del data["signal"], data["voice"]
        if self.voice is not None:
            self.voice.into(data)
        for pause, p in zip(data["pauses"], self.pauses):
            pause["duration_s"] = p.duration
        return data

    def summary(self, thresholds: Thresholds | None = None) -> Summary:
        """The key figures every front end shows (summary.py): the same function as for a stored review."""
        return summary_of(self.to_dict(), thresholds)
