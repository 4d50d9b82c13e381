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
a fast number), as is a saying read as another saying's number (below) when nothing confirmed
it. At telephone band (clarity.py: 8 kHz, or a call stored at a higher rate) every number must
be confirmed to pass, and by both listens of one saying.

Whisper pads every clip to a 30 s window, so each listen would cost a whole encoder run however
short the saying; each is heard first in a 15 s window instead (a quarter of the cost), and
again in 30 s only where that quick listen does not confirm the first listen's number.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from contextlib import nullcontext

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.heard import Stretch, heard_again, relisten_stretches
from reviewer.measures.number.find import digits_in_word, find_phone_numbers, is_subsequence
from reviewer.measures.number.listens import QUICK_WINDOW_S, Listens, clip_options, sayings
from reviewer.profile import Profile
from reviewer.recognition.engine import DecodeOptions, Transcriber
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio


@dataclasses.dataclass(frozen=True)
class SecondListen:
    transcript: Transcript  # the words, with a stretch replaced where the second listen found more
    disagreements: tuple[tuple[float, float, str], ...]  # (start, end, digits the second listen heard)
    replaced: tuple[tuple[float, float], ...]  # stretches whose words came from the second listen
    # stretches whose valid number(s) were not heard the same twice (two listens, or two sayings)
    unconfirmed: tuple[tuple[float, float], ...] = ()
    # stretches whose number only the second listen heard, unconfirmed: flagged at any rate
    guessed: tuple[tuple[float, float], ...] = ()
    # stretches whose number no saying's two listens (the plain and the digits-only) both heard:
    # at telephone band two digits-only listens agreeing is not enough, since they share a
    # decoder's slips ("858" heard "888" by both; eval/RESULTS.md)
    unconfirmed_by_both: tuple[tuple[float, float], ...] = ()
    # (start, end, digits) of each saying whose number its two listens both heard: at full band,
    # two such sayings of different numbers are the rep's two numbers, not a slip of the recogniser
    heard_by_both: tuple[tuple[float, float, str], ...] = ()


def _words_in(words: Sequence[Word], a: float, b: float) -> list[Word]:
    return [w for w in words if a <= (w.start + w.end) / 2 <= b]


def _valid(words: Sequence[Word], region: str, duration: float) -> list[str]:
    if not words:
        return []
    tr = Transcript(words=tuple(words), duration=duration, speech_regions=())
    return [n.digits for n in find_phone_numbers(tr, None, region) if n.valid]


def _reading(words: list[Word], region: str, duration: float) -> tuple[int, int]:
    """How well a second listen reads as numbers: (valid numbers, - digits left out of them)."""
    valid = _valid(words, region, duration)
    digits = sum(len(digits_in_word(w.text)) for w in words)
    return len(valid), sum(len(v) for v in valid) - digits


def _without_lead_in(again: list[Word], region: str, duration: float) -> list[Word]:
    """The second listen without a first digit it hardly heard (probability under 0.1) when the
    rest reads better as numbers: the tail of the word before the clip ("again") written as a
    digit, since every word must be one. A real first digit often has a low probability too,
    but without it the rest rarely reads better."""
    if len(again) > 1 and digits_in_word(again[0].text) and again[0].probability < 0.1:
        if _reading(again[1:], region, duration) > _reading(again, region, duration):
            return again[1:]
    return again


def _without_joiner(again: list[Word], region: str, duration: float) -> list[Word]:
    """Two sayings in one clip without the digit that stands for the word between them
    ("again" written "8"): one hardly heard digit (probability under 0.5) left out when the
    rest reads better as numbers."""
    digits = [i for i, w in enumerate(again) if digits_in_word(w.text)]
    if len(digits) < 14:
        return again
    best, score = again, _reading(again, region, duration)
    for i in digits:
        if again[i].probability < 0.5:
            trial = again[:i] + again[i + 1 :]
            if (found := _reading(trial, region, duration)) > score:
                best, score = trial, found
    return best


