"""Reviews to text: a rich terminal view for reps, and the JSON contract for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reviewer.present.textsafe import plain, terminal_safe
from reviewer.record.review import Review
from reviewer.record.summary import Summary
from reviewer.rubric.score import cap_note

STATUS_STYLE = {"pass": ("✓", "green"), "warn": ("!", "yellow"), "fail": ("✗", "bold red")}


def to_json(results: Sequence[Review | dict]) -> str:
    """One JSON array, one object per recording; failures as {file, error}."""
    return json.dumps([r.to_dict() if isinstance(r, Review) else r for r in results], indent=2, ensure_ascii=False)


WORD_STYLE = {"filler": "bold black on yellow", "phone": "bold cyan", "unsure": "dim italic"}  # by MarkedWord.kind
BAND_STYLE = {"good": "green", "fair": "yellow", "poor": "red"}  # the score's colour, by its band (rubric.bands)


def transcript_text(review: Review, summary: Summary | None = None) -> Text:
    """The transcript with fillers and the phone number highlighted, unsure words faint, as the
    review's summary marks them."""
    text = Text()
    for i, w in enumerate((summary or review.summary()).words):
        if i:
            text.append(" ")
        text.append(terminal_safe(w.text), style=WORD_STYLE.get(w.kind, ""))
    return text


def figures_table(review: Review, summary: Summary | None = None) -> Table:
    """Label and figures (the review's summary); they quote the transcript, so they go in as plain
    text, never markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in (summary or review.summary()).figures:
        table.add_row(label, plain(value))
    return table


def render_review(review: Review, console: Console) -> None:
    summary = review.summary()
    fixes = summary.fixes
    fix_text = Text()
    for k, f in enumerate(fixes, 1):
        mark, style = STATUS_STYLE[f.status]
        fix_text.append(f"{k}. {mark} ", style=style)
        fix_text.append(terminal_safe(f.message + (f" ({f.at})" if f.at and f.at not in f.message else "")))
        fix_text.append("\n")
    if not fixes:
        fix_text.append("Nothing to fix: every check passed.\n", style="green")
    checks = Table(show_header=False, box=None, padding=(0, 1))
    for f in review.findings:
        mark, style = STATUS_STYLE[f.status]
        checks.add_row(Text(mark, style=style), f.check, plain(f.message))
    score_style = BAND_STYLE[summary.band]
    title = Text.assemble(
        (terminal_safe(review.file), "bold"),
        "  score ",
        (f"{review.score}/100", f"bold {score_style}"),
        f"  ({review.model}, goal: {review.goal})",
    )
    capped = cap_note(review.score_cap, review.score_capped_by)  # which gate held the score down
    cap_line = [Text(f"Score {review.score}/100, {capped}.", style=score_style)] if capped else []
    console.print(
        Panel(
            Group(
                transcript_text(review, summary),
                Text(),
                figures_table(review, summary),
                Text(),
                *cap_line,
                Text("Fix first", style="bold underline"),
                fix_text,
                checks,
            ),
            title=title,
            title_align="left",
        )
    )


def render_text(results: Iterable[Review | dict], console: Console) -> None:
    for r in results:
        if isinstance(r, Review):
            render_review(r, console)
