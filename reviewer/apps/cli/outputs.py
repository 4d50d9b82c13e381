"""Where `progress`, `team`, `library` and `history` write: pages owner-only, and a write that
fails (no such folder, no permission, a full disk, a closed pipe) is one line, never a traceback."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from reviewer.apps.cli.errors import EXIT_FAILED, fail
from reviewer.storage.owner_only import owner_only_folder, owner_only_text


def write_page(path: str, text: str) -> None:
    """An HTML page (reps' names, notes and figures) written owner-only (0600, whatever the umask),
    its missing folders made (0700); a link at `path` is replaced, never followed."""
    try:
        owner_only_folder(Path(path).parent)
        with owner_only_text(path) as f:
            f.write(text)
    except OSError as exc:
        fail(f"{path}: cannot write the page ({exc.strerror or exc})", EXIT_FAILED)


@contextlib.contextmanager
def standard_output():
    """Text for standard output: a full disk is one line; a reader that went away (`| head`) ends
    the command quietly, as other tools do."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_FAILED)
    except OSError as exc:
        _silence_stdout()
        fail(f"standard output: cannot write ({exc.strerror or exc})", EXIT_FAILED)


def _silence_stdout() -> None:
    """What is still buffered for the broken output goes nowhere (else Python reports it at exit)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
