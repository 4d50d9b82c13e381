"""The work itself, run in worker processes (a local pool, or Dask workers): each loads the model
once and reviews one recording per task; how many workers the machine holds."""

from __future__ import annotations

import os
import threading
import time

from reviewer.apps.batch.jobs import Settings
from reviewer.apps.batch.results import Outcome, outcome_text
from reviewer.profile import Profile

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


def start_worker(settings: Settings, cpu_threads: int) -> None:
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
            _worker_reviewers[key].transcriber.load_encoder()  # a worker reviews many files
        return _worker_reviewers[key]


def review_job(
    file: str,
    settings: Settings,
    cpu_threads: int = 0,
    data: bytes | None = None,
    profile: Profile | None = None,
) -> Outcome:
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


def remote_review(file: str, settings: Settings, data: bytes, profile: Profile | None = None) -> str:
    """A Dask task: the review of the bytes sent, as JSON text (results.py), the only thing a
    worker sends back: the batch parses it and checks it is a review, and unpickles nothing."""
    return outcome_text(review_job(file, settings, 1, data, profile))


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
