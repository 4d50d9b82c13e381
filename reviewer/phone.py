"""Phone numbers in a transcript, and how they were spoken: pace, digit groups, repeats.

A rep's number is the one part of a voicemail the prospect must write down, so the rubric
asks for it at writing speed (about 2 digits/s), in audible 3-3-4 groups, said twice.
Whisper writes a spoken number in many ways ("7," "6," ..., "-6", "763-416-4321", one
token "7634164321", "seven six three", "(763)", "oh" for 0), and its word times for a
number written as one token can be far off (ASR-NOTES.md: an implied 18.5 digits/s where
the truth was 5). So we read every written form, and when the audio is at hand we measure
the span and the pauses between groups from the energy envelope instead of trusting words.

Pure functions on Transcript and Audio: nothing here imports faster-whisper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from statistics import median

import numpy as np
import phonenumbers

from .audio import Audio
from .words import Transcript, Word

__all__ = [
    "DigitGroup",
    "PhoneNumber",
    "PhoneOptions",
    "find_phone_numbers",
    "digits_in_word",
    "stray_digits",
    "number_stretches",
    "number_sayings",
]


@dataclass(frozen=True)
class DigitGroup:
    """Digits said in one breath between pauses ("763"); the unit a listener writes down."""

    digits: str
    start: float  # s
    end: float  # s
    digits_per_second: float  # len(digits) / (end - start), duration floored at 50 ms


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
    # "words-unreliable": word times imply > max_plausible_dps and no audio could check them.
    timing_source: str
    # How the groups were found: "audio" (silences in the envelope), "word-gaps" (gaps
    # between word times), "text" (how Whisper wrote it: "763-416-4321", "763," "416,"),
    # "pattern" (3-3-4 by length), "none" (one group). Only "audio" and "word-gaps" are
    # evidence of audible pauses; otherwise judge group_pauses (from word times) yourself.
    grouping_source: str = "none"
    extension: str | None = None  # digits said after "extension" / "ext." right after the number
    # The digits a second, digit-prompted listen to this stretch heard, where they differ (redecode.py)
    second_opinion: str | None = None
    # False when this number was not heard the same twice (two listens or two sayings; redecode.py):
    # judged on telephone-band audio, and at any rate for a number only the second listen heard
    confirmed: bool | None = None


@dataclass(frozen=True)
class PhoneOptions:
    """The detector's knobs; defaults measured on espeak, Allison and Whisper base output."""

    max_word_gap_s: float = 1.5  # s, a longer gap between digit words starts a new candidate
    min_digits: int = 7  # fewer is a quantity, a year or a zip code, not a phone number
    max_plausible_dps: float = 6.0  # digits/s; faster word times are Whisper's, not the rep's
    frame_s: float = 0.020  # s, RMS frame
    hop_s: float = 0.010  # s, RMS hop
    speech_below_p95_db: float = 28.0  # dB below the 95th-percentile frame that is still speech
    speech_above_floor_db: float = 6.0  # dB above the noise floor (10th percentile) that is speech
    min_island_s: float = 0.030  # s, shorter bursts of energy are clicks
    min_pause_audio_s: float = 0.12  # s, a silence at least this long inside a number is a pause
    min_pause_words_s: float = 0.20  # s, a gap between word times at least this long is a pause
    link_gap_s: float = 0.15  # s, speech this close outside plausible word times joins the number
    search_margin_s: float = 0.6  # s, how far outside plausible word times to look for its speech
    neighbour_tail_s: float = 0.3  # s, speech cut by the search window's edge and shorter is a neighbour's


# ---------------------------------------------------------------- reading words as digits

_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_TEENS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
}
_TENS = {
    "twenty": "2",
    "thirty": "3",
    "forty": "4",
    "fifty": "5",
    "sixty": "6",
    "seventy": "7",
    "eighty": "8",
    "ninety": "9",
}
_REPEAT = {"double": 2, "triple": 3}
_SCALE = {"hundred": "00", "thousand": "000"}
_FILLER = re.compile(r"(?:u+h+|u+m+|e+r+m*|a+h+|h+m+|m+|mhm|uhhuh|uhuh)")
_NUMERAL_CHARS = set("0123456789+-().,/")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # "10,000": a quantity, not digits
_QUOTES = "\"'“”‘’«»"
_TRAIL = ".,!?;:…"
_DIG = ("digits", "oh")
_SOFT = ("filler", "punct")  # inside a number they neither add digits nor break it
_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")  # "12/15/2024": a date


