"""Phone numbers from hand-built transcripts: every way Whisper writes one, and what is not one."""

from __future__ import annotations

import dataclasses

import pytest

from reviewer.measures.number.find import DigitGroup, PhoneNumber, digits_in_word, find_phone_numbers
from reviewer.recognition.words import words_from_tuples


def seq(tokens, start=1.0, step=0.4, dur=0.3):
    """Rows for tokens said one after another: (text, start, end)."""
    return [(t, round(start + i * step, 3), round(start + i * step + dur, 3)) for i, t in enumerate(tokens)]


def lead(*words, end=1.0):
    """A few ordinary words before the number, ending at `end`."""
    n = len(words)
    return [(w, round(end - (n - i) * 0.3, 3), round(end - (n - i - 1) * 0.3 - 0.05, 3)) for i, w in enumerate(words)]


def one(rows, **kw) -> PhoneNumber:
    nums = find_phone_numbers(words_from_tuples(rows), **kw)
    assert len(nums) == 1, [n.digits for n in nums]
    return nums[0]


def group_digits(num: PhoneNumber) -> list[str]:
    return [g.digits for g in num.groups]


# ---------------------------------------------------------------- written forms


def test_per_digit_tokens_with_hyphens():
    rows = (
        lead("Call", "me", "at")
        + seq(["7", "-6", "-3", "-4", "-1", "-6", "-4", "-3", "-2", "-1."])
        + [("Thanks.", 5.5, 5.8)]
    )
    num = one(rows)
    assert num.digits == "7634164321"
    assert num.e164 == "+17634164321" and num.valid
    assert num.word_indices == tuple(range(3, 13))
    assert (num.start, num.end) == (1.0, 4.9)
    assert num.digits_per_second == pytest.approx(10 / 3.9, abs=1e-3)
    assert num.timing_source == "words"
    # evenly spaced digits give no pause evidence: 3-3-4 by length, and no pause
    assert group_digits(num) == ["763", "416", "4321"] and num.grouping_source == "pattern"
    assert num.group_pauses == (pytest.approx(0.1), pytest.approx(0.1))
    assert (num.times_said, num.occurrence) == (1, 1)


def test_comma_digits_with_longer_gaps_group_by_word_gaps():
    # "7, 6, 3," ... with 0.6 s gaps after the 3 and the 6, 0.1 s elsewhere
    t, rows = 2.0, []
    for i, d in enumerate("7634164321"):
        rows.append((d + ("." if i == 9 else ","), round(t, 3), round(t + 0.3, 3)))
        t += 0.3 + (0.6 if i in (2, 5) else 0.1)
    num = one(lead("number", "is", end=2.0) + rows)
    assert num.digits == "7634164321" and num.grouping_source == "word-gaps"
    assert group_digits(num) == ["763", "416", "4321"]
    assert num.group_pauses == (pytest.approx(0.6), pytest.approx(0.6))
    g = num.groups[0]
    assert (g.start, g.end) == (2.0, 3.1) and g.digits_per_second == pytest.approx(3 / 1.1, abs=1e-3)


def test_word_gaps_when_every_digit_pauses_use_the_longer_ones():
    # a rep who pauses 0.3 s after every digit and 0.9 s between the groups
    t, rows = 1.0, []
    for i, d in enumerate("6125550199"):
        rows.append((d + ",", round(t, 3), round(t + 0.3, 3)))
        t += 0.3 + (0.9 if i in (2, 5) else 0.3)
    num = one(rows)
    assert group_digits(num) == ["612", "555", "0199"] and num.grouping_source == "word-gaps"
    assert num.group_pauses == (pytest.approx(0.9), pytest.approx(0.9))


def test_evenly_paused_digits_fall_back_to_pattern():
    rows = [(d + ",", 1.0 + i * 0.6, 1.3 + i * 0.6) for i, d in enumerate("6125550199")]
    num = one(rows)
    assert num.grouping_source == "pattern" and group_digits(num) == ["612", "555", "0199"]


