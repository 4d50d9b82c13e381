"""The script a rep practised, given by name or as text: the command line (`review --script`)
and the practice page resolve it the same way, against the scripts stored in the history.

A script's text is stored under its name the first time it is practised, so the command line's
and the page's scripts are one list. The reasons a script cannot be used are exceptions, whose
message is the one-line reason: the command line shows it as a usage error, the page answers
with a 4xx (NoSuchScript 422, ScriptNameTaken 409).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reviewer.measures.script import ScriptError, load_script
from reviewer.storage.history import History, HistoryError


class PractisedScriptError(Exception):
    """The script practised cannot be used; the message is the one-line reason."""


class NoSuchScript(PractisedScriptError):
    """No stored script of that name (and, on the command line, no such file)."""


class ScriptNameTaken(PractisedScriptError):
    """Another text is already stored under the name given with a pasted script."""


class UnreadableScript(PractisedScriptError):
    """A script file that cannot be read: missing, not UTF-8 text, or empty."""


def same_text(a: str, b: str) -> bool:
    """One script, however it is spaced or capitalised."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def pasted_name(text: str) -> str:
    """Pasted scripts have no file name: the same text gets the same name, so attempts group."""
    return "script-" + hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()[:8]


def keep_script(db: History, name: str, text: str) -> bool:
    """Store `text` under `name` the first time it is practised; False when another text is
    already stored under that name (the stored one is left as it is)."""
    stored = db.script(name)
    if stored is None:
        db.add_script(name, text)
        return True
    return same_text(stored, text)


def script_for_page(history_path: str | os.PathLike, name: str, text: str) -> tuple[str, str]:
    """(name, text) of the script practised on the page, from its form's `script_name` and
    `script`: a stored one picked by name (no text); a pasted one stored under the name given,
    or found by its text, else under a name made from its text. NoSuchScript, ScriptNameTaken
    otherwise."""
    with History(history_path) as db:
        if not text:
            stored = db.script(name)
            if stored is None:
                raise NoSuchScript(f"no stored script named {name!r}")
            return name, stored
        if not name:
            name = db.script_named_for(text) or pasted_name(text)
        if not keep_script(db, name, text):
            raise ScriptNameTaken(f"another script is already stored as {name!r}; choose another name")
        return name, text


def script_for_command_line(
    value: str,
    history: History | None,
    db_path: str | None,
    warn: Callable[[str], None] | None = None,
) -> tuple[str, str]:
    """(name, text) for `--script VALUE`: a text file (stored in the history under its name, the
    first time, so the practice page offers it; `warn` hears when the stored text differs), else
    a script stored under that name, read without creating the database when `history` is None.
    UnreadableScript, NoSuchScript otherwise."""
    if Path(value).is_file():
        try:
            name, text = load_script(value)
        except ScriptError as exc:
            raise UnreadableScript(str(exc)) from None
        if history is not None and not keep_script(history, name, text) and warn is not None:
            warn(f"the stored script {name} differs from {value}; this review uses the file")
        return name, text
    stored = _stored_text(value, history, db_path)
    if stored is None:
        raise NoSuchScript(
            f"{value}: no such script file, and no stored script of that name (see `reviewer scripts list`)"
        )
    return value, stored


def _stored_text(name: str, history: History | None, db_path: str | None) -> str | None:
    """The text stored under `name`: from `history`, else from the database if there is one
    (nothing created); None when there is none or the database cannot be read."""
    from reviewer.storage.history import default_db_path

    path = Path(db_path) if db_path else default_db_path()
    try:
        if history is not None:
            return history.script(name)
        if path.exists():  # --no-history: read a stored script, create nothing
            with History(path) as db:
                return db.script(name)
    except (HistoryError, sqlite3.Error):
        pass
    return None
