"""The team over time, from the shared history: per rep and per week, the averages of their
attempts, the checks failed and warned most, numbers heard right, notes and best takes.

The history's attempts and their reviews go in; `team_data` gives one dict (the `team` command's
JSON) that the terminal table and the team page (present/team.py) show.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from reviewer.record.reps import RepFigures, rep_figures
from reviewer.storage.attempts import Attempt, local_time
from reviewer.storage.history import History, take_name


def week_of(iso: str) -> str:
    """The Monday (local date) of the week an attempt was made in."""
    day = date.fromisoformat(local_time(iso)[0][:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def _figures(takes: list[dict], figures: RepFigures) -> dict:
    """The figures a rep's row and a week's row both show: the averages and the band of the
    average score (`figures`, record/reps.py), and numbers heard right."""
    return {
        "takes": figures.reviews,
        "score": figures.score,
        "fillers_per_minute": figures.fillers_per_minute,
        "words_per_minute": figures.words_per_minute,
        "number_digits_per_second": figures.number_digits_per_second,
        "number_ok": sum(t["number_ok"] for t in takes),
        "band": figures.band,
    }


def number_ok(review: dict) -> bool:
    """A phone number was heard and is a valid number."""
    return any(n.get("valid") for n in review.get("phone_numbers") or [])


def _take(db: History, a: Attempt, day: str, link_from) -> dict:
    """One attempt as the team view lists it, with a link to its audio relative to `link_from`."""
    review = db.review_json(a.id)
    findings = review.get("findings") or []
    audio = None
    path = Path(a.file)
    if link_from is not None and path.is_file():
        rel = os.path.relpath(path.resolve(), Path(link_from).resolve())
        audio = quote(rel.replace(os.sep, "/"))
    return {
        "attempt": a.id,
        "rep": a.rep,
        "reviewed_at": a.reviewed_at,
        "when": " ".join(local_time(a.reviewed_at)),
        "day": day,
        "week": week_of(a.reviewed_at),
        "name": take_name(db, a),
        "script": a.script or "",
        "score": a.score,
        "band": a.band,
        "duration_s": a.duration_s,
        "words_per_minute": a.words_per_minute,
        "fillers_per_minute": a.fillers_per_minute,
        "number_digits_per_second": a.number_digits_per_second,
        "number_ok": number_ok(review),
        "fails": [f["check"] for f in findings if f["status"] == "fail"],
        "warnings": [f["check"] for f in findings if f["status"] == "warn"],
        "note": a.note or "",
        "best": bool(a.best),
        "audio": audio,
    }


def _rep_row(rep: str, mine: list[dict]) -> dict:
    """A rep's row: their figures, the checks they failed and warned most, and week by week."""
    weeks = []
    for week in sorted({t["week"] for t in mine}):
        w = [t for t in mine if t["week"] == week]
        weeks.append({"week": week, **_figures(w, rep_figures(w)), "attempts": [t["attempt"] for t in w]})
    figures = rep_figures(mine, [t["fails"] for t in mine], [t["warnings"] for t in mine])
    return {
        "rep": rep,
        **_figures(mine, figures),
        "most_failed": list(figures.failed[:3]),
        "most_warned": list(figures.warned[:3]),
        "weeks": weeks,
        "best": sum(t["best"] for t in mine),
        "notes": sum(bool(t["note"]) for t in mine),
    }


def team_data(
    db: History, reps: tuple[str, ...] = (), since: str | None = None, until: str | None = None, link_from=None
) -> dict:
    """Per rep, from the history: totals, the trend across weeks, the checks failed and warned
    most, and every recording behind the figures (with a link to its audio, relative to
    `link_from`, when the file is still there). `since`/`until` are local dates, inclusive."""
    takes = []
    for a in db.attempts():
        if reps and a.rep not in reps:
            continue
        day = local_time(a.reviewed_at)[0][:10]
        if (since and day < since) or (until and day > until):
            continue
        takes.append(_take(db, a, day, link_from))
    out = [_rep_row(rep, [t for t in takes if t["rep"] == rep]) for rep in sorted({t["rep"] for t in takes})]
    return {"reps": out, "takes": takes, "since": since or "", "until": until or ""}