def test_one_token_with_hyphens_uses_the_text_groups_and_spreads_digits_evenly():
    rows = lead("Call", "me", "at") + [("763-416-4321.", 1.0, 4.0), ("Thanks.", 4.3, 4.6)]
    num = one(rows)
    assert num.digits == "7634164321" and num.valid
    assert num.grouping_source == "text" and group_digits(num) == ["763", "416", "4321"]
    assert [(g.start, g.end) for g in num.groups] == [(1.0, 1.9), (1.9, 2.8), (2.8, 4.0)]
    assert num.group_pauses == (0.0, 0.0)
    assert num.word_indices == (3,)


def test_three_tokens_group_as_their_times_show_not_as_written():
    rows = lead("at") + [("763", 1.0, 1.9), ("416", 2.0, 2.9), ("4321", 3.3, 4.4)]
    num = one(rows)
    # 0.1 s between "763" and "416" is no break; 0.4 s before "4321" is: two groups, as said
    assert num.digits == "7634164321" and group_digits(num) == ["763416", "4321"]
    assert num.grouping_source == "word-gaps" and num.group_pauses == (pytest.approx(0.4),)
    # with no pause between any of them, the text's groups stand (nothing in the times says otherwise)
    rows = lead("at") + [("763", 1.0, 1.9), ("416", 2.0, 2.9), ("4321", 3.0, 4.1)]
    assert group_digits(one(rows)) == ["763", "416", "4321"] and one(rows).grouping_source == "text"


def test_one_token_keeps_its_own_hyphens_where_word_times_say_nothing_inside_it():
    # "763-416" written as one word with one time, then a pause, then "4321"
    rows = lead("at") + [("763-416", 1.0, 2.8), ("4321.", 3.3, 4.5)]
    num = one(rows)
    assert group_digits(num) == ["763", "416", "4321"] and num.grouping_source == "word-gaps"
    assert num.group_pauses == (0.0, pytest.approx(0.5))
    # the same token run straight into the rest: no pause anywhere, the text's groups
    num = one(lead("at") + [("763-416", 1.0, 2.8), ("4321.", 2.85, 4.0)])
    assert group_digits(num) == ["763", "416", "4321"] and num.grouping_source == "text"


def test_three_tokens_with_leading_hyphens_keep_token_times():
    rows = lead("at") + [("763", 1.0, 2.0), ("-416", 2.0, 3.0), ("-4321.", 3.0, 4.6)]
    num = one(rows)
    assert group_digits(num) == ["763", "416", "4321"] and num.grouping_source == "text"
    assert num.groups[2].start == 3.0 and num.groups[2].end == 4.6


def test_one_token_of_ten_digits():
    rows = lead("at") + [("4129063578,", 1.0, 3.5), ("thanks.", 3.7, 4.0)]
    num = one(rows)
    assert num.digits == "4129063578" and num.e164 == "+14129063578" and num.valid
    assert num.digits_per_second == pytest.approx(4.0)
    assert num.grouping_source == "pattern" and group_digits(num) == ["412", "906", "3578"]
    assert num.groups[0].end == pytest.approx(1.75)  # 3 of 10 even shares of 2.5 s


def test_area_code_in_parentheses():
    rows = lead("at") + [("(763)", 1.0, 1.8), ("416-4321.", 2.1, 3.6)]
    num = one(rows)
    assert num.digits == "7634164321" and group_digits(num) == ["763", "416", "4321"]
    assert num.group_pauses[0] == pytest.approx(0.3)


def test_dotted_beam_one_form():
    # base with beam 1 wrote "7.6.3.416.4321": digits kept, grouping from the length
    num = one(lead("at") + [("7.6.3.416.4321.", 1.0, 4.0)])
    assert num.digits == "7634164321" and num.grouping_source == "pattern"
    assert group_digits(num) == ["763", "416", "4321"]


def test_dotted_form_with_a_stray_digit_is_kept_but_invalid():
    num = one(lead("at") + [("7.6.3.416.43321", 1.0, 4.0)])
    assert num.digits == "76341643321" and not num.valid and num.e164 is None


