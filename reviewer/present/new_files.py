"""Files written into a folder a coach names, as new files only: owner-only (0600, whatever the
umask), never over what is there unless asked, and never through a link planted in the folder.

The library export (library.py) writes here: its files hold every best take's recording and
transcript, and its folder may be one others can write to.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from reviewer.storage.owner_only import OWNER_FILE_MODE, owner_only_folder

NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC  # a link there is an error


class ExportRefused(Exception):
    """A folder or a file we will not write; the message names it and says why."""


@contextlib.contextmanager
def opened_folder(out: Path) -> Iterator[int]:
    """The folder, made owner-only (0700) with its missing parents when it is not there, held
    open so every file lands in it; a link in its place is refused, not followed."""
    if out.is_symlink():
        raise ExportRefused(f"{out}: is a link; name the folder itself")
    if not out.exists():
        owner_only_folder(out)
    try:
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except NotADirectoryError:
        raise ExportRefused(f"{out}: is a file, not a folder (-o names the output folder)") from None
    try:
        yield fd
    finally:
        os.close(fd)


def write_new_files(out: Path, files: dict[str, bytes | Path], replace: bool = False) -> None:
    """Write each file (its bytes, or a copy of the file at a Path) into `out` as a new file,
    owner-only. A name already there (a file or a link) refuses the whole write before anything
    is written, unless `replace`: then what is there is removed first (a link, not its target)."""
    with opened_folder(out) as folder:
        there = [name for name in files if _lexists(name, folder)]
        if there and not replace:
            more = f" and {len(there) - 1} more" if len(there) > 1 else ""
            raise ExportRefused(f"{out}: already holds {there[0]}{more} (an export?); add --force to replace them")
        for name in there:
            os.unlink(name, dir_fd=folder)
        for name, content in files.items():
            _write_new(out, folder, name, content)


def _lexists(name: str, folder: int) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _write_new(out: Path, folder: int, name: str, content: bytes | Path) -> None:
    try:
        fd = os.open(name, NEW_FILE_FLAGS, OWNER_FILE_MODE, dir_fd=folder)
    except FileExistsError:
        raise ExportRefused(f"{out / name}: appeared while writing; left as it is") from None
    os.fchmod(fd, OWNER_FILE_MODE)  # the umask can only take bits away; this is exact
    with open(fd, "wb") as f:
        if isinstance(content, Path):
            with open(content, "rb") as source:
                shutil.copyfileobj(source, f)
        else:
            f.write(content)