def _one_edit(a: str, b: str) -> tuple[str, int] | None:
    """The one edit that turns digits `a` into `b`: ("sub", i) a[i] changed, ("del", i) a[i]
    dropped, ("ins", i) b[i] added before a[i]; None when they are equal or further apart."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return ("sub", diff[0]) if len(diff) == 1 else None
    if len(a) == len(b) + 1:
        return next((("del", i) for i in range(len(a)) if a[:i] + a[i + 1 :] == b), None)
    if len(b) == len(a) + 1:
        return next((("ins", i) for i in range(len(b)) if b[:i] + b[i + 1 :] == a), None)
    return None


def _edited(words: list[Word], target: str) -> list[Word] | None:
    """`words` with their digits made `target` by one edit, each word keeping its times and
    trailing punctuation (a digit added between two digit words gets a word of its own)."""
    spots = [(k, o) for k, w in enumerate(words) for o in range(len(digits_in_word(w.text)))]
    have = "".join(digits_in_word(w.text) for w in words)
    edit = _one_edit(have, target)
    if edit is None or not spots:
        return None
    kind, i = edit
    out = list(words)

    def with_digits(w: Word, digits: str) -> Word:
        tail = w.text[len(w.text.rstrip(".,!?;:")) :]
        return dataclasses.replace(w, text=digits + tail)

    if kind == "ins" and (i == len(have) or len(digits_in_word(words[spots[i][0]].text)) == 1):
        k = spots[i - 1][0] + 1 if i == len(have) else spots[i][0]  # the new word goes before words[k]
        lo = out[k - 1].end if k > 0 else out[k].start
        hi = out[k].start if k < len(out) else out[-1].end
        if hi - lo < 0.1:  # no gap to put it in: it takes half of the word beside it
            j = k if k < len(out) else k - 1
            mid = round((out[j].start + out[j].end) / 2, 3)
            lo, hi = (out[j].start, mid) if j == k else (mid, out[j].end)
            out[j] = dataclasses.replace(out[j], **({"start": mid} if j == k else {"end": mid}))
        out.insert(k, Word(target[i], round(lo, 3), round(hi, 3), 0.0))
        return out
    k, o = spots[i]
    d = digits_in_word(out[k].text)
    if kind == "sub":
        d = d[:o] + target[i] + d[o + 1 :]
    elif kind == "del":
        d = d[:o] + d[o + 1 :]
    else:
        d = d[:o] + target[i] + d[o:]
    if not d:
        del out[k]
    else:
        out[k] = with_digits(out[k], d)
    return out


# A decoder's loop repeats a pattern of a few digits ("3 2 1 3 2 1 3 2 1 ..." for a number said
# once at 8 kHz): this many digits or more, each the same as the one a period (1-3) before it
LOOP_DIGITS = 9


def _looped(digits: str) -> bool:
    """The digits hold a loop: `LOOP_DIGITS` in a row repeating a pattern of one to three digits
    ("321321321"). A number that truly has one (1-888-888-8888) only loses the second opinion."""
    for period in (1, 2, 3):
        run = 0
        for i in range(len(digits) - period):
            run = run + 1 if digits[i] == digits[i + period] else 0
            if run + period >= LOOP_DIGITS:
                return True
    return False


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
    reconciled: bool = False  # neither listen read a number; the one heard in another saying fits both


# A saying neither listen read as a valid number: (its stretch, the first listen's words there,
# the second listen's).
_Unread = tuple[tuple[float, float], list[Word], list[Word]]


def second_listen(
    transcriber: Transcriber,
    audio: Audio,
    transcript: Transcript,
    options: DecodeOptions | None = None,
    region: str = "US",
    listens: Listens | None = None,
) -> SecondListen:
    """Each saying of a number decoded again with only digits allowed, and the two listens
    reconciled (the module's docstring says how). `listens` holds the decodes of this recording,
    some started ahead (listens.py); without it they are decoded here."""
    stretches = sayings(transcript)
    words = list(transcript.words)
    with Listens(transcriber, audio, options) if listens is None else nullcontext(listens) as decodes:
        heard = _listen_again(decodes, stretches, words, region, audio.duration)
    read: list[_Saying] = []
    unread: list[_Unread] = []
    for stretch, again in zip(stretches, heard):
        words, saying, not_read = _reconcile(words, stretch, again, region, audio.duration)
        read += [saying] if saying else []
        unread += [not_read] if not_read else []
    words = _read_as_heard_number(words, read, unread)
    return _verdicts(transcript, words, read)


def _listen_again(
    listens: Listens, stretches: list[tuple[float, float]], first: Sequence[Word], region: str, duration: float
) -> list[list[Word]]:
    """The digits-only listen of each saying. Each is decoded on its own, two at a time
    (`Listens`: the model serves two calls at once, and a clip's decode leaves a core idle that
    the other's uses). Each is heard first in a short encoder window (`QUICK_WINDOW_S`); where
    that listen confirms the number the first listen (`first`, the plain pass's words) heard
    there, it stands, and otherwise the saying is heard again in Whisper's full 30 s window,
    whose listen is the one reconciled."""
    quick = [listens.start(s, QUICK_WINDOW_S) for s in stretches]  # all under way (or done: ahead)
    chosen = [
        q if _confirms(_words_in(first, *s), q.result(), s, region, duration) else listens.start(s, None)
        for s, q in zip(stretches, quick)
    ]
    return [listen.result() for listen in chosen]


def _opinion(
    again: list[Word], stretch: tuple[float, float], region: str, duration: float
) -> tuple[list[Word], list[str] | None]:
    """A digits-only listen without a lead-in or joiner digit (above), and the valid numbers it
    heard: None when it gives no second opinion (a decoding loop, or several different numbers)."""
    a, b = stretch
    again = _without_joiner(_without_lead_in(again, region, duration), region, duration)
    heard = _valid(again, region, duration)
    digits = "".join(digits_in_word(w.text) for w in again)
    if len(digits) > 3.5 * (b - a) + 2 or len(set(heard)) > 1 or _looped(digits):
        return again, None
    return again, heard


def _agree(first: list[str], second: list[str] | None) -> bool:
    """The second listen's one valid number is the number (or numbers) the first heard."""
    return bool(first) and bool(second) and all(_same(d, second[0]) for d in first)


def _confirms(first: list[Word], again: list[Word], stretch: tuple[float, float], region: str, duration: float) -> bool:
    """The digits-only listen `again` confirms the number the first listen heard in the saying."""
    return _agree(_valid(first, region, duration), _opinion(again, stretch, region, duration)[1])


def _reconcile(
    words: list[Word], stretch: tuple[float, float], again: list[Word], region: str, duration: float
) -> tuple[list[Word], _Saying | None, _Unread | None]:
    """One saying's two listens reconciled: the words (with the second listen's where only it
    heard the number), the saying, or the saying neither listen read as a number."""
    again, v2 = _opinion(again, stretch, region, duration)
    first = _words_in(words, *stretch)
    v1 = _valid(first, region, duration)
    if v2 is None:
        return words, _Saying(stretch, v1[0] if v1 else None, None, False), None
    second = v2[0] if v2 else None
    confirmed = _agree(v1, v2)
    if second and (not v1 or len(v2) > len(v1) and confirmed):
        # only the second listen heard a number here, or heard a saying the first ran into the other
        fillers = [w for w in first if is_filler_word(w)]  # the filler pass's words stay
        kept = [w for w in words if w not in first]
        words = sorted([*kept, *fillers, *(w for w in again if not is_filler_word(w))], key=lambda w: w.start)
        return words, _Saying(stretch, second, second, confirmed, True), None
    if not v1:
        return words, None, ((stretch, first, again) if first and again else None)
    differs = (
        second
        if second and not confirmed and not any(is_subsequence(second, d) or is_subsequence(d, second) for d in v1)
        else None
    )
    return words, _Saying(stretch, v1[0], second, confirmed, differs=differs), None


def _read_as_heard_number(words: list[Word], sayings: list[_Saying], unread: list[_Unread]) -> list[Word]:
    """A saying neither listen read as a number, whose two listens differ from each other and each
    from a number heard in another saying by one digit (one added, lost or changed), is that
    number: the listens' slips are not shared, so neither is evidence of another number
    (Allison's "3 1 2 9 0 4 7 7 1 6" written "31294047716" and heard again "3 2 9 0 4 7 7 1 6").
    It is not confirmed by this: a number only two such readings give is still unsure. The
    reconciled sayings are added to `sayings`; returns the words."""
    heard = {s.number for s in sayings if s.number}
    for stretch, first, again in unread:
        d1, d2 = ("".join(digits_in_word(w.text) for w in ws) for ws in (first, again))
        fits = [n for n in heard if d1 != d2 and _one_edit(d1, n) and _one_edit(d2, n)]
        edited = _edited(first, fits[0]) if len(fits) == 1 else None
        if edited:
            words = sorted([w for w in words if w not in first] + edited, key=lambda w: (w.start, w.end))
            sayings.append(_Saying(stretch, fits[0], None, False, reconciled=True))
    return words


def _verdicts(transcript: Transcript, words: list[Word], sayings: list[_Saying]) -> SecondListen:
    """What the sayings add up to. Confirmed: both listens of one saying agree, or the second
    listens of two sayings do (each decoded on its own). Two sayings in the first listen are
    not: one decode wrote both, and Whisper copies the first saying into the second."""
    seconds = [s.second for s in sayings if s.second]
    both = {s.number for s in sayings if s.confirmed}
    sure = {n for n in seconds if seconds.count(n) >= 2} | both

    def outside(heard: set[str]) -> list[tuple[float, float]]:
        return [s.stretch for s in sayings if s.number and not any(_same(s.number, n) for n in heard)]

    unconfirmed, unconfirmed_by_both = outside(sure), outside(both)
    heard_by_both = [(*s.stretch, s.number) for s in sayings if s.confirmed and s.number]
    guessed = [s.stretch for s in sayings if (s.only_second or s.reconciled) and s.stretch in unconfirmed]
    disagreements = [
        (*s.stretch, s.differs) for s in sayings if s.differs and not any(_same(s.number, n) for n in sure)
    ]
    replaced = [s.stretch for s in sayings if s.only_second]
    out = dataclasses.replace(transcript, words=tuple(words)) if replaced else transcript
    return SecondListen(
        out,
        tuple(disagreements),
        tuple(replaced),
        tuple(unconfirmed),
        tuple(guessed),
        tuple(unconfirmed_by_both),
        tuple(heard_by_both),
    )


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
    from reviewer.measures import parts as cues

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
                opts = clip_options(
                    options,
                    int(8 * (clip[1] - clip[0])) + 10,  # 4 words a second, not a loop
                    initial_prompt=None,
                    window_prompt=hotwords,
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


__all__ = ["SecondListen", "second_listen", "profile_listen"]
