"""The rows for what the message must say (measures/parts.py finds it): who is calling, the
company, a reason to call back, and the ask (a call back, or for an educating message what
happens next). With a profile, the name and company heard are checked against the rep's own;
where Whisper was unsure of the opening, a part not found is "couldn't make out", not missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reviewer.measures import parts as cues
from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.heard import SIMILAR, company_words, find_exact, find_own_name, find_similar, name_is_yours
from reviewer.rubric.formats import clock
from reviewer.rubric.table import UNSURE_MESSAGE, Check, Context, Verdict, message_unsure, speech_dropped

NAME_OK, NAME_FIX = "You said who you are", 'Say your name early: "This is Sam from ...".'
COMPANY_OK, COMPANY_FIX = "You named your company", "Name your company so they know who is calling."
# No company said, where a coach asks for none (LABELS in eval/public): the caller has met the
# prospect before, or is applying for a job. With a profile's company the rep is still asked for it.
NO_FIRM_NEEDED = {
    "acquainted": "No company named, and none needed: you have spoken with them before",
    "candidate": "No company named, and none needed for a job search",
}
# The parts' own cues a team adds; the company is found after the name, so it reads both
NAME_CUES, COMPANY_CUES = ("extra_name_cues",), ("extra_name_cues", "extra_company_cues")
UNSURE_OPENING = ("unsure_opening_words", "unsure_opening_probability", "wordless_speech_voiced_s")


def _name(ctx: Context) -> cues.Cue | None:
    return cues.find_name(ctx.tokens, ctx.t.extra_name_cues)


def _intro(ctx: Context) -> tuple[cues.Cue | None, cues.Cue | None]:
    """The name and company said: their words are the introduction, not a reason."""
    name = _name(ctx)
    return name, cues.find_company(ctx.tokens, name, ctx.t.extra_company_cues)


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


def _could_not_make_out(ctx: Context, what: str, opening: bool = True) -> Verdict | None:
    """A warning that says the part could not be made out, instead of failing it as missing:
    where the `opening` was unsure (a name, a company: said there), or the message as a whole."""
    unsure_start = _unsure_opening(ctx) if opening else None
    if unsure_start is not None:
        heard, start = unsure_start
        where = "your opening"
    elif message_unsure(ctx) and ctx.transcript is not None and ctx.transcript.words:
        words = ctx.transcript.words
        heard, start, where = " ".join(w.text for w in words[:12]), words[0].start, "much of your message"
    elif (dropped := speech_dropped(ctx, ctx.t.unsure_opening_words if opening else None)) is not None:
        # said in speech the recogniser wrote no words for ("Hello, this is Aaron Novak calling about
        # the position in Chicago." dropped whole at 8 kHz, the public set's pub_h_29)
        a, b = dropped
        return Verdict(
            "warn",
            f"Couldn't make out {what}: {b - a:.1f} s of speech at {clock(a)} came out as no words; say it "
            "slowly and clearly.",
            a,
            unsure=True,
        )
    else:
        return None
    return Verdict(
        "warn",
        f'Couldn\'t make out {what}: {where} came out unclear ("{heard}"); say it slowly and clearly.',
        start,
        evidence=heard,
        unsure=True,
    )


def _garbled(cue: cues.Cue, what: str) -> Verdict:
    """A part's place said ("this is ...", "from ...") with no name or company in it: misheard,
    most likely, so what was heard is quoted and not judged."""
    return Verdict(
        "warn",
        f'Couldn\'t make out {what}: it came out as "{cue.evidence}"; say it slowly and clearly.',
        cue.start,
        evidence=cue.evidence,
        unsure=True,
    )


def _cue_verdict(
    cue: cues.Cue | None, ok: str, fix: str, missing_status: str = "fail", unsure: str | None = None
) -> Verdict:
    """Pass with the words heard as evidence; where Whisper was unsure of them, say so instead."""
    if cue is None:
        return Verdict(missing_status, fix)
    if cue.unsure and unsure is not None:  # named, but Whisper was unsure of the words: not judged
        return Verdict(
            "warn",
            f'{unsure}: it came out as "{cue.value}"; say it clearly.',
            cue.start,
            evidence=cue.evidence,
            unsure=True,
        )
    return Verdict("pass", f'{ok}: "{cue.evidence}".', cue.start, evidence=cue.evidence)


def _said(
    find: Callable[[Context], cues.Cue | None],
    ok: str,
    fix: str,
    what: str,
    missing: str = "fail",
    gate: str | None = None,
) -> Callable[[Context], Verdict]:
    """The judge of a part the message must say, found by `find` (`_judge_said`)."""
    return lambda ctx: _judge_said(ctx, find(ctx), ok, fix, what, missing, gate)


def _judge_said(
    ctx: Context, cue: cues.Cue | None, ok: str, fix: str, what: str, missing: str = "fail", gate: str | None = None
) -> Verdict:
    """A part the message must say: found (`cue`), or `missing` with the fix (capped by the
    Thresholds field `gate` when it fails); `what` could not be made out where Whisper was unsure
    of what filled its place or of the whole message."""
    if cue is not None and cue.garbled:
        return _garbled(cue, what)
    if cue is None and (unsure := _could_not_make_out(ctx, what, opening=False)) and missing == "fail":
        return unsure
    found = _cue_verdict(cue, ok, fix, missing)
    if gate is not None and found.status == "fail":
        return replace(found, cap=getattr(ctx.t, gate))
    return found


def _name_verdict(ctx: Context) -> Verdict:
    """Who is calling; with a profile, whether the name heard is the rep's own."""
    cue = _name(ctx)
    mine = ctx.profile.name if ctx.profile else None
    own = find_own_name(ctx.tokens, mine) if mine else None
    if cue is not None and cue.garbled and own is None:
        return _garbled(cue, "your name")
    cue = None if cue is not None and cue.garbled else cue
    if cue is None and own is None and (unsure := _could_not_make_out(ctx, "your name")):
        return unsure
    if cue is None and own is None and ctx.telephone_band and (place := cues.name_place(ctx.tokens)):
        return _garbled(place, "your name")  # introduced, but at phone quality the name came out as other words
    if not mine or (cue is not None and name_is_yours(cue.value, mine)):
        return _cue_verdict(cue, NAME_OK, NAME_FIX)
    if own is not None and (cue is None or not cue.first <= own.first < cue.last):
        # said without a cue the finder knows ("Sarah Miller from ..."), or besides another name
        return Verdict("pass", f'{NAME_OK}: "{own.said}".', own.start, evidence=own.said)
    if cue is not None:  # Whisper hears names it does not know as other words: not judged as the rep's
        return Verdict(
            "warn",
            f'Couldn\'t make out your name for sure: it came out as "{cue.value}" (your name is "{mine}"); say it clearly.',
            cue.start,
            evidence=cue.evidence,
            unsure=True,
        )
    company = f" from {ctx.profile.company}" if ctx.profile.company else ""
    return Verdict("fail", f'Say your name early: "This is {mine.split()[0]}{company}".')


