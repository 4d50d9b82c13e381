"""`reviewer progress`: one rep's trends since the first attempt, and the one thing to practise next."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from reviewer.apps.cli.common import figure, reading_history, table_console
from reviewer.apps.cli.errors import fail
from reviewer.apps.cli.options import CONFIG, DB, output_format
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
    from reviewer.storage.progress import progress_summary

    try:
        thresholds = load_config(config_path).thresholds
    except ConfigError as exc:
        fail(str(exc))
    with reading_history(db_path) as db:
        reps = db.reps()
        own = [r for r in reps if r != SAMPLES_REP]  # `make run` stores the bundled samples under `samples`
        rep = (
            rep or os.environ.get("REVIEWER_REP") or (own[0] if len(own) == 1 else reps[0] if len(reps) == 1 else None)
        )
        if rep is None and not reps:
            fail(f"{db.path}: no attempts stored yet")
        if rep is None:
            fail(f"several reps in the history: choose one with --rep ({', '.join(own or reps)})")
        attempts = db.attempts(rep, script_name)
        top = db.review_json(attempts[-1].id).get("top_fixes") or [] if attempts else []
    if not attempts:
        fail(f"no attempts stored for {rep}" + (f" at script {script_name}" if script_name else ""))
    data = progress_summary(rep, script_name, attempts, thresholds, top)
    if html_path:
        from reviewer.present.progress_page import render_progress

        Path(html_path).write_text(render_progress(data, attempts), encoding="utf-8")
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _print_progress(rep, attempts, data, html_path)


def _print_progress(rep: str, attempts: list, data: dict, html_path: str | None) -> None:
    """The trends as a table, the change since the previous attempt and what to practise next."""
    from rich.table import Table

    table = Table(title=plain(f"Progress of {rep}: {len(attempts)} attempts"), title_justify="left")
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