@dataclass
class _Item:
    """One or more words read as one unit: digits, a tentative "oh", a filler, or a word."""

    kind: str  # "digits", "oh", "filler", "punct" (a lone "-"), "word", "repeat", "scale"
    start: float
    end: float
    words: list[int]
    raw: str = ""
    digits: str = ""
    cuts: tuple[int, ...] = ()  # offsets inside `digits` where the text separates groups
    numeral: bool = False  # written with digits ("763"), not spelled ("seven")
    plus: bool = False  # written with a leading "+"
    sep_before: bool = False  # text opens with a separator ("-6", "(763)")
    sep_after: bool = False  # text ends with punctuation ("7,", "-1.")
    sentence_end: bool = False  # text ends with . ! ?
    tens_open: bool = False  # a lone tens word ("forty") that a following unit can complete
    repeat: int = 1
    tentative: bool = False  # a homophone read as a digit at a run's edge: kept only if it makes the number


def digits_in_word(text: str) -> str:
    """The digits a single word stands for ("-416" -> "416", "seven" -> "7", "Hi," -> "")."""
    item = _classify(0, Word(text, 0.0, 0.0, 1.0))
    return item.digits if item.kind in _DIG else ""


def _classify(index: int, word: Word) -> _Item:
    raw = word.text.strip()
    item = _Item("word", word.start, word.end, [index], raw=raw)
    core = raw.strip(_QUOTES)
    if re.fullmatch(r"[Oo]\d[\d.,\-]*", core):  # "O207": the letter O read for a zero
        core = "0" + core[1:]
    trail = core.rstrip(_TRAIL)
    item.sep_after = trail != core
    item.sentence_end = core[-1:] in (".", "!", "?") if core else False
    if trail and set(trail) <= _NUMERAL_CHARS and any(c.isdigit() for c in trail):
        if _THOUSANDS.fullmatch(trail.strip("()")) or _DATE.fullmatch(trail):
            return item  # "10,000", "2,500": an amount; "12/15": a date
        runs = re.findall(r"\d+", trail)
        item.kind, item.numeral = "digits", True
        item.digits = "".join(runs)
        item.cuts = tuple(np.cumsum([len(r) for r in runs[:-1]]).tolist())
        first_digit = next(i for i, c in enumerate(trail) if c.isdigit())
        item.plus = "+" in trail[:first_digit]
        item.sep_before = trail[0] in "-./,("
        return item
    if core and not any(c.isalnum() for c in core):
        item.kind = "punct"
        return item
    low = trail.lower()
    letters = re.sub(r"[^a-z]", "", low)
    if _FILLER.fullmatch(letters or "-"):
        item.kind = "filler"
        return item
    if letters in _REPEAT and letters == low:
        item.kind, item.repeat = "repeat", _REPEAT[letters]
        return item
    if letters in _SCALE and letters == low:
        item.kind, item.digits = "scale", _SCALE[letters]
        return item
    parts = [p for p in re.split(r"[-\s]+", low) if p]
    if parts and all(p in _DIGIT_WORDS or p in _TEENS or p in _TENS for p in parts):
        out = ""
        k = 0
        while k < len(parts):
            p = parts[k]
            if p in _TENS:
                if k + 1 < len(parts) and parts[k + 1] in _DIGIT_WORDS and _DIGIT_WORDS[parts[k + 1]] != "0":
                    out += _TENS[p] + _DIGIT_WORDS[parts[k + 1]]
                    k += 2
                    continue
                out += _TENS[p] + "0"
                item.tens_open = k == len(parts) - 1 and not item.sep_after
            else:
                out += _DIGIT_WORDS.get(p) or _TEENS[p]
            k += 1
        item.digits = out
        item.kind = "oh" if parts in (["oh"], ["o"]) else "digits"
        return item
    return item


# Words Whisper writes for a digit when it loses the run's thread: "I" for nine, "for", "to",
# "ate", "won". Read as digits only between digits, inside a run, never on their own.
_HOMOPHONES = {"i": "9", "nein": "9", "for": "4", "fore": "4", "to": "2", "too": "2", "ate": "8", "won": "1"}


def _homophones(items: list[_Item], max_gap: float = 0.6) -> list[_Item]:
    """A homophone with a digit unit on both sides, each within `max_gap` s (fillers between allowed)."""

    def neighbour(k: int, step: int) -> _Item | None:
        j = k + step
        while 0 <= j < len(items) and items[j].kind in _SOFT:
            j += step
        return items[j] if 0 <= j < len(items) else None

    for k, it in enumerate(items):
        if it.kind != "word":
            continue
        letters = re.sub(r"[^a-z]", "", it.raw.lower())
        if letters not in _HOMOPHONES:
            continue
        before, after = neighbour(k, -1), neighbour(k, 1)
        if (
            before is not None
            and after is not None
            and before.kind in _DIG
            and after.kind in _DIG
            and it.start - before.end <= max_gap
            and after.start - it.end <= max_gap
            and not before.sentence_end
        ):
            it.kind, it.digits = "digits", _HOMOPHONES[letters]
        elif (
            (before is None or before.kind not in _DIG)
            and after is not None
            and after.kind in _DIG
            and after.start - it.end <= max_gap
            and not it.sentence_end
            and letters in ("to", "too", "for", "ate", "won")  # "... on to 0 6 5 ...": "two" heard as "to"
        ):
            it.kind, it.digits, it.tentative = "digits", _HOMOPHONES[letters], True
    return items


