"""The options several commands share, each declared once, so its name, default and help are
the same wherever it appears. Decorators: stack them where the option belongs in the command's
option list (click lists options in decorator order)."""

from __future__ import annotations

import click

from reviewer.rubric import GOALS

DEFAULT_MAX_SECONDS = 600.0  # review and batch: longer recordings are refused while decoding

DB = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="History database [default: $REVIEWER_DB or the user data folder].",
)
CONFIG = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="TOML file overriding thresholds."
)
MODEL = click.option("--model", default="base", show_default=True, help="base, tiny.en, or a CTranslate2 model folder.")
DEVICE = click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help="auto uses a CUDA GPU when CTranslate2 sees one.",
)
LANGUAGE = click.option(
    "--language", default="en", show_default=True, help="Spoken language code, or 'auto' to detect."
)
GOAL = click.option(
    "--goal",
    type=click.Choice(GOALS),
    default="callback",
    show_default=True,
    help="callback: get a call back; educate: prepare them for your next call.",
)
THREADS = click.option(
    "--threads",
    type=click.IntRange(min=0),
    default=0,
    help="CPU threads for Whisper: decodes run at once, one thread each (0: two, a review's passes side by "
    "side). The review is the same whatever it is.",
)
MAX_SECONDS = click.option(
    "--max-seconds",
    type=click.FloatRange(min=1, min_open=False),
    default=DEFAULT_MAX_SECONDS,
    show_default=True,
    help="Longest recording reviewed; decoding stops there and the file is refused.",
)
PROFILE_REP = click.option("--rep", default=None, help="Whose profile [default: $REVIEWER_REP or 'me'].")


def model_options(command):
    """--model, --device, --language: the Whisper model a command loads, in that order."""
    return MODEL(DEVICE(LANGUAGE(command)))


def output_format(*choices: str):
    """--format: one of `choices`, text by default."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default="text", show_default=True)
