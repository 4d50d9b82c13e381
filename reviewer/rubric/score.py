"""From findings to the score: the content gates (the most a message may score while a failure
stands), the weighted share of checks passed, what to fix first and what to practise; and the
script row (`script_finding`), graded apart since only a practice with --script has one."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.measures.script import ScriptCheck
from reviewer.rubric.formats import format_digits
from reviewer.rubric.table import STATUS_CREDIT, Check, Context, Finding, Verdict, grade
from reviewer.rubric.thresholds import Thresholds
from reviewer.rubric.voice import DELIVERY

# The Thresholds fields the score reads (the rows list their own)
GATE_READS = ("gate_two_failures", "gate_one_failure")

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


def _script(ctx: Context) -> Verdict:
    """How closely the rep kept to the practised script, and whether the key phrases made it."""
    check, t = ctx.script, ctx.t
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
    return Verdict(status, f'Against your script "{check.name}": {wer:.0%} word error rate{detail}{added}.', None, wer)


SCRIPT = Check("script", 1.5, reads=("script_wer_ok", "script_wer_fail"), group="script", judge=_script)


def script_finding(check: ScriptCheck, t: Thresholds) -> Finding:
    """The script row's finding for this practice."""
    return grade(SCRIPT, Context(t, script=check))


def content_gate(findings: Sequence[Finding], t: Thresholds | None = None) -> tuple[int, list[str]]:
    """The most the score may be, and why: RUBRIC.md's gates, from the message's content alone."""
    t = t or Thresholds()
    cap, why = 100, []
    for f in findings:
        if f.cap is not None and f.cap < 100:
            cap = min(cap, f.cap)
            why.append(f.check)
    content = [f for f in findings if f.check not in DELIVERY and f.check != SCRIPT.id]
    failed = [f.check for f in content if f.status == "fail"]
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


def score_explanation(t: Thresholds | None = None) -> str:
    """The one sentence that explains the score wherever it is shown (the HTML report, the
    practice page, the report's Score column), its caps the gates of `t`, as `content_gate` uses them."""
    t = t or Thresholds()
    return (
        "Score: the weighted share of checks passed (a warning counts half), capped at "
        f"{t.gate_no_number} with no valid number to call back, {t.gate_no_reason} with no reason to call, "
        f"{t.gate_too_long} when over twice the length limit, "
        f"{t.gate_one_failure} when one check of what the message says fails (a missing name, say) "
        f"and {t.gate_two_failures} when two or more do."
    )


def cap_note(cap: int, capped_by: Sequence[str]) -> str | None:
    """Which gate held a review's score down, for its summary: "capped at 50 by phone_number,
    reason"; None where no gate applied."""
    if cap >= 100:
        return None
    return f"capped at {cap}" + (f" by {', '.join(capped_by)}" if capped_by else "")


def top_fixes(findings: Sequence[Finding], n: int = 3) -> list[Finding]:
    """What to fix first: the message's failures, then its warnings, then delivery (tonality and
    clarity), which never outranks the content; heavier first within each. A finding of weight 0
    is a note (the telephone band, a pitch that couldn't be judged), not a fix."""
    order = {"fail": 0, "warn": 1}
    bad = [f for f in findings if f.status in order and f.weight > 0]
    return sorted(bad, key=lambda f: (f.check in DELIVERY, order[f.status], f.cap is None, -f.weight))[:n]
