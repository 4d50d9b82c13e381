"""The number's rows on hand-built transcripts (#24): a number is "too fast" only where its
measured pace says so, "dragging" wherever it drags, a number not made out is "couldn't make
out" with what was heard, a wrong number never passes, and the four rows never contradict each
other (no "give it twice" beside "You gave the number twice", no "slowly" beside "drags")."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import t

from reviewer.measures.number.find import find_phone_numbers
from reviewer.measures.pace import measure_timing
from reviewer.profile import make_profile
from reviewer.recognition.words import words_from_tuples
from reviewer.rubric import run_checks
from reviewer.rubric.thresholds import Thresholds

OPENING = "Hi, this is Dana from Northwind, we cut freight costs by a third. "
NUMBER = "2 0 6 5 8 3 1 9 4 7"
ROWS = ("phone_number", "number_pace", "number_groups", "number_repeated")


def judge(tr, numbers=None, telephone_band=False, profile=None, **over) -> dict:
    """The number's findings for a transcript (its numbers found, or the ones given)."""
    th = dataclasses.replace(Thresholds(), **over)
    numbers = find_phone_numbers(tr, region=th.number_region) if numbers is None else numbers
    timing = measure_timing(tr, (), 0.5, numbers)
    found = run_checks(tr, timing, (), (), numbers, th, "callback", profile, telephone_band)
    return {f.check: f for f in found if f.check in ROWS}


def review(text: str, digit_step: float = 0.5, **kw) -> dict:
    return judge(t(OPENING + text, digit_step=digit_step), **kw)


def messages(by: dict) -> str:
    return " | ".join(f.message for f in by.values())


# ---------------------------------------------------------------- too fast only when measured so


def test_digits_said_slowly_that_read_as_no_number_are_not_made_out_not_too_fast():
    # "five eight three" heard as "I made 3": the rest of the number said slowly (1.25 digits/s)
    by = review("Call me at I made 3, 2 1 9. Thanks.", digit_step=0.8)
    f = by["phone_number"]
    assert f.status == "warn" and f.unsure and f.message.startswith("Couldn't make out your number")
    assert '"3, 2 1 9.' in f.message and "fast" not in f.message
    assert "number_pace" not in by  # a floor on the pace in range says neither fast nor slow


def test_digits_that_read_as_no_number_said_fast_are_too_fast():
    by = review("Call me at 20 65 83 at one. Thanks.")
    assert by["phone_number"].status == "fail" and "too fast" in by["phone_number"].message
    assert by["number_pace"].status == "fail"  # the same measure, the same word


def test_a_number_that_lost_a_digit_and_dragged_is_told_it_drags():
    # nine digits heard at 0.8 digits a second: the number row flags the digits, the pace row the drag
    by = review("Call me at 2 0 6 5 8 3 1 9 4. Thanks.", digit_step=1.25)
    assert by["phone_number"].status == "fail" and "9 digits" in by["phone_number"].message
    pace = by["number_pace"]
    assert pace.status == "warn" and " drags at " in pace.message and pace.value < 1.0
    assert "slowly" not in by["phone_number"].message  # never "slowly" beside "drags"
    assert "steady" in by["phone_number"].message


def test_a_rushed_number_that_lost_a_digit_is_too_fast():
    by = review("Call me at 2 0 6 5 8 3 1 9 4. Thanks.", digit_step=0.2)
    assert by["phone_number"].status == "fail"
    assert by["number_pace"].status == "fail" and by["number_pace"].value > Thresholds().number_fail_dps
    assert "slowly" in by["phone_number"].message


def test_a_misheard_number_at_normal_pace_gets_no_pace_verdict():
    by = review("Call me at 2 0 6 5 8 3 1 9 4. Thanks.")
    assert by["phone_number"].status == "fail" and "number_pace" not in by


def test_digits_squeezed_into_less_time_than_anyone_says_them_are_no_pace():
    tr = t(OPENING + f"Call me at {NUMBER}. Thanks.")
    numbers = tuple(dataclasses.replace(n, timing_source="implausible") for n in find_phone_numbers(tr))
    pace = judge(tr, numbers)["number_pace"]
    assert pace.status == "warn" and pace.unsure and pace.message.startswith("Couldn't measure")


def test_at_writing_speed_the_advice_is_not_to_slow_down():
    tr = t(OPENING + f"Call me at {NUMBER}. Thanks.")
    numbers = tuple(dataclasses.replace(n, confirmed=False) for n in find_phone_numbers(tr))
    by = judge(tr, numbers)
    assert by["number_pace"].status == "pass" and "writing speed" in by["number_pace"].message
    assert "slowly" not in by["phone_number"].message


# ---------------------------------------------------------------- the repeat, never contradicted


def test_a_number_said_once_and_not_confirmed_is_never_told_it_was_not_heard_twice():
    tr = t(OPENING + f"Call me at {NUMBER}. Thanks.")
    numbers = tuple(dataclasses.replace(n, confirmed=False) for n in find_phone_numbers(tr))
    by = judge(tr, numbers)
    f = by["phone_number"]
    assert f.status == "warn" and f.unsure and f.message.startswith("Couldn't make out your number for sure")
    assert "twice" not in f.message
    assert by["number_repeated"].status == "warn" and "Say the number twice" in by["number_repeated"].message


