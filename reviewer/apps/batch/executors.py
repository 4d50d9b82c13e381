"""Where the reviews run: in this process, on a local process pool, or on a Dask cluster
(cluster.py); each yields (job, (review dict, error, seconds)) as recordings finish."""

from __future__ import annotations

import os
from collections.abc import Iterator

from reviewer.apps.batch.cluster import TlsFiles, execute_dask
from reviewer.apps.batch.jobs import Job, Settings
from reviewer.apps.batch.results import Outcome
from reviewer.apps.batch.workers import review_job, start_worker


def execute(
    jobs: list[Job],
    settings: Settings,
    workers: int,
    executor: str,
    scheduler: str | None,
    max_bytes: int | None = None,
    tls: TlsFiles | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    if not jobs:
        return
    if executor == "dask":
        yield from execute_dask(jobs, settings, scheduler, max_bytes, tls)
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
