"""Files and folders only their owner can read, whatever the umask: what a coach's batch writes
holds every rep's transcripts (results.sqlite, the reports), so nobody else on the machine may
read them. Folders we create are 0700, files 0600; a folder that already existed is left as it is."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

OWNER_FILE_MODE = 0o600  # read and write, by the owner only
OWNER_FOLDER_MODE = 0o700  # list, create and enter, by the owner only
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite gives them the database's mode when it creates them


def owner_only_folder(path: str | os.PathLike) -> Path:
    """The folder, each missing part of it created owner-only (0700 exactly, whatever the umask).
    OSError as mkdir raises it (a file in the way, no permission)."""
    folder = Path(path)
    missing = []
    for part in (folder, *folder.parents):
        if part.exists():
            break
        missing.append(part)
    for part in reversed(missing):
        try:
            part.mkdir(mode=OWNER_FOLDER_MODE)
        except FileExistsError:  # made meanwhile by another process: not ours to change
            continue
        os.chmod(part, OWNER_FOLDER_MODE)  # mkdir's mode passes through the umask
    if not folder.is_dir():
        raise FileExistsError(f"{folder}: is a file, not a folder")
    return folder


def owner_only_database(path: str | os.PathLike) -> Path:
    """A SQLite database file created empty and owner-only before SQLite opens it; an existing one
    (and its side files) made owner-only too, as an older version may have left it readable."""
    db = Path(path)
    try:
        os.close(os.open(db, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, OWNER_FILE_MODE))
    except FileExistsError:
        pass
    for file in (db, *(db.with_name(db.name + side) for side in SQLITE_SIDE_FILES)):
        try:
            if not file.is_symlink() and file.stat().st_mode & 0o777 != OWNER_FILE_MODE:
                os.chmod(file, OWNER_FILE_MODE)
        except FileNotFoundError:
            continue
    return db


@contextmanager
def owner_only_text(path: str | os.PathLike, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file written aside (0600 exactly) and moved into place when complete: never readable
    by others, never half-written, and a link planted at `path` is replaced, not followed."""
    target = Path(path)
    fd, aside = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        os.fchmod(fd, OWNER_FILE_MODE)
        with open(fd, "w", newline="", encoding=encoding) as f:
            yield f
        os.replace(aside, target)
    except BaseException:
        Path(aside).unlink(missing_ok=True)
        raise