def test_a_number_given_twice_and_not_confirmed_says_nothing_of_giving_it_twice():
    tr = t(OPENING + f"Call me at {NUMBER}. Again, {NUMBER}. Thanks.")
    numbers = tuple(dataclasses.replace(n, confirmed=False) for n in find_phone_numbers(tr))
    by = judge(tr, numbers)
    assert by["number_repeated"].message == "You gave the number twice."
    assert "twice" not in by["phone_number"].message


def test_a_repeat_heard_as_other_digits_says_how_both_were_heard():
    by = review(f"Call me at {NUMBER}. Again, 2 0 6 tree 8 1 9 nor 7. Thanks.")
    f = by["number_repeated"]
    assert f.status == "warn" and f.unsure and f.message.startswith("Couldn't hear your number the same twice")
    assert "206-583-1947" in f.message and '"2 0 6 tree 8 1 9 nor 7' in f.message
    assert "Say the number twice" not in f.message
    # said once, with an extension after it: the extension is no second saying
    once = review(f"Call me at {NUMBER}, extension 2 0 4 5. Thanks.")
    assert once["number_repeated"].message.startswith("Say the number twice")


# ---------------------------------------------------------------- a wrong number never passes


@pytest.mark.parametrize("telephone_band", [False, True])
def test_a_wrong_number_never_passes(telephone_band):
    tr = t(OPENING + f"Call me at {NUMBER}. Again, {NUMBER}. Thanks.")
    numbers = find_phone_numbers(tr)
    other = make_profile("Dana Reyes", "Northwind", "206-583-1974")
    assert judge(tr, numbers, telephone_band, other)["phone_number"].status != "pass"
    disagreed = tuple(dataclasses.replace(n, second_opinion="2065831974") for n in numbers)
    f = judge(tr, disagreed, telephone_band)["phone_number"]
    assert f.status == "warn" and f.unsure and "206-583-1974" in f.message
    unconfirmed = tuple(dataclasses.replace(n, confirmed=False) for n in numbers)
    assert judge(tr, unconfirmed, telephone_band)["phone_number"].status != "pass"
    # the rep's own number heard exactly: the profile confirms it
    mine = make_profile("Dana Reyes", "Northwind", "206-583-1947")
    assert judge(tr, unconfirmed, telephone_band, mine)["phone_number"].status == "pass"


def test_at_telephone_band_digits_heard_among_other_words_are_not_made_out_not_missing():
    # "9 4 1 9 8 7" heard as "I'm four, one. I'll take heaven." at 8 kHz: no run of digits at all
    text = "Call me at I'm four, one, I'll take heaven. Thanks."
    full = review(text)
    phone = review(text, telephone_band=True)
    assert full["phone_number"].message.startswith("No phone number heard")
    f = phone["phone_number"]
    assert f.status == "warn" and f.unsure and "I'm four, one" in f.message and "at phone quality" in f.message


# ---------------------------------------------------------------- groups: toll-free and other countries


def rows_of(tokens: list[tuple[str, float]], lead: str = "Call me at") -> list[tuple[str, float, float]]:
    """Lead words, then (digit, pause before it in s) said 0.35 s each, then "Thanks."."""
    rows, now = [], 0.5
    for w in (OPENING + lead).split():
        rows.append((w, now, now + 0.28))
        now += 0.4
    for d, pause in tokens:
        now += pause
        rows.append((d, now, now + 0.3))
        now += 0.4
    rows.append(("Thanks.", now + 0.3, now + 0.6))
    return rows


def toll_free(pauses: dict[int, float]) -> list[tuple[str, float]]:
    return [(d, pauses.get(i, 0.0)) for i, d in enumerate("18006427391")]


def test_a_toll_free_number_in_1_3_3_4_groups_is_grouped():
    tr = words_from_tuples(rows_of(toll_free({1: 0.4, 4: 0.4, 7: 0.4})))
    (num,) = find_phone_numbers(tr)
    assert num.e164 == "+18006427391" and [g.digits for g in num.groups] == ["1", "800", "642", "7391"]
    assert judge(tr)["number_groups"].status == "pass"
    # the "1" run into "800" is still its own group, and the 3-3-4 after it is what counts
    tr = words_from_tuples(rows_of(toll_free({4: 0.4, 7: 0.4})))
    (num,) = find_phone_numbers(tr)
    assert [g.digits for g in num.groups] == ["1", "800", "642", "7391"] and num.group_pauses[0] == 0.0
    assert judge(tr)["number_groups"].status == "pass"
    # a pause after the "1" alone is no grouping of the ten digits
    tr = words_from_tuples(rows_of(toll_free({1: 0.4})))
    by = judge(tr)
    assert by["number_groups"].status == "warn" and "(3-3-4)" in by["number_groups"].message


@pytest.mark.parametrize("area", ["800", "888", "877", "866", "855", "844", "833"])
def test_every_toll_free_prefix_is_a_valid_number(area):
    tr = t(f"Call us at one {' '.join(area)} six four two, seven three nine one. Thanks.")
    (num,) = find_phone_numbers(tr)
    assert num.valid and num.e164 == f"+1{area}6427391"


def test_a_number_of_another_country_is_advised_in_its_own_groups():
    # a London number said in one run under GB: its groups are 3-4-4, not 3-3-4
    tr = words_from_tuples(rows_of([(d, 0.0) for d in "02079460958"], lead="Ring me on"))
    by = judge(tr, number_region="GB")
    assert by["phone_number"].status == "pass"
    assert by["number_groups"].status == "warn" and "(3-4-4)" in by["number_groups"].message