def _company_verdict(ctx: Context) -> Verdict:
    """The company named; with a profile, whether it came out as the rep's own. Said as the
    profile spells it (any case, hyphen or legal suffix) passes; otherwise the closest stretch
    of words (or, when none is close, what was said where a company goes) is quoted, as a
    warning whichever it is, so the verdict never hangs on how close "close" is."""
    cue = cues.find_company(ctx.tokens, _name(ctx), ctx.t.extra_company_cues)
    mine = ctx.profile.company if ctx.profile else None
    words = " ".join(company_words(mine)) if mine else None
    own = find_exact(ctx.tokens, words) if words else None
    if cue is not None and cue.garbled and own is None:
        return _garbled(cue, "your company name")
    cue = None if cue is not None and cue.garbled else cue
    if cue is None and own is None and (unsure := _could_not_make_out(ctx, "your company name")):
        return unsure
    if not mine:
        if cue is None and (known := cues.find_no_firm_needed(ctx.tokens)) is not None:
            return Verdict(
                "pass", NO_FIRM_NEEDED[known.part] + f': "{known.evidence}".', known.start, evidence=known.evidence
            )
        return _cue_verdict(cue, COMPANY_OK, COMPANY_FIX, unsure="Couldn't make out your company name")
    if own is not None:
        in_cue = cue is not None and cue.first <= own.first < cue.last
        evidence = cue.evidence if in_cue else own.said
        return Verdict("pass", f'{COMPANY_OK}: "{evidence}".', own.start, evidence=evidence)
    similar = find_similar(ctx.tokens, words)
    if similar is not None and similar.ratio >= SIMILAR:
        heard, start, evidence = similar.said, similar.start, similar.said
    elif cue is not None:
        heard, start, evidence = cue.value, cue.start, cue.evidence
    else:
        return Verdict("fail", f"Name your company, {mine}, so they know who is calling.")
    return Verdict(
        "warn",
        f'Couldn\'t make out your company for sure: it came out as "{heard}" (your company is "{mine}"); say it clearly.',
        start,
        evidence=evidence,
        unsure=True,
    )


