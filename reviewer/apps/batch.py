"""Batch review for coaches: a folder of call-block recordings in, a table and a report out.

Nothing lost, nothing redone: each result is stored (SQLite, one transaction per
recording) as soon as it finishes, keyed by the audio's SHA-256 plus model, goal, language
and thresholds, so Ctrl-C or a crash loses at most the files in flight and a re-run skips
what is done. One bad file becomes an error row; the batch goes on.

Workers load the model once each (a process pool locally, or Dask workers on a cluster);
the main process alone writes the store, so there is one writer. Dask workers get each
recording's bytes, not its path, so they need no shared disk; a file over the size cap is
refused before it is read.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reviewer.present.writers import CSV_FIELDS, row_figures, summarise, write_outputs  # noqa: F401 (the batch's tables)
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.recognition.models import sha256_of
from reviewer.rubric.thresholds import Thresholds
from reviewer.settings import ReviewSettings
from reviewer.sound.decode import AUDIO_SUFFIXES

STORE_NAME = "results.sqlite"
DEFAULT_MAX_MB = 200.0  # `--max-mb`: 10 min of 48 kHz stereo 24-bit WAV is 173 MB; a voicemail is well under 1 MB
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
class Settings(ReviewSettings):
    """Everything that changes a review's result; part of each result's key. A batch reviews with
    the full filler mode, on the CPU unless told otherwise."""

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
_worker_lock = threading.Lock()  # a Dask worker runs tasks on several threads: one model load


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
    with _worker_lock:
        if key not in _worker_reviewers:
            from reviewer.pipeline import Reviewer

            _worker_reviewers[key] = Reviewer.from_settings(settings, cpu_threads=cpu_threads)
        return _worker_reviewers[key]


def review_job(
    file: str,
    settings: Settings,
    cpu_threads: int = 0,
    data: bytes | None = None,
    profile: Profile | None = None,
) -> tuple[dict | None, str | None, float]:
    """(review dict, error, seconds) for one file, against the rep's `profile` where there is one;
    never raises for a bad recording. With `data` (the file's bytes, sent to a Dask worker) `file`
    only names the recording: it is not opened."""
    from reviewer.sound.decode import AudioError

    reviewer = _init_worker(settings, cpu_threads).with_profile(profile)
    t0 = time.perf_counter()
    try:
        review = reviewer.review_file(file, max_duration=settings.max_seconds, data=data).to_dict()
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
    max_bytes: int | None = int(DEFAULT_MAX_MB * 1e6),
    review_fn: Callable[[str, Settings], tuple[dict | None, str | None, float]] | None = None,
) -> list[dict]:
    """Review every job not already stored; return the rows (stored results) in job order.
    A file over `max_bytes` becomes an error row before it is read (checked again each run).

    `review_fn(file, settings)` -> (review dict, error, seconds) reviews one file in this process,
    one at a time, instead of `review_job` in the workers or on the executor (tests of the store,
    resume and dedupe logic without Whisper; a caller's own reviewer).

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
            key, refused = _key(job, fingerprint, max_bytes)
            keys[job.file] = key
            if refused is not None:
                store.put(key, job, None, refused, 0.0)
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
        results = (
            _execute(todo, settings, workers, executor, scheduler, max_bytes)
            if review_fn is None
            else ((job, review_fn(job.file, settings)) for job in todo)
        )
        for job, (review, error, seconds) in results:
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


def _key(job: Job, fingerprint: str, max_bytes: int | None) -> tuple[str, str | None]:
    """(store key, None), or (a key by path, the reason) for a file refused before it is read:
    one that cannot be read or is over the size cap. Those are checked again each run."""
    try:
        size = os.stat(job.file).st_size
        if max_bytes is not None and size > max_bytes:
            return f"unreadable:{job.file}", too_large(size, max_bytes)
        return f"{sha256_of(job.file)}:{fingerprint}", None
    except OSError as exc:
        return f"unreadable:{job.file}", str(exc.strerror or exc)


def too_large(size: int, max_bytes: int) -> str:
    return f"the file is too large ({size / 1e6:.1f} MB; at most {max_bytes / 1e6:g} MB)"


def read_recording(path: str, max_bytes: int | None) -> bytes:
    """A recording's bytes for a worker without the file, never more than `max_bytes` (the file
    may have grown since it was hashed); OSError or ValueError with the reason."""
    with open(path, "rb") as f:
        data = f.read(-1 if max_bytes is None else max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise ValueError(too_large(os.fstat(f.fileno()).st_size, max_bytes))
    return data


WORKER_MB = 700  # memory to keep free per worker: a review's peak RSS with base is 535-585 MB (bench/RESULTS.md)
MOST_WORKERS = 4  # by default; `--workers` may ask for more


def available_mb() -> float | None:
    """Memory the system can give without swapping (Linux's MemAvailable), or None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_workers(cores: int | None = None, free_mb: float | None = None) -> int:
    """One worker per core (at most MOST_WORKERS), as many as the free memory holds.

    A beam search keeps about one core busy, so single-thread workers use the cores better than
    half as many with two threads each. Measured on 2 cores (bench/run.py's 20 files, runs
    interleaved): 2 workers 65.5 and 78.0 s, 1 worker with 2 threads 94.2 and 104.6 s, bare
    faster-whisper one file after another 62.3 and 68.1 s; the two workers' peak was 1113 MB."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    workers = max(1, min(MOST_WORKERS, cores))
    free_mb = free_mb if free_mb is not None else available_mb()
    if free_mb is not None:
        workers = max(1, min(workers, int(free_mb // WORKER_MB)))
    return workers


def _execute(
    jobs: list[Job],
    settings: Settings,
    workers: int,
    executor: str,
    scheduler: str | None,
    max_bytes: int | None = None,
) -> Iterator[tuple[Job, tuple[dict | None, str | None, float]]]:
    if not jobs:
        return
    if executor == "dask":
        yield from _execute_dask(jobs, settings, scheduler, max_bytes)
        return
    workers = max(1, min(workers, len(jobs)))  # no process loads a model it has no file for
    threads = max(1, (os.cpu_count() or 1) // workers)
    if workers <= 1:
        for job in jobs:
            yield job, review_job(job.file, settings, threads, profile=job.profile)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = multiprocessing.get_context("spawn")  # no fork of a loaded CTranslate2 model
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings, threads)
    ) as pool:
        futures = {pool.submit(review_job, job.file, settings, threads, profile=job.profile): job for job in jobs}
        try:
            for fut in as_completed(futures):
                yield futures[fut], fut.result()
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise


def _execute_dask(jobs: list[Job], settings: Settings, scheduler: str | None, max_bytes: int | None):
    """Each recording's bytes go to the cluster (scattered to a worker, not through the task
    graph), so a worker on another machine needs no shared disk; it keeps its model loaded
    between tasks (`_init_worker`). Files are read only as workers are free for them: twice the
    cluster's threads in flight, so the batch never holds more than that many recordings."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BatchError("--executor dask needs the dask extra: pip install 'reviewer[dask]'") from None
    if not scheduler:
        raise BatchError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    with Client(scheduler) as client:
        todo = iter(jobs)
        in_flight: dict = {}  # future -> (job, the scattered bytes, released once reviewed)
        finished = as_completed()
        while True:
            window = max(2, 2 * sum(client.nthreads().values()))  # workers may join or leave
            while len(in_flight) < window and (job := next(todo, None)) is not None:
                try:
                    data = read_recording(job.file, max_bytes)
                except OSError as exc:  # gone since it was hashed: never sent
                    yield job, (None, str(exc.strerror or exc), 0.0)
                    continue
                except ValueError as exc:  # grown past the cap since it was hashed
                    yield job, (None, str(exc), 0.0)
                    continue
                blob = client.scatter(data, hash=False)
                fut = client.submit(review_job, job.file, settings, 1, blob, job.profile, pure=False)
                in_flight[fut] = (job, blob)
                finished.add(fut)
            if not in_flight:
                return
            fut = next(finished)
            job, _ = in_flight.pop(fut)
            yield job, fut.result()
