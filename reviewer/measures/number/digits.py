"""Spoken digits: the words of a transcript read as digit units, however Whisper wrote them.

"7," "6," ..., "-6", "763-416-4321", one token "7634164321", "seven six three", "(763)", "oh"
and "O207" for 0, "double five", "eight hundred", "forty three", "I"/"for"/"to"/"ate" inside a
digit run. Runs of these units are the candidates find.py validates (valid.py) and times
(timing.py); the same reading finds where digits were heard for a second listen
(`number_stretches`, `number_sayings`) and digits heard where no number could be read
(`stray_digits`).

Pure functions on words: nothing here imports faster-whisper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.recognition.words import DIGIT_WORDS, Transcript, Word

__all__ = [
    "DIGIT_WORDS",
    "HeardDigits",
    "digit_sayings",
    "digits_in_word",
    "is_subsequence",
    "number_stretches",
    "number_sayings",
    "saying_digits",
    "stray_digits",
]


# The spelled-digit vocabulary (recognition/words.py, the lowest stage that needs it: the
# digits-only listen lets Whisper write these words): the filler guards (fillers/hidden.py), the
# script's tokens (script.py) and the words that are no name (parts.py) read it from here.
# Reading a number, a lone "o" is the letter O said for a zero too ("o two o"); elsewhere it
# is no digit word (a script's or a name's "o" stays a word).
_READ_AS_DIGIT = {**DIGIT_WORDS, "o": "0"}


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
_THOUSANDS_PART = re.compile(r",\d{3}(?:,\d{3})*")  # ",000" written apart from its "5": an amount
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
        if _THOUSANDS.fullmatch(trail.strip("()")) or _DATE.fullmatch(trail) or _THOUSANDS_PART.fullmatch(trail):
            return item  # "10,000", "2,500" and "5 ,000" (",000" a token): an amount; "12/15": a date
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
    if parts and all(p in _READ_AS_DIGIT or p in _TEENS or p in _TENS for p in parts):
        out = ""
        k = 0
        while k < len(parts):
            p = parts[k]
            if p in _TENS:
                if k + 1 < len(parts) and parts[k + 1] in _READ_AS_DIGIT and _READ_AS_DIGIT[parts[k + 1]] != "0":
                    out += _TENS[p] + _READ_AS_DIGIT[parts[k + 1]]
                    k += 2
                    continue
                out += _TENS[p] + "0"
                item.tens_open = k == len(parts) - 1 and not item.sep_after
            else:
                out += _READ_AS_DIGIT.get(p) or _TEENS[p]
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


def _looks_like_years(run: list[_Item]) -> bool:
    dig = [it for it in run if it.kind in _DIG]
    return all(it.numeral and re.fullmatch(r"(?:19|20)\d\d", it.digits) for it in dig)


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


_REPEAT_CUE = re.compile(r"again|once more|one more time|that's|thats|repeat|repeating|i'll repeat")


def number_sayings(
    transcript: Transcript, min_digits: int = 4, bridge: int = 3, max_word_s: float = 0.7, max_gap_s: float = 0.8
) -> list[tuple[float, float]]:
    """Where each saying of a number is, for a second listen: (start, end) in s, from the end of
    the word that leads into it to the start of the word after it.

    A saying is a run of digit words that may take in up to `bridge` short words between its
    digits, and two before or three after them (each at most `max_word_s` long, `max_gap_s`
    from its neighbour, not a word that frames a number): the digits Whisper wrote as words.
    Sayings are not merged, so two sayings of a number are listened to apart. Where a saying
    is followed by "again" and no digits were written after it, the speech after "again" (at
    least 2 s, at most 8 s) is a saying too: Whisper sometimes drops a repeat it finds dull."""
    words = transcript.words
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(words)]))
    n = len(items)
    items_of_word = {i: it.kind for it in items for i in it.words}

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
            after = w1 + 1  # "..., again" with no digits written after it: a saying the first listen lost
            if after < len(words) and _REPEAT_CUE.fullmatch(re.sub(r"[^a-z ]", "", words[after].text.lower())):
                rest = [i for i in range(after + 1, len(words)) if words[i].start < words[after].end + 2.0]
                if not any(items_of_word.get(i) in _DIG for i in rest):
                    end = max((e for _, e in transcript.speech_regions), default=transcript.duration)
                    stop = words[after + 1].start if after + 1 < len(words) else max(end, words[after].end)
                    if stop - words[after].end >= 2.0:
                        out.append((round(words[after].end, 3), round(min(stop, words[after].end + 8.0), 3)))
        k = hi + 1
    return out


@dataclass(frozen=True)
class HeardDigits:
    """Digit words heard where no phone number could be read: what was heard, and when."""

    text: str  # the words as heard ("20 65 83", "I'm four, one.")
    start: float  # s, the first digit word's start
    end: float  # s, the last digit word's end
    digits: int  # how many digits the words stand for: a floor on how many were said


def stray_digits(transcript: Transcript, min_digits: int = 4) -> HeardDigits | None:
    """Digit words heard where no phone number could be read, the longest run.

    A number said too fast comes out as a few digits, or digits mixed with other words; a
    lone "2" or "one" is a quantity, so a run needs `min_digits` digits."""
    items = _homophones(_combine([_classify(i, w) for i, w in enumerate(transcript.words)]))
    best: HeardDigits | None = None
    run: list[_Item] = []
    for it in [*items, _Item("word", 1e9, 1e9, [])]:
        if it.kind in _DIG or (it.kind in _SOFT and run):
            run.append(it)
            continue
        d = _digits(run)
        if len(d) >= min_digits and not _looks_like_years(run) and (best is None or len(d) > best.digits):
            dig = [r for r in run if r.kind in _DIG]
            best = HeardDigits(" ".join(r.raw for r in dig), dig[0].start, dig[-1].end, len(d))
        run = []
    return best


def digit_sayings(transcript: Transcript, min_digits: int = 4) -> list[HeardDigits]:
    """Each saying of digits (`number_sayings`: digit words with the short words between and
    beside them that may be digits Whisper wrote as words), counted in the digits said one at a
    time ("six, one, two", "5, 3"): "I'm four, one, I'll take heaven" for "9 4 1 9 8 7". A year,
    an amount or a percentage ("2014", "30 -40", "10 ,000") is no saying of digits; two single
    digits at least make one."""
    out: list[HeardDigits] = []
    for a, b in number_sayings(transcript, min_digits):
        words = [w for w in transcript.words if a <= (w.start + w.end) / 2 <= b]
        single = [w for w in words if len(digits_in_word(w.text)) == 1]
        if len(single) >= 2:
            out.append(HeardDigits(" ".join(w.text for w in words), single[0].start, single[-1].end, len(single)))
    return out


def saying_digits(transcript: Transcript, min_digits: int = 4) -> HeardDigits | None:
    """The longest saying of digits (`digit_sayings`), where no run of them read as a number."""
    return max(digit_sayings(transcript, min_digits), key=lambda s: s.digits, default=None)
