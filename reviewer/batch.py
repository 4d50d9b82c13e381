"""Batch review for coaches: a folder of call-block recordings in, a table and a report out.

Nothing lost, nothing redone: each result is stored (SQLite, one transaction per
recording) as soon as it finishes, keyed by the audio's SHA-256 plus model, goal, language
and thresholds, so Ctrl-C or a crash loses at most the files in flight and a re-run skips
what is done. One bad file becomes an error row; the batch goes on.

Workers load the model once each (a process pool locally, or Dask workers on a cluster);
the main process alone writes the store, so there is one writer.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .audio import AUDIO_SUFFIXES
from .models import sha256_of
from .profile import Profile, ProfileError, make_profile
from .textsafe import csv_row
from .thresholds import Thresholds

STORE_NAME = "results.sqlite"
PIPELINE_VERSION = "1"  # bump when a change to the analyses makes stored results stale


class BatchError(Exception):
    """A batch that cannot start (bad manifest, no audio); the message names the cause."""


@dataclass(frozen=True)
class Job:
    file: str
    rep: str
    date: str = ""  # as given in the manifest (ISO date recommended)
    profile: Profile | None = None  # the manifest's name, company, number, else the rep's stored profile


@dataclass(frozen=True)
class Settings:
    """Everything that changes a review's result; part of each result's key."""

    model: str = "base"
    goal: str = "callback"
    language: str | None = "en"
    device: str = "cpu"
    thresholds: Thresholds = Thresholds()
    max_seconds: float | None = 600.0  # longer recordings are refused while decoding

    def fingerprint(self, profile: Profile | None = None) -> str:
        """These settings, and the rep's profile where one is checked against (no profile keeps old keys)."""
        data = {
            "model": self.model,
            "goal": self.goal,
            "language": self.language,
            "thresholds": dataclasses.asdict(self.thresholds),
            "pipeline": PIPELINE_VERSION,
        }
        if self.max_seconds != 600.0:  # a refusal as too long depends on it (the default keeps old keys)
            data["max_seconds"] = self.max_seconds
        if self.model not in ("base", "tiny.en"):
            data["model_path"] = str(Path(self.model).resolve())
        if profile:
            data["profile"] = profile.to_dict()
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def find_jobs(dirs: Iterable[str | os.PathLike], manifest: str | os.PathLike | None = None) -> list[Job]:
    """Audio under the folders (recursively); the rep from the manifest, else the parent folder."""
    files: list[Path] = []
    for d in dirs:
        root = Path(d)
        if root.is_file():
            files.append(root)
            continue
        if not root.is_dir():
            raise BatchError(f"{d}: no such folder")
        files.extend(sorted(f for f in root.rglob("*") if f.is_file() and f.suffix.lower() in AUDIO_SUFFIXES))
    by_path, by_name = read_manifest(manifest) if manifest else ({}, {})
    names = Counter(f.name for f in files)
    jobs = []
    for f in files:
        # The folder's rep, unless the manifest names this exact file: by its path, or by a bare
        # name (written without a folder) that no other file in the batch shares.
        entry = by_path.get(str(f.resolve())) or (by_name.get(f.name) if names[f.name] == 1 else None)
        rep, date, profile = entry if entry else (f.parent.name, "", None)
        jobs.append(Job(str(f), rep, date, profile))
    return jobs


ManifestEntry = tuple[str, str, Profile | None]  # rep, date, profile


