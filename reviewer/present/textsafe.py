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


def terminal_safe(value: object) -> str:
    """The text with every control or format character (ESC, BEL, CR, bidi overrides, ...)
    written out as its escape (`\\x1b`), so it is shown, not obeyed."""
    text = str(value)
    if all(unicodedata.category(c)[0] != "C" for c in text):
        return text
    return "".join(
        c if unicodedata.category(c)[0] != "C" else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        for c in text
    )


def plain(value: object, style: str = "") -> Text:
    """A rich Text of user text: shown literally (no markup), control characters escaped."""
    return Text(terminal_safe(value), style=style)


def csv_safe(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ TAB or CR gets a leading
    apostrophe (OWASP's advice); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_row(row: dict) -> dict:
    return {k: csv_safe(v) for k, v in row.items()}
