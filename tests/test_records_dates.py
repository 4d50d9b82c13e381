"""Issue 25, dates: a manifest's date is a calendar date, the day the coach wrote, in any zone;
a time keeps its offset and shows in the local zone. End to end through the CLI (a batch with a
manifest, then `team` and `history` as separate processes) under a zone west and one east of UTC."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from test_batch import copy_scaled

from reviewer.storage.attempts import local_time
from reviewer.storage.history import parse_when

ZONES = ("America/Los_Angeles", "Asia/Kolkata")
TINY = ("--model", "tiny.en", "--workers", "1")  # the records' logic, not the ASR


@pytest.fixture(scope="module")
def dated(cli, tmp_path_factory):
    """Monday's and Tuesday's calls by date, and one by a time with its offset (Sunday 23:30 in
    Los Angeles, which is Monday 13:00 in Kolkata)."""
    root = tmp_path_factory.mktemp("dated")
    for name, gain in (("mon", 1.0), ("tue", 0.9), ("sun_night", 0.8)):
        copy_scaled(SAMPLES / "good_callback.wav", root / "calls" / f"{name}.wav", gain, seconds=6.0)
    manifest = root / "calls.csv"
    manifest.write_text(
        "file,rep,date\ncalls/mon.wav,alice,2026-11-23\ncalls/tue.wav,alice,2026-11-24\n"
        "calls/sun_night.wav,alice,2026-11-29T23:30:00-08:00\n"
    )
    db = root / "history.sqlite"
    done = cli("batch", root / "calls", "--manifest", manifest, "-o", root / "out", *TINY, "--db", db)
    assert done.exit_code == 0, done.stderr
    return db


def test_a_manifest_date_is_a_calendar_date_and_a_time_keeps_its_offset(monkeypatch):
    import time

    for zone in ZONES:
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        assert local_time(parse_when("2026-11-23").isoformat()) == ("2026-11-23", "")
        at = parse_when("2026-11-29T23:30:00-08:00")
        want = {"America/Los_Angeles": ("2026-11-29 23:30", "-08:00"), "Asia/Kolkata": ("2026-11-30 13:00", "+05:30")}
        assert local_time(at.isoformat()) == want[zone]
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.mark.parametrize("zone", ZONES)
def test_team_and_history_show_mondays_calls_on_monday_in_any_zone(cli_process, dated, zone):
    env = {"TZ": zone, "COLUMNS": "140"}
    monday = cli_process("team", "--db", dated, "--since", "2026-11-23", "--until", "2026-11-23", "--format", "json",
                         env=env).json()  # fmt: skip
    assert [(t["name"], t["day"], t["week"]) for t in monday["takes"]] == [("mon.wav", "2026-11-23", "2026-11-23")]
    every = cli_process("team", "--db", dated, "--format", "json", env=env).json()
    days = {t["name"]: (t["day"], t["week"]) for t in every["takes"]}
    assert days["tue.wav"] == ("2026-11-24", "2026-11-23")
    # a time with its offset: Sunday night west of UTC, Monday in India
    sunday = {"America/Los_Angeles": ("2026-11-29", "2026-11-23"), "Asia/Kolkata": ("2026-11-30", "2026-11-30")}
    assert days["sun_night.wav"] == sunday[zone]
    history = cli_process("history", "--db", dated, "--rep", "alice", env=env)
    assert history.exit_code == 0, history.stderr
    line = next(row for row in history.stdout.splitlines() if "mon.wav" in row)
    assert "2026-11-23" in line and "2026-11-22" not in line


def test_a_bad_manifest_date_stops_the_batch_before_it_runs(cli, tmp_path):
    copy_scaled(SAMPLES / "good_callback.wav", tmp_path / "calls" / "a.wav", 1.0, seconds=2.0)
    (tmp_path / "m.csv").write_text("file,rep,date\na.wav,alice,23/11/2026\n")
    done = cli("batch", tmp_path / "calls", "--manifest", tmp_path / "m.csv", "-o", tmp_path / "out", "--no-history")
    assert done.exit_code == 2 and "line 2: date '23/11/2026'" in done.stderr, done.stderr
