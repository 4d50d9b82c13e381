"""The rubric's table: what a row (`Check`) declares, and `grade`, the one function that turns a
row and the measurements (`Context`) into a `Finding`.

A row declares its id, its weight (one figure, or one per goal where the goals weigh it
differently, and `place_weight` for a place that weighs differently from the row's others), the
goals it applies to, the condition it is graded under (`when`), the Thresholds fields it reads,
and how it grades: a `measure` placed in a `Band` with a message per place, or a `judge` of its
own that returns a `Verdict` (status, sentence, moment, figure, evidence, cap) but never a weight.
Only `grade` puts the weight on a finding, the same way for every row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.rubric.thresholds import Thresholds

if TYPE_CHECKING:  # figures only; measures/clarity and measures/prosody read rubric/thresholds
    from reviewer.measures import parts as cues
    from reviewer.measures.clarity import Clarity
    from reviewer.measures.fillers.transcript import Filler
    from reviewer.measures.number.find import PhoneNumber
    from reviewer.measures.pace import Timing
    from reviewer.measures.prosody import Tonality
    from reviewer.measures.script import ScriptCheck
    from reviewer.measures.trust import TranscriptTrust
    from reviewer.profile import Profile
    from reviewer.recognition.words import Transcript

GOALS = ("callback", "educate")
# what message_unsure reads, and the wordless speech a part not found may be in (parts.py)
UNSURE_MESSAGE = ("unsure_message_probability", "unclear_message_probability", "wordless_speech_voiced_s")
MADE_UP_QUOTE_WORDS = 12  # words of a likely made-up transcript quoted in the warning
STATUS_CREDIT = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


@dataclass(frozen=True)
class Finding:
    check: str  # stable id, e.g. "pace"
    status: str  # pass | warn | fail
    message: str  # one sentence for the rep
    start: float | None = None  # s, the moment it refers to
    value: float | None = None  # the measured figure, in the check's unit
    weight: float = 1.0  # importance in the score: the row's (`grade` sets it)
    evidence: str | None = None  # what was heard that the verdict rests on ("this is Kevin")
    cap: int | None = None  # a content gate: the most the score may be while this stands (README)
    # True when the words this verdict needs came out too unsure to judge ("couldn't make out
    # your name"): said so as a warning instead of a confident pass or fail
    unsure: bool = False


@dataclass(frozen=True)
class Verdict:
    """What a row's judge says: a finding without the row's id and weight, which the row holds
    and `grade` adds, so that no judge weighs its own verdict."""

    status: str  # pass | warn | fail
    message: str  # one sentence for the rep
    start: float | None = None  # s, the moment it refers to
    value: float | None = None  # the measured figure, in the check's unit
    evidence: str | None = None  # what was heard that the verdict rests on
    cap: int | None = None  # a content gate: the most the score may be while this stands
    unsure: bool = False  # the words it needs came out too unsure to judge
    # the case, where the row weighs it apart from its others (Check.place_weight); else its status
    place: str = ""


@dataclass(frozen=True)
class Band:
    """Where a measure passes, warns and fails: edges from Thresholds, None where there is no edge."""

    fail_low: float | None = None
    warn_low: float | None = None
    warn_high: float | None = None
    fail_high: float | None = None

    def place(self, v: float) -> str:
        """fail_high, warn_high, fail_low, warn_low or pass."""
        if self.fail_high is not None and v > self.fail_high:
            return "fail_high"
        if self.fail_low is not None and v < self.fail_low:
            return "fail_low"
        if self.warn_high is not None and v > self.warn_high:
            return "warn_high"
        if self.warn_low is not None and v < self.warn_low:
            return "warn_low"
        return "pass"


@dataclass(frozen=True)
class Context:
    """Everything a check may measure."""

    t: Thresholds
    goal: str = "callback"
    transcript: Transcript | None = None
    timing: Timing | None = None
    fillers: Sequence[Filler] = ()
    numbers: Sequence[PhoneNumber] = ()
    tonality: Tonality | None = None
    clarity: Clarity | None = None
    tokens: cues.Tokens | None = None
    profile: Profile | None = None  # the rep's name, company and number, to check what was heard against
    # Telephone bandwidth (8 kHz, or a call upsampled): what Whisper did not hear there is no
    # verdict on the rep, since it loses and changes digits of numbers said right (eval/RESULTS.md)
    telephone_band: bool = False
    script: ScriptCheck | None = None  # the practised script against what was said (--script)
    # whether the words were heard or likely made up: where made up, a row that judges from the
    # words (Check.from_words) says it could not judge instead of a verdict
    trust: TranscriptTrust | None = None


@dataclass(frozen=True)
class Check:
    """One row of the rubric. A banded row has `measure`, `band` and `messages` (keyed by the
    band's place; formatted with v, t and what `extra` returns); any other has `judge`."""

    id: str
    weight: float | Mapping[str, float]  # by goal where the goals weigh it differently
    reads: tuple[str, ...] = ()  # the Thresholds fields it reads
    goals: tuple[str, ...] = GOALS
    # message: what the message says and how the number gets across; tonality and clarity:
    # delivery, which never gates the score; script: how closely a practised script was kept
    group: str = "message"
    when: Callable[[Context], bool] | None = None  # graded only where this holds
    place_weight: Mapping[str, float] = field(default_factory=dict)  # a place weighed apart
    measure: Callable[[Context], float | None] | None = None
    band: Callable[[Thresholds, str], Band] | None = None
    messages: Mapping[str, str] = field(default_factory=dict)
    extra: Callable[[Context, float], dict] | None = None  # more values for the messages, and "start"
    cap: Callable[[Context, float], int | None] | None = None  # a content gate: the most the score may be
    judge: Callable[[Context], Verdict | None] | None = None
    # What the row judges from the words ("your pace"), or "" where the words are not its evidence:
    # on a transcript the recogniser likely made up (Context.trust) such a row does not judge.
    from_words: str = ""
    # The row divides the words by time (pace): at telephone band, in a message Whisper was unsure
    # of as a whole (message_unsure), words were likely lost, so it does not judge. (The word
    # count's limits stand far enough apart that the development half's copies kept 24 of 26 right.)
    counts_words: bool = False

    def weight_for(self, goal: str, place: str) -> float:
        """The row's weight for this goal, or its place's where that place weighs apart."""
        if place in self.place_weight:
            return self.place_weight[place]
        return self.weight[goal] if isinstance(self.weight, Mapping) else self.weight


def grade(check: Check, ctx: Context) -> Finding | None:
    """The one grading function: the row's verdict (a banded measure placed in its band, or the
    row's own judge) with the row's id and weight; None where the row does not apply."""
    if ctx.goal not in check.goals or (check.when is not None and not check.when(ctx)):
        return None
    verdict = check.judge(ctx) if check.judge is not None else _banded(check, ctx)
    if verdict is not None and check.from_words and ctx.trust is not None and ctx.trust.likely_made_up:
        verdict = _made_up(check, ctx)  # a row with nothing to say on these words still says nothing
    elif verdict is not None and check.counts_words and ctx.telephone_band and message_unsure(ctx):
        verdict = Verdict(
            "warn",
            f"Couldn't judge {check.from_words}: at phone quality much of what you said came out unclear, "
            "so words may be missing from the count.",
            unsure=True,
        )
    if verdict is None:
        return None
    weight = check.weight_for(ctx.goal, verdict.place or verdict.status)
    return Finding(
        check.id,
        verdict.status,
        verdict.message,
        verdict.start,
        verdict.value,
        weight,
        verdict.evidence,
        verdict.cap,
        verdict.unsure,
    )


def message_unsure(ctx: Context) -> bool:
    """Whisper was unsure of the message as a whole: the mean probability of its words (digits
    aside) under `unsure_message_probability` at telephone band, where words get lost, or under
    `unclear_message_probability` at any band."""
    from reviewer.measures.fillers.transcript import is_filler_word  # here: measures import thresholds first

    if ctx.transcript is None:
        return False
    words = ctx.transcript.words
    probs = [w.probability for w in words if not is_filler_word(w) and not any(c.isdigit() for c in w.text)]
    if len(probs) < 3:  # at phone quality, words said and lost but for the digits ("6, 1, 2, ...")
        return ctx.telephone_band and bool(words)
    mean = sum(probs) / len(probs)
    return mean < ctx.t.unclear_message_probability or (ctx.telephone_band and mean < ctx.t.unsure_message_probability)


def speech_dropped(ctx: Context, within_words: int | None = None) -> tuple[float, float] | None:
    """(start, end) s of the stretch of voice the recogniser wrote no words for
    (TranscriptTrust.wordless_speech), where it holds `wordless_speech_voiced_s` of voice or more:
    what was not heard (a number, a part of the message) may be in it. With `within_words`, only a
    stretch that starts before the word of that index (an opening's)."""
    wordless = ctx.trust.wordless_speech if ctx.trust is not None else None
    if wordless is None or wordless[2] < ctx.t.wordless_speech_voiced_s:
        return None
    words = ctx.transcript.words if ctx.transcript is not None else ()
    if within_words is not None and len(words) > within_words and wordless[0] > words[within_words].start:
        return None
    return wordless[0], wordless[1]


def _made_up(check: Check, ctx: Context) -> Verdict:
    """A row that judges from the words, on words the recogniser likely made up: no verdict on
    the rep, a warning that says what was heard and what could not be judged. It carries no cap and
    counts as every unsure warning does (half, STATUS_CREDIT): neither the pass the message may
    deserve nor a fail for a mishearing; left out, the delivery alone would score a message nobody
    could hear as good."""
    words = [w.text for w in ctx.transcript.words] if ctx.transcript is not None else []
    heard = " ".join(words[:MADE_UP_QUOTE_WORDS]) + (" ..." if len(words) > MADE_UP_QUOTE_WORDS else "")
    return Verdict(
        "warn",
        f'Couldn\'t judge {check.from_words}: the words heard ("{heard}") are likely not what was said.',
        ctx.transcript.words[0].start if words else None,
        evidence=heard or None,
        unsure=True,
    )


def _banded(check: Check, ctx: Context) -> Verdict | None:
    """A banded row's verdict: its measure placed in its band, said by the place's message."""
    v = check.measure(ctx)
    if v is None:
        return None
    place = check.band(ctx.t, ctx.goal).place(v)
    values = check.extra(ctx, v) if check.extra else {}
    start = values.pop("start", None)
    message = check.messages[place].format(v=v, t=ctx.t, **values)
    cap = check.cap(ctx, v) if check.cap else None
    return Verdict(place.split("_")[0], message, start, round(float(v), 4), cap=cap, place=place)


def graded(rows: Sequence[Check], ctx: Context) -> tuple[Finding, ...]:
    """Every row's finding, in the table's order, leaving out the rows that do not apply."""
    return tuple(f for row in rows if (f := grade(row, ctx)) is not None)
