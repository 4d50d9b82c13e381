"""`make bench`: how long a review takes, against bare faster-whisper on the same file.

Files: typical practice messages, call-back voicemails of 20-30 s with a number said twice
(samples/bench/, built by bench/voicemails.py: one at 16 kHz, one its telephone copy through
GSM at 8 kHz), beside the first 30 s of samples/too_long.wav (which stops before its number,
so its review never pays the number's second listen).

In process: each configuration runs in its own process (so its peak memory is its own): the
model is loaded once, then the file is processed REPEATS times, bare and review in turn; we
report the median. As whole processes: `reviewer review FILE` and a bare faster-whisper script,
each a fresh process, in turn REPEATS times (model load included, as a rep runs it). The
baseline runs in the same `make bench` on the same file, so the ratio holds on any machine.
Then the stage table of one review of each file (bench/stages.py). `--batch` adds the batch
throughput over BATCH_FILES generated call-back voicemails (minutes: run it on a quiet machine).
Writes bench/RESULTS.md and prints it.
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
sys.path.insert(0, str(ROOT / "bench"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
SOURCE = ROOT / "samples" / "too_long.wav"  # cut to 30 s: a long voicemail, its number past the cut
CLIP_S = 30.0
# The typical messages (bench/voicemails.py): a call-back voicemail, and its telephone copy.
TYPICAL = (ROOT / "samples" / "bench" / "callback.flac", ROOT / "samples" / "bench" / "callback_phone.flac")
# (model, which files): base on every file; tiny.en on the 16 kHz call-back voicemail only.
MODELS = (("base", ("callback.flac", "callback_phone.flac", "voicemail_30s.wav")), ("tiny.en", ("callback.flac",)))


def make_clip(dst: Path) -> Path:
    import soundfile as sf

    data, rate = sf.read(str(SOURCE), dtype="float32")
    sf.write(str(dst), data[: int(CLIP_S * rate)], rate, subtype="PCM_16")
    return dst


def seconds_of(path: Path) -> float:
    import soundfile as sf

    return sf.info(str(path)).duration


def bare_runner(model: str, cpu_threads: int = 0):
    """faster-whisper alone with the review's decoding (beam 5, word timestamps, Silero VAD,
    English, no previous text), loaded once: a function that transcribes one file."""
    from faster_whisper import WhisperModel

    from reviewer.recognition.models import resolve_model

    m = WhisperModel(str(resolve_model(model).path), device="cpu", compute_type="int8", cpu_threads=cpu_threads)

    def run(path: str) -> None:
        segments, _ = m.transcribe(
            path, language="en", beam_size=5, word_timestamps=True, vad_filter=True, condition_on_previous_text=False
        )
        list(segments)

    return run


def review_runner(model: str, fillers: str = "full"):
    """A Reviewer loaded once, as in a process that reviews many times (the server): the
    encoder's own model loaded before anything is timed. A function that reviews one file."""
    from reviewer.pipeline import Reviewer

    reviewer = Reviewer(model=model, device="cpu", fillers=fillers)
    reviewer.transcriber.load_encoder()
    reviewer.transcriber.loaded_encoder()
    return reviewer.review_file


