"""The number's four rows: the number itself (`phone_number`, rubric/number_heard.py: right, or
flagged with what was heard), then its pace wherever digits were heard (a pass only of a number
made out), and, once it is right or unsure (heard, not failed), its groups and, for a call-back
message, its repeat. Also the rubric's word on the second listen: which numbers count as
confirmed (`confirm_numbers`).

The rows never contradict each other: a number is "too fast" only where its measured pace says
so (digits lost or misheard are "couldn't make out", with what was heard), "dragging" is said
wherever the measured pace drags, even of a number not made out, and the advice of every row
follows the same measures (no "slowly" beside a number that dragged, no "in groups" beside
groups heard, no "give it twice" beside a number given twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reviewer.measures.number.find import (
    EXTENSION_WORDS,
    HeardDigits,
    PhoneNumber,
    digit_sayings,
    heard_pace,
    is_subsequence,
    stray_digits,
)
from reviewer.rubric.formats import clock, format_digits
from reviewer.rubric.number_heard import (
    HeardNumber,
    _heard_groups,
    _in_groups,
    _leading_one,
    _measured_dps,
    _number,
    heard_number,
    number_heard,
    number_made_out,
)
from reviewer.rubric.table import UNSURE_MESSAGE, Check, Context, Verdict

__all__ = [
    "NUMBER_GROUPS",
    "NUMBER_PACE",
    "NUMBER_REPEATED",
    "PHONE_NUMBER",
    "confirm_numbers",
    "heard_number",
    "number_heard",
    "number_made_out",
]


def confirm_numbers(
    numbers: Sequence[PhoneNumber],
    guessed: Sequence[tuple[float, float]],
    unconfirmed_by_both: Sequence[tuple[float, float]],
    telephone_band: bool,
    heard_by_both: Sequence[tuple[float, float, str]] = (),
) -> tuple[PhoneNumber, ...]:
    """The numbers with `confirmed` set from what the second listen confirmed (stretches as
    measures/number/second_listen.py gives them). In the telephone band a number must be heard the
    same by both listens of one saying to pass; elsewhere only a number that the second listen
    alone heard (`guessed`) is flagged (False), and one both listens of its saying heard the same
    is marked True (two such sayings of different numbers are the rep's, not the recogniser's)."""

    def inside(n: PhoneNumber, stretches: Sequence[tuple[float, float]]) -> bool:
        return any(a <= n.start <= b or a <= n.end <= b for a, b in stretches)

    def at_full_band(n: PhoneNumber) -> PhoneNumber:
        if inside(n, guessed):
            return replace(n, confirmed=False)
        if any(n.digits == digits and inside(n, [(a, b)]) for a, b, digits in heard_by_both):
            return replace(n, confirmed=True)
        return n

    if telephone_band:
        return tuple(replace(n, confirmed=not inside(n, unconfirmed_by_both)) for n in numbers)
    return tuple(at_full_band(n) for n in numbers)


def _paces(ctx: Context) -> tuple[list[tuple[float, float]], bool]:
    """(start, measured digits a second) of each saying judged, and whether they are only floors:
    digits heard that read as no number (a digit lost only makes the pace faster), which can say
    "too fast" but never "drags"."""
    if ctx.numbers:
        paced = [(n.start, d) for n in heard_number(ctx).judged if (d := _measured_dps(n)) is not None]
        return paced, False
    heard = stray_digits(ctx.transcript) if ctx.transcript is not None else None  # a run: a saying is no pace
    dps = heard_pace(heard) if heard is not None else None
    return ([(heard.start, dps)] if dps is not None else []), True


def _pace(ctx: Context) -> Verdict | None:
    """Writing speed, from the measured pace alone: the fastest saying neither too fast nor the
    slowest dragging. Of a number not made out, only what the measure shows (too fast, or
    dragging), never a pass: its digits are in doubt, and the number's row says so."""
    t = ctx.t
    made_out = number_made_out(ctx)
    paced, floors = _paces(ctx)
    if not paced:
        if not made_out:
            return None
        at = heard_number(ctx).first.start
        return Verdict(
            "warn",
            f"Couldn't measure your number's pace at {clock(at)}: more digits came out than anyone says in "
            "that time, so they were misheard; say it at writing speed, about 2 a second.",
            at,
            unsure=True,
        )
    fast_at, dps = max(paced, key=lambda p: p[1])
    slow_at, slow = min(paced, key=lambda p: p[1])
    if dps > t.number_fail_dps:
        return Verdict(
            "fail",
            f"Your number at {clock(fast_at)} went by at {dps:.1f} digits a second; say it at writing speed, "
            "about 2 a second.",
            fast_at,
            dps,
        )
    if dps > t.number_max_dps:
        return Verdict(
            "warn",
            f"Your number at {clock(fast_at)} ran at {dps:.1f} digits a second; slow to about 2 so they can "
            "write it down.",
            fast_at,
            dps,
        )
    if not floors and slow < t.number_min_dps:
        return Verdict(
            "warn",
            f"Your number at {clock(slow_at)} drags at {slow:.1f} digits a second; keep it steady, about 2 a second.",
            slow_at,
            slow,
            place="drags",
        )
    if not made_out:
        return None
    return Verdict("pass", f"Number said at {dps:.1f} digits a second, writing speed.", fast_at, dps)