def test_spelled_digits_with_commas_group_by_punctuation():
    words = "seven six three, four one six, four three two one.".split()
    num = one(lead("at") + seq(words, step=0.35, dur=0.3))
    assert num.digits == "7634164321" and num.valid
    assert num.grouping_source == "text" and group_digits(num) == ["763", "416", "4321"]


def test_oh_and_zero_are_digits():
    words = "six one two, five five five, oh one zero oh.".split()
    num = one(lead("at") + seq(words))
    assert num.digits == "6125550100"


def test_double_and_triple():
    words = "six one two double five five oh one nine nine".split()
    assert one(lead("at") + seq(words)).digits == "6125550199"
    words = "eight triple five, oh one nine nine".split()
    num = one(lead("at") + seq(words))
    assert num.digits == "85550199"
    assert num.word_indices == tuple(range(1, 8))  # "triple" and "five" are both part of the number


def test_tens_words():
    words = "seven six three, four one six, forty-three twenty one.".split()
    assert one(lead("at") + seq(words)).digits == "7634164321"


def test_digits_split_across_words():
    num = one(lead("at") + seq(["76", "34", "164", "321"], step=0.6, dur=0.5))
    assert num.digits == "7634164321" and num.word_indices == (1, 2, 3, 4)


def test_plus_one_and_toll_free():
    num = one(lead("at") + [("+1", 1.0, 1.3), ("763-416-4321", 1.4, 4.0)])
    assert num.digits == "17634164321" and num.e164 == "+17634164321" and num.valid
    num = one(lead("Call") + [("1-800-555-0199", 1.0, 4.5)])
    assert num.digits == "18005550199" and num.e164 == "+18005550199" and num.valid
    assert group_digits(num) == ["1", "800", "555", "0199"] and num.grouping_source == "text"


def test_eight_hundred_spelled():
    words = "one eight hundred five five five, oh one nine nine.".split()
    num = one(lead("Call") + seq(words))
    assert num.digits == "18005550199" and num.valid


def test_international_with_plus():
    num = one(lead("at") + [("+44", 1.0, 1.5), ("20", 1.6, 1.9), ("7946", 2.0, 2.8), ("0958.", 2.9, 3.7)])
    assert num.e164 == "+442079460958" and num.valid


def test_filler_inside_does_not_break_the_number():
    rows = lead("at") + [("763,", 1.0, 1.9), ("um,", 2.3, 2.6), ("416,", 3.0, 3.9), ("4321.", 4.1, 5.2)]
    num = one(rows)
    assert num.digits == "7634164321"
    assert num.word_indices == (1, 2, 3, 4)  # the filler is inside the number's span
    assert group_digits(num) == ["763", "416", "4321"]
    assert num.group_pauses[0] == pytest.approx(1.1)


def test_filler_at_the_edges_is_not_part_of_the_number():
    rows = [("Um,", 0.2, 0.5), ("763-416-4321.", 0.8, 4.0), ("Uh,", 4.2, 4.4)]
    num = one(rows)
    assert num.word_indices == (1,)


def test_lone_dash_does_not_break_a_run():
    num = one(lead("at") + seq(["763", "-", "416", "-", "4321."]))
    assert num.digits == "7634164321" and group_digits(num) == ["763", "416", "4321"]


def test_ordinary_word_breaks_a_run():
    rows = seq(["763", "416", "and", "4321", "55"])
    assert find_phone_numbers(words_from_tuples(rows)) == ()


def test_long_gap_breaks_a_run():
    rows = [("763", 1.0, 1.8), ("416", 2.0, 2.8), ("4321", 4.5, 5.5)]
    assert find_phone_numbers(words_from_tuples(rows)) == ()


@pytest.mark.parametrize(
    "text",
    [
        "We can start in 2 or 3 weeks.",
        "That was back in 2024.",
        "Our office is at 55401 Minneapolis.",
        "We saved them 10,000 dollars last year.",
        "Between 2023, 2024 we grew.",
        "It costs $5,000,000 or 15%.",
        "one or two ideas",
        "See you on 12/15/2024 at 10:30.",
    ],
)
def test_not_phone_numbers(text):
    rows = seq(text.split(), start=0.5, step=0.3, dur=0.25)
    assert find_phone_numbers(words_from_tuples(rows)) == ()


