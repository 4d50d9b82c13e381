"""How much CPU a review needs, against bare faster-whisper: the floor two cores put under its wall time.

Bare faster-whisper (two threads, one thread), a review and a review without the filler-prompted
pass (`fillers="fast"`) each run in a process of their own, in turn, on the typical voicemails
(samples/bench/); each process times every run in wall seconds and in the process's CPU seconds.
A machine with N cores cannot finish C CPU-seconds in under C/N wall seconds, so C/N against
bare's wall time is the least a review can cost there, however its work overlaps. Bare and the
review load as in `make bench` (bench/run.py's `bare_runner`, `review_runner`).

    .venv/bin/python bench/cpu_floor.py [--rounds 5] [FILE...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("samples/bench/callback.flac", "samples/bench/callback_phone.flac")
KINDS = ("bare2", "bare1", "review", "review_fast")
CHILD = r"""
import os, sys, time
sys.path.insert(0, "bench")
from run import bare_runner, review_runner
kind, files = sys.argv[1], sys.argv[2:]
if kind.startswith("bare"):
    run = bare_runner("base", cpu_threads=int(kind[4:]))
else:
    run = review_runner("base", fillers="fast" if kind == "review_fast" else "full")
for f in files:
    run(f)  # warm-up
print("ready", flush=True)
for line in sys.stdin:
    wall, cpu = time.perf_counter(), os.times()
    run(line.strip())
    after = os.times()
    print(f"{time.perf_counter() - wall:.4f} {after.user + after.system - cpu.user - cpu.system:.4f}", flush=True)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=list(FILES))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = {
        k: subprocess.Popen(
            [sys.executable, "-c", CHILD, k, *args.files],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for k in KINDS
    }
    for p in procs.values():
        if p.stdout.readline().strip() != "ready":
            raise SystemExit("a worker did not start")
    runs = {(k, f): [] for k in KINDS for f in args.files}
    for _ in range(args.rounds):
        for f in args.files:
            for k, p in procs.items():
                p.stdin.write(f + "\n")
                p.stdin.flush()
                runs[(k, f)].append(tuple(map(float, p.stdout.readline().split())))
    for p in procs.values():
        p.stdin.close()
        p.wait()
    cores = os.cpu_count() or 1
    print(f"{cores} cores; medians of {args.rounds}")
    for f in args.files:
        bare = statistics.median(w for w, _ in runs[("bare2", f)])
        for k in KINDS:
            wall = statistics.median(w for w, _ in runs[(k, f)])
            cpu = statistics.median(c for _, c in runs[(k, f)])
            print(
                f"{Path(f).name:22s} {k:12s} wall {wall:5.2f} s ({wall / bare:.2f}x bare)  cpu {cpu:5.2f} s  "
                f"cores busy {cpu / wall:.2f}  floor {cpu / cores:5.2f} s ({cpu / cores / bare:.2f}x bare)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
