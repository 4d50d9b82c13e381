"""`reviewer profile`: who the rep is (name, company, callback number, region), stored in the
history, which `review` checks what it hears against: set, show, clear."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from reviewer.apps.cli.common import reading_history, rep_or_default
from reviewer.apps.cli.errors import EXIT_FAILED, fail
from reviewer.apps.cli.options import DB, PROFILE_REP, output_format
from reviewer.present.textsafe import terminal_safe
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.storage.history import History, HistoryError


@click.group()
def profile() -> None:
    """Who you are: your name, company and callback number, stored in the history. `review` checks
    what it hears against them ("your number is ...") unless --no-profile."""


def describe_profile(p: Profile) -> list[tuple[str, str]]:
    from reviewer.rubric.formats import format_digits

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
@DB
def profile_set(rep, name, company, number, region, db_path) -> None:
    """Store your profile, or change part of it (the options not given are kept)."""
    from reviewer.storage.history import default_db_path

    if all(v is None for v in (name, company, number, region)):
        fail("profile set needs at least one of --name, --company, --number, --region")
    rep = rep_or_default(rep)
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
@output_format("text", "json")
@DB
def profile_show(rep, fmt, db_path) -> None:
    """Your stored profile."""
    rep = rep_or_default(rep)
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
@DB
def profile_clear(rep, db_path) -> None:
    """Forget your profile (reviews check any name, company and number again)."""
    rep = rep_or_default(rep)
    with reading_history(db_path) as db:
        removed = db.clear_profile(rep)
    if not removed:
        fail(f"no profile stored for {rep}", EXIT_FAILED)
    click.echo(terminal_safe(f"Cleared the profile of {rep}."))