def test_local_seven_digit_number_is_kept_without_e164():
    num = one(lead("at") + [("416-4321.", 1.0, 2.8)])
    assert num.digits == "4164321" and not num.valid and num.e164 is None
    assert group_digits(num) == ["416", "4321"]


def test_fictional_number_is_kept_and_marked_invalid():
    num = one(lead("at") + [("123-456-7890.", 1.0, 4.0)])
    assert num.digits == "1234567890" and num.valid is False
    assert num.digits_per_second == pytest.approx(10 / 3, abs=1e-3)


def test_interjection_oh_is_not_a_zero():
    rows = [("Oh,", 0.2, 0.4), ("763-416-4321.", 0.5, 3.5), ("Oh", 3.6, 3.8), ("and", 3.8, 4.0)]
    num = one(rows)
    assert num.digits == "7634164321" and num.word_indices == (1,)
    rows = seq("seven six three four one six four three two oh".split())
    assert one(rows).digits == "7634164320"  # a real final zero is kept


def test_words_that_imply_an_impossible_pace_are_flagged():
    num = one(lead("at") + [("7634164321", 1.0, 1.54), ("thanks", 1.7, 2.0)])
    assert num.digits_per_second == pytest.approx(18.5, abs=0.1)
    assert num.timing_source == "words-unreliable"


# ---------------------------------------------------------------- repeats


def test_number_said_twice():
    rows = lead("at") + [
        ("763-416-4321.", 1.0, 4.0),
        ("Again,", 4.4, 4.8),
        ("763-416-4321.", 5.0, 8.0),
        ("Thanks.", 8.3, 8.6),
    ]
    a, b = find_phone_numbers(words_from_tuples(rows))
    assert (a.times_said, a.occurrence, b.times_said, b.occurrence) == (2, 1, 2, 2)


def test_local_part_repeated_counts_as_the_same_number():
    rows = lead("at") + [("763-416-4321.", 1.0, 4.0), ("that's", 4.4, 4.8), ("416-4321.", 5.0, 7.0)]
    a, b = find_phone_numbers(words_from_tuples(rows))
    assert (a.digits, b.digits) == ("7634164321", "4164321")
    assert (a.times_said, b.times_said, b.occurrence) == (2, 2, 2)


def test_two_different_numbers():
    rows = lead("cell") + [("763-416-4321.", 1.0, 4.0), ("office", 4.4, 4.8), ("612-555-0199.", 5.0, 8.0)]
    a, b = find_phone_numbers(words_from_tuples(rows))
    assert (a.times_said, a.occurrence, b.times_said, b.occurrence) == (1, 1, 1, 1)


def test_repeat_back_to_back_is_split_in_two():
    digits = list("7634164321") * 2
    rows = [(d + ",", 1.0 + i * 0.4, 1.3 + i * 0.4) for i, d in enumerate(digits)]
    rows[10] = (rows[10][0], rows[10][1] + 0.5, rows[10][2] + 0.5)  # a slightly longer gap at the seam
    a, b = find_phone_numbers(words_from_tuples(rows))
    assert (a.digits, b.digits) == ("7634164321", "7634164321")
    assert a.word_indices == tuple(range(10)) and b.word_indices == tuple(range(10, 20))
    assert (a.times_said, b.occurrence) == (2, 2)


def test_zip_code_right_before_a_number_is_dropped():
    rows = [("55401.", 0.5, 1.5), ("763-416-4321.", 1.8, 4.8)]
    num = one(rows)
    assert num.digits == "7634164321" and num.word_indices == (1,)


# ---------------------------------------------------------------- small API


def test_digits_in_word():
    assert [digits_in_word(w) for w in ["-416", "seven", "Oh,", "Hi,", "(763)", "10,000", "forty-three"]] == [
        "416",
        "7",
        "0",
        "",
        "763",
        "",
        "43",
    ]


