"""The shipped samples and their ground truth (samples/expected.json) agree; no model needed.

expected.json is written by samples/build.py from the known segment boundaries; these checks
make sure the audio files on disk are the ones it describes and that its figures are
self-consistent, so other tests can lean on it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

sf = pytest.importorskip("soundfile")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text())
TRUTH = EXPECTED["samples"]
TOL = EXPECTED["tolerances"]
NAMES = sorted(TRUTH)
SYNTHETIC = [n for n in NAMES if TRUTH[n]["source"] == "espeak-ng"]


def test_expected_lists_the_shipped_samples():
    assert {"good_callback", "fillers_rushed", "too_long", "real_voice_number"} <= set(NAMES)
    on_disk = {p.stem for p in SAMPLES.glob("*.wav")}
    assert on_disk == set(NAMES), "every wav in samples/ has ground truth and vice versa"


def test_tolerances_are_given():
    for key in (
        "word_count_abs",
        "word_count_rel",
        "words_per_minute_rel",
        "filler_count_synthetic",
        "digits_per_second_rel",
        "duration_s",
    ):
        assert key in TOL


@pytest.mark.parametrize("name", NAMES)
def test_file_matches_truth(name):
    t = TRUTH[name]
    path = SAMPLES / t["file"]
    assert path.exists()
    info = sf.info(str(path))
    assert info.samplerate == 16_000 == t["sample_rate"]
    assert info.channels == 1
    assert info.subtype == "PCM_16"
    assert abs(info.frames / info.samplerate - t["duration_s"]) <= 0.01
    assert info.frames / info.samplerate < 60


@pytest.mark.parametrize("name", NAMES)
def test_not_digital_silence_and_dead_air(name):
    import numpy as np

    t = TRUTH[name]
    x, rate = sf.read(str(SAMPLES / t["file"]), dtype="float32")
    lead = x[: int((t["speech_start_s"] - 0.05) * rate)]
    tail = x[int((t["speech_end_s"] + 0.05) * rate) :]
    assert t["speech_start_s"] >= 0.4 and t["duration_s"] - t["speech_end_s"] >= 0.4, "dead air at both ends"
    for part in (lead, tail):
        assert np.count_nonzero(part) > 0.5 * part.size, "a noise floor, not digital silence"
        assert np.sqrt(np.mean(part**2)) < 0.02, "quiet before and after speech"
    speech = x[int(t["speech_start_s"] * rate) : int(t["speech_end_s"] * rate)]
    floor = np.median(np.abs(lead)) / 0.6745  # robust noise level (a click before speech is allowed)
    assert np.sqrt(np.mean(speech**2)) > 10 * floor


@pytest.mark.parametrize("name", NAMES)
def test_figures_are_self_consistent(name):
    t = TRUTH[name]
    assert 0 < t["speech_start_s"] < t["speech_end_s"] < t["duration_s"]
    minutes = (t["speech_end_s"] - t["speech_start_s"]) / 60
    assert t["words_per_minute"] == pytest.approx(t["word_count"] / minutes, rel=0.005)
    assert t["filler_count"] == len(t["fillers"])
    for f in t["fillers"]:
        assert t["speech_start_s"] <= f["start"] < f["end"] <= t["speech_end_s"]
    starts = [f["start"] for f in t["fillers"]]
    assert starts == sorted(starts)
    assert isinstance(t["script"], str) and t["script"]
    assert t["reviewer_should_say"]


@pytest.mark.parametrize("name", NAMES)
def test_phone_numbers_are_valid_and_consistent(name):
    phonenumbers = pytest.importorskip("phonenumbers")
    t = TRUTH[name]
    nums = t["phone_numbers"]
    if not nums:
        assert t["number_said_times"] == 0
        return
    assert t["number_said_times"] == max(sum(1 for m in nums if m["digits"] == n["digits"]) for n in nums)
    for n in nums:
        d = n["digits"]
        assert re.fullmatch(r"[2-9]\d{2}[2-9]\d{6}", d), "NANP: area code and exchange start 2-9"
        assert d[3:6] != "555"
        assert phonenumbers.is_valid_number(phonenumbers.parse("+1" + d))
        assert t["speech_start_s"] <= n["start"] < n["end"] <= t["speech_end_s"]
        assert n["digits_per_second"] == pytest.approx(len(d) / (n["end"] - n["start"]), rel=0.005)
        g = n["groups"]
        assert [x["digits"] for x in g] == [d[:3], d[3:6], d[6:]]
        assert g[0]["start"] == n["start"] and g[-1]["end"] == n["end"]
        pauses = [round(g[i + 1]["start"] - g[i]["end"], 3) for i in range(len(g) - 1)]
        assert n["group_pauses_s"] == pytest.approx(pauses, abs=0.002)
        assert all(p >= 0 for p in pauses)
        # the spoken digits are in the script, in order
        assert d in re.sub(r"\D", "", t["script"])


def test_samples_show_what_they_are_for():
    good, rushed, long_ = TRUTH["good_callback"], TRUTH["fillers_rushed"], TRUTH["too_long"]
    # good: in the 15-30 s band, <= 35 words, no fillers, number twice at writing speed with pauses
    assert 15 <= good["duration_s"] <= 30
    assert good["word_count"] <= 35
    assert good["filler_count"] == 0
    assert good["number_said_times"] == 2
    for n in good["phone_numbers"]:
        assert 1.5 <= n["digits_per_second"] <= 2.0
        assert all(0.4 <= p <= 0.6 for p in n["group_pauses_s"])
    assert 110 <= good["words_per_minute"] <= 160
    # fillers_rushed: 3-5 fillers, one in the first words, number rushed and once
    assert 3 <= rushed["filler_count"] <= 5
    assert rushed["fillers"][0]["start"] - rushed["speech_start_s"] < 2.0
    assert rushed["number_said_times"] == 1
    assert 4.0 <= rushed["phone_numbers"][0]["digits_per_second"] <= 5.5
    assert "sorry to bother you" in rushed["script"].lower() and "just checking in" in rushed["script"].lower()
    # too_long: over 45 s and over 60 words
    assert long_["duration_s"] > 45 and long_["word_count"] > 60 and long_["filler_count"] == 0
    # real voice: a real recording, number said twice
    assert TRUTH["real_voice_number"]["number_said_times"] == 2


def test_whole_folder_is_small():
    total = sum(p.stat().st_size for p in SAMPLES.glob("*.wav"))
    assert total < 4.5e6
