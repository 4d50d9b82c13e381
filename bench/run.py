"""`make bench`: how long a review takes, against bare faster-whisper on the same file.

Each configuration runs in its own process (so its peak memory is its own): the model is
loaded once, then the same 30 s voicemail is processed REPEATS times; we report the median.
The baseline, bare faster-whisper transcription with the same decoding options, runs in the
same `make bench` on the same file, so the ratio holds on any machine.
Writes bench/RESULTS.md and prints the table.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
SOURCE = ROOT / "samples" / "too_long.wav"  # cut to 30 s: a long voicemail
CLIP_S = 30.0


def make_clip(dst: Path) -> Path:
    import soundfile as sf

    data, rate = sf.read(str(SOURCE), dtype="float32")
    sf.write(str(dst), data[: int(CLIP_S * rate)], rate, subtype="PCM_16")
    return dst


def one(model: str, mode: str, path: str) -> None:
    """Runs inside the child process: load once, then time one run per line read on stdin and
    answer each with its seconds; at end of input, print the summary (JSON)."""
    import resource

    t0 = time.perf_counter()
    if mode == "bare":
        from faster_whisper import WhisperModel

        from reviewer.recognition.models import resolve_model

        spec = resolve_model(model)
        m = WhisperModel(str(spec.path), device="cpu", compute_type="int8")

        def run() -> None:
            segments, _ = m.transcribe(
                path,
                language="en",
                beam_size=5,
                word_timestamps=True,
                vad_filter=True,
                condition_on_previous_text=False,
            )
            list(segments)
    else:
        from reviewer.pipeline import Reviewer

        reviewer = Reviewer(model=model, device="cpu")

        def run() -> None:
            reviewer.review_file(path)

    load_s = time.perf_counter() - t0
    run()  # warm-up: first-call allocations and lazy imports are not the steady cost
    print("ready", flush=True)
    times = []
    for _ in sys.stdin:
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
        print(f"{times[-1]:.4f}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "model": model,
                "mode": mode,
                "load_s": load_s,
                "median_s": statistics.median(times),
                "times": times,
                "peak_rss_mb": peak_mb,
            }
        ),
        flush=True,
    )


def interleaved(model: str, clip: Path) -> list[dict]:
    """Bare and review in two processes (each loads its model once), run in turn REPEATS times:
    bare, review, bare, review... so that a slow spell of the machine falls on both."""
    procs = {
        mode: subprocess.Popen(
            [sys.executable, __file__, "--one", model, mode, str(clip)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for mode in ("bare", "review")
    }
    for p in procs.values():
        assert p.stdout.readline().strip() == "ready"
    for _ in range(REPEATS):
        for p in procs.values():
            p.stdin.write("go\n")
            p.stdin.flush()
            p.stdout.readline()
    rows = []
    for p in procs.values():
        out, _ = p.communicate()
        rows.append(json.loads(out.strip().splitlines()[-1]))
    return rows


BATCH_FILES = int(os.environ.get("BENCH_BATCH_FILES", "20"))


def make_call_block(root: Path) -> float:
    """BATCH_FILES distinct takes (samples at different gains, so each has its own SHA-256);
    returns their total audio seconds."""
    import numpy as np
    import soundfile as sf

    samples = sorted((ROOT / "samples").glob("*.wav"))
    total = 0.0
    for i in range(BATCH_FILES):
        data, rate = sf.read(str(samples[i % len(samples)]), dtype="float32")
        gain = 1.0 - 0.02 * (i // len(samples) + 1)
        out = root / f"rep{i % 3}" / f"take{i:02d}.wav"
        out.parent.mkdir(parents=True, exist_ok=True)
        sf.write(str(out), np.clip(data * gain, -1, 1), rate, subtype="PCM_16")
        total += len(data) / rate
    return total


def timed_run(label, argv: list[str], audio_s: float, **popen) -> dict:
    """Wall time of a fresh process from start to exit, and the peak RSS of its process tree
    (sampled every 0.2 s)."""
    import psutil

    t0 = time.perf_counter()
    proc = psutil.Popen(argv, **popen)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    return {
        "workers": label,
        "wall_s": wall,
        "audio_s": audio_s,
        "throughput": audio_s / wall,
        "peak_tree_mb": peak / 2**20,
        "exit": proc.returncode,
    }


def bare_sequential(folder: Path, audio_s: float, model: str = "base") -> dict:
    """The baseline for a batch: bare faster-whisper transcribing the same files one after
    another in one fresh process (model load included, as in `reviewer batch`)."""
    code = (
        "import sys; from pathlib import Path; from faster_whisper import WhisperModel; "
        "from reviewer.recognition.models import resolve_model; "
        f"m = WhisperModel(str(resolve_model({model!r}).path), device='cpu', compute_type='int8'); "
        "[list(m.transcribe(str(f), language='en', beam_size=5, word_timestamps=True, vad_filter=True, "
        "condition_on_previous_text=False)[0]) for f in sorted(Path(sys.argv[1]).rglob('*.wav'))]"
    )
    return timed_run("bare", [sys.executable, "-c", code, str(folder)], audio_s, cwd=str(ROOT))


def batch_throughput(folder: Path, audio_s: float, workers: int, model: str = "base") -> dict:
    """Wall time of `reviewer batch` in a fresh process, and the peak RSS of its process tree."""
    out = folder.parent / f"out-{workers}"
    exe = Path(sys.executable).parent / "reviewer"
    argv = [str(exe), "batch", str(folder), "-o", str(out), "--workers", str(workers), "--model", model, "--no-history"]
    return timed_run(workers, argv, audio_s, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import ctranslate2
    import faster_whisper

    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"faster-whisper {faster_whisper.__version__}, ctranslate2 {ctranslate2.__version__}, int8 on CPU"
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(sys.argv[2], sys.argv[3], sys.argv[4])
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip(Path(tmp) / "voicemail_30s.wav")
        rows = []
        for model in ("base", "tiny.en"):
            for row in interleaved(model, clip):
                rows.append(row)
                print(f"  {model:8} {row['mode']:7} median {row['median_s']:.2f} s", file=sys.stderr)
        stages = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "stages.py"), str(clip), str(ROOT / "samples" / "good_callback.wav")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print("  stages of one review: done", file=sys.stderr)
        block = Path(tmp) / "call_block"
        audio_s = make_call_block(block)
        batches = [bare_sequential(block, audio_s)]
        print(f"  bare, one after another: {batches[-1]['wall_s']:.1f} s", file=sys.stderr)
        for workers in (1, 2):
            batches.append(batch_throughput(block, audio_s, workers))
            print(f"  batch {workers} worker(s): {batches[-1]['wall_s']:.1f} s", file=sys.stderr)
    by = {(r["model"], r["mode"]): r for r in rows}
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}.",
        f"Command: `make bench` ({REPEATS} runs per row after one model load and one warm-up run; median; "
        "bare and review run in turn, each in its own process). File: the first "
        f"{CLIP_S:.0f} s of samples/too_long.wav. `bare` is faster-whisper alone with the same decoding "
        "(beam 5, word timestamps, Silero VAD, English); `review` is `Reviewer.review_file`: decoding, "
        "every pass and analysis, findings and score. Each row is its own process; peak RSS is that process's.",
        "",
        "| model | what | median (s) | x real time | vs bare | model load (s) | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for (model, mode), r in by.items():
        ratio = r["median_s"] / by[(model, "bare")]["median_s"]
        lines.append(
            f"| {model} | {mode} | {r['median_s']:.2f} | {CLIP_S / r['median_s']:.1f} | {ratio:.2f} | "
            f"{r['load_s']:.2f} | {r['peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        f"Batch: `reviewer batch` on {BATCH_FILES} distinct recordings ({batches[0]['audio_s']:.0f} s of audio, "
        "the samples at different gains), base model, fresh process each, wall time from start to the report; "
        "peak RSS is the whole process tree's (sampled every 0.2 s). `bare` is faster-whisper transcribing the "
        "same files one after another in one fresh process (model load included).",
        "",
        "| workers | wall (s) | audio s per wall s | vs bare | peak RSS, all processes (MB) |",
        "|---|---|---|---|---|",
    ]
    for b in batches:
        lines.append(
            f"| {b['workers']} | {b['wall_s']:.1f} | {b['throughput']:.1f} | "
            f"{b['throughput'] / batches[0]['throughput']:.2f} | {b['peak_tree_mb']:.0f} |"
        )
    lines += [
        "",
        "Where the time of one review goes (`python bench/stages.py FILE...`, base, mean of 3 after a warm-up): "
        "each stage's wall time and the model calls behind it. The plain and the filler-prompted pass run at "
        "once, so their rows overlap; every model call on a clip pays the encoder for a whole 30 s window.",
        "",
        stages,
    ]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "RESULTS.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
