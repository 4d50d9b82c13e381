"""Every review counts towards progress: a SQLite history of attempts, per rep.

One row per review: the key figures as columns (for trends and CSV) and the full review
JSON. The schema is versioned with PRAGMA user_version and migrated forward on open.
Each write is one transaction and the database runs in WAL mode with a busy timeout, so a
crash never leaves half a row and several writers (batch workers, the web page, a second
terminal) do not lose rows. `History` holds the attempts; its named scripts (scripts.py), rep
profiles (profiles.py), a coach's notes and best takes (notes.py) and erasure (erasure.py) are
parts of it. Every connection runs with secure_delete: deleted or replaced content is
overwritten where it lay, not left in the file's free space.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from reviewer.record.summary import summary_of
from reviewer.storage.attempts import (
    ATTEMPT_COLUMNS,
    Attempt,
    local_time,
    stored_recording,
)
from reviewer.storage.erasure import Erasure, erase, settle
from reviewer.storage.notes import NotesAndBestTakes
from reviewer.storage.profiles import StoredProfiles
from reviewer.storage.progress import compare, same_message
from reviewer.storage.scripts import StoredScripts

__all__ = [
    "DEFAULT_REP",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "History",
    "HistoryError",
    "Recorded",
    "default_db_path",
    "delete_attempts",
    "erase",
    "parse_when",
    "record_review",
    "take_name",
]

SCHEMA_VERSION = 3
DEFAULT_REP = "me"

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rep TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,            -- ISO 8601, UTC
        file TEXT NOT NULL,
        audio_sha256 TEXT,
        script TEXT,                          -- name of the practised script, if any
        goal TEXT,
        model TEXT,
        score INTEGER,
        duration_s REAL,
        word_count INTEGER,
        words_per_minute REAL,
        filler_count INTEGER,
        fillers_per_minute REAL,
        number_digits_per_second REAL,        -- the fastest saying of the number
        number_times_said INTEGER,
        script_wer REAL,
        failed_checks TEXT,                   -- space-separated check ids
        review TEXT NOT NULL                  -- the full review JSON (schema 1)
    );
    CREATE INDEX attempts_rep_time ON attempts (rep, reviewed_at);
    """,
    2: """
    CREATE TABLE scripts (
        name TEXT PRIMARY KEY,                -- what the CLI's --script and the page's picker call it
        text TEXT NOT NULL,
        fingerprint TEXT NOT NULL,            -- of the normalised text: a pasted copy finds its name
        created_at TEXT NOT NULL
    );
    ALTER TABLE attempts ADD COLUMN note TEXT;              -- a coach's note
    ALTER TABLE attempts ADD COLUMN best INTEGER NOT NULL DEFAULT 0;  -- a best take, for the library
    ALTER TABLE attempts ADD COLUMN settings TEXT;          -- the batch settings' fingerprint, for reuse
    CREATE INDEX attempts_audio ON attempts (audio_sha256, settings);
    """,
    3: """
    CREATE TABLE profiles (
        rep TEXT PRIMARY KEY,                 -- whose: the rep attempts are stored under
        name TEXT,                            -- as the rep spells it
        company TEXT,
        number TEXT,                          -- E.164, checked by phonenumbers
        region TEXT NOT NULL DEFAULT 'US',    -- for numbers said without a country code
        updated_at TEXT NOT NULL
    );
    """,
}


class HistoryError(Exception):
    """A history database that cannot be used; the message names the file and the cause."""


