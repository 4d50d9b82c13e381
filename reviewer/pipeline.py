"""The pipeline: one recording in, one `Review` out; what every front end calls.

sound (decode, one `Signal`) -> recognition (the passes) -> measures (fillers, the number,
pace, prosody, clarity, the message's parts) -> rubric (findings, score) -> record (`Review`).
`Reviewer` holds the loaded model and the settings; `Reviewer.from_settings` is the one way the
CLI, the batch and the server build one.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reviewer.measures.clarity import Clarity, analyse_clarity
from reviewer.measures.fillers.hidden import FILLER_MODES, detect_fillers
from reviewer.measures.fillers.transcript import Filler, Hedge, find_fillers, find_hedges, is_filler_word
from reviewer.measures.language import warm_up as load_language_model
from reviewer.measures.number.find import PhoneNumber, find_phone_numbers
from reviewer.measures.number.listens import Listens
from reviewer.measures.number.second_listen import SecondListen, profile_listen, second_listen
from reviewer.measures.pace import Timing, fillers_per_minute, measure_timing
from reviewer.measures.prosody import Tonality, analyse_tonality
from reviewer.measures.script import ScriptCheck, compare_script
from reviewer.measures.settings import DETECTION, Detection
from reviewer.measures.trust import TranscriptTrust, measure_trust
from reviewer.profile import Profile
from reviewer.recognition.engine import DecodeOptions, Transcriber
from reviewer.recognition.memory import release_free_memory
from reviewer.recognition.passes import prompted_pass
from reviewer.recognition.vad import speech_regions
from reviewer.recognition.words import Transcript
from reviewer.record.review import SCHEMA, Review, ReviewWord
from reviewer.rubric import (
    Finding,
    clarity_checks,
    confirm_numbers,
    content_gate,
    run_checks,
    score,
    script_finding,
    tonality_checks,
    top_fixes,
    voice_verdicts,
)
from reviewer.rubric.bands import is_unsure, score_band
from reviewer.rubric.thresholds import Thresholds
from reviewer.settings import ReviewSettings
from reviewer.sound.decode import Audio, AudioError, load_audio
from reviewer.sound.signal import Signal


def build_review(
    audio: Audio,
    transcript: Transcript,
    thresholds: Thresholds,
    goal: str = "callback",
    file: str | None = None,
    script: tuple[str, str] | None = None,
    profile: Profile | None = None,
    detection: Detection = DETECTION,
) -> Review:
    """Pure analysis of an already transcribed recording."""
    fillers = find_fillers(transcript)
    return assemble_review(
        audio, transcript, fillers, thresholds, goal, file, script, profile=profile, detection=detection
    )


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
    detection: Detection = DETECTION,
    prompted: Transcript | None = None,
) -> Review:
    """`script` is (name, text) of the script the rep practised, if any; `listen` what the
    number's digits-only second listen heard (measures/number/second_listen.py): where it heard
    other digits, and which sayings nothing confirmed; `profile` the rep's name, company and
    number to check what was heard against; `signal` the audio's measurements, taken once and
    shared by every analysis (made here if not given); `detection` how the measures measure,
    `thresholds` where the rubric draws its edges; `prompted` the filler-prompted pass, which
    the trust figures compare the words with (measures/trust.py)."""
    profile = profile or None  # an empty profile is none
    signal = signal if signal is not None else Signal(audio, transcript.speech_regions)
    hedges = find_hedges(transcript)
    clarity = analyse_clarity(audio, transcript, thresholds.unsure_probability, signal=signal)
    numbers = _numbers_heard(transcript, signal, thresholds, listen, clarity.telephone_band)
    number_words = {i for n in numbers for i in n.word_indices}
    timing: Timing = measure_timing(transcript, number_words, detection.pause_min_s, numbers)
    tonality = analyse_tonality(audio, transcript, numbers, thresholds.rising_ending_st, signal=signal)
    script_check = None
    if script is not None:
        spoken = " ".join(w.text for w in transcript.words if not is_filler_word(w))
        script_check = compare_script(script[0], script[1], spoken, [n.digits for n in numbers])
    trust = measure_trust(transcript, thresholds.unsure_probability, signal, prompted, detection)
    measured = Measured(transcript, timing, tuple(fillers), hedges, numbers, tonality, clarity, script_check, trust)
    findings = _judged(measured, thresholds, goal, profile)
    gate = content_gate(findings, thresholds)
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
        words=_review_words(transcript, number_words, thresholds),
        word_count=timing.word_count,
        words_per_minute=timing.words_per_minute,
        pauses=timing.pauses,
        fillers=tuple(fillers),
        filler_count=len(fillers),
        fillers_per_minute=fillers_per_minute(tuple(fillers), timing),
        hedges=hedges,
        phone_numbers=numbers,
        findings=findings,
        score=(points := score(findings, thresholds)),
        top_fixes=tuple(f.check for f in top_fixes(findings)),
        audio={"source_rate": audio.source_rate, "source_channels": audio.source_channels},
        script=script_check,
        tonality=tonality,
        clarity=clarity,
        words_for_limit=timing.words_for_limit,
        words_per_minute_outside_number=timing.words_per_minute_outside_number,
        score_cap=gate[0],
        score_capped_by=tuple(gate[1]),
        band=score_band(points),
        profile=profile,
        voice=voice_verdicts(tonality, clarity, thresholds),
        signal=signal,
        trust=trust,
    )


@dataclasses.dataclass(frozen=True)
class Measured:
    """One recording's measurements, as the rubric judges them."""

    transcript: Transcript
    timing: Timing
    fillers: tuple[Filler, ...]
    hedges: tuple[Hedge, ...]
    numbers: tuple[PhoneNumber, ...]
    tonality: Tonality
    clarity: Clarity
    script: ScriptCheck | None  # the practised script against what was said (--script)
    trust: TranscriptTrust | None = None  # whether the words were heard or likely made up


