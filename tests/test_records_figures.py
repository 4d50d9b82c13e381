"""#25: figures on one screen agree with the checks, tables keep the columns that identify a take at
80 columns, progress by script names its rep and script and what "best" is, and the library hands
out transcripts in the script's spelling with the recording's own date. Hand-built reviews, no
Whisper; the CLI runs in a subprocess under two time zones."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reviewer.record.summary import summary_of
from reviewer.storage.attempts import Attempt
from reviewer.storage.history import History
from reviewer.storage.progress import compare

REVIEWER = str(Path(sys.executable).parent / "reviewer")  # the installed console script, as a user runs it
ZONES = ("America/Los_Angeles", "Asia/Kolkata")
SCRIPT = "Hi Dana, this is Ann from Cedar Health. Call me at 503-827-1946. Thanks!"


def _review(file, score, *, said=40, judged=30, wpm=160.0, outside=140.0, speech=(1.0, 24.0), fails=(), text=None):
    text = text or "Hi Dana, this is Ann from Senior Health. Call me at 503 -827 -1946. Thanks!"
    words = [
        {"text": " " + w, "start": float(k), "end": k + 0.5, "phone": any(c.isdigit() for c in w)}
        for k, w in enumerate(text.split())
    ]
    phone = [k for k, w in enumerate(words) if w["phone"]]
    return {
        "file": str(file),
        "goal": "callback",
        "model": "base",
        "score": score,
        "duration_s": speech[1] + 2.0,
        "speech_start_s": speech[0],
        "speech_end_s": speech[1],
        "transcript": text,
        "words": words,
        "word_count": said,
        "words_for_limit": judged,
        "words_per_minute": wpm,
        "words_per_minute_outside_number": outside,
        "filler_count": 0,
        "fillers_per_minute": 0.0,
        "phone_numbers": [
            {
                "digits": "5038271946",
                "start": 9.0,
                "end": 11.0,
                "digits_per_second": 2.5,
                "times_said": 1,
                "word_indices": phone,
            }
        ],
        "findings": [{"check": c, "status": "fail", "message": "x"} for c in fails]
        + [
            {"check": "word_count", "status": "pass", "message": "ok"},
            {"check": "pace", "status": "pass", "message": "ok"},
        ],
        "top_fixes": list(fails),
        "profile": {"name": "Ann", "company": "Cedar Health"},
    }


def test_the_words_and_pace_tiles_and_the_figure_line_show_what_the_checks_judge():
    s = summary_of(_review("a.wav", 80, said=45, judged=35, wpm=177.0, outside=160.0))
    tiles = {t.key: t for t in s.tiles}
    assert (tiles["words"].value, tiles["words"].status) == ("35", "pass")  # was 45, green against 35
    assert "repeat is free (45 said)" in tiles["words"].detail
    assert (tiles["pace"].value, tiles["pace"].detail) == ("160", "outside your number; aim for 110-160")
    line = dict(s.figures)["Words"]
    assert (
        line
        == "45 (35 for the limit: the number's repeat is free) at 177 words per minute overall, 160 outside your number"
    )


def _attempt(i, score, duration, wpm):
    return Attempt(
        i,
        "sam",
        "2026-11-23T10:00:00+00:00",
        "a.wav",
        None,
        "callback",
        score,
        duration,
        40,
        wpm,
        0,
        0.0,
        2.5,
        1,
        None,
        "",
    )


def test_since_last_compares_speech_lengths_and_the_judged_pace():
    a, b = _attempt(1, 60, 25.0, 170.0), _attempt(2, 70, 30.0, 150.0)
    ra, rb = _review("a", 60, speech=(4.0, 20.0), outside=118.0), _review("b", 70, speech=(1.0, 21.0), outside=130.0)
    line = compare(a, b, ra, rb)
    assert "speech 16 -> 20 s" in line and "pace outside the number 118 -> 130 wpm" in line
    assert "recorded length 25 -> 30 s" in compare(a, b)  # without the reviews: labelled as what it is


def test_the_hand_out_transcript_uses_the_scripts_spelling_and_writes_numbers():
    from reviewer.present.library import hand_out_transcript

    text = hand_out_transcript(_review("a", 80), SCRIPT)
    assert text == "Hi Dana, this is Ann from Cedar Health. Call me at 503-827-1946. Thanks!"
    # a word the rep said instead of a common word of the script is theirs: only names are respelled
    other = _review("a", 80, text="Hi Dana, this is Ann from Cedar Health. Ring me at 503 -827 -1946. Thanks!")
    assert "Ring me at 503-827-1946." in hand_out_transcript(other, SCRIPT)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "h.sqlite"
    calls = tmp_path / "internal" / "recordings" / "store"
    calls.mkdir(parents=True)
    with History(path) as h:
        h.add_script("cedar", SCRIPT)
        short = _review(calls / "monday_take_one.wav", 35, said=12, judged=12, speech=(0.5, 9.5), fails=("length",))
        good = _review(calls / "monday_take_two.wav", 88, said=45, judged=33, outside=118.0, speech=(1.0, 26.0))
        late = _review(
            calls / "tuesday_take_three.wav",
            75,
            said=40,
            judged=30,
            outside=141.0,
            speech=(1.0, 24.0),
            fails=("number_pace",),
        )
        for r in (short, good, late):
            h.add(r, "sam", "cedar", when=date(2026, 11, 23) if r is good else None)
        h.add(_review(calls / "other.wav", 50), "kim", None)
    (calls / "tuesday_take_three.wav").write_bytes(b"RIFF")  # the recording is kept: its own time is its date
    os.utime(calls / "tuesday_take_three.wav", (1795000000, 1795000000))  # 2026-11-18 ~ in every zone here
    return path


def _cli(*args, tz, cwd, columns=80):
    env = dict(os.environ, TZ=tz, COLUMNS=str(columns))
    env.pop("REVIEWER_REP", None)
    run = subprocess.run([REVIEWER, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("tz", ZONES)
def test_history_and_progress_through_the_cli(db, tmp_path, tz):
    out = _cli("history", "--db", db, tz=tz, cwd=tmp_path)
    # the file and rep columns stay at 80, cut (if at all) in the middle, where names are alike
    for name in ("monday_take_one", "monday_take_two", "tuesday_take_three", "│ kim ", "│ sam "):
        assert name in out, out
    assert all(len(line) <= 80 for line in out.splitlines())
    wide = _cli("history", "--db", db, "--rep", "sam", tz=tz, cwd=tmp_path, columns=140)
    heads = [c.strip() for c in next(ln for ln in wide.splitlines() if "score" in ln).split("┃")]
    take_two = next(ln for ln in wide.splitlines() if "monday_take_two" in ln).split("│")
    # the words the limit judged (the number's repeat free: 33 of 45 said), as the review says
    assert take_two[heads.index("words")].strip() == "33"
    out = _cli("progress", "--db", db, "--script", "cedar", tz=tz, cwd=tmp_path)  # only sam practised it
    assert "Progress of sam at the script cedar: 3 attempts" in " ".join(out.split())
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:5]]
        for line in out.splitlines()
        if line.count("│") > 5
    }
    # in time order: the manifest's Monday take first; best is the best-scoring take's, not the 10 s fail's 12
    assert rows["words for the limit"] == ["33", "33", "30"]
    assert rows["pace (as judged) wpm"][2] == "141"
    assert rows["speech length s"][0::2] == ["25", "23"]
    flat = " ".join(out.split())
    assert "pace outside the number" in flat and "speech 9 -> 23 s" in flat
    page = tmp_path / "p.html"
    _cli("progress", "--db", db, "--script", "cedar", "--html", page, tz=tz, cwd=tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "internal/recordings" not in html and "monday_take_two.wav" in html


def test_the_batch_per_rep_table_keeps_its_headers_at_80_columns(tmp_path):
    rep = tmp_path / "calls" / "alice_with_a_long_name"
    rep.mkdir(parents=True)
    (rep / "a.wav").write_text("not audio")
    env = dict(os.environ, COLUMNS="80")
    run = subprocess.run(
        [REVIEWER, "batch", "calls", "-o", "out", "--db", "h.sqlite"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1
    table = run.stdout.split("1 recordings")[0]
    assert all(len(line) <= 80 for line in table.splitlines())
    assert "…" not in table and "..." not in table
    words = " ".join(table.replace("│", " ").replace("┃", " ").split())
    for header in ("rep", "reviewed", "errors", "score", "fillers", "wpm", "digits/s", "most", "failed"):
        assert header in words
    assert "alice_wit" in table and "name" in table  # folded, not cut


@pytest.mark.parametrize("tz", ZONES)
def test_the_library_hands_out_clean_transcripts_with_the_recordings_date(db, tmp_path, tz):
    with History(db) as h:
        ids = {Path(a.file).name: a.id for a in h.attempts("sam")}
    for name in ("monday_take_two.wav", "tuesday_take_three.wav"):
        _cli("best", ids[name], "--db", db, tz=tz, cwd=tmp_path)
    _cli("library", "-o", tmp_path / "lib", "--db", db, tz=tz, cwd=tmp_path)
    with open(tmp_path / "lib" / "library.csv", encoding="utf-8") as f:
        rows = {Path(r["recording"]).name: r for r in csv.DictReader(f)}
    assert rows["monday_take_two.wav"]["recorded"] == "2026-11-23"  # the manifest's date, as written
    kept = rows["tuesday_take_three.wav"]["recorded"]
    assert kept.startswith("2026-11-18") or kept.startswith("2026-11-19"), kept  # the file's own time
    for r in rows.values():
        assert "Cedar Health" in r["transcript"] and "503-827-1946" in r["transcript"]
        assert "Senior" not in r["transcript"]
    txt = (tmp_path / "lib" / rows["monday_take_two.wav"]["transcript_file"]).read_text(encoding="utf-8")
    assert "Recorded: 2026-11-23" in txt and "Cedar Health" in txt
    index = (tmp_path / "lib" / "index.html").read_text(encoding="utf-8")
    # the length written out (a page's WebM recording shows 0:00 in a player), the player loads it
    assert "2026-11-23 · 28 s ·" in index and 'preload="metadata"' in index


def test_the_batch_reports_recorded_columns_say_which_figure_the_check_judges():
    from reviewer.present.report import COLUMNS

    hints = {key: hint for key, _, _, hint in COLUMNS}
    assert "outside the number" in hints["words_per_minute"] and "speech" in hints["duration_s"]
    assert "repeat" in hints["word_count"]


def test_a_long_file_name_is_cut_in_the_middle_where_takes_differ():
    from reviewer.apps.cli.history import _middle

    assert _middle("monday_take_one.wav", 24) == "monday_take_one.wav"
    assert _middle("monday_take_one.wav", 15) == "monday_take_one"
    assert _middle("monday_take_one.wav", 10) == "mond…e_one" != _middle("monday_take_two.wav", 10)


def test_without_a_script_the_profile_spells_the_company():
    from reviewer.present.library import hand_out_transcript

    assert "from Cedar Health." in hand_out_transcript(_review("a", 80))  # no script: the profile's spelling
    kept = _review("a", 80, text="Hi Dana, this is Ann. Stay in good health. Call me at 503 -827 -1946.")
    assert "Stay in good health." in hand_out_transcript(kept)  # the rep's own words, lower case, kept
