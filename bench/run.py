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


def one(model: str, mode: str, path: str, repeats: int) -> dict:
    """Runs inside the child process: load once, time `repeats` runs."""
    import resource

    t0 = time.perf_counter()
    if mode == "bare":
        from faster_whisper import WhisperModel

        from reviewer.models import resolve_model
        spec = resolve_model(model)
        m = WhisperModel(str(spec.path), device="cpu", compute_type="int8")

        def run() -> None:
            segments, _ = m.transcribe(path, language="en", beam_size=5, word_timestamps=True, vad_filter=True,
                                       condition_on_previous_text=False)
            list(segments)
    else:
        from reviewer.review import Reviewer
        reviewer = Reviewer(model=model, device="cpu")

        def run() -> None:
            reviewer.review_file(path)
    load_s = time.perf_counter() - t0
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"model": model, "mode": mode, "load_s": load_s, "median_s": statistics.median(times),
            "times": times, "peak_rss_mb": peak_mb}


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
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"faster-whisper {faster_whisper.__version__}, ctranslate2 {ctranslate2.__version__}, int8 on CPU")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip(Path(tmp) / "voicemail_30s.wav")
        rows = []
        for model in ("base", "tiny.en"):
            for mode in ("bare", "review"):
                out = subprocess.run([sys.executable, __file__, "--one", model, mode, str(clip), str(REPEATS)],
                                     capture_output=True, text=True, check=True)
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(f"  {model:8} {mode:7} median {rows[-1]['median_s']:.2f} s", file=sys.stderr)
    by = {(r["model"], r["mode"]): r for r in rows}
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}.",
        f"Command: `make bench` ({REPEATS} runs per row after one model load; median). File: the first "
        f"{CLIP_S:.0f} s of samples/too_long.wav. `bare` is faster-whisper alone with the same decoding "
        "(beam 5, word timestamps, Silero VAD, English); `review` is `Reviewer.review_file`: decoding, "
        "every pass and analysis, findings and score. Each row is its own process; peak RSS is that process's.",
        "",
        "| model | what | median (s) | x real time | vs bare | model load (s) | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for (model, mode), r in by.items():
        ratio = r["median_s"] / by[(model, "bare")]["median_s"]
        lines.append(f"| {model} | {mode} | {r['median_s']:.2f} | {CLIP_S / r['median_s']:.1f} | {ratio:.2f} | "
                     f"{r['load_s']:.2f} | {r['peak_rss_mb']:.0f} |")
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "RESULTS.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
