"""Closing the coaching loop (issue 14), end to end through the CLI: the history in an 80-column
terminal, progress without --rep, named scripts, notes, best takes, the library and the team view."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from conftest import SAMPLES

from reviewer.history import History

TINY = ("--model", "tiny.en")  # these tests are about the history's logic, not the ASR


@pytest.fixture(scope="module")
def team_db(cli, tmp_path_factory):
    """`make run`'s samples under the rep `samples`, and dana's two takes."""
    db = tmp_path_factory.mktemp("team") / "history.sqlite"
    done = cli(
        "review", *TINY, "--db", db, "--rep", "samples", SAMPLES / "fillers_rushed.wav", SAMPLES / "too_long.wav"
    )
    assert done.exit_code == 0, done.stderr
    for name in ("fillers_rushed", "good_callback"):
        done = cli("review", *TINY, "--db", db, "--rep", "dana", SAMPLES / f"{name}.wav")
        assert done.exit_code == 0, done.stderr
    return db


def test_progress_without_rep_picks_the_one_rep_that_is_not_the_samples(cli, team_db, tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWER_REP", raising=False)
    result = cli("progress", "--db", team_db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["rep"] == "dana" and result.json()["attempts"] == 2
    db = tmp_path / "two.sqlite"
    for rep in ("bob", "dana"):
        assert cli("review", *TINY, "--db", db, "--rep", rep, SAMPLES / "good_callback.wav").exit_code == 0
    refused = cli("progress", "--db", db)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == "Error: several reps in the history: choose one with --rep (bob, dana)"


def test_history_fits_80_columns_without_breaking_a_word(cli, team_db):
    with History(team_db) as h:
        attempts = h.attempts()
    for env in ({"COLUMNS": "80"}, {"COLUMNS": "140"}):
        from click.testing import CliRunner

        from reviewer.cli import main

        out = CliRunner(env=env).invoke(main, ["history", "--db", str(team_db)]).stdout
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= int(env["COLUMNS"]), out
        words = set(re.findall(r"[\w/#()+:.-]+", out))
        for header in ("score", "failed", "checks", "when"):
            assert header in words, out
        for a in attempts:
            for check in a.failed_checks.split():
                assert check in words, (check, out)  # whole, never "scor e" or "call_to_act"
        if env["COLUMNS"] == "140":
            assert {"file", "wpm", "fillers", "fillers_rushed.wav"} <= words


def test_history_shows_local_time_with_its_offset(cli_process, team_db):
    with History(team_db) as h:
        first = h.attempts()[0]
    stored = datetime.fromisoformat(first.reviewed_at).astimezone(UTC)
    out = cli_process("history", "--db", team_db, env={"TZ": "Asia/Kolkata", "COLUMNS": "100"}).stdout
    assert "when (UTC+05:30)" in out
    shifted = stored.timestamp() + 5.5 * 3600
    assert datetime.fromtimestamp(shifted, UTC).strftime("%Y-%m-%d %H:%M") in out


def test_readme_example_is_what_the_program_prints(monkeypatch):
    """The README's example output, regenerated from the program: set REVIEWER_UPDATE_README=1
    to rewrite it after a change to the rubric or the view."""
    import os

    from click.testing import CliRunner
    from conftest import ROOT

    from reviewer.cli import main

    monkeypatch.chdir(ROOT)
    result = CliRunner(env={"COLUMNS": "96"}).invoke(main, ["review", "--no-history", "samples/fillers_rushed.wav"])
    assert result.exit_code == 0, result.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```\n", readme.index("`reviewer review samples/fillers_rushed.wav` (colours")) + 4
    end = readme.index("```\n", start)
    printed = "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"
    if os.environ.get("REVIEWER_UPDATE_README"):
        (ROOT / "README.md").write_text(readme[:start] + printed + readme[end:], encoding="utf-8")
    assert readme[start:end] == printed