def default_db_path() -> Path:
    """$REVIEWER_DB, else the user's data directory (XDG)."""
    if os.environ.get("REVIEWER_DB"):
        return Path(os.environ["REVIEWER_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "reviewer" / "history.sqlite"


class History(StoredScripts, StoredProfiles, NotesAndBestTakes, Erasure):
    """The history database: attempts stored, listed, deleted and found again for reuse; the
    scripts, profiles, notes and deleting methods come from its parts."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_db_path()
        try:
            _private_file(self.path)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.execute("PRAGMA secure_delete = ON")  # per connection: what any write frees is zeroed
            self._refuse_newer()  # before WAL: a newer reviewer's database is left exactly as it was
            self._wal()
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise HistoryError(f"{self.path}: cannot open the history database ({exc})") from None

    def _refuse_newer(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self.db.close()
            raise HistoryError(f"{self.path}: made by a newer reviewer (schema {version}); upgrade reviewer")

    def _wal(self, patience_s: float = 30.0) -> None:
        """Switch to WAL. The switch needs the database to itself, and SQLite answers "locked"
        at once (no busy wait, to avoid a deadlock) when another process opens it at the same
        moment, so wait and try again."""
        deadline = time.monotonic() + patience_s
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _migrate(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")  # one migrator at a time
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(f"{self.path}: made by a newer reviewer (schema {version}); upgrade reviewer")
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[v].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {v}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close, first copying the WAL into the file if no reader or writer is busy (no wait): an
        erasure that a reader held up is finished by the next History to close."""
        try:
            settle(self.db, patience_ms=0)
        except sqlite3.Error:  # a damaged or already closed database: nothing to settle
            pass
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(
        self,
        review: dict,
        rep: str,
        script: str | None = None,
        when: datetime | date | None = None,
        audio_sha256: str | None = None,
        settings: str | None = None,
    ) -> int:
        """Store one review (its JSON dict) in one transaction; returns the attempt id. The figure
        columns are the review's summary (summary.py), as in a batch's CSV and the server's answers.
        `when` is a time with its offset (now, in UTC, by default) or a calendar date (a manifest's
        date: stored as that date, never shifted by a time zone)."""
        figures = summary_of(review).figures_row()
        script_check = review.get("script") or {}
        row = (
            rep,
            _when_text(when),
            review["file"],
            audio_sha256,
            script,
            review.get("goal"),
            review.get("model"),
            figures["score"],
            figures["duration_s"],
            figures["word_count"],
            figures["words_per_minute"],
            figures["filler_count"],
            figures["fillers_per_minute"],
            figures["number_digits_per_second"],
            figures["number_times_said"],
            script_check.get("wer"),
            figures["failed_checks"],
            json.dumps(review, ensure_ascii=False),
            settings,
        )
        with self.db:  # BEGIN ... COMMIT: all of the row or none of it
            self.db.execute("BEGIN IMMEDIATE")
            cur = self.db.execute(
                "INSERT INTO attempts (rep, reviewed_at, file, audio_sha256, script, goal, model, score, duration_s,"
                " word_count, words_per_minute, filler_count, fillers_per_minute, number_digits_per_second,"
                " number_times_said, script_wer, failed_checks, review, settings) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        return int(cur.lastrowid)

    def attempts(
        self, rep: str | None = None, script: str | None = None, before_id: int | None = None
    ) -> list[Attempt]:
        """Attempts in time order, optionally one rep's, one script's, or those before an id."""
        sql = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE 1=1"
        args: list = []
        if rep is not None:
            sql += " AND rep = ?"
            args.append(rep)
        if script is not None:
            sql += " AND script = ?"
            args.append(script)
        if before_id is not None:
            sql += " AND id < ?"
            args.append(before_id)
        sql += " ORDER BY reviewed_at, id"
        return [Attempt(*row) for row in self.db.execute(sql, args)]

    def attempt(self, attempt_id: int) -> Attempt | None:
        row = self.db.execute(f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return Attempt(*row) if row else None

    def review_json(self, attempt_id: int) -> dict:
        row = self.db.execute("SELECT review FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return json.loads(row[0]) if row else {}

    def reps(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT rep FROM attempts ORDER BY rep")]

    # ---- reuse ---------------------------------------------------------------------------

    def stored_review(self, audio_sha256: str, settings: str) -> dict | None:
        """A review already in the history of this very audio with these settings, if any."""
        row = self.db.execute(
            "SELECT review FROM attempts WHERE audio_sha256 = ? AND settings = ? ORDER BY id DESC LIMIT 1",
            (audio_sha256, settings),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def has_audio(self, audio_sha256: str, settings: str, rep: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM attempts WHERE audio_sha256 = ? AND settings = ? AND rep = ? LIMIT 1",
                (audio_sha256, settings, rep),
            ).fetchone()
            is not None
        )

    def rep_of_audio(self, audio_sha256: str, files: tuple[str, ...]) -> str | None:
        """Whose this recording (this audio at one of these paths) is in the history: the rep of
        the latest attempt a batch or `review` stored for it."""
        marks = ", ".join("?" * len(files))
        row = self.db.execute(
            f"SELECT rep FROM attempts WHERE audio_sha256 = ? AND file IN ({marks}) AND settings IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
            (audio_sha256, *files),
        ).fetchone()
        return row[0] if row else None

    def attribute_audio(self, audio_sha256: str, files: tuple[str, ...], rep: str, when: str = "") -> int:
        """A manifest names this recording's rep (and date): the attempts stored for this audio at
        one of these paths move to that rep (and date), and of two now under one rep with the same
        settings the first is kept (one with a coach's note or best mark is never removed).
        Returns the attempts moved or removed."""
        where = f"audio_sha256 = ? AND file IN ({', '.join('?' * len(files))}) AND settings IS NOT NULL"
        key = (audio_sha256, *files)
        at = parse_when(when)
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            changed = self.db.execute(
                f"UPDATE attempts SET rep = ? WHERE {where} AND rep != ?", (rep, *key, rep)
            ).rowcount
            if at is not None:
                self.db.execute(f"UPDATE attempts SET reviewed_at = ? WHERE {where}", (_when_text(at), *key))
            changed += self.db.execute(
                f"DELETE FROM attempts WHERE {where} AND rep = ? AND note IS NULL AND NOT best AND id NOT IN"
                f" (SELECT MIN(id) FROM attempts WHERE {where} AND rep = ? GROUP BY settings)",
                (*key, rep, *key, rep),
            ).rowcount
        return changed

    def previous(self, rep: str, before_id: int, script: str | None = None) -> Attempt | None:
        earlier = self.attempts(rep, script, before_id)
        return earlier[-1] if earlier else None

    def previous_take(self, rep: str, before_id: int, review: dict, script: str | None = None) -> Attempt | None:
        """The rep's last attempt at the same message: the same script when one was practised,
        else the same goal and a similar message (the same number, or mostly the same words)."""
        if script is not None:
            return self.previous(rep, before_id, script)
        for earlier in reversed(self.attempts(rep, None, before_id)[-50:]):
            if earlier.script is not None or (earlier.goal or "callback") != (review.get("goal") or "callback"):
                continue
            if same_message(self.review_json(earlier.id), review):
                return earlier
        return None


def _when_text(when: datetime | date | None) -> str:
    """How an attempt's time is stored: an ISO time with its offset, or an ISO calendar date."""
    if when is None:
        return datetime.now(UTC).isoformat(timespec="seconds")
    if isinstance(when, datetime):
        return (when if when.tzinfo else when.astimezone()).isoformat(timespec="seconds")
    return when.isoformat()


def parse_when(text: str) -> datetime | date | None:
    """A manifest's date or time: "2026-11-23" is that calendar date (in the coach's zone, as
    written); a time keeps its offset, and one written without an offset is this machine's local
    time. Empty gives None (now). Raises ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.astimezone()


def _private_file(path: Path) -> None:
    """Create the database (and its folder) readable by its owner only: it holds every rep's
    attempts. SQLite gives the -wal and -shm files the database file's mode."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def take_name(db: History, a: Attempt) -> str:
    """A readable name for an attempt's recording: the practice page's takes by the name they
    were uploaded under (stored under a name the server chose), others by their file name."""
    review = db.review_json(a.id)
    if stored_recording(a.file, review) is not None or (review.get("recording") or {}).get("name"):
        name = (review.get("recording") or {}).get("name")
        if name:
            return name
    return Path(a.file).name


def delete_attempts(
    history: History, rep: str | None = None, attempt_id: int | None = None, recordings_dir=None
) -> tuple[int, int]:
    """Delete attempts (for a rep: everything about them) and the recordings the server stored for
    them, sweeping orphans (`erase`): (attempts, recordings) deleted, orphans counted in."""
    done = erase(history, rep=rep, attempt_id=attempt_id, recordings_dir=recordings_dir)
    return done.attempts, done.recordings + done.orphans


@dataclass(frozen=True)
class Recorded:
    attempt: Attempt
    previous: Attempt | None  # the rep's attempt before it (at the same script, if one was practised)
    line: str  # "Since your last attempt (...): fillers 5 -> 2, ..." or "First attempt stored for sam."


def record_review(
    history: History,
    review: dict,
    rep: str,
    script: str | None = None,
    when: str = "",
    settings: str | None = None,
    audio_sha256: str | None = None,
) -> Recorded:
    """Store a review (at `when`, a manifest's calendar date or time, see `parse_when`; else now)
    and compare it with the rep's previous attempt: what every front end shows after a review."""
    at = parse_when(when)
    sha = audio_sha256
    if sha is None and Path(review["file"]).is_file():
        from reviewer.recognition.models import sha256_of

        sha = sha256_of(review["file"])
    attempt_id = history.add(review, rep, script, when=at, audio_sha256=sha, settings=settings)
    latest = history.attempt(attempt_id)
    previous = history.previous_take(rep, attempt_id, review, script)
    if previous is None:
        first = not history.attempts(rep, None, attempt_id)
        if first:
            line = f"First attempt stored for {rep}."
        elif script:
            line = f"First attempt at the script {script} stored for {rep}."
        else:
            line = f"First take of this message stored for {rep}."
    else:
        line = f"Since your last attempt ({' '.join(local_time(previous.reviewed_at))}): {compare(previous, latest, history.review_json(previous.id), review)}"
    return Recorded(latest, previous, line)
