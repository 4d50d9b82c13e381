"""Coaching over time: the library of best takes and the team view, from the shared history."""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

from reviewer.present.textsafe import csv_row
from reviewer.storage.history import Attempt, History, local_time


def safe_file_name(text: str, limit: int = 40) -> str:
    """A name for a file we write: letters, digits, - and _ only."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:limit]
    return name or "take"


def take_name(db: History, a: Attempt) -> str:
    """A readable name for an attempt's recording: the practice page's takes by the name they
    were uploaded under (stored under a name the server chose), others by their file name."""
    from reviewer.storage.history import stored_recording

    review = db.review_json(a.id)
    if stored_recording(a.file, review) is not None or (review.get("recording") or {}).get("name"):
        name = (review.get("recording") or {}).get("name")
        if name:
            return name
    return Path(a.file).name


def export_library(db: History, out: Path) -> int:
    """Each best take: its recording (copied, when it is still there), its transcript and figures
    in a text file, a row in library.csv and an entry in index.html. Returns how many."""
    takes = db.best_takes()
    rows, entries = [], []
    for k, a in enumerate(takes, 1):
        review = db.review_json(a.id)
        stem = f"{k:02d}-{safe_file_name(a.rep, 20)}-{a.id}"
        audio = ""
        source = Path(a.file)
        if source.is_file():
            audio = stem + source.suffix.lower()
            shutil.copyfile(source, out / audio)
        when = " ".join(local_time(a.reviewed_at))
        lines = [
            f"Rep: {a.rep}",
            f"Recorded: {when}",
            f"Recording: {take_name(db, a)}",
            f"Script: {a.script or '-'}",
            f"Score: {a.score}/100",
            f"Length: {a.duration_s:.1f} s, {a.word_count} words at {a.words_per_minute:.0f} words per minute",
            f"Coach's note: {a.note or '-'}",
            "",
            review.get("transcript", ""),
            "",
        ]
        (out / f"{stem}.txt").write_text("\n".join(lines), encoding="utf-8")
        rows.append(
            {
                "attempt": a.id,
                "rep": a.rep,
                "reviewed_at": a.reviewed_at,
                "recording": take_name(db, a),
                "audio": audio,
                "transcript_file": f"{stem}.txt",
                "script": a.script or "",
                "score": a.score,
                "duration_s": a.duration_s,
                "words_per_minute": a.words_per_minute,
                "fillers": a.filler_count,
                "note": a.note or "",
                "transcript": review.get("transcript", ""),
            }
        )
        e = html.escape
        player = f'<audio controls preload="none" src="{e(audio)}"></audio>' if audio else "<p>(recording not kept)</p>"
        entries.append(
            f"<article><h2>{e(a.rep)}: {a.score}/100</h2><p class=meta>{e(when)} · {e(take_name(db, a))}"
            f" · script {e(a.script or '-')}</p>{player}<blockquote>{e(review.get('transcript', ''))}</blockquote>"
            f"<p class=note>{'Coach: ' + e(a.note) if a.note else ''}</p></article>"
        )
    with open(out / "library.csv", "w", newline="", encoding="utf-8") as f:
        fields = list(rows[0]) if rows else ["attempt"]
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(csv_row(r) for r in rows)
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Best takes</title>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<style>body{font:15px system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "article{border:1px solid #ddd;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}"
        ".meta{color:#666}.note{font-style:italic}audio{width:100%}</style></head><body>"
        f"<h1>Best takes ({len(takes)})</h1>"
        + ("".join(entries) or "<p>No best takes marked yet.</p>")
        + "</body></html>"
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    return len(takes)


# ---- the team view over time ---------------------------------------------------------------


def week_of(iso: str) -> str:
    """The Monday (local date) of the week an attempt was made in."""
    from datetime import date, timedelta

    day = date.fromisoformat(local_time(iso)[0][:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def _figures(takes: list[dict]) -> dict:
    """The figures a rep's row and a week's row both show: averages, and numbers heard right."""
    return {
        "takes": len(takes),
        "score": _mean(t["score"] for t in takes),
        "fillers_per_minute": _mean(t["fillers_per_minute"] for t in takes),
        "words_per_minute": _mean(t["words_per_minute"] for t in takes),
        "number_digits_per_second": _mean(t["number_digits_per_second"] for t in takes),
        "number_ok": sum(t["number_ok"] for t in takes),
    }


def _mean(values) -> float | None:
    present = [float(v) for v in values if v is not None]
    return round(sum(present) / len(present), 2) if present else None


def number_ok(review: dict) -> bool:
    """A phone number was heard and is a valid number."""
    return any(n.get("valid") for n in review.get("phone_numbers") or [])


def team_data(
    db: History, reps: tuple[str, ...] = (), since: str | None = None, until: str | None = None, link_from=None
) -> dict:
    """Per rep, from the history: totals, the trend across weeks, the checks failed and warned
    most, and every recording behind the figures (with a link to its audio, relative to
    `link_from`, when the file is still there). `since`/`until` are local dates, inclusive."""
    import os
    from collections import Counter
    from urllib.parse import quote

    takes = []
    for a in db.attempts():
        if reps and a.rep not in reps:
            continue
        day = local_time(a.reviewed_at)[0][:10]
        if (since and day < since) or (until and day > until):
            continue
        review = db.review_json(a.id)
        findings = review.get("findings") or []
        audio = None
        path = Path(a.file)
        if link_from is not None and path.is_file():
            rel = os.path.relpath(path.resolve(), Path(link_from).resolve())
            audio = quote(rel.replace(os.sep, "/"))
        takes.append(
            {
                "attempt": a.id,
                "rep": a.rep,
                "reviewed_at": a.reviewed_at,
                "when": " ".join(local_time(a.reviewed_at)),
                "day": day,
                "week": week_of(a.reviewed_at),
                "name": take_name(db, a),
                "script": a.script or "",
                "score": a.score,
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
        )
    out = []
    for rep in sorted({t["rep"] for t in takes}):
        mine = [t for t in takes if t["rep"] == rep]
        weeks = []
        for week in sorted({t["week"] for t in mine}):
            w = [t for t in mine if t["week"] == week]
            weeks.append({"week": week, **_figures(w), "attempts": [t["attempt"] for t in w]})
        out.append(
            {
                "rep": rep,
                **_figures(mine),
                "most_failed": Counter(c for t in mine for c in t["fails"]).most_common(3),
                "most_warned": Counter(c for t in mine for c in t["warnings"]).most_common(3),
                "weeks": weeks,
                "best": sum(t["best"] for t in mine),
                "notes": sum(bool(t["note"]) for t in mine),
            }
        )
    return {"reps": out, "takes": takes, "since": since or "", "until": until or ""}


def trend_points(values: list[float | None], width: int = 120, height: int = 28) -> str:
    """SVG polyline points of a weekly series (the score), for a small trend line."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if not present:
        return ""
    lo, hi = min(v for _, v in present), max(v for _, v in present)
    span = hi - lo or 1.0
    n = max(1, len(values) - 1)
    return " ".join(
        f"{4 + (width - 8) * (i / n if len(values) > 1 else 0.5):.1f},{height - 4 - (height - 8) * (v - lo) / span:.1f}"
        for i, v in present
    )


def render_team(data: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v, d=1: "—" if v is None else f"{v:.{d}f}"
    env.globals["trend_points"] = trend_points
    return env.get_template("team.html.j2").render(data=data)
