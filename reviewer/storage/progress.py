"""Progress over attempts: comparing two takes, and trends of the figures over a rep's attempts.

Pure functions over stored `Attempt`s (attempts.py) and review JSON: the line every front end
shows after a review ("Since your last attempt: fillers 5 -> 2, ..."), which earlier take is of
the same message, and what `progress` shows (first, best and latest of each figure, a sparkline,
what to practise next).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reviewer.rubric.thresholds import Thresholds
from reviewer.storage.attempts import Attempt

# The figures tracked over time: (column, label, unit, which direction is better; "score": its
# best is the best-scoring attempt's, and nearer the rubric's band is an improvement).
METRICS: tuple[tuple[str, str, str, str], ...] = (
    ("score", "score", "/100", "up"),
    ("fillers_per_minute", "fillers", "per min", "down"),
    ("words_per_minute", "pace (as judged)", "wpm", "target"),  # outside the number, where `as_judged`
    ("number_digits_per_second", "number pace", "digits/s", "target"),
    ("duration_s", "speech length", "s", "target"),  # first to last word, where `as_judged`
    ("word_count", "words for the limit", "", "score"),  # fewer is not better in itself: a 10 s fail has fewest
    ("script_wer", "script word error rate", "", "down"),
)


def _message_words(review: dict) -> list[str]:
    return [w["text"].strip(".,!?;:\"'").lower() for w in review.get("words") or [] if not w.get("filler")]


def same_message(a: dict, b: dict, min_similarity: float = 0.5) -> bool:
    """Two takes of one message: at least half the words in common, in order. (Not the number: a
    rep says their own number in every message.)"""
    from difflib import SequenceMatcher

    wa, wb = _message_words(a), _message_words(b)
    if not wa or not wb:
        return False
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= min_similarity


def as_judged(attempt: Attempt, review: dict) -> Attempt:
    """The attempt with the figures its checks judged, from its review's JSON: the words the limit
    counts (the number's repeat free), the pace outside the number and the length of the speech,
    where the review has them.
    The stored columns are the figures said; trends show what was judged."""
    words = review.get("words_for_limit")
    pace, speech = _judged_wpm(review), _speech_s(review)
    return replace(
        attempt,
        duration_s=attempt.duration_s if speech is None else round(speech, 1),
        word_count=attempt.word_count if words is None else words,
        words_per_minute=attempt.words_per_minute if pace is None else pace,
    )


def _speech_s(review: dict | None) -> float | None:
    """Seconds of speech, first word to last: the length the `length` check judges."""
    start, end = (review or {}).get("speech_start_s"), (review or {}).get("speech_end_s")
    return max(0.0, end - start) if start is not None and end is not None else None


def _judged_wpm(review: dict | None) -> float | None:
    """The pace the `pace` check judges: outside the number where one was said."""
    r = review or {}
    return r.get("words_per_minute_outside_number") if r.get("phone_numbers") else None


def compare(
    previous: Attempt, latest: Attempt, previous_review: dict | None = None, latest_review: dict | None = None
) -> str:
    """One line against the previous attempt: "fillers 5 -> 2, number pace 3.4 -> 2.2 digits/s, score 61 -> 78".
    With both reviews' JSON, length is the speech's (as the `length` check judges it) and pace the
    pace outside the number (as `pace` judges it, and said so); without, the stored figures,
    labelled as what they are."""
    speech = (_speech_s(previous_review), _speech_s(latest_review))
    outside = (_judged_wpm(previous_review), _judged_wpm(latest_review))
    if None not in outside:
        pace = ("pace outside the number", *outside)
    else:
        pace = ("pace", previous.words_per_minute, latest.words_per_minute)
    if None not in speech:
        length = ("speech", *speech)
    else:
        length = ("recorded length", previous.duration_s, latest.duration_s)
    parts = []
    pairs = [
        ("fillers", previous.filler_count, latest.filler_count, "{:.0f}", ""),
        (*pace, "{:.0f}", " wpm"),
        ("number pace", previous.number_digits_per_second, latest.number_digits_per_second, "{:.1f}", " digits/s"),
        (*length, "{:.0f}", " s"),
        ("score", previous.score, latest.score, "{:.0f}", ""),
    ]
    for label, a, b, fmt, unit in pairs:
        if a is None or b is None:
            continue
        parts.append(f"{label} {fmt.format(a)} -> {fmt.format(b)}{unit}")
    return ", ".join(parts)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    vals = [v for v in values if v is not None]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    span = hi - lo or 1.0
    return "".join(" " if v is None else SPARKS[min(7, int((v - lo) / span * 7 + 0.5))] for v in values)


def _goodness(metric: str, direction: str, value: float, targets: dict[str, tuple[float, float]]) -> float:
    """Higher is better, for choosing the best attempt and judging improvement."""
    if direction == "up":
        return value
    if direction == "score":
        direction = "target"
    if direction == "down":
        return -value
    lo, hi = targets[metric]
    return -max(0.0, lo - value, value - hi) - 1e-6 * abs(value - (lo + hi) / 2)  # ties: nearer the middle


def _best(attempts: Sequence[Attempt], column: str, direction: str, targets: dict) -> float:
    """The best value of a figure: by its direction, or ("score") the best-scoring attempt's
    (the latest of equals), so "best" is never a short failed take's fewest words."""
    present = [a for a in attempts if getattr(a, column) is not None]
    if direction == "score":
        ranked = [(a.score if a.score is not None else -1, i) for i, a in enumerate(present)]
        return getattr(present[max(range(len(present)), key=lambda i: ranked[i])], column)
    return max((getattr(a, column) for a in present), key=lambda v: _goodness(column, direction, v, targets))


def trends(attempts: Sequence[Attempt], targets: dict[str, tuple[float, float]]) -> list[dict]:
    """Per metric: first, best, latest, sparkline, and whether it improved since the first attempt."""
    out = []
    for column, label, unit, direction in METRICS:
        values = [getattr(a, column) for a in attempts]
        present = [v for v in values if v is not None]
        if not present:
            continue
        best = _best(attempts, column, direction, targets)
        first, latest = present[0], present[-1]
        delta = _goodness(column, direction, latest, targets) - _goodness(column, direction, first, targets)
        verdict = "improved" if delta > 1e-3 else "worse" if delta < -1e-3 else "same"
        out.append(
            {
                "metric": column,
                "label": label,
                "unit": unit,
                "first": first,
                "best": best,
                "latest": latest,
                "values": values,
                "sparkline": sparkline(values),
                "change": verdict,
                "target": list(targets[column]) if column in targets else None,
            }
        )
    return out


def next_focus(attempts: Sequence[Attempt], window: int = 3, top_fixes: Sequence[str] = ()) -> str | None:
    """What to practise next: one of the checks the latest attempt really failed (None when it
    failed none: keep it). The latest review's own order of fixes decides (`top_fixes`, heaviest
    fail first); without it, the one failed most often in the last `window` attempts."""
    if not attempts:
        return None
    failed = (attempts[-1].failed_checks or "").split()
    if not failed:
        return None
    for check in top_fixes:
        if check in failed:
            return check
    recent = list(attempts)[-window:]
    counts = {c: sum(c in (a.failed_checks or "").split() for a in recent) for c in failed}
    return max(failed, key=lambda c: (counts[c], -failed.index(c)))


KEEP_IT = "nothing to fix in your latest attempt: keep it."


def trend_targets(t: Thresholds) -> dict[str, tuple[float, float]]:
    """The bands the rubric passes, for metrics where nearer the band is better."""
    return {
        "words_per_minute": (t.pace_min_wpm, t.pace_max_wpm),
        "number_digits_per_second": (t.number_min_dps, t.number_max_dps),
        "duration_s": (t.length_min_s, t.length_max_s),
        "word_count": (0.0, float(t.words_max)),
    }


def progress_summary(
    rep: str,
    script: str | None,
    attempts: Sequence[Attempt],
    thresholds: Thresholds,
    top_fixes: Sequence[str] = (),
    last_reviews: Sequence[dict] = (),
) -> dict:
    """What `progress` shows (and its JSON): trends, the last step, and what to practise next
    (from the latest attempt's failures and its review's `top_fixes`). `last_reviews`, the JSON
    of the last two attempts, let the last step compare what the checks judge (`compare`)."""
    from reviewer.rubric import PRACTICE_TIPS

    focus = next_focus(attempts, top_fixes=top_fixes)
    data = {
        "rep": rep,
        "script": script,
        "attempts": len(attempts),
        "first": attempts[0].reviewed_at,
        "latest": attempts[-1].reviewed_at,
        "trends": trends(attempts, trend_targets(thresholds)),
        "practise_next": focus,
        "practise_tip": PRACTICE_TIPS.get(focus or "", "") if focus else KEEP_IT,
    }
    if len(attempts) >= 2:
        reviews = list(last_reviews)[-2:] if len(last_reviews) >= 2 else [None, None]
        data["since_last"] = compare(attempts[-2], attempts[-1], *reviews)
    return data