def test_empty_and_numberless_transcripts():
    assert find_phone_numbers(words_from_tuples([])) == ()
    assert find_phone_numbers(words_from_tuples(seq("hi this is Dana".split()))) == ()


def test_results_are_frozen():
    num = one(lead("at") + [("763-416-4321.", 1.0, 4.0)])
    with pytest.raises(dataclasses.FrozenInstanceError):
        num.digits = "0"  # type: ignore[misc]
    assert isinstance(num.groups[0], DigitGroup)
    with pytest.raises(dataclasses.FrozenInstanceError):
        num.groups[0].digits = "0"  # type: ignore[misc]


def test_a_neighbouring_word_misheard_as_a_digit_is_dropped():
    """tiny.en heard "Keystone Freight, 6 1 2 ..." as "Keystone 3, 6, 1, 2, ..."."""
    rows = [("Keystone", 1.0, 1.4)] + [(f"{d},", 1.5 + 0.5 * i, 1.8 + 0.5 * i) for i, d in enumerate("36124372958")]
    (num,) = find_phone_numbers(words_from_tuples(rows))
    assert num.digits == "6124372958" and num.valid
    assert num.start == pytest.approx(2.0)


# --- where each saying of a number is, for the digits-only second listen (measures/number/second_listen.py) ---


def sayings_of(tokens, step=0.4):
    from reviewer.measures.number.find import number_sayings

    tr = words_from_tuples(seq(tokens, start=1.0, step=step))
    return tr, number_sayings(tr)


def test_saying_takes_in_the_short_words_between_digits_that_may_be_digits():
    # "five" written "I'm", "zero" written "Nero" at telephone quality
    tr, clips = sayings_of(["Call", "me", "at", "2", "I'm", "Nero", "3,", "4,", "7,", "6,", "2.", "Thanks."])
    assert len(clips) == 1
    a, b = clips[0]
    at, digit_2, thanks = tr.words[2], tr.words[3], tr.words[-1]
    assert a == at.end and a < digit_2.start  # from the end of "at": the lead-in is never part of it
    assert b == thanks.start


def test_two_sayings_are_listened_to_apart():
    tokens = ["Call", "me", "at", *"6 1 2 4 3 7 2 9 6 8".split(), "again,", *"6 1 2 4 3 7 2 9 6 8".split(), "bye."]
    tr, clips = sayings_of(tokens)
    assert len(clips) == 2
    again = tr.words[13]
    assert clips[0][1] == again.start and clips[1][0] == again.end


def test_a_quantity_or_a_long_word_is_not_a_saying():
    _, clips = sayings_of(["We", "save", "you", "20", "percent", "on", "payroll", "fees."])
    assert clips == []
    # a long word between two pairs of digits ends the run: each pair alone is too short
    _, clips = sayings_of(["Room", "1", "2", "downstairs-and-everything", "3", "4"], step=0.4)
    assert clips == []


def test_a_repeat_announced_but_not_written_is_listened_to():
    from reviewer.measures.number.find import number_sayings

    rows = [*seq(["Call", "me", "at", *"3127459862"], start=1.0), ("again", 6.3, 6.6)]
    tr = dataclasses.replace(words_from_tuples(rows, duration=12.0), speech_regions=((1.0, 11.0),))
    clips = number_sayings(tr)
    assert len(clips) == 2 and clips[1] == (6.6, 11.0)
    # digits written after "again": nothing more to listen to
    rows += seq(list("3127459862"), start=6.8)
    assert len(number_sayings(words_from_tuples(rows, duration=12.0))) == 2


# ---------------------------------------------------------------- every way people say them (#24)


@pytest.mark.parametrize(
    ("said", "digits"),
    [
        ("five oh three, eight two seven, nineteen forty-six", "5038271946"),
        ("five oh three, eight two seven, forty-six twenty", "5038274620"),
        ("five oh three, eight two seven, nineteen forty six", "5038271946"),
        ("six one two, double four five, oh one nine nine", "6124450199"),
        ("six one two, triple seven, oh one nine nine", "6127770199"),
        ("one eight hundred, six four two, seventy-three ninety-one", "18006427391"),
        ("one eight eight eight, five five five, oh one nine nine", "18885550199"),
    ],
)
def test_spoken_forms(said, digits):
    num = one(lead("at") + seq(said.split()))
    assert num.digits == digits and num.valid


