"""The rubric: measurements in, pass/warn/fail findings a rep can act on out.

Each check says one sentence in plain words, points at a moment in the recording, and
carries a weight; the score is the weighted share of checks passed (a warning counts half).
Which checks apply depends on the goal of the message (RUBRIC.md): a `callback` message
must get the number across; an `educate` message may be longer and must say why to talk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import cues
from .clarity import Clarity
from .fillers import Filler, Hedge, is_filler_word
from .pace import Timing
from .phone import PhoneNumber
from .prosody import Tonality
from .script import ScriptCheck
from .thresholds import Thresholds
from .transcribe import Transcript

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


def clock(t: float | None) -> str:
    """0:07 style time for messages."""
    if t is None:
        return ""
    t = max(0.0, t)
    return f"{int(t // 60)}:{int(t % 60):02d}"


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


def run_checks(
    transcript: Transcript,
    timing: Timing,
    fillers: Sequence[Filler],
    hedges: Sequence[Hedge],
    numbers: Sequence[PhoneNumber],
    thresholds: Thresholds,
    goal: str = "callback",
) -> tuple[Finding, ...]:
    """All checks that apply to `goal`, most important first within their kind."""
    if goal not in GOALS:
        raise ValueError(f"goal must be one of {GOALS}")
    t = thresholds
    toks = cues.tokens_from_transcript(transcript)
    name = cues.find_name(toks, t.extra_name_cues)
    findings = [
        _check_length(timing, t, goal),
        _check_words(timing, t, goal),
        _check_pace(timing, t),
        _check_opening(transcript, fillers, t),
        _check_fillers(fillers, timing, t),
        _cue_finding("name", name, "You said who you are", 'Say your name early: "This is Sam from ...".', 1.5),
        _cue_finding(
            "company",
            cues.find_company(toks, name, t.extra_company_cues),
            "You named your company",
            "Name your company so they know who is calling.",
            1.0,
            unsure="Couldn't make out your company name",
        ),
        _cue_finding(
            "reason",
            cues.find_reason(toks, t.extra_reason_cues),
            "You gave a reason for the call",
            "Give one specific reason for calling: what's in it for them.",
            2.0 if goal == "educate" else 1.5,
        ),
    ]
    if goal == "callback":
        findings.append(
            _cue_finding(
                "call_to_action",
                cues.find_call_to_action(toks, t.extra_cta_cues),
                "You asked for a call back",
                'End with a clear ask: "Call me back at ...".',
                1.5,
            )
        )
        findings.extend(_check_number(numbers, t, required=True))
    else:
        findings.append(
            _cue_finding(
                "next_step",
                cues.find_next_step(toks, t.extra_next_step_cues),
                "You said what happens next",
                "Say when you will try them again, so the next call is expected.",
                1.0,
                missing_status="warn",
            )
        )
        findings.extend(_check_number(numbers, t, required=False))
    findings.append(_check_weak_phrases(transcript, t))
    findings.append(_check_dead_air(timing, t))
    findings.append(_check_long_pauses(timing, t))
    return tuple(f for f in findings if f is not None)


def score(findings: Sequence[Finding]) -> int:
    total = sum(f.weight for f in findings)
    if not total:
        return 0
    return round(100 * sum(f.weight * STATUS_CREDIT[f.status] for f in findings) / total)


def top_fixes(findings: Sequence[Finding], n: int = 3) -> list[Finding]:
    """Fails before warnings, heavier first: what to fix first."""
    order = {"fail": 0, "warn": 1}
    bad = [f for f in findings if f.status in order]
    return sorted(bad, key=lambda f: (order[f.status], -f.weight))[:n]


def _check_length(timing: Timing, t: Thresholds, goal: str) -> Finding:
    span = timing.speech_span_s
    warn_at, fail_at = (
        (t.length_max_s, t.length_fail_s) if goal == "callback" else (t.educate_length_max_s, t.educate_length_fail_s)
    )
    if span < t.length_hangup_s:
        return Finding(
            "length",
            "fail",
            f"Your message is only {span:.0f} s long; under {t.length_hangup_s:.0f} s sounds like a hang-up, aim for {t.length_min_s:.0f}-{warn_at:.0f} s.",
            timing.speech_start_s,
            span,
            2.0,
        )
    if span < t.length_min_s:
        return Finding(
            "length",
            "warn",
            f"Your message is {span:.0f} s long; aim for {t.length_min_s:.0f}-{warn_at:.0f} s so there is room for a reason.",
            timing.speech_start_s,
            span,
            2.0,
        )
    if span > fail_at:
        return Finding(
            "length",
            "fail",
            f"Your message runs {span:.0f} s; most people stop listening after {warn_at:.0f} s, so cut it to one idea.",
            round(timing.speech_start_s + warn_at, 2),
            span,
            2.0,
        )
    if span > warn_at:
        return Finding(
            "length",
            "warn",
            f"Your message runs {span:.0f} s, a little over {warn_at:.0f} s: trim a sentence.",
            round(timing.speech_start_s + warn_at, 2),
            span,
            2.0,
        )
    return Finding(
        "length",
        "pass",
        f"Length {span:.0f} s is in the {t.length_min_s:.0f}-{warn_at:.0f} s sweet spot.",
        None,
        span,
        2.0,
    )


def _check_words(timing: Timing, t: Thresholds, goal: str) -> Finding:
    n = timing.word_count
    warn_at, fail_at = (
        (t.words_max, t.words_fail) if goal == "callback" else (t.educate_words_max, t.educate_words_fail)
    )
    if n > fail_at:
        return Finding(
            "word_count",
            "fail",
            f"{n} words is far more than the {warn_at} a voicemail can carry; keep one idea and cut the rest.",
            None,
            n,
            1.5,
        )
    if n > warn_at:
        return Finding(
            "word_count", "warn", f"{n} words; aim for {warn_at} or fewer, contact details included.", None, n, 1.5
        )
    return Finding("word_count", "pass", f"{n} words, within {warn_at}.", None, n, 1.5)


def _check_pace(timing: Timing, t: Thresholds) -> Finding:
    wpm = timing.words_per_minute
    if wpm > t.pace_fast_fail_wpm:
        return Finding(
            "pace",
            "fail",
            f"You spoke at {wpm:.0f} words per minute, which sounds rushed; slow down to {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            None,
            wpm,
            1.5,
        )
    if wpm > t.pace_max_wpm:
        return Finding(
            "pace",
            "warn",
            f"{wpm:.0f} words per minute is a bit fast; aim for {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            None,
            wpm,
            1.5,
        )
    if wpm < t.pace_slow_fail_wpm:
        return Finding(
            "pace",
            "fail",
            f"{wpm:.0f} words per minute drags; pick up the pace to {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            None,
            wpm,
            1.5,
        )
    if wpm < t.pace_min_wpm:
        return Finding(
            "pace",
            "warn",
            f"{wpm:.0f} words per minute is a little slow; aim for {t.pace_min_wpm:.0f}-{t.pace_max_wpm:.0f}.",
            None,
            wpm,
            1.5,
        )
    return Finding("pace", "pass", f"Pace {wpm:.0f} words per minute is easy to follow.", None, wpm, 1.5)


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
    if weak is not None:
        first = opening[0].start if opening else None
        return Finding(
            "opening",
            "warn",
            f'"{weak}" in your opening sounds apologetic; lead with your name and why they should care.',
            first,
            None,
            2.0,
        )
    return Finding("opening", "pass", f"Your first {t.opening_words} words are clean.", None, None, 2.0)


def _check_fillers(fillers: Sequence[Filler], timing: Timing, t: Thresholds) -> Finding:
    n = len(fillers)
    words = max(1, timing.word_count)
    ratio = n / words
    first = fillers[0].start if fillers else None
    listing = ", ".join(f'"{f.text}" at {clock(f.start)}' for f in fillers[:4])
    if ratio > t.filler_fail_ratio:
        return Finding(
            "fillers", "fail", f"{n} fillers ({ratio:.0%} of words): {listing}; pause silently instead.", first, n, 1.5
        )
    if ratio > t.filler_ok_ratio:
        return Finding(
            "fillers", "warn", f"{n} filler{'s' if n != 1 else ''} ({ratio:.0%} of words): {listing}.", first, n, 1.5
        )
    return Finding(
        "fillers",
        "pass",
        "No fillers to speak of." if n == 0 else f"{n} filler ({ratio:.0%} of words), within {t.filler_ok_ratio:.0%}.",
        first,
        n,
        1.5,
    )


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
    if cue.unsure and unsure is not None:
        return Finding(
            check,
            "warn",
            f'{unsure}: it came out as "{cue.value}"; say it clearly.',
            cue.start,
            None,
            weight,
            cue.evidence,
        )
    return Finding(check, "pass", f'{ok}: "{cue.evidence}".', cue.start, None, weight, cue.evidence)


def _check_number(numbers: Sequence[PhoneNumber], t: Thresholds, required: bool) -> list[Finding]:
    if not numbers:
        if required:
            return [
                Finding(
                    "phone_number",
                    "fail",
                    "No phone number heard: say your number so they can call back.",
                    None,
                    None,
                    2.0,
                )
            ]
        return []
    first = numbers[0]
    out = [
        Finding(
            "phone_number",
            "pass",
            f"Number {format_digits(first.digits)} heard at {clock(first.start)}.",
            first.start,
            None,
            2.0 if required else 1.0,
        )
    ]
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
        if max(n.times_said for n in numbers) >= 2:
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


def format_digits(digits: str) -> str:
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if len(digits) == 11 and digits[0] == "1":
        return f"1-{digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 7:
        return f"{digits[:3]}-{digits[3:]}"
    return digits


# ---------------------------------------------------------------- tonality and clarity
# Weighted lightly (0.5-0.75 each, against 1-2 for structure and number checks): how a
# message sounds matters, but what it says and whether the number gets across matter more.


def tonality_checks(tonality: Tonality, t: Thresholds) -> tuple[Finding, ...]:
    """Pitch variety, phrase endings, volume, fading, pace stretches, number slowdown, energy."""
    checks = (
        _check_pitch(tonality, t),
        _check_endings(tonality, t),
        _check_volume(tonality, t),
        _check_trailing(tonality, t),
        _check_stretches(tonality, t),
        _check_number_slowdown(tonality, t),
        _check_energy(tonality, t),
    )
    return tuple(f for f in checks if f is not None)


def clarity_checks(clarity: Clarity, t: Thresholds) -> tuple[Finding, ...]:
    """Mumbled words, background noise, clipping, and a note on telephone bandwidth."""
    checks = (_check_unsure(clarity, t), _check_noise(clarity, t), _check_clipping(clarity, t), _check_band(clarity))
    return tuple(f for f in checks if f is not None)


def _check_pitch(ton: Tonality, t: Thresholds) -> Finding | None:
    r = ton.pitch_range_st
    if r is None:
        return None
    if r < t.flat_range_st:
        return Finding(
            "pitch_variety",
            "fail",
            f"Your pitch stays on one note (a range of {r:.0f} semitones); let your voice rise on the words that matter, like your company and your reason.",
            None,
            r,
            0.75,
        )
    if r < t.monotone_range_st:
        return Finding(
            "pitch_variety",
            "warn",
            f"Your voice sounds flat (a pitch range of {r:.0f} semitones; lively speakers use {t.monotone_range_st:.0f} or more); stress the key words, like your reason for calling.",
            None,
            r,
            0.75,
        )
    return Finding(
        "pitch_variety",
        "pass",
        f"Your pitch moves over a range of {r:.0f} semitones, which sounds engaged.",
        None,
        r,
        0.75,
    )


def _check_endings(ton: Tonality, t: Thresholds) -> Finding | None:
    if not ton.endings:
        return None
    rising = [e for e in ton.endings if e.direction == "rising"]
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


def _check_volume(ton: Tonality, t: Thresholds) -> Finding | None:
    level = ton.level_dbfs
    if level is None:
        return None
    if level < t.quiet_fail_dbfs:
        return Finding(
            "volume",
            "fail",
            f"Your voice is very quiet ({level:.0f} dBFS); speak up and hold the phone close to your mouth.",
            None,
            level,
            0.5,
        )
    if level < t.quiet_dbfs:
        return Finding(
            "volume",
            "warn",
            f"Your voice is quiet ({level:.0f} dBFS); speak up or move the phone closer.",
            None,
            level,
            0.5,
        )
    return Finding("volume", "pass", f"Your voice is at a good level ({level:.0f} dBFS).", None, level, 0.5)


def _check_trailing(ton: Tonality, t: Thresholds) -> Finding | None:
    drop = ton.ending_drop_db
    if drop is None:
        return None
    if ton.trailing_off:
        return Finding(
            "trailing_off",
            "warn",
            f'Your voice fades on "{ton.last_words}" ({clock(ton.last_words_start)}), {drop:.0f} dB quieter than the rest; keep your volume up to the last word.',
            ton.last_words_start,
            drop,
            0.5,
        )
    return Finding("trailing_off", "pass", "You keep your volume up to the end.", None, drop, 0.5)


def _check_stretches(ton: Tonality, t: Thresholds) -> Finding | None:
    if not ton.phrases:
        return None
    rushed = [p for p in ton.phrases if p.verdict == "rushed"]
    dragging = [p for p in ton.phrases if p.verdict == "dragging"]
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
    rates = [p.words_per_minute for p in ton.phrases]
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
    if ton.energy is None:
        return None
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


def _check_noise(cl: Clarity, t: Thresholds) -> Finding | None:
    snr = cl.snr_db
    if snr is None:
        return None
    if snr < t.snr_fail_db:
        return Finding(
            "noise",
            "fail",
            f"Background noise nearly drowns your voice (only {snr:.0f} dB above it); record somewhere quiet.",
            None,
            snr,
            0.5,
        )
    if snr < t.snr_warn_db:
        return Finding(
            "noise",
            "warn",
            f"There is background noise (your voice is {snr:.0f} dB above it); find a quieter spot or hold the phone closer.",
            None,
            snr,
            0.5,
        )
    return Finding(
        "noise", "pass", f"Clean recording: your voice is {snr:.0f} dB above the background.", None, snr, 0.5
    )


def _check_clipping(cl: Clarity, t: Thresholds) -> Finding:
    share = cl.clipped_share
    if share > t.clipped_fail_share:
        return Finding(
            "clipping",
            "fail",
            f"Your recording distorts ({share:.1%} of the speech is clipped); hold the phone a little further away or speak less hard into it.",
            None,
            share,
            0.5,
        )
    if share > t.clipped_warn_share:
        return Finding(
            "clipping",
            "warn",
            f"Your loudest words distort slightly ({share:.2%} clipped); hold the phone a little further away.",
            None,
            share,
            0.5,
        )
    return Finding("clipping", "pass", "No distortion from clipping.", None, share, 0.5)


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
