"""`reviewer review`: recordings in, each one's review on the terminal (or as JSON) and in the history."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable

import click
from rich.console import Console

from reviewer.apps.cli.common import expand_paths, open_history, rep_or_default, store_review, stored_profile
from reviewer.apps.cli.errors import EXIT_FAILED, EXIT_OK, error_line, fail
from reviewer.apps.cli.options import CONFIG, DB, GOAL, MAX_SECONDS, THREADS, model_options, output_format
from reviewer.apps.practised import PractisedScriptError, script_for_command_line
from reviewer.present.textsafe import plain
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.recognition.models import ModelError, UnknownModelError
from reviewer.settings import Config, ConfigError, load_config
from reviewer.sound.decode import AudioError
from reviewer.storage.history import History


@click.command()
@click.argument("paths", nargs=-1, required=True)
@model_options
@GOAL
@CONFIG
@output_format("text", "json")
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
@DB
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
    config = _config(config_path, region)
    rep = rep_or_default(rep)
    history = None if no_history else open_history(db_path)
    script = _practised(script_path, history, db_path) if script_path else None
    profile = None if no_profile else stored_profile(rep, history, db_path)
    profile = _this_reviews_profile(profile, region, profile_name, profile_company, profile_number)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    language_code = None if language == "auto" else language
    reusable = None  # the batch settings' fingerprint, when this review is what a batch would make
    if script is None and filler_mode == "full":
        from reviewer.apps.batch import Settings

        batch = Settings(
            model=model,
            goal=goal,
            language=language_code,
            thresholds=config.thresholds,
            detection=config.detection,
            max_seconds=max_seconds,
        )
        reusable = batch.fingerprint(profile)

    files = expand_paths(paths)

    def load():
        reviewer = _load_reviewer(
            model, device, language_code, goal, config, filler_mode, threads, script, profile, err
        )
        if len(files) > 1:  # more than one review: the encoder's own model pays for its load
            reviewer.transcriber.load_encoder()
        return reviewer

    def reviewed(result) -> None:
        comparison = store_review(history, result.to_dict(), rep, script[0] if script else None, err, settings=reusable)
        if fmt == "text":
            from reviewer.present.terminal import render_review

            render_review(result, out)
            if comparison:
                out.print(plain(comparison))

    results, failed = _review_files(files, load, max_seconds, reviewed, err)
    if fmt == "json":
        from reviewer.present.terminal import to_json

        click.echo(to_json(results))
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _config(config_path: str | None, region: str | None) -> Config:
    """The rubric's thresholds and the detection settings from --config, numbers read for
    --region's country; a usage error otherwise."""
    try:
        config = load_config(config_path)
        if region:
            import phonenumbers

            if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
                raise ConfigError(f"--region {region}: not a region phonenumbers knows (US, GB, CA, AU, ...)")
            config = dataclasses.replace(
                config, thresholds=dataclasses.replace(config.thresholds, number_region=region.upper())
            )
    except ConfigError as exc:
        fail(str(exc))
    return config


def _practised(value: str, history: History | None, db_path: str | None) -> tuple[str, str]:
    """(name, text) for --script; a usage error when there is no such script."""
    try:
        return script_for_command_line(
            value, history, db_path, warn=lambda reason: Console(stderr=True).print(plain(f"Warning: {reason}"))
        )
    except PractisedScriptError as exc:
        fail(str(exc))


def _this_reviews_profile(
    profile: Profile | None, region: str | None, name: str | None, company: str | None, number: str | None
) -> Profile | None:
    """The stored profile with --name, --company, --number over it, read in --region's country."""
    if any(v is not None for v in (name, company, number)):
        try:
            profile = make_profile(name, company, number, region, base=profile) or None
        except ProfileError as exc:
            fail(str(exc))
    if profile is not None and region:  # --region is this review's; else the profile's reads the numbers heard
        profile = dataclasses.replace(profile, region=region.upper())
    return profile


def _load_reviewer(model, device, language, goal, config, filler_mode, threads, script, profile, err: Console):
    """The Reviewer, loaded once the first recording is there; a model that cannot load ends the command."""
    try:
        from reviewer.pipeline import Reviewer
        from reviewer.settings import ReviewSettings

        settings = ReviewSettings(model, device, language, goal, config.thresholds, filler_mode, config.detection)
        return Reviewer.from_settings(settings, cpu_threads=threads, script=script, profile=profile)
    except UnknownModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    except (ModelError, RuntimeError) as exc:
        err.print(error_line(model, str(exc)), markup=False)
        sys.exit(EXIT_FAILED)


def _review_files(
    inputs: list[tuple[str, str | None]],
    load: Callable,
    max_seconds: float,
    reviewed: Callable,
    err: Console,
) -> tuple[list, bool]:
    """Each input reviewed in turn (`reviewed` hears each review); one that cannot be is an error
    line and an error row, and the others go on. Returns the results and whether any failed."""
    results: list = []
    failed = False
    reviewer = None
    for file, problem in inputs:
        if problem is None:
            if reviewer is None:
                reviewer = load()
            try:
                result = reviewer.review_file(file, max_duration=max_seconds)
            except AudioError as exc:
                problem = str(exc)
            except Exception as exc:  # one bad file never stops the others
                problem = f"could not be reviewed ({type(exc).__name__}: {exc})"
            else:
                results.append(result)
                reviewed(result)
                continue
        failed = True
        results.append({"file": file, "error": problem})
        err.print(error_line(file, problem), markup=False)
    return results, failed
