"""The team's library of best takes, written as files a coach can share: each recording (copied,
when it is still there), its transcript and figures in a text file, library.csv and an index page.

The history's attempts marked best (`History.best_takes`) and their reviews go in; the files in
a folder come out, as a batch's results do (writers.py).
"""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

from reviewer.present.textsafe import csv_row
from reviewer.storage.attempts import local_time
from reviewer.storage.history import History, take_name


def safe_file_name(text: str, limit: int = 40) -> str:
    """A name for a file we write: letters, digits, - and _ only."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:limit]
    return name or "take"


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
