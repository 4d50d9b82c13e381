"""The rubric, the only judge: measurements enter (the transcript and its timing, fillers, the
phone numbers heard and what the second listen confirmed, the tonality and clarity figures, a
practised script, the rep's profile, and the Thresholds); findings leave (pass/warn/fail, one
sentence for the rep, the moment, the figure, the weight), with the score, its caps (content
gates), the fixes to make first, the verdicts on the voice figures and which numbers count as
confirmed. Every check is a row of one table, `RUBRIC` (table.py says what a row declares);
`grade` applies every row the same way. Which rows apply depends on the goal of the message
(RUBRIC.md): a `callback` message must get the number across; an `educate` message may be longer
and must say why to talk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reviewer.measures import parts as cues
from reviewer.rubric import message, number, parts
from reviewer.rubric.number import confirm_numbers
from reviewer.rubric.score import PRACTICE_TIPS, SCRIPT, content_gate, score, script_finding, top_fixes
from reviewer.rubric.table import GOALS, STATUS_CREDIT, Band, Check, Context, Finding, Verdict, grade, graded
from reviewer.rubric.thresholds import Thresholds
from reviewer.rubric.voice import (
    CLARITY,
    DELIVERY,
    TONALITY,
    VoiceVerdicts,
    clipped,
    monotone,
    phrase_verdict,
    pitch_range,
    trailing_off,
    voice_verdicts,
)

if TYPE_CHECKING:  # figures only: measures/clarity and measures/prosody read rubric/thresholds, which
    # runs this file first, so importing them here would import them half-made
    from reviewer.measures.clarity import Clarity
    from reviewer.measures.fillers.transcript import Filler, Hedge
    from reviewer.measures.number.find import PhoneNumber
    from reviewer.measures.pace import Timing
    from reviewer.measures.prosody import Tonality
    from reviewer.measures.trust import TranscriptTrust
    from reviewer.profile import Profile
    from reviewer.recognition.words import Transcript

# What the message says and how the number gets across, in the order shown.
CHECKS: tuple[Check, ...] = (
    message.LENGTH,
    message.WORD_COUNT,
    message.PACE,
    message.OPENING,
    message.FILLERS,
    parts.NAME,
    parts.COMPANY,
    parts.REASON,
    parts.CALL_TO_ACTION,
    parts.NEXT_STEP,
    number.PHONE_NUMBER,
    number.NUMBER_PACE,
    number.NUMBER_GROUPS,
    number.NUMBER_REPEATED,
    message.WEAK_PHRASES,
    message.DEAD_AIR,
    message.PAUSES,
)
# The one table: the message's rows, the delivery's (tonality, clarity) and the script's.
RUBRIC: tuple[Check, ...] = (*CHECKS, *TONALITY, *CLARITY, SCRIPT)


def run_checks(
    transcript: Transcript,
    timing: Timing,
    fillers: Sequence[Filler],
    hedges: Sequence[Hedge],
    numbers: Sequence[PhoneNumber],
    thresholds: Thresholds,
    goal: str = "callback",
    profile: Profile | None = None,
    telephone_band: bool = False,
    trust: TranscriptTrust | None = None,
) -> tuple[Finding, ...]:
    """The message checks that apply to `goal`, graded from the CHECKS rows; with a `profile`,
    the name, company and number heard are checked against the rep's own; at `telephone_band`
    a number not made out is said to be so, not failed (Context.telephone_band); where `trust`
    says the words were likely made up, the rows that judge from them say they could not."""
    if goal not in GOALS:
        raise ValueError(f"goal must be one of {GOALS}")
    ctx = Context(
        thresholds,
        goal,
        transcript,
        timing,
        tuple(fillers),
        tuple(numbers),
        tokens=cues.tokens_from_transcript(transcript),
        profile=profile or None,
        telephone_band=telephone_band,
        trust=trust,
    )
    return graded(CHECKS, ctx)


def tonality_checks(tonality: Tonality, t: Thresholds, numbers: Sequence[PhoneNumber] = ()) -> tuple[Finding, ...]:
    """Pitch variety, phrase endings, volume, fading, pace stretches, number slowdown, energy."""
    return graded(TONALITY, Context(t, tonality=tonality, numbers=tuple(numbers)))


def clarity_checks(clarity: Clarity, t: Thresholds, trust: TranscriptTrust | None = None) -> tuple[Finding, ...]:
    """Mumbled words, background noise, clipping, and a note on telephone bandwidth (words the
    recogniser likely made up, `trust`, are no evidence of mumbling)."""
    return graded(CLARITY, Context(t, clarity=clarity, trust=trust))


__all__ = [
    "CHECKS",
    "CLARITY",
    "DELIVERY",
    "GOALS",
    "PRACTICE_TIPS",
    "RUBRIC",
    "SCRIPT",
    "STATUS_CREDIT",
    "TONALITY",
    "Band",
    "Check",
    "Context",
    "Finding",
    "Verdict",
    "VoiceVerdicts",
    "clarity_checks",
    "clipped",
    "confirm_numbers",
    "content_gate",
    "grade",
    "monotone",
    "phrase_verdict",
    "pitch_range",
    "run_checks",
    "score",
    "script_finding",
    "tonality_checks",
    "top_fixes",
    "trailing_off",
    "voice_verdicts",
]
