"""The command line: `reviewer COMMAND ...`. What enters: command lines (paths of recordings,
folders, options) and the history database they name. What leaves: text on the terminal (or
JSON/CSV on stdout), files (a batch's CSV, JSONL and HTML report, team and progress pages, the
library), and an exit code: 0 every recording reviewed, 1 any could not be, 2 usage errors.
Every failure is one line, `Error: FILE: reason`, never a traceback.

One module per command group (review, batch, history with note and best, scripts, profile,
progress, team with library, models, serve); the options they share are declared once in
options.py, the refusals in errors.py, the helpers in common.py. `main` is the console script
(`reviewer = "reviewer.apps.cli:main"`).
"""

from __future__ import annotations

import click

from reviewer.apps.cli.batch import batch
from reviewer.apps.cli.errors import OneLineErrors
from reviewer.apps.cli.history import best, history, note
from reviewer.apps.cli.models import models
from reviewer.apps.cli.profile import profile
from reviewer.apps.cli.progress import progress
from reviewer.apps.cli.review import review
from reviewer.apps.cli.scripts import scripts
from reviewer.apps.cli.serve import serve
from reviewer.apps.cli.team import library, team


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reviewer")
def main() -> None:
    """Review practice sales voicemails offline: fillers, pace, phone number, and what to fix."""


for _command in (review, batch, history, scripts, profile, note, best, library, team, progress, serve, models):
    main.add_command(_command)

__all__ = ["main"]
