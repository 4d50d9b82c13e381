"""A batch's results on the way out: one record per recording, one writer per format.

A `Record` is a stored result (file, rep, date, the review's JSON or the error) with the review's
`Summary` (summary.py), computed once; the writers (CSV, JSONL, the HTML report) and the per-rep
summary all read the records, as openai/whisper's `ResultWriter`s read one result.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.present.textsafe import csv_row
from reviewer.record.reps import rep_figures
from reviewer.record.summary import FIGURE_KEYS, Summary, summary_of
from reviewer.storage.owner_only import owner_only_text

CSV_FIELDS = ["file", "rep", "date", *FIGURE_KEYS, "error"]


@dataclass(frozen=True)
class Record:
    file: str
    rep: str
    date: str
    review: dict | None  # the review's JSON (schema 1); None when it could not be reviewed
    error: str | None
    summary: Summary | None  # of `review`

    def figures(self) -> dict:
        """The flat row (CSV_FIELDS): None where there is no figure (an error, no number said)."""
        base = {"file": self.file, "rep": self.rep, "date": self.date}
        if self.summary is None:
            return {**base, **dict.fromkeys(FIGURE_KEYS), "error": self.error or "unknown error"}
        return {**base, **self.summary.figures_row(), "error": None}


def record_of(row: dict) -> Record:
    """A stored result (as `batch.run_batch` returns it) as a record."""
    review = row.get("review") or None
    return Record(
        file=row["file"],
        rep=row["rep"],
        date=row.get("date") or "",
        review=review,
        error=None if review else row.get("error") or "unknown error",
        summary=summary_of(review) if review else None,
    )


def records_of(rows: Iterable[dict | Record]) -> list[Record]:
    return [r if isinstance(r, Record) else record_of(r) for r in rows]


def row_figures(row: dict | Record) -> dict:
    """The key figures of one stored result, flat (CSV_FIELDS)."""
    return (row if isinstance(row, Record) else record_of(row)).figures()


def summarise(rows: Sequence[dict | Record]) -> list[dict]:
    """Per rep, then the team: averages over reviewed recordings (record/reps.py), the band of the
    average score and the most common failed check."""
    flat = [r.figures() for r in records_of(rows)]
    groups: dict[str, list[dict]] = {}
    for f in flat:
        groups.setdefault(f["rep"], []).append(f)
    out = [_summary(rep, items) for rep, items in sorted(groups.items())]
    out.append(_summary("(team)", flat))
    return out


def _summary(rep: str, items: list[dict]) -> dict:
    ok = [i for i in items if not i["error"]]
    figures = rep_figures(ok, failed=(i["failed_checks"].split() for i in ok))
    common = figures.failed[:1]
    return {
        "rep": rep,
        "recordings": len(items),
        "reviewed": len(ok),
        "errors": len(items) - len(ok),
        "average_score": figures.score,
        "fillers_per_minute": figures.fillers_per_minute,
        "words_per_minute": figures.words_per_minute,
        "number_digits_per_second": figures.number_digits_per_second,
        "most_common_failed_check": common[0][0] if common else "",
        "most_common_failed_count": common[0][1] if common else 0,
        "band": figures.band,  # of the average score
    }


# ---- writers ----------------------------------------------------------------------------


class ResultWriter:
    """Writes the records to `<outdir>/<name>`."""

    name = ""

    def __call__(self, records: list[Record], outdir: str | os.PathLike) -> Path:
        """Owner-only (0600), whatever the umask: the reports hold every rep's transcripts."""
        path = Path(outdir) / self.name
        with owner_only_text(path) as f:
            self.write(records, f, Path(outdir))
        return path

    def write(self, records: list[Record], file, outdir: Path) -> None:
        raise NotImplementedError


class CsvWriter(ResultWriter):
    """One row per recording (CSV_FIELDS); text a spreadsheet would run gets a leading '."""

    name = "results.csv"

    def write(self, records: list[Record], file, outdir: Path) -> None:
        writer = csv.DictWriter(file, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in records:
            writer.writerow(csv_row(r.figures()))


class JsonlWriter(ResultWriter):
    """The full review objects (schema 1, plus `rep` and `date`), or {file, error, rep, date}."""

    name = "results.jsonl"

    def write(self, records: list[Record], file, outdir: Path) -> None:
        for r in records:
            obj = dict(r.review) if r.review else {"file": r.file, "error": r.error}
            obj["file"], obj["rep"], obj["date"] = r.file, r.rep, r.date
            file.write(json.dumps(obj, ensure_ascii=False) + "\n")


class HtmlWriter(ResultWriter):
    """The self-contained report (report.py)."""

    name = "report.html"

    def write(self, records: list[Record], file, outdir: Path) -> None:
        from reviewer.present.report import render_report  # jinja only where a report is written, not in the workers

        file.write(render_report(records, summarise(records), outdir))


WRITERS: dict[str, type[ResultWriter]] = {"csv": CsvWriter, "jsonl": JsonlWriter, "html": HtmlWriter}


def get_writer(output_format: str) -> ResultWriter:
    return WRITERS[output_format]()


def write_outputs(rows: Sequence[dict | Record], outdir: str | os.PathLike) -> dict[str, Path]:
    """results.csv, results.jsonl and report.html in `outdir`: {format: path}."""
    records = records_of(rows)
    return {fmt: get_writer(fmt)(records, outdir) for fmt in WRITERS}
