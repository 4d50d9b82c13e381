"""Who each rep is, in the history database: the name, company and number `review` checks against.

`StoredProfiles` is a part of `History` (history.py): the methods over the `profiles` table.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from reviewer.profile import Profile
from reviewer.storage.erasure import settle


class StoredProfiles:
    """The history's rep profiles (History's connection, `db`)."""

    db: sqlite3.Connection

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
        """Forget a rep's profile; False when there was none. Overwritten on disk (History's
        connections run with secure_delete) and settled out of the WAL, like deleted attempts."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            removed = self.db.execute("DELETE FROM profiles WHERE rep = ?", (rep,)).rowcount > 0
        settle(self.db)
        return removed
