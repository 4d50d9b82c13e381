"""What the language library (spaCy, measures/language.py) adds to a review: the whole
`reviewer review` process, loading included, against the same command at a checkout without it.

    python bench/language.py --baseline 7d4fe9c --current f7c7320   # the commit that brought spaCy in, alone
    python bench/language.py --baseline fd005da                     # all of #24 against the working tree

Each run is its own process (so its load time and peak memory are its own), the two versions
alternate, and the medians are compared. The files default to samples/good_callback.wav (a
call-back voicemail, its number said twice) and samples/real_voice_number.wav (recorded 8 kHz
prompts, a number). Peak memory is the child's maximum resident
set size (os.wait4). Prints a Markdown table and appends nothing: paste it where it belongs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = (ROOT / "samples" / "good_callback.wav", ROOT / "samples" / "real_voice_number.wav")


def run_once(tree: Path, path: Path) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one `reviewer review` of `path` with the package of `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "REVIEWER_MODELS_DIR": str(ROOT / "models")}
    cmd = [sys.executable, "-c", "from reviewer.apps.cli import main; main()", "review", "--format", "json"]
    cmd += ["--no-history", "--no-profile", str(path)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tree)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the review found things to fix
        raise SystemExit(f"{tree}: review of {path} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", required=True, help="a commit without the language library")
    ap.add_argument("--current", help="a commit with it (default: this working tree)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("files", nargs="*", type=Path, default=list(FILES))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, current = Path(tmp) / "baseline", Path(tmp) / "current"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.baseline], check=True)
        if args.current:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(current), args.current], check=True
            )
        else:
            current = ROOT
        try:
            rows = []
            for path in args.files:
                got: dict[str, list[tuple[float, float]]] = {"baseline": [], "current": []}
                for _ in range(args.repeats):
                    got["baseline"].append(run_once(base, path.resolve()))
                    got["current"].append(run_once(current, path.resolve()))
                med = {
                    k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for k, v in got.items()
                }
                (bw, bm), (cw, cm) = med["baseline"], med["current"]
                rows.append(
                    f"| {path.name} | {bw:.2f} | {cw:.2f} | {100 * (cw / bw - 1):+.1f} % | {bm:.0f} | {cm:.0f} | {cm - bm:+.0f} |"
                )
        finally:
            for tree in (base, current) if args.current else (base,):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    print(
        f"`python bench/language.py --baseline {args.baseline} --repeats {args.repeats}` (medians, one process per run)\n"
    )
    print(
        "| file | wall s, baseline | wall s, with spaCy | added | peak MiB, baseline | peak MiB, with spaCy | added MiB |"
    )
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
