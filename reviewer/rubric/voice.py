"""The delivery rows: how the voice sounds (tonality: pitch variety, phrase endings, volume, fading,
pace stretches, the number's slowdown, energy) and how clearly it came through (clarity: mumbled
words, noise, clipping, telephone bandwidth); and `VoiceVerdicts`, the rubric's word on the voice
figures that the JSON shows beside them, decided by the same functions as the rows.

Weighted lightly (0.5-0.75 each, against 1-2 for structure and number checks): how a message
sounds matters, but what it says and whether the number gets across matter more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.rubric.formats import clock
from reviewer.rubric.table import Band, Check, Context, Verdict
from reviewer.rubric.thresholds import Thresholds

if TYPE_CHECKING:  # figures only; measures/clarity and measures/prosody read rubric/thresholds
    from reviewer.measures.clarity import Clarity
    from reviewer.measures.number.find import PhoneNumber
    from reviewer.measures.prosody import PhraseEnding, PhrasePace, Tonality


# What a pitch verdict needs (pitch_variety, and energy, half of which is the pitch range)
PITCH_READS = ("tonality_min_voiced_s", "pitch_octave_share_max", "pitch_range_max_st", "pitch_median_min_hz")
# Marks inside a sentence: a rise before one carries the sentence on (a continuation rise)
CONTINUING_MARKS = (",", ";", ":")


def enough_voice(ton: Tonality, t: Thresholds) -> bool:
    """At least `tonality_min_voiced_s` of confident voiced speech: enough for a confident verdict
    on the pitch and the energy."""
    return ton.voiced_s >= t.tonality_min_voiced_s


def pitch_unjudged(ton: Tonality, t: Thresholds) -> str | None:
    """Why the pitch gives no verdict, said to the rep; None where it gives one. The track must be
    plausible (few octave errors, a range one voice can span, a middle pitch a voice has) and
    rest on enough confident voiced speech."""
    share, st, hz = ton.pitch_octave_share, ton.pitch_range_st, ton.pitch_median_hz
    if share is not None and share > t.pitch_octave_share_max:
        return f"the pitch tracker jumped an octave or more in {share:.0%} of your voiced speech, as it does over noise or a phone line"
    if st is not None and st > t.pitch_range_max_st:
        return f"a pitch range of {st:.0f} semitones is wider than a voice spans, so the tracker followed noise"
    if hz is not None and hz < t.pitch_median_min_hz:
        return f"the track's middle pitch, {hz:.0f} Hz, is under any speaking voice's, so it followed hum or halved your voice"
    if st is None or not enough_voice(ton, t):
        return f"only {ton.voiced_s:.1f} s of clearly voiced speech came through (a verdict needs {t.tonality_min_voiced_s:.0f} s)"
    return None


def pitch_range(ton: Tonality, t: Thresholds) -> float | None:
    """The pitch range a verdict may rest on (semitones); None where `pitch_unjudged` says why
    not. The one decider for the pitch_variety row, `monotone` and the energy row."""
    return None if pitch_unjudged(ton, t) is not None else ton.pitch_range_st


def monotone(ton: Tonality, t: Thresholds) -> bool | None:
    """A pitch range under `monotone_range_st`; None where `pitch_range` gives no verdict."""
    st = pitch_range(ton, t)
    return None if st is None else st < t.monotone_range_st


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


def clipped(cl: Clarity, t: Thresholds) -> bool:
    """More of the speech in flat tops than `clipped_warn_share`."""
    return cl.clipped_share > t.clipped_warn_share


@dataclass(frozen=True)
class VoiceVerdicts:
    """The rubric's word on the voice measurements (the analyses only measure): what the JSON's
    `tonality` and `clarity` carry beside the figures (schema 1's layout)."""

    monotone: bool | None  # pitch range under Thresholds.monotone_range_st; None without a pitch verdict
    trailing_off: bool
    quiet: bool  # speech level under Thresholds.quiet_dbfs
    phrase_verdicts: tuple[str, ...]  # per tonality.phrases: ok | rushed | dragging
    clipped: bool | None  # clipped share over Thresholds.clipped_warn_share; None without clarity
    # per tonality.endings: question_like (a rise heard as a question) | continuation (a rise before
    # a comma, the voice going on) | falling | level: what the page's arrows colour by
    ending_verdicts: tuple[str, ...] = ()

    def into(self, data: dict) -> dict:
        """The review's JSON with these verdicts put beside the figures they judge."""
        ton, cl = data.get("tonality"), data.get("clarity")
        if ton is not None:
            ton.update(monotone=self.monotone, trailing_off=self.trailing_off, quiet=self.quiet)
            for phrase, verdict in zip(ton["phrases"], self.phrase_verdicts):
                phrase["verdict"] = verdict
            for ending, verdict in zip(ton.get("endings") or (), self.ending_verdicts):
                ending["verdict"] = verdict
            ton["rushed_phrases"] = self.phrase_verdicts.count("rushed")
            ton["dragging_phrases"] = self.phrase_verdicts.count("dragging")
        if cl is not None:
            cl["clipped"] = self.clipped
        return data


def voice_verdicts(ton: Tonality, cl: Clarity | None, t: Thresholds) -> VoiceVerdicts:
    return VoiceVerdicts(
        monotone=monotone(ton, t),
        trailing_off=trailing_off(ton, t),
        quiet=ton.level_dbfs is not None and ton.level_dbfs < t.quiet_dbfs,
        phrase_verdicts=tuple(phrase_verdict(p, t) for p in ton.phrases),
        clipped=clipped(cl, t) if cl is not None else None,
        ending_verdicts=tuple(ending_verdict(e, t) for e in ton.endings),
    )


def ending_verdict(e: PhraseEnding, t: Thresholds) -> str:
    """question_like | continuation | falling | level: one statement's ending, as phrase_endings reads it."""
    if e.direction == "rising":
        return "question_like" if question_like(e, t) else "continuation"
    return e.direction


def continues(e: PhraseEnding, t: Thresholds) -> bool:
    """A statement that carries the sentence on: Whisper wrote a comma-like mark after it and the
    voice went on within `continuation_pause_max_s`. A rise there is a continuation rise ("And
    so, my fellow Americans, ..."), not a question."""
    return e.mark in CONTINUING_MARKS and e.pause_after_s is not None and e.pause_after_s < t.continuation_pause_max_s


def question_like(e: PhraseEnding, t: Thresholds) -> bool:
    """A rising ending heard as a question: at a sentence's end, before a long pause, or last."""
    return e.direction == "rising" and not continues(e, t)


def _endings(ctx: Context) -> Verdict | None:
    ton, t = ctx.tonality, ctx.t
    if not ton.endings:
        return None
    rising = [e for e in ton.endings if question_like(e, t)]
    if len(rising) == 1 and rising[0].change_st < 1.5 * t.rising_ending_st:
        rising = []  # one slight rise is not a confident measurement of a habit
    if not rising:
        carried = any(e.direction == "rising" and continues(e, t) for e in ton.endings)
        on = "; your rises before a comma carry the sentence on" if carried else ""
        return Verdict(
            "pass",
            f"Your statements end level or falling ({len(ton.endings)} checked), which sounds sure{on}.",
            None,
            0,
        )
    e = rising[0]
    more = f" ({len(rising)} of {len(ton.endings)} statements do)" if len(rising) > 1 else ""
    status = "fail" if len(rising) >= 2 and 2 * len(rising) >= len(ton.endings) else "warn"
    return Verdict(
        status,
        f'Your voice rises at the end of "{e.text}" ({clock(e.start)}), which sounds like a question{more}; let it fall.',
        e.start,
        len(rising),
    )


def _trailing(ctx: Context) -> Verdict | None:
    ton = ctx.tonality
    drop = ton.ending_drop_db
    if drop is None:
        return None
    if trailing_off(ton, ctx.t):
        return Verdict(
            "warn",
            f'Your voice fades on "{ton.last_words}" ({clock(ton.last_words_start)}), {drop:.0f} dB quieter than the rest; keep your volume up to the last word.',
            ton.last_words_start,
            drop,
        )
    return Verdict("pass", "You keep your volume up to the end.", None, drop)


def _lead_in(p: PhrasePace, numbers: Sequence[PhoneNumber]) -> bool:
    """A short phrase just before the number ("you can reach me at"): said quickly on purpose."""
    return p.words < 6 and any(0 <= n.start - p.end <= 0.8 for n in numbers)


def _stretches(ctx: Context) -> Verdict | None:
    t = ctx.t
    phrases = [p for p in ctx.tonality.phrases if p.words >= t.min_phrase_words]
    if not phrases:
        return None
    rushed = [p for p in phrases if phrase_verdict(p, t) == "rushed" and not _lead_in(p, ctx.numbers)]
    dragging = [p for p in phrases if phrase_verdict(p, t) == "dragging"]
    if rushed:
        p = max(rushed, key=lambda p: p.words_per_minute)
        return Verdict(
            "warn",
            f'You speed up to {p.words_per_minute:.0f} words a minute at "{p.text}" ({clock(p.start)}); keep an even, unhurried pace.',
            p.start,
            p.words_per_minute,
        )
    if dragging:
        p = min(dragging, key=lambda p: p.words_per_minute)
        return Verdict(
            "warn",
            f'You slow to {p.words_per_minute:.0f} words a minute at "{p.text}" ({clock(p.start)}); know what comes next so the thread keeps moving.',
            p.start,
            p.words_per_minute,
        )
    rates = [p.words_per_minute for p in phrases]
    return Verdict(
        "pass",
        f"Your pace holds steady from phrase to phrase ({min(rates):.0f}-{max(rates):.0f} words a minute).",
    )


def _number_slowdown(ctx: Context) -> Verdict | None:
    ton = ctx.tonality
    ratio = ton.number_pace_ratio
    if ratio is None:
        return None
    dpm, rest = ton.number_digits_per_minute, ton.rest_words_per_minute
    if ratio > ctx.t.number_pace_ratio_max and dpm <= 60 * ctx.t.number_max_dps:
        # quicker than the rest, but at writing speed: number_pace says so; no "slow down" beside it
        return Verdict(
            "pass",
            f"Your number comes at writing speed ({dpm:.0f} digits a minute), though quicker than the rest of your message ({rest:.0f} words a minute).",
            None,
            ratio,
        )
    if ratio > ctx.t.number_pace_ratio_max:
        return Verdict(
            "warn",
            f"You said your number faster ({dpm:.0f} digits a minute) than the rest of your message ({rest:.0f} words a minute); slow down for the part they must write down.",
            None,
            ratio,
        )
    return Verdict(
        "pass",
        f"You slowed down for your number ({dpm:.0f} digits a minute against {rest:.0f} words a minute elsewhere).",
        None,
        ratio,
    )


def _pitch_variety(ctx: Context) -> Verdict | None:
    """The pitch range in its band; where the track gives no verdict, a warning that says why and
    weighs nothing (place "unsure"): a noisy line is not the rep's flat voice. Nothing without
    any voiced speech (silence: the message's own rows say so)."""
    ton, t = ctx.tonality, ctx.t
    if ton.pitch_range_st is None and not ton.voiced_s:
        return None
    why = pitch_unjudged(ton, t)
    if why is not None:
        value = ton.pitch_range_st
        return Verdict("warn", f"Couldn't judge your pitch: {why}.", None, value, unsure=True, place="unsure")
    st = ton.pitch_range_st
    place = Band(fail_low=t.flat_range_st, warn_low=t.monotone_range_st).place(st)
    return Verdict(place.split("_")[0], PITCH_MESSAGES[place].format(v=st, t=t), None, round(st, 4), place=place)


PITCH_MESSAGES = {
    "fail_low": "Your pitch stays on one note (a range of {v:.0f} semitones); let your voice rise on the words that matter, like your company and your reason.",
    "warn_low": "Your voice sounds flat (a pitch range of {v:.0f} semitones; lively speakers use {t.monotone_range_st:.0f} or more); stress the key words, like your reason for calling.",
    "pass": "Your pitch moves over a range of {v:.0f} semitones, which sounds engaged.",
}


def _energy(ctx: Context) -> Verdict | None:
    ton = ctx.tonality
    if ton.energy is None or pitch_range(ton, ctx.t) is None:
        return None  # half of it is the pitch range, which gives no verdict (pitch_variety says why)
    parts = ton.energy_parts
    names = {"pitch": "a flat pitch", "loudness": "an even volume", "pace": "a slow pace"}
    advice = {
        "pitch": "let your pitch rise on the key words",
        "loudness": "put a little more voice behind the key words",
        "pace": "pick up the pace a little",
    }
    weakest = min(("pitch", "loudness", "pace"), key=lambda k: getattr(parts, k))
    figures = f"pitch {parts.pitch}, loudness {parts.loudness}, pace {parts.pace}"
    if ton.energy < ctx.t.energy_low:
        return Verdict(
            "warn",
            f"Your delivery sounds low-energy ({ton.energy}/100: {figures}), mostly from {names[weakest]}; smile and {advice[weakest]}.",
            None,
            ton.energy,
        )
    return Verdict("pass", f"Your delivery has energy ({ton.energy}/100: {figures}).", None, ton.energy)


def _unsure(ctx: Context) -> Verdict:
    cl, t = ctx.clarity, ctx.t
    words = cl.unsure_words
    listing = ", ".join(f'"{w.text.strip(",.!?")}" ({clock(w.start)})' for w in words[:4])
    first = words[0].start if words else None
    if cl.unsure_share > t.unsure_fail_share:
        return Verdict(
            "fail",
            f"Many words are hard to make out ({cl.unsure_share:.0%}), like {listing}; slow down and open your mouth on each word.",
            first,
            cl.unsure_share,
        )
    if cl.unsure_share > t.unsure_warn_share or len(words) >= t.unsure_warn_words:
        return Verdict("warn", f"These may sound mumbled: {listing}; say them more clearly.", first, cl.unsure_share)
    return Verdict("pass", "Your words come through clearly.", None, cl.unsure_share)


def _band(ctx: Context) -> Verdict | None:
    """A note, not a fault (weight 0): a voicemail is heard at phone bandwidth anyway."""
    cl = ctx.clarity
    if not cl.telephone_band:
        return None
    band = f"up to {cl.bandwidth_hz / 1000:.1f} kHz" if cl.bandwidth_hz else f"{cl.source_rate / 1000:.0f} kHz sampling"
    return Verdict(
        "pass",
        f"Recorded at telephone bandwidth ({band}), as a voicemail sounds: s, f and th blur there, so articulate.",
        None,
        cl.bandwidth_hz,
    )


TONALITY: tuple[Check, ...] = (
    Check(
        "pitch_variety",
        0.75,
        reads=("flat_range_st", "monotone_range_st", *PITCH_READS),
        group="tonality",
        place_weight={"unsure": 0.0},  # "couldn't judge your pitch" costs nothing
        judge=_pitch_variety,
    ),
    Check(
        "phrase_endings",
        0.75,
        reads=("rising_ending_st", "continuation_pause_max_s"),
        group="tonality",
        judge=_endings,
    ),
    Check(
        "volume",
        0.5,
        reads=("quiet_fail_dbfs", "quiet_dbfs"),
        group="tonality",
        measure=lambda c: c.tonality.level_dbfs,
        band=lambda t, g: Band(fail_low=t.quiet_fail_dbfs, warn_low=t.quiet_dbfs),
        messages={
            "fail_low": "Your voice is very quiet ({v:.0f} dBFS); speak up and hold the phone close to your mouth.",
            "warn_low": "Your voice is quiet ({v:.0f} dBFS); speak up or move the phone closer.",
            "pass": "Your voice is at a good level ({v:.0f} dBFS).",
        },
    ),
    Check("trailing_off", 0.5, reads=("trailing_off_db",), group="tonality", judge=_trailing),
    Check(
        "pace_stretches",
        0.5,
        reads=("min_phrase_words", "rushed_phrase_wpm", "dragging_phrase_wpm"),
        group="tonality",
        judge=_stretches,
    ),
    Check(
        "number_slowdown",
        0.5,
        reads=("number_pace_ratio_max", "number_max_dps"),
        group="tonality",
        judge=_number_slowdown,
    ),
    Check("energy", 0.5, reads=(*PITCH_READS, "energy_low"), group="tonality", judge=_energy),
)

CLARITY: tuple[Check, ...] = (
    Check(
        "clear_words",
        0.5,
        reads=("unsure_fail_share", "unsure_warn_share", "unsure_warn_words"),
        group="clarity",
        judge=_unsure,
        from_words="how clearly your words came through",  # made-up words are unsure, not mumbled
    ),
    Check(
        "noise",
        0.5,
        reads=("snr_fail_db", "snr_warn_db"),
        group="clarity",
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
        reads=("clipped_warn_share", "clipped_fail_share"),
        group="clarity",
        measure=lambda c: c.clarity.clipped_share,
        band=lambda t, g: Band(warn_high=t.clipped_warn_share, fail_high=t.clipped_fail_share),
        messages={
            "fail_high": "Your recording distorts ({v:.1%} of the speech is clipped); hold the phone a little further away or speak less hard into it.",
            "warn_high": "Your loudest words distort slightly ({v:.2%} clipped); hold the phone a little further away.",
            "pass": "No distortion from clipping.",
        },
    ),
    Check("bandwidth", 0.0, group="clarity", judge=_band),
)

# The delivery checks: they weigh in the score but never gate it, and never outrank the content
DELIVERY = frozenset(c.id for c in TONALITY + CLARITY)