def _groups(ctx: Context) -> Verdict:
    """A breath between the digit groups (3-3-4), heard in every saying."""
    h = heard_number(ctx)
    ungrouped = next((n for n in h.judged if not _heard_groups(n, ctx.t.number_group_pause_s)), None)
    if ungrouped is not None:
        return Verdict(
            "warn",
            f"Your number at {clock(ungrouped.start)} came in one run; pause between the groups "
            f"({_in_groups(ctx, ungrouped).removeprefix(', in ').removesuffix(' groups')}).",
            ungrouped.start,
        )
    pauses = [p for n in h.judged for p in _group_pauses(n)]
    said = f"You paused between the digit groups ({min(pauses):.1f}-{max(pauses):.1f} s)." if pauses else None
    return Verdict("pass", said or "You grouped the digits.", h.first.start)


def _group_pauses(number: PhoneNumber) -> tuple[float, ...]:
    """The pauses between the groups that count (none after a leading "1")."""
    return number.group_pauses[1:] if _leading_one(number) else number.group_pauses


def _sayings(ctx: Context, h: HeardNumber) -> int:
    """How many times the number was said: the sayings heard as it (or part of it); two that came
    out differently (unsure at telephone band) are two; at telephone band a saying of digits that
    did not read as a number is still one."""
    first = h.first
    sayings = sum(1 for n in ctx.numbers if first.digits.endswith(n.digits) or is_subsequence(n.digits, first.digits))
    if h.conflict is not None:
        sayings = max(sayings, 2)
    if ctx.telephone_band:
        sayings = max(sayings, len(ctx.numbers) + len(_other_sayings(ctx)))
    return sayings


def _repeated(ctx: Context) -> Verdict:
    """Given twice, so they can check what they wrote. Digits said twice whose second saying did
    not come out as the number (at full band) were still said twice: a warning that says how the
    two were heard, never "say it twice"."""
    h = heard_number(ctx)
    if max(n.times_said for n in h.judged) >= 2 or _sayings(ctx, h) >= 2:
        return Verdict("pass", "You gave the number twice.", h.first.start)
    other = next(iter(_other_sayings(ctx)), None)
    if other is not None:
        return Verdict(
            "warn",
            f"Couldn't hear your number the same twice: {format_digits(h.first.digits)} at {clock(h.first.start)}, "
            f'then "{other.text}" at {clock(other.start)}; check you said the same digits both times.',
            other.start,
            evidence=other.text,
            unsure=True,
        )
    return Verdict(
        "warn",
        "Say the number twice, once early and once at the end, so they can check what they wrote.",
        h.first.start,
    )


def _other_sayings(ctx: Context, min_digits: int = 4) -> list[HeardDigits]:
    """Sayings of digits apart from every number heard (`digit_sayings`, at least `min_digits`
    digits said one at a time), not an extension: a repeat heard as other digits."""
    if ctx.transcript is None:
        return []
    out = []
    for said in digit_sayings(ctx.transcript):
        if said.digits < min_digits or any(n.start <= said.end and said.start <= n.end for n in ctx.numbers):
            continue
        before = [w.text.lower().strip(" .,:") for w in ctx.transcript.words if w.end <= said.start + 0.01]
        if before and before[-1] in EXTENSION_WORDS:
            continue  # the extension, said after the number
        out.append(said)
    return out


PHONE_NUMBER = Check(
    "phone_number",
    {"callback": 2.0, "educate": 1.0},  # a call-back message must get the number across
    reads=("number_region", "gate_no_number", *UNSURE_MESSAGE),
    judge=_number,
    from_words="your number",
)
NUMBER_PACE = Check(
    "number_pace",
    2.0,
    reads=("number_fail_dps", "number_max_dps", "number_min_dps"),
    when=number_heard,
    place_weight={"drags": 1.0},  # a slow number can still be written down
    judge=_pace,
    from_words="your number's pace",
)
NUMBER_GROUPS = Check(
    "number_groups",
    1.0,
    reads=("number_group_pause_s",),
    when=number_made_out,
    judge=_groups,
    from_words="your number's groups",
)
NUMBER_REPEATED = Check(
    "number_repeated",
    1.0,
    goals=("callback",),
    when=number_made_out,
    judge=_repeated,
    from_words="whether you gave your number twice",
)
