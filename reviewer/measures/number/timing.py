"""How a number was said in time: its span, digits per second, groups and the pauses between them.

Whisper's word times for a number written as one token can be far off (ASR-NOTES.md: an
implied 18.5 digits/s where the truth was 5), so when the audio is at hand the span and the
pauses between groups are measured on its energy envelope; otherwise they come from the word
times, the text's punctuation ("763-416-4321") or the 3-3-4 pattern.

Pure functions on Audio and the digit units of digits.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from statistics import median

import numpy as np

from reviewer.measures.number.digits import _SOFT, _digits, _Item
from reviewer.sound.decode import Audio
from reviewer.sound.signal import Signal

__all__ = ["DigitGroup", "PhoneOptions"]


@dataclass(frozen=True)
class DigitGroup:
    """Digits said in one breath between pauses ("763"); the unit a listener writes down."""

    digits: str
    start: float  # s
    end: float  # s
    digits_per_second: float  # len(digits) / (end - start), duration floored at 50 ms


@dataclass(frozen=True)
class PhoneOptions:
    """The detector's knobs; defaults measured on espeak, Allison and Whisper base output.

    Here with the timing, which uses most of them; the first two choose the candidates (find.py)."""

    max_word_gap_s: float = 1.5  # s, a longer gap between digit words starts a new candidate
    min_digits: int = 7  # fewer is a quantity, a year or a zip code, not a phone number
    max_plausible_dps: float = 6.0  # digits/s; faster word times are Whisper's, not the rep's
    # digits/s over the audio's measured speech that no one says (espeak's fastest digits: about
    # 8.5): more digits written there are a decoder's loop or a squeeze, no pace of the rep's
    max_spoken_dps: float = 9.0
    frame_s: float = 0.020  # s, RMS frame (whole 10 ms cells of the Signal's frame-power grid)
    hop_s: float = 0.010  # s, RMS hop
    speech_below_p95_db: float = 28.0  # dB below the 95th-percentile frame that is still speech
    speech_above_floor_db: float = 6.0  # dB above the noise floor (10th percentile) that is speech
    min_island_s: float = 0.030  # s, shorter bursts of energy are clicks
    min_pause_audio_s: float = 0.12  # s, a silence at least this long inside a number is a pause
    min_pause_words_s: float = 0.20  # s, a gap between word times at least this long is a pause
    link_gap_s: float = 0.15  # s, speech this close outside plausible word times joins the number
    search_margin_s: float = 0.6  # s, how far outside plausible word times to look for its speech
    neighbour_tail_s: float = 0.3  # s, speech cut by the search window's edge and shorter is a neighbour's
    click_s: float = 0.12  # s, speech this short beside a pause is a neighbouring word's release, not a digit


@dataclass(frozen=True)
class _Envelope:
    """Where the recording has speech energy, as (start, end) segments in seconds."""

    segments: tuple[tuple[float, float], ...]
    usable: bool


def _envelope(audio: Audio | Signal, opts: PhoneOptions) -> _Envelope:
    """Short-time RMS; speech is within `speech_below_p95_db` of the loud frames and above the floor.

    The frame power is the Signal's when given one (measured once per review)."""
    signal = audio if isinstance(audio, Signal) else Signal(audio)
    rate = signal.audio.rate
    fl, hop = max(1, round(opts.frame_s * rate)), max(1, round(opts.hop_s * rate))
    if signal.audio.samples.size < fl * 10:
        return _Envelope((), False)
    _, ms = signal.frame_power(opts.frame_s, opts.hop_s)
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

        # An edge piece apart from the digits and nearer the speech beyond it is a neighbour's:
        # one under `neighbour_tail_s` that only grazes the words' span, or, wherever Whisper's
        # stamp put it, a click shorter than any digit (the "t" released after "at": the first
        # digit's stamp often starts at the word before's end). A last "six", mostly its weak
        # "s" and "ks", is short too, but nearer the digits than the next word: it stays.
        def short(k: int, outside: bool) -> bool:
            length = segs[k][1] - segs[k][0]
            return length < opts.neighbour_tail_s if outside else length < opts.click_s

        if len(inside) > 1 and short(inside[0], sum(segs[inside[0]]) / 2 < clo):
            gap = segs[inside[1]][0] - segs[inside[0]][1]
            if gap >= 0.1 and segs[inside[0]][0] - _speech_before(env, segs[inside[0]][0], opts.click_s) < gap:
                inside = inside[1:]
        if len(inside) > 1 and short(inside[-1], sum(segs[inside[-1]]) / 2 > chi):
            gap = segs[inside[-1]][0] - segs[inside[-2]][1]
            if gap >= 0.1 and _speech_after(env, segs[inside[-1]][1], opts.click_s) - segs[inside[-1]][1] < gap:
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


