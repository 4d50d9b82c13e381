"""Catch the fillers Whisper hides: a filler-prompted pass, guarded, confirmed by the audio.

Whisper is trained on transcripts that leave "uh" and "um" out, so its plain pass drops most
of them (ASR-NOTES.md). Told that the speech has fillers (a prompt of fillers before every
30 s window) it writes them, but the prompt can break the rest of the transcript: text lost
after the middle, digit loops, invented closings, invented "uh" in noise. So:

1. the plain pass stays the transcript: every word, count, pace and number comes from it;
2. the prompted pass (`transcribe.prompted_pass`) decodes the same speech, beside the plain
   pass (Reviewer runs the two at once: on 2 cores the plain pass leaves one mostly idle);
   only its fillers are used;
3. guards compare it with the plain pass and the VAD, stretch by stretch (about 10 s), and
   set aside a stretch whose prompted text is broken (fewer words, ending early, repeating,
   words after the speech, a closing nobody said): that stretch falls back to the fillers
   the plain pass wrote;
4. each filler must be heard: a held central vowel near its stamp (fillers/audio.py) places
   it and gives high confidence; a voiced stamp without one gives lower confidence; a stamp
   on silence or hiss is rejected;
5. accepted fillers are inserted into the plain words by time, never replacing a word.

What was measured, and what was tried and dropped (the held vowels as a detector on their
own, decoding a broken stretch again, tiny.en as the filler model for base, reusing the
plain pass's encoder output instead of running beside it): eval/RESULTS.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.measures.fillers.audio import HeldVowel, VoiceTrack, held_vowels, voice_track, voiced_fraction
from reviewer.measures.fillers.transcript import Filler, is_filler_word, normalise
from reviewer.measures.number.digits import DIGIT_WORDS
from reviewer.measures.settings import Detection
from reviewer.recognition.engine import DecodeOptions, Transcriber
from reviewer.recognition.passes import FILLER_PROMPT, prompted_pass  # the pass, re-exported
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

FILLER_MODES = ("full", "fast")  # full: prompted pass + guards + audio check; fast: the plain pass's fillers only
# What a prompted pass invents at the end of a message (ASR-NOTES.md), normalised words.
CLOSINGS = (
    ("see", "you", "next", "time"),
    ("thanks", "for", "watching"),
    ("thank", "you", "for", "watching"),
    ("thanks", "for", "listening"),
    ("bye",),
    ("goodbye",),
    ("bye", "bye"),
    ("thank", "you"),
    ("see", "you"),
    ("take", "care"),
)
GUARD_SPAN_S = 10.0  # s, the guards judge the prompted pass one stretch this long at a time
LISTEN_S = 2.0  # s either side of a filler stamp that the audio check analyses
CONFIDENCE_HELD = 0.9  # a filler placed on a held central vowel
CONFIDENCE_VOICED = 0.6  # a prompted filler on voiced sound without a held vowel

__all__ = [
    "FILLER_MODES",
    "FILLER_PROMPT",
    "GuardTrip",
    "FillerDetection",
    "detect_fillers",
    "combine_fillers",
    "screen",
    "trim_trailing_fillers",
    "prompted_pass",
    "stretches",
    "check_guards",
    "guard_word_drop",
    "guard_ends_early",
    "guard_repeats",
    "guard_after_speech",
    "guard_invented_closing",
    "longest_repeat",
]


@dataclass(frozen=True)
class GuardTrip:
    """A guard that set the prompted pass aside for one stretch of the recording."""

    guard: str  # word_drop | ends_early | repeats | after_speech | invented_closing
    start: float  # s, the stretch whose prompted fillers were not used
    end: float  # s
    detail: str  # what was seen, for a person reading the eval or a bug report


@dataclass(frozen=True)
class FillerDetection:
    """The fillers found, the transcript they were merged into, and what was set aside."""

    fillers: tuple[Filler, ...]
    transcript: Transcript  # the plain words plus the accepted fillers; passes says which passes ran
    guards: tuple[GuardTrip, ...]  # stretches where the prompted pass was broken
    rejected: tuple[Filler, ...]  # prompted fillers without voiced sound under them


def detect_fillers(
    transcriber: Transcriber,
    audio: Audio,
    plain: Transcript,
    t: Detection,
    options: DecodeOptions | None = None,
    prompted: Transcript | None = None,
    signal: Signal | None = None,
) -> FillerDetection:
    """Combine the plain pass with the filler-prompted pass (run here unless `prompted` is
    given: Reviewer runs it beside the plain pass, on the core the plain pass leaves idle).
    `signal` holds the audio's measurements (the pitch and intensity the fillers are checked on)."""
    if prompted is None:
        prompted = prompted_pass(transcriber, audio, options, regions=signal.speech_regions if signal else None)
    screened = screen(plain, prompted.words, t)
    trusted = [(span, words) for span, words, found in screened if not found]
    trips = tuple(g for _, _, found in screened for g in found)
    stamps = [w for w in plain.words if is_filler_word(w)] + [w for _, ws in trusted for w in ws if is_filler_word(w)]
    track = voice_track(audio, around=[(w.start - LISTEN_S, w.end + LISTEN_S) for w in stamps], signal=signal)
    return combine_fillers(plain, trusted, track, t, trips)