def read_manifest(path: str | os.PathLike) -> tuple[dict[str, ManifestEntry], dict[str, ManifestEntry]]:
    """CSV with columns file,rep[,date][,name,company,number,region]; file relative to the
    manifest's folder or a bare name. Returns (rep, date, profile) by resolved path, and by name for
    the entries written as bare names; a row with a name, company or number has a profile."""
    p = Path(path)
    try:
        with open(p, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise BatchError(f"{path}: no such manifest file") from None
    except UnicodeDecodeError as exc:
        raise BatchError(f"{path}: the manifest is not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV") from None
    except (OSError, csv.Error) as exc:
        raise BatchError(f"{path}: cannot read the manifest ({exc})") from None
    if not rows or not {"file", "rep"} <= set(rows[0]):
        raise BatchError(f"{path}: a manifest needs a header with at least the columns file,rep[,date]")
    by_path: dict[str, ManifestEntry] = {}
    by_name: dict[str, ManifestEntry] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        rep = (row.get("rep") or "").strip() or "unknown"
        value = (rep, (row.get("date") or "").strip(), _manifest_profile(row, path, line))
        if Path(name).name == name:
            by_name[name] = value
        by_path[str((p.parent / name).resolve())] = value
    return by_path, by_name


def _manifest_profile(row: dict, path: str | os.PathLike, line: int) -> Profile | None:
    """The profile columns of one manifest row (name, company, number, region), checked."""
    cells = {k: (row.get(k) or "").strip() for k in ("name", "company", "number", "region")}
    if not (cells["name"] or cells["company"] or cells["number"]):
        return None
    try:
        return make_profile(cells["name"], cells["company"], cells["number"], cells["region"] or None) or None
    except ProfileError as exc:
        raise BatchError(f"{path}: line {line}: {str(exc).removeprefix('--')}") from None


class ResultStore:
    """One SQLite file in the output folder; each result is committed as it arrives."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS results (
            key TEXT PRIMARY KEY, file TEXT NOT NULL, rep TEXT, date TEXT, review TEXT, error TEXT,
            seconds REAL, finished_at REAL)""")
        self.db.commit()

    def has(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, job: Job, review: dict | None, error: str | None, seconds: float) -> None:
        with self.db:  # one transaction: a crash never leaves half a row
            self.db.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, job.file, job.rep, job.date, json.dumps(review) if review else None, error, seconds, time.time()),
            )

    def failed(self, key: str) -> bool:
        row = self.db.execute("SELECT error FROM results WHERE key = ?", (key,)).fetchone()
        return bool(row and row[0])

    def get(self, key: str) -> dict | None:
        row = self.db.execute("SELECT file, rep, date, review, error FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return {
            "file": row[0],
            "rep": row[1],
            "date": row[2],
            "review": json.loads(row[3]) if row[3] else None,
            "error": row[4],
        }

    def close(self) -> None:
        self.db.close()


# ---- the work itself, run in worker processes ------------------------------------------

_worker_reviewers: dict = {}


def _die_with_parent() -> None:
    """A worker exits when the batch that started it dies (SIGKILL, SIGTERM, a crash): it holds a
    loaded model (~400 MB) and has nobody left to answer. Linux: the kernel's parent-death signal;
    elsewhere a watchdog thread polls for the parent."""
    import multiprocessing
    import signal
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except Exception:  # no prctl (macOS, Windows): the watchdog below does it
        pass
    if os.getppid() != parent.pid:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent.pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _start_worker(settings: Settings, cpu_threads: int) -> None:
    """A pool worker's initializer: tie its life to the parent's, then load the model."""
    _die_with_parent()
    _init_worker(settings, cpu_threads)


def _init_worker(settings: Settings, cpu_threads: int):
    """Load the model once per worker process (and per settings, in a long-lived one)."""
    key = (settings, cpu_threads)
    if key not in _worker_reviewers:
        from .review import Reviewer

        _worker_reviewers[key] = Reviewer(
            model=settings.model,
            device=settings.device,
            thresholds=settings.thresholds,
            goal=settings.goal,
            language=settings.language,
            cpu_threads=cpu_threads,
        )
    return _worker_reviewers[key]


def review_job(
    file: str, settings: Settings, cpu_threads: int = 0, profile: Profile | None = None
) -> tuple[dict | None, str | None, float]:
    """(review dict, error, seconds) for one file, against the rep's `profile` where there is one;
    never raises for a bad recording."""
    from .audio import AudioError

    reviewer = _init_worker(settings, cpu_threads).with_profile(profile)
    t0 = time.perf_counter()
    try:
        review = reviewer.review_file(file, max_duration=settings.max_seconds).to_dict()
        return review, None, time.perf_counter() - t0
    except AudioError as exc:
        return None, str(exc), time.perf_counter() - t0
    except Exception as exc:  # one bad file never stops the batch
        return None, f"could not be reviewed ({type(exc).__name__}: {exc})", time.perf_counter() - t0


# ---- running a batch --------------------------------------------------------------------