def _numbers_heard(
    transcript: Transcript, signal: Signal, thresholds: Thresholds, listen: SecondListen | None, telephone_band: bool
) -> tuple[PhoneNumber, ...]:
    """The phone numbers heard, each with the digits a second listen heard instead (where it
    heard others) and whether the rubric counts it as confirmed (rubric.confirm_numbers)."""
    numbers = find_phone_numbers(transcript, signal, region=thresholds.number_region)
    if listen is None:
        return numbers
    if listen.disagreements:
        numbers = tuple(
            dataclasses.replace(
                n,
                second_opinion=next(
                    (d for a, b, d in listen.disagreements if a <= n.start <= b or a <= n.end <= b), None
                ),
            )
            for n in numbers
        )
    return confirm_numbers(numbers, listen.guessed, listen.unconfirmed_by_both, telephone_band, listen.heard_by_both)


def _judged(m: Measured, thresholds: Thresholds, goal: str, profile: Profile | None) -> tuple[Finding, ...]:
    """The rubric's findings, in the order shown: the message's, the delivery's, the script's."""
    findings = run_checks(
        m.transcript,
        m.timing,
        m.fillers,
        m.hedges,
        m.numbers,
        thresholds,
        goal,
        profile,
        telephone_band=m.clarity.telephone_band,
        trust=m.trust,
    )
    findings += tonality_checks(m.tonality, thresholds, m.numbers) + clarity_checks(m.clarity, thresholds, m.trust)
    if m.script is not None:
        findings += (script_finding(m.script, thresholds),)
    return findings


def _review_words(transcript: Transcript, number_words: set[int], thresholds: Thresholds) -> tuple[ReviewWord, ...]:
    """Each word as the record keeps it: a filler, part of the number, unsure (rubric.bands)."""
    return tuple(
        ReviewWord(
            w.text,
            w.start,
            w.end,
            w.probability,
            is_filler_word(w),
            i in number_words,
            is_unsure(w.probability, thresholds.unsure_probability),
        )
        for i, w in enumerate(transcript.words)
    )