def screen(
    plain: Transcript, prompted: Sequence[Word], t: Detection, spans: Sequence[tuple[float, float]] | None = None
) -> list[tuple[tuple[float, float], tuple[Word, ...], tuple[GuardTrip, ...]]]:
    """Pure: for each stretch, the prompted words in it and the guards they trip."""
    spans = spans if spans is not None else stretches(plain)
    prompted = trim_trailing_fillers(prompted, plain)
    out = []
    for a, b in spans:
        p_words = [w for w in plain.words if a <= w.start < b]
        q_words = tuple(w for w in prompted if a <= w.start < b)
        # A number written as one token ("045821937") spans stretches and one pass may write
        # it that way and the other digit by digit: the guards count the prompted words that
        # overlap the stretch, and the plain digits of a stretch 3 s wider.
        q_over = [w for w in prompted if w.end > a and w.start < b]
        regions = tuple(r for r in plain.speech_regions if r[1] > a and r[0] < b)
        p_digits = _digits([w for w in plain.words if w.end > a - 3.0 and w.start < b + 3.0])
        out.append(
            (
                (a, b),
                q_words,
                check_guards(
                    p_words, q_over, regions, (a, b), t, last_stretch=b >= plain.duration, plain_digits=p_digits
                ),
            )
        )
    return out


def trim_trailing_fillers(prompted: Sequence[Word], plain: Transcript) -> tuple[Word, ...]:
    """Drop the "uh, uh, uh" a prompted pass often ends with after the last word anyone said
    (both models do it on the eval set): nothing is there to confirm, and it should not make
    the guards discard the good text before it. Words (not fillers) after the speech are left
    for the guards to see."""
    if not plain.words:
        return tuple(prompted)
    last = plain.words[-1].end - 0.05
    words = list(prompted)
    while words and is_filler_word(words[-1]) and words[-1].start >= last:
        words.pop()
    return tuple(words)