@dataclass
class Progress:
    total: int
    skipped: int = 0  # already in the store (or in the history), from an earlier run
    skipped_failed: int = 0  # of those, the ones that had failed then (not counted again in `failed`)
    reused: int = 0  # of those, the ones found in the history (reviewed in another batch or folder)
    reviewed: int = 0  # reviewed in this run, successfully
    done: int = 0  # skipped + reviewed + failed
    failed: int = 0  # failed in this run
    started: float = dataclasses.field(default_factory=time.monotonic)  # when this run's first review began
    finished_now: int = 0  # recordings decoded in this run (reviewed or failed), for the time left

    def seconds_left(self) -> float | None:
        """Time left from this run's own pace; None until one recording of this run is finished."""
        if self.done >= self.total:
            return 0.0
        if not self.finished_now:
            return None
        return (time.monotonic() - self.started) / self.finished_now * (self.total - self.done)


def run_batch(
    jobs: list[Job],
    outdir: str | os.PathLike,
    settings: Settings,
    workers: int = 1,
    force: bool = False,
    executor: str = "local",
    scheduler: str | None = None,
    on_progress: Callable[[Progress, Job | None, dict | None], None] | None = None,
    reuse: Callable[[str, str], dict | None] | None = None,
) -> list[dict]:
    """Review every job not already stored; return the rows (stored results) in job order.

    `on_progress(progress, job, review)` is called after each recording reviewed in this run
    (job None at the start), with its review dict or None when it failed, and after each one
    `reuse(audio_sha256, settings_fingerprint)` found already reviewed (in the history: another
    folder's batch), which is then stored here without decoding."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    store = ResultStore(out / STORE_NAME)
    keys: dict[str, str] = {}
    todo: list[Job] = []
    queued: set[str] = set()
    twins: dict[str, list[Job]] = {}
    reused: list[tuple[Job, dict]] = []
    progress = Progress(total=len(jobs))
    try:
        for job in jobs:
            fingerprint = settings.fingerprint(job.profile)
            key = _key(job, fingerprint)
            keys[job.file] = key
            if key.startswith("unreadable:"):
                store.put(key, job, None, key.split(":", 2)[2], 0.0)
                progress.failed += 1
                progress.done += 1
            elif not force and store.has(key):
                progress.skipped += 1
                progress.skipped_failed += store.failed(key)
                progress.done += 1
            elif key in queued:  # the same audio twice in one batch: review it once
                twins.setdefault(key, []).append(job)
            elif not force and reuse is not None and (found := reuse(key.split(":")[0], fingerprint)) is not None:
                store.put(key, job, dict(found, file=job.file), None, 0.0)
                progress.skipped += 1
                progress.reused += 1
                progress.done += 1
                reused.append((job, dict(found, file=job.file)))
            else:
                queued.add(key)
                todo.append(job)
        if on_progress:
            on_progress(progress, None, None)
            for job, review in reused:
                on_progress(progress, job, review)
        progress.started = time.monotonic()
        for job, (review, error, seconds) in _execute(todo, settings, workers, executor, scheduler):
            store.put(keys[job.file], job, review, error, seconds)
            for _ in range(1 + len(twins.get(keys[job.file], []))):
                progress.done += 1
                progress.finished_now += 1
                progress.reviewed += error is None
                progress.failed += error is not None
            if on_progress:
                for each in [job, *twins.get(keys[job.file], [])]:
                    on_progress(progress, each, review)
        rows = []
        for job in jobs:
            stored = store.get(keys[job.file]) or {"file": job.file, "review": None, "error": "missing"}
            stored.update(file=job.file, rep=job.rep, date=job.date)
            rows.append(stored)
        return rows
    finally:
        store.close()


def _key(job: Job, fingerprint: str) -> str:
    try:
        return f"{sha256_of(job.file)}:{fingerprint}"
    except OSError as exc:
        return f"unreadable:{job.file}:{exc.strerror or exc}"


def _execute(
    jobs: list[Job], settings: Settings, workers: int, executor: str, scheduler: str | None
) -> Iterator[tuple[Job, tuple[dict | None, str | None, float]]]:
    if not jobs:
        return
    if executor == "dask":
        yield from _execute_dask(jobs, settings, scheduler)
        return
    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    if workers <= 1:
        for job in jobs:
            yield job, review_job(job.file, settings, threads, job.profile)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = multiprocessing.get_context("spawn")  # no fork of a loaded CTranslate2 model
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings, threads)
    ) as pool:
        futures = {pool.submit(review_job, job.file, settings, threads, job.profile): job for job in jobs}
        try:
            for fut in as_completed(futures):
                yield futures[fut], fut.result()
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise


def _execute_dask(jobs: list[Job], settings: Settings, scheduler: str | None):
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BatchError("--executor dask needs the dask extra: pip install 'reviewer[dask]'") from None
    if not scheduler:
        raise BatchError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    with Client(scheduler) as client:
        futures = {client.submit(review_job, job.file, settings, 1, job.profile, pure=False): job for job in jobs}
        for fut in as_completed(futures):
            yield futures[fut], fut.result()


# ---- tables ----------------------------------------------------------------------------

CSV_FIELDS = [
    "file",
    "rep",
    "date",
    "score",
    "duration_s",
    "word_count",
    "words_per_minute",
    "filler_count",
    "fillers_per_minute",
    "phone_number",
    "number_digits_per_second",
    "number_times_said",
    "failed_checks",
    "error",
]


def row_figures(row: dict) -> dict:
    """The key figures of one stored result, flat, for the CSV and the report."""
    r = row.get("review")
    base = {"file": row["file"], "rep": row["rep"], "date": row.get("date") or ""}
    if not r:
        return {**base, **{k: "" for k in CSV_FIELDS[3:-1]}, "error": row.get("error") or "unknown error"}
    numbers = r.get("phone_numbers") or []
    fastest = max((n["digits_per_second"] for n in numbers), default=None)
    return {
        **base,
        "score": r["score"],
        "duration_s": r["duration_s"],
        "word_count": r["word_count"],
        "words_per_minute": r["words_per_minute"],
        "filler_count": r["filler_count"],
        "fillers_per_minute": r["fillers_per_minute"],
        "phone_number": numbers[0]["digits"] if numbers else "",
        "number_digits_per_second": round(fastest, 2) if fastest is not None else "",
        "number_times_said": max((n["times_said"] for n in numbers), default=0),
        "failed_checks": " ".join(f["check"] for f in r["findings"] if f["status"] == "fail"),
        "error": "",
    }


def summarise(rows: list[dict]) -> list[dict]:
    """Per rep, then the team: averages over reviewed recordings and the most common failed check."""
    flat = [row_figures(r) for r in rows]
    groups: dict[str, list[dict]] = {}
    for f in flat:
        groups.setdefault(f["rep"], []).append(f)
    out = [_summary(rep, items) for rep, items in sorted(groups.items())]
    out.append(_summary("(team)", flat))
    return out


def _summary(rep: str, items: list[dict]) -> dict:
    ok = [i for i in items if not i["error"]]

    def mean(key: str) -> float | None:
        values = [float(i[key]) for i in ok if i[key] != ""]
        return round(sum(values) / len(values), 2) if values else None

    failed = Counter(c for i in ok for c in i["failed_checks"].split())
    common = failed.most_common(1)
    return {
        "rep": rep,
        "recordings": len(items),
        "reviewed": len(ok),
        "errors": len(items) - len(ok),
        "average_score": mean("score"),
        "fillers_per_minute": mean("fillers_per_minute"),
        "words_per_minute": mean("words_per_minute"),
        "number_digits_per_second": mean("number_digits_per_second"),
        "most_common_failed_check": common[0][0] if common else "",
        "most_common_failed_count": common[0][1] if common else 0,
    }


def write_outputs(rows: list[dict], outdir: str | os.PathLike) -> dict[str, Path]:
    out = Path(outdir)
    paths = {"csv": out / "results.csv", "jsonl": out / "results.jsonl", "html": out / "report.html"}
    with open(paths["csv"], "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row_figures(row)))
    with open(paths["jsonl"], "w", encoding="utf-8") as f:
        for row in rows:
            obj = dict(row["review"]) if row.get("review") else {"file": row["file"], "error": row.get("error")}
            obj["file"] = row["file"]
            obj["rep"], obj["date"] = row["rep"], row.get("date") or ""
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    from .report import render_report

    paths["html"].write_text(render_report(rows, summarise(rows), out), encoding="utf-8")
    return paths
