"""`reviewer scripts`: the named scripts stored in the history, which `review --script NAME`
and the practice page share: add, list, show, remove."""

from __future__ import annotations

import sys

import click

from reviewer.apps.cli.common import reading_history
from reviewer.apps.cli.errors import EXIT_FAILED, fail
from reviewer.apps.cli.options import DB
from reviewer.measures.script import ScriptError, load_script
from reviewer.present.textsafe import terminal_safe
from reviewer.storage.history import History, HistoryError


@click.group()
def scripts() -> None:
    """Named scripts, stored in the history: `review --script NAME` and the practice page share them."""


@scripts.command("add")
@click.argument("name")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--replace", is_flag=True, help="Replace the text of a script already stored under NAME.")
@DB
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
@DB
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
@DB
def scripts_show(name, db_path) -> None:
    """The text of a stored script."""
    with reading_history(db_path) as db:
        text = db.script(name)
    if text is None:
        fail(f"no stored script named {name} (see `reviewer scripts list`)", EXIT_FAILED)
    click.echo("\n".join(terminal_safe(line) for line in text.splitlines()))


@scripts.command("remove")
@click.argument("name")
@DB
def scripts_remove(name, db_path) -> None:
    """Forget a stored script (its attempts keep its name in the history)."""
    with reading_history(db_path) as db:
        removed = db.remove_script(name)
    if not removed:
        fail(f"no stored script named {name} (see `reviewer scripts list`)", EXIT_FAILED)
    click.echo(terminal_safe(f"Removed the script {name}."))
