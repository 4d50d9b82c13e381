"""The number's rows through the CLI on real audio (tests/data/verdicts/, espeak-ng; #24): a
toll-free number's leading "1" is a group of its own and its 3-3-4 groups count; a number said
far too fast is told so by its measured pace, never "drags", and never passed. The assertions
are on verdicts and margins well away from their edges, not on Whisper's exact words."""

from __future__ import annotations

import pytest
from conftest import DATA


@pytest.fixture(scope="module")
def reviews(cli) -> dict:
    names = ("toll_free", "too_fast")
    paths = [DATA / "verdicts" / f"{n}.wav" for n in names]
    result = cli("review", "--format", "json", "--no-history", "--fillers", "fast", *paths)
    assert result.exit_code == 0, result.stderr
    return dict(zip(names, result.json()))


def by(review: dict) -> dict:
    return {f["check"]: f for f in review["findings"]}


def test_a_toll_free_number_is_grouped_1_3_3_4(reviews):
    r = reviews["toll_free"]
    num = r["phone_numbers"][0]
    assert num["e164"] == "+18006427391" and num["extension"] == "204"
    assert num["groups"][0]["digits"] == "1"  # the leading "1" apart, however it was run in
    assert "".join(g["digits"] for g in num["groups"]) == "18006427391"  # the extension is not its digits
    assert by(r)["number_groups"]["status"] == "pass", by(r)["number_groups"]  # pauses of about 0.4 s


def test_a_number_said_far_too_fast_is_told_so_by_its_pace(reviews):
    found = by(reviews["too_fast"])
    assert found["phone_number"]["status"] != "pass"
    pace = found.get("number_pace")
    assert pace is None or pace["status"] == "fail", pace  # said at about 8 digits a second
    assert not any(" drags " in f["message"] for f in found.values())