NAME = Check("name", 1.5, reads=NAME_CUES + UNSURE_OPENING, judge=_name_verdict, from_words="your name")
COMPANY = Check(
    "company", 1.0, reads=COMPANY_CUES + UNSURE_OPENING, judge=_company_verdict, from_words="your company name"
)


def _reason_verdict(ctx: Context) -> Verdict:
    """A reason by LABELS' rule passes; a topic or the rep's offer alone ("I'm calling about IT
    security") warns, quoting it, since something concrete was said that is not yet about them;
    nothing concrete fails, capped at gate_no_reason."""
    cue = cues.find_reason(
        ctx.tokens, _intro(ctx), ctx.t.extra_reason_cues, ctx.t.unsure_reason_probability if ctx.telephone_band else 0.0
    )
    if cue is not None and cue.part == "topic":
        return Verdict(
            "warn",
            f'You named a topic, not a reason for them: "{cue.evidence}". Say what is in it for this listener: '
            "something of theirs you know, or a result with a figure.",
            cue.start,
            evidence=cue.evidence,
        )
    return _judge_said(
        ctx,
        cue,
        "You gave a reason for the call",
        "Give one specific reason for calling: what's in it for them.",
        "your reason for calling",
        gate="gate_no_reason",
    )


REASON = Check(
    "reason",
    {"callback": 1.5, "educate": 2.0},
    reads=COMPANY_CUES
    + UNSURE_OPENING
    + ("extra_reason_cues", "gate_no_reason", "unsure_reason_probability")
    + UNSURE_MESSAGE,
    judge=_reason_verdict,
    from_words="your reason for calling",
)


def _ask_verdict(ctx: Context) -> Verdict:
    """The ask. "My number is ..." said once and nothing else leaves a number, not an ask (the
    public set's convention); at telephone band the ask may be what Whisper lost ("Disney, it's all
    back" for "give me a call back"), so there it is quoted as not made out, never failed."""
    once = len(ctx.numbers) == 1  # none found is not judged here
    cue = cues.find_call_to_action(ctx.tokens, ctx.t.extra_cta_cues, number_said_twice=not once)
    left = cues.find_call_to_action(ctx.tokens, ctx.t.extra_cta_cues) if cue is None and once else None
    if left is not None and not _could_not_make_out(ctx, "your ask", opening=False):
        if ctx.telephone_band:
            return Verdict(
                "warn",
                f'Couldn\'t make out an ask beside your number ("{left.evidence}"); if you asked for a call '
                'back, say it clearly, and if not, ask: "Call me back at ...".',
                left.start,
                evidence=left.evidence,
                unsure=True,
            )
        return Verdict(
            "fail",
            f'You left your number ("{left.evidence}") but did not ask for the call: say "Call me back at ...".',
            left.start,
            evidence=left.evidence,
        )
    return _judge_said(
        ctx, cue, "You asked for a call back", 'End with a clear ask: "Call me back at ...".', "your ask"
    )


CALL_TO_ACTION = Check(
    "call_to_action",
    1.5,
    reads=("extra_cta_cues",) + UNSURE_MESSAGE,
    goals=("callback",),
    judge=_ask_verdict,
    from_words="your call to action",
)
NEXT_STEP = Check(
    "next_step",
    1.0,
    reads=("extra_next_step_cues",) + UNSURE_MESSAGE,
    goals=("educate",),
    judge=_said(
        lambda c: cues.find_next_step(c.tokens, c.t.extra_next_step_cues),
        "You said what happens next",
        "Say when you will try them again, so the next call is expected.",
        "what happens next",
        missing="warn",
    ),
    from_words="what you said happens next",
)
