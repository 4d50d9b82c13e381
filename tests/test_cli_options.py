"""The options several commands share are declared once (reviewer/apps/cli/options.py): the same
name, default and help wherever they appear. No model."""

from __future__ import annotations

import click

from reviewer.apps.cli import main

DB_HELP = "History database [default: $REVIEWER_DB or the user data folder]."


def commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def option(command: click.Command, name: str) -> click.Option | None:
    return next((p for p in command.params if isinstance(p, click.Option) and name in p.opts), None)


def test_every_db_option_says_the_same():
    with_db = {path: option(command, "--db") for path, command in commands(main)}
    helps = {" ".join(path): o.help for path, o in with_db.items() if o is not None}
    assert len(helps) == 17 and set(helps.values()) == {DB_HELP}


def test_the_model_options_are_the_same_where_a_model_is_loaded():
    for name in ("--model", "--device", "--language", "--config"):
        seen = {(o.default, o.help) for c in ("review", "batch", "serve") if (o := option(main.commands[c], name))}
        assert len(seen) == 1, (name, seen)
    goals = {(o.default, o.help) for c in ("review", "batch") if (o := option(main.commands[c], "--goal"))}
    assert goals == {("callback", "callback: get a call back; educate: prepare them for your next call.")}
