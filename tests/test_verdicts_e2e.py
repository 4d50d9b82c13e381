"""Verdicts a coach would sign, through the CLI on real audio (#11): each phrasing of the
message's parts, each way a number fails, and the score caps. The messages are spoken by
espeak-ng (segments joined with known gaps, as samples/build.py does; built by
tests/data/build.py into tests/data/verdicts/) and reviewed by the real model; the assertions
are on verdicts, not on Whisper's exact words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

MESSAGES = ("no_number", "good", "nine_digits", "two_numbers", "too_fast", "uk", "toll_free")


@pytest.fixture(scope="session")
def verdicts(cli) -> dict:
    """Each message reviewed once (`--fillers fast`: fillers are not what is tested here)."""
    paths = {name: DATA / "verdicts" / f"{name}.wav" for name in MESSAGES}
    names = [n for n in MESSAGES if n != "uk"]
    result = cli("review", "--format", "json", "--no-history", "--fillers", "fast", *[paths[n] for n in names])
    assert result.exit_code == 0, result.stderr
    reviews = dict(zip(names, result.json()))
    uk = cli("review", "--format", "json", "--no-history", "--fillers", "fast", "--region", "GB", paths["uk"])
    assert uk.exit_code == 0, uk.stderr
    reviews["uk"] = uk.json()[0]
    return reviews


def by(review: dict) -> dict:
    return {f["check"]: f for f in review["findings"]}


def test_structure_phrasings_pass_with_their_evidence(verdicts):
    # the phrasing each message uses for the name; the name itself is Whisper's spelling
    cases = {"no_number": "this is", "good": "i'm", "nine_digits": "here", "two_numbers": "it's", "too_fast": "name's"}
    for name, cue in cases.items():
        f = by(verdicts[name])
        assert f["name"]["status"] == "pass" and cue in f["name"]["evidence"].lower(), (name, f["name"])
        assert f["call_to_action"]["status"] == "pass", (name, f["call_to_action"])
    for name in ("no_number", "good", "nine_digits"):  # "from Apex Software", "with Harbor Insurance", "from Northwind"
        assert by(verdicts[name])["company"]["status"] != "fail", (name, by(verdicts[name])["company"])


def test_reason_is_a_benefit_or_trigger_and_touch_base_is_none(verdicts):
    for name in ("no_number", "good", "nine_digits", "two_numbers", "uk", "toll_free"):
        assert by(verdicts[name])["reason"]["status"] == "pass", (name, by(verdicts[name])["reason"])
    f = by(verdicts["too_fast"])
    assert f["reason"]["status"] == "fail"
    assert f["weak_phrases"]["status"] == "warn"  # "just wanted to" (and "touch base", when heard)


def test_a_good_message_scores_85_or_more(verdicts):
    r = verdicts["good"]
    assert r["score"] >= 85, [(f["check"], f["status"], f["message"]) for f in r["findings"] if f["status"] != "pass"]
    assert r["phone_numbers"][0]["digits"] == "4159267381"
    assert r["words_for_limit"] <= r["word_count"] - 10  # the repeat is free
    assert r["words_per_minute_outside_number"] is not None


def test_call_back_without_a_number_is_capped_at_50(verdicts):
    r = verdicts["no_number"]
    f = by(r)
    assert f["phone_number"]["status"] == "fail" and "No phone number heard" in f["phone_number"]["message"]
    assert r["score"] <= 50 and r["score_cap"] <= 50 and "phone_number" in r["score_capped_by"]
    assert r["top_fixes"][0] == "phone_number"


def test_nine_digits_fail_with_what_was_heard(verdicts):
    r = verdicts["nine_digits"]
    f = by(r)
    assert f["phone_number"]["status"] == "fail"
    assert "9 digits" in f["phone_number"]["message"] and "503" in f["phone_number"]["message"]
    assert "number_pace" not in f and "number_repeated" not in f
    assert r["score"] <= 50


def test_two_sayings_that_differ_are_never_passed_and_name_both(verdicts):
    """Two digits swapped between the sayings: never a pass, and both numbers named. Where each
    saying was heard the same by both its listens (the plain and the digits-only decode), the rep
    said two numbers: a fail that says so. Otherwise it may be a mishearing (#24): an unsure
    warning that asks the rep to check they said the same number both times."""
    r = verdicts["two_numbers"]
    f = by(r)["phone_number"]
    assert "206-583-1947" in f["message"] and "206-583-1497" in f["message"]
    heard_by_both = [n["confirmed"] is True for n in r["phone_numbers"]]
    if all(heard_by_both):
        assert f["status"] == "fail" and not f["unsure"] and "two different numbers" in f["message"]
        assert r["score"] <= 50  # a call-back with no one number to call
    else:
        assert f["status"] == "warn" and f["unsure"] and "same number both times" in f["message"]


def test_a_number_too_fast_is_flagged_not_passed(verdicts):
    r = verdicts["too_fast"]
    f = by(r)
    # heard as digits that make no number, or as a number said far too fast: never a pass. "Too fast"
    # only where its measured pace says so (#24): MKL's kernels heard 7 digits at 6 a second (failed as
    # too fast), oneDNN's one token "763431" (a warning that says it could not make the number out)
    assert f["phone_number"]["status"] != "pass", f["phone_number"]
    assert "number_pace" not in f or f["number_pace"]["status"] != "pass", f["number_pace"]
    if f["phone_number"]["status"] == "warn":
        assert f["phone_number"]["unsure"] and "couldn't make out your number" in f["phone_number"]["message"].lower()
    assert r["score"] <= 50  # no reason and the number failed


def test_uk_number_with_region_gb(verdicts):
    r = verdicts["uk"]
    assert by(r)["phone_number"]["status"] == "pass", by(r)["phone_number"]
    assert r["phone_numbers"][0]["e164"] == "+442079460958"


def test_toll_free_number_and_extension(verdicts):
    r = verdicts["toll_free"]
    num = r["phone_numbers"][0]
    assert num["e164"] == "+18006427391" and num["valid"]
    assert num["extension"] == "204"
    assert "extension 204" in by(r)["phone_number"]["message"]


def test_region_must_be_known(cli):
    result = cli("review", "--region", "XX", str(Path(__file__)))
    assert result.exit_code == 2 and "region" in result.stderr.lower()


def test_an_opening_drowned_in_noise_is_not_made_out_rather_than_missing(cli, tmp_path):
    # good.wav's opening ("Hey Taylor, I'm Bob DeGroot with Harbor Insurance") under noise as loud
    # as the voice: Whisper writes something else, unsure of it. The name and company are then
    # "couldn't make out", never failed as missing (heard through the noise, they pass)
    import numpy as np
    import soundfile as sf

    x, rate = sf.read(DATA / "verdicts" / "good.wav", dtype="float32")
    n = int(3.0 * rate)
    level = np.sqrt(np.mean(x[:n] ** 2))
    x[:n] += np.random.default_rng(1).standard_normal(n).astype(np.float32) * level
    path = tmp_path / "noisy_opening.wav"
    sf.write(path, x, rate)
    result = cli("review", "--format", "json", "--no-history", "--fillers", "fast", path)
    assert result.exit_code == 0, result.stderr
    found = by(result.json()[0])
    for check, what in (("name", "your name"), ("company", "your company name")):
        f = found[check]
        assert f["status"] == "pass" or (f["status"] == "warn" and f["unsure"]), f
        if f["unsure"]:
            assert f["message"].startswith(f"Couldn't make out {what}")


def test_at_telephone_band_a_wrong_number_is_flagged_and_one_not_made_out_is_unsure(cli, tmp_path):
    # The nine-digit and two-number messages as 8 kHz telephone copies, through the CLI: the
    # number is never passed; what was heard and not made out is an unsure warning saying so
    # (Whisper base loses and changes digits there), never a failure blamed on the rep.
    import soundfile as sf
    from conftest import resample, write_wav

    paths = []
    for name in ("nine_digits", "two_numbers"):
        data, rate = sf.read(DATA / "verdicts" / f"{name}.wav", dtype="float32")
        paths.append(write_wav(tmp_path / f"{name}_8k.wav", resample(data, rate, 8000), 8000))
    result = cli("review", "--format", "json", "--no-history", "--fillers", "fast", *paths)
    assert result.exit_code == 0, result.stderr
    for r in result.json():
        f = by(r)["phone_number"]
        assert r["audio"]["source_rate"] == 8000
        assert f["status"] != "pass", f
        if f["status"] == "fail":  # only when no digit at all was heard
            assert f["message"].startswith("No phone number heard"), f
        else:
            assert f["status"] == "warn" and f["unsure"] and "at phone quality" in f["message"], f
