"""The number's own row, `phone_number`: the numbers heard read for the rows (`heard_number`),
and the verdict on them, right or flagged with what was heard; and what every number row says
of the same measures (the advice, whether groups were heard), so that the rows never contradict
each other (rubric/number.py holds the rows).

With a profile's number, right means the rep's own: a wrong digit fails, quoting both. A number
not made out (digits lost or misheard, heard two ways by the two listens, at telephone band two
different numbers or not the profile's) is an unsure warning with what was heard, not a failure:
Whisper loses and changes digits of numbers said right, so it says nothing of the rep
(eval/RESULTS.md). A number is "too fast" only where its measured pace says so. The number is
judged by the first of the steps in `_HEAD` that has something to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from reviewer.measures.number.find import (
    HeardDigits,
    PhoneNumber,
    group_sizes,
    heard_pace,
    is_subsequence,
    saying_digits,
    stray_digits,
)
from reviewer.profile import Profile
from reviewer.recognition.words import Transcript
from reviewer.rubric.formats import clock, format_digits
from reviewer.rubric.table import Context, Verdict, message_unsure, speech_dropped

# What an unsure number's warning says of telephone-band audio, before "check ..."
PHONE_LOST = "at phone quality digits get lost, so check"
PHONE_MISHEARD = "at phone quality digits get misheard, so check"
# A number's timing that is no measure of the rep's pace (measures/number/find.py, `timing_source`)
UNMEASURED = ("words-unreliable", "implausible")


def _measured_dps(number: PhoneNumber) -> float | None:
    """The number's measured digits a second; None where its times are Whisper's, not the rep's."""
    return None if number.timing_source in UNMEASURED else number.digits_per_second


def _how(ctx: Context, dps: float | None) -> str:
    """How to say the number next time, in line with what number_pace says of the same measure:
    "slowly" only where it went fast, "steady" where it dragged."""
    t = ctx.t
    if dps is None:
        return "at writing speed, about 2 digits a second"
    if dps > t.number_max_dps:
        return "slowly, at writing speed"
    if dps < t.number_min_dps:
        return "at a steady 2 digits a second"
    return "clearly, digit by digit"


def _in_groups(ctx: Context, number: PhoneNumber | None) -> str:
    """ ", in 3-3-4 groups" (the country's grouping for a number of another country; a leading
    "1" apart), or "" where the number's groups were heard."""
    if number is not None and _heard_groups(number, ctx.t.number_group_pause_s):
        return ""
    sizes = group_sizes(number.digits, ctx.t.number_region) if number is not None else ()
    if len(sizes) > 2 and sizes[0] == 1:
        sizes = sizes[1:]
    return f", in {'-'.join(map(str, sizes)) if len(sizes) >= 2 else '3-3-4'} groups"


def _advice(ctx: Context, number: PhoneNumber | None, dps: float | None = None, say: str = "say it") -> str:
    """'say it slowly, at writing speed, in 3-3-4 groups', from the number's own measures."""
    pace = _measured_dps(number) if number is not None and dps is None else dps
    return f"{say} {_how(ctx, pace)}{_in_groups(ctx, number)}"


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
    """A number not made out for sure: a warning that says what was heard, counted half as every
    unsure warning is, with no cap (#24: a mishearing neither fails nor gates the message)."""
    return Verdict("warn", message, start, evidence=evidence, unsure=True)


def _yours_is(h: HeardNumber) -> str:
    return f" (yours is {h.mine})" if h.mine else ""


def _heard_digits(ctx: Context) -> HeardDigits | None:
    """Digits heard where no number could be read: the longest run of digit words, else (at
    telephone band, where digits get lost) the longest saying of digits with the words between."""
    if ctx.transcript is None:
        return None
    heard = stray_digits(ctx.transcript)
    if heard is None and ctx.telephone_band:
        heard = saying_digits(ctx.transcript)
    return heard