def combine_fillers(
    plain: Transcript,
    trusted: Sequence[tuple[tuple[float, float], Sequence[Word]]],
    track: VoiceTrack,
    t: Detection,
    trips: tuple[GuardTrip, ...] = (),
    passes: tuple[str, ...] = ("plain", "prompted", "acoustic"),
) -> FillerDetection:
    """Pure: each filler of the trusted prompted stretches checked against the audio, then
    merged by time into the plain words (never replacing one). The plain pass's own fillers
    are kept, moved onto their held vowel when one is near (tiny.en stamps them late)."""
    held = held_vowels(track, t, _padded(plain.speech_regions, 0.2) if plain.speech_regions else None)
    everything = (0.0, max(plain.duration, track.times[-1] if len(track.times) else 0.0))
    asr: list[Filler] = []
    asr_stamps = [w for w in plain.words if is_filler_word(w)]
    for i, w in enumerate(plain.words):
        if is_filler_word(w):
            before, after = _neighbours(plain.words, i)
            f = _place(w, before, after, everything, held, track, t, [(g.start, g.end) for g in asr], plain.words)
            on_vowel = f is not None and f.confidence == CONFIDENCE_HELD
            asr.append(
                Filler(
                    normalise(w.text),
                    f.start if on_vowel else w.start,
                    f.end if on_vowel else w.end,
                    "asr",
                    w.probability,
                )
            )
    accepted: list[Filler] = []
    rejected: list[Filler] = []
    for (a, b), q_words in trusted:
        q_words = list(q_words)
        for i, w in enumerate(q_words):
            if not is_filler_word(w):
                continue
            if any(abs(w.start - x.start) < 0.5 for x in asr_stamps):
                continue  # the plain pass wrote this one already
            before, after = _neighbours(q_words, i)
            taken = [(g.start, g.end) for g in (*asr, *accepted)]
            f = _place(w, before, after, (a, b), held, track, t, taken, q_words)
            if f is None:
                rejected.append(Filler(normalise(w.text), w.start, w.end, "prompted", 0.0))
            elif not any(_overlaps(f, g, 0.0) for g in (*asr, *accepted)):
                accepted.append(f)
    fillers = tuple(sorted((*asr, *accepted), key=lambda f: f.start))
    words = tuple(
        sorted(
            (
                *(w for w in plain.words if not is_filler_word(w)),
                *(Word(f.text, f.start, f.end, f.confidence) for f in fillers),
            ),
            key=lambda w: (w.start, w.end),
        )
    )
    if not trusted:
        passes = tuple(p for p in passes if not p.startswith("prompted"))
    merged = dataclasses.replace(plain, words=words, passes=passes)
    return FillerDetection(fillers, merged, trips, tuple(rejected))


def _neighbours(words: Sequence[Word], i: int) -> tuple[Word | None, Word | None]:
    """The nearest non-filler words before and after words[i]."""
    before = next((x for x in reversed(words[:i]) if not is_filler_word(x)), None)
    after = next((x for x in words[i + 1 :] if not is_filler_word(x)), None)
    return before, after


def _place(
    w: Word,
    before: Word | None,
    after: Word | None,
    span: tuple[float, float],
    held: Sequence[HeldVowel],
    track: VoiceTrack,
    t: Detection,
    taken: Sequence[tuple[float, float]] = (),
    words: Sequence[Word] = (),
) -> Filler | None:
    """Where a filler Whisper wrote really is, or None when nothing was said there (an
    invented "uh" on silence or hiss).

    In order: a held vowel under its stamp; a held vowel within `t.filler_search_s` of it;
    the stamp itself when it is voiced and has a length (Whisper's zero-length stamps sit at
    the next word's start); the held vowel nearest the stamp between the words around it (a
    stamp can be a second off at the start of a VAD chunk, and tiny.en stamps fillers late).
    A held vowel mostly covered by the words of the same pass is a word's vowel, not a filler.
    """
    covered = [(n.start, n.end) for n in (words or [x for x in (before, after) if x]) if not is_filler_word(n)]
    free = [
        v
        for v in held
        if not any(_overlap((v.start, v.end), x) > 0 for x in taken)
        and sum(_overlap((v.start, v.end), c) for c in covered) <= 0.6 * v.duration
    ]
    text = normalise(w.text)

    def gap(v: HeldVowel) -> float:
        return max(0.0, v.start - w.end, w.start - v.end)

    near = sorted((v for v in free if gap(v) <= t.filler_search_s), key=lambda v: (gap(v), -v.duration))
    if near:
        return Filler(text, near[0].start, near[0].end, "prompted", CONFIDENCE_HELD)
    if w.end - w.start >= 0.08 and voiced_fraction(track, w.start, w.end) >= t.filler_min_voiced:
        return Filler(text, round(w.start, 3), round(w.end, 3), "prompted", CONFIDENCE_VOICED)
    lo = max(span[0], (before.end if before else span[0]) - 0.1, w.start - 2.0)
    hi = min(span[1], (after.start if after else span[1]) + 0.1, w.end + 2.0)
    slot = sorted((v for v in free if v.end >= lo and v.start <= hi), key=gap)
    if slot:
        return Filler(text, slot[0].start, slot[0].end, "prompted", CONFIDENCE_HELD)
    return None


