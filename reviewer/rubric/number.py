"""The number's four rows: the number itself (`phone_number`: right, or flagged with what was
heard), then, once it is right or unsure (heard, not failed), its pace, its groups and, for a
call-back message, its repeat. Also the rubric's word on the second listen: which numbers count
as confirmed (`confirm_numbers`).

With a profile's number, right means the rep's own: a wrong digit fails, quoting both. At
telephone band a number not made out (digits lost, heard two ways, two different numbers, or not
the profile's) is an unsure warning with what was heard, not a failure: Whisper loses and changes
digits of numbers said right there, so it says nothing of the rep (eval/RESULTS.md). The number is
judged by the first of the steps in `_HEAD` that has something to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import combinations

from reviewer.measures.number.find import PhoneNumber, digits_in_word, is_subsequence, number_sayings, stray_digits
from reviewer.profile import Profile
from reviewer.recognition.words import Transcript
from reviewer.rubric.formats import clock, format_digits
from reviewer.rubric.table import Check, Context, Verdict

# What an unsure number's warning says of telephone-band audio, before "check ..."
PHONE_LOST = "at phone quality digits get lost, so check"
PHONE_MISHEARD = "at phone quality digits get misheard, so check"


def confirm_numbers(
    numbers: Sequence[PhoneNumber],
    guessed: Sequence[tuple[float, float]],
    unconfirmed_by_both: Sequence[tuple[float, float]],
    telephone_band: bool,
) -> tuple[PhoneNumber, ...]:
    """The numbers with `confirmed` set from what the second listen confirmed (stretches as
    measures/number/second_listen.py gives them). In the telephone band a number must be heard the
    same by both listens of one saying to pass; elsewhere only a number that the second listen
    alone heard (`guessed`) is flagged, and with none such the numbers are left as they are."""
    unconfirmed = unconfirmed_by_both if telephone_band else (guessed or None)
    if unconfirmed is None:
        return tuple(numbers)
    return tuple(
        replace(n, confirmed=not any(a <= n.start <= b or a <= n.end <= b for a, b in unconfirmed)) for n in numbers
    )


@dataclass(frozen=True)
class HeardNumber:
    """What the number's rows read off the numbers heard."""

    first: PhoneNumber  # the number judged: the rep's own where said, else the first valid, else the first
    valid: tuple[PhoneNumber, ...]  # the valid numbers, the rep's own first
    said: str | None  # the judged number's words as heard
    mine: str | None  # the profile's number, written out; None without one
    own: bool  # the judged number is the profile's, whatever --region makes of it
    conflict: tuple[PhoneNumber, PhoneNumber] | None  # two sayings that came out as different numbers
    judged: tuple[PhoneNumber, ...]  # the numbers whose pace, groups and repeat count: the valid, else all


def _is_mine(number: PhoneNumber, profile: Profile) -> bool:
    """A number heard is the profile's: the same E.164 number, or the same digits as said."""
    if number.e164 is not None and number.e164 == profile.number:
        return True
    return number.digits in profile.number_forms()


def heard_number(ctx: Context) -> HeardNumber | None:
    """The numbers heard, read for the rows; None where no number was heard."""
    if not ctx.numbers:
        return None
    profile = ctx.profile
    mine = format_digits(profile.number_digits) if profile and profile.number else None
    valid = [n for n in ctx.numbers if n.valid]
    if mine:  # the rep's own number first, where it was said
        valid = sorted(valid, key=lambda n: not _is_mine(n, profile))
    first = valid[0] if valid else ctx.numbers[0]
    return HeardNumber(
        first=first,
        valid=tuple(valid),
        said=_said(ctx.transcript, first),
        mine=mine,
        own=mine is not None and _is_mine(first, profile),
        conflict=_conflicting(ctx.numbers),
        judged=tuple(valid) or tuple(ctx.numbers),
    )


def _fail(ctx: Context, message: str, start: float | None = None, evidence: str | None = None) -> Verdict:
    """A failed number: on a call-back message, capped as having none."""
    cap = ctx.t.gate_no_number if ctx.goal == "callback" else None
    return Verdict("fail", message, start, evidence=evidence, cap=cap)


