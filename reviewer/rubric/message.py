"""The message's rows: how long it runs, how many words, how fast, how it opens, its fillers, its
weak phrases, dead air and long pauses (the parts it must say are in rubric/parts.py, the number in
rubric/number.py). Each row reads the Thresholds fields it lists; `grade` weighs it."""

from __future__ import annotations

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.parts import find_weak_phrases
from reviewer.rubric.formats import clock
from reviewer.rubric.table import UNSURE_MESSAGE, Band, Check, Context, Verdict
from reviewer.rubric.thresholds import Thresholds


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


def _words_measure(ctx: Context) -> float:
    tm = ctx.timing
    return tm.words_for_limit if tm.words_for_limit is not None else tm.word_count


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


def _opening(ctx: Context) -> Verdict:
    """No filler and no apology in the first words: they decide call-back or delete."""
    transcript, t = ctx.transcript, ctx.t
    spoken = [w for w in transcript.words if not is_filler_word(w)]
    opening = spoken[: t.opening_words]
    opening_end = spoken[t.opening_words].start if len(spoken) > t.opening_words else transcript.duration
    filler = next((f for f in ctx.fillers if f.start < opening_end), None)
    if filler is not None:
        return Verdict(
            "fail",
            f'You said "{filler.text}" at {clock(filler.start)} in your first {t.opening_words} words, the words that decide call-back or delete; start clean.',
            filler.start,
        )
    weak_found = find_weak_phrases(ctx.tokens, t.extra_weak_phrases)
    weak = next((c.value for c in weak_found if c.start is not None and c.start < opening_end), None)
    if weak is not None:  # RUBRIC.md: no filler and no apology in the first words, alike
        first = opening[0].start if opening else None
        return Verdict(
            "fail",
            f'"{weak}" in your opening sounds apologetic or empty; lead with your name and why they should care.',
            first,
            evidence=weak,
        )
    return Verdict("pass", f"Your first {t.opening_words} words are clean.")


def _weak_phrases(ctx: Context) -> Verdict:
    """Apologies, "just checking in" and hedged asks anywhere give the prospect no reason to call."""
    found = find_weak_phrases(ctx.tokens, ctx.t.extra_weak_phrases)
    if not found:
        return Verdict("pass", "No apologetic or empty phrases.")
    listing = ", ".join(dict.fromkeys(f'"{c.value}"' for c in found))
    return Verdict(
        "warn",
        f"Cut {listing}: they give no reason to call back; say what is in it for them.",
        found[0].start,
        len(found),
        "; ".join(c.evidence for c in found),
    )


def _dead_air(ctx: Context) -> Verdict | None:
    timing = ctx.timing
    if timing.leading_silence_s > ctx.t.dead_air_s:
        return Verdict(
            "warn",
            f"{timing.leading_silence_s:.1f} s of silence before you start; begin speaking as soon as the beep ends.",
            0.0,
            timing.leading_silence_s,
        )
    return None


def _long_pauses(ctx: Context) -> Verdict | None:
    long = [p for p in ctx.timing.pauses if p.duration >= ctx.t.pause_long_s]
    if not long:
        return None
    p = long[0]
    return Verdict(
        "warn",
        f'A {p.duration:.1f} s pause after "{p.after_word}" at {clock(p.start)} sounds like you lost your place.',
        p.start,
        p.duration,
    )


LENGTH = Check(
    "length",
    2.0,
    reads=(
        "length_hangup_s",
        "length_min_s",
        "length_max_s",
        "length_fail_s",
        "educate_length_max_s",
        "educate_length_fail_s",
        "gate_too_long",
    ),
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
)
WORD_COUNT = Check(
    "word_count",
    1.5,
    reads=("words_max", "words_fail", "educate_words_max", "educate_words_fail"),
    measure=_words_measure,
    band=_words_band,
    extra=_words_extra,
    messages={
        "fail_high": "{v:.0f} words{repeat} is far more than the {limit} a voicemail can carry; keep one idea and cut the rest.",
        "warn_high": "{v:.0f} words{repeat}; aim for {limit} or fewer, the number said once included.",
        "pass": "{v:.0f} words{repeat}, within {limit}.",
    },
    from_words="your word count",
)
PACE = Check(
    "pace",
    1.5,
    reads=("pace_slow_fail_wpm", "pace_min_wpm", "pace_max_wpm", "pace_fast_fail_wpm", *UNSURE_MESSAGE),
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
    from_words="your pace",
    counts_words=True,
)
OPENING = Check(
    "opening", 2.0, reads=("opening_words", "extra_weak_phrases"), judge=_opening, from_words="your opening"
)
FILLERS = Check(
    "fillers",
    1.5,
    reads=("filler_ok_ratio", "filler_fail_ratio"),
    measure=lambda c: len(c.fillers) / max(1, c.timing.word_count),
    band=lambda t, g: Band(warn_high=t.filler_ok_ratio, fail_high=t.filler_fail_ratio),
    extra=_filler_extra,
    messages={
        "fail_high": "{n} fillers ({v:.0%} of words): {listing}; pause silently instead.",
        "warn_high": "{n} filler{s} ({v:.0%} of words): {listing}.",
        "pass": "{none}",
    },
    from_words="your fillers",
)
WEAK_PHRASES = Check(
    "weak_phrases", 1.0, reads=("extra_weak_phrases",), judge=_weak_phrases, from_words="your phrasing"
)
DEAD_AIR = Check("dead_air", 0.5, reads=("dead_air_s",), judge=_dead_air)
PAUSES = Check("pauses", 0.5, reads=("pause_long_s",), judge=_long_pauses, from_words="your pauses")