class Reviewer:
    """Holds the loaded model and the rubric settings; reviews one file at a time."""

    @classmethod
    def from_settings(
        cls,
        settings: ReviewSettings,
        cpu_threads: int = 0,
        script: tuple[str, str] | None = None,
        profile: Profile | None = None,
    ) -> Reviewer:
        """The one factory: a reviewer for these settings, sharing the loaded model (Transcriber.shared)."""
        return cls(
            model=settings.model,
            device=settings.device,
            thresholds=settings.thresholds,
            detection=settings.detection,
            goal=settings.goal,
            language=settings.language,
            cpu_threads=cpu_threads,
            script=script,
            fillers=settings.fillers,
            profile=profile,
        )

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
        detection: Detection | None = None,
    ):
        if fillers not in FILLER_MODES:
            raise ValueError(f"fillers must be one of {FILLER_MODES}")
        self.fillers = fillers  # full: filler-prompted pass + guards + audio check; fast: what Whisper wrote
        load_language_model()  # spaCy loads in a thread while Whisper loads and decodes
        self.transcriber = Transcriber.shared(model, device, cpu_threads)
        if self.transcriber.spec.english_only and language not in (None, "en"):
            raise RuntimeError(f"model {model} is English-only; --language {language} needs --model base")
        self.options = DecodeOptions(language=language)
        self.goal = goal
        self.script = script
        self._thresholds = thresholds or Thresholds()
        self.detection = detection or DETECTION  # how the measures measure; the rubric never sees it
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
        # With a decode to spare (two at once), the number's quick listens start from the plain
        # pass's words as they come, beside the passes still decoding (listens.py).
        ahead = self.transcriber.decodes > 1
        with ThreadPoolExecutor(max_workers=1) as pool, Listens(self.transcriber, audio, self.options) as listens:
            prompted = (
                pool.submit(prompted_pass, self.transcriber, audio, self.options, regions)
                if self.fillers == "full" and self.options.language == "en"
                else None
            )
            transcript = self.transcriber.transcribe(
                audio, self.options, regions=regions, segment_done=listens.ahead if ahead else None
            )
            if ahead:
                listens.ahead(transcript.words, whole=True)
            signal = Signal(audio, transcript.speech_regions)
            if prompted is not None and not prompted.done():  # what the filler check reads first,
                signal.pitch()  # measured while that pass still decodes
                signal.intensity()
            if not transcript.words:
                reason = (
                    "no speech detected (the recording is silent or only noise)"
                    if not transcript.speech_regions
                    else "no words could be recognised in the speech"
                )
                raise AudioError(reason)
            try:
                return self.review_transcript(
                    audio,
                    transcript,
                    file=file,
                    prompted=prompted.result() if prompted else None,
                    listens=listens,
                    signal=signal,
                )
            finally:
                self.transcriber.forget_encodings()
                release_free_memory()  # the next review's peak starts from what this one freed

    def review_transcript(
        self,
        audio: Audio,
        transcript: Transcript,
        file: str | None = None,
        prompted: Transcript | None = None,
        listens: Listens | None = None,
        signal: Signal | None = None,
    ) -> Review:
        """The review of an already transcribed (plain pass) recording; in `full` filler mode the
        filler-prompted pass runs here unless `prompted` holds it. Its fillers are English ("uh",
        "um"), so other languages keep what the plain pass wrote. The audio is measured once
        (a `Signal`, `signal` when begun already: its regions are the transcript's) for the
        filler check and every analysis."""
        signal = signal or Signal(audio, transcript.speech_regions)
        if self.fillers == "full" and transcript.language == "en":
            if prompted is None:  # decoded here (as detect_fillers would) so the trust figures read it too
                prompted = prompted_pass(self.transcriber, audio, self.options, regions=signal.speech_regions)
            found = detect_fillers(
                self.transcriber, audio, transcript, self.detection, self.options, prompted, signal=signal
            )
            words, fillers = found.transcript, found.fillers
        else:
            words, fillers, prompted = transcript, find_fillers(transcript), None
        release_free_memory()  # what the two passes freed, before the second listens encode their clips
        listen = second_listen(self.transcriber, audio, words, self.options, self.thresholds.number_region, listens)
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
            detection=self.detection,
            prompted=prompted,
        )
