"""Know the rep (#11, item 7): the profile's values checked, stored in the history, and what was heard
compared with them on hand-built transcripts: a wrong digit, a company or name that came out
differently, the second listen for the profile's words. No model: the listen is given a stand-in."""

from __future__ import annotations

import dataclasses
import os
import sqlite3

import pytest

from reviewer.checks import run_checks
from reviewer.fillers import find_fillers, find_hedges
from reviewer.history import MIGRATIONS, SCHEMA_VERSION, History
from reviewer.pace import measure_timing
from reviewer.phone import find_phone_numbers
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.thresholds import Thresholds
from reviewer.transcribe import Transcript, words_from_tuples


def t(words: str, start: float = 0.5, step: float = 0.4, digit_step: float = 0.5) -> Transcript:
    """Words 0.4 s apart; digits 0.5 s apart with a 0.4 s pause between 3-3-4 groups."""
    rows, now, run = [], start, 0
    for w in words.split():
        is_digit = w.strip(",.").isdigit() and len(w.strip(",.")) == 1
        run = run + 1 if is_digit else 0
        if is_digit and run in (4, 7):
            now += 0.4
        step_now = digit_step if is_digit else step
        rows.append((w, now, now + step_now * 0.7))
        now += step_now
    return words_from_tuples(rows, duration=now + 0.5)


def checks(text: str, profile: Profile | None = None, region: str = "US") -> dict:
    tr = t(text)
    th = dataclasses.replace(Thresholds(), number_region=region)
    numbers = find_phone_numbers(tr, region=region)
    timing = measure_timing(tr, (), th.pause_min_s, numbers)
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
