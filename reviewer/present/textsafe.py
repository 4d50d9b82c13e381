"""User-supplied text (rep names, file names, transcripts) is data: never markup, never control codes.

A rep name comes from anyone who can reach the practice page, and a file name from anyone who
can put a file in a folder a coach reviews. In a terminal, rich would read `[/bold]x` as markup
(and crash on it) and an ESC would reach the coach's terminal as a live escape sequence; in a
spreadsheet, a cell starting with `=` is a formula. These helpers keep each to its data.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_KEPT_CONTROLS = "\t\n"  # inside a quoted cell: a note's lines, harmless in a terminal


def terminal_safe(value: object, keep: str = "") -> str:
    """The text with every control or format character (ESC, BEL, CR, bidi overrides, ...)
    but those in `keep` written out as its escape (`\\x1b`), so it is shown, not obeyed."""
    text = str(value)
    if all(unicodedata.category(c)[0] != "C" or c in keep for c in text):
        return text
    return "".join(
        c
        if unicodedata.category(c)[0] != "C" or c in keep
        else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        for c in text
    )


def plain(value: object, style: str = "") -> Text:
    """A rich Text of user text: shown literally (no markup), control characters escaped."""
    return Text(terminal_safe(value), style=style)


def csv_safe(value: object) -> object:
    """A CSV cell a spreadsheet will not run and a terminal will not obey (a CSV goes to standard
    output too): control characters written out as in `terminal_safe` (a tab and a line break
    kept), and text starting with = + - @ TAB or CR given a leading apostrophe (OWASP's advice);
    numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = terminal_safe(value, keep=CSV_KEPT_CONTROLS)
    return "'" + value if value.startswith(CSV_FORMULA_PREFIXES) else value


def csv_row(row: dict) -> dict:
    return {k: csv_safe(v) for k, v in row.items()}
