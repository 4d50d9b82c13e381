"""`reviewer progress`: one rep's trends since the first attempt, and the one thing to practise next."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import click

from reviewer.apps.cli.common import figure, reading_history, table_console
from reviewer.apps.cli.errors import fail
from reviewer.apps.cli.options import CONFIG, DB, output_format
from reviewer.apps.cli.outputs import standard_output, write_page
from reviewer.present.textsafe import plain
from reviewer.settings import ConfigError, load_config

SAMPLES_REP = "samples"  # the rep `make run` reviews the bundled samples under


@click.command()
@click.option("--rep", help="Whose progress [default: $REVIEWER_REP, or the only rep in the history].")
@click.option("--script", "script_name", help="Only attempts at this script.")
@DB
@output_format("text", "json")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write a page with a chart per metric.")
@CONFIG
def progress(rep, script_name, db_path, fmt, html_path, config_path) -> None:
    """Trends since the first attempt, and the one thing to practise next."""
    from reviewer.storage.history import take_name
    from reviewer.storage.progress import as_judged, progress_summary

    try:
        thresholds = load_config(config_path).thresholds
    except ConfigError as exc:
        fail(str(exc))
    with reading_history(db_path) as db:
        reps = db.reps()
        if script_name and not rep and not os.environ.get("REVIEWER_REP"):  # the reps who practised it
            reps = sorted({a.rep for a in db.attempts(None, script_name)}) or reps
        own = [r for r in reps if r != SAMPLES_REP]  # `make run` stores the bundled samples under `samples`
        rep = (
            rep or os.environ.get("REVIEWER_REP") or (own[0] if len(own) == 1 else reps[0] if len(reps) == 1 else None)
        )
        if rep is None and not reps:
            fail(f"{db.path}: no attempts stored yet")
        if rep is None:
            fail(f"several reps in the history: choose one with --rep ({', '.join(own or reps)})")
        attempts = db.attempts(rep, script_name)
        reviews = [db.review_json(a.id) for a in attempts]
        last = reviews[-2:]
        # the figures the checks judged; the page shows each take's name, not a stored path
        attempts = [as_judged(a, r) for a, r in zip(attempts, reviews, strict=True)]
        named = [replace(a, file=take_name(db, a)) for a in attempts]
    if not attempts:
        fail(f"no attempts stored for {rep}" + (f" at script {script_name}" if script_name else ""))
    data = progress_summary(rep, script_name, attempts, thresholds, last[-1].get("top_fixes") or [], last)
    if html_path:
        from reviewer.present.progress_page import render_progress

        write_page(html_path, render_progress(data, named))
    with standard_output():
        if fmt == "json":
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            _print_progress(rep, script_name, attempts, data, html_path)


def _print_progress(rep: str, script: str | None, attempts: list, data: dict, html_path: str | None) -> None:
    """The trends as a table, the change since the previous attempt and what to practise next."""
    from rich.table import Table

    at = f" at the script {script}" if script else ""
    table = Table(title=plain(f"Progress of {rep}{at}: {len(attempts)} attempts"), title_justify="left")
    for col in ("metric", "first", "best", "latest", "trend", "since first"):
        table.add_column(col)
    for t in data["trends"]:
        digits = 0 if t["metric"] in ("score", "word_count", "words_per_minute", "duration_s") else 2
        table.add_row(
            f"{t['label']} {t['unit']}".strip(),
            figure(t["first"], digits),
            figure(t["best"], digits),
            figure(t["latest"], digits),
            t["sparkline"],
            t["change"],
        )
    console = table_console()
    console.print(table)
    if data.get("since_last"):
        console.print(plain(f"Since the previous attempt: {data['since_last']}"))
    focus = data["practise_next"]
    console.print(
        f"Practise next: {focus}: {data['practise_tip']}" if focus else f"Practise next: {data['practise_tip']}",
        markup=False,
    )
    if html_path:
        console.print(plain(f"Wrote {html_path}"))
