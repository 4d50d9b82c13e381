"""One stored attempt as its row reads back: the figures as columns, when, whose, and its recording.

`Attempt` is what `History` returns for each review it stored (the review's summary, as stored, in
columns); the comparisons, trends, the team view and every front end's history list read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from reviewer.rubric.bands import score_band


@dataclass(frozen=True)
class Attempt:
    id: int
    rep: str
    reviewed_at: str  # ISO 8601: a time with its offset, or a calendar date (a manifest's date)
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
    failed_checks: str  # space-separated check ids
    note: str | None = None
    best: int = 0

    @property
    def band(self) -> str | None:
        """good, fair or poor (rubric.bands): the stored score's band, as every view colours it."""
        return score_band(self.score)


ATTEMPT_COLUMNS = ", ".join(f.name for f in fields(Attempt))


def attempts_to_rows(attempts: Iterable[Attempt]) -> list[dict]:
    return [asdict(a) for a in attempts]


def local_time(iso: str) -> tuple[str, str]:
    """A stored time in this machine's local time: ("2026-11-25 13:34", "+01:00"); a stored
    calendar date (a manifest's) is that date in any zone: ("2026-11-23", "")."""
    if len(iso) == 10:
        return iso, ""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso, ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = at.astimezone()
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M"), f"{offset[:3]}:{offset[3:]}" if offset else ""


SERVER_RECORDING = re.compile(r"[0-9a-f]{32}\.[a-z0-9]{2,5}")


def stored_recording(file: str, review: dict) -> Path | None:
    """The recording the practice server stored for an attempt (its file, under a name the server
    chose, in a `recordings` folder); None for a rep's own file, which is never deleted."""
    path = Path(file)
    if review.get("recording") and path.parent.name == "recordings" and SERVER_RECORDING.fullmatch(path.name):
        return path
    return None
