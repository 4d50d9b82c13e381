"""Batch review for coaches: a folder of call-block recordings in, a table and a report out.

What enters: folders of recordings, a manifest (CSV: each file's rep, date and profile) and the
review settings. What leaves: one row per recording (its review dict or its error), stored as it
finishes in the output folder's results store, and from those rows the CSV, JSONL and HTML report
(reviewer.present.writers).

Nothing lost, nothing redone: each result is stored (SQLite, one transaction per
recording) as soon as it finishes, keyed by the audio's SHA-256 plus model, goal, language
and thresholds, so Ctrl-C or a crash loses at most the files in flight and a re-run skips
what is done. One bad file becomes an error row; the batch goes on.

Workers load the model once each (a process pool locally, or Dask workers on a cluster);
the main process alone writes the store, so there is one writer. Dask workers get each
recording's bytes, not its path, so they need no shared disk; a file over the size cap is
refused before it is read.

The names tests patch live where the code reads them: `executors.review_job`,
`workers.available_mb`, `engine.sha256_of` (the package does not re-export them, so a patch of
the package itself fails loudly instead of patching nothing).

jobs.py: Job, Settings (and the fingerprint that keys a result); manifest.py: the jobs from the
folders and the manifest; store.py: the results store; workers.py: a worker's review and how many
workers fit; executors.py: in this process, a process pool or Dask; engine.py: run_batch.
"""

from reviewer.apps.batch.cluster import TlsFiles, read_recording, too_large
from reviewer.apps.batch.engine import Plan, Progress, run_batch
from reviewer.apps.batch.jobs import DEFAULT_MAX_MB, PIPELINE_VERSION, BatchError, Job, Settings
from reviewer.apps.batch.manifest import ManifestEntry, find_jobs, read_manifest
from reviewer.apps.batch.store import STORE_NAME, ResultStore
from reviewer.apps.batch.workers import MOST_WORKERS, WORKER_MB, default_workers
from reviewer.present.writers import CSV_FIELDS, row_figures, summarise, write_outputs

__all__ = [
    "CSV_FIELDS",
    "DEFAULT_MAX_MB",
    "MOST_WORKERS",
    "PIPELINE_VERSION",
    "STORE_NAME",
    "WORKER_MB",
    "BatchError",
    "Job",
    "ManifestEntry",
    "Plan",
    "Progress",
    "ResultStore",
    "Settings",
    "TlsFiles",
    "default_workers",
    "find_jobs",
    "read_manifest",
    "read_recording",
    "row_figures",
    "run_batch",
    "summarise",
    "too_large",
    "write_outputs",
]
