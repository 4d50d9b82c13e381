"""`reviewer history` (and `history delete`), `note` and `best`: the stored attempts listed,
removed, annotated by a coach and marked as best takes."""

from __future__ import annotations

import json
import sys

import click

from reviewer.apps.cli.common import figure, reading_history, table_console
from reviewer.apps.cli.errors import EXIT_FAILED, fail
from reviewer.apps.cli.options import DB, output_format
from reviewer.apps.cli.outputs import standard_output
from reviewer.present.textsafe import csv_row, plain, terminal_safe

FILE_MAX = 24  # widest file or script name shown in `history` (longer ones end in "…")
FILE_MIN = 3  # the file column shrinks (cut in the middle), never goes: it identifies a take


@click.group(invoke_without_command=True)
@click.option("--rep", help="Only this rep's attempts.")
@click.option("--script", "script_name", help="Only attempts at this script (its file name without suffix).")
@DB
@output_format("text", "json", "csv")
@click.pass_context
def history(ctx, rep, script_name, db_path, fmt) -> None:
    """The stored attempts: date, score and key figures (`history delete` removes some)."""
    if ctx.invoked_subcommand is not None:
        return
    from reviewer.storage.attempts import attempts_to_rows
    from reviewer.storage.history import take_name
    from reviewer.storage.progress import as_judged

    with reading_history(db_path) as db:
        attempts = db.attempts(rep, script_name)
        names = [take_name(db, a) for a in attempts]
        # the table shows the figures the checks judged (words for the limit, pace outside the
        # number, speech length), as the review and `progress` do; JSON and CSV keep the stored row
        judged = [as_judged(a, db.review_json(a.id) or {}) for a in attempts] if fmt == "text" else attempts
    rows = attempts_to_rows(attempts)
    with standard_output():
        if fmt == "json":
            click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        elif fmt == "csv":
            import csv

            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(csv_row(r) for r in rows)
        else:
            console = table_console()
            console.print(history_table(judged, names, rep, console.width))
            for line in coach_lines(attempts, console.width):
                click.echo(line)


def coach_lines(attempts, width: int) -> list[str]:
    """The coach's marks under the table, each by the attempt's # (the id the page, notes and
    best takes use), so a note is read against the take it was written on; wrapped to `width`."""
    import textwrap

    out = []
    for a in attempts:
        if a.best or a.note:
            best = "★ best take" if a.best else ""
            text = "".join(c if c.isprintable() else " " for c in a.note or "")  # no terminal escapes
            note = f'note: "{" ".join(text.split())}"' if a.note else ""
            out += textwrap.wrap(
                f"#{a.id} " + " · ".join(x for x in (best, note) if x), width, subsequent_indent="    "
            )
    return out


def history_table(attempts, names: list[str], rep: str | None, width: int):
    """The attempts as a table that fits `width` columns without breaking a word: the least
    needed columns are left out until it fits; failed checks wrap between check names."""
    from rich.table import Table

    cols = _columns(attempts, names)
    checks = [plain(a.failed_checks) for a in attempts]
    checks_min = max([len("checks")] + [len(w) for a in attempts for w in (a.failed_checks or "").split()])

    def natural(col) -> int:
        return max([len(col[0])] + [len(c) for c in col[1]])

    def total(chosen) -> int:  # each column: its text and 3 for the border and padding, plus the last border
        return (
            sum(min(natural(c), FILE_MAX if c[0] in ("file", "script") else 10**6) + 3 for c in chosen)
            + (max(checks_min, 30) + 3)
            + 1
        )

    chosen = list(cols)
    for drop in sorted(cols, key=lambda c: -c[2]):
        if total(chosen) <= width or drop[2] == 0:
            break
        chosen.remove(drop)
    # the file column takes what the others leave, failed checks kept as wide as their longest name
    rest = [c for c in chosen if c[0] != "file"]
    left = width - (sum(min(natural(c), FILE_MAX if c[0] == "script" else 10**6) + 3 for c in rest) + checks_min + 4)
    file_width = max(FILE_MIN, min(FILE_MAX, left - 3))
    chosen = [
        (h, [plain(_middle(n.plain, file_width)) for n in cells], p, r) if h == "file" else (h, cells, p, r)
        for h, cells, p, r in chosen
    ]
    table = Table(title=plain(f"Attempts{' of ' + rep if rep else ''}"), title_justify="left")
    for header, _, _, right in chosen:
        long_text = header in ("file", "script")
        table.add_column(
            header,
            justify="right" if right else "left",
            no_wrap=True,
            overflow="ellipsis" if long_text else "crop",
            max_width=(file_width if header == "file" else FILE_MAX) if long_text else None,
            min_width=None if long_text else len(header),
        )
    table.add_column("failed checks", overflow="ellipsis", min_width=checks_min, ratio=1)
    for k in range(len(attempts)):
        table.add_row(*[c[1][k] for c in chosen], checks[k])
    return table


def _middle(name: str, width: int) -> str:
    """A name cut in the middle to `width`, its extension dropped first: takes differ at the end
    of their names ("take_one.wav", "take_two.wav"), which is kept."""
    if len(name) <= width:
        return name
    stem, dot, ext = name.rpartition(".")
    if dot and stem and len(ext) <= 4:
        name = stem
        if len(name) <= width:
            return name
    tail = (width - 1) // 2 + 1
    return name[: width - 1 - tail] + "…" + name[-tail:]


