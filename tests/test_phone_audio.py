"""The energy check: synthetic bursts with known timing under transcripts whose times are wrong.

Each "word" and each digit is a burst of sound (tones or noise) at a known place, so the
true span of the number and the true pauses between its groups are known exactly.
"""

from __future__ import annotations

import numpy as np
import pytest

from reviewer.measures.number.find import find_phone_numbers
from reviewer.recognition.words import words_from_tuples
from reviewer.sound.decode import Audio

RATE = 16_000


def burst(dur: float, rng: np.random.Generator, kind: str = "tone", amp: float = 0.3) -> np.ndarray:
    n = int(round(dur * RATE))
    t = np.arange(n) / RATE
    if kind == "tone":  # a vowel-like stack of harmonics
        f0 = rng.uniform(110, 220)
        x = sum(np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 6.28)) / h for h in range(1, 6))
    else:
        x = rng.standard_normal(n)
    x = x / np.max(np.abs(x)) * amp
    ramp = min(n // 2, int(0.01 * RATE))
    env = np.ones(n)
    env[:ramp] = np.linspace(0, 1, ramp)
    env[n - ramp :] = np.linspace(1, 0, ramp)
    return x * env


def render(
    bursts: list[tuple[float, float]], total: float, noise_db: float = -60.0, seed: int = 1, kind: str = "tone"
) -> Audio:
    """Audio with a burst at each (start, dur), over a faint noise floor."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(int(total * RATE)) * 10 ** (noise_db / 20)
    for i, (s, d) in enumerate(bursts):
        b = burst(d, rng, kind if kind != "mixed" else ("tone" if i % 2 else "noise"))
        a = int(round(s * RATE))
        x[a : a + len(b)] += b
    return Audio(samples=x.astype(np.float32), rate=RATE, source_rate=RATE, source_channels=1)


def number_bursts(start: float, groups=(3, 3, 4), digit=0.25, gap=0.06, pause=0.45):
    """Digit bursts in groups; returns (bursts, per-group (start, end))."""
    out, spans, t = [], [], start
    for size in groups:
        g0 = t
        for j in range(size):
            out.append((t, digit))
            t += digit + (gap if j < size - 1 else 0)
        spans.append((g0, t))
        t += pause
    return out, spans


LEAD = [(0.50, 0.30), (0.85, 0.20), (1.10, 0.20)]  # "Call me at"


def test_squeezed_single_token_recovers_span_and_groups():
    digits, spans = number_bursts(1.60)
    audio = render(LEAD + digits + [(5.90, 0.40)], 7.0, kind="mixed")
    true_start, true_end = spans[0][0], spans[-1][1]
    # Whisper's times: the first word from 0.00, the number squeezed into 0.54 s (18.5 digits/s)
    t = words_from_tuples(
        [("Call", 0.0, 0.8), ("me", 0.85, 1.05), ("at", 1.1, 1.3), ("7634164321.", 2.0, 2.54), ("Thanks.", 5.9, 6.3)],
        duration=7.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "audio" and num.grouping_source == "audio"
    assert num.start == pytest.approx(true_start, abs=0.1)
    assert num.end == pytest.approx(true_end, abs=0.1)
    assert num.digits_per_second == pytest.approx(10 / (true_end - true_start), abs=0.15)
    assert [g.digits for g in num.groups] == ["763", "416", "4321"]
    for g, (s, e) in zip(num.groups, spans):
        assert (g.start, g.end) == (pytest.approx(s, abs=0.1), pytest.approx(e, abs=0.1))
    assert num.group_pauses == (pytest.approx(0.45, abs=0.05), pytest.approx(0.45, abs=0.05))
    # without audio the same transcript says the pace is implausible
    (plain,) = find_phone_numbers(t)
    assert plain.timing_source == "words-unreliable" and plain.digits_per_second > 15


def test_stretched_token_is_trimmed_and_text_groups_match_the_pauses():
    digits, spans = number_bursts(1.60, pause=0.35)
    audio = render(LEAD + digits + [(5.90, 0.40)], 7.0)
    true_start, true_end = spans[0][0], spans[-1][1]
    t = words_from_tuples(
        [("Call", 0.5, 0.8), ("me", 0.85, 1.05), ("at", 1.1, 1.3), ("763-416-4321.", 1.35, 5.8), ("Thanks.", 5.9, 6.3)],
        duration=7.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert (num.start, num.end) == (pytest.approx(true_start, abs=0.1), pytest.approx(true_end, abs=0.1))
    assert [g.digits for g in num.groups] == ["763", "416", "4321"] and num.grouping_source == "audio"
    assert num.group_pauses == (pytest.approx(0.35, abs=0.05), pytest.approx(0.35, abs=0.05))


def test_pause_after_every_digit_groups_by_the_longer_pauses():
    # like Allison's recorded digits: 0.25 s after each digit, 0.8 s between the groups
    digits, spans = number_bursts(1.2, digit=0.4, gap=0.25, pause=0.8)
    audio = render(digits + [(spans[-1][1] + 0.6, 0.4)], spans[-1][1] + 1.5, kind="noise")
    rng = np.random.default_rng(7)
    rows = []
    for i, (s, d) in enumerate(digits):  # per-digit words, jittered by up to 0.1 s
        j0, j1 = rng.uniform(-0.1, 0.1, 2)
        rows.append(("7634164321"[i] + ",", round(s + j0, 3), round(s + d + j1, 3)))
    rows[0] = (rows[0][0], 0.0, rows[0][2])  # the first word stamped from 0.00
    rows.append(("Thanks.", spans[-1][1] + 0.6, spans[-1][1] + 1.0))
    (num,) = find_phone_numbers(words_from_tuples(rows, duration=spans[-1][1] + 1.5), audio)
    assert num.start == pytest.approx(spans[0][0], abs=0.1) and num.end == pytest.approx(spans[-1][1], abs=0.1)
    assert [g.digits for g in num.groups] == ["763", "416", "4321"] and num.grouping_source == "audio"
    assert num.group_pauses == (pytest.approx(0.8, abs=0.05), pytest.approx(0.8, abs=0.05))


def test_a_filler_the_transcript_lost_does_not_shift_the_groups():
    # 763 (pause) um (pause) 416 (pause) 4321, transcribed as "763," "416," "4321."
    digits, spans = number_bursts(1.6, pause=0.3)
    shift = 0.6  # room for the "um"
    moved = digits[:3] + [(s + shift, d) for s, d in digits[3:]]
    um = (spans[0][1] + 0.3, 0.3)
    end = spans[-1][1] + shift
    audio = render(LEAD + moved + [um, (end + 0.5, 0.4)], end + 1.5)
    t = words_from_tuples(
        [
            ("Call", 0.5, 0.8),
            ("me", 0.85, 1.05),
            ("at", 1.1, 1.3),
            ("763,", 1.6, 2.5),
            ("416,", 3.2, 4.1),
            ("4321.", 4.5, end),
            ("Thanks.", end + 0.5, end + 0.9),
        ],
        duration=end + 1.5,
    )
    (num,) = find_phone_numbers(t, audio)
    assert [g.digits for g in num.groups] == ["763", "416", "4321"]
    assert num.groups[1].start == pytest.approx(spans[1][0] + shift, abs=0.1)


def test_no_pause_in_the_audio_is_one_group_whatever_the_text_says():
    digits, spans = number_bursts(1.6, pause=0.06)  # said in one run
    audio = render(LEAD + digits + [(spans[-1][1] + 0.5, 0.4)], spans[-1][1] + 1.5)
    t = words_from_tuples(
        [("at", 1.1, 1.3), ("7634164321,", 1.7, 4.0), ("thanks.", spans[-1][1] + 0.5, spans[-1][1] + 0.9)],
        duration=spans[-1][1] + 1.5,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "audio" and num.grouping_source == "audio"
    assert num.start == pytest.approx(1.6, abs=0.1) and num.end == pytest.approx(spans[-1][1], abs=0.1)
    # said in one run: shown as one group, not as 3-3-4 by its length
    assert [g.digits for g in num.groups] == ["7634164321"] and num.group_pauses == ()
    # Whisper's hyphens do not make groups the audio did not have
    t = words_from_tuples(
        [("at", 1.1, 1.3), ("763-416-4321,", 1.7, 4.0), ("thanks.", spans[-1][1] + 0.5, spans[-1][1] + 0.9)],
        duration=spans[-1][1] + 1.5,
    )
    (num,) = find_phone_numbers(t, audio)
    assert [g.digits for g in num.groups] == ["7634164321"] and num.grouping_source == "audio"


def test_noisy_recording_still_finds_the_pauses():
    digits, spans = number_bursts(1.6, pause=0.4)
    audio = render(LEAD + digits + [(spans[-1][1] + 0.5, 0.4)], spans[-1][1] + 1.5, noise_db=-35.0)
    t = words_from_tuples(
        [("at", 1.1, 1.3), ("7634164321.", 2.0, 2.5), ("Thanks.", spans[-1][1] + 0.5, spans[-1][1] + 0.9)],
        duration=spans[-1][1] + 1.5,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.start == pytest.approx(1.6, abs=0.1) and num.end == pytest.approx(spans[-1][1], abs=0.1)
    assert [g.digits for g in num.groups] == ["763", "416", "4321"]


def test_silent_or_missing_audio_keeps_word_times():
    rows = [("at", 1.1, 1.3), ("763-416-4321.", 1.6, 4.6), ("Thanks.", 5.0, 5.3)]
    silent = Audio(samples=np.zeros(6 * RATE, np.float32), rate=RATE, source_rate=RATE, source_channels=1)
    (num,) = find_phone_numbers(words_from_tuples(rows), silent)
    assert num.timing_source == "words" and (num.start, num.end) == (1.6, 4.6)
    assert num.grouping_source == "text"


def test_real_recorded_digits_through_whisper(base_transcriber):
    """Allison's recorded digits, 0.5 s between the groups: base writes "7," "6," ... per digit."""
    from conftest import DATA

    from reviewer.sound.decode import load_audio

    audio = load_audio(DATA / "allison_7634164321.wav")
    (num,) = find_phone_numbers(base_transcriber.transcribe(audio), audio)
    assert num.digits == "7634164321" and num.valid
    assert num.timing_source == "audio" and num.grouping_source == "audio"
    assert [g.digits for g in num.groups] == ["763", "416", "4321"]
    assert all(p > 0.6 for p in num.group_pauses)
    assert 0.9 < num.digits_per_second < 1.3


def test_tail_of_the_previous_word_is_not_the_number():
    # "at" really lasts to 1.50 s but is stamped to end at 1.30; the number starts at 1.70
    digits, spans = number_bursts(1.70)
    audio = render([(0.5, 0.3), (0.85, 0.2), (1.1, 0.4)] + digits + [(6.0, 0.4)], 7.0)
    t = words_from_tuples(
        [("Call", 0.5, 0.8), ("me", 0.85, 1.05), ("at", 1.1, 1.3), ("7634164321.", 2.0, 2.5), ("Thanks.", 6.0, 6.4)],
        duration=7.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.start == pytest.approx(1.70, abs=0.1) and num.end == pytest.approx(spans[-1][1], abs=0.1)
    assert [g.digits for g in num.groups] == ["763", "416", "4321"]


def test_number_stamped_over_the_next_words_start_ends_where_its_speech_ends():
    # tiny.en on espeak: the number's end stamp ran 0.05 s into "Talk", whose own stamp came late
    digits, spans = number_bursts(1.6, pause=0.1)
    true_end = spans[-1][1]
    talk = (true_end + 0.3, 0.4)
    audio = render(LEAD + digits + [talk], true_end + 1.5)
    t = words_from_tuples(
        [("at", 1.1, 1.3), ("7634164321.", 1.6, talk[0] + 0.05), ("Talk", talk[0] + 0.15, talk[0] + 0.4)],
        duration=true_end + 1.5,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "audio"
    assert num.end == pytest.approx(true_end, abs=0.1)


def test_the_word_before_the_digits_is_not_taken_into_the_span():
    # "that's" runs to 1.62 s, 0.08 s before the first digit, but is stamped to end at 1.35:
    # the span and digits per second come from the digits alone
    digits, spans = number_bursts(1.70, digit=0.3, gap=0.12)
    audio = render([(0.5, 0.3), (0.85, 0.2), (1.2, 0.42)] + digits + [(7.5, 0.4)], 8.5)
    rows = [("Again,", 0.5, 0.8), ("that's", 1.1, 1.35)]
    for (s, d), c in zip(digits, "7634164321"):
        rows.append((c, s, s + d))
    rows.append(("Thanks.", 7.5, 7.9))
    (num,) = find_phone_numbers(words_from_tuples(rows, duration=8.5), audio)
    assert num.start == pytest.approx(1.70, abs=0.05)
    true_dps = 10 / (spans[-1][1] - 1.70)
    assert num.digits_per_second == pytest.approx(true_dps, rel=0.05)


def test_a_short_last_digit_stamped_before_its_end_stays_in_the_number():
    # Allison's last "six" is mostly a weak "s" and "ks": 0.2 s of energy that starts just before
    # the number's end stamp and lies 0.25 s after the digit before it, but 0.6 s before the next
    # word. It is the number's, not the next word's (measured: the span lost 0.7 s of 7.9 s)
    digits, spans = number_bursts(1.70)
    *rest, (last_start, _) = digits
    last = (last_start + 0.2, 0.2)  # a short last digit, 0.2 s after the one before
    audio = render(LEAD + rest + [last, (last[0] + last[1] + 0.6, 0.4)], 8.0)
    end_stamp = last[0] + 0.05
    t = words_from_tuples(
        [("at", 1.1, 1.3), ("7634164321.", 1.7, end_stamp), ("Goodbye.", last[0] + 0.8, last[0] + 1.2)],
        duration=8.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "audio"
    assert num.end == pytest.approx(last[0] + last[1], abs=0.05)


def test_the_release_of_the_word_before_is_not_the_first_digit():
    # "call at": the "t" is released 0.03 s after the word, a 0.06 s click, and Whisper stamps the
    # first digit from there; the digits start 0.3 s later. The click is the word's, not a digit
    # (measured: a number's span started 0.36 s early, its pace and the pace outside it off)
    digits, spans = number_bursts(1.70)
    audio = render([(0.5, 0.3), (0.85, 0.2), (1.1, 0.27), (1.40, 0.06)] + digits + [(7.0, 0.4)], 8.0)
    t = words_from_tuples(
        [("call", 0.85, 1.05), ("at", 1.1, 1.38), ("7634164321.", 1.38, spans[-1][1]), ("Thanks.", 7.0, 7.4)],
        duration=8.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "audio"
    assert num.start == pytest.approx(1.70, abs=0.03)


def test_more_digits_than_the_speech_could_hold_are_no_pace_of_the_reps():
    # a decoder's loop: 13 digits written where the audio holds 1 s of speech between the words
    audio = render(LEAD + [(1.6, 1.0), (3.5, 0.4)], 5.0)
    t = words_from_tuples(
        [("Call", 0.5, 0.8), ("me", 0.85, 1.05), ("at", 1.1, 1.3)]
        + [(d + ",", round(1.6 + i * 0.077, 3), round(1.6 + (i + 1) * 0.077, 3)) for i, d in enumerate("3213213213213")]
        + [("Thanks.", 3.5, 3.9)],
        duration=5.0,
    )
    (num,) = find_phone_numbers(t, audio)
    assert num.timing_source == "implausible" and num.digits_per_second > 9.0
