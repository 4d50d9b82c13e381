"""`reviewer team` and `reviewer library`: the team over time from the shared history (terminal
tables, JSON or one page), and the best takes exported for the team's library."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from reviewer.apps.cli.common import figure, reading_history, table_console
from reviewer.apps.cli.errors import fail
from reviewer.apps.cli.options import DB, output_format
from reviewer.apps.cli.outputs import standard_output, write_page
from reviewer.present.textsafe import plain, terminal_safe


@click.command()
@click.option("-o", "--output", "outdir", required=True, help="Folder for the library (made owner-only).")
@click.option("--force", is_flag=True, help="Replace the files of an export already in the folder.")
@DB
def library(outdir, force, db_path) -> None:
    """Export the best takes: each recording with its transcript, score and note, and an index,
    owner-only, into a folder that holds no export yet (or --force), never through a link."""
    from reviewer.present.library import export_library
    from reviewer.present.new_files import ExportRefused

    out = Path(outdir)
    with reading_history(db_path) as db:
        try:
            written = export_library(db, out, replace=force)
        except ExportRefused as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{outdir}: cannot write the library ({exc.strerror or exc})")
    click.echo(terminal_safe(f"Wrote {written} best take(s) to {out} (index.html, library.csv)."))


def _day(value: str | None, option: str) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{option} {value}: give a date as YYYY-MM-DD")


@click.command()
@click.option("--rep", "reps", multiple=True, help="Only this rep (repeat for several).")
@click.option("--since", help="From this local date on (YYYY-MM-DD).")
@click.option("--until", help="Up to this local date, inclusive (YYYY-MM-DD).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write the team view as one page.")
@output_format("text", "json")
@DB
def team(reps, since, until, html_path, fmt, db_path) -> None:
    """The team over time, from the shared history: per rep the trend across weeks, the checks
    failed and warned most, numbers heard and valid, notes and best takes."""
    from reviewer.present.team import render_team
    from reviewer.storage.team import team_data

    since, until = _day(since, "--since"), _day(until, "--until")
    if since and until and since > until:
        fail(f"--since {since} is after --until {until}")
    link_from = Path(html_path).resolve().parent if html_path else None
    with reading_history(db_path) as db:
        data = team_data(db, tuple(reps), since, until, link_from)
    if html_path:
        write_page(html_path, render_team(data))
    if fmt == "json":
        with standard_output():
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    with standard_output():
        _print_team(data, html_path)


def _print_team(data: dict, html_path: str | None) -> None:
    """The reps, their weeks, and the coach's notes and best takes, as terminal tables."""
    console = table_console()
    if not data["reps"]:
        console.print("No attempts in the history for this selection.")
        return
    _print_reps(data, console)
    _print_weeks(data, console)
    coached = [t for t in data["takes"] if t["note"] or t["best"]]
    if coached:
        console.print("Notes and best takes:")
    for t in coached:
        mark = "★ best take" + (", " if t["note"] else "") if t["best"] else ""
        console.print(plain(f"  #{t['attempt']} {t['rep']} ({t['name']}): {mark}{t['note']}"))
    if html_path:
        console.print(plain(f"Wrote {html_path}"))


def _print_reps(data: dict, console: Console) -> None:
    """One row per rep, then per rep the checks failed and warned most."""
    from rich import box
    from rich.table import Table

    from reviewer.storage.progress import sparkline

    # Narrow columns that never wrap (a word is never broken); the checks follow as text.
    table = Table(title=plain(f"Team: {len(data['takes'])} recordings"), title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("rep", overflow="ellipsis", no_wrap=True, max_width=24)
    for col in ("recs", "score", "trend", "number ok", "fill/min", "wpm", "dig/s", "best"):
        table.add_column(col, justify="left" if col == "trend" else "right", no_wrap=True, min_width=len(col))
    for r in data["reps"]:
        table.add_row(
            plain(r["rep"]),
            str(r["takes"]),
            figure(r["score"], 0),
            sparkline([w["score"] for w in r["weeks"]]),
            f"{r['number_ok']}/{r['takes']}",
            figure(r["fillers_per_minute"]),
            figure(r["words_per_minute"], 0),
            figure(r["number_digits_per_second"]),
            str(r["best"]),
        )
    console.print(table)
    console.print(
        "recs: recordings reviewed (files a batch could not review are its errors, not stored here);"
        " number ok: recordings with a phone number heard and valid; trend: average score per week."
    )
    for r in data["reps"]:
        fails = ", ".join(f"{c} ({n})" for c, n in r["most_failed"]) or "none"
        warns = ", ".join(f"{c} ({n})" for c, n in r["most_warned"]) or "none"
        console.print(plain(f"{r['rep']}: fails most {fails}; warned most {warns}."))


def _print_weeks(data: dict, console: Console) -> None:
    """Week by week per rep, with the attempts behind each week (a column when wide, else lines below)."""
    from rich import box
    from rich.table import Table

    weeks = Table(title="Week by week", title_justify="left", box=box.SIMPLE_HEAD)
    weeks.add_column("rep", overflow="ellipsis", no_wrap=True, max_width=24)
    for col in ("week of", "recs", "score", "number ok", "fill/min", "wpm", "dig/s"):
        weeks.add_column(col, justify="left" if col == "week of" else "right", no_wrap=True, min_width=len(col))
    wide = console.width >= 100  # the attempts behind each week: a column, or lines below
    if wide:
        weeks.add_column("attempts", min_width=8)
    behind = []
    for r in data["reps"]:
        for w in r["weeks"]:
            ids = " ".join(f"#{i}" for i in w["attempts"])
            behind.append(f"{r['rep']}, week of {w['week']}: {ids}")
            weeks.add_row(
                plain(r["rep"]),
                w["week"],
                str(w["takes"]),
                figure(w["score"], 0),
                f"{w['number_ok']}/{w['takes']}",
                figure(w["fillers_per_minute"]),
                figure(w["words_per_minute"], 0),
                figure(w["number_digits_per_second"]),
                *([ids] if wide else []),
            )
    console.print(weeks)
    if not wide:
        console.print("Recordings behind the figures (their # in `history`):")
        for line in behind:
            console.print(plain(f"  {line}"))