def _columns(attempts, names: list[str]) -> list[tuple[str, list[str], int, bool]]:
    """(header, cells, priority: lower is kept longer, right-aligned) for each column that has something to show."""
    from reviewer.storage.attempts import local_time

    times = [local_time(a.reviewed_at) for a in attempts]
    offsets = {o for _, o in times}
    one_offset = len(offsets) == 1
    when_head = f"when (UTC{next(iter(offsets))})" if one_offset else "when"
    show_rep = len({a.rep for a in attempts}) > 1
    show_script = any(a.script for a in attempts)
    cols = [
        ("#", [str(a.id) for a in attempts], 0, True),
        (when_head, [t if one_offset else f"{t} {o}" for t, o in times], 0, False),
        ("score", [figure(a.score, 0) for a in attempts], 0, True),
        ("file", [plain(n) for n in names], 0, False),  # identifies the take: never left out
        ("rep", [plain(a.rep) for a in attempts], 0, False) if show_rep else None,  # with the file, tells takes apart
        ("script", [plain(a.script or "") for a in attempts], 3, False) if show_script else None,
        ("sec", [figure(a.duration_s) for a in attempts], 7, True),
        ("words", [figure(a.word_count, 0) for a in attempts], 4, True),  # the 35-word rule: kept as long as the pace
        ("wpm", [figure(a.words_per_minute, 0) for a in attempts], 4, True),
        ("fillers", [figure(a.filler_count, 0) for a in attempts], 5, True),
        ("digits/s", [figure(a.number_digits_per_second) for a in attempts], 6, True),
    ]
    return [c for c in cols if c is not None]


@history.command("delete")
@click.option("--rep", "rep_name", help="Delete everything about this rep: attempts, notes, profile, their scripts.")
@click.option("--attempt", "attempt_id", type=click.IntRange(min=1), help="Delete this attempt (its # in `history`).")
@DB
@click.pass_context
def history_delete(ctx, rep_name, attempt_id, db_path) -> None:
    """Delete an attempt, or everything about a rep (attempts and notes, profile, the scripts only
    they practised), with the recordings the practice page stored for them and any it stored
    without a row (a rep's own audio files are never touched)."""
    from reviewer.storage.history import erase

    db_path = db_path or ctx.parent.params.get("db_path")
    if (rep_name is None) == (attempt_id is None):
        fail("history delete needs one of --rep NAME or --attempt ID")
    with reading_history(db_path) as db:
        done = erase(db, rep=rep_name, attempt_id=attempt_id)
    what = f"attempt {attempt_id}" if attempt_id is not None else f"the attempts of {rep_name}"
    if not (done.attempts or done.profile or done.scripts or done.orphans):
        fail(f"nothing to delete: no {what} in {db.path}", EXIT_FAILED)
    also = ["their profile"] if done.profile else []
    if done.scripts:
        also.append(f"{len(done.scripts)} script(s) only they practised ({', '.join(done.scripts)})")
    if done.orphans:
        also.append(f"{done.orphans} stored recording(s) no attempt referred to")
    click.echo(
        terminal_safe(
            f"Deleted {done.attempts} attempt(s) ({what}) and {done.recordings} stored recording(s)"
            + (f"; also {', '.join(also)}." if also else ".")
        )
    )
    if not done.settled:
        click.echo(
            "Another connection is still reading an older view of the history: the deleted rows leave"
            " the file when it is done."
        )


@click.command()
@click.argument("attempt_id", metavar="ATTEMPT", type=click.IntRange(min=1))
@click.argument("text")
@click.option("--replace", is_flag=True, help="Replace or remove a note already on the attempt.")
@DB
def note(attempt_id, text, replace, db_path) -> None:
    """A coach's note on an attempt (its # in `history`); "" removes it. A note already there is
    replaced only with --replace, so no note is lost unseen (as on the page)."""
    if len(text) > 2000:
        fail("a note is at most 2000 characters")
    with reading_history(db_path) as db:
        done, kept = db.put_note(attempt_id, text.strip(), replace=replace)
    if not done:
        fail(f"no attempt {attempt_id} in the history", EXIT_FAILED)
    if kept is not None:
        fail(
            terminal_safe(f'attempt {attempt_id} already has a note: "{kept}"; add --replace to replace it'),
            EXIT_FAILED,
        )
    click.echo(f"Noted on attempt {attempt_id}." if text.strip() else f"Removed the note on attempt {attempt_id}.")


@click.command()
@click.argument("attempt_id", metavar="ATTEMPT", type=click.IntRange(min=1))
@click.option("--unmark", is_flag=True, help="No longer a best take.")
@DB
def best(attempt_id, unmark, db_path) -> None:
    """Mark an attempt as a best take: one for the team's library of model voicemails."""
    with reading_history(db_path) as db:
        done = db.set_best(attempt_id, not unmark)
    if not done:
        fail(f"no attempt {attempt_id} in the history", EXIT_FAILED)
    click.echo(f"Attempt {attempt_id} is {'no longer ' if unmark else ''}a best take.")
