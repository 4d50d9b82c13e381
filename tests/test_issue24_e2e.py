"""The messages issue #24 tried as a rep would, rebuilt in tests/data/issue24 (espeak-ng voices
and flite's slt, joined with known gaps by tests/data/build.py), reviewed through the CLI by the
real model: the verdicts a coach would give them (#24, acceptance). A check-in with no reason is
no reason; a concrete reason in other words than the cues' is one; a name or company Whisper
mishears, or a number at telephone quality, is never failed as the rep's fault; a number said
once is not "given twice"; a dragging number drags and a rushed one is too fast; and no two
findings of one review contradict each other.

The assertions are on verdicts, never on Whisper's exact words: "not fail", "not pass", the kind
of message, so a different spelling of what was heard changes nothing here."""

from __future__ import annotations

import pytest
from conftest import DATA

ISSUE = DATA / "issue24"
PLAIN = (
    "touch_base",
    "topic",
    "hail_roof",
    "payroll",
    "good",
    "good_phone",
    "number_once",
    "number_drags",
    "number_rushed",
)
PROFILE = ("--name", "Dana Reyes", "--company", "Northwind Software")  # what dana_profile.flac says
CONTENT = ("name", "company", "reason", "call_to_action")
NUMBER_ROWS = ("phone_number", "number_pace", "number_groups", "number_repeated")


@pytest.fixture(scope="module")
def reviews(cli) -> dict:
    """Each message reviewed once (`--fillers fast`: fillers are not what is tested here); the
    Dana Reyes message against her name and company, given for this review."""
    args = ("review", "--format", "json", "--no-history", "--fillers", "fast")
    result = cli(*args, "--no-profile", *[ISSUE / f"{n}.flac" for n in PLAIN])
    assert result.exit_code == 0, result.stderr
    out = dict(zip(PLAIN, result.json()))
    dana = cli(*args, *PROFILE, ISSUE / "dana_profile.flac")
    assert dana.exit_code == 0, dana.stderr
    out["dana_profile"] = dana.json()[0]
    return out


def by(review: dict) -> dict:
    return {f["check"]: f for f in review["findings"]}


def said(review: dict, checks=None) -> list[str]:
    """The findings' messages (of `checks` only, where given), lower case."""
    return [f["message"].lower() for f in review["findings"] if checks is None or f["check"] in checks]


def not_failed(f: dict | None) -> bool:
    """A pass, or a warning that it could not be made out: never the rep's fault."""
    return f is not None and (f["status"] == "pass" or (f["status"] == "warn" and f["unsure"]))


def test_a_topic_alone_is_a_warning_quoting_it_not_a_failure(reviews):
    # "I'm calling about network monitoring and backup software for dental offices": concrete words,
    # nothing of this listener's (LABELS' reason rule): told to sharpen it, with what was heard, and
    # the score not held down as for a message with no reason at all
    f = by(reviews["topic"])["reason"]
    assert f["status"] == "warn" and not f["unsure"], f
    assert "topic" in f["message"].lower() and f["evidence"], f
    assert reviews["topic"]["score"] > reviews["touch_base"]["score"], (
        reviews["topic"]["score"],
        reviews["touch_base"]["score"],
    )


def test_a_check_in_is_no_reason(reviews):
    # "I just wanted to touch base and see how things are going": no reason, a weak phrase, not good
    r = reviews["touch_base"]
    f = by(r)
    assert f["reason"]["status"] != "pass", f["reason"]
    weak = [g for c in ("weak_phrases", "opening") if (g := f.get(c)) and g["status"] != "pass"]
    assert any("just wanted" in g["message"].lower() or "touch base" in g["message"].lower() for g in weak), weak
    assert r["score"] < 85, r["score"]


@pytest.mark.parametrize("name", ["hail_roof", "payroll"])
def test_a_concrete_reason_in_other_words_passes(reviews, name):
    # "Hail hit your street last week; your policy likely covers a new roof" (flite);
    # "Your team can close payroll a day faster; three firms on your block already do" (espeak en-gb)
    f = by(reviews[name])["reason"]
    assert f["status"] == "pass", f


