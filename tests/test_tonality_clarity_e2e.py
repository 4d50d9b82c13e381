"""Tonality and clarity end to end: `reviewer review --format json` on the shipped samples.

What is known about each sample decides what is plausible: the espeak voices are synthetic
(narrow pitch, statements that fall), the real voices (Allison, ve9qrp) are expressive and
were recorded at 8 kHz, every sample is clean and peak-normalised to -3 dBFS, and
samples/expected.json has the words per minute outside the phone numbers.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SAMPLES

NAMES = ["good_callback", "fillers_rushed", "too_long", "real_voice_number", "real_fillers"]
SYNTHETIC = ["good_callback", "fillers_rushed", "too_long"]
REAL = ["real_voice_number", "real_fillers"]


@pytest.fixture(scope="module")
def reviews(sample_reviews):
    """The CLI's JSON for every sample (one `reviewer review --format json` run per session)."""
    return {n: sample_reviews[n] for n in NAMES}


def readme_fields(header: str) -> set[str]:
    """The field names in the first column of the README table whose first header cell is `header`."""
    lines = (ROOT / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    names: set[str] = set()
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names |= set(re.findall(r"`([a-z_0-9]+)`", line.split("|")[1]))
    assert names, header
    return names


def statuses(review: dict) -> dict:
    return {f["check"]: f["status"] for f in review["findings"]}


@pytest.mark.parametrize("name", NAMES)
def test_json_carries_exactly_the_fields_the_readme_documents(reviews, name):
    """The README's JSON tables (top level, `tonality.`, `clarity.`) against the CLI's JSON."""
    r = reviews[name]
    assert set(r) == readme_fields("field")
    assert set(r["tonality"]) == readme_fields("`tonality.` field")
    assert set(r["clarity"]) == readme_fields("`clarity.` field")
    ton, cl = r["tonality"], r["clarity"]
    assert 0 <= ton["energy"] <= 100 and set(ton["energy_parts"]) == {"pitch", "loudness", "pace"}
    assert -30 < ton["level_dbfs"] < -15 and ton["peak_dbfs"] == pytest.approx(-3.0, abs=0.2)
    assert not ton["quiet"] and not ton["trailing_off"]
    assert cl["snr_db"] > 20 and not cl["clipped"]
    assert 0 <= cl["unsure_share"] <= 1
    for check in ("pitch_variety", "volume", "trailing_off", "energy", "clear_words", "noise", "clipping"):
        assert check in statuses(r), check


@pytest.mark.parametrize("name", SYNTHETIC)
def test_espeak_voices_are_monotone_male_and_no_statement_rises(reviews, name):
    """Which endings are judged comes from Whisper's words; that none of espeak's statements
    rises holds whatever it wrote (the endings themselves: test_prosody, on known word times)."""
    ton = reviews[name]["tonality"]
    assert ton["monotone"] is True and 4.0 <= ton["pitch_range_st"] < 7.5
    assert 80 <= ton["pitch_median_hz"] <= 130
    assert ton["rising_endings"] == 0, ton["endings"]
    assert statuses(reviews[name])["pitch_variety"] == "warn"
    assert reviews[name]["clarity"]["telephone_band"] is False


@pytest.mark.parametrize("name", REAL)
def test_real_voices_are_not_monotone_and_came_through_a_phone_band(reviews, name):
    r = reviews[name]
    assert r["tonality"]["monotone"] is False and r["tonality"]["pitch_octave_share"] < 0.02  # a plausible track
    assert statuses(r)["pitch_variety"] == "pass"
    assert r["clarity"]["telephone_band"] is True and r["clarity"]["bandwidth_hz"] <= 4500


def test_allison_is_a_higher_voice_than_the_espeak_man(reviews):
    assert reviews["real_voice_number"]["tonality"]["pitch_median_hz"] > 150
    assert reviews["real_voice_number"]["tonality"]["pitch_range_st"] > 10


@pytest.mark.parametrize("name", ["good_callback", "fillers_rushed", "too_long", "real_voice_number"])
def test_pace_outside_the_number_matches_the_truth(reviews, expected, name):
    ton = reviews[name]["tonality"]
    want = expected["samples"][name]["words_per_minute_outside_numbers"]
    assert ton["rest_words_per_minute"] == pytest.approx(want, rel=expected["tolerances"]["words_per_minute_rel"])


def test_the_good_message_slows_for_its_number_and_the_rushed_one_does_not(reviews):
    good, rushed = reviews["good_callback"], reviews["fillers_rushed"]
    assert good["tonality"]["number_pace_ratio"] < 1 and statuses(good)["number_slowdown"] == "pass"
    assert rushed["tonality"]["number_pace_ratio"] > 1.3 and statuses(rushed)["number_slowdown"] == "warn"


def test_tonality_and_clarity_weigh_less_than_what_the_message_says(reviews):
    good = reviews["good_callback"]
    light = {
        "pitch_variety",
        "phrase_endings",
        "volume",
        "trailing_off",
        "pace_stretches",
        "number_slowdown",
        "energy",
        "clear_words",
        "noise",
        "clipping",
        "bandwidth",
    }
    weights = {f["check"]: f["weight"] for f in good["findings"]}
    assert max(w for c, w in weights.items() if c in light) < min(w for c, w in weights.items() if c not in light)
    assert good["score"] >= 90  # a monotone espeak voice costs a little, not the grade


def test_the_terminal_view_shows_one_row_each(cli):
    result = cli("review", SAMPLES / "good_callback.wav")
    assert result.exit_code == 0, result.stderr
    assert "Tonality" in result.stdout and "range" in result.stdout and "energy" in result.stdout
    assert "Clarity" in result.stdout and "SNR" in result.stdout