def _speech_after(env: _Envelope, t: float, click: float) -> float:
    """Where the next speech after `t` s starts, clicks (shorter than `click` s) skipped; inf if none."""
    return next((a for a, b in env.segments if a >= t and b - a >= click), float("inf"))


def _speech_before(env: _Envelope, t: float, click: float) -> float:
    """Where the last speech before `t` s ends, clicks skipped; -inf if none."""
    return max((b for a, b in env.segments if b <= t and b - a >= click), default=float("-inf"))


def _silences(env: _Envelope, a0: float, a1: float, min_len: float) -> list[tuple[float, float]]:
    segs = [s for s in _clip(env.segments, a0, a1) if s[1] - s[0] >= 0.01]
    return [(b0, a1_) for (_, b0), (a1_, _) in zip(segs, segs[1:]) if a1_ - b0 >= min_len]


def _significant(gaps: list, n: int, dur=lambda g: g[1] - g[0]) -> list:
    """Pauses that set groups apart; a rep who pauses after every digit groups by the longer ones."""
    if len(gaps) >= max(3, 0.6 * (n - 1)):
        med = median(dur(g) for g in gaps)
        return [g for g in gaps if dur(g) >= max(1.6 * med, med + 0.15)]
    return list(gaps)


@dataclass
class _Timed:
    """Per-digit times and the text's group boundaries for one candidate."""

    digits: str
    t0: np.ndarray
    t1: np.ndarray
    text_cuts: list[int] = field(default_factory=list)
    word_cuts: list[tuple[int, float, float]] = field(default_factory=list)  # (k, gap start, gap end)
    # the text's cuts inside one token ("763-416" written as one word, with one time): no word
    # time says anything there, so only the token's own hyphens or spaces can
    token_cuts: list[int] = field(default_factory=list)


def _time_digits(run: list[_Item]) -> _Timed:
    """Spread each unit's digits evenly over its time span; note where the text and words split."""
    t0: list[float] = []
    t1: list[float] = []
    text_cuts: list[int] = []
    token_cuts: list[int] = []
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
        token_cuts.extend(k + c for c in it.cuts)
        m = len(it.digits)
        step = (it.end - it.start) / m
        for j in range(m):
            t0.append(it.start + j * step)
            t1.append(it.start + (j + 1) * step)
        prev, filler_between = it, False
    return _Timed(_digits(run), np.array(t0), np.array(t1), sorted(set(text_cuts)), word_cuts, sorted(token_cuts))


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


def _find_groups(
    tm: _Timed,
    env: _Envelope | None,
    span: tuple[float, float] | None,
    reliable_words: bool,
    national: list[int],
    opts: PhoneOptions,
) -> tuple[list[DigitGroup], list[float], str]:
    """The groups as they were said, and how they were found (`PhoneNumber.grouping_source`).

    The audio's pauses first: where the span was measured and has no pause at all, the number
    came in one run, whatever punctuation Whisper wrote. Then the pauses between the digit
    words' times (a gap of `min_pause_words_s` or more splits a group; inside one token, with
    one time, its own hyphens or spaces do). Only where neither says anything, the text's
    groups, then the usual pattern for the number's length or country (`national`)."""
    d, n = tm.digits, len(tm.digits)
    by_words = reliable_words and len(tm.word_cuts) == n - 1
    if span is not None and env is not None:
        found = _audio_groups(tm, env, span[0], span[1], by_words, opts)
        if found is not None:
            return (*found, "audio")
        if not _silences(env, span[0], span[1], opts.min_pause_audio_s):
            return [_group(d, span[0], span[1])], [], "audio"
    text_ok = _text_groups_usable(tm.text_cuts, d) or bool(national and tm.text_cuts == national)
    if reliable_words:
        gaps = [(k, g0, g1) for k, g0, g1 in tm.word_cuts if round(g1 - g0, 3) >= opts.min_pause_words_s]
        chosen = [k for k, _, _ in _significant(gaps, n, dur=lambda g: g[2] - g[1])]
        if chosen:
            return (*_groups_from_cuts(tm, sorted({*chosen, *tm.token_cuts})), "word-gaps")
    if text_ok:
        return (*_groups_from_cuts(tm, tm.text_cuts), "text")
    cuts = national or _pattern_cuts(d)
    return (*_groups_from_cuts(tm, cuts), "pattern" if cuts else "none")


def _leading_one_apart(
    tm: _Timed, groups: list[DigitGroup], pauses: list[float]
) -> tuple[list[DigitGroup], list[float]]:
    """A number's leading "1" (the country code before a toll-free or long-distance number) is a
    group of its own, however it was run into the area code: the 3-3-4 grouping is the ten
    digits after it."""
    first = groups[0]
    if len(first.digits) < 2:
        return groups, pauses
    cut = float(np.clip(tm.t1[0], first.start, first.end))
    return [_group("1", first.start, cut), _group(first.digits[1:], cut, first.end), *groups[1:]], [0.0, *pauses]


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
