"""One recording in, one `Review` out: the pipeline that every front end calls.

audio -> Transcript -> analyses (fillers, phone numbers, timing) -> findings -> Review.
The Review is plain data; `to_dict` is the JSON contract (schema 1, see README), `summary` its
key figures as every front end shows them.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from reviewer.measures.clarity import Clarity, analyse_clarity
from reviewer.measures.fillers.hidden import FILLER_MODES, detect_fillers
from reviewer.measures.fillers.transcript import Filler, Hedge, find_fillers, find_hedges, is_filler_word
from reviewer.measures.number.find import PhoneNumber, find_phone_numbers
from reviewer.measures.number.second_listen import SecondListen, profile_listen, second_listen
from reviewer.measures.pace import Pause, Timing, fillers_per_minute, measure_timing
from reviewer.measures.prosody import Tonality, analyse_tonality
from reviewer.measures.script import ScriptCheck, compare_script
from reviewer.profile import Profile
from reviewer.recognition.engine import DecodeOptions, Transcriber, prompted_pass, speech_regions
from reviewer.recognition.memory import release_free_memory
from reviewer.recognition.words import Transcript
from reviewer.record.summary import Summary, summary_of
from reviewer.rubric.checks import (
    Finding,
    VoiceVerdicts,
    clarity_checks,
    content_gate,
    run_checks,
    score,
    script_finding,
    tonality_checks,
    top_fixes,
    voice_verdicts,
)
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.decode import Audio, AudioError, load_audio
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
    profile: Profile | None = None  # the rep's name, company and number the review checked against
    # The rubric's verdicts on the voice figures: in the JSON beside the figures in `tonality`
    # and `clarity` (schema 1), not a field of their own.
    voice: VoiceVerdicts | None = dataclasses.field(default=None, repr=False, compare=False)
    # The audio's measurements (signal.py), for a front end that draws them (the page's pitch
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


def build_review(
    audio: Audio,
    transcript: Transcript,
    thresholds: Thresholds,
    goal: str = "callback",
    file: str | None = None,
    script: tuple[str, str] | None = None,
    profile: Profile | None = None,
) -> Review:
    """Pure analysis of an already transcribed recording."""
    fillers = find_fillers(transcript)
    return assemble_review(audio, transcript, fillers, thresholds, goal, file, script, profile=profile)


def assemble_review(
    audio: Audio,
    transcript: Transcript,
    fillers: tuple[Filler, ...],
    thresholds: Thresholds,
    goal: str,
    file: str | None,
    script: tuple[str, str] | None = None,
    listen: SecondListen | None = None,
    profile: Profile | None = None,
    signal: Signal | None = None,
) -> Review:
    """`script` is (name, text) of the script the rep practised, if any; `listen` what the
    number's digits-only second listen heard (redecode.py): where it heard other digits, and
    which sayings nothing confirmed; `profile` the rep's name, company and number to check what
    was heard against; `signal` the audio's measurements, taken once and shared by every
    analysis (made here if not given)."""
    profile = profile or None  # an empty profile is none
    signal = signal if signal is not None else Signal(audio, transcript.speech_regions)
    hedges = find_hedges(transcript)
    clarity = analyse_clarity(audio, transcript, thresholds, signal=signal)
    numbers = find_phone_numbers(transcript, signal, region=thresholds.number_region)
    if listen is not None and listen.disagreements:
        numbers = tuple(
            dataclasses.replace(
                n,
                second_opinion=next(
                    (d for a, b, d in listen.disagreements if a <= n.start <= b or a <= n.end <= b), None
                ),
            )
            for n in numbers
        )
    # In the telephone band (8 kHz, or a call stored at a higher rate: clarity.py says which, for
    # every check alike) a number must be heard the same by both listens of one saying to pass;
    # elsewhere only a number that the second listen alone heard is flagged.
    unconfirmed = None
    if listen is not None:
        unconfirmed = listen.unconfirmed_by_both if clarity.telephone_band else (listen.guessed or None)
    if unconfirmed is not None:
        numbers = tuple(
            dataclasses.replace(n, confirmed=not any(a <= n.start <= b or a <= n.end <= b for a, b in unconfirmed))
            for n in numbers
        )
    number_words = {i for n in numbers for i in n.word_indices}
    timing: Timing = measure_timing(transcript, number_words, thresholds.pause_min_s, numbers)
    findings = run_checks(
        transcript, timing, fillers, hedges, numbers, thresholds, goal, profile, telephone_band=clarity.telephone_band
    )
    tonality = analyse_tonality(audio, transcript, numbers, thresholds, signal=signal)
    findings += tonality_checks(tonality, thresholds, numbers) + clarity_checks(clarity, thresholds)
    script_check = None
    if script is not None:
        spoken = " ".join(w.text for w in transcript.words if not is_filler_word(w))
        script_check = compare_script(script[0], script[1], spoken, [n.digits for n in numbers])
        findings += (script_finding(script_check, thresholds),)
    gate = content_gate(findings, thresholds)
    words = tuple(
        ReviewWord(w.text, w.start, w.end, w.probability, is_filler_word(w), i in number_words)
        for i, w in enumerate(transcript.words)
    )
    return Review(
        schema=SCHEMA,
        file=file if file is not None else audio.path,
        model=transcript.model,
        goal=goal,
        duration_s=timing.duration_s,
        speech_start_s=timing.speech_start_s,
        speech_end_s=timing.speech_end_s,
        leading_silence_s=timing.leading_silence_s,
        trailing_silence_s=timing.trailing_silence_s,
        transcript=transcript.text,
        words=words,
        word_count=timing.word_count,
        words_per_minute=timing.words_per_minute,
        pauses=timing.pauses,
        fillers=tuple(fillers),
        filler_count=len(fillers),
        fillers_per_minute=fillers_per_minute(tuple(fillers), timing),
        hedges=hedges,
        phone_numbers=numbers,
        findings=findings,
        score=score(findings, thresholds),
        top_fixes=tuple(f.check for f in top_fixes(findings)),
        audio={"source_rate": audio.source_rate, "source_channels": audio.source_channels},
        script=script_check,
        tonality=tonality,
        clarity=clarity,
        words_for_limit=timing.words_for_limit,
        words_per_minute_outside_number=timing.words_per_minute_outside_number,
        score_cap=gate[0],
        score_capped_by=tuple(gate[1]),
        profile=profile,
        voice=voice_verdicts(tonality, clarity, thresholds),
        signal=signal,
    )


class Reviewer:
    """Holds the loaded model and the rubric settings; reviews one file at a time."""

    def __init__(
        self,
        model: str = "base",
        device: str = "auto",
        thresholds: Thresholds | None = None,
        goal: str = "callback",
        language: str | None = "en",
        cpu_threads: int = 0,
        script: tuple[str, str] | None = None,
        fillers: str = "full",
        profile: Profile | None = None,
    ):
        if fillers not in FILLER_MODES:
            raise ValueError(f"fillers must be one of {FILLER_MODES}")
        self.fillers = fillers  # full: filler-prompted pass + guards + audio check; fast: what Whisper wrote
        self.transcriber = Transcriber.shared(model, device, cpu_threads)
        if self.transcriber.spec.english_only and language not in (None, "en"):
            raise RuntimeError(f"model {model} is English-only; --language {language} needs --model base")
        self.options = DecodeOptions(language=language)
        self.goal = goal
        self.script = script
        self._thresholds = thresholds or Thresholds()
        self._use_profile(profile)

    def _use_profile(self, profile: Profile | None) -> None:
        """The rep's profile, and the region it reads numbers in (the profile's, where it has one)."""
        self.profile = profile or None
        region = self.profile.region if self.profile else None
        self.thresholds = dataclasses.replace(self._thresholds, number_region=region) if region else self._thresholds

    def with_profile(self, profile: Profile | None) -> Reviewer:
        """The same reviewer (and loaded model) for another rep's profile: a batch's per-file one."""
        other = copy.copy(self)
        other._use_profile(profile)
        return other

    def review_file(
        self, path: str | os.PathLike, max_duration: float | None = None, data: bytes | None = None
    ) -> Review:
        """Review one recording; AudioError says why it cannot be reviewed (or that it runs past
        `max_duration` s: decoding stops there). With `data` (the file's bytes) `path` is only its
        name and is never opened."""
        return self.review_audio(load_audio(path, max_duration=max_duration, data=data), str(Path(path)))

    def review_audio(self, audio: Audio, file: str) -> Review:
        """Review decoded audio (the server decodes each upload once and reuses it)."""
        # The filler-prompted pass needs nothing from the plain pass: decode both at once.
        regions = speech_regions(audio)  # the VAD once, for both passes and every analysis
        with ThreadPoolExecutor(max_workers=1) as pool:
            prompted = (
                pool.submit(prompted_pass, self.transcriber, audio, self.options, regions)
                if self.fillers == "full" and self.options.language == "en"
                else None
            )
            transcript = self.transcriber.transcribe(audio, self.options, regions=regions)
            if not transcript.words:
                reason = (
                    "no speech detected (the recording is silent or only noise)"
                    if not transcript.speech_regions
                    else "no words could be recognised in the speech"
                )
                raise AudioError(reason)
            try:
                return self.review_transcript(
                    audio, transcript, file=file, prompted=prompted.result() if prompted else None
                )
            finally:
                self.transcriber.forget_encodings()
                release_free_memory()  # the next review's peak starts from what this one freed

    def review_transcript(
        self, audio: Audio, transcript: Transcript, file: str | None = None, prompted: Transcript | None = None
    ) -> Review:
        """The review of an already transcribed (plain pass) recording; in `full` filler mode the
        filler-prompted pass runs here unless `prompted` holds it. Its fillers are English ("uh",
        "um"), so other languages keep what the plain pass wrote. The audio is measured once
        here (a `Signal`) for the filler check and every analysis."""
        signal = Signal(audio, transcript.speech_regions)
        if self.fillers == "full" and transcript.language == "en":
            found = detect_fillers(
                self.transcriber, audio, transcript, self.thresholds, self.options, prompted, signal=signal
            )
            words, fillers = found.transcript, found.fillers
        else:
            words, fillers = transcript, find_fillers(transcript)
        release_free_memory()  # what the two passes freed, before the second listens encode their clips
        listen = second_listen(self.transcriber, audio, words, self.options, self.thresholds.number_region)
        heard, _ = profile_listen(self.transcriber, audio, listen.transcript, self.profile, self.options)
        return assemble_review(
            audio,
            heard,
            tuple(fillers),
            self.thresholds,
            self.goal,
            file,
            self.script,
            listen,
            self.profile,
            signal=signal,
        )
