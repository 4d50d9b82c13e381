"""The results store: one SQLite file in the output folder, each result committed as it arrives,
so Ctrl-C or a crash loses at most the recordings in flight."""

from __future__ import annotations

import json
import os
import sqlite3
import time

from reviewer.apps.batch.jobs import Job
from reviewer.storage.owner_only import owner_only_database

STORE_NAME = "results.sqlite"


class ResultStore:
    """One SQLite file in the output folder, owner-only (it holds every transcript); each result
    is committed as it arrives."""

    def __init__(self, path: str | os.PathLike):
        self.path = owner_only_database(path)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS results (
            key TEXT PRIMARY KEY, file TEXT NOT NULL, rep TEXT, date TEXT, review TEXT, error TEXT,
            seconds REAL, finished_at REAL)""")
        self.db.commit()

    def has(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, job: Job, review: dict | None, error: str | None, seconds: float) -> None:
        with self.db:  # one transaction: a crash never leaves half a row
            self.db.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, job.file, job.rep, job.date, json.dumps(review) if review else None, error, seconds, time.time()),
            )

    def failed(self, key: str) -> bool:
        row = self.db.execute("SELECT error FROM results WHERE key = ?", (key,)).fetchone()
        return bool(row and row[0])

    def get(self, key: str) -> dict | None:
        row = self.db.execute("SELECT file, rep, date, review, error FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return {
            "file": row[0],
            "rep": row[1],
            "date": row[2],
            "review": json.loads(row[3]) if row[3] else None,
            "error": row[4],
        }

    def close(self) -> None:
        self.db.close()
