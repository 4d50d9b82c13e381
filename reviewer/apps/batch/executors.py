"""Where the reviews run: in this process, on a local process pool, or on a Dask cluster; each
yields (job, (review dict, error, seconds)) as recordings finish."""

from __future__ import annotations

import os
from collections.abc import Iterator

from reviewer.apps.batch.jobs import BatchError, Job, Settings
from reviewer.apps.batch.workers import review_job, start_worker

Outcome = tuple[dict | None, str | None, float]  # review dict, error, seconds


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


def execute(
    jobs: list[Job],
    settings: Settings,
    workers: int,
    executor: str,
    scheduler: str | None,
    max_bytes: int | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    if not jobs:
        return
    if executor == "dask":
        yield from execute_dask(jobs, settings, scheduler, max_bytes)
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
        max_workers=workers, mp_context=ctx, initializer=start_worker, initargs=(settings, threads)
    ) as pool:
        futures = {pool.submit(review_job, job.file, settings, threads, profile=job.profile): job for job in jobs}
        try:
            for fut in as_completed(futures):
                yield futures[fut], fut.result()
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise


def execute_dask(
    jobs: list[Job], settings: Settings, scheduler: str | None, max_bytes: int | None
) -> Iterator[tuple[Job, Outcome]]:
    """Each recording's bytes go to the cluster (scattered to a worker, not through the task
    graph), so a worker on another machine needs no shared disk; it keeps its model loaded
    between tasks (`workers._init_worker`). Files are read only as workers are free for them: twice
    the cluster's threads in flight, so the batch never holds more than that many recordings."""
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
