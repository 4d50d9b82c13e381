"""Deleting is erasing: a rep deleted leaves no row, no file and no bytes about them behind.

`Erasure` is a part of `History` (history.py): the rows go in one transaction (the attempts,
with the coach's notes on them; for a rep, also their profile and the scripts only they
practised: scripts have no owner, and one nobody else practised is theirs, pasted on the page
or written for them). Every History connection runs with `secure_delete`, so what is deleted is
overwritten where it lay; then the WAL is copied into the file and emptied. That checkpoint
waits a moment for readers, never SQLite's 30 s busy wait: a reader still holding an older view
keeps it until it is done, and the next History to close (or the last connection, SQLite's own)
finishes the job. `erase` also removes the recordings the practice server stored for the deleted
attempts, and any recording in that folder no attempt refers to (its row failed to store).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reviewer.storage.attempts import SERVER_RECORDING, stored_recording

SETTLE_PATIENCE_MS = 2000  # how long an erasure's checkpoint waits for readers (SQLite's busy wait is 30 s)
ORPHAN_GRACE_S = 600.0  # a recording younger than this may be one whose row is being stored now: kept
IN_PROGRESS_SUFFIX = ".part"  # an upload still arriving or queued (the server clears them when it starts)


def settle(db: sqlite3.Connection, patience_ms: int = SETTLE_PATIENCE_MS) -> bool:
    """Copy the WAL into the database file and empty it, waiting at most `patience_ms` for
    readers: True when done, so no deleted content is left in the WAL or under it. False while
    a reader holds a view from before the delete (it may still read it)."""
    before = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {int(patience_ms)}")
    try:
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(before)}")
    return busy == 0


@dataclass(frozen=True)
class DeletedRows:
    attempts: list[tuple[int, str, dict]]  # (id, file, review) of each, for the recordings stored with them
    profile: bool  # the rep's profile was removed
    scripts: tuple[str, ...]  # the scripts only this rep practised, removed
    settled: bool  # nothing deleted is left in the file (see `settle`)


@dataclass(frozen=True)
class Erased:
    """What `erase` removed: rows, and files beside the database."""

    attempts: int
    recordings: int  # the recordings the practice server stored for the deleted attempts
    orphans: int  # recordings in the server's folder that no attempt referred to
    profile: bool
    scripts: tuple[str, ...]
    settled: bool  # False: a reader still holds an older view; its rows go when it is done


class Erasure:
    """Deleting rows (History's connection, `db`)."""

    db: sqlite3.Connection

    def delete(self, rep: str | None = None, attempt_id: int | None = None) -> DeletedRows:
        """Delete one attempt, or everything about a rep (attempts, notes, profile, the scripts
        only they practised), in one transaction, then settle the WAL."""
        if (rep is None) == (attempt_id is None):
            raise ValueError("delete one attempt or one rep's attempts")
        where, arg = ("id = ?", attempt_id) if attempt_id is not None else ("rep = ?", rep)
        scripts: list[str] = []
        profile = False
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            rows = self.db.execute(f"SELECT id, file, review FROM attempts WHERE {where}", (arg,)).fetchall()
            if rep is not None:
                scripts = [
                    name
                    for (name,) in self.db.execute(
                        "SELECT name FROM scripts s WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.script = s.name"
                        " AND a.rep = ?) AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.script = s.name"
                        " AND a.rep != ?)",
                        (rep, rep),
                    )
                ]
                self.db.executemany("DELETE FROM scripts WHERE name = ?", [(s,) for s in scripts])
                profile = self.db.execute("DELETE FROM profiles WHERE rep = ?", (rep,)).rowcount > 0
            self.db.execute(f"DELETE FROM attempts WHERE {where}", (arg,))
        attempts = [(i, f, json.loads(r) if r else {}) for i, f, r in rows]
        return DeletedRows(attempts, profile, tuple(scripts), settle(self.db))


def erase(history, rep: str | None = None, attempt_id: int | None = None, recordings_dir=None) -> Erased:
    """Delete one attempt or everything about a rep (see `Erasure.delete`) with the recordings
    the practice server stored for them, and sweep the server's recordings folder
    (`recordings_dir`, else `recordings` beside the database) of recordings no attempt refers to.
    What the CLI's `history delete` and the server's DELETE routes both run."""
    deleted = history.delete(rep=rep, attempt_id=attempt_id)
    folders = {Path(recordings_dir) if recordings_dir else Path(history.path).parent / "recordings"}
    removed = 0
    for _, file, review in deleted.attempts:
        path = stored_recording(file, review)
        if path is None:
            continue
        folders.add(path.parent)
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    orphans = sweep_orphans(history.db, folders)
    return Erased(len(deleted.attempts), removed, orphans, deleted.profile, deleted.scripts, deleted.settled)


def sweep_orphans(db: sqlite3.Connection, folders) -> int:
    """Remove the recordings (the server's names) in `folders` that no attempt refers to and that
    have not been touched for ORPHAN_GRACE_S (a newer one may be a review being stored now):
    a recording whose row failed to store. Uploads still arriving (.part) are left. Returns how many."""
    referred = {Path(f).name for (f,) in db.execute("SELECT file FROM attempts")}
    now = time.time()
    removed = 0
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name in referred or name.endswith(IN_PROGRESS_SUFFIX) or not SERVER_RECORDING.fullmatch(name):
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
                if now - max(st.st_mtime, st.st_ctime) >= ORPHAN_GRACE_S:  # a rename (the server's store) sets ctime
                    os.unlink(entry.path)
                    removed += 1
    return removed
