"""#27, the records: deleting a rep erases every row, file and byte about them without waiting on a
reader; the CSV view escapes control characters; output paths that cannot be written are one line;
the library export is owner-only, never overwrites an export and never follows a planted link.
Hand-built reviews (no Whisper); the installed console script runs in a subprocess."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.profile import Profile
from reviewer.storage.history import History

REVIEWER = str(Path(sys.executable).parent / "reviewer")  # the installed console script, as a user runs it
WORD = "Zorblaxian"  # a transcript word no other row holds
NUMBER = "5038271946"  # the rep's number: in their profile and in what they said
NOTE = "Glorpnote: slow the number down"
ORANGE_REP = "zelda"
STRANGE_REP = "sam\x1b]0;pwn\x07"  # an OSC sequence: retitles a terminal
RED_NOTE = "\x1b[31mred alert"


def _review(file, score: int, text: str, digits: str = NUMBER) -> dict:
    words = [{"text": " " + w, "start": float(k), "end": k + 0.5} for k, w in enumerate(text.split())]
    return {
        "file": str(file),
        "goal": "callback",
        "model": "base",
        "score": score,
        "duration_s": 20.0,
        "speech_start_s": 1.0,
        "speech_end_s": 19.0,
        "transcript": text,
        "words": words,
        "word_count": len(words),
        "words_per_minute": 150.0,
        "filler_count": 0,
        "fillers_per_minute": 0.0,
        "phone_numbers": [{"digits": digits, "start": 5.0, "end": 7.0, "digits_per_second": 2.5, "times_said": 1}],
        "findings": [{"check": "pace", "status": "pass", "message": "ok"}],
        "top_fixes": [],
    }


def _cli(*args, timeout: float = 60, umask: int | None = None, grace_s: float | None = None):
    """The console script; with `grace_s`, the same CLI with the orphan grace set (a test cannot
    age a file's change time)."""
    env = dict(os.environ, COLUMNS="160")
    command = [REVIEWER, *map(str, args)]
    if grace_s is not None:
        boot = (
            "import contextlib\n"
            "with contextlib.suppress(ImportError):  # a reviewer before erasure.py: runs as it was\n"
            f"    import reviewer.storage.erasure as e; e.ORPHAN_GRACE_S = {grace_s}\n"
            "from reviewer.apps.cli import main; main()"
        )
        command = [sys.executable, "-c", boot, *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=Path(__file__).parent,  # not the repository root: `-c` would import from the working folder
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def _one_error_line(run) -> str:
    assert run.returncode != 0, run.stdout
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    return lines[0]


@pytest.fixture()
def team(tmp_path):
    """zelda (profile, note, a script only she practised, a recording the page stored) and ann
    (who practised the shared script), in a history with the server's recordings folder beside it."""
    db = tmp_path / "h.sqlite"
    stored = tmp_path / "recordings"
    stored.mkdir()
    hers = stored / ("a" * 32 + ".webm")
    hers.write_bytes(b"her voice")
    with History(db) as h:
        h.set_profile(ORANGE_REP, Profile("Zelda Quist", "Quistco Freight", "+1" + NUMBER, "US"))
        h.add_script("zelda_pitch", "Hi, Zelda Quist from Quistco Freight, 503-827-1946.")
        h.add_script("team_pitch", "Hi, this is the team pitch.")
        said = f"Hi this is Zelda the {WORD} from Quistco call 503 -827 -1946"
        first = h.add(_review(tmp_path / "take1.wav", 70, said), ORANGE_REP, "zelda_pitch")
        h.add(dict(_review(hers, 72, said), recording={"id": hers.name, "name": "take.webm"}), ORANGE_REP)
        h.add(_review(tmp_path / "take3.wav", 74, said), ORANGE_REP, "team_pitch")
        h.set_note(first, NOTE)
        h.set_note(first, NOTE + " (again)")  # a replaced note leaves its old row's bytes behind unless zeroed
        h.add(_review(tmp_path / "ann.wav", 80, "Hi this is Ann from Oak", "2125550100"), "ann", "team_pitch")
    return db, stored, hers


def _mentions(db: Path, *needles: str) -> list[str]:
    found = []
    with sqlite3.connect(db) as c:
        for (table,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in c.execute(f"SELECT * FROM {table}"):
                found += [f"{table}: {row}" for n in needles if n.lower() in str(row).lower()]
    return found


def _raw(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists())


def test_deleting_a_rep_erases_profile_notes_scripts_and_recordings_to_the_last_byte(team):
    db, _, hers = team
    reader = sqlite3.connect(db)  # another connection open (a page, a second terminal), idle
    assert reader.execute("SELECT count(*) FROM attempts").fetchone()[0] == 4
    gone = _cli("history", "delete", "--rep", ORANGE_REP, "--db", db, timeout=10)
    assert gone.returncode == 0, gone.stderr
    # before: the profile row kept her name, company and number
    assert _mentions(db, ORANGE_REP, "Quistco", NUMBER, WORD, "Glorpnote") == []
    assert "their profile" in gone.stdout and "zelda_pitch" in gone.stdout
    assert not hers.exists()
    with History(db) as h:
        assert [s["name"] for s in h.scripts()] == ["team_pitch"]  # ann practised it too: kept
        assert [a.rep for a in h.attempts()] == ["ann"]
    raw = _raw(db)  # the reader still open
    for secret in (WORD, NUMBER, "Glorpnote", "Quistco"):
        assert secret.encode() not in raw, secret
    reader.close()


def test_a_reader_holding_a_view_does_not_stall_the_delete(team):
    db, _, _ = team
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute(f"SELECT count(*) FROM attempts WHERE review LIKE '%{WORD}%'").fetchone()[0] == 3
    # before: the checkpoint waited SQLite's 30 s busy timeout for this reader (TimeoutExpired here)
    gone = _cli("history", "delete", "--rep", ORANGE_REP, "--db", db, timeout=10)
    assert gone.returncode == 0, gone.stderr
    assert "still reading an older view" in gone.stdout
    reader.execute("COMMIT")
    with History(db):  # the next History to close finishes the erasure
        pass
    assert WORD.encode() not in _raw(db) and NUMBER.encode() not in _raw(db)
    reader.close()


def test_a_recording_whose_row_failed_to_store_is_swept(team):
    db, stored, _ = team
    orphan = stored / ("b" * 32 + ".webm")  # stored by the server, its row never written
    orphan.write_bytes(b"a voice nobody can delete")
    arriving = stored / ("c" * 32 + ".part")  # an upload still arriving: not ours to touch
    arriving.write_bytes(b"...")
    kept = _cli("history", "delete", "--rep", "ann", "--db", db)
    assert kept.returncode == 0, kept.stderr
    assert orphan.exists()  # a fresh one may be a review whose row is being stored right now
    swept = _cli("history", "delete", "--rep", ORANGE_REP, "--db", db, grace_s=0)
    assert swept.returncode == 0, swept.stderr
    assert not orphan.exists() and arriving.exists()  # before: no delete ever reached it
    assert "1 stored recording(s) no attempt referred to" in swept.stdout


def test_the_csv_view_escapes_control_characters(tmp_path):
    db = tmp_path / "h.sqlite"
    with History(db) as h:
        one = h.add(_review(tmp_path / "a.wav", 70, "hello there"), STRANGE_REP)
        h.set_note(one, RED_NOTE + "\nline two")
        two = h.add(_review(tmp_path / "b.wav", 71, "hello again"), "bob")
        h.set_note(two, "=HYPERLINK(1)")
    table = _cli("history", "--format", "csv", "--db", db)
    assert table.returncode == 0, table.stderr
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout  # before: both, raw
    assert "sam\\x1b]0;pwn\\x07" in table.stdout and "\\x1b[31mred alert\nline two" in table.stdout
    assert ",'=HYPERLINK(1)," in table.stdout  # the formula guard still holds


@pytest.fixture()
def best(tmp_path):
    db = tmp_path / "h.sqlite"
    take = tmp_path / "take.wav"
    take.write_bytes(b"RIFF a take")
    take.chmod(0o600)
    with History(db) as h:
        h.set_best(h.add(_review(take, 90, "Hi this is Ann from Oak Street"), "ann"))
    return db


def test_output_paths_that_cannot_be_written_are_one_line(best, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for args in (
        ("progress", "--html", blocker / "p.html"),  # before: NotADirectoryError's traceback
        ("progress", "--html", blocker / "sub" / "p.html"),
        ("team", "--html", blocker / "t.html"),
        ("library", "-o", blocker / "lib"),
        ("library", "-o", blocker),
    ):
        line = _one_error_line(_cli(*args, "--db", best))
        assert str(blocker) in line, line
    with open("/dev/full", "w") as full:  # before: OSError's traceback from the CSV writer
        run = subprocess.run(
            [REVIEWER, "history", "--format", "csv", "--db", best], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert (
        run.returncode == 1
        and run.stderr.startswith("Error: standard output: cannot write")
        and "Traceback" not in run.stderr
    )
    page = tmp_path / "new" / "folder" / "p.html"  # a missing folder is made, as team's always was
    made = _cli("progress", "--html", page, "--db", best, umask=0o022)
    assert made.returncode == 0, made.stderr
    assert page.stat().st_mode & 0o777 == 0o600 and page.parent.stat().st_mode & 0o777 == 0o700


def test_the_library_is_owner_only_whatever_the_umask(best, tmp_path):
    out = tmp_path / "library"
    run = _cli("library", "-o", out, "--db", best, umask=0o022)
    assert run.returncode == 0, run.stderr
    assert out.stat().st_mode & 0o777 == 0o700
    written = sorted(p.name for p in out.iterdir())
    assert written == ["01-ann-1.txt", "01-ann-1.wav", "index.html", "library.csv"]
    for p in out.iterdir():  # before: 0644, the recording too
        assert p.stat().st_mode & 0o777 == 0o600, p


def test_the_library_refuses_an_export_there_and_never_follows_a_link(best, tmp_path):
    out = tmp_path / "library"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    (out / "index.html").symlink_to("../outside.txt")
    line = _one_error_line(_cli("library", "-o", out, "--db", best))
    assert "already holds index.html" in line and "--force" in line
    assert outside.read_text() == "keep me" and sorted(p.name for p in out.iterdir()) == ["index.html"]
    forced = _cli("library", "-o", out, "--db", best, "--force")
    assert forced.returncode == 0, forced.stderr
    assert outside.read_text() == "keep me"  # before: the page was written through the link
    assert not (out / "index.html").is_symlink() and "Best takes" in (out / "index.html").read_text()
    again = _one_error_line(_cli("library", "-o", out, "--db", best))  # before: silently overwritten
    assert "already holds" in again
    link = tmp_path / "linked"
    link.symlink_to(out)
    assert "is a link" in _one_error_line(_cli("library", "-o", link, "--db", best))
