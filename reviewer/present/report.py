"""A batch's results as one HTML page a coach can open, sort, filter, print or mail.

One self-contained file (inline CSS and JS, nothing fetched but the recordings themselves,
which the audio players reference by a path relative to the page), so it works offline and
from a shared drive. Jinja autoescapes everything: file and rep names come from whoever
named the recordings, transcripts from Whisper. The data the script needs travels as JSON in
a `<script type="application/json">` block (`tojson` escapes `<`, `>`, `&` and `'`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from reviewer.record.summary import clock
from reviewer.rubric.score import cap_note, score_explanation
from reviewer.rubric.thresholds import Thresholds

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_MARK = {"pass": "✓", "warn": "!", "fail": "✗"}

# (key in the figures, column title, sort type, tooltip); the order of the recordings table.
COLUMNS = [
    ("file", "File", "text", "Click a row to open the transcript, findings and player"),
    ("rep", "Rep", "text", ""),
    ("date", "Date", "text", ""),
    ("score", "Score", "num", ""),  # its tooltip: the score's explanation (`_columns`)
    # The recorded figures; the checks judge the speech's length, the words less the number's
    # repeat and the pace outside the number (each review's figures say both), so the hints say so.
    ("duration_s", "Length (s)", "num", "Length of the recording in seconds (the length check judges the speech)"),
    ("word_count", "Words", "num", "Spoken words, fillers excluded (the word limit leaves out the number's repeat)"),
    ("words_per_minute", "WPM", "num", "Words per minute overall (the pace check judges the pace outside the number)"),
    ("fillers_per_minute", "Fillers/min", "num", "Fillers per minute of speech"),
    ("number_digits_per_second", "Digits/s", "num", "Phone number pace, fastest saying (2.5 or slower passes)"),
    ("failed_count", "Failed checks", "num", "Checks failed; sorts by how many"),
    ("error", "Error", "text", "Why a recording could not be reviewed"),
]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _num
    env.filters["clock"] = clock
    return env


def _num(value, digits: int = 1) -> str:
    """A figure for a cell; a dash where there is none (error rows, no number said)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, int) or digits == 0:
        return f"{value:.0f}"
    return f"{value:.{digits}f}"


def audio_src(file: str, outdir: Path) -> str:
    """The recording's URL relative to the report, so the folder can move as a whole."""
    try:
        rel = os.path.relpath(os.path.abspath(file), os.path.abspath(outdir))
    except ValueError:  # another drive on Windows: no relative path exists
        return Path(file).resolve().as_uri()
    return quote(rel.replace(os.sep, "/"))


def display_names(files: list[str]) -> list[str]:
    """Each path below the folder all recordings share (keeps the rep folder, drops the rest)."""
    if not files:
        return []
    absolute = [os.path.abspath(f) for f in files]
    try:
        common = os.path.commonpath([os.path.dirname(a) for a in absolute])
    except ValueError:  # different drives
        return list(files)
    return [os.path.relpath(a, common).replace(os.sep, "/") for a in absolute]


def _columns(note: str) -> list[tuple[str, str, str, str]]:
    """COLUMNS with the score's explanation (rubric.score.score_explanation) as its tooltip."""
    return [(k, title, kind, note if k == "score" else tip) for k, title, kind, tip in COLUMNS]


def _score_class(band: str | None) -> str:
    """A score's class: its band (good, fair, poor: the record's, rubric.bands), "none" without one."""
    return band or "none"


def _detail(review: dict, summary) -> dict:
    """What the drill-down shows of one review: its words as the summary marks them, the
    summary's figures and fixes, and the findings."""
    words = [{"text": w.text, "t": clock(w.start), "kind": w.kind} for w in summary.words]
    findings = [
        {**f, "mark": STATUS_MARK.get(f["status"], "?"), "at": clock(f.get("start"))}
        for f in review.get("findings") or []
    ]
    fixes = [
        {"check": f.check, "status": f.status, "message": f.message, "mark": STATUS_MARK[f.status]}
        for f in summary.fixes
    ]
    return {
        "words": words,
        "figures": summary.figures,
        "findings": findings,
        "fixes": fixes,
        "model": review.get("model", ""),
        "goal": review.get("goal", ""),
        "cap_note": cap_note(review.get("score_cap", 100), review.get("score_capped_by") or ()),
    }


def render_report(records: list, summary: list[dict], outdir: Path, thresholds: Thresholds | None = None) -> str:
    """The report's HTML for `records` (`writers.Record`: a stored result and its review's
    summary) and `summary` (`writers.summarise(records)`); the score is explained with the caps
    of `thresholds` (the defaults when not given)."""
    outdir = Path(outdir)
    note = score_explanation(thresholds)
    names = display_names([r.file for r in records])
    recordings = []
    for i, (record, name) in enumerate(zip(records, names)):
        fig = record.figures()
        failed = (fig["failed_checks"] or "").split()
        fig.update(
            name=name, failed=failed, failed_count=None if fig["error"] else len(failed), error=fig["error"] or ""
        )
        recordings.append(
            {
                "index": i,
                "fig": fig,
                "src": audio_src(record.file, outdir),
                "score_class": _score_class(record.summary.band if record.summary else None),
                "detail": _detail(record.review, record.summary) if record.review else None,
            }
        )
    team = next((s for s in summary if s["rep"] == "(team)"), None)
    reps_summary = [s for s in summary if s is not team]
    reps = sorted({r.rep for r in records})
    # Only what the script sorts on; everything shown is already in the escaped HTML.
    data = {
        "columns": [{"key": k, "type": t} for k, _, t, _ in COLUMNS],
        "recordings": [
            {**{k: r["fig"].get(k) for k, _, _, _ in COLUMNS}, "file": r["fig"]["name"]} for r in recordings
        ],
    }
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            recordings=recordings,
            columns=_columns(note),
            score_note=note,
            team=team,
            reps_summary=reps_summary,
            reps=reps,
            data=data,
            score_class=_score_class,
        )
    )
