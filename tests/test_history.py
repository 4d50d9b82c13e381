"""History, progress and script practice, end to end through the CLI on real recordings."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import OUTPUT, SAMPLES, launch_chromium, require_chromium

from reviewer.storage.history import SCHEMA_VERSION, History
from reviewer.storage.progress import next_focus, sparkline


@pytest.fixture(scope="module")
def three_attempts(cli, tmp_path_factory):
    """One rep's three attempts: the rushed one, the long one, the good one."""
    db = tmp_path_factory.mktemp("hist") / "history.sqlite"
    outputs, reviews = [], []
    for name in ("fillers_rushed", "too_long", "good_callback"):
        text = cli("review", "--rep", "sam", "--db", db, SAMPLES / f"{name}.wav")
        assert text.exit_code == 0, text.stderr
        outputs.append(" ".join(text.stdout.split()))
    with History(db) as h:
        for a in h.attempts("sam"):
            reviews.append(h.review_json(a.id))
    return db, outputs, reviews


def test_each_review_is_stored_and_unrelated_messages_are_not_compared(three_attempts):
    db, outputs, reviews = three_attempts
    assert "First attempt stored for sam." in outputs[0]
    # three different messages: each is the first take of its own message, not "since your last attempt"
    for out in outputs[1:]:
        assert "First take of this message stored for sam." in out
        assert "Since your last attempt" not in out


def test_a_retake_of_the_same_message_is_compared_with_the_last_take(cli, tmp_path):
    db = tmp_path / "history.sqlite"
    outputs = []
    for name in ("good_callback", "fillers_rushed", "good_callback"):
        text = cli("review", "--rep", "ana", "--db", db, "--fillers", "fast", SAMPLES / f"{name}.wav")
        assert text.exit_code == 0, text.stderr
        outputs.append(" ".join(text.stdout.split()))
    with History(db) as h:
        first, _, retake = (h.review_json(a.id) for a in h.attempts("ana"))
    assert "Since your last attempt" in outputs[2]  # compared with the first take, not the rushed message
    # the pace as the `pace` check judges it: outside the number (#25)
    pace = "words_per_minute_outside_number"
    expected = (
        f"fillers {first['filler_count']} -> {retake['filler_count']}, "
        f"pace outside the number {first[pace]:.0f} -> {retake[pace]:.0f} wpm"
    )
    assert expected in outputs[2]
    assert f"score {first['score']} -> {retake['score']}" in outputs[2]


def test_same_message_by_words_not_by_the_reps_own_number():
    from reviewer.storage.progress import same_message

    def rev(text, number="2065831947", goal="callback"):
        return {
            "goal": goal,
            "words": [{"text": w, "filler": False} for w in text.split()],
            "phone_numbers": [{"digits": number, "valid": True}],
        }

    a = rev("Hi Maria, this is Sarah from Keystone Freight, I can cut your shipping costs. Call me.")
    b = rev("Maria, this is Sarah from Keystone Freight. I can cut your shipping costs, call me back.")
    c = rev("Hello Mister Grant, Oliver from Brightline, we released a new dashboard for finance teams.")
    assert same_message(a, b) and not same_message(a, c)


def test_history_lists_attempts_in_text_json_and_csv(cli, three_attempts):
    db, _, reviews = three_attempts
    as_json = cli("history", "--db", db, "--rep", "sam", "--format", "json").json()
    assert [Path(a["file"]).stem for a in as_json] == ["fillers_rushed", "too_long", "good_callback"]
    assert [a["score"] for a in as_json] == [r["score"] for r in reviews]
    csv_text = cli("history", "--db", db, "--format", "csv").stdout.splitlines()
    assert csv_text[0].startswith("id,rep,reviewed_at,file")
    assert len(csv_text) == 4
    text = cli("history", "--db", db).stdout
    assert "good_callback.wav" in text


def test_progress_shows_trends_and_what_to_practise(cli, three_attempts, tmp_path):
    db, _, reviews = three_attempts
    result = cli("progress", "--db", db, "--rep", "sam", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    by = {t["metric"]: t for t in data["trends"]}
    scores = [r["score"] for r in reviews]
    assert by["score"]["first"] == scores[0] and by["score"]["latest"] == scores[-1]
    assert by["score"]["best"] == max(scores)
    assert by["score"]["change"] == "improved"
    assert by["fillers_per_minute"]["first"] > 0 and by["fillers_per_minute"]["latest"] == 0
    assert by["fillers_per_minute"]["change"] == "improved"
    assert len(by["score"]["sparkline"]) == 3
    latest_fails = [f["check"] for f in reviews[-1]["findings"] if f["status"] == "fail"]
    # from the latest attempt's own failures, in its order of fixes; none: keep it
    assert data["practise_next"] == next((c for c in reviews[-1]["top_fixes"] if c in latest_fails), None)
    assert data["since_last"].endswith(f"score {scores[1]} -> {scores[2]}")
    text = cli("progress", "--db", db, "--rep", "sam").stdout
    assert "Practise next:" in text and "improved" in text


@pytest.mark.browser
def test_progress_page_in_headless_chromium(cli, three_attempts, tmp_path):
    db, _, _ = three_attempts
    page_path = tmp_path / "progress.html"
    assert cli("progress", "--db", db, "--rep", "sam", "--html", page_path).exit_code == 0
    html = page_path.read_text()
    assert "http://" not in html and "https://" not in html and "<script" not in html
    from playwright import sync_api

    require_chromium()
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(page_path.as_uri())
        charts = page.locator("section.metric svg polyline")
        assert charts.count() >= 5
        assert page.locator("section.metric[data-metric=score] circle").count() == 3
        assert "Practise next" in page.locator("#practise-next").inner_text()
        assert page.locator("#attempts tbody tr").count() == 3
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "progress.png"), full_page=True)
        browser.close()
    assert problems == []