def _settle_tentative(run: list[_Item], region: str) -> list[_Item]:
    """Keep a leading homophone digit only when the number is valid with it and not without it."""
    if not run or not run[0].tentative:
        return run
    rest = _strip_fillers(run[1:])
    with_it, without = _digits(run), _digits(rest)
    if _parse(with_it, False, region, intl_without_plus=False)[1] and not _parse(without, False, region)[1]:
        return run
    return rest


def _combine(items: list[_Item]) -> list[_Item]:
    """Join "double five" -> 55, "eight hundred" -> 800, "forty three" -> 43 into one unit."""
    out: list[_Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if it.kind == "repeat":
            if nxt is not None and nxt.kind in _DIG and nxt.digits and nxt.start - it.end <= 1.0:
                merged = _Item(
                    "digits",
                    it.start,
                    nxt.end,
                    it.words + nxt.words,
                    raw=f"{it.raw} {nxt.raw}",
                    digits=nxt.digits[0] * it.repeat + nxt.digits[1:],
                    cuts=tuple(c + it.repeat - 1 for c in nxt.cuts),
                    numeral=nxt.numeral,
                    sep_after=nxt.sep_after,
                    sentence_end=nxt.sentence_end,
                )
                out.append(merged)
                k += 2
                continue
            it.kind = "word"
        elif it.kind == "scale":
            prev = out[-1] if out else None
            if prev is not None and prev.kind in _DIG and not prev.sentence_end and it.start - prev.end <= 1.0:
                prev.kind = "digits"
                prev.digits += it.digits
                prev.end, prev.words = it.end, prev.words + it.words
                prev.sep_after, prev.sentence_end, prev.raw = it.sep_after, it.sentence_end, f"{prev.raw} {it.raw}"
                k += 1
                continue
            it.kind = "word"
        elif (
            it.kind == "digits"
            and it.tens_open
            and nxt is not None
            and nxt.kind == "digits"
            and not nxt.numeral
            and len(nxt.digits) == 1
            and nxt.digits != "0"
            and nxt.start - it.end <= 0.5
        ):
            it.digits = it.digits[:-1] + nxt.digits
            it.end, it.words = nxt.end, it.words + nxt.words
            it.sep_after, it.sentence_end, it.raw = nxt.sep_after, nxt.sentence_end, f"{it.raw} {nxt.raw}"
            out.append(it)
            k += 2
            continue
        out.append(it)
        k += 1
    return out


def _runs(items: list[_Item], max_gap: float) -> list[list[_Item]]:
    """Digit units with fillers between them and gaps <= max_gap; ordinary words break a run."""
    runs: list[list[_Item]] = []
    cur: list[_Item] = []

    def close() -> None:
        nonlocal cur
        while cur and cur[-1].kind in _SOFT:
            cur.pop()
        if cur:
            runs.append(cur)
        cur = []

    for it in items:
        if it.kind in _DIG or (it.kind in _SOFT and cur):
            if cur and it.start - cur[-1].end > max_gap:
                close()
                if it.kind in _SOFT:
                    continue
            cur.append(it)
        else:
            close()
    close()
    return [t for t in (_trim_ohs(r) for r in runs) if t]


def _digits(run: Sequence[_Item]) -> str:
    return "".join(it.digits for it in run if it.kind in _DIG)


def _standard(d: str) -> bool:
    return len(d) in (7, 10) or (len(d) in (8, 11) and d[0] == "1")


def _strip_fillers(run: list[_Item]) -> list[_Item]:
    a, b = 0, len(run)
    while a < b and run[a].kind in _SOFT:
        a += 1
    while b > a and run[b - 1].kind in _SOFT:
        b -= 1
    return run[a:b]


def _trim_ohs(run: list[_Item]) -> list[_Item]:
    """An "Oh," before a number or "...4321. Oh" after it is an interjection, not a zero."""
    run = _strip_fillers(run)
    while run and run[0].kind == "oh" and run[0].sep_after:
        run = _strip_fillers(run[1:])
    while run and run[-1].kind == "oh":
        dig = [it for it in run if it.kind in _DIG]
        if len(dig) < 2:
            break
        with_oh, without = _digits(run), _digits(run[:-1])
        if dig[-2].sentence_end or run[-1].raw[-1:] in ("!", "?") or (_standard(without) and not _standard(with_oh)):
            run = _strip_fillers(run[:-1])
        else:
            break
    return run


# ---------------------------------------------------------------- validity and splitting


def _parse(d: str, plus: bool, region: str, intl_without_plus: bool = True) -> tuple[str | None, bool]:
    """(E.164 when the number is complete, valid); a '+' said or written parses internationally."""
    fmt = phonenumbers.PhoneNumberFormat.E164
    num = None
    try:
        num = phonenumbers.parse("+" + d if plus else d, None if plus else region)
    except phonenumbers.NumberParseException:
        pass
    if num is not None and phonenumbers.is_valid_number(num):
        return phonenumbers.format_number(num, fmt), True
    # "44 20 7946 0958" said without "plus": 12 digits or more, so an 11-digit misheard
    # national number ("7 713 486 2590") is not read as a foreign one
    if intl_without_plus and not plus and len(d) >= 12 and d[0] != "1":
        try:
            intl = phonenumbers.parse("+" + d, None)
            if phonenumbers.is_valid_number(intl):
                return phonenumbers.format_number(intl, fmt), True
        except phonenumbers.NumberParseException:
            pass
    if (
        num is not None
        and phonenumbers.is_possible_number_with_reason(num) == phonenumbers.ValidationResult.IS_POSSIBLE
    ):
        return phonenumbers.format_number(num, fmt), False
    return None, False


def _part_score(d: str, plus: bool, region: str, min_digits: int) -> int:
    if len(d) < min_digits or len(d) > 15:
        return 0
    if _parse(d, plus, region, intl_without_plus=False)[1]:
        return 3
    return 2 if _standard(d) else 1


def _split(run: list[_Item], region: str, min_digits: int) -> list[list[_Item]]:
    """A run too long for one number is two said back to back (or a zip code and a number)."""
    d = _digits(run)
    plus = run[0].plus
    if len(d) <= (15 if plus else 11):
        return [run]
    dig = [k for k, it in enumerate(run) if it.kind in _DIG]
    best = None
    for a, b in zip(dig, dig[1:]):
        left, right = _trim_ohs(run[: a + 1]), _trim_ohs(run[b:])
        dl, dr = _digits(left), _digits(right)
        score = _part_score(dl, bool(left) and left[0].plus, region, min_digits) + _part_score(
            dr, bool(right) and right[0].plus, region, min_digits
        )
        if min(len(dl), len(dr)) >= min_digits and (dl.endswith(dr) or dr.endswith(dl)):
            score += 2  # the same number again
        elif len(dr) >= 4 and dl.endswith(dr) and _part_score(dl, False, region, min_digits) == 3:
            score += 2  # the repeat partly heard ("... 1 9 4 7, [that's 2 0 6 5] 8 3 1 9 4 7")
        key = (score, run[b].start - run[a].end)
        if best is None or key > best[0]:
            best = (key, left, right)
    if best is None or best[0][0] <= _part_score(d, plus, region, min_digits):
        return [run]
    return [p for part in best[1:] if part for p in _split(part, region, min_digits)]


def _drop_stray_edge(run: list[_Item], region: str) -> list[_Item]:
    """An invalid 11-digit run that is a valid number without its first or last single digit
    is a neighbouring word misheard as a digit ("Keystone Freight, 6 1 2..." -> "3, 6, 1, 2...")."""
    d = _digits(run)
    if len(d) != 11 or run[0].plus or _parse(d, False, region)[1]:
        return run
    for trimmed in (run[1:], run[:-1]):
        trimmed = _strip_fillers(trimmed)
        if trimmed and len(_digits(trimmed)) == 10 and _parse(_digits(trimmed), False, region)[1]:
            return trimmed
    return run


def _looks_like_years(run: list[_Item]) -> bool:
    dig = [it for it in run if it.kind in _DIG]
    return all(it.numeral and re.fullmatch(r"(?:19|20)\d\d", it.digits) for it in dig)


# ---------------------------------------------------------------- the energy envelope


@dataclass(frozen=True)
class _Envelope:
    """Where the recording has speech energy, as (start, end) segments in seconds."""

    segments: tuple[tuple[float, float], ...]
    usable: bool


def _envelope(audio: Audio, opts: PhoneOptions) -> _Envelope:
    """Short-time RMS; speech is within `speech_below_p95_db` of the loud frames and above the floor."""
    x = np.asarray(audio.samples, dtype=np.float64).reshape(-1)
    rate = audio.rate
    fl, hop = max(1, round(opts.frame_s * rate)), max(1, round(opts.hop_s * rate))
    if x.size < fl * 10:
        return _Envelope((), False)
    cs = np.concatenate(([0.0], np.cumsum(x * x)))
    starts = np.arange(0, x.size - fl + 1, hop)
    ms = (cs[starts + fl] - cs[starts]) / fl
    db = 10.0 * np.log10(np.maximum(ms, 1e-12))
    p95, floor = float(np.percentile(db, 95)), float(np.percentile(db, 10))
    thr = max(p95 - opts.speech_below_p95_db, floor + opts.speech_above_floor_db)
    if p95 < -70.0 or p95 - thr < 6.0:  # silent, or noise as loud as the speech
        return _Envelope((), False)
    speech = db > thr
    cell0 = (fl - hop) / 2 / rate  # frame k stands for [k*hop + cell0, (k+1)*hop + cell0]
    edges = np.flatnonzero(np.diff(np.concatenate(([0], speech.astype(np.int8), [0]))))
    segs = []
    for a, b in zip(edges[::2], edges[1::2]):
        s, e = a * hop / rate + cell0, b * hop / rate + cell0
        if e - s >= opts.min_island_s:
            segs.append((round(s, 3), round(e, 3)))
    return _Envelope(tuple(segs), bool(segs))


def _clip(segs: Sequence[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    return [(max(a, lo), min(b, hi)) for a, b in segs if b > lo and a < hi]


def _refine_span(
    env: _Envelope,
    ws: float,
    we: float,
    prev_end: float,
    next_start: float,
    n: int,
    unreliable: bool,
    opts: PhoneOptions,
) -> tuple[float, float] | None:
    """The number's speech span from energy, between the neighbouring words."""
    if unreliable:  # the words' span may be squeezed anywhere inside the truth: search wide
        margin = max(1.0, 0.4 * n)
    else:  # trust the words' span roughly: trim silence inside it, join speech just outside it
        margin = opts.search_margin_s
    lo, hi = min(max(prev_end, ws - margin), ws), max(min(next_start, we + margin), we)
    segs = [s for s in _clip(env.segments, lo, hi) if s[1] - s[0] >= opts.min_island_s]

    def neighbours(piece: tuple[float, float], gap: float, edge: float) -> bool:
        """Short speech cut by the window's edge, apart from the rest, belongs to the neighbour word
        (Whisper often stretches a number's end over the next word's start)."""
        cut = any(x < edge < y for x, y in env.segments)
        return cut and piece[1] - piece[0] < opts.neighbour_tail_s and gap >= 0.1

    if len(segs) > 1 and neighbours(segs[0], segs[1][0] - segs[0][1], lo):
        segs = segs[1:]
    if len(segs) > 1 and neighbours(segs[-1], segs[-1][0] - segs[-2][1], hi):
        segs = segs[:-1]
    if not segs:
        return None
    if unreliable:
        span = segs[0][0], segs[-1][1]
    else:
        clo, chi = max(ws, min(prev_end, we)), min(we, max(next_start, ws))
        inside = [k for k, (a, b) in enumerate(segs) if b > clo and a < chi]
        # a short piece that only grazes the words' span, apart from the rest, is a neighbour's
        short = lambda k: segs[k][1] - segs[k][0] < opts.neighbour_tail_s  # noqa: E731
        if (
            len(inside) > 1
            and short(inside[0])
            and sum(segs[inside[0]]) / 2 < clo
            and segs[inside[1]][0] - segs[inside[0]][1] >= 0.1
        ):
            inside = inside[1:]
        if (
            len(inside) > 1
            and short(inside[-1])
            and sum(segs[inside[-1]]) / 2 > chi
            and segs[inside[-1]][0] - segs[inside[-2]][1] >= 0.1
        ):
            inside = inside[:-1]
        if not inside:
            return None
        i0, i1 = inside[0], inside[-1]
        # speech just before joins the number only where it reaches into the digits' own times:
        # the word before ("that's") is never part of the number's span
        while i0 > 0 and segs[i0][0] - segs[i0 - 1][1] < opts.link_gap_s and segs[i0 - 1][1] > ws:
            i0 -= 1
        while i1 < len(segs) - 1 and segs[i1 + 1][0] - segs[i1][1] < opts.link_gap_s:
            i1 += 1
        span = segs[i0][0], segs[i1][1]
    if span[1] - span[0] < 0.1:
        return None
    return span


def _silences(env: _Envelope, a0: float, a1: float, min_len: float) -> list[tuple[float, float]]:
    segs = [s for s in _clip(env.segments, a0, a1) if s[1] - s[0] >= 0.01]
    return [(b0, a1_) for (_, b0), (a1_, _) in zip(segs, segs[1:]) if a1_ - b0 >= min_len]


def _significant(gaps: list, n: int, dur=lambda g: g[1] - g[0]) -> list:
    """Pauses that set groups apart; a rep who pauses after every digit groups by the longer ones."""
    if len(gaps) >= max(3, 0.6 * (n - 1)):
        med = median(dur(g) for g in gaps)
        return [g for g in gaps if dur(g) >= max(1.6 * med, med + 0.15)]
    return list(gaps)


# ---------------------------------------------------------------- one number


@dataclass
class _Timed:
    """Per-digit times and the text's group boundaries for one candidate."""

    digits: str
    t0: np.ndarray
    t1: np.ndarray
    text_cuts: list[int] = field(default_factory=list)
    word_cuts: list[tuple[int, float, float]] = field(default_factory=list)  # (k, gap start, gap end)


def _time_digits(run: list[_Item]) -> _Timed:
    """Spread each unit's digits evenly over its time span; note where the text and words split."""
    t0: list[float] = []
    t1: list[float] = []
    text_cuts: list[int] = []
    word_cuts: list[tuple[int, float, float]] = []
    prev: _Item | None = None
    filler_between = False
    for it in run:
        if it.kind in _SOFT:
            filler_between = True
            continue
        k = len(t0)
        if prev is not None:
            if (
                filler_between
                or prev.sep_after
                or it.sep_before
                or (prev.numeral and len(prev.digits) >= 2)
                or (it.numeral and len(it.digits) >= 2)
            ):
                text_cuts.append(k)
            word_cuts.append((k, prev.end, it.start))
        text_cuts.extend(k + c for c in it.cuts)
        m = len(it.digits)
        step = (it.end - it.start) / m
        for j in range(m):
            t0.append(it.start + j * step)
            t1.append(it.start + (j + 1) * step)
        prev, filler_between = it, False
    return _Timed(_digits(run), np.array(t0), np.array(t1), sorted(set(text_cuts)), word_cuts)


def _text_groups_usable(cuts: list[int], d: str) -> bool:
    """Punctuation like "763-416-4321" says where groups are; "7-6-3-..." says nothing."""
    if not cuts:
        return False
    sizes = np.diff([0, *cuts, len(d)])
    body = sizes[1:] if sizes[0] == 1 and d[0] == "1" else sizes
    return len(body) >= 2 and all(2 <= s <= 5 for s in body)


def _pattern_cuts(d: str) -> list[int]:
    n = len(d)
    if n == 10:
        return [3, 6]
    if n == 11 and d[0] == "1":
        return [1, 4, 7]
    if n == 7:
        return [3]
    if n == 8 and d[0] == "1":
        return [1, 4]
    return []


def _groups_from_cuts(tm: _Timed, cuts: list[int]) -> tuple[list[DigitGroup], list[float]]:
    bounds = [0, *cuts, len(tm.digits)]
    groups = [_group(tm.digits[a:b], float(tm.t0[a]), float(tm.t1[b - 1])) for a, b in zip(bounds, bounds[1:])]
    pauses = [round(max(0.0, float(g2.start - g1.end)), 3) for g1, g2 in zip(groups, groups[1:])]
    return groups, pauses


def _group(d: str, start: float, end: float) -> DigitGroup:
    start, end = float(start), float(end)
    return DigitGroup(d, round(start, 3), round(end, 3), round(len(d) / max(end - start, 0.05), 3))


def _speaking_weights(d: str) -> np.ndarray:
    """Rough relative length of each spoken digit: "seven" and "zero" have two syllables."""
    return np.array([1.5 if c == "7" else 1.3 if c == "0" else 1.0 for c in d])


def _audio_groups(
    tm: _Timed, env: _Envelope, a0: float, a1: float, by_words: bool, opts: PhoneOptions
) -> tuple[list[DigitGroup], list[float]] | None:
    """Cut the number at its acoustic pauses; give each chunk its digits by time.

    Per-digit word times put each pause at the nearest digit boundary. Otherwise the digits
    are shared out by speaking time (pauses excluded), and where the text's groups
    ("763-416-4321") agree with that count and place, the text's boundaries win.
    """
    n = len(tm.digits)
    silences = _silences(env, a0, a1, opts.min_pause_audio_s)
    chosen = _significant(silences, n)
    if not chosen:
        return None
    talk = (a1 - a0) - sum(b - a for a, b in silences)
    if talk <= 0:
        return None
    cumw = np.concatenate(([0.0], np.cumsum(_speaking_weights(tm.digits))))
    pos = []  # where each pause falls, in digits, if every digit takes its share of speaking time
    for g0, _ in chosen:
        before = (g0 - a0) - sum(b - a for a, b in silences if b <= g0)
        pos.append(float(np.interp(before / talk * cumw[-1], cumw, np.arange(n + 1))))
    ks: list[int] = [min(max(round(p), 1), n - 1) for p in pos]
    text = tm.text_cuts if _text_groups_usable(tm.text_cuts, tm.digits) else []
    if by_words:  # good per-digit times: each pause falls at the digit boundary nearest to it
        bt = (tm.t1[:-1] + tm.t0[1:]) / 2  # bt[k-1] is the boundary before digit k
        ks = []
        kept = []
        for g0, g1 in chosen:
            k = int(np.argmin(np.abs(bt - (g0 + g1) / 2))) + 1
            if not ks or k > ks[-1]:  # a second pause at the same boundary (around a filler) adds nothing
                ks.append(k)
                kept.append((g0, g1))
        chosen = kept
    elif text and len(text) <= len(chosen) <= 12:
        # the text's groups, matched to the pauses that sit closest to them (a filler the
        # transcript lost makes a pause of its own)
        best = min(
            combinations(range(len(chosen)), len(text)), key=lambda sub: sum(abs(pos[i] - t) for i, t in zip(sub, text))
        )
        if all(abs(pos[i] - t) <= 1.5 for i, t in zip(best, text)):
            chosen, ks = [chosen[i] for i in best], list(text)
    cuts: list[tuple[int, float, float]] = []
    for k, (g0, g1) in zip(ks, chosen):
        if 0 < k < n and (not cuts or k > cuts[-1][0]):
            cuts.append((k, g0, g1))
    if not cuts:
        return None
    groups, pauses = [], []
    start, a = a0, 0
    for k, g0, g1 in cuts:
        groups.append(_group(tm.digits[a:k], start, g0))
        pauses.append(round(float(g1 - g0), 3))
        start, a = g1, k
    groups.append(_group(tm.digits[a:], start, a1))
    return groups, pauses


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
    by_words = not unreliable and all(len(it.digits) == 1 for it in dig)

    found = None
    grouping = "none"
    if span is not None:
        found = _audio_groups(tm, env, start, end, by_words, opts)
        grouping = "audio" if found else grouping
    text_ok = _text_groups_usable(tm.text_cuts, d)
    if found is None and not unreliable:
        gaps = [(k, g0, g1) for k, g0, g1 in tm.word_cuts if g1 - g0 >= opts.min_pause_words_s]
        chosen = [k for k, _, _ in _significant(gaps, n, dur=lambda g: g[2] - g[1])]
        # where the text groups too ("763" "416" "4321"), its groups are finer and the pauses
        # between word times still say how long each break was
        if chosen and not (text_ok and set(chosen) <= set(tm.text_cuts)):
            found = _groups_from_cuts(tm, chosen)
            grouping = "word-gaps"
    if found is None and text_ok:
        found = _groups_from_cuts(tm, tm.text_cuts)
        grouping = "text"
    if found is None:
        cuts = _pattern_cuts(d)
        found = _groups_from_cuts(tm, cuts)
        grouping = "pattern" if cuts else "none"
    groups, pauses = found

    e164, valid = _parse(d, run[0].plus, region)
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


def _same_number(a: str, b: str, min_digits: int) -> bool:
    """The 7-digit local part said again, or "1" + the number, is the same number."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= min_digits and long_.endswith(short)


def find_phone_numbers(
    transcript: Transcript, audio: Audio | None = None, region: str = "US", options: PhoneOptions | None = None
) -> tuple[PhoneNumber, ...]:
    """Every phone number said in the transcript, in time order, with pace, groups and repeats.

    With `audio`, the span and the pauses between groups are measured on the energy envelope,
    because Whisper's times for a number written as one token can be far off.
    """
    opts = options or PhoneOptions()
    words = transcript.words
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(words)]))
    candidates = [
        _drop_stray_edge(_settle_tentative(part, region), region)
        for run in _runs(items, opts.max_word_gap_s)
        for part in _split(run, region, opts.min_digits)
    ]
    candidates = [c for c in candidates if c]
    candidates = [c for c in candidates if len(_digits(c)) >= opts.min_digits and not _looks_like_years(c)]
    if not candidates:
        return ()
    env = _envelope(audio, opts) if audio is not None else None
    duration = transcript.duration or (audio.duration if audio is not None else 0.0)
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


_EXTENSION = {"extension", "ext", "x"}


def _extension(items: list[_Item], number: PhoneNumber) -> str | None:
    """Digits said right after the number, behind "extension" / "ext." ("... 4321, extension 204")."""
    last = number.word_indices[-1]
    k = next((k for k, it in enumerate(items) if last in it.words), None)
    if k is None:
        return None
    k += 1
    while k < len(items) and items[k].kind in _SOFT:
        k += 1
    if k >= len(items) or re.sub(r"[^a-z]", "", items[k].raw.lower()) not in _EXTENSION:
        return None
    digits, k = "", k + 1
    while k < len(items) and (items[k].kind in _DIG or items[k].kind in _SOFT):
        digits += items[k].digits if items[k].kind in _DIG else ""
        k += 1
        if len(digits) >= 6:
            break
    return digits or None


def is_subsequence(short: str, long_: str) -> bool:
    """`short`'s digits appear in `long_` in order: `long_` only adds digits that `short` lost."""
    it = iter(long_)
    return all(c in it for c in short)


def number_stretches(transcript: Transcript, min_digits: int = 4, reach_s: float = 1.5) -> list[tuple[float, float]]:
    """Where digits were heard: (start, end) from the end of the word before a run of digit words
    (fillers inside allowed) to the start of the word after it, at most `reach_s` beyond the
    digits; runs under `min_digits` digits are quantities, not numbers."""
    words = transcript.words
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(words)]))
    out: list[tuple[float, float]] = []
    for run in _runs(items, 1.5):
        if len(_digits(run)) < min_digits:
            continue
        first, last = min(run[0].words), max(run[-1].words)
        a = words[first - 1].end if first > 0 else 0.0
        b = words[last + 1].start if last + 1 < len(words) else transcript.duration or run[-1].end + reach_s
        a, b = max(a, run[0].start - reach_s), min(b, run[-1].end + reach_s)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((round(a, 3), round(b, 3)))
    return out


