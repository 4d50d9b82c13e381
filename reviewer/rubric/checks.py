"""The rubric: measurements in, pass/warn/fail findings a rep can act on out.

Each check says one sentence in plain words, points at a moment in the recording, and
carries a weight; the score is the weighted share of checks passed (a warning counts half).
Which checks apply depends on the goal of the message (RUBRIC.md): a `callback` message
must get the number across; an `educate` message may be longer and must say why to talk.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from reviewer.measures import parts as cues
from reviewer.measures.clarity import Clarity
from reviewer.measures.fillers.transcript import Filler, Hedge, is_filler_word
from reviewer.measures.number.find import PhoneNumber, digits_in_word, is_subsequence, number_sayings, stray_digits
from reviewer.measures.pace import Timing
from reviewer.measures.prosody import PhrasePace, Tonality
from reviewer.measures.script import ScriptCheck
from reviewer.profile import SIMILAR, Profile, company_words, find_exact, find_own_name, find_similar, name_is_yours
from reviewer.recognition.words import Transcript
from reviewer.record.summary import clock, format_digits
from reviewer.rubric.thresholds import Thresholds

GOALS = ("callback", "educate")
STATUS_CREDIT = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


@dataclass(frozen=True)
class Finding:
    check: str  # stable id, e.g. "pace"
    status: str  # pass | warn | fail
    message: str  # one sentence for the rep
    start: float | None = None  # s, the moment it refers to
    value: float | None = None  # the measured figure, in the check's unit
    weight: float = 1.0  # importance in the score
    evidence: str | None = None  # what was heard that the verdict rests on ("this is Kevin")
    cap: int | None = None  # a content gate: the most the score may be while this stands (README)
    # True when the words this verdict needs came out too unsure to judge ("couldn't make out
    # your name"): said so as a warning instead of a confident pass or fail
    unsure: bool = False


# What to practise when a check keeps failing: one concrete drill per check.
PRACTICE_TIPS = {
    "opening": 'rehearse your first ten words alone until they come out with no "um" and no apology.',
    "fillers": 'record the message again and pause silently wherever an "um" wants out.',
    "number_pace": "say your number while writing it down yourself; that is the speed.",
    "number_groups": "say the number as 3-3-4 with a breath between the groups.",
    "number_repeated": "end every message by giving the number a second time.",
    "phone_number": 'close with "Call me at" and your number.',
    "pace": "read your script aloud to a timer: about 35 words in 15-20 seconds.",
    "length": "cut the message to one idea and read it to a timer: 15-30 seconds.",
    "word_count": "cut the script to 35 words, number included.",
    "reason": "write one sentence on what is in it for them, and lead with it.",
    "name": 'open with "This is <name> from <company>".',
    "company": 'open with "This is <name> from <company>".',
    "call_to_action": 'finish with a clear ask: "Call me back at ...".',
    "script": "practise the script until the key phrases and the number come out as written.",
}


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


@dataclass(frozen=True)
class Check:
    """One row of the rubric. A banded check has `measure`, `band` and `messages` (keyed by the
    band's place; formatted with v, t and what `extra` returns); any other has `judge`."""

    id: str
    weight: float | Callable[[str], float]  # by goal where it differs
    goals: tuple[str, ...] = GOALS
    group: str = "message"  # message: what the message says and how the number gets across; delivery: tonality, clarity
    measure: Callable[[Context], float | None] | None = None
    band: Callable[[Thresholds, str], Band] | None = None
    messages: dict[str, str] = field(default_factory=dict)
    extra: Callable[[Context, float], dict] | None = None  # more values for the messages, and "start"
    cap: Callable[[Context, float], int | None] | None = None  # a content gate: the most the score may be
    judge: Callable[[Context], Finding | list[Finding] | None] | None = None


def grade(check: Check, ctx: Context) -> list[Finding]:
    """The one grading function: a banded measure placed in its band, or the check's own judge."""
    if ctx.goal not in check.goals:
        return []
    if check.judge is not None:
        out = check.judge(ctx)
        return [] if out is None else out if isinstance(out, list) else [out]
    v = check.measure(ctx)
    if v is None:
        return []
    place = check.band(ctx.t, ctx.goal).place(v)
    values = check.extra(ctx, v) if check.extra else {}
    start = values.pop("start", None)
    weight = check.weight(ctx.goal) if callable(check.weight) else check.weight
    message = check.messages[place].format(v=v, t=ctx.t, **values)
    cap = check.cap(ctx, v) if check.cap else None
    return [Finding(check.id, place.split("_")[0], message, start, round(float(v), 4), weight, cap=cap)]


def _length_band(t: Thresholds, goal: str) -> Band:
    warn_at, fail_at = (
        (t.length_max_s, t.length_fail_s) if goal == "callback" else (t.educate_length_max_s, t.educate_length_fail_s)
    )
    return Band(t.length_hangup_s, t.length_min_s, warn_at, fail_at)


def _words_band(t: Thresholds, goal: str) -> Band:
    if goal == "callback":
        return Band(warn_high=t.words_max, fail_high=t.words_fail)
    return Band(warn_high=t.educate_words_max, fail_high=t.educate_words_fail)


def _length_extra(ctx: Context, v: float) -> dict:
    band = _length_band(ctx.t, ctx.goal)
    tm = ctx.timing
    late = v > band.warn_high
    return {"warn_at": band.warn_high, "start": round(tm.speech_start_s + band.warn_high, 2) if late else None}


def _length_cap(ctx: Context, v: float) -> int | None:
    return ctx.t.gate_too_long if v > 2 * _length_band(ctx.t, ctx.goal).warn_high else None


def _filler_extra(ctx: Context, v: float) -> dict:
    fl = ctx.fillers
    n = len(fl)
    return {
        "n": n,
        "s": "s" if n != 1 else "",
        "listing": ", ".join(f'"{f.text}" at {clock(f.start)}' for f in fl[:4]),
        "none": "No fillers to speak of."
        if n == 0
        else f"{n} filler ({v:.0%} of words), within {ctx.t.filler_ok_ratio:.0%}.",
        "start": fl[0].start if fl else None,
    }


def _words_extra(ctx: Context, v: float) -> dict:
    tm = ctx.timing
    free = tm.word_count - int(v)
    return {
        "limit": _words_band(ctx.t, ctx.goal).warn_high,
        "repeat": f" (the number's repeat, {free} words, is free)" if free > 0 else "",
    }


def _pace_measure(ctx: Context) -> float | None:
    tm = ctx.timing
    v = tm.words_per_minute_outside_number
    return tm.words_per_minute if v is None else v


def _pace_extra(ctx: Context, v: float) -> dict:
    outside = ctx.timing.words_per_minute_outside_number
    has_number = outside is not None and bool(ctx.numbers)
    return {"where": " outside your number" if has_number else ""}


def _pitch_measure(ctx: Context) -> float | None:
    ton = ctx.tonality
    if ton is None or ton.pitch_range_st is None or ton.voiced_s < ctx.t.tonality_min_voiced_s:
        return None  # too little voiced speech for a confident verdict
    return ton.pitch_range_st


def _range(lo: float, hi: float) -> str:
    return f"{lo:.0f}-{hi:.0f}"


def _structure(
    check: str,
    find,
    ok: str,
    fix: str,
    weight,
    missing: str = "fail",
    unsure: str | None = None,
    gate: str | None = None,
):
    def judge(ctx: Context) -> Finding:
        w = weight(ctx.goal) if callable(weight) else weight
        found = _cue_finding(check, find(ctx), ok, fix, w, missing, unsure)
        if gate is not None and found.status == "fail":
            found = dataclasses.replace(found, cap=getattr(ctx.t, gate))
        return found

    return judge


def _name(ctx: Context) -> cues.Cue | None:
    return cues.find_name(ctx.tokens, ctx.t.extra_name_cues)


def _unsure_opening(ctx: Context) -> tuple[str, float] | None:
    """(the first words as heard, when) where Whisper was unsure of the opening: the mean
    probability of its first `unsure_opening_words` words under `unsure_opening_probability`.
    A name or company missing from such an opening may be there, misheard (at phone quality
    "This is Sam with Redwood Realty" came out "Eyeball is in time when Ren will be able to")."""
    if ctx.transcript is None:
        return None
    words = [w for w in ctx.transcript.words if not is_filler_word(w)][: ctx.t.unsure_opening_words]
    if len(words) < 3 or sum(w.probability for w in words) / len(words) >= ctx.t.unsure_opening_probability:
        return None
    return " ".join(w.text for w in words[:8]), words[0].start


def _could_not_make_out(ctx: Context, check: str, what: str, weight: float) -> Finding | None:
    """A warning that says the part could not be made out, instead of failing it as missing."""
    opening = _unsure_opening(ctx)
    if opening is None:
        return None
    heard, start = opening
    return Finding(
        check,
        "warn",
        f'Couldn\'t make out {what}: your opening came out as "{heard}"; say it slowly and clearly.',
        start,
        None,
        weight,
        heard,
        unsure=True,
    )


# The rubric as a table: id, weight, goals, group, and either a measure with its band from
# Thresholds and a message per place in the band, or a judge of its own. Order is the order shown.
CHECKS: tuple[Check, ...] = (
    Check(
        "length",
        2.0,
        measure=lambda c: c.timing.speech_span_s,
        band=_length_band,
        extra=_length_extra,
        cap=_length_cap,
        messages={
            "fail_low": "Your message is only {v:.0f} s long; under {t.length_hangup_s:.0f} s sounds like a hang-up, aim for {t.length_min_s:.0f}-{warn_at:.0f} s.",
            "warn_low": "Your message is {v:.0f} s long; aim for {t.length_min_s:.0f}-{warn_at:.0f} s so there is room for a reason.",
            "fail_high": "Your message runs {v:.0f} s; most people stop listening after {warn_at:.0f} s, so cut it to one idea.",
            "warn_high": "Your message runs {v:.0f} s, a little over {warn_at:.0f} s: trim a sentence.",
            "pass": "Length {v:.0f} s is in the {t.length_min_s:.0f}-{warn_at:.0f} s sweet spot.",
        },
    ),
    Check(
        "word_count",
        1.5,
        measure=lambda c: c.timing.words_for_limit if c.timing.words_for_limit is not None else c.timing.word_count,
        band=_words_band,
        extra=_words_extra,
        messages={
            "fail_high": "{v:.0f} words{repeat} is far more than the {limit} a voicemail can carry; keep one idea and cut the rest.",
            "warn_high": "{v:.0f} words{repeat}; aim for {limit} or fewer, the number said once included.",
            "pass": "{v:.0f} words{repeat}, within {limit}.",
        },
    ),
    Check(
        "pace",
        1.5,
        measure=_pace_measure,
        band=lambda t, g: Band(t.pace_slow_fail_wpm, t.pace_min_wpm, t.pace_max_wpm, t.pace_fast_fail_wpm),
        extra=_pace_extra,
        messages={
            "fail_high": "You spoke at {v:.0f} words per minute{where}, which sounds rushed; slow down to {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            "warn_high": "{v:.0f} words per minute{where} is a bit fast; aim for {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            "fail_low": "{v:.0f} words per minute{where} drags; pick up the pace to {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            "warn_low": "{v:.0f} words per minute{where} is a little slow; aim for {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            "pass": "Pace {v:.0f} words per minute{where} is easy to follow.",
        },
    ),
    Check("opening", 2.0, judge=lambda c: _check_opening(c.transcript, c.fillers, c.t)),
    Check(
        "fillers",
        1.5,
        measure=lambda c: len(c.fillers) / max(1, c.timing.word_count),
        band=lambda t, g: Band(warn_high=t.filler_ok_ratio, fail_high=t.filler_fail_ratio),
        extra=_filler_extra,
        messages={
            "fail_high": "{n} fillers ({v:.0%} of words): {listing}; pause silently instead.",
            "warn_high": "{n} filler{s} ({v:.0%} of words): {listing}.",
            "pass": "{none}",
        },
    ),
    Check("name", 1.5, judge=lambda c: _check_name(c)),
    Check("company", 1.0, judge=lambda c: _check_company(c)),
    Check(
        "reason",
        lambda g: 2.0 if g == "educate" else 1.5,
        judge=_structure(
            "reason",
            lambda c: cues.find_reason(c.tokens, c.t.extra_reason_cues),
            "You gave a reason for the call",
            "Give one specific reason for calling: what's in it for them.",
            lambda g: 2.0 if g == "educate" else 1.5,
            gate="gate_no_reason",
        ),
    ),
    Check(
        "call_to_action",
        1.5,
        goals=("callback",),
        judge=_structure(
            "call_to_action",
            lambda c: cues.find_call_to_action(c.tokens, c.t.extra_cta_cues),
            "You asked for a call back",
            'End with a clear ask: "Call me back at ...".',
            1.5,
        ),
    ),
    Check(
        "next_step",
        1.0,
        goals=("educate",),
        judge=_structure(
            "next_step",
            lambda c: cues.find_next_step(c.tokens, c.t.extra_next_step_cues),
            "You said what happens next",
            "Say when you will try them again, so the next call is expected.",
            1.0,
            missing="warn",
        ),
    ),
    Check(
        "phone_number",
        2.0,
        judge=lambda c: _check_number(c.transcript, c.numbers, c.t, c.goal == "callback", c.profile, c.telephone_band),
    ),
    Check("weak_phrases", 1.0, judge=lambda c: _check_weak_phrases(c.transcript, c.t)),
    Check("dead_air", 0.5, judge=lambda c: _check_dead_air(c.timing, c.t)),
    Check("pauses", 0.5, judge=lambda c: _check_long_pauses(c.timing, c.t)),
)

TONALITY: tuple[Check, ...] = (
    Check(
        "pitch_variety",
        0.75,
        group="delivery",
        measure=_pitch_measure,
        band=lambda t, g: Band(fail_low=t.flat_range_st, warn_low=t.monotone_range_st),
        messages={
            "fail_low": "Your pitch stays on one note (a range of {v:.0f} semitones); let your voice rise on the words that matter, like your company and your reason.",
            "warn_low": "Your voice sounds flat (a pitch range of {v:.0f} semitones; lively speakers use {t.monotone_range_st:.0f} or more); stress the key words, like your reason for calling.",
            "pass": "Your pitch moves over a range of {v:.0f} semitones, which sounds engaged.",
        },
    ),
    Check("phrase_endings", 0.75, group="delivery", judge=lambda c: _check_endings(c.tonality, c.t)),
    Check(
        "volume",
        0.5,
        group="delivery",
        measure=lambda c: c.tonality.level_dbfs,
        band=lambda t, g: Band(fail_low=t.quiet_fail_dbfs, warn_low=t.quiet_dbfs),
        messages={
            "fail_low": "Your voice is very quiet ({v:.0f} dBFS); speak up and hold the phone close to your mouth.",
            "warn_low": "Your voice is quiet ({v:.0f} dBFS); speak up or move the phone closer.",
            "pass": "Your voice is at a good level ({v:.0f} dBFS).",
        },
    ),
    Check("trailing_off", 0.5, group="delivery", judge=lambda c: _check_trailing(c.tonality, c.t)),
    Check("pace_stretches", 0.5, group="delivery", judge=lambda c: _check_stretches(c.tonality, c.t, c.numbers)),
    Check("number_slowdown", 0.5, group="delivery", judge=lambda c: _check_number_slowdown(c.tonality, c.t)),
    Check("energy", 0.5, group="delivery", judge=lambda c: _check_energy(c.tonality, c.t)),
)

CLARITY: tuple[Check, ...] = (
    Check("clear_words", 0.5, group="delivery", judge=lambda c: _check_unsure(c.clarity, c.t)),
    Check(
        "noise",
        0.5,
        group="delivery",
        measure=lambda c: c.clarity.snr_db,
        band=lambda t, g: Band(fail_low=t.snr_fail_db, warn_low=t.snr_warn_db),
        messages={
            "fail_low": "Background noise nearly drowns your voice (only {v:.0f} dB above it); record somewhere quiet.",
            "warn_low": "There is background noise (your voice is {v:.0f} dB above it); find a quieter spot or hold the phone closer.",
            "pass": "Clean recording: your voice is {v:.0f} dB above the background.",
        },
    ),
    Check(
        "clipping",
        0.5,
        group="delivery",
        measure=lambda c: c.clarity.clipped_share,
        band=lambda t, g: Band(warn_high=t.clipped_warn_share, fail_high=t.clipped_fail_share),
        messages={
            "fail_high": "Your recording distorts ({v:.1%} of the speech is clipped); hold the phone a little further away or speak less hard into it.",
            "warn_high": "Your loudest words distort slightly ({v:.2%} clipped); hold the phone a little further away.",
            "pass": "No distortion from clipping.",
        },
    ),
    Check("bandwidth", 0.0, group="delivery", judge=lambda c: _check_band(c.clarity)),
)

DELIVERY = frozenset(c.id for c in TONALITY + CLARITY)


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
) -> tuple[Finding, ...]:
    """The message checks that apply to `goal`, graded from the CHECKS table; with a `profile`,
    the name, company and number heard are checked against the rep's own; at `telephone_band`
    a number not made out is said to be so, not failed (Context.telephone_band)."""
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
    )
    return tuple(f for check in CHECKS for f in grade(check, ctx))


def tonality_checks(tonality: Tonality, t: Thresholds, numbers: Sequence[PhoneNumber] = ()) -> tuple[Finding, ...]:
    """Pitch variety, phrase endings, volume, fading, pace stretches, number slowdown, energy."""
    ctx = Context(t, tonality=tonality, numbers=tuple(numbers))
    return tuple(f for check in TONALITY for f in grade(check, ctx))


def clarity_checks(clarity: Clarity, t: Thresholds) -> tuple[Finding, ...]:
    """Mumbled words, background noise, clipping, and a note on telephone bandwidth."""
    ctx = Context(t, clarity=clarity)
    return tuple(f for check in CLARITY for f in grade(check, ctx))


def content_gate(findings: Sequence[Finding], t: Thresholds | None = None) -> tuple[int, list[str]]:
    """The most the score may be, and why: RUBRIC.md's gates, from the message's content alone."""
    t = t or Thresholds()
    cap, why = 100, []
    for f in findings:
        if f.cap is not None and f.cap < 100:
            cap = min(cap, f.cap)
            why.append(f.check)
    failed = [f.check for f in findings if f.status == "fail" and f.check not in DELIVERY and f.check != "script"]
    if len(failed) >= 2 and t.gate_two_failures < cap:
        cap, why = t.gate_two_failures, [*why, *failed]
    elif len(failed) == 1 and t.gate_one_failure < cap:
        cap, why = t.gate_one_failure, [*why, *failed]
    return cap, list(dict.fromkeys(why))


def score(findings: Sequence[Finding], t: Thresholds | None = None) -> int:
    """Content gates first, then weights (README, "The score").

    weighted = 100 * sum(weight * credit) / sum(weight), credit 1 pass, 0.5 warn, 0 fail;
    score = weighted where no gate applies, else cap * weighted / 100, so a gated message stays
    under its cap and messages under the same cap still rank by everything else.
    """
    total = sum(f.weight for f in findings)
    if not total:
        return 0
    weighted = 100 * sum(f.weight * STATUS_CREDIT[f.status] for f in findings) / total
    cap, _ = content_gate(findings, t)
    return round(weighted if cap >= 100 else cap * weighted / 100)


def top_fixes(findings: Sequence[Finding], n: int = 3) -> list[Finding]:
    """What to fix first: the message's failures, then its warnings, then delivery (tonality and
    clarity), which never outranks the content; heavier first within each."""
    order = {"fail": 0, "warn": 1}
    bad = [f for f in findings if f.status in order]
    return sorted(bad, key=lambda f: (f.check in DELIVERY, order[f.status], f.cap is None, -f.weight))[:n]


def _check_opening(transcript: Transcript, fillers: Sequence[Filler], t: Thresholds) -> Finding:
    """No filler and no apology in the first words: they decide call-back or delete."""
    spoken = [w for w in transcript.words if not is_filler_word(w)]
    opening = spoken[: t.opening_words]
    opening_end = spoken[t.opening_words].start if len(spoken) > t.opening_words else transcript.duration
    filler = next((f for f in fillers if f.start < opening_end), None)
    if filler is not None:
        return Finding(
            "opening",
            "fail",
            f'You said "{filler.text}" at {clock(filler.start)} in your first {t.opening_words} words, the words that decide call-back or delete; start clean.',
            filler.start,
            None,
            2.0,
        )
    weak_found = cues.find_weak_phrases(cues.tokens_from_transcript(transcript), t.extra_weak_phrases)
    weak = next((c.value for c in weak_found if c.start is not None and c.start < opening_end), None)
    if weak is not None:  # RUBRIC.md: no filler and no apology in the first words, alike
        first = opening[0].start if opening else None
        return Finding(
            "opening",
            "fail",
            f'"{weak}" in your opening sounds apologetic or empty; lead with your name and why they should care.',
            first,
            None,
            2.0,
            weak,
        )
    return Finding("opening", "pass", f"Your first {t.opening_words} words are clean.", None, None, 2.0)


def _cue_finding(
    check: str,
    cue: cues.Cue | None,
    ok: str,
    fix: str,
    weight: float,
    missing_status: str = "fail",
    unsure: str | None = None,
) -> Finding:
    """Pass with the words heard as evidence; where Whisper was unsure of them, say so instead."""
    if cue is None:
        return Finding(check, missing_status, fix, None, None, weight)
    if cue.unsure and unsure is not None:  # named, but Whisper was unsure of the words: say so
        return Finding(
            check,
            "pass",
            f'{ok}, but {unsure[0].lower() + unsure[1:]}: it came out as "{cue.value}"; say it clearly.',
            cue.start,
            None,
            weight,
            cue.evidence,
        )
    return Finding(check, "pass", f'{ok}: "{cue.evidence}".', cue.start, None, weight, cue.evidence)


NAME_OK, NAME_FIX = "You said who you are", 'Say your name early: "This is Sam from ...".'
COMPANY_OK, COMPANY_FIX = "You named your company", "Name your company so they know who is calling."


def _check_name(ctx: Context) -> Finding:
    """Who is calling; with a profile, whether the name heard is the rep's own."""
    cue = _name(ctx)
    mine = ctx.profile.name if ctx.profile else None
    own = find_own_name(ctx.tokens, mine) if mine else None
    if cue is None and own is None and (unsure := _could_not_make_out(ctx, "name", "your name", 1.5)):
        return unsure
    if not mine or (cue is not None and name_is_yours(cue.value, mine)):
        return _cue_finding("name", cue, NAME_OK, NAME_FIX, 1.5)
    if own is not None and (cue is None or not cue.first <= own.first < cue.last):
        # said without a cue the finder knows ("Sarah Miller from ..."), or besides another name
        return Finding("name", "pass", f'{NAME_OK}: "{own.said}".', own.start, None, 1.5, own.said)
    if cue is not None:
        return Finding(
            "name",
            "warn",
            f'Your name came out as "{cue.value}" (your name is "{mine}"); say it clearly.',
            cue.start,
            None,
            1.5,
            cue.evidence,
        )
    company = f" from {ctx.profile.company}" if ctx.profile.company else ""
    return Finding("name", "fail", f'Say your name early: "This is {mine.split()[0]}{company}".', None, None, 1.5)


def _check_company(ctx: Context) -> Finding:
    """The company named; with a profile, whether it came out as the rep's own. Said as the
    profile spells it (any case, hyphen or legal suffix) passes; otherwise the closest stretch
    of words (or, when none is close, what was said where a company goes) is quoted, as a
    warning whichever it is, so the verdict never hangs on how close "close" is."""
    cue = cues.find_company(ctx.tokens, _name(ctx), ctx.t.extra_company_cues)
    mine = ctx.profile.company if ctx.profile else None
    words = " ".join(company_words(mine)) if mine else None
    own = find_exact(ctx.tokens, words) if words else None
    if cue is None and own is None and (unsure := _could_not_make_out(ctx, "company", "your company name", 1.0)):
        return unsure
    if not mine:
        return _cue_finding("company", cue, COMPANY_OK, COMPANY_FIX, 1.0, unsure="Couldn't make out your company name")
    if own is not None:
        in_cue = cue is not None and cue.first <= own.first < cue.last
        evidence = cue.evidence if in_cue else own.said
        return Finding("company", "pass", f'{COMPANY_OK}: "{evidence}".', own.start, None, 1.0, evidence)
    similar = find_similar(ctx.tokens, words)
    if similar is not None and similar.ratio >= SIMILAR:
        heard, start, evidence = similar.said, similar.start, similar.said
    elif cue is not None:
        heard, start, evidence = cue.value, cue.start, cue.evidence
    else:
        return Finding("company", "fail", f"Name your company, {mine}, so they know who is calling.", None, None, 1.0)
    return Finding(
        "company",
        "warn",
        f'Your company came out as "{heard}" (your company is "{mine}"); say it clearly.',
        start,
        None,
        1.0,
        evidence,
    )


# What an unsure number's warning says of telephone-band audio, before "check ..."
PHONE_LOST = "at phone quality digits get lost, so check"
PHONE_MISHEARD = "at phone quality digits get misheard, so check"


def _is_mine(number: PhoneNumber, profile: Profile) -> bool:
    """A number heard is the profile's: the same E.164 number, or the same digits as said."""
    if number.e164 is not None and number.e164 == profile.number:
        return True
    return number.digits in profile.number_forms()


def _check_number(
    transcript: Transcript,
    numbers: Sequence[PhoneNumber],
    t: Thresholds,
    required: bool,
    profile: Profile | None = None,
    telephone_band: bool = False,
) -> list[Finding]:
    """The number right or flagged with what was heard; its pace, groups and repeat only once it is
    right or unsure (heard, not made out for sure). With a profile's number, right means the rep's
    own: a wrong digit fails, quoting both. At telephone band a number not made out (digits lost,
    heard two ways, two different numbers, or not the profile's) is an unsure warning with what
    was heard, not a failure: Whisper loses and changes digits of numbers said right there, so it
    says nothing of the rep (eval/RESULTS.md)."""
    weight = 2.0 if required else 1.0
    mine = format_digits(profile.number_digits) if profile and profile.number else None
    cap = t.gate_no_number if required else None
    yours_is = f" (yours is {mine})" if mine else ""

    def fail(message: str, start: float | None = None, evidence: str | None = None) -> list[Finding]:
        return [Finding("phone_number", "fail", message, start, None, weight, evidence, cap)]

    def unsure(message: str, start: float | None, evidence: str | None) -> Finding:
        # not confirmed is not "good": at most one thing to fix until the rep checks it
        gate = t.gate_unsure_number if required else None
        return Finding("phone_number", "warn", message, start, None, weight, evidence, gate, unsure=True)

    if not numbers:
        heard = stray_digits(transcript) if transcript is not None else None
        if heard is not None:
            text, start = heard
            if telephone_band:
                return [
                    unsure(
                        f'Couldn\'t make out your number (heard "{text}" at {clock(start)}): {PHONE_LOST} '
                        "you said every digit; say it slowly, in 3-3-4 groups.",
                        start,
                        text,
                    )
                ]
            return fail(
                f'Couldn\'t make out your number: likely too fast or unclear (heard "{text}" at {clock(start)}); '
                "say it at writing speed, in 3-3-4 groups.",
                start,
                text,
            )
        if required:
            return fail("No phone number heard: say your number so they can call back.")
        return []
    region = t.number_region
    valid = [n for n in numbers if n.valid]
    if mine:  # the rep's own number first, where it was said
        valid = sorted(valid, key=lambda n: not _is_mine(n, profile))
    first = valid[0] if valid else numbers[0]
    said = _said(transcript, first)
    head: Finding | None = None
    conflict = _conflicting(numbers)
    if conflict is not None:
        a, b = conflict
        both = f"{format_digits(a.digits)} / {format_digits(b.digits)}"
        if telephone_band:
            head = unsure(
                f"Your number came out as {format_digits(a.digits)} at {clock(a.start)} and as "
                f"{format_digits(b.digits)} at {clock(b.start)}{yours_is}: {PHONE_MISHEARD} you said the same "
                "number both times; say it slowly, digit by digit.",
                a.start,
                both,
            )
        else:
            yours = f", and your number is {mine}; say it" if mine else "; say the same number"
            return fail(
                f"You said {format_digits(a.digits)} at {clock(a.start)} and {format_digits(b.digits)} at "
                f"{clock(b.start)}: two different numbers{yours} both times, slowly.",
                a.start,
                both,
            )
    own = mine is not None and _is_mine(first, profile)  # the rep's number, whatever --region makes of it
    if head is None and not first.valid and not own:
        n = len(first.digits)
        why = f"{n} digits" if n not in (7, 10, 11) else f"not a valid {region} number"
        if telephone_band:
            heard = (
                f"Your number came out as {format_digits(first.digits)} at {clock(first.start)}{yours_is}"
                if mine
                else f"Heard {format_digits(first.digits)}: {why}, at {clock(first.start)}"
            )
            head = unsure(
                f"{heard}; {PHONE_LOST} you said every digit; say it slowly, in 3-3-4 groups.", first.start, said
            )
        elif mine:
            return fail(
                f"You said {format_digits(first.digits)} at {clock(first.start)}; your number is {mine}: "
                "say every digit of it, slowly, in 3-3-4 groups.",
                first.start,
                said,
            )
        else:
            return fail(
                f"Heard {format_digits(first.digits)}: {why}, at {clock(first.start)}; "
                "say every digit of your number, slowly, in 3-3-4 groups.",
                first.start,
                said,
            )
    if head is None and mine and not own and first.second_opinion != profile.number_digits:
        if not telephone_band:
            return fail(
                f"You said {format_digits(first.digits)} at {clock(first.start)}; your number is {mine}: "
                "check the digits, and say them slowly, in 3-3-4 groups.",
                first.start,
                said,
            )
        head = unsure(
            f"Your number came out as {format_digits(first.digits)} at {clock(first.start)}{yours_is}: "
            f"{PHONE_MISHEARD} you said it right; say it slowly, in 3-3-4 groups.",
            first.start,
            said,
        )
    # Heard as exactly the rep's own number: confirmed by the profile, whatever a second listen heard
    doubtful = [n for n in valid if not (mine and _is_mine(n, profile))]
    two_ways = next((n for n in doubtful if n.second_opinion), None)
    if head is None and two_ways is not None:
        ways = f"{format_digits(two_ways.digits)} and {format_digits(two_ways.second_opinion)}"
        if telephone_band:
            head = unsure(
                f"Your number at {clock(two_ways.start)} came out two ways, {ways}: {PHONE_MISHEARD} it is "
                "yours; say it slowly, digit by digit.",
                two_ways.start,
                ways.replace(" and ", " / "),
            )
        else:
            return fail(
                f"Your number at {clock(two_ways.start)} came out two ways, {ways}: likely unclear; say it "
                "slowly, digit by digit.",
                two_ways.start,
                ways.replace(" and ", " / "),
            )
    # A valid number not heard the same twice (at phone quality, or one only the digits-only
    # listen heard) may be wrong by a digit: never passed, but no verdict either. The review
    # says what it heard and asks the rep to check it (a profile's number settles it); the
    # number's pace, groups and repeat are judged on it, since they do not hang on a digit.
    unheard = next((n for n in doubtful if n.confirmed is False), None)
    if head is None and unheard is not None:
        head = unsure(
            f"Your number came out as {format_digits(unheard.digits)} at {clock(unheard.start)}, but it was not "
            "heard the same twice, so check it is yours; say it slowly, digit by digit, in 3-3-4 groups, and give "
            "it twice.",
            unheard.start,
            format_digits(unheard.digits),
        )
    if head is None:
        ext = f", extension {first.extension}" if first.extension else ""
        heard_right = (
            f"You said your number right: {format_digits(first.digits)}{ext} at {clock(first.start)}."
            if mine
            else f"Number {format_digits(first.digits)}{ext} heard at {clock(first.start)}."
        )
        head = Finding("phone_number", "pass", heard_right, first.start, None, weight, said)
    out = [head]
    sayings = sum(1 for n in numbers if first.digits.endswith(n.digits) or is_subsequence(n.digits, first.digits))
    if conflict is not None:  # two sayings that came out differently (unsure at telephone band) are two sayings
        sayings = max(sayings, 2)
    if telephone_band and transcript is not None:  # a saying whose digits did not read as a number is still one
        sayings = max(sayings, _digit_runs(transcript))
    numbers = [n for n in numbers if n.valid] or list(numbers)
    fastest = max(numbers, key=lambda n: n.digits_per_second)
    slowest = min(numbers, key=lambda n: n.digits_per_second)
    if fastest.digits_per_second > t.number_fail_dps:
        out.append(
            Finding(
                "number_pace",
                "fail",
                f"Your number at {clock(fastest.start)} went by at {fastest.digits_per_second:.1f} digits a second; say it at writing speed, about 2 a second.",
                fastest.start,
                fastest.digits_per_second,
                2.0,
            )
        )
    elif fastest.digits_per_second > t.number_max_dps:
        out.append(
            Finding(
                "number_pace",
                "warn",
                f"Your number at {clock(fastest.start)} ran at {fastest.digits_per_second:.1f} digits a second; slow to about 2 so they can write it down.",
                fastest.start,
                fastest.digits_per_second,
                2.0,
            )
        )
    elif slowest.digits_per_second < t.number_min_dps:
        out.append(
            Finding(
                "number_pace",
                "warn",
                f"Your number at {clock(slowest.start)} drags at {slowest.digits_per_second:.1f} digits a second; keep it steady, about 2 a second.",
                slowest.start,
                slowest.digits_per_second,
                1.0,
            )
        )
    else:
        out.append(
            Finding(
                "number_pace",
                "pass",
                f"Number said at {fastest.digits_per_second:.1f} digits a second, writing speed.",
                fastest.start,
                fastest.digits_per_second,
                2.0,
            )
        )
    ungrouped = next((n for n in numbers if not _heard_groups(n, t)), None)
    if ungrouped is not None:
        out.append(
            Finding(
                "number_groups",
                "warn",
                f"Your number at {clock(ungrouped.start)} came in one run; pause between the groups (3-3-4).",
                ungrouped.start,
                None,
                1.0,
            )
        )
    else:
        pauses = [p for n in numbers for p in n.group_pauses]
        out.append(
            Finding(
                "number_groups",
                "pass",
                f"You paused between the digit groups ({min(pauses):.1f}-{max(pauses):.1f} s)."
                if pauses
                else "You grouped the digits.",
                first.start,
                None,
                1.0,
            )
        )
    if required:
        if max(n.times_said for n in numbers) >= 2 or sayings >= 2:
            out.append(Finding("number_repeated", "pass", "You gave the number twice.", first.start, None, 1.0))
        else:
            out.append(
                Finding(
                    "number_repeated",
                    "warn",
                    "Say the number twice, once early and once at the end, so they can check what they wrote.",
                    first.start,
                    None,
                    1.0,
                )
            )
    return out


def _digit_runs(transcript: Transcript, min_digits: int = 4) -> int:
    """How many sayings of digits were heard (`number_sayings`, at least `min_digits` digits
    written in each), whether or not their digits read as a number."""
    runs = 0
    for a, b in number_sayings(transcript):
        heard = "".join(digits_in_word(w.text) for w in transcript.words if a <= (w.start + w.end) / 2 <= b)
        runs += len(heard) >= min_digits
    return runs


def _said(transcript: Transcript | None, number: PhoneNumber) -> str | None:
    if transcript is None or not number.word_indices:
        return None
    return " ".join(transcript.words[i].text for i in number.word_indices)


def _conflicting(numbers: Sequence[PhoneNumber]) -> tuple[PhoneNumber, PhoneNumber] | None:
    """Two sayings of what must be one number that came out with different digits (swapped or
    changed, not only lost: a saying missing digits is judged as heard, not as a second number)."""
    from difflib import SequenceMatcher

    for a, b in combinations(numbers, 2):
        short, long_ = sorted((a.digits, b.digits), key=len)
        if long_.endswith(short) or is_subsequence(short, long_):
            continue
        if abs(len(a.digits) - len(b.digits)) <= 1 and SequenceMatcher(None, a.digits, b.digits).ratio() >= 0.75:
            return a, b
    return None


def _check_weak_phrases(transcript: Transcript, t: Thresholds) -> Finding | None:
    """Apologies, "just checking in" and hedged asks anywhere give the prospect no reason to call."""
    found = cues.find_weak_phrases(cues.tokens_from_transcript(transcript), t.extra_weak_phrases)
    if not found:
        return Finding("weak_phrases", "pass", "No apologetic or empty phrases.", None, None, 1.0)
    listing = ", ".join(dict.fromkeys(f'"{c.value}"' for c in found))
    return Finding(
        "weak_phrases",
        "warn",
        f"Cut {listing}: they give no reason to call back; say what is in it for them.",
        found[0].start,
        len(found),
        1.0,
        "; ".join(c.evidence for c in found),
    )


def _heard_groups(number: PhoneNumber, t: Thresholds) -> bool:
    """Groups count only when pauses were heard between them, not inferred from text or pattern."""
    return (
        len(number.groups) >= 2
        and number.grouping_source in ("audio", "word-gaps")
        and min(number.group_pauses, default=0.0) >= t.number_group_pause_s
    )


def script_finding(check: ScriptCheck, t: Thresholds) -> Finding:
    """How closely the rep kept to the practised script, and whether the key phrases made it."""
    problems = list(check.missed_phrases)
    if check.number_matches is False:
        said = format_digits(check.said_number) if check.said_number else "no number"
        problems.append(f"you said {said}, the script has {format_digits(check.script_number)}")
    wer = check.wer
    if check.number_matches is False or wer > t.script_wer_fail:
        status = "fail"
    elif problems or wer > t.script_wer_ok:
        status = "warn"
    else:
        status = "pass"
    detail = f"; missed {', '.join(problems)}" if problems else ""
    added = f"; added {', '.join(check.added_phrases)}" if check.added_phrases else ""
    return Finding(
        "script",
        status,
        f'Against your script "{check.name}": {wer:.0%} word error rate{detail}{added}.',
        None,
        wer,
        1.5,
    )


def _check_dead_air(timing: Timing, t: Thresholds) -> Finding | None:
    if timing.leading_silence_s > t.dead_air_s:
        return Finding(
            "dead_air",
            "warn",
            f"{timing.leading_silence_s:.1f} s of silence before you start; begin speaking as soon as the beep ends.",
            0.0,
            timing.leading_silence_s,
            0.5,
        )
    return None


def _check_long_pauses(timing: Timing, t: Thresholds) -> Finding | None:
    long = [p for p in timing.pauses if p.duration >= t.pause_long_s]
    if not long:
        return None
    p = long[0]
    return Finding(
        "pauses",
        "warn",
        f'A {p.duration:.1f} s pause after "{p.after_word}" at {clock(p.start)} sounds like you lost your place.',
        p.start,
        p.duration,
        0.5,
    )


# ---------------------------------------------------------------- tonality and clarity
# Weighted lightly (0.5-0.75 each, against 1-2 for structure and number checks): how a
# message sounds matters, but what it says and whether the number gets across matter more.


def _check_endings(ton: Tonality, t: Thresholds) -> Finding | None:
    if not ton.endings:
        return None
    rising = [e for e in ton.endings if e.direction == "rising"]
    if len(rising) == 1 and rising[0].change_st < 1.5 * t.rising_ending_st:
        rising = []  # one slight rise is not a confident measurement of a habit
    if not rising:
        return Finding(
            "phrase_endings",
            "pass",
            f"Your statements end level or falling ({len(ton.endings)} checked), which sounds sure.",
            None,
            0,
            0.75,
        )
    e = rising[0]
    more = f" ({len(rising)} of {len(ton.endings)} statements do)" if len(rising) > 1 else ""
    status = "fail" if len(rising) >= 2 and 2 * len(rising) >= len(ton.endings) else "warn"
    return Finding(
        "phrase_endings",
        status,
        f'Your voice rises at the end of "{e.text}" ({clock(e.start)}), which sounds like a question{more}; let it fall.',
        e.start,
        len(rising),
        0.75,
    )


def phrase_verdict(p: PhrasePace, t: Thresholds) -> str:
    """ok | rushed | dragging: a phrase's own pace against the rubric's phrase band."""
    return (
        "rushed"
        if p.words_per_minute > t.rushed_phrase_wpm
        else "dragging"
        if p.words_per_minute < t.dragging_phrase_wpm
        else "ok"
    )


def trailing_off(ton: Tonality, t: Thresholds) -> bool:
    """The last words are `trailing_off_db` or more quieter than the rest."""
    return ton.ending_drop_db is not None and ton.ending_drop_db >= t.trailing_off_db


@dataclass(frozen=True)
class VoiceVerdicts:
    """The rubric's word on the voice measurements (the analyses only measure): what the JSON's
    `tonality` and `clarity` carry beside the figures (schema 1's layout)."""

    monotone: bool | None  # pitch range under Thresholds.monotone_range_st; None without a pitch
    trailing_off: bool
    quiet: bool  # speech level under Thresholds.quiet_dbfs
    phrase_verdicts: tuple[str, ...]  # per tonality.phrases: ok | rushed | dragging
    clipped: bool | None  # clipped share over Thresholds.clipped_warn_share; None without clarity

    def into(self, data: dict) -> dict:
        """The review's JSON with these verdicts put beside the figures they judge."""
        ton, cl = data.get("tonality"), data.get("clarity")
        if ton is not None:
            ton.update(monotone=self.monotone, trailing_off=self.trailing_off, quiet=self.quiet)
            for phrase, verdict in zip(ton["phrases"], self.phrase_verdicts):
                phrase["verdict"] = verdict
            ton["rushed_phrases"] = self.phrase_verdicts.count("rushed")
            ton["dragging_phrases"] = self.phrase_verdicts.count("dragging")
        if cl is not None:
            cl["clipped"] = self.clipped
        return data


def clipped(cl: Clarity, t: Thresholds) -> bool:
    """More of the speech in flat tops than `clipped_warn_share`."""
    return cl.clipped_share > t.clipped_warn_share


def monotone(ton: Tonality, t: Thresholds) -> bool | None:
    """A pitch range under `monotone_range_st`; None without a pitch track."""
    return ton.pitch_range_st < t.monotone_range_st if ton.pitch_range_st is not None else None


def voice_verdicts(ton: Tonality, cl: Clarity | None, t: Thresholds) -> VoiceVerdicts:
    return VoiceVerdicts(
        monotone=monotone(ton, t),
        trailing_off=trailing_off(ton, t),
        quiet=ton.level_dbfs is not None and ton.level_dbfs < t.quiet_dbfs,
        phrase_verdicts=tuple(phrase_verdict(p, t) for p in ton.phrases),
        clipped=clipped(cl, t) if cl is not None else None,
    )


def _check_trailing(ton: Tonality, t: Thresholds) -> Finding | None:
    drop = ton.ending_drop_db
    if drop is None:
        return None
    if trailing_off(ton, t):
        return Finding(
            "trailing_off",
            "warn",
            f'Your voice fades on "{ton.last_words}" ({clock(ton.last_words_start)}), {drop:.0f} dB quieter than the rest; keep your volume up to the last word.',
            ton.last_words_start,
            drop,
            0.5,
        )
    return Finding("trailing_off", "pass", "You keep your volume up to the end.", None, drop, 0.5)


def _lead_in(p, numbers: Sequence[PhoneNumber]) -> bool:
    """A short phrase just before the number ("you can reach me at"): said quickly on purpose."""
    return p.words < 6 and any(0 <= n.start - p.end <= 0.8 for n in numbers)


def _check_stretches(ton: Tonality, t: Thresholds, numbers: Sequence[PhoneNumber] = ()) -> Finding | None:
    phrases = [p for p in ton.phrases if p.words >= t.min_phrase_words]
    if not phrases:
        return None
    rushed = [p for p in phrases if phrase_verdict(p, t) == "rushed" and not _lead_in(p, numbers)]
    dragging = [p for p in phrases if phrase_verdict(p, t) == "dragging"]
    if rushed:
        p = max(rushed, key=lambda p: p.words_per_minute)
        return Finding(
            "pace_stretches",
            "warn",
            f'You speed up to {p.words_per_minute:.0f} words a minute at "{p.text}" ({clock(p.start)}); keep an even, unhurried pace.',
            p.start,
            p.words_per_minute,
            0.5,
        )
    if dragging:
        p = min(dragging, key=lambda p: p.words_per_minute)
        return Finding(
            "pace_stretches",
            "warn",
            f'You slow to {p.words_per_minute:.0f} words a minute at "{p.text}" ({clock(p.start)}); know what comes next so the thread keeps moving.',
            p.start,
            p.words_per_minute,
            0.5,
        )
    rates = [p.words_per_minute for p in phrases]
    return Finding(
        "pace_stretches",
        "pass",
        f"Your pace holds steady from phrase to phrase ({min(rates):.0f}-{max(rates):.0f} words a minute).",
        None,
        None,
        0.5,
    )


def _check_number_slowdown(ton: Tonality, t: Thresholds) -> Finding | None:
    ratio = ton.number_pace_ratio
    if ratio is None:
        return None
    dpm, rest = ton.number_digits_per_minute, ton.rest_words_per_minute
    if ratio > t.number_pace_ratio_max:
        return Finding(
            "number_slowdown",
            "warn",
            f"You said your number faster ({dpm:.0f} digits a minute) than the rest of your message ({rest:.0f} words a minute); slow down for the part they must write down.",
            None,
            ratio,
            0.5,
        )
    return Finding(
        "number_slowdown",
        "pass",
        f"You slowed down for your number ({dpm:.0f} digits a minute against {rest:.0f} words a minute elsewhere).",
        None,
        ratio,
        0.5,
    )


def _check_energy(ton: Tonality, t: Thresholds) -> Finding | None:
    if ton.energy is None or ton.voiced_s < t.tonality_min_voiced_s:
        return None  # too little voiced speech for a confident verdict
    parts = ton.energy_parts
    names = {"pitch": "a flat pitch", "loudness": "an even volume", "pace": "a slow pace"}
    advice = {
        "pitch": "let your pitch rise on the key words",
        "loudness": "put a little more voice behind the key words",
        "pace": "pick up the pace a little",
    }
    weakest = min(("pitch", "loudness", "pace"), key=lambda k: getattr(parts, k))
    figures = f"pitch {parts.pitch}, loudness {parts.loudness}, pace {parts.pace}"
    if ton.energy < t.energy_low:
        return Finding(
            "energy",
            "warn",
            f"Your delivery sounds low-energy ({ton.energy}/100: {figures}), mostly from {names[weakest]}; smile and {advice[weakest]}.",
            None,
            ton.energy,
            0.5,
        )
    return Finding("energy", "pass", f"Your delivery has energy ({ton.energy}/100: {figures}).", None, ton.energy, 0.5)


def _check_unsure(cl: Clarity, t: Thresholds) -> Finding:
    words = cl.unsure_words
    listing = ", ".join(f'"{w.text.strip(",.!?")}" ({clock(w.start)})' for w in words[:4])
    first = words[0].start if words else None
    if cl.unsure_share > t.unsure_fail_share:
        return Finding(
            "clear_words",
            "fail",
            f"Many words are hard to make out ({cl.unsure_share:.0%}), like {listing}; slow down and open your mouth on each word.",
            first,
            cl.unsure_share,
            0.5,
        )
    if cl.unsure_share > t.unsure_warn_share or len(words) >= t.unsure_warn_words:
        return Finding(
            "clear_words",
            "warn",
            f"These may sound mumbled: {listing}; say them more clearly.",
            first,
            cl.unsure_share,
            0.5,
        )
    return Finding("clear_words", "pass", "Your words come through clearly.", None, cl.unsure_share, 0.5)


def _check_band(cl: Clarity) -> Finding | None:
    """A note, not a fault (weight 0): a voicemail is heard at phone bandwidth anyway."""
    if not cl.telephone_band:
        return None
    band = f"up to {cl.bandwidth_hz / 1000:.1f} kHz" if cl.bandwidth_hz else f"{cl.source_rate / 1000:.0f} kHz sampling"
    return Finding(
        "bandwidth",
        "pass",
        f"Recorded at telephone bandwidth ({band}), as a voicemail sounds: s, f and th blur there, so articulate.",
        None,
        cl.bandwidth_hz,
        0.0,
    )