def _unsure(ctx: Context, message: str, start: float | None, evidence: str | None) -> Verdict:
    """A number not made out for sure: not confirmed is not "good", so on a call-back message it
    is capped as one thing to fix until the rep checks it."""
    cap = ctx.t.gate_unsure_number if ctx.goal == "callback" else None
    return Verdict("warn", message, start, evidence=evidence, cap=cap, unsure=True)


def _yours_is(h: HeardNumber) -> str:
    return f" (yours is {h.mine})" if h.mine else ""


def _nothing_made_out(ctx: Context) -> Verdict | None:
    """No number heard: digits heard that read as none, or none at all where one is needed."""
    heard = stray_digits(ctx.transcript) if ctx.transcript is not None else None
    if heard is not None:
        text, start = heard
        if ctx.telephone_band:
            return _unsure(
                ctx,
                f'Couldn\'t make out your number (heard "{text}" at {clock(start)}): {PHONE_LOST} '
                "you said every digit; say it slowly, in 3-3-4 groups.",
                start,
                text,
            )
        return _fail(
            ctx,
            f'Couldn\'t make out your number: likely too fast or unclear (heard "{text}" at {clock(start)}); '
            "say it at writing speed, in 3-3-4 groups.",
            start,
            text,
        )
    if ctx.goal == "callback":
        return _fail(ctx, "No phone number heard: say your number so they can call back.")
    return None


def _two_numbers(ctx: Context, h: HeardNumber) -> Verdict | None:
    """Two sayings of what must be one number came out with different digits."""
    if h.conflict is None:
        return None
    a, b = h.conflict
    both = f"{format_digits(a.digits)} / {format_digits(b.digits)}"
    if ctx.telephone_band:
        return _unsure(
            ctx,
            f"Your number came out as {format_digits(a.digits)} at {clock(a.start)} and as "
            f"{format_digits(b.digits)} at {clock(b.start)}{_yours_is(h)}: {PHONE_MISHEARD} you said the same "
            "number both times; say it slowly, digit by digit.",
            a.start,
            both,
        )
    yours = f", and your number is {h.mine}; say it" if h.mine else "; say the same number"
    return _fail(
        ctx,
        f"You said {format_digits(a.digits)} at {clock(a.start)} and {format_digits(b.digits)} at "
        f"{clock(b.start)}: two different numbers{yours} both times, slowly.",
        a.start,
        both,
    )


def _not_a_number(ctx: Context, h: HeardNumber) -> Verdict | None:
    """The digits heard are not a valid number (and not the profile's)."""
    first = h.first
    if first.valid or h.own:
        return None
    n = len(first.digits)
    why = f"{n} digits" if n not in (7, 10, 11) else f"not a valid {ctx.t.number_region} number"
    if ctx.telephone_band:
        heard = (
            f"Your number came out as {format_digits(first.digits)} at {clock(first.start)}{_yours_is(h)}"
            if h.mine
            else f"Heard {format_digits(first.digits)}: {why}, at {clock(first.start)}"
        )
        return _unsure(
            ctx, f"{heard}; {PHONE_LOST} you said every digit; say it slowly, in 3-3-4 groups.", first.start, h.said
        )
    if h.mine:
        return _fail(
            ctx,
            f"You said {format_digits(first.digits)} at {clock(first.start)}; your number is {h.mine}: "
            "say every digit of it, slowly, in 3-3-4 groups.",
            first.start,
            h.said,
        )
    return _fail(
        ctx,
        f"Heard {format_digits(first.digits)}: {why}, at {clock(first.start)}; "
        "say every digit of your number, slowly, in 3-3-4 groups.",
        first.start,
        h.said,
    )


