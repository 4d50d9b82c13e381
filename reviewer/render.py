"""Reviews to text: a rich terminal view for reps, and the JSON contract for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .checks import clock, format_digits
from .review import Review
from .textsafe import plain, terminal_safe

STATUS_STYLE = {"pass": ("✓", "green"), "warn": ("!", "yellow"), "fail": ("✗", "bold red")}


def to_json(results: Sequence[Review | dict]) -> str:
    """One JSON array, one object per recording; failures as {file, error}."""
    return json.dumps([r.to_dict() if isinstance(r, Review) else r for r in results], indent=2, ensure_ascii=False)


def transcript_text(review: Review) -> Text:
    """The transcript with fillers and the phone number highlighted."""
    text = Text()
    for i, w in enumerate(review.words):
        if i:
            text.append(" ")
        style = (
            "bold black on yellow"
            if w.filler
            else "bold cyan"
            if w.phone
            else "dim italic"
            if w.probability < 0.5
            else ""
        )
        text.append(terminal_safe(w.text), style=style)
    return text


def figures_table(review: Review) -> Table:
    """Label and figures; the figures quote the transcript, so they go in as plain text, never markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()

    def row(label: str, value: str) -> None:
        table.add_row(label, plain(value))

    row(
        "Length",
        f"{review.duration_s:.1f} s recorded, {review.speech_end_s - review.speech_start_s:.1f} s "
        f"spoken ({review.leading_silence_s:.1f} s before, {review.trailing_silence_s:.1f} s after)",
    )
    row("Words", f"{review.word_count} at {review.words_per_minute:.0f} words per minute")
    fillers = ", ".join(f"{f.text} {clock(f.start)}" for f in review.fillers) or "none"
    row("Fillers", f"{review.filler_count} ({review.fillers_per_minute:.1f}/min): {fillers}")
    if review.hedges:
        row("Hedges", ", ".join(f"{h.text} {clock(h.start)}" for h in review.hedges))
    if review.pauses:
        row("Pauses", ", ".join(f"{p.duration:.1f} s at {clock(p.start)}" for p in review.pauses))
    for n in review.phone_numbers:
        groups = " · ".join(g.digits for g in n.groups)
        pauses = ", ".join(f"{p:.2f}" for p in n.group_pauses)
        row(
            "Number",
            f"{format_digits(n.digits)} at {clock(n.start)}: {n.digits_per_second:.1f} digits/s, "
            f"groups {groups}"
            + (f" (pauses {pauses} s)" if pauses else "")
            + (f", said {n.times_said}x" if n.occurrence == 1 else ", repeat"),
        )
    if not review.phone_numbers:
        row("Number", "none heard")
    if review.tonality is not None:
        row("Tonality", tonality_summary(review.tonality))
    if review.clarity is not None:
        row("Clarity", clarity_summary(review.clarity))
    return table


def tonality_summary(ton) -> str:
    """One line: pitch, endings, level, the number's pace, energy (the findings explain each)."""
    parts = []
    if ton.pitch_range_st is not None:
        parts.append(
            f"pitch {ton.pitch_median_hz:.0f} Hz, {ton.pitch_range_st:.0f} st range"
            + (" (monotone)" if ton.monotone else "")
        )
    if ton.endings:
        parts.append(f"{ton.rising_endings}/{len(ton.endings)} endings rise")
    if ton.level_dbfs is not None:
        parts.append(f"{ton.level_dbfs:.0f} dBFS" + (", fades at the end" if ton.trailing_off else ""))
    if ton.number_pace_ratio is not None:
        parts.append(f"number {ton.number_pace_ratio:.1f}x your pace")
    if ton.energy is not None:
        parts.append(f"energy {ton.energy}/100")
    return "; ".join(parts) or "too little voiced speech to measure"


def clarity_summary(cl) -> str:
    """One line: unsure words, SNR, clipping, bandwidth."""
    unsure = cl.unsure_words
    listing = ", ".join(f"{w.text.strip(',.!?')} {clock(w.start)}" for w in unsure[:3])
    parts = [f"{len(unsure)} unsure word{'s' if len(unsure) != 1 else ''}: {listing}" if unsure else "no unsure words"]
    if cl.snr_db is not None:
        parts.append(f"SNR {cl.snr_db:.0f} dB")
    parts.append(f"clipped {cl.clipped_share:.2%}" if cl.clipped_share else "no clipping")
    if cl.telephone_band:
        parts.append("telephone bandwidth")
    return "; ".join(parts)


def render_review(review: Review, console: Console) -> None:
    fixes = [f for f in review.findings if f.check in review.top_fixes]
    fixes.sort(key=lambda f: review.top_fixes.index(f.check))
    fix_text = Text()
    for k, f in enumerate(fixes, 1):
        mark, style = STATUS_STYLE[f.status]
        fix_text.append(f"{k}. {mark} ", style=style)
        fix_text.append(
            terminal_safe(
                f.message + (f" ({clock(f.start)})" if f.start is not None and clock(f.start) not in f.message else "")
            )
        )
        fix_text.append("\n")
    if not fixes:
        fix_text.append("Nothing to fix: every check passed.\n", style="green")
    checks = Table(show_header=False, box=None, padding=(0, 1))
    for f in review.findings:
        mark, style = STATUS_STYLE[f.status]
        checks.add_row(Text(mark, style=style), f.check, plain(f.message))
    score_style = "green" if review.score >= 80 else "yellow" if review.score >= 60 else "red"
    title = Text.assemble(
        (terminal_safe(review.file), "bold"),
        "  score ",
        (f"{review.score}/100", f"bold {score_style}"),
        f"  ({review.model}, goal: {review.goal})",
    )
    console.print(
        Panel(
            Group(
                transcript_text(review),
                Text(),
                figures_table(review),
                Text(),
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
