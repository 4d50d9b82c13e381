"""Every review counts towards progress: a SQLite history of attempts, per rep.

One row per review: the key figures as columns (for trends and CSV) and the full review
JSON. The schema is versioned with PRAGMA user_version and migrated forward on open.
Each write is one transaction and the database runs in WAL mode with a busy timeout, so a
crash never leaves half a row and several writers (batch workers, the web page, a second
terminal) do not lose rows.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from reviewer.profile import Profile
from reviewer.record.summary import summary_of
from reviewer.rubric.thresholds import Thresholds

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

# The figures tracked over time: (column, label, unit, which direction is better).
METRICS: tuple[tuple[str, str, str, str], ...] = (
    ("score", "score", "/100", "up"),
    ("fillers_per_minute", "fillers", "per min", "down"),
    ("words_per_minute", "pace", "wpm", "target"),
    ("number_digits_per_second", "number pace", "digits/s", "target"),
    ("duration_s", "length", "s", "target"),
    ("word_count", "words", "", "down"),
    ("script_wer", "script word error rate", "", "down"),
)


class HistoryError(Exception):
    """A history database that cannot be used; the message names the file and the cause."""


def default_db_path() -> Path:
    """$REVIEWER_DB, else the user's data directory (XDG)."""
    if os.environ.get("REVIEWER_DB"):
        return Path(os.environ["REVIEWER_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "reviewer" / "history.sqlite"


@dataclass(frozen=True)
class Attempt:
    id: int
    rep: str
    reviewed_at: str
    file: str
    script: str | None
    goal: str | None
    score: int | None
    duration_s: float | None
    word_count: int | None
    words_per_minute: float | None
    filler_count: int | None
    fillers_per_minute: float | None
    number_digits_per_second: float | None
    number_times_said: int | None
    script_wer: float | None
    failed_checks: str
    note: str | None = None
    best: int = 0


ATTEMPT_COLUMNS = ", ".join(f.name for f in fields(Attempt))


class History:
    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_db_path()
        try:
            _private_file(self.path)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = 30000")
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
        when: datetime | None = None,
        audio_sha256: str | None = None,
        settings: str | None = None,
    ) -> int:
        """Store one review (its JSON dict) in one transaction; returns the attempt id. The figure
        columns are the review's summary (summary.py), as in a batch's CSV and the server's answers."""
        figures = summary_of(review).figures_row()
        script_check = review.get("script") or {}
        row = (
            rep,
            (when or datetime.now(UTC)).isoformat(timespec="seconds"),
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

    def delete(self, rep: str | None = None, attempt_id: int | None = None) -> list[tuple[int, str, dict]]:
        """Delete one attempt, or every attempt of a rep, in one transaction; returns (id, file,
        review) of each deleted row, so the caller can remove the recordings it stored. The rows are
        overwritten on disk (secure_delete) and the WAL emptied: deleted means gone from the file."""
        if (rep is None) == (attempt_id is None):
            raise ValueError("delete one attempt or one rep's attempts")
        where, arg = ("id = ?", attempt_id) if attempt_id is not None else ("rep = ?", rep)
        self.db.execute("PRAGMA secure_delete = ON")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            rows = self.db.execute(f"SELECT id, file, review FROM attempts WHERE {where}", (arg,)).fetchall()
            self.db.execute(f"DELETE FROM attempts WHERE {where}", (arg,))
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [(i, f, json.loads(r) if r else {}) for i, f, r in rows]

    # ---- named scripts, shared by the CLI and the practice page ----------------------------

    def add_script(self, name: str, text: str, replace: bool = False) -> bool:
        """Store a script under a name; False when the name is taken (and `replace` is not set)."""
        row = (name, text, script_fingerprint(text), datetime.now(UTC).isoformat(timespec="seconds"))
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            if self.script(name) is not None and not replace:
                return False
            self.db.execute(
                "INSERT OR REPLACE INTO scripts (name, text, fingerprint, created_at) VALUES (?, ?, ?, ?)", row
            )
        return True

    def script(self, name: str) -> str | None:
        row = self.db.execute("SELECT text FROM scripts WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def script_named_for(self, text: str) -> str | None:
        """The name of a stored script with this text (however it is spaced or capitalised)."""
        row = self.db.execute(
            "SELECT name FROM scripts WHERE fingerprint = ? ORDER BY created_at, name", (script_fingerprint(text),)
        ).fetchone()
        return row[0] if row else None

    def scripts(self) -> list[dict]:
        """Every stored script: name, text, when stored, and how many attempts were made at it."""
        rows = self.db.execute(
            "SELECT s.name, s.text, s.created_at, (SELECT COUNT(*) FROM attempts a WHERE a.script = s.name)"
            " FROM scripts s ORDER BY s.name"
        )
        return [{"name": n, "text": t, "created_at": c, "attempts": k} for n, t, c, k in rows]

    def remove_script(self, name: str) -> bool:
        """Forget a script (its attempts keep its name); False when there was none."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute("DELETE FROM scripts WHERE name = ?", (name,)).rowcount > 0

    # ---- profiles: who each rep is, for `review` to check against ----------------------------

    def set_profile(self, rep: str, profile: Profile) -> None:
        """Store (or replace) a rep's profile; an empty one removes it."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            if not profile:
                self.db.execute("DELETE FROM profiles WHERE rep = ?", (rep,))
                return
            self.db.execute(
                "INSERT OR REPLACE INTO profiles (rep, name, company, number, region, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    rep,
                    profile.name,
                    profile.company,
                    profile.number,
                    profile.region,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )

    def profile(self, rep: str) -> Profile | None:
        row = self.db.execute("SELECT name, company, number, region FROM profiles WHERE rep = ?", (rep,)).fetchone()
        return Profile(*row) if row else None

    def profiles(self) -> dict[str, Profile]:
        rows = self.db.execute("SELECT rep, name, company, number, region FROM profiles ORDER BY rep")
        return {r[0]: Profile(*r[1:]) for r in rows}

    def clear_profile(self, rep: str) -> bool:
        """Forget a rep's profile; False when there was none. Overwritten on disk, like deleted attempts."""
        self.db.execute("PRAGMA secure_delete = ON")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            removed = self.db.execute("DELETE FROM profiles WHERE rep = ?", (rep,)).rowcount > 0
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed

    # ---- coaching: notes and best takes ------------------------------------------------

    def set_note(self, attempt_id: int, note: str | None) -> bool:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute("UPDATE attempts SET note = ? WHERE id = ?", (note or None, attempt_id)).rowcount > 0

    def set_best(self, attempt_id: int, best: bool = True) -> bool:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute("UPDATE attempts SET best = ? WHERE id = ?", (int(best), attempt_id)).rowcount > 0

    def best_takes(self) -> list[Attempt]:
        return [a for a in self.attempts() if a.best]

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


def script_fingerprint(text: str) -> str:
    """The same script however it is spaced or capitalised."""
    import hashlib

    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()[:16]


def _private_file(path: Path) -> None:
    """Create the database (and its folder) readable by its owner only: it holds every rep's
    attempts. SQLite gives the -wal and -shm files the database file's mode."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


SERVER_RECORDING = re.compile(r"[0-9a-f]{32}\.[a-z0-9]{2,5}")


def stored_recording(file: str, review: dict) -> Path | None:
    """The recording the practice server stored for an attempt (its file, under a name the server
    chose, in a `recordings` folder); None for a rep's own file, which is never deleted."""
    path = Path(file)
    if review.get("recording") and path.parent.name == "recordings" and SERVER_RECORDING.fullmatch(path.name):
        return path
    return None


def delete_attempts(history: History, rep: str | None = None, attempt_id: int | None = None) -> tuple[int, int]:
    """Delete attempts and the recordings the server stored for them: (attempts, recordings) deleted."""
    removed = 0
    rows = history.delete(rep=rep, attempt_id=attempt_id)
    for _, file, review in rows:
        path = stored_recording(file, review)
        if path is not None and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return len(rows), removed


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
    """Store a review (at `when`, an ISO date such as a manifest's, else now) and compare it
    with the rep's previous attempt: what every front end shows after a review."""
    at = datetime.fromisoformat(when) if when else None
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
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
        line = f"Since your last attempt ({' '.join(local_time(previous.reviewed_at))}): {compare(previous, latest)}"
    return Recorded(latest, previous, line)


# ---- comparing and trends (pure functions over Attempts) --------------------------------


def _message_words(review: dict) -> list[str]:
    return [w["text"].strip(".,!?;:\"'").lower() for w in review.get("words") or [] if not w.get("filler")]


def same_message(a: dict, b: dict, min_similarity: float = 0.5) -> bool:
    """Two takes of one message: at least half the words in common, in order. (Not the number: a
    rep says their own number in every message.)"""
    from difflib import SequenceMatcher

    wa, wb = _message_words(a), _message_words(b)
    if not wa or not wb:
        return False
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= min_similarity


def compare(previous: Attempt, latest: Attempt) -> str:
    """One line against the previous attempt: "fillers 5 -> 2, number pace 3.4 -> 2.2 digits/s, score 61 -> 78"."""
    parts = []
    pairs = [
        ("fillers", previous.filler_count, latest.filler_count, "{:.0f}", ""),
        ("pace", previous.words_per_minute, latest.words_per_minute, "{:.0f}", " wpm"),
        ("number pace", previous.number_digits_per_second, latest.number_digits_per_second, "{:.1f}", " digits/s"),
        ("length", previous.duration_s, latest.duration_s, "{:.0f}", " s"),
        ("score", previous.score, latest.score, "{:.0f}", ""),
    ]
    for label, a, b, fmt, unit in pairs:
        if a is None or b is None:
            continue
        parts.append(f"{label} {fmt.format(a)} -> {fmt.format(b)}{unit}")
    return ", ".join(parts)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    vals = [v for v in values if v is not None]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    span = hi - lo or 1.0
    return "".join(" " if v is None else SPARKS[min(7, int((v - lo) / span * 7 + 0.5))] for v in values)


def _goodness(metric: str, direction: str, value: float, targets: dict[str, tuple[float, float]]) -> float:
    """Higher is better, for choosing the best attempt and judging improvement."""
    if direction == "up":
        return value
    if direction == "down":
        return -value
    lo, hi = targets[metric]
    return -max(0.0, lo - value, value - hi) - 1e-6 * abs(value - (lo + hi) / 2)  # ties: nearer the middle


def trends(attempts: Sequence[Attempt], targets: dict[str, tuple[float, float]]) -> list[dict]:
    """Per metric: first, best, latest, sparkline, and whether it improved since the first attempt."""
    out = []
    for column, label, unit, direction in METRICS:
        values = [getattr(a, column) for a in attempts]
        present = [v for v in values if v is not None]
        if not present:
            continue
        best = max(present, key=lambda v: _goodness(column, direction, v, targets))
        first, latest = present[0], present[-1]
        delta = _goodness(column, direction, latest, targets) - _goodness(column, direction, first, targets)
        verdict = "improved" if delta > 1e-3 else "worse" if delta < -1e-3 else "same"
        out.append(
            {
                "metric": column,
                "label": label,
                "unit": unit,
                "first": first,
                "best": best,
                "latest": latest,
                "values": values,
                "sparkline": sparkline(values),
                "change": verdict,
                "target": list(targets[column]) if column in targets else None,
            }
        )
    return out


def next_focus(attempts: Sequence[Attempt], window: int = 3, top_fixes: Sequence[str] = ()) -> str | None:
    """What to practise next: one of the checks the latest attempt really failed (None when it
    failed none: keep it). The latest review's own order of fixes decides (`top_fixes`, heaviest
    fail first); without it, the one failed most often in the last `window` attempts."""
    if not attempts:
        return None
    failed = (attempts[-1].failed_checks or "").split()
    if not failed:
        return None
    for check in top_fixes:
        if check in failed:
            return check
    recent = list(attempts)[-window:]
    counts = {c: sum(c in (a.failed_checks or "").split() for a in recent) for c in failed}
    return max(failed, key=lambda c: (counts[c], -failed.index(c)))


KEEP_IT = "nothing to fix in your latest attempt: keep it."


def trend_targets(t: Thresholds) -> dict[str, tuple[float, float]]:
    """The bands the rubric passes, for metrics where nearer the band is better."""
    return {
        "words_per_minute": (t.pace_min_wpm, t.pace_max_wpm),
        "number_digits_per_second": (t.number_min_dps, t.number_max_dps),
        "duration_s": (t.length_min_s, t.length_max_s),
    }


def progress_summary(
    rep: str, script: str | None, attempts: Sequence[Attempt], thresholds: Thresholds, top_fixes: Sequence[str] = ()
) -> dict:
    """What `progress` shows (and its JSON): trends, the last step, and what to practise next
    (from the latest attempt's failures and its review's `top_fixes`)."""
    from reviewer.rubric.checks import PRACTICE_TIPS

    focus = next_focus(attempts, top_fixes=top_fixes)
    data = {
        "rep": rep,
        "script": script,
        "attempts": len(attempts),
        "first": attempts[0].reviewed_at,
        "latest": attempts[-1].reviewed_at,
        "trends": trends(attempts, trend_targets(thresholds)),
        "practise_next": focus,
        "practise_tip": PRACTICE_TIPS.get(focus or "", "") if focus else KEEP_IT,
    }
    if len(attempts) >= 2:
        data["since_last"] = compare(attempts[-2], attempts[-1])
    return data


def local_time(iso: str) -> tuple[str, str]:
    """A stored (UTC) time in this machine's local time: ("2026-11-25 13:34", "+01:00")."""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso, ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = at.astimezone()
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M"), f"{offset[:3]}:{offset[3:]}" if offset else ""


def attempts_to_rows(attempts: Iterable[Attempt]) -> list[dict]:
    from dataclasses import asdict

    return [asdict(a) for a in attempts]
