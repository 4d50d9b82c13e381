"""Phone numbers in a transcript, and how they were spoken: pace, digit groups, repeats.

A rep's number is the one part of a voicemail the prospect must write down, so the rubric
asks for it at writing speed (about 2 digits/s), in audible 3-3-4 groups, said twice.
Whisper writes a spoken number in many ways ("7," "6," ..., "-6", "763-416-4321", one
token "7634164321", "seven six three", "(763)", "oh" for 0), and its word times for a
number written as one token can be far off (ASR-NOTES.md: an implied 18.5 digits/s where
the truth was 5). So we read every written form, and when the audio is at hand we measure
the span and the pauses between groups from the energy envelope instead of trusting words.

The work is in three steps, one module each, and this one puts a number together:

- digits.py: spoken digits, the words read as digit units and runs of them;
- valid.py: which runs are numbers (`phonenumbers`), split or trimmed where needed;
- timing.py: span, digits per second, groups and pauses, from the audio or the words.

Pure functions on Transcript and Audio: nothing here imports faster-whisper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from reviewer.measures.number.digits import (
    _DIG,
    _SOFT,
    HeardDigits,
    _classify,
    _combine,
    _digits,
    _homophones,
    _Item,
    _looks_like_years,
    _runs,
    digit_sayings,
    digits_in_word,
    is_subsequence,
    number_sayings,
    number_stretches,
    saying_digits,
    stray_digits,
)
from reviewer.measures.number.timing import (
    DigitGroup,
    PhoneOptions,
    _Envelope,
    _envelope,
    _find_groups,
    _leading_one_apart,
    _refine_span,
    _time_digits,
)
from reviewer.measures.number.valid import (
    _drop_stray_edge,
    _national_cuts,
    _parse,
    _same_number,
    _settle_tentative,
    _split,
    group_sizes,
)
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

__all__ = [
    "DigitGroup",
    "EXTENSION_WORDS",
    "HeardDigits",
    "PhoneNumber",
    "PhoneOptions",
    "find_phone_numbers",
    "digit_sayings",
    "digits_in_word",
    "group_sizes",
    "heard_pace",
    "is_subsequence",
    "saying_digits",
    "stray_digits",
    "number_stretches",
    "number_sayings",
]


@dataclass(frozen=True)
class PhoneNumber:
    """One spoken phone number, with the timing the rubric judges (pace, groups, repeats)."""

    digits: str  # the digits as said, e.g. "7634164321"
    e164: str | None  # "+17634164321" when phonenumbers reads a complete number, else None
    valid: bool  # phonenumbers.is_valid_number; a fictional number is kept with False
    start: float  # s, span of the spoken number (from the audio when timing_source == "audio")
    end: float  # s
    digits_per_second: float  # len(digits) / (end - start)
    groups: tuple[DigitGroup, ...]
    group_pauses: tuple[float, ...]  # s, silence between consecutive groups (len(groups) - 1)
    word_indices: tuple[int, ...]  # indices into transcript.words (fillers inside the number too)
    times_said: int  # how many times this number occurs in the message
    occurrence: int  # 1 for the first time it is said, 2 for the repeat, ...
    # "words": Whisper's word times; "audio": span refined by the energy envelope;
    # "words-unreliable": word times imply > max_plausible_dps and no audio could check them;
    # "implausible": even the audio's span gives over max_spoken_dps, so more digits were
    # written than were said there (a decoder's loop): no pace of the rep's.
    timing_source: str
    # How the groups were found (timing._find_groups): "audio" (silences in the envelope; one
    # group where it has none), "word-gaps" (gaps between word times), "text" (how Whisper wrote
    # it: "763-416-4321", "763," "416,"), "pattern" (3-3-4 by length, or the country's grouping),
    # "none" (one group). Only "audio" and "word-gaps" are evidence of audible pauses. A leading
    # "1" (1-800-...) is always a group of its own, with a pause of 0.0 after it where none was heard.
    grouping_source: str = "none"
    extension: str | None = None  # digits said after "extension" / "ext." right after the number
    # The digits a second, digit-prompted listen to this stretch heard, where they differ (second_listen.py)
    second_opinion: str | None = None
    # False when this number was not heard the same twice (two listens or two sayings; second_listen.py):
    # judged on telephone-band audio, and at any rate for a number only the second listen heard
    confirmed: bool | None = None


def _build(
    run: list[_Item], words: Sequence[Word], duration: float, env: _Envelope | None, region: str, opts: PhoneOptions
) -> PhoneNumber:
    tm = _time_digits(run)
    d = tm.digits
    n = len(d)
    dig = [it for it in run if it.kind in _DIG]
    ws, we = dig[0].start, dig[-1].end
    unreliable = n / max(we - ws, 1e-3) > opts.max_plausible_dps
    indices = sorted(i for it in run for i in it.words)
    start, end, source = ws, we, "words-unreliable" if unreliable else "words"
    span = None
    if env is not None and env.usable:
        first, last = indices[0], indices[-1]
        prev_end = words[first - 1].end if first > 0 else 0.0
        next_start = words[last + 1].start if last + 1 < len(words) else max(duration, we)
        span = _refine_span(env, ws, we, prev_end, next_start, n, unreliable, opts)
    if span is not None:
        start, end, source = float(span[0]), float(span[1]), "audio"
        if unreliable and we > ws:  # move the guessed digit times onto the measured span
            scale = (end - start) / (we - ws)
            tm.t0, tm.t1 = start + (tm.t0 - ws) * scale, start + (tm.t1 - ws) * scale
        tm.t0, tm.t1 = np.clip(tm.t0, start, end), np.clip(tm.t1, start, end)
        tm.t0[0], tm.t1[-1] = start, end
    e164, valid = _parse(d, run[0].plus, region)
    groups, pauses, grouping = _find_groups(
        tm, env, span and (start, end), not unreliable, _national_cuts(d, run[0].plus, region), opts
    )
    if len(d) in (8, 11) and d[0] == "1" and (e164 or "+1").startswith("+1"):
        groups, pauses = _leading_one_apart(tm, groups, pauses)
    if span is not None and n / max(end - start, 0.05) > opts.max_spoken_dps:
        source = "implausible"  # more digits written than anyone says in the speech measured
    return PhoneNumber(
        digits=d,
        e164=e164,
        valid=valid,
        start=round(start, 3),
        end=round(end, 3),
        digits_per_second=round(n / max(end - start, 0.05), 3),
        groups=tuple(groups),
        group_pauses=tuple(pauses),
        word_indices=tuple(indices),
        times_said=1,
        occurrence=1,
        timing_source=source,
        grouping_source=grouping,
    )


def find_phone_numbers(
    transcript: Transcript,
    audio: Audio | Signal | None = None,
    region: str = "US",
    options: PhoneOptions | None = None,
) -> tuple[PhoneNumber, ...]:
    """Every phone number said in the transcript, in time order, with pace, groups and repeats.

    With `audio`, the span and the pauses between groups are measured on the energy envelope,
    because Whisper's times for a number written as one token can be far off (a review's
    `Signal` in place of the audio shares its frame power).
    """
    opts = options or PhoneOptions()
    words = transcript.words
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(words)]))
    candidates = [
        _drop_stray_edge(_settle_tentative(part, region), region)
        for run in _runs(items, opts.max_word_gap_s)
        for part in _split(run, region, opts.min_digits)
    ]
    candidates = [c for c in candidates if c and not _after_extension(items, c)]
    candidates = [c for c in candidates if len(_digits(c)) >= opts.min_digits and not _looks_like_years(c)]
    if not candidates:
        return ()
    env = _envelope(audio, opts) if audio is not None else None
    sound = audio.audio if isinstance(audio, Signal) else audio
    duration = transcript.duration or (sound.duration if sound is not None else 0.0)
    found = [_build(c, words, duration, env, region, opts) for c in candidates]

    clusters: list[list[int]] = []
    for i, num in enumerate(found):
        for cl in clusters:
            if any(_same_number(found[j].digits, num.digits, opts.min_digits) for j in cl):
                cl.append(i)
                break
        else:
            clusters.append([i])
    out = list(found)
    for cl in clusters:
        for occ, i in enumerate(cl, 1):
            out[i] = replace(found[i], times_said=len(cl), occurrence=occ, extension=_extension(items, found[i]))
    return tuple(out)


def heard_pace(heard: HeardDigits, options: PhoneOptions | None = None) -> float | None:
    """Digits a second of digits heard where no number could be read: a floor on the pace said,
    since a digit lost only makes it faster; None where the words' times give more than
    `max_plausible_dps` (Whisper squeezed them: no pace of the rep's)."""
    dps = heard.digits / max(heard.end - heard.start, 0.05)
    return round(dps, 3) if dps <= (options or PhoneOptions()).max_plausible_dps else None


EXTENSION_WORDS = frozenset({"extension", "ext", "x"})  # the words that lead into an extension
_EXTENSION_WITH_DIGITS = re.compile(r"(?:extension|ext|x)\.?(\d{1,6})", re.I)  # "x204", "ext.204" as one word
MAX_EXTENSION_DIGITS = 6  # an extension longer than this is a number of its own


def _extension_word(item: _Item) -> bool:
    return re.sub(r"[^a-z]", "", item.raw.lower()) in EXTENSION_WORDS


def _after_extension(items: list[_Item], candidate: list[_Item]) -> bool:
    """The candidate's digits follow a number and "extension" / "ext." / "x": the extension of
    that number, not a number of its own (its digits are never counted as a number's). An "X"
    with no number before it is a word ("Sale Market X, 5 0 3 ...")."""

    def before(k: int) -> int:
        k -= 1
        while k >= 0 and items[k].kind in _SOFT:
            k -= 1
        return k

    k = before(next(i for i, it in enumerate(items) if it is candidate[0]))
    return k >= 0 and _extension_word(items[k]) and before(k) >= 0 and items[before(k)].kind in _DIG


def _extension(items: list[_Item], number: PhoneNumber) -> str | None:
    """Digits said right after the number, behind "extension" / "ext." ("... 4321, extension 204",
    "x204"), kept apart from the number's."""
    last = number.word_indices[-1]
    k = next((k for k, it in enumerate(items) if last in it.words), None)
    if k is None:
        return None
    k += 1
    while k < len(items) and items[k].kind in _SOFT:
        k += 1
    if k < len(items) and (joined := _EXTENSION_WITH_DIGITS.fullmatch(items[k].raw.rstrip(".,!?;:"))):
        return joined.group(1)
    if k >= len(items) or not _extension_word(items[k]):
        return None
    digits, k = "", k + 1
    while k < len(items) and (items[k].kind in _DIG or items[k].kind in _SOFT):
        digits += items[k].digits if items[k].kind in _DIG else ""
        k += 1
        if len(digits) >= MAX_EXTENSION_DIGITS:
            break
    return digits or None
