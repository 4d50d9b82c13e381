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
from .profile import Profile, Stretch, heard_again, relisten_stretches
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


# A second listen for the profile's words hears a clip cut in the gaps between words, from about
# this far before the words heard differently to this far after them; the wide clip first (more
# context: measured steadier), then the narrow one. Shorter clips cut at arbitrary times came out
# as "Week." or "Thanks for watching." (README, "Your profile").
PROFILE_CLIPS_S = ((5.0, 1.0), (1.0, 0.5))


def _clip_in_gaps(words: Sequence[Word], start: float, end: float, before: float, after: float, duration: float):
    """(a, b) s: from the gap before the first word that ends within `before` s of `start`, to the gap
    after the last word that starts within `after` s of `end`."""
    i = next((k for k, w in enumerate(words) if w.end > start - before), 0)
    j = max((k for k, w in enumerate(words) if w.start < end + after), default=len(words) - 1)
    a = (words[i - 1].end + words[i].start) / 2 if i > 0 else max(0.0, words[0].start - 0.3)
    b = (words[j].end + words[j + 1].start) / 2 if j + 1 < len(words) else min(duration, words[j].end + 0.3)
    return round(a, 3), round(b, 3)


def profile_listen(
    transcriber: Transcriber,
    audio: Audio,
    transcript: Transcript,
    profile: Profile | None,
    options: DecodeOptions | None = None,
) -> tuple[Transcript, tuple[Stretch, ...]]:
    """A second listen for the rep's own name and company: where they were not heard as the
    profile spells them, the stretch around what was heard there is decoded again with the
    profile's name and company as words to expect (faster-whisper's `hotwords`), and where the
    profile's words come out they replace the words first heard there. Nothing else changes:
    told the words for the whole message, Whisper looped on a dictated number and wrote
    sign-offs nobody said (README, "Your profile"). Returns the words and the stretches whose
    words were replaced."""
    if profile is None or not (profile.name or profile.company) or not transcript.words:
        return transcript, ()
    from . import cues

    hotwords = profile.hotwords()
    words = list(transcript.words)
    heard: dict[tuple[float, float], list[Word]] = {}  # clip -> its words, each clip decoded once
    replaced: list[Stretch] = []
    for stretch in relisten_stretches(cues.tokens_from_transcript(transcript), profile):
        if any(r.start <= stretch.start <= r.end or stretch.start <= r.start <= stretch.end for r in replaced):
            continue
        for before, after in PROFILE_CLIPS_S:
            clip = _clip_in_gaps(transcript.words, stretch.start, stretch.end, before, after, audio.duration)
            if clip[1] - clip[0] > 29.0:
                continue
            if clip not in heard:
                opts = dataclasses.replace(
                    options or DecodeOptions(),
                    initial_prompt=None,
                    window_prompt=hotwords,
                    vad_filter=False,
                    temperature=(0.0,),
                    without_timestamps=True,
                    first_window_only=True,
                    max_new_tokens=int(8 * (clip[1] - clip[0])) + 10,  # 4 words a second, not a loop
                )
                again = transcriber.transcribe(audio, opts, clip=clip).words
                heard[clip] = [w for w in again if not is_filler_word(w)]
            again = heard[clip]
            tokens = cues.tokens_from_transcript(Transcript(tuple(again), audio.duration))
            found = heard_again(stretch, tokens)
            if found is None:
                continue
            t0, t1 = tokens.toks[found.first].start, tokens.toks[found.last - 1].end
            new = [w for w in again if t0 <= (w.start + w.end) / 2 <= t1]
            a, b = min(stretch.start, t0), max(stretch.end, t1)
            old = [w for w in words if not is_filler_word(w) and a <= (w.start + w.end) / 2 <= b]
            if not new or len(old) > len(new) + 2:  # the times do not line up: leave the words as heard
                continue
            # the punctuation after the words stays what the first listen wrote ("Payroll," not "Payroll.")
            tail = old[-1].text[len(old[-1].text.rstrip(".,!?;:")) :]
            new[-1] = dataclasses.replace(new[-1], text=new[-1].text.rstrip(".,!?;:") + tail)
            words = sorted([w for w in words if w not in old] + new, key=lambda w: (w.start, w.end))
            replaced.append(stretch)
            break
    out = dataclasses.replace(transcript, words=tuple(words)) if replaced else transcript
    return out, tuple(replaced)


__all__ = ["SecondListen", "second_listen", "profile_listen", "DIGIT_PROMPT"]