def _not_yours(ctx: Context, h: HeardNumber) -> Verdict | None:
    """A valid number that is not the profile's, nor what the second listen heard as the profile's."""
    first = h.first
    if not h.mine or h.own or first.second_opinion == ctx.profile.number_digits:
        return None
    if not ctx.telephone_band:
        return _fail(
            ctx,
            f"You said {format_digits(first.digits)} at {clock(first.start)}; your number is {h.mine}: "
            "check the digits, and say them slowly, in 3-3-4 groups.",
            first.start,
            h.said,
        )
    return _unsure(
        ctx,
        f"Your number came out as {format_digits(first.digits)} at {clock(first.start)}{_yours_is(h)}: "
        f"{PHONE_MISHEARD} you said it right; say it slowly, in 3-3-4 groups.",
        first.start,
        h.said,
    )


def _doubtful(ctx: Context, h: HeardNumber) -> list[PhoneNumber]:
    """The valid numbers a listen may doubt: heard as exactly the rep's own number, a number is
    confirmed by the profile, whatever a second listen heard."""
    return [n for n in h.valid if not (h.mine and _is_mine(n, ctx.profile))]


def _two_ways(ctx: Context, h: HeardNumber) -> Verdict | None:
    """The second listen heard other digits than the first."""
    two_ways = next((n for n in _doubtful(ctx, h) if n.second_opinion), None)
    if two_ways is None:
        return None
    ways = f"{format_digits(two_ways.digits)} and {format_digits(two_ways.second_opinion)}"
    if ctx.telephone_band:
        return _unsure(
            ctx,
            f"Your number at {clock(two_ways.start)} came out two ways, {ways}: {PHONE_MISHEARD} it is "
            "yours; say it slowly, digit by digit.",
            two_ways.start,
            ways.replace(" and ", " / "),
        )
    return _fail(
        ctx,
        f"Your number at {clock(two_ways.start)} came out two ways, {ways}: likely unclear; say it "
        "slowly, digit by digit.",
        two_ways.start,
        ways.replace(" and ", " / "),
    )


def _not_heard_twice(ctx: Context, h: HeardNumber) -> Verdict | None:
    """A valid number not heard the same twice (at phone quality, or one only the digits-only
    listen heard) may be wrong by a digit: never passed, but no verdict either. The review says
    what it heard and asks the rep to check it (a profile's number settles it); the number's
    pace, groups and repeat are judged on it, since they do not hang on a digit."""
    unheard = next((n for n in _doubtful(ctx, h) if n.confirmed is False), None)
    if unheard is None:
        return None
    return _unsure(
        ctx,
        f"Your number came out as {format_digits(unheard.digits)} at {clock(unheard.start)}, but it was not "
        "heard the same twice, so check it is yours; say it slowly, digit by digit, in 3-3-4 groups, and give "
        "it twice.",
        unheard.start,
        format_digits(unheard.digits),
    )


def _heard_right(ctx: Context, h: HeardNumber) -> Verdict:
    first = h.first
    ext = f", extension {first.extension}" if first.extension else ""
    heard_right = (
        f"You said your number right: {format_digits(first.digits)}{ext} at {clock(first.start)}."
        if h.mine
        else f"Number {format_digits(first.digits)}{ext} heard at {clock(first.start)}."
    )
    return Verdict("pass", heard_right, first.start, evidence=h.said)


# The number's verdict: the first of these that has something to say
_HEAD = (_two_numbers, _not_a_number, _not_yours, _two_ways, _not_heard_twice, _heard_right)


def _number(ctx: Context) -> Verdict | None:
    h = heard_number(ctx)
    if h is None:
        return _nothing_made_out(ctx)
    return next(v for step in _HEAD if (v := step(ctx, h)) is not None)


def number_made_out(ctx: Context) -> bool:
    """The number is right or unsure (heard, not failed): only then are its pace, groups and
    repeat judged."""
    return bool(ctx.numbers) and _number(ctx).status != "fail"


