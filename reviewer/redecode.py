"""A second listen to the number: each saying of a number is decoded again, on its own, with
only digits allowed, and the listens are reconciled.

Whisper loses digits in a number far more often than it invents them: "nine" heard as "I",
"five" as "I'm", "zero" as "Nero", a digit dropped at 8 kHz. A plain decode weighs the digits
against the words around them; decoding only a saying's stretch of audio with every token
but digits, digit words and separators suppressed makes it choose the digit it heard. The
stretch (`phone.number_sayings`) takes in the short words between and beside the digits
that may be such digits, but never the words that lead into the number ("call me at").
Reconciling, per saying:
- the first listen has no valid number there and the second has one: the second's words
  replace the first's (a number where the first wrote "I'm" for a digit, or lost one);
- both hear the same number: it is confirmed;
- both hear valid numbers but different ones: the number is unsure, and the review says so
  (`PhoneNumber.second_opinion`) instead of passing a number that may be wrong.
A number is confirmed when both listens of one saying hear it, or the second listens of two
sayings do (each decoded on its own); two sayings in the first listen are not enough, since
one decode wrote both. A number only the second listen heard and nothing confirmed is
`guessed`: flagged at any sample rate (a digit it adds back can be wrong: "9" heard as "1" in
a fast number). At 8 kHz every number must be confirmed to pass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .audio import Audio
from .fillers import is_filler_word
from .phone import digits_in_word, find_phone_numbers, is_subsequence, number_sayings
from .transcribe import DecodeOptions, Transcriber
from .words import Transcript, Word

DIGIT_PROMPT = "Call me back at my number, said one digit at a time."


@dataclasses.dataclass(frozen=True)
class SecondListen:
    transcript: Transcript  # the words, with a stretch replaced where the second listen found more
    disagreements: tuple[tuple[float, float, str], ...]  # (start, end, digits the second listen heard)
    replaced: tuple[tuple[float, float], ...]  # stretches whose words came from the second listen
    # stretches whose valid number(s) were not heard the same twice (two listens, or two sayings)
    unconfirmed: tuple[tuple[float, float], ...] = ()
    # stretches whose number only the second listen heard, unconfirmed: flagged at any rate
    guessed: tuple[tuple[float, float], ...] = ()


def _words_in(words: Sequence[Word], a: float, b: float) -> list[Word]:
    return [w for w in words if a <= (w.start + w.end) / 2 <= b]


def _valid(words: Sequence[Word], region: str, duration: float) -> list[str]:
    if not words:
        return []
    tr = Transcript(words=tuple(words), duration=duration, speech_regions=())
    return [n.digits for n in find_phone_numbers(tr, None, region) if n.valid]


def _without_lead_in(again: list[Word], region: str, duration: float) -> list[Word]:
    """The second listen without a first digit it hardly heard (probability under 0.1) when the
    rest is a valid number: the tail of the word before the clip ("again") written as a digit,
    since every word must be one. A real first digit often has a low probability too, but
    without it the rest is rarely a valid number."""
    if len(again) > 1 and digits_in_word(again[0].text) and again[0].probability < 0.1:
        if _valid(again[1:], region, duration):
            return again[1:]
    return again


def _same(d: str, e: str) -> bool:
    """The same number, with or without a country or trunk prefix."""
    return d.endswith(e) or e.endswith(d)


@dataclasses.dataclass
class _Saying:
    stretch: tuple[float, float]
    number: str | None  # the valid number this saying ends up with
    second: str | None  # the one valid number the second listen heard, if it heard one
    confirmed: bool  # both listens heard it
    only_second: bool = False  # the number came from the second listen alone
    differs: str | None = None  # a different valid number the second listen heard


def second_listen(
    transcriber: Transcriber,
    audio: Audio,
    transcript: Transcript,
    options: DecodeOptions | None = None,
    region: str = "US",
) -> SecondListen:
    words = list(transcript.words)
    sayings: list[_Saying] = []
    for a, b in number_sayings(transcript):
        if b - a > 29.0 or b - a < 0.3:
            continue
        opts = dataclasses.replace(
            options or DecodeOptions(),
            initial_prompt=DIGIT_PROMPT,
            window_prompt=None,
            vad_filter=False,
            temperature=(0.0,),
            without_timestamps=True,
            first_window_only=True,
            digits_only=True,
            max_new_tokens=int(6 * (b - a)) + 12,  # a digit is 1-2 tokens: room for about 3 a second, not a loop
        )
        again = [w for w in transcriber.transcribe(audio, opts, clip=(a, b)).words if a - 0.5 <= w.start <= b]
        again = _without_lead_in(again, region, audio.duration)
        first = _words_in(words, a, b)
        v1, v2 = _valid(first, region, audio.duration), _valid(again, region, audio.duration)
        d2 = "".join(digits_in_word(w.text) for w in again)
        if len(d2) > 3.5 * (b - a) + 2 or len(set(v2)) > 1:
            # a decoding loop, or several different numbers: no second opinion
            sayings.append(_Saying((a, b), v1[0] if v1 else None, None, False))
            continue
        second = v2[0] if v2 else None
        confirmed = bool(v1) and second is not None and all(_same(d, second) for d in v1)
        if second and (not v1 or len(v2) > len(v1) and confirmed):
            # only the second listen heard a number here, or heard a saying the first ran into the other
            fillers = [w for w in first if is_filler_word(w)]  # the filler pass's words stay
            kept = [w for w in words if w not in first]
            words = sorted([*kept, *fillers, *(w for w in again if not is_filler_word(w))], key=lambda w: w.start)
            sayings.append(_Saying((a, b), second, second, confirmed, True))
            continue
        if not v1:
            continue
        differs = (
            second
            if second and not confirmed and not any(is_subsequence(second, d) or is_subsequence(d, second) for d in v1)
            else None
        )
        sayings.append(_Saying((a, b), v1[0], second, confirmed, differs=differs))
    # Confirmed: both listens of one saying agree, or the second listens of two sayings do (each
    # decoded on its own). Two sayings in the first listen are not: one decode wrote both, and
    # Whisper copies the first saying into the second.
    seconds = [s.second for s in sayings if s.second]
    sure = {n for n in seconds if seconds.count(n) >= 2} | {s.number for s in sayings if s.confirmed}
    unconfirmed = [s.stretch for s in sayings if s.number and not any(_same(s.number, n) for n in sure)]
    guessed = [s.stretch for s in sayings if s.only_second and s.stretch in unconfirmed]
    disagreements = [
        (*s.stretch, s.differs) for s in sayings if s.differs and not any(_same(s.number, n) for n in sure)
    ]
    replaced = [s.stretch for s in sayings if s.only_second]
    out = dataclasses.replace(transcript, words=tuple(words)) if replaced else transcript
    return SecondListen(out, tuple(disagreements), tuple(replaced), tuple(unconfirmed), tuple(guessed))


__all__ = ["SecondListen", "second_listen", "DIGIT_PROMPT"]
