"""Know the rep (#11, item 7): the profile's values checked, stored in the history, and what was heard
compared with them on hand-built transcripts: a wrong digit, a company or name that came out
differently, the second listen for the profile's words. No model: the listen is given a stand-in."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from types import SimpleNamespace

import pytest
from conftest import t

from reviewer.measures import parts as cues
from reviewer.measures.fillers.transcript import find_fillers, find_hedges
from reviewer.measures.heard import relisten_stretches
from reviewer.measures.number.find import find_phone_numbers
from reviewer.measures.number.second_listen import profile_listen
from reviewer.measures.pace import measure_timing
from reviewer.measures.settings import DETECTION
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.recognition.words import Transcript, Word
from reviewer.rubric import run_checks
from reviewer.rubric.thresholds import Thresholds
from reviewer.storage.history import MIGRATIONS, SCHEMA_VERSION, History


def checks(text: str, profile: Profile | None = None, region: str = "US") -> dict:
    tr = t(text)
    th = dataclasses.replace(Thresholds(), number_region=region)
    numbers = find_phone_numbers(tr, region=region)
    timing = measure_timing(tr, (), DETECTION.pause_min_s, numbers)
    found = run_checks(tr, timing, find_fillers(tr), find_hedges(tr), numbers, th, "callback", profile)
    return {f.check: f for f in found}


SARAH = make_profile("Sarah Miller", "Sales Architects", "503-827-1946")
NUMBER = "5 0 3 8 2 7 1 9 4 6"
GOOD = (
    f"Hi Tom, this is Sarah from Sales Architects. We cut freight costs for clinics like yours by a third. "
    f"Call me at {NUMBER}. Again, {NUMBER}. Thanks."
)


# ---------------------------------------------------------------- the profile's values


def test_a_number_is_stored_as_e164_and_read_in_its_region():
    assert SARAH == Profile("Sarah Miller", "Sales Architects", "+15038271946", "US")
    assert SARAH.number_digits == "5038271946"
    uk = make_profile(number="+44 20 7946 0958")
    assert uk.number == "+442079460958" and uk.region == "GB" and uk.number_digits == "02079460958"
    assert make_profile(number="020 7946 0958", region="gb").number == "+442079460958"


@pytest.mark.parametrize(
    ("number", "why"),
    [("503-827-146", "not a valid US phone number"), ("call me", "not a phone number"), ("12", "not a valid")],
)
def test_a_bad_number_is_refused_with_its_reason(number, why):
    with pytest.raises(ProfileError, match=why):
        make_profile(number=number)


def test_values_are_tidied_kept_and_cleared():
    p = make_profile("  Sarah   Miller ", "Sales Architects")
    assert p.name == "Sarah Miller"
    changed = make_profile(number="5038271946", base=p)
    assert (changed.name, changed.company, changed.number) == ("Sarah Miller", "Sales Architects", "+15038271946")
    assert make_profile(company="", base=changed).company is None
    assert not make_profile(name="", company="", number="", base=changed)  # nothing left: no profile
    with pytest.raises(ProfileError, match="--name"):
        make_profile(name="x" * 81)
    with pytest.raises(ProfileError, match="control"):
        make_profile(company="Evil\x1b[2J")
    with pytest.raises(ProfileError, match="--region"):
        make_profile(region="XX")


def test_only_the_name_and_company_are_words_to_expect():
    assert SARAH.hotwords() == "Sarah Miller, Sales Architects."  # never the number: it would be written as told
    assert make_profile(number="5038271946").hotwords() is None


# ---------------------------------------------------------------- stored in the history


def test_profiles_are_stored_per_rep_and_cleared(tmp_path):
    db = tmp_path / "h.sqlite"
    with History(db) as h:
        assert h.profile("sarah") is None
        h.set_profile("sarah", SARAH)
        h.set_profile("lee", make_profile("Lee", number="7634164321"))
        assert h.profile("sarah") == SARAH
        assert set(h.profiles()) == {"sarah", "lee"}
        assert h.clear_profile("lee") and not h.clear_profile("lee")
        h.set_profile("sarah", Profile())  # an empty profile removes it
        assert h.profile("sarah") is None
    assert (os.stat(db).st_mode & 0o777) == 0o600


def test_a_version_2_history_gains_profiles_and_keeps_its_attempts(tmp_path):
    db = tmp_path / "h.sqlite"
    with sqlite3.connect(db) as raw:
        for v in (1, 2):
            raw.executescript(MIGRATIONS[v])
        raw.execute(
            "INSERT INTO attempts (rep, reviewed_at, file, failed_checks, review) VALUES ('sam', '2026-01-01', 'a.wav', '', '{}')"
        )
        raw.execute("PRAGMA user_version = 2")
    with History(db) as h:
        assert [a.file for a in h.attempts("sam")] == ["a.wav"]
        h.set_profile("sam", SARAH)
        assert h.profile("sam") == SARAH
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


# ---------------------------------------------------------------- the number


def test_your_number_said_right_passes_and_says_so():
    by = checks(GOOD, SARAH)
    assert by["phone_number"].status == "pass"
    assert by["phone_number"].message.startswith("You said your number right: 503-827-1946 at ")
    assert by["number_repeated"].status == "pass"  # pace, groups and repeat as before


def test_a_wrong_digit_fails_quoting_both_numbers():
    wrong = GOOD.replace(NUMBER, "5 0 3 8 2 7 1 9 4 8")
    by = checks(wrong, SARAH)
    f = by["phone_number"]
    assert f.status == "fail" and f.cap is not None
    assert "You said 503-827-1948 at 0:" in f.message and "your number is 503-827-1946" in f.message
    assert "number_pace" not in by  # judged once the number is right, as without a profile
    assert checks(wrong)["phone_number"].status == "pass"  # without a profile a valid number is all it can check


def test_a_lost_digit_fails_as_you_said_and_your_number_is():
    by = checks(
        "Hi, this is Sarah from Sales Architects, we cut costs by a third. Call me at 5 0 3 8 2 7 1 4 6.", SARAH
    )
    assert by["phone_number"].status == "fail"
    assert "You said 503-827-146 at 0:" in by["phone_number"].message
    assert "your number is 503-827-1946" in by["phone_number"].message


def test_two_sayings_that_differ_name_your_number():
    text = GOOD.replace(f"Again, {NUMBER}", "Again, 5 0 3 8 2 7 1 4 9 6")
    f = checks(text, SARAH)["phone_number"]
    # alike but not the same: misheard as often as misspoken, so unsure, never passed (#24)
    assert f.status == "warn" and f.unsure and "503-827-1946" in f.message and "503-827-1496" in f.message
    assert "yours is 503-827-1946" in f.message


def test_a_second_number_of_your_own_is_fine():
    text = GOOD.replace(f"Again, {NUMBER}", "or my office, 2 0 6 5 8 3 1 9 4 7")
    f = checks(text, SARAH)["phone_number"]
    assert f.status == "pass" and "503-827-1946" in f.message


def test_no_number_is_judged_as_without_a_profile():
    text = "Hi Tom, this is Sarah from Sales Architects. We cut costs by a third. Call me back."
    assert checks(text, SARAH)["phone_number"] == checks(text)["phone_number"]


def test_a_uk_profile_reads_its_own_numbers():
    uk = make_profile(number="+44 20 7946 0958")
    f = checks("Hi, this is Olivia from Thames Energy. Ring me on 0 2 0 7 9 4 6 0 9 5 8 thanks.", uk, "GB")
    assert f["phone_number"].status == "pass" and "your number right" in f["phone_number"].message


# ---------------------------------------------------------------- the company and the name


@pytest.mark.parametrize(
    "said", ["Sales Architects", "sales architects", "Sales-Architects", "SalesArchitects", "Sales Architects Inc"]
)
def test_your_company_however_it_is_written_passes(said):
    f = checks(GOOD.replace("Sales Architects", said), SARAH)["company"]
    assert f.status == "pass" and f.evidence.lower().replace("-", " ").startswith("from sales")


def test_a_company_that_came_out_close_is_quoted_against_yours():
    f = checks(GOOD.replace("Sales Architects", "Sales Architect"), SARAH)["company"]
    assert f.status == "warn"
    assert (
        f.message
        == 'Couldn\'t make out your company for sure: it came out as "Sales Architect" (your company is "Sales Architects"); say it clearly.'
        and f.unsure
    )


def test_another_company_where_yours_goes_is_quoted_too():
    f = checks(GOOD.replace("Sales Architects", "Apex Software"), SARAH)["company"]
    assert f.status == "warn" and 'came out as "Apex Software"' in f.message


def test_a_close_company_without_a_cue_is_still_found():
    text = "Hi Tom, Sarah Miller, Sails Architects. We cut costs by a third. Call me back."
    f = checks(text, SARAH)["company"]
    assert f.status == "warn" and 'came out as "Sails Architects"' in f.message
    assert checks(text)["company"].status == "fail"  # no cue: without a profile there is no company


def test_no_company_at_all_fails_with_yours_in_the_fix():
    f = checks("Hi Tom, this is Sarah. We cut costs by a third. Call me back.", SARAH)["company"]
    assert f.status == "fail" and "Sales Architects" in f.message


def test_the_legal_suffix_of_the_profile_need_not_be_said():
    p = make_profile(company="The Keystone Group, LLC")
    f = checks("Hi Tom, this is Sarah from Keystone Group. We cut costs by a third. Call me back.", p)["company"]
    assert f.status == "pass"


def test_your_name_or_first_name_passes_and_another_is_quoted():
    assert checks(GOOD, SARAH)["name"].status == "pass"
    assert checks(GOOD.replace("Sarah", "Sarah Miller"), SARAH)["name"].status == "pass"
    f = checks(GOOD.replace("Sarah", "Sera"), SARAH)["name"]
    assert (
        f.status == "warn"
        and f.message.startswith(
            'Couldn\'t make out your name for sure: it came out as "Sera" (your name is "Sarah Miller")'
        )
        and f.unsure
    )
    f = checks(GOOD.replace("this is Sarah", "this is Sarah Millar"), SARAH)["name"]
    assert f.status == "warn" and '"Sarah Millar"' in f.message


def test_your_name_without_a_cue_passes_but_not_as_the_one_greeted():
    text = "Good day Tom, Sarah Miller from Sales Architects. We cut costs by a third. Call me back."
    assert checks(text, SARAH)["name"].status == "pass"
    greeted = "Hi Sarah, we cut your costs by a third. Call me back."
    f = checks(greeted, SARAH)["name"]
    assert f.status == "fail" and 'Say your name early: "This is Sarah from Sales Architects"' in f.message


def test_without_a_profile_nothing_changes():
    for text in (GOOD, GOOD.replace("Sarah", "Sera"), "Hi Tom. Call me at 5 0 3 8 2 7 1 4 6."):
        assert checks(text, None) == checks(text, Profile())


def test_your_own_number_passes_even_where_the_reviews_region_reads_it_otherwise():
    uk = make_profile(number="+44 20 7946 0958")
    f = checks("Hi, this is Olivia from Thames Energy. Ring me on 0 2 0 7 9 4 6 0 9 5 8 thanks.", uk, "US")
    assert f["phone_number"].status == "pass", f["phone_number"].message


# ---------------------------------------------------------------- the second listen for the profile's words


def said(text: str, start: float = 0.5, step: float = 0.4) -> list[Word]:
    return [
        Word(w, round(start + k * step, 3), round(start + k * step + 0.3, 3), 0.9) for k, w in enumerate(text.split())
    ]


class Listener:
    """A stand-in for the Transcriber: what the second listen hears, and what it was told."""

    def __init__(self, words: list[Word]):
        self.words, self.calls = words, []

    def transcribe(self, audio, options, clip=None):
        self.calls.append((options.window_prompt, clip))
        a, b = clip
        return Transcript(tuple(w for w in self.words if a <= w.start <= b), audio.duration)


AUDIO = SimpleNamespace(duration=12.0)
FIRST = "Hi, my name's Lee, from SailmarketX, just wanted to touch base. Ring me on 7 6 3 4 1 6 4 3 2 1 thanks."
LEE = make_profile("Lee", "Sales Architects")


def test_the_stretch_to_listen_to_again_is_where_the_company_went():
    tr = Transcript(tuple(said(FIRST)), 12.0)
    stretches = relisten_stretches(cues.tokens_from_transcript(tr), LEE)
    assert [(s.part, s.target) for s in stretches] == [("company", "sales architects")]
    assert (stretches[0].start, stretches[0].end) == pytest.approx((2.5, 2.8))  # "SailmarketX,"
    heard_right = Transcript(tuple(said(FIRST.replace("SailmarketX", "Sales Architects"))), 12.0)
    assert relisten_stretches(cues.tokens_from_transcript(heard_right), LEE) == []


def test_the_profiles_words_heard_again_replace_only_those_words():
    first = said(FIRST)
    k = next(i for i, w in enumerate(first) if w.text == "SailmarketX,")
    # the second listen hears "Sales Architects" in the time of "SailmarketX," (and the words around it)
    two = [
        Word("Sales", first[k].start, first[k].start + 0.12, 0.9),
        Word("Architects.", first[k].start + 0.15, first[k].end, 0.9),
    ]
    listener = Listener([*first[:k], *two, *first[k + 1 :]])
    out, replaced = profile_listen(listener, AUDIO, Transcript(tuple(first), 12.0), LEE)
    assert [s.part for s in replaced] == ["company"]
    assert listener.calls[0][0] == "Lee, Sales Architects."  # told the profile's words
    text = " ".join(w.text for w in out.words)
    assert "from Sales Architects, just wanted" in text  # the first listen's comma kept
    assert text.replace("Sales Architects,", "SailmarketX,") == " ".join(w.text for w in first)


def test_nothing_changes_when_the_second_listen_does_not_hear_them():
    first = Transcript(tuple(said(FIRST)), 12.0)
    listener = Listener(said(FIRST.replace("SailmarketX", "SalesArchitect")))  # close is not the profile's words
    out, replaced = profile_listen(listener, AUDIO, first, LEE)
    assert out == first and replaced == ()
    assert len(listener.calls) == 2  # the wide clip, then the narrow one


def test_no_second_listen_without_a_profile_or_when_heard_right():
    first = Transcript(tuple(said(FIRST.replace("SailmarketX", "Sales Architects"))), 12.0)
    listener = Listener([])
    assert profile_listen(listener, AUDIO, first, LEE) == (first, ())
    assert profile_listen(listener, AUDIO, first, None) == (first, ())
    assert profile_listen(listener, AUDIO, first, make_profile(number="7634164321")) == (first, ())
    assert listener.calls == []


def test_your_own_number_needs_no_second_hearing_but_another_does():
    """At 8 kHz a number must be heard the same twice to pass; heard as exactly the rep's own
    number, the profile confirms it."""
    tr = t(GOOD)
    th = Thresholds()
    unsure = tuple(dataclasses.replace(n, confirmed=False) for n in find_phone_numbers(tr))

    def number_check(profile, telephone_band=False):
        timing = measure_timing(tr, (), DETECTION.pause_min_s, unsure)
        found = run_checks(
            tr, timing, find_fillers(tr), find_hedges(tr), unsure, th, "callback", profile, telephone_band
        )
        return next(f for f in found if f.check == "phone_number")

    assert number_check(SARAH).status == "pass"
    assert number_check(SARAH, telephone_band=True).status == "pass"
    # without a profile: flagged with what was heard, as unsure (a warning, no cap: #24), never passed
    flagged = number_check(None)
    assert flagged.status == "warn" and flagged.unsure and flagged.cap is None
    assert "did not hear it the same" in flagged.message and "503-827-1946" in flagged.message
    other = make_profile("Sarah Miller", "Sales Architects", "503-827-1947")
    assert number_check(other).status == "fail"
    # at telephone band a digit other than the profile's may be Whisper's: flagged with both, as unsure
    phone = number_check(other, telephone_band=True)
    assert phone.status == "warn" and phone.unsure
    assert "503-827-1946" in phone.message and "yours is 503-827-1947" in phone.message