@pytest.mark.parametrize(
    ("region", "said", "e164", "groups"),
    [
        ("GB", "oh two oh, seven nine four six, oh nine five eight", "+442079460958", ["020", "7946", "0958"]),
        ("GB", "07400 123456", "+447400123456", ["07400", "123456"]),
        ("GB", "oh seven four double oh, one two three four five six", "+447400123456", ["07400", "123456"]),
        ("AU", "02 9876 5432", "+61298765432", ["02", "9876", "5432"]),
        ("AU", "oh four one two, three four five, six seven eight", "+61412345678", ["0412", "345", "678"]),
    ],
)
def test_numbers_of_other_countries_under_the_reps_region(region, said, e164, groups):
    num = one(lead("on") + seq(said.split()), region=region)
    assert num.valid and num.e164 == e164
    assert group_digits(num) == groups  # as written, or the country's own grouping


def test_a_number_said_evenly_falls_back_to_its_countrys_grouping():
    num = one(lead("on") + seq(list("07400123456")), region="GB")
    assert num.grouping_source == "pattern" and group_digits(num) == ["07400", "123456"]


@pytest.mark.parametrize(
    "ext", [["extension", "204"], ["ext.", "204"], ["x204"], ["ext.204"], ["extension:", "2", "0", "4"]]
)
def test_an_extension_is_kept_apart_from_the_number(ext):
    num = one(lead("at") + seq(["503-827-1946,", *ext, "thanks."]))
    assert num.digits == "5038271946" and num.valid and num.extension == "204"


def test_a_long_extension_is_never_a_number_of_its_own():
    rows = lead("at") + seq(["503-827-1946,", "extension", *"2045678", "thanks."])
    num = one(rows)
    assert num.digits == "5038271946" and num.extension.startswith("2045")


def test_a_valid_number_with_stray_digits_after_it_is_not_split_into_two_invalid_ones():
    # "... 8, 0, 7, 1, ten, ten": 14 digits, one valid number and "1010" misheard after it
    words = ["3,", "1,", "2,", "9,", "5,", "4,", "8,", "0,", "7,", "1,", "ten,", "ten."]
    num = one(lead("at") + seq(words))
    assert num.digits == "3129548071" and num.valid


def test_an_amount_written_in_two_tokens_is_no_number():
    rows = seq("a 2000 to 5 ,000 -dollar job".split())
    assert find_phone_numbers(words_from_tuples(rows)) == ()


def test_digits_heard_where_no_number_could_be_read():
    from reviewer.measures.number.find import HeardDigits, heard_pace, saying_digits, stray_digits

    tr = words_from_tuples(lead("at") + seq(["I", "made", "3,", "2", "1", "9."], step=0.8))
    heard = stray_digits(tr)
    assert heard == HeardDigits("3, 2 1 9.", pytest.approx(2.6), pytest.approx(5.3), 4)
    assert heard_pace(heard) == pytest.approx(4 / 2.7, abs=1e-3)  # a floor: lost digits only add
    assert heard_pace(dataclasses.replace(heard, end=heard.start + 0.4)) is None  # no one says 10 a second
    # digits among other words, none four in a row: a saying of them, with the words between
    tr = words_from_tuples(lead("at") + seq(["I'm", "four,", "one,", "I'll", "take", "heaven.", "Thanks."]))
    assert stray_digits(tr) is None
    said = saying_digits(tr)
    assert said is not None and said.text.startswith("I'm four, one,") and said.digits == 2


def test_an_x_in_a_name_before_the_number_is_no_extension():
    rows = seq(["from", "Sale", "Market", "X,", "um,", "5", ".038271946."])
    num = one(rows)
    assert num.digits == "5038271946" and num.extension is None