def stretches(plain: Transcript, max_len: float = GUARD_SPAN_S) -> tuple[tuple[float, float], ...]:
    """The recording cut into stretches of at most about `max_len` s, in the silences between
    VAD regions, so a prompted pass that breaks costs only the stretch where it broke."""
    regions = plain.speech_regions or tuple((w.start, w.end) for w in plain.words)
    if not regions:
        return ((0.0, plain.duration),)
    cuts = [0.0]
    start = regions[0][0]
    for prev, nxt in zip(regions, regions[1:]):
        if nxt[1] - start > max_len:
            cuts.append(round((prev[1] + nxt[0]) / 2, 3))
            start = nxt[0]
    cuts.append(max(plain.duration, regions[-1][1]) + 1e-6)
    return tuple(zip(cuts, cuts[1:]))


# --- guards: each returns a GuardTrip when the prompted pass looks broken, else None --------


def check_guards(
    plain: Sequence[Word],
    prompted: Sequence[Word],
    regions: Sequence[tuple[float, float]],
    span: tuple[float, float],
    t: Detection,
    last_stretch: bool = True,
    plain_digits: int | None = None,
) -> tuple[GuardTrip, ...]:
    """Every guard that trips for one stretch (`span`) of plain and prompted words."""
    found = (
        guard_word_drop(plain, prompted, span, t),
        guard_ends_early(plain, prompted, regions, span, t),
        guard_repeats(plain, prompted, span, t, plain_digits),
        guard_after_speech(prompted, regions, span, t) if last_stretch else None,
        guard_invented_closing(plain, prompted, span, regions),
    )
    return tuple(g for g in found if g is not None)


def _spoken(words: Sequence[Word]) -> list[str]:
    return [n for n in (normalise(w.text) for w in words if not is_filler_word(w)) if n]


def _count(words: Sequence[Word]) -> int:
    """Words said, a number counted by its digits ("2065831947" is ten words, as "two zero ...")."""
    return sum(max(1, sum(c.isdigit() for c in n)) for n in _spoken(words))


def guard_word_drop(
    plain: Sequence[Word], prompted: Sequence[Word], span: tuple[float, float], t: Detection
) -> GuardTrip | None:
    """The prompted pass lost words (a dropped half, a skipped sentence)."""
    n_plain, n_prompted = _count(plain), _count(prompted)
    if n_plain >= 5 and n_prompted < t.guard_word_ratio * n_plain:
        return GuardTrip("word_drop", *span, f"{n_prompted} words against {n_plain} in the plain pass")
    return None


def guard_ends_early(
    plain: Sequence[Word],
    prompted: Sequence[Word],
    regions: Sequence[tuple[float, float]],
    span: tuple[float, float],
    t: Detection,
) -> GuardTrip | None:
    """The prompted text stops well before the speech does (the VAD's last region, as far as
    the plain pass heard words)."""
    if not plain:
        return None
    speech_end = min(regions[-1][1], plain[-1].end) if regions else plain[-1].end
    text_end = max((w.end for w in prompted), default=span[0])
    if text_end < speech_end - t.guard_end_early_s:
        return GuardTrip("ends_early", *span, f"prompted text ends at {text_end:.2f} s, speech at {speech_end:.2f} s")
    return None