def _pace(ctx: Context) -> Verdict:
    """Writing speed: the fastest saying neither too fast nor the slowest dragging."""
    t, numbers = ctx.t, heard_number(ctx).judged
    fastest = max(numbers, key=lambda n: n.digits_per_second)
    slowest = min(numbers, key=lambda n: n.digits_per_second)
    at, dps = clock(fastest.start), fastest.digits_per_second
    if dps > t.number_fail_dps:
        return Verdict(
            "fail",
            f"Your number at {at} went by at {dps:.1f} digits a second; say it at writing speed, about 2 a second.",
            fastest.start,
            dps,
        )
    if dps > t.number_max_dps:
        return Verdict(
            "warn",
            f"Your number at {at} ran at {dps:.1f} digits a second; slow to about 2 so they can write it down.",
            fastest.start,
            dps,
        )
    if slowest.digits_per_second < t.number_min_dps:
        return Verdict(
            "warn",
            f"Your number at {clock(slowest.start)} drags at {slowest.digits_per_second:.1f} digits a second; "
            "keep it steady, about 2 a second.",
            slowest.start,
            slowest.digits_per_second,
            place="drags",
        )
    return Verdict("pass", f"Number said at {dps:.1f} digits a second, writing speed.", fastest.start, dps)


def _heard_groups(number: PhoneNumber, min_pause_s: float) -> bool:
    """Groups count only when pauses were heard between them, not inferred from text or pattern."""
    return (
        len(number.groups) >= 2
        and number.grouping_source in ("audio", "word-gaps")
        and min(number.group_pauses, default=0.0) >= min_pause_s
    )


def _groups(ctx: Context) -> Verdict:
    """A breath between the digit groups (3-3-4), heard in every saying."""
    h = heard_number(ctx)
    ungrouped = next((n for n in h.judged if not _heard_groups(n, ctx.t.number_group_pause_s)), None)
    if ungrouped is not None:
        return Verdict(
            "warn",
            f"Your number at {clock(ungrouped.start)} came in one run; pause between the groups (3-3-4).",
            ungrouped.start,
        )
    pauses = [p for n in h.judged for p in n.group_pauses]
    said = f"You paused between the digit groups ({min(pauses):.1f}-{max(pauses):.1f} s)." if pauses else None
    return Verdict("pass", said or "You grouped the digits.", h.first.start)


def _sayings(ctx: Context, h: HeardNumber) -> int:
    """How many times the number was said: the sayings heard as it (or part of it); two that came
    out differently (unsure at telephone band) are two; at telephone band a saying whose digits
    did not read as a number is still one."""
    first = h.first
    sayings = sum(1 for n in ctx.numbers if first.digits.endswith(n.digits) or is_subsequence(n.digits, first.digits))
    if h.conflict is not None:
        sayings = max(sayings, 2)
    if ctx.telephone_band and ctx.transcript is not None:
        sayings = max(sayings, _digit_runs(ctx.transcript))
    return sayings


def _repeated(ctx: Context) -> Verdict:
    """Given twice, so they can check what they wrote."""
    h = heard_number(ctx)
    if max(n.times_said for n in h.judged) >= 2 or _sayings(ctx, h) >= 2:
        return Verdict("pass", "You gave the number twice.", h.first.start)
    return Verdict(
        "warn",
        "Say the number twice, once early and once at the end, so they can check what they wrote.",
        h.first.start,
    )


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
    for a, b in combinations(numbers, 2):
        short, long_ = sorted((a.digits, b.digits), key=len)
        if long_.endswith(short) or is_subsequence(short, long_):
            continue
        if abs(len(a.digits) - len(b.digits)) <= 1 and SequenceMatcher(None, a.digits, b.digits).ratio() >= 0.75:
            return a, b
    return None


PHONE_NUMBER = Check(
    "phone_number",
    {"callback": 2.0, "educate": 1.0},  # a call-back message must get the number across
    reads=("number_region", "gate_no_number", "gate_unsure_number"),
    judge=_number,
)
NUMBER_PACE = Check(
    "number_pace",
    2.0,
    reads=("number_fail_dps", "number_max_dps", "number_min_dps"),
    when=number_made_out,
    place_weight={"drags": 1.0},  # a slow number can still be written down
    judge=_pace,
)
NUMBER_GROUPS = Check("number_groups", 1.0, reads=("number_group_pause_s",), when=number_made_out, judge=_groups)
NUMBER_REPEATED = Check("number_repeated", 1.0, goals=("callback",), when=number_made_out, judge=_repeated)