def test_no_history_and_json_reviews(cli, tmp_path):
    db = tmp_path / "h.sqlite"
    assert cli("review", "--no-history", "--db", db, SAMPLES / "good_callback.wav").exit_code == 0
    assert not db.exists()
    assert cli("review", "--format", "json", "--db", db, "--rep", "kim", SAMPLES / "good_callback.wav").exit_code == 0
    with History(db) as h:
        assert [a.rep for a in h.attempts()] == ["kim"]


WRITER = textwrap.dedent("""
    import json, sys
    from reviewer.storage.history import History
    db, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    review = json.loads(open(sys.argv[4]).read())
    with History(db) as h:
        for i in range(n):
            review["file"] = f"{tag}-{i}.wav"
            h.add(review, rep=tag)
            print(i, flush=True)
""")


@pytest.fixture(scope="module")
def review_file(three_attempts, tmp_path_factory):
    path = tmp_path_factory.mktemp("review") / "review.json"
    big = dict(three_attempts[2][0])
    big["padding"] = "x" * 200_000  # a large row makes a torn write more likely if writes were not atomic
    path.write_text(json.dumps(big))
    return path


def _writer(db: Path, tag: str, n: int, review_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), tag, str(n), str(review_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_two_processes_writing_at_once_lose_no_rows(tmp_path, review_file):
    db = tmp_path / "h.sqlite"
    writers = [_writer(db, tag, 60, review_file) for tag in ("alpha", "beta")]
    for w in writers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    with History(db) as h:
        assert len(h.attempts("alpha")) == 60 and len(h.attempts("beta")) == 60


def test_a_killed_writer_leaves_the_database_intact(tmp_path, review_file):
    db = tmp_path / "h.sqlite"
    w = _writer(db, "gamma", 100_000, review_file)
    printed = 0
    deadline = time.monotonic() + 120
    while printed < 20 and time.monotonic() < deadline:
        if w.stdout.readline():
            printed += 1
    os.killpg(w.pid, signal.SIGKILL)
    w.wait()
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = raw.execute("SELECT file, review FROM attempts").fetchall()
    assert len(rows) >= 20
    for file, review in rows:
        assert json.loads(review)["file"] == file  # every row whole
    with History(db) as h:  # and it still takes writes
        h.add(json.loads(rows[0][1]), rep="gamma")


def test_schema_is_versioned_and_a_newer_one_is_refused(tmp_path):
    db = tmp_path / "h.sqlite"
    History(db).close()
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        raw.execute("PRAGMA user_version = 99")
    from reviewer.storage.history import HistoryError

    with pytest.raises(HistoryError, match="newer reviewer"):
        History(db)


def test_sparkline_and_focus_helpers():
    assert sparkline([1, 2, 3]) == "▁▅█"
    assert sparkline([2, None, 2]) == "▁ ▁"
    from reviewer.storage.attempts import Attempt

    a = [
        Attempt(i, "r", "", "f", None, None, 50, 1, 1, 1, 1, 1, 1, 1, None, fc)
        for i, fc in enumerate(["pace", "fillers pace", "fillers opening"])
    ]
    assert next_focus(a) in {"pace", "fillers"}
    assert next_focus(a, window=2) == "fillers"


def test_script_practice_against_its_own_script_and_another(cli):
    own = cli(
        "review",
        "--format",
        "json",
        "--no-history",
        "--script",
        SAMPLES / "scripts" / "good_callback.txt",
        SAMPLES / "good_callback.wav",
    ).json()[0]
    check = own["script"]
    assert check["name"] == "good_callback"
    assert check["wer"] <= 0.1
    assert check["number_matches"] is True and check["script_number"] == "6124372968"
    assert check["missed_phrases"] == []
    assert {f["check"]: f["status"] for f in own["findings"]}["script"] == "pass"

    other = cli(
        "review",
        "--format",
        "json",
        "--no-history",
        "--script",
        SAMPLES / "scripts" / "apex_followup.txt",
        SAMPLES / "good_callback.wav",
    ).json()[0]
    check = other["script"]
    assert check["wer"] > 0.5
    assert check["number_matches"] is False
    assert set(check["missed_phrases"]) == {"name: Kevin Marsh", "company: Apex Software", "number: 2065831947"}
    finding = {f["check"]: f for f in other["findings"]}["script"]
    assert finding["status"] == "fail"
    assert "Kevin Marsh" in finding["message"] and "206-583-1947" in finding["message"]


def test_progress_filters_by_script(cli, tmp_path):
    db = tmp_path / "h.sqlite"
    script = SAMPLES / "scripts" / "good_callback.txt"
    for _ in range(2):
        cli("review", "--db", db, "--rep", "lee", "--script", script, SAMPLES / "good_callback.wav")
    cli("review", "--db", db, "--rep", "lee", SAMPLES / "too_long.wav")
    data = cli("progress", "--db", db, "--rep", "lee", "--script", "good_callback", "--format", "json").json()
    assert data["attempts"] == 2
    assert any(t["metric"] == "script_wer" for t in data["trends"])
    bad = cli("review", "--script", tmp_path / "missing.txt", SAMPLES / "good_callback.wav")
    assert bad.exit_code == 2 and "no such script file" in bad.stderr
