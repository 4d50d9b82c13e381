"""How every refusal looks: one line, `Error: ...`, and an exit code; never a traceback.

Exit codes: 0 every recording reviewed, 1 any could not be, 2 usage errors.
"""

from __future__ import annotations

import sys

import click

from reviewer.present.textsafe import terminal_safe

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+


def error_line(file: str, reason: str) -> str:
    """`Error: FILE: reason`, with any control character in either shown, not obeyed."""
    return terminal_safe(f"Error: {file}: {reason}")


def fail(message: str, code: int = EXIT_USAGE):
    """One line on stderr and the exit code: what every refusal looks like."""
    click.echo(terminal_safe(f"Error: {message}"), err=True)
    sys.exit(code)


class OneLineErrors(click.Group):
    """Usage errors as one line, `Error: ...` (exit 2), like every other failure."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except NO_ARGS_IS_HELP as exc:  # `reviewer` alone: the help, as click shows it
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            fail("aborted", EXIT_FAILED)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)
