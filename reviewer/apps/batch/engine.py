"""Running a batch: each job is planned (refused, already stored, a twin of another, found in the
history, or to review), the reviews run on an executor, each result is stored as it arrives, and
the rows come back in job order."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reviewer.apps.batch.cluster import TlsFiles, too_large
from reviewer.apps.batch.executors import execute
from reviewer.apps.batch.jobs import DEFAULT_MAX_MB, Job, Settings
from reviewer.apps.batch.results import Outcome
from reviewer.apps.batch.store import STORE_NAME, ResultStore
from reviewer.recognition.models import sha256_of
from reviewer.storage.owner_only import owner_only_folder


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


OnProgress = Callable[[Progress, Job | None, dict | None], None]


@dataclass(frozen=True)
class Plan:
    """What this run does with each job, decided before any review starts."""

    keys: dict[str, str] = dataclasses.field(default_factory=dict)  # file -> its key in the store
    todo: list[Job] = dataclasses.field(default_factory=list)  # to review now: one job per distinct audio
    twins: dict[str, list[Job]] = dataclasses.field(default_factory=dict)  # key -> later jobs with that audio
    reused: list[tuple[Job, dict]] = dataclasses.field(default_factory=list)  # found in the history, not decoded
    kept: list[tuple[Job, dict]] = dataclasses.field(default_factory=list)  # already in the store: shown again


def run_batch(
    jobs: list[Job],
    outdir: str | os.PathLike,
    settings: Settings,
    workers: int = 1,
    force: bool = False,
    executor: str = "local",
    scheduler: str | None = None,
    on_progress: OnProgress | None = None,
    reuse: Callable[[str, str], dict | None] | None = None,
    max_bytes: int | None = int(DEFAULT_MAX_MB * 1e6),
    review_fn: Callable[[str, Settings], Outcome] | None = None,
    tls: TlsFiles | None = None,
) -> list[dict]:
    """Review every job not already stored; return the rows (stored results) in job order.
    A file over `max_bytes` becomes an error row before it is read (checked again each run).

    `review_fn(file, settings)` -> (review dict, error, seconds) reviews one file in this process,
    one at a time, instead of `review_job` in the workers or on the executor (tests of the store,
    resume and dedupe logic without Whisper; a caller's own reviewer).

    `on_progress(progress, job, review)` is called after each recording reviewed in this run
    (job None at the start), with its review dict or None when it failed, for each one already
    in this folder's store (so this run's rep and date reach the history whatever the order of
    runs), and for each one `reuse(audio_sha256, settings_fingerprint)` found already reviewed
    (in the history: another folder's batch), which is then stored here without decoding.

    `tls`: the certificates of a TLS Dask cluster (else Dask's own configuration, cluster.py)."""
    out = owner_only_folder(outdir)
    store = ResultStore(out / STORE_NAME)
    progress = Progress(total=len(jobs))
    try:
        plan = _plan(jobs, store, settings, progress, force, reuse, max_bytes)
        if on_progress:
            on_progress(progress, None, None)
            for job, review in [*plan.kept, *plan.reused]:
                on_progress(progress, job, review)
        progress.started = time.monotonic()
        results = (
            execute(plan.todo, settings, workers, executor, scheduler, max_bytes, tls)
            if review_fn is None
            else ((job, review_fn(job.file, settings)) for job in plan.todo)
        )
        _store_results(results, plan, store, progress, on_progress)
        return _rows(jobs, store, plan.keys)
    finally:
        store.close()


def _plan(
    jobs: list[Job],
    store: ResultStore,
    settings: Settings,
    progress: Progress,
    force: bool,
    reuse: Callable[[str, str], dict | None] | None,
    max_bytes: int | None,
) -> Plan:
    """Each job refused (stored as an error now), already stored, a twin of a queued one, found in
    the history (stored now), or queued for review; `progress` counts the ones settled now."""
    plan = Plan()
    queued: set[str] = set()
    for job in jobs:
        fingerprint = settings.fingerprint(job.profile)
        key, refused = _key(job, fingerprint, max_bytes)
        plan.keys[job.file] = key
        if refused is not None:
            store.put(key, job, None, refused, 0.0)
            progress.failed += 1
            progress.done += 1
        elif not force and store.has(key):
            progress.skipped += 1
            progress.skipped_failed += store.failed(key)
            progress.done += 1
            if (review := (store.get(key) or {}).get("review")) is not None:
                plan.kept.append((job, dict(review, file=job.file)))  # stored under this run's rep too
        elif key in queued:  # the same audio twice in one batch: review it once
            plan.twins.setdefault(key, []).append(job)
        elif not force and reuse is not None and (found := reuse(key.split(":")[0], fingerprint)) is not None:
            store.put(key, job, dict(found, file=job.file), None, 0.0)
            progress.skipped += 1
            progress.reused += 1
            progress.done += 1
            plan.reused.append((job, dict(found, file=job.file)))
        else:
            queued.add(key)
            plan.todo.append(job)
    return plan


def _store_results(
    results: Iterable[tuple[Job, Outcome]],
    plan: Plan,
    store: ResultStore,
    progress: Progress,
    on_progress: OnProgress | None,
) -> None:
    """Each result stored as it arrives; it counts for the job and for its twins."""
    for job, (review, error, seconds) in results:
        key = plan.keys[job.file]
        store.put(key, job, review, error, seconds)
        for _ in range(1 + len(plan.twins.get(key, []))):
            progress.done += 1
            progress.finished_now += 1
            progress.reviewed += error is None
            progress.failed += error is not None
        if on_progress:
            for each in [job, *plan.twins.get(key, [])]:
                on_progress(progress, each, review)


def _rows(jobs: list[Job], store: ResultStore, keys: dict[str, str]) -> list[dict]:
    """The stored result of each job, in job order, under the job's own file, rep and date."""
    rows = []
    for job in jobs:
        stored = store.get(keys[job.file]) or {"file": job.file, "review": None, "error": "missing"}
        stored.update(file=job.file, rep=job.rep, date=job.date)
        rows.append(stored)
    return rows


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
