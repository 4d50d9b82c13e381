"""A coach's notes and best takes on stored attempts, for the team view and the library.

`NotesAndBestTakes` is a part of `History` (history.py): the methods over the attempts' `note`
and `best` columns.
"""

from __future__ import annotations

import sqlite3

from reviewer.storage.attempts import ATTEMPT_COLUMNS, Attempt


class NotesAndBestTakes:
    """The coach's marks on attempts (History's connection, `db`)."""

    db: sqlite3.Connection

    def set_note(self, attempt_id: int, note: str | None) -> bool:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute("UPDATE attempts SET note = ? WHERE id = ?", (note or None, attempt_id)).rowcount > 0

    def put_note(self, attempt_id: int, note: str | None, replace: bool = False) -> tuple[bool, str | None]:
        """Set a note unless another one is there and `replace` is not given, in one transaction,
        so a coach never overwrites a note unseen: (the attempt exists, the note left in place)."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            row = self.db.execute("SELECT note FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            if row is None:
                return False, None
            if row[0] and row[0] != (note or None) and not replace:
                return True, row[0]
            self.db.execute("UPDATE attempts SET note = ? WHERE id = ?", (note or None, attempt_id))
            return True, None

    def set_best(self, attempt_id: int, best: bool = True) -> bool:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute("UPDATE attempts SET best = ? WHERE id = ?", (int(best), attempt_id)).rowcount > 0

    def best_takes(self) -> list[Attempt]:
        """The attempts marked best, in time order (as `History.attempts` lists them)."""
        sql = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE best ORDER BY reviewed_at, id"
        return [Attempt(*row) for row in self.db.execute(sql)]
