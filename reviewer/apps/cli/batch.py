"""`reviewer batch`: folders of recordings in; a CSV, a JSONL and an HTML report out, a progress
bar while it runs, and a table per rep at the end. The batch engine is reviewer.apps.batch."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console

from reviewer.apps.batch import DEFAULT_MAX_MB
from reviewer.apps.cli.common import (
    figure,
    open_history,
    store_review,
    stored_profiles,
    table_console,
    writable_folder,
)
from reviewer.apps.cli.errors import EXIT_FAILED, EXIT_OK, error_line, fail
from reviewer.apps.cli.options import CONFIG, DB, GOAL, MAX_SECONDS, model_options
from reviewer.present.textsafe import plain, terminal_safe
from reviewer.recognition.models import ModelError, UnknownModelError, resolve_model, sha256_of
from reviewer.settings import ConfigError, load_config
from reviewer.storage.history import History
from reviewer.storage.owner_only import owner_only_folder


@click.command()
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
@click.option("--scheduler", help="Dask scheduler address, with --executor dask (tls://HOST:8786 for a TLS cluster).")
@click.option(
    "--tls-ca-file",
    type=click.Path(exists=True, dir_okay=False),
    help="A TLS cluster's certificate authority (PEM) [default: Dask's distributed.comm.tls config].",
)
@click.option("--tls-cert", type=click.Path(exists=True, dir_okay=False), help="This machine's certificate (PEM).")
@click.option(
    "--tls-key", type=click.Path(exists=True, dir_okay=False), help="Its private key, unless in --tls-cert's file."
)
@model_options
@GOAL
@CONFIG
@DB
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
    tls_ca_file,
    tls_cert,
    tls_key,
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
    from reviewer.apps.batch import BatchError, Settings, default_workers, run_batch

    config, jobs = _jobs(dirs, manifest, config_path, no_profile, db_path, no_history)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    tls = _cluster(executor, scheduler, tls_ca_file, tls_cert, tls_key, err)
    _output_folder(outdir)
    workers = workers or default_workers()
    settings = Settings(
        model=model,
        goal=goal,
        language=None if language == "auto" else language,
        device=_device_for(model, device),
        thresholds=config.thresholds,
        detection=config.detection,
        max_seconds=max_seconds,
    )
    bar, task = _progress_bar(err, len(jobs))
    final = {}
    store, reuse = _history_hooks(None if no_history else open_history(db_path), settings, err)

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
            store(job, review)

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
                tls=tls,
            )
    except BatchError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("Interrupted: finished recordings are kept; run the same command again to finish the rest.")
        sys.exit(130)
    _finish(rows, final["state"], outdir, err)


def _cluster(executor: str, scheduler: str | None, ca_file: str | None, cert: str | None, key: str | None, err):
    """The TLS certificates for a Dask cluster, checked to go together; a warning on stderr for a
    cluster reached without encryption beyond this machine."""
    from reviewer.apps.batch import BatchError, TlsFiles
    from reviewer.apps.batch.cluster import security_for, unencrypted_warning

    given = ca_file or cert or key
    if given and executor != "dask":
        fail("--tls-ca-file, --tls-cert and --tls-key are for --executor dask")
    if given and not (ca_file and cert):
        fail(
            "a TLS cluster needs both --tls-ca-file and --tls-cert (and --tls-key unless the certificate's file holds it)"
        )
    tls = TlsFiles(ca_file, cert, key) if given else None
    if executor == "dask" and scheduler:
        try:
            security_for(scheduler, tls)  # before the progress bar: a refusal is the one line
        except BatchError as exc:
            fail(str(exc))
        if warning := unencrypted_warning(scheduler):
            err.print(plain(warning))
    return tls


def _output_folder(outdir: str) -> None:
    """The output folder, each part we create owner-only (0700: what is in it is every rep's
    transcripts), checked writable; a refusal is one line."""
    try:
        owner_only_folder(outdir)
    except OSError:
        pass  # writable_folder says why, in one line
    writable_folder(outdir)


def _jobs(dirs, manifest: str | None, config_path: str | None, no_profile: bool, db_path: str | None, no_history: bool):
    """(config, jobs): the recordings under DIRS, each with its rep (the manifest's, the history's
    unless --no-history, else its folder's) and its rep's profile (the manifest's, else the
    one stored) unless --no-profile; a usage error when there are none."""
    from reviewer.apps.batch import BatchError, find_jobs

    try:
        config = load_config(config_path)
        jobs = find_jobs(dirs, manifest)
    except (ConfigError, BatchError) as exc:
        fail(str(exc))
    if not jobs:
        fail(f"no audio files under {', '.join(dirs)}")
    jobs = jobs if no_history else _history_reps(jobs, db_path)
    if no_profile:
        jobs = [dataclasses.replace(j, profile=None) for j in jobs]
    elif any(j.profile is None for j in jobs):  # the manifest's profile, else the rep's stored one
        stored = stored_profiles(db_path)
        jobs = [j if j.profile is not None else dataclasses.replace(j, profile=stored.get(j.rep)) for j in jobs]
    return config, jobs


def _history_reps(jobs: list, db_path: str | None) -> list:
    """A file the manifest does not name keeps the rep the history already holds it under (this
    audio at this path: a manifest's, from an earlier run), else its folder's: the same rep
    whatever the order of runs (an identical copy in another rep's folder stays that rep's)."""
    from reviewer.storage.history import HistoryError, default_db_path

    path = Path(db_path) if db_path else default_db_path()
    if all(j.named for j in jobs) or not path.exists():
        return jobs
    owners: dict[str, str | None] = {}
    try:
        with History(path) as db:
            for j in jobs:
                try:
                    owners[j.file] = None if j.named else db.rep_of_audio(sha256_of(j.file), _paths(j.file))
                except OSError:  # unreadable: the batch reports it
                    owners[j.file] = None
    except (HistoryError, sqlite3.Error):
        return jobs
    return [dataclasses.replace(j, rep=owners[j.file]) if owners.get(j.file) else j for j in jobs]


def _paths(file: str) -> tuple[str, ...]:
    """The ways a recording's path may be stored: as given, and resolved."""
    return (file, str(Path(file).resolve()))


def _device_for(model: str, device: str) -> str:
    """The device the workers use; the model is checked first, before any worker starts."""
    from reviewer.recognition.engine import pick_device

    try:
        resolve_model(model)  # fail fast, before any worker starts
        return pick_device(device)[0]
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, RuntimeError) as exc:
        click.echo(error_line(model, str(exc)), err=True)
        sys.exit(EXIT_FAILED)


def _history_hooks(history: History | None, settings, err: Console):
    """(store, reuse): `store(job, review)` keeps each review in the history, once per audio, rep
    and settings, under the manifest's rep where it names one (moving what earlier runs stored); `reuse(sha, fingerprint)` is a review the history already holds for that audio and
    those settings (from `review` or another folder's batch), so it is not decoded again."""

    def store(job, review: dict) -> None:
        fingerprint = settings.fingerprint(job.profile)
        if history is not None and job.named:  # the manifest's rep and date, whichever run came first
            try:
                history.attribute_audio(sha256_of(job.file), _paths(job.file), job.rep, job.date)
            except (sqlite3.Error, OSError) as exc:
                err.print(plain(f"Warning: {history.path}: could not attribute {job.file} to {job.rep} ({exc})"))
        store_review(history, dict(review, file=job.file), job.rep, None, err, job.date, fingerprint, once=True)

    def reuse(sha: str, fingerprint: str) -> dict | None:
        try:
            return history.stored_review(sha, fingerprint) if history is not None else None
        except sqlite3.Error:
            return None

    return store, reuse


def _progress_bar(err: Console, total: int):
    """(bar, task): recordings done of `total`, how each went, time taken and time left."""
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
    return bar, bar.add_task("batch", total=total, failed=0, skipped=0, reviewed=0, state=None)


def _finish(rows: list[dict], state, outdir: str, err: Console) -> None:
    """Write the outputs, show each error, the table per rep and one line of totals; exit 1 if any failed."""
    from reviewer.apps.batch import summarise, write_outputs

    paths = write_outputs(rows, outdir)
    errors = [r for r in rows if r.get("error")]
    for r in errors:
        err.print(error_line(r["file"], r["error"]), markup=False)
    _print_summary(summarise(rows), table_console())
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

    table = Table(title="Per rep (averages; fillers and words a minute, the number's digits/s)", title_justify="left")
    # Short headers that 80 columns hold whole: the figures are never cut, a long rep's name and
    # the most failed check fold onto more lines instead.
    for col in ("rep", "reviewed", "errors", "score", "fillers", "wpm", "digits/s", "most failed"):
        text = col in ("rep", "most failed")
        table.add_column(
            col,
            justify="left" if text else "right",
            no_wrap=not text,
            overflow="fold" if text else "ellipsis",
            min_width=None if text else len(col),  # a text column's header wraps whole, never cut
        )

    for s in summary:
        table.add_row(
            plain(s["rep"]),
            str(s["recordings"] - s["errors"]),
            str(s["errors"]),
            figure(s["average_score"], 0),
            figure(s["fillers_per_minute"]),
            figure(s["words_per_minute"], 0),
            figure(s["number_digits_per_second"]),
            f"{s['most_common_failed_check']} ({s['most_common_failed_count']})"
            if s["most_common_failed_check"]
            else "",
            style="bold" if s["rep"] == "(team)" else None,
        )
    console.print(table)
