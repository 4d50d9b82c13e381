"""What several commands do alike: expand the paths given, make the output folder, open the
history (to store in, or to read, as one line when it cannot be), find a rep's stored profile,
and size a table to the terminal."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from rich.console import Console

from reviewer.apps.cli.errors import EXIT_FAILED, fail
from reviewer.present.textsafe import plain
from reviewer.profile import Profile
from reviewer.sound.decode import AUDIO_SUFFIXES, find_audio_files
from reviewer.storage.history import DEFAULT_REP, History, HistoryError, record_review


def rep_or_default(rep: str | None) -> str:
    """The rep given, else $REVIEWER_REP, else 'me'."""
    return rep or os.environ.get("REVIEWER_REP") or DEFAULT_REP


def writable_folder(path: str) -> Path:
    """The output folder, made now: a file in its place or no permission is one line, not a traceback."""
    import tempfile

    out = Path(path)
    if out.exists() and not out.is_dir():
        fail(f"{path}: is a file, not a folder (-o names the output folder)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        # a probe under a fresh name, created exclusively: a link planted in the folder is never followed
        with tempfile.NamedTemporaryFile(dir=out, prefix=".reviewer-write-test-"):
            pass
    except FileExistsError:
        fail(f"{path}: is a file, not a folder (-o names the output folder)")
    except OSError as exc:
        fail(f"{path}: cannot write the output folder ({exc.strerror or exc})")
    return out


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


def store_review(
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


def table_console() -> Console:
    """A terminal's width, or $COLUMNS; a pipe or a file without $COLUMNS gets 140."""
    console = Console(highlight=False)
    if console.is_terminal or (os.environ.get("COLUMNS") or "").isdigit():
        return console
    return Console(highlight=False, width=140)


def figure(v, digits: int = 1) -> str:
    """A figure in a table cell: blank when unknown."""
    return "" if v is None else f"{v:.{digits}f}"