def one(model: str, mode: str, path: str) -> None:
    """Runs inside the child process: load once, then time one run per line read on stdin and
    answer each with its seconds; at end of input, print the summary (JSON)."""
    import resource

    t0 = time.perf_counter()
    run = (bare_runner if mode == "bare" else review_runner)(model)
    load_s = time.perf_counter() - t0
    run(path)  # warm-up: first-call allocations and lazy imports are not the steady cost
    print("ready", flush=True)
    times = []
    for _ in sys.stdin:
        t = time.perf_counter()
        run(path)
        times.append(time.perf_counter() - t)
        print(f"{times[-1]:.4f}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "model": model,
                "mode": mode,
                "file": Path(path).name,
                "audio_s": seconds_of(Path(path)),
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
    """BATCH_FILES distinct call-back voicemails (bench/voicemails.py; every fourth a telephone
    copy) as root/repN/takeNN.wav; returns their total audio seconds."""
    from voicemails import build_batch

    return build_batch(BATCH_FILES, root)


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


BARE_CODE = (
    "import sys; sys.path.insert(0, 'bench'); from run import bare_runner; "
    "run = bare_runner(sys.argv[1]); [run(f) for f in sys.argv[2:]]"
)  # bare faster-whisper with the review's decoding, on each file given


def whole_processes(model: str, path: Path) -> list[dict]:
    """`reviewer review FILE` and bare faster-whisper, each a fresh process (model load and
    imports included), run in turn REPEATS times; their median walls and peak RSS."""
    exe = str(Path(sys.executable).parent / "reviewer")
    argv = {
        "bare": [sys.executable, "-c", BARE_CODE, model, str(path)],
        "review": [exe, "review", str(path), "--model", model, "--no-history", "--no-profile", "--format", "json"],
    }
    runs: dict[str, list[dict]] = {mode: [] for mode in argv}
    audio_s = seconds_of(path)
    for _ in range(REPEATS):
        for mode, cmd in argv.items():
            runs[mode].append(timed_run(mode, cmd, audio_s, cwd=str(ROOT), stdout=subprocess.DEVNULL))
    return [
        {
            "model": model,
            "mode": mode,
            "file": path.name,
            "median_s": statistics.median(r["wall_s"] for r in rs),
            "peak_rss_mb": max(r["peak_tree_mb"] for r in rs),
            "exit": max(r["exit"] for r in rs),
        }
        for mode, rs in runs.items()
    ]


def bare_sequential(folder: Path, audio_s: float, model: str = "base") -> dict:
    """The baseline for a batch: bare faster-whisper transcribing the same files one after
    another in one fresh process (model load included, as in `reviewer batch`)."""
    files = [str(f) for f in sorted(folder.rglob("*.wav"))]
    return timed_run("bare", [sys.executable, "-c", BARE_CODE, model, *files], audio_s, cwd=str(ROOT))


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


def in_process_table(rows: list[dict]) -> list[str]:
    by = {(r["model"], r["file"], r["mode"]): r for r in rows}
    lines = [
        "| model | file | what | median (s) | x real time | vs bare | model load (s) | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for (model, file, mode), r in by.items():
        ratio = r["median_s"] / by[(model, file, "bare")]["median_s"]
        lines.append(
            f"| {model} | {file} | {mode} | {r['median_s']:.2f} | {r['audio_s'] / r['median_s']:.1f} | {ratio:.2f} | "
            f"{r['load_s']:.2f} | {r['peak_rss_mb']:.0f} |"
        )
    return lines


def whole_process_table(rows: list[dict]) -> list[str]:
    by = {(r["model"], r["file"], r["mode"]): r for r in rows}
    lines = ["| model | file | what | median wall (s) | vs bare | peak RSS (MB) |", "|---|---|---|---|---|---|"]
    for (model, file, mode), r in by.items():
        ratio = r["median_s"] / by[(model, file, "bare")]["median_s"]
        failed = "" if r["exit"] == 0 else f" (exit {r['exit']})"
        lines.append(
            f"| {model} | {file} | {mode}{failed} | {r['median_s']:.2f} | {ratio:.2f} | {r['peak_rss_mb']:.0f} |"
        )
    return lines


def batch_table(batches: list[dict]) -> list[str]:
    lines = [
        f"Batch: `reviewer batch` on {BATCH_FILES} distinct call-back voicemails ({batches[0]['audio_s']:.0f} s of "
        "audio, bench/voicemails.py, every fourth a telephone copy), base model, fresh process each, wall time "
        "from start to the report; peak RSS is the whole process tree's (sampled every 0.2 s). `bare` is "
        "faster-whisper transcribing the same files one after another in one fresh process (model load included).",
        "",
        "| workers | wall (s) | audio s per wall s | vs bare | peak RSS, all processes (MB) |",
        "|---|---|---|---|---|",
    ]
    for b in batches:
        lines.append(
            f"| {b['workers']} | {b['wall_s']:.1f} | {b['throughput']:.1f} | "
            f"{b['throughput'] / batches[0]['throughput']:.2f} | {b['peak_tree_mb']:.0f} |"
        )
    return lines


def run_batch(tmp: Path) -> list[dict]:
    block = tmp / "call_block"
    audio_s = make_call_block(block)
    batches = [bare_sequential(block, audio_s)]
    print(f"  bare, one after another: {batches[-1]['wall_s']:.1f} s", file=sys.stderr)
    for workers in (1, 2):
        batches.append(batch_throughput(block, audio_s, workers))
        print(f"  batch {workers} worker(s): {batches[-1]['wall_s']:.1f} s", file=sys.stderr)
    return batches


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(sys.argv[2], sys.argv[3], sys.argv[4])
        return 0
    with_batch = "--batch" in sys.argv[1:]
    started = load()
    with tempfile.TemporaryDirectory() as tmp:
        files = {p.name: p for p in (*TYPICAL, make_clip(Path(tmp) / "voicemail_30s.wav"))}
        rows, whole = [], []
        for model, names in MODELS:
            for name in names:
                for row in interleaved(model, files[name]):
                    rows.append(row)
                    print(f"  {model:8} {name:20} {row['mode']:7} median {row['median_s']:.2f} s", file=sys.stderr)
        for name in TYPICAL:
            whole += whole_processes("base", name)
            print(f"  whole processes, {name.name}: done", file=sys.stderr)
        stages = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "stages.py"), *(str(p) for p in files.values())],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print("  stages of one review: done", file=sys.stderr)
        batches = run_batch(Path(tmp)) if with_batch else []
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}; load average (1, 5, 15 min) {started} at the start, {load()} at the end.",
        "",
        "Files: `callback.flac` and `callback_phone.flac` (samples/bench/, bench/voicemails.py): a "
        f"{seconds_of(TYPICAL[0]):.0f} s call-back voicemail with its number said twice, and its telephone copy "
        "(300-3400 Hz, GSM at 8 kHz and back), the typical practice message; `voicemail_30s.wav`: the first "
        f"{CLIP_S:.0f} s of samples/too_long.wav, which stops before its number (no second listen).",
        "",
        f"In process (`make bench`: {REPEATS} runs per row after one model load and one warm-up run; median; "
        "bare and review run in turn, each in its own process). `bare` is faster-whisper alone with the same "
        "decoding (beam 5, word timestamps, Silero VAD, English); `review` is `Reviewer.review_file`: decoding, "
        "every pass and analysis, findings and score, the spaCy language reader loaded, and the encoder's own "
        "model on both threads, as in a process that reviews many times (the server, a review of several "
        "files; `Transcriber.load_encoder`). Peak RSS is that process's.",
        "",
        *in_process_table(rows),
        "",
        f"As whole processes (`reviewer review FILE --format json --no-history --no-profile` against a bare "
        f"faster-whisper script, each a fresh process, in turn, {REPEATS} times; median wall time, model load "
        "and imports included; the highest peak RSS of the runs):",
        "",
        *whole_process_table(whole),
        "",
        *(batch_table(batches) if batches else ["Batch: not measured in this run (`python bench/run.py --batch`)."]),
        "",
        "Where the time of one review goes (`python bench/stages.py FILE...`, base, mean of 3 after a warm-up): "
        "each stage's wall time and the model calls behind it. The plain and the filler-prompted pass run at "
        "once, so their rows overlap; the number's second listen decodes each saying as a clip in a 15 s "
        "encoder window, and again in a 30 s one where that listen does not confirm the first listen's number; "
        "those quick listens start beside the passes, from the plain pass's words as they come, so the second "
        "listen's row is only what is left of them after the passes. The encoder runs on both threads, so its "
        "calls overlap the decodes and their seconds are each call's wall time.",
        "",
        stages,
    ]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "RESULTS.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