def test_a_name_and_company_misheard_are_never_failed(reviews):
    # "Hi, I'm Dana Reyes from Northwind Software", reviewed with her profile's name and company
    f = by(reviews["dana_profile"])
    for check in ("name", "company"):
        assert not_failed(f[check]), f[check]


def test_a_good_message_scores_well_at_16_khz(reviews):
    r = reviews["good"]
    f = by(r)
    assert r["score"] >= 80, [(g["check"], g["status"], g["message"]) for g in r["findings"] if g["status"] != "pass"]
    for check in CONTENT:  # passed, or (a company Whisper heard unsure: "Summit Mental") quoted as unsure
        assert f[check]["status"] == "pass" or (f[check]["status"] == "warn" and f[check]["unsure"]), f[check]
    assert sum(f[check]["status"] == "pass" for check in CONTENT) >= len(CONTENT) - 1


def test_the_same_message_at_phone_quality_is_unsure_never_failed(reviews):
    # 300-3400 Hz, pink noise 15 dB under the speech, 8 kHz, a GSM 06.10 round trip
    r = reviews["good_phone"]
    f = by(r)
    assert r["audio"]["source_rate"] == 8000
    for check in CONTENT:
        assert not_failed(f.get(check)), (check, f.get(check))
    assert not_failed(f["phone_number"]), f["phone_number"]  # a number not heard right: unsure, not failed
    for check in NUMBER_ROWS:
        assert check not in f or f[check]["status"] != "fail", f[check]


def test_a_number_said_once_is_not_given_twice(reviews):
    r = reviews["number_once"]
    f = by(r)
    assert "number_repeated" not in f or f["number_repeated"]["status"] != "pass", f["number_repeated"]
    assert not any("you gave the number twice" in m for m in said(r)), said(r)


def test_a_dragging_number_drags_and_is_never_too_fast(reviews):
    # 0.8 digits a second: long gaps between the digits
    r = reviews["number_drags"]
    pace = by(r).get("number_pace")
    assert pace is not None and pace["status"] == "warn", pace
    m = pace["message"].lower()
    assert ("drag" in m or "slow" in m) and "fast" not in m and "went by" not in m and "ran at" not in m, pace
    assert not any("too fast" in m for m in said(r)), said(r)
    assert not any("slowly" in m for m in said(r, NUMBER_ROWS)), said(r, NUMBER_ROWS)


def test_a_rushed_number_is_too_fast_or_not_made_out(reviews):
    # 4.5 digits a second, said twice
    r = reviews["number_rushed"]
    f = by(r)
    pace, number = f.get("number_pace"), f["phone_number"]
    if pace is not None:
        assert pace["status"] != "pass" and "drag" not in pace["message"].lower(), pace
    fast = pace is not None and pace["status"] in ("warn", "fail") and not pace["unsure"]
    unclear = number["message"].startswith("Couldn't make out") or (pace is not None and pace["unsure"])
    assert fast or unclear, (number, pace)
    assert not (number["status"] == "pass" and pace is None), number  # never a pass with no word on its pace


def test_no_two_findings_contradict(reviews):
    for name, r in reviews.items():
        f, messages = by(r), said(r)
        if f.get("number_repeated", {}).get("status") == "pass":
            twice = ("give it twice", "say it twice", "say the number twice", "the same twice")
            assert not any(t in m for m in messages for t in twice), (name, messages)
        pace = f.get("number_pace")
        if pace is not None and (pace["status"] == "pass" or "drag" in pace["message"].lower()):
            numbers = said(r, NUMBER_ROWS)
            assert not any(w in m for m in numbers for w in ("slowly", "slow down", "too fast")), (name, numbers)
        if f.get("number_groups", {}).get("status") == "pass":
            assert not any("in one run" in m or "pause between the groups" in m for m in messages), (name, messages)


def test_name_company_and_call_to_action_are_never_failed(reviews):
    # every message says who is calling, from where, and asks for a call back: a coach passes these
    for name, r in reviews.items():
        f = by(r)
        for check in ("name", "company", "call_to_action"):
            assert f.get(check) is not None and f[check]["status"] != "fail", (name, f.get(check))
