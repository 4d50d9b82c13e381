"""Named scripts in the history database, shared by the CLI's --script and the practice page's picker.

`StoredScripts` is a part of `History` (history.py): the methods over the `scripts` table. A
script is stored under a name with a fingerprint of its normalised text, so a pasted copy finds
the name it was stored under.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime


def script_fingerprint(text: str) -> str:
    """The same script however it is spaced or capitalised."""
    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()[:16]


class StoredScripts:
    """The history's named scripts (History's connection, `db`)."""

    db: sqlite3.Connection

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
