"""A second listen to the number: where digits were heard, that stretch of audio is decoded
again with a prompt that expects digits, and the two listens are reconciled.

Whisper loses digits in a number ("nine" heard as "I", a digit dropped at 8 kHz, a repeat
left out) far more often than it invents them, and a plain decode of a whole voicemail
weighs the digits against the words around them. Decoding only the number's stretch, told
that digits come, finds them more often. Reconciling:
- the second listen finds more valid numbers (a number where the first had 9 digits, or the
  repeat the first lost): its words replace the first listen's in that stretch;
- both find valid numbers but different ones: the number is unsure, and the review says so
  (`PhoneNumber.second_opinion`) instead of passing a number that may be wrong;
- otherwise the first listen stands.
The stretch runs from the end of the word before the digits to the start of the word after
them, so the words before the number are never part of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .audio import Audio
from .fillers import is_filler_word
from .phone import digits_in_word, find_phone_numbers, is_subsequence, number_stretches
from .transcribe import DecodeOptions, Transcriber, Transcript, Word

DIGIT_PROMPT = "Call me back at my number, said one digit at a time."


@dataclasses.dataclass(frozen=True)
class SecondListen:
    transcript: Transcript  # the words, with a stretch replaced where the second listen found more
    disagreements: tuple[tuple[float, float, str], ...]  # (start, end, digits the second listen heard)
    replaced: tuple[tuple[float, float], ...]  # stretches whose words came from the second listen
    # stretches whose valid number(s) the second listen did not hear the same (or only it heard)
    unconfirmed: tuple[tuple[float, float], ...] = ()


def _words_in(words: Sequence[Word], a: float, b: float) -> list[Word]:
    return [w for w in words if a <= (w.start + w.end) / 2 <= b]


def _valid(words: Sequence[Word], region: str, duration: float) -> list[str]:
    if not words:
        return []
    tr = Transcript(words=tuple(words), duration=duration, speech_regions=())
    return [n.digits for n in find_phone_numbers(tr, None, region) if n.valid]


def second_listen(
    transcriber: Transcriber,
    audio: Audio,
    transcript: Transcript,
    options: DecodeOptions | None = None,
    region: str = "US",
) -> SecondListen:
    words = list(transcript.words)
    disagreements: list[tuple[float, float, str]] = []
    replaced: list[tuple[float, float]] = []
    unconfirmed: list[tuple[float, float]] = []
    for a, b in number_stretches(transcript):
        opts = dataclasses.replace(
            options or DecodeOptions(),
            initial_prompt=DIGIT_PROMPT,
            window_prompt=None,
            vad_filter=False,
            temperature=(0.0,),
            without_timestamps=True,
            first_window_only=True,
            max_new_tokens=int(6 * (b - a)) + 12,  # a digit is 1-2 tokens: room for about 3 a second, not a loop
        )
        clip = (max(0.0, a), min(audio.duration, b))
        if clip[1] - clip[0] > 29.0:
            continue
        again = [w for w in transcriber.transcribe(audio, opts, clip=clip).words if a - 0.5 <= w.start <= b]
        first = _words_in(words, a, b)
        v1, v2 = _valid(first, region, audio.duration), _valid(again, region, audio.duration)
        d1 = "".join(digits_in_word(w.text) for w in first)
        d2 = "".join(digits_in_word(w.text) for w in again)
        if len(d2) > 3.5 * (b - a) + 2 or len(set(v2)) > 1 and not set(v2) & set(v1):
            unconfirmed.append((a, b))
            continue  # a decoding loop, or several different numbers: no second opinion
        if len(v2) > len(v1) and len(set(v2)) == 1 and is_subsequence(d1, d2):
            # the second listen only adds digits the first lost: its words replace the first's
            fillers = [w for w in first if is_filler_word(w)]  # the filler pass's words stay
            kept = [w for w in words if w not in first]
            words = sorted([*kept, *fillers, *(w for w in again if not is_filler_word(w))], key=lambda w: w.start)
            replaced.append((a, b))
            unconfirmed.append((a, b))
            continue
        if any(not any(d.endswith(e) or e.endswith(d) for e in v2) for d in v1):
            unconfirmed.append((a, b))
        other = [d for d in v2 if not any(d.endswith(e) or e.endswith(d) for e in v1)]
        if other and not any(is_subsequence(o, d) or is_subsequence(d, o) for o in v1 for d in other):
            disagreements.append((a, b, other[0]))
    out = dataclasses.replace(transcript, words=tuple(words)) if replaced else transcript
    return SecondListen(out, tuple(disagreements), tuple(replaced), tuple(unconfirmed))


__all__ = ["SecondListen", "second_listen", "DIGIT_PROMPT"]