def longest_repeat(tokens: Sequence[str], max_n: int = 4) -> int:
    """Most times in a row that one word or phrase of up to `max_n` words repeats."""
    best = 1 if tokens else 0
    for n in range(1, max_n + 1):
        for i in range(0, len(tokens) - n + 1):
            k = 1
            while tokens[i + k * n : i + (k + 1) * n] == tokens[i : i + n]:
                k += 1
            best = max(best, k)
    return best


def _digits(words: Sequence[Word]) -> int:
    """Digits said, however written: "7136" and "seven one three six" both count 4."""
    return sum(sum(c.isdigit() for c in w.text) or normalise(w.text) in DIGIT_WORDS for w in words)


def guard_repeats(
    plain: Sequence[Word],
    prompted: Sequence[Word],
    span: tuple[float, float],
    t: Detection,
    plain_digits: int | None = None,
) -> GuardTrip | None:
    """A decoding loop: a word, phrase or filler over and over ("uh uh uh ...",
    "6-4-1-6-4-1-6-4-1"), or many more digits than the plain pass wrote."""
    tokens = [re.sub(r"\W", "", w.text.lower()) or w.text for w in prompted]
    rep_q = longest_repeat(tokens)
    rep_p = longest_repeat([re.sub(r"\W", "", w.text.lower()) or w.text for w in plain])
    if rep_q >= t.guard_repeats and rep_q > rep_p:
        return GuardTrip("repeats", *span, f"a word or phrase repeated {rep_q} times in a row (plain pass: {rep_p})")
    d_q, d_p = _digits(prompted), (_digits(plain) if plain_digits is None else plain_digits)
    if d_q > d_p + t.guard_extra_digits:
        return GuardTrip("repeats", *span, f"{d_q} digits against {d_p} in the plain pass")
    return None


def guard_after_speech(
    prompted: Sequence[Word], regions: Sequence[tuple[float, float]], span: tuple[float, float], t: Detection
) -> GuardTrip | None:
    """Words after the last speech the VAD heard: text invented in the trailing silence."""
    if not regions:
        return None
    last = regions[-1][1]
    late = [w for w in prompted if w.start > last + t.guard_after_speech_s]
    if late:
        return GuardTrip(
            "after_speech", *span, f'"{late[0].text}" at {late[0].start:.2f} s, speech ended at {last:.2f} s'
        )
    return None


def guard_invented_closing(
    plain: Sequence[Word],
    prompted: Sequence[Word],
    span: tuple[float, float],
    regions: Sequence[tuple[float, float]] = (),
) -> GuardTrip | None:
    """A closing ("See you next time.", "Bye!") at the end of the prompted text that the plain
    pass did not hear anywhere in the stretch, said where the VAD hears no speech. (A closing
    inside speech is more likely a word the plain pass dropped: tiny.en drops "bye".)"""
    q_words = [w for w in prompted if not is_filler_word(w) and normalise(w.text)][-6:]
    q = [normalise(w.text) for w in q_words]
    p = " " + " ".join(_spoken(plain)) + " "
    for phrase in CLOSINGS:
        n = len(phrase)
        at = next((i for i in range(len(q) - n + 1) if tuple(q[i : i + n]) == phrase), None)
        if at is None or f" {' '.join(phrase)} " in p:
            continue
        start, end = q_words[at].start, q_words[at + n - 1].end
        heard = sum(_overlap((start, end), r) for r in regions)
        if not regions or heard < 0.5 * max(end - start, 0.05):
            return GuardTrip(
                "invented_closing",
                *span,
                f'"{" ".join(phrase)}" at {start:.2f} s, only in the prompted pass and not in speech',
            )
    return None


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlaps(f: Filler, g: Filler, slack: float) -> bool:
    return f.start < g.end + slack and g.start < f.end + slack


def _padded(regions: Sequence[tuple[float, float]], pad: float) -> tuple[tuple[float, float], ...]:
    return tuple((max(0.0, a - pad), b + pad) for a, b in regions)