# Words that lead into or out of a number: a number's clip stops at them. Any other short word
# between or beside digit words may be a digit Whisper wrote as a word ("I'm" for "five",
# "Nero" for "zero", "heaven" for "seven" at telephone quality).
_NUMBER_FRAME = frozenset(
    "at on is me my number line call reach ring text dial again once more that's thats it's its was back "
    "direct cell mobile phone office thanks thank you or and bye goodbye soon extension ext".split()
)


def number_sayings(
    transcript: Transcript, min_digits: int = 4, bridge: int = 3, max_word_s: float = 0.7, max_gap_s: float = 0.8
) -> list[tuple[float, float]]:
    """Where each saying of a number is, for a second listen: (start, end) in s, from the end of
    the word that leads into it to the start of the word after it.

    A saying is a run of digit words that may take in up to `bridge` short words between its
    digits, and two before or three after them (each at most `max_word_s` long, `max_gap_s`
    from its neighbour, not a word that frames a number): the digits Whisper wrote as words.
    Sayings are not merged, so two sayings of a number are listened to apart."""
    words = transcript.words
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(words)]))
    n = len(items)

    def loose(k: int) -> bool:
        it = items[k]
        letters = re.sub(r"[^a-z']", "", it.raw.lower())
        return it.kind in _SOFT or (
            it.kind == "word" and it.end - it.start <= max_word_s and len(letters) <= 7 and letters not in _NUMBER_FRAME
        )

    def near(j: int, k: int) -> bool:
        return items[k].start - items[j].end <= max_gap_s

    out: list[tuple[float, float]] = []
    k = 0
    while k < n:
        if items[k].kind not in _DIG:
            k += 1
            continue
        lo = hi = k
        j = k + 1
        while j < n:
            if items[j].kind in _DIG and near(hi, j):
                hi, j = j, j + 1
                continue
            m = j
            while m < n and m - j < bridge and loose(m) and near(m - 1, m):
                m += 1
            if j < m < n and items[m].kind in _DIG and near(m - 1, m):
                hi, j = m, m + 1
                continue
            break
        first, last = lo, hi
        while first > 0 and lo - first < 2 and loose(first - 1) and near(first - 1, first):
            first -= 1
        while last + 1 < n and last - hi < 3 and loose(last + 1) and near(last, last + 1):
            last += 1
        heard = sum(len(items[i].digits) for i in range(lo, hi + 1) if items[i].kind in _DIG)
        if heard + (lo - first) + (last - hi) >= min_digits and heard >= 2:
            w0, w1 = min(items[first].words), max(items[last].words)
            a = words[w0 - 1].end if w0 > 0 else 0.0
            b = words[w1 + 1].start if w1 + 1 < len(words) else transcript.duration
            a, b = max(a, items[first].start - 1.5), min(b, items[last].end + 1.5)
            out.append((round(a, 3), round(max(b, a), 3)))
        k = hi + 1
    return out


def stray_digits(transcript: Transcript, min_digits: int = 4) -> tuple[str, float] | None:
    """Digit words heard where no phone number could be read: (what was heard, when), the longest run.

    A number said too fast comes out as a few digits, or digits mixed with other words; a
    lone "2" or "one" is a quantity, so a run needs `min_digits` digits."""
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(transcript.words)]))
    best: tuple[int, str, float] | None = None
    run: list[_Item] = []
    for it in [*items, _Item("word", 1e9, 1e9, [])]:
        if it.kind in _DIG or (it.kind in _SOFT and run):
            run.append(it)
            continue
        d = _digits(run)
        if len(d) >= min_digits and not _looks_like_years(run) and (best is None or len(d) > best[0]):
            text = " ".join(r.raw for r in run if r.kind in _DIG)
            best = (len(d), text, run[0].start)
        run = []
    return (best[1], best[2]) if best else None