def _nothing_made_out(ctx: Context) -> Verdict | None:
    """No number heard: digits heard that read as none (too fast where their measured pace says
    so, else not made out), or none at all where one is needed."""
    heard = _heard_digits(ctx)
    if heard is not None:
        said = f'"{heard.text}" at {clock(heard.start)}'
        dps = heard_pace(heard)
        if not ctx.telephone_band and dps is not None and dps > ctx.t.number_fail_dps:
            return _fail(
                ctx,
                f"Couldn't make out your number: likely too fast or unclear (heard {said}, at least "
                f"{dps:.1f} digits a second); say it slowly, at writing speed, in 3-3-4 groups.",
                heard.start,
                heard.text,
            )
        why = PHONE_LOST if ctx.telephone_band else "digits may have been lost, so check"
        floor = dps if dps is not None and dps > ctx.t.number_max_dps else None  # a floor says only "fast"
        return _unsure(
            ctx,
            f"Couldn't make out your number (heard {said}): {why} you said every digit; {_advice(ctx, None, floor)}.",
            heard.start,
            heard.text,
        )
    if ctx.goal == "callback" and ctx.telephone_band and message_unsure(ctx):
        return _unsure(  # at phone quality Whisper loses whole numbers said right (the public set's copies)
            ctx,
            "Couldn't make out a phone number: much of your message came out unclear at phone quality, so "
            "check you said your number, slowly, in 3-3-4 groups, twice.",
            None,
            None,
        )
    dropped = speech_dropped(ctx)
    if ctx.goal == "callback" and dropped is not None:
        return _unsure(  # the number said, and no words written for it (pub_b_15 at 8 kHz)
            ctx,
            f"Couldn't make out a phone number: {dropped[1] - dropped[0]:.1f} s of speech at {clock(dropped[0])} "
            "came out as no words, so check you said your number there, slowly, in 3-3-4 groups.",
            dropped[0],
            None,
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
    if not ctx.telephone_band and a.confirmed and b.confirmed:
        # each saying heard the same by both listens of it (the plain decode and the digits-only
        # one of its own stretch): at full band their slips are not shared, so the rep said two numbers
        yours = f", and your number is {h.mine}: say it" if h.mine else ": say the same number"
        return _fail(
            ctx,
            f"You said {format_digits(a.digits)} at {clock(a.start)} and {format_digits(b.digits)} at "
            f"{clock(b.start)}: two different numbers{yours} both times, {_how(ctx, _measured_dps(a))}.",
            a.start,
            both,
        )
    # Otherwise alike but not the same (`_conflicting`): a digit misheard as often as one
    # misspoken (the public set's pub_a_18: "3941" heard once as "3141"). Never passed, never blamed.
    misheard = PHONE_MISHEARD if ctx.telephone_band else "a digit can be misheard, so check"
    return _unsure(
        ctx,
        f"Couldn't make out your number: it came out as {format_digits(a.digits)} at {clock(a.start)} and as "
        f"{format_digits(b.digits)} at {clock(b.start)}{_yours_is(h)}: {misheard} you said the same "
        f"number both times; {_advice(ctx, a)}.",
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
    advice = _advice(ctx, first, say="say every digit of your number,")
    if ctx.telephone_band:
        heard = (
            f"it came out as {format_digits(first.digits)} at {clock(first.start)}{_yours_is(h)}"
            if h.mine
            else f"heard {format_digits(first.digits)}: {why}, at {clock(first.start)}"
        )
        return _unsure(
            ctx,
            f"Couldn't make out your number: {heard}; {PHONE_LOST} you said every digit; {_advice(ctx, first)}.",
            first.start,
            h.said,
        )
    if h.mine:
        return _fail(
            ctx,
            f"You said {format_digits(first.digits)} at {clock(first.start)}; your number is {h.mine}: "
            f"{_advice(ctx, first, say='say every digit of it,')}.",
            first.start,
            h.said,
        )
    return _fail(
        ctx,
        f"Heard {format_digits(first.digits)}: {why}, at {clock(first.start)}; {advice}.",
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
            f"check the digits, and {_advice(ctx, first, say='say them')}.",
            first.start,
            h.said,
        )
    return _unsure(
        ctx,
        f"Couldn't make out your number: it came out as {format_digits(first.digits)} at {clock(first.start)}"
        f"{_yours_is(h)}: {PHONE_MISHEARD} you said it right; {_advice(ctx, first)}.",
        first.start,
        h.said,
    )


def _doubtful(ctx: Context, h: HeardNumber) -> list[PhoneNumber]:
    """The valid numbers a listen may doubt: heard as exactly the rep's own number, a number is
    confirmed by the profile, whatever a second listen heard."""
    return [n for n in h.valid if not (h.mine and _is_mine(n, ctx.profile))]


def _two_ways(ctx: Context, h: HeardNumber) -> Verdict | None:
    """The second listen heard other digits than the first: at every band, a number not made out
    for sure (the listens disagree, so neither is the rep's fault), never passed."""
    two_ways = next((n for n in _doubtful(ctx, h) if n.second_opinion), None)
    if two_ways is None:
        return None
    ways = f"{format_digits(two_ways.digits)} and {format_digits(two_ways.second_opinion)}"
    why = PHONE_MISHEARD if ctx.telephone_band else "so check"
    return _unsure(
        ctx,
        f"Couldn't make out your number for sure: at {clock(two_ways.start)} it came out two ways, {ways}: "
        f"{why} it is yours; {_advice(ctx, two_ways)}.",
        two_ways.start,
        ways.replace(" and ", " / "),
    )


def _not_heard_twice(ctx: Context, h: HeardNumber) -> Verdict | None:
    """A valid number a second listen did not confirm (at phone quality, or one only the
    digits-only listen heard) may be wrong by a digit: never passed, but no verdict either. The
    review says what it heard and asks the rep to check it (a profile's number settles it); the
    number's pace, groups and repeat are judged on it, since they do not hang on a digit. Said
    once or twice, the message is about the listens, never about giving it twice (number_repeated's)."""
    unheard = next((n for n in _doubtful(ctx, h) if n.confirmed is False), None)
    if unheard is None:
        return None
    return _unsure(
        ctx,
        f"Couldn't make out your number for sure: it came out as {format_digits(unheard.digits)} at "
        f"{clock(unheard.start)}, but a second listen did not hear it the same, so check it is yours; "
        f"{_advice(ctx, unheard)}.",
        unheard.start,
        format_digits(unheard.digits),
    )


def _once_at_phone_quality(ctx: Context, h: HeardNumber) -> Verdict | None:
    """At phone quality a number heard in one saying only, and not the profile's, has nothing to
    check it against: both listens can hear the same wrong digit (the public set's second
    held-out half: 800-421-7765 heard as 800-401-7765 at 8 kHz, and passed). Never passed: the
    review says what it heard and asks the rep to check; the same digits twice settle it."""
    if not ctx.telephone_band or max((n.times_said for n in h.judged), default=0) >= 2:
        return None
    once = next(iter(_doubtful(ctx, h)), None)
    if once is None:
        return None
    return _unsure(
        ctx,
        f"Couldn't make out your number for sure: it came out as {format_digits(once.digits)} at "
        f"{clock(once.start)}, said once: {PHONE_MISHEARD} it is yours (said twice, the same digits "
        f"both times settle it); {_advice(ctx, once)}.",
        once.start,
        format_digits(once.digits),
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
_HEAD = (_two_numbers, _not_a_number, _not_yours, _two_ways, _not_heard_twice, _once_at_phone_quality, _heard_right)


def _number(ctx: Context) -> Verdict | None:
    h = heard_number(ctx)
    if h is None:
        return _nothing_made_out(ctx)
    return next(v for step in _HEAD if (v := step(ctx, h)) is not None)


def number_made_out(ctx: Context) -> bool:
    """The number is right or unsure (heard, not failed): only then are its groups and repeat
    judged, and its pace passed."""
    return bool(ctx.numbers) and _number(ctx).status != "fail"


def number_heard(ctx: Context) -> bool:
    """Digits were heard, read as a number or not: the pace row has a measure to judge."""
    return bool(ctx.numbers) or _heard_digits(ctx) is not None


def _leading_one(number: PhoneNumber) -> bool:
    """The number's first group is a leading "1" (the country code of 1-800-...) said apart."""
    return len(number.groups) >= 2 and number.groups[0].digits == "1" and len(number.digits) in (8, 11)


def _heard_groups(number: PhoneNumber, min_pause_s: float) -> bool:
    """Groups count only when pauses were heard between them, not inferred from text or pattern.
    A leading "1" (1-800-...) is a group of its own however it was said: the 3-3-4 is the ten
    digits after it, so the pause after it neither counts nor is needed."""
    groups, pauses = list(number.groups), list(number.group_pauses)
    if _leading_one(number):
        groups, pauses = groups[1:], pauses[1:]
    return (
        len(groups) >= 2
        and number.grouping_source in ("audio", "word-gaps")
        and min(pauses, default=0.0) >= min_pause_s
    )


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
