#!/usr/bin/env python3
"""Evaluate the reviewer's filler detection, pace and number figures on a labelled set.

    make eval                 # or: python eval/run.py [--models base tiny.en] [--out eval/RESULTS.md]

Builds the set (eval/dataset.py, seconds, offline), reviews every case with each model, and
writes eval/RESULTS.md: per subset, filler precision/recall/F1, words-per-minute error,
digits-per-second error, length error and word error rate, for
- plain: the single plain pass, the fillers Whisper wrote (`reviewer review --fillers fast`);
- combined: the filler-prompted pass with guards and the audio check (the default);
and two ablations that show why neither source is used alone:
- prompted alone: every filler of the prompted pass, no guards, no audio check; its WER is
  that of the prompted transcript, which the review does not use;
- held vowels alone: every held central vowel in speech counted as a filler.
Then the cost: review time of a 30 s voicemail with and without the filler detection.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dataset import Case, Message, Seg, build_all, number_segs, sb  # noqa: E402
from metrics import FillerScore, number_errors, score_fillers, wer  # noqa: E402

from reviewer.measures.fillers.audio import held_vowels, voice_track  # noqa: E402
from reviewer.measures.fillers.hidden import screen  # noqa: E402
from reviewer.measures.fillers.transcript import is_filler_word  # noqa: E402
from reviewer.pipeline import Reviewer, build_review  # noqa: E402
from reviewer.recognition.passes import prompted_pass  # noqa: E402
from reviewer.sound.decode import load_audio  # noqa: E402

SUBSETS = ("synthetic", "allison", "real", "real-other")
VARIANTS = ("plain", "combined", "prompted alone", "held vowels alone")


@dataclasses.dataclass
class Row:
    """One case reviewed one way."""

    case: Case
    variant: str
    fillers: list[dict]
    words_per_minute: float | None = None
    numbers: list[dict] = dataclasses.field(default_factory=list)
    speech: tuple[float, float] | None = None
    text: str = ""
    guards: tuple = ()  # names of the guards that set a stretch of the prompted pass aside


def review_case(reviewer: Reviewer, case: Case) -> list[Row]:
    audio = load_audio(case.path)
    plain_t = reviewer.transcriber.transcribe(audio, reviewer.options)
    prompted = prompted_pass(reviewer.transcriber, audio, reviewer.options)
    plain = build_review(
        audio, plain_t, reviewer.thresholds, reviewer.goal, file=str(case.path), detection=reviewer.detection
    )
    full = reviewer.review_transcript(audio, plain_t, file=str(case.path), prompted=prompted)

    def row(variant, review) -> Row:
        d = review.to_dict()
        return Row(
            case,
            variant,
            d["fillers"],
            d["words_per_minute"],
            d["phone_numbers"],
            (d["speech_start_s"], d["speech_end_s"]),
            " ".join(w["text"] for w in d["words"] if not w["filler"]),
        )

    rows = [row("plain", plain), row("combined", full)]
    rows[1].guards = tuple(
        g.guard for _, _, found in screen(plain_t, prompted.words, reviewer.detection) for g in found
    )
    rows.append(
        Row(
            case,
            "prompted alone",
            [
                {"start": w.start, "end": max(w.end, w.start + 0.05), "source": "prompted"}
                for w in prompted.words
                if is_filler_word(w)
            ],
            text=" ".join(w.text for w in prompted.words if not is_filler_word(w)),
        )
    )
    held = held_vowels(voice_track(audio), reviewer.detection, plain_t.speech_regions)
    rows.append(Row(case, "held vowels alone", [{"start": v.start, "end": v.end, "source": "acoustic"} for v in held]))
    return rows


def summarise(rows: list[Row]) -> dict:
    fs = FillerScore()
    wpm_err, dps_err, len_err, wer_num, wer_den, missed_numbers, labelled = [], [], [], 0.0, 0, 0, 0
    for r in rows:
        t = r.case.truth
        fs.add(score_fillers(r.fillers, t["fillers"]))
        labelled += sum(1 for f in t["fillers"] if not f.get("probable"))
        if t.get("scored") == "fillers":
            continue
        if r.words_per_minute is not None:
            wpm_err.append(abs(r.words_per_minute - t["words_per_minute"]) / t["words_per_minute"])
            errs, missed = number_errors(r.numbers, t["phone_numbers"])
            dps_err += errs
            missed_numbers += missed
            true_len = t["speech_end_s"] - t["speech_start_s"]
            len_err.append(abs((r.speech[1] - r.speech[0]) - true_len))
        if r.text:
            w, n = wer(t["script"], r.text)
            wer_num += w * n
            wer_den += n
    mean = lambda xs: statistics.fmean(xs) if xs else None  # noqa: E731
    return {
        "fillers": fs,
        "labelled": labelled,
        "wpm": mean(wpm_err),
        "dps": mean(dps_err),
        "numbers_missed": missed_numbers,
        "numbers": sum(len(r.case.truth["phone_numbers"]) for r in rows),
        "length": mean(len_err),
        "wer": wer_num / wer_den if wer_den else None,
    }


# --- cost ---------------------------------------------------------------------------------


def cost_message() -> Message:
    """A 30 s practice voicemail (espeak, with two fillers and the number twice)."""
    num = dict(digit_gap=0.2, group_gap=0.4)
    segs = [
        Seg("Hi Jordan, this is Priya from Northwind Payroll.", 0.3),
        Seg("um", 0.15, kind="filler"),
        Seg("I noticed you are hiring in Denver, and we cut onboarding time in half for teams like yours.", 0.35),
        Seg("Can I show you how this week?", 0.3),
        Seg("uh", 0.15, kind="filler"),
        Seg("Call me at", 0.3),
        *number_segs("3129047716", 0, after=0.4, **num),
        Seg("again, that is", 0.3),
        *number_segs("3129047716", 1, after=0.4, **num),
        Seg("Thanks Jordan, talk soon.", 0.0),
    ]
    return Message("cost_30s", "en-us", 165, segs, lead=0.6, tail=0.6)


def measure_cost(models: list[str], out: Path, reps: int) -> list[dict]:
    """Review time (s) per model, with and without filler detection, runs interleaved so that
    a busy moment on the machine hits both alike: wall time (median and best of `reps`) and
    the process's CPU time (both cores; the prompted pass runs beside the plain one, so it
    costs more CPU than wall time)."""
    import os

    y, truth = sb.build(cost_message(), out)
    import soundfile as sf

    wav = out / "cost_30s.wav"
    sf.write(wav, y, sb.SR, subtype="PCM_16")
    real = out / "cost_real_30s.wav"
    sf.write(real, sb.to_16k(sb.VE9QRP, out, (34.85, 64.85)), sb.SR, subtype="PCM_16")
    results = []
    for model in models:
        fast, full = Reviewer(model, device="cpu", fillers="fast"), Reviewer(model, device="cpu", fillers="full")
        for path, label in (
            (wav, f"synthetic voicemail, {truth['duration_s']:.0f} s"),
            (real, "ve9qrp 34.85-64.85 s (real speech, many 'uh')"),
        ):
            fast.review_file(path), full.review_file(path)  # warm up
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            runs: dict[str, list[tuple[float, float]]] = {"fast": [], "full": []}
            for _ in range(reps):
                for mode, reviewer in (("fast", fast), ("full", full)):
                    w0, c0 = time.perf_counter(), time.process_time()
                    r = reviewer.review_file(path)
                    runs[mode].append((time.perf_counter() - w0, time.process_time() - c0))
            row = {"model": model, "file": label, "fillers": r.filler_count, "load": load}
            for mode in ("fast", "full"):
                row[mode] = statistics.median(w for w, _ in runs[mode])
                row[mode + "_best"] = min(w for w, _ in runs[mode])
                row[mode + "_cpu"] = statistics.median(c for _, c in runs[mode])
            row["ratio"] = row["full"] / row["fast"] - 1
            row["ratio_best"] = row["full_best"] / row["fast_best"] - 1
            row["ratio_cpu"] = row["full_cpu"] / row["fast_cpu"] - 1
            results.append(row)
            print(
                f"  cost {model} {label}: {row['fast']:.2f} s -> {row['full']:.2f} s (+{100 * row['ratio']:.0f} %), "
                f"best +{100 * row['ratio_best']:.0f} %, CPU +{100 * row['ratio_cpu']:.0f} %, load {load:.1f}",
                flush=True,
            )
    return results


# --- report -------------------------------------------------------------------------------


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f} %"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    import faster_whisper

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, faster-whisper "
        f"{faster_whisper.__version__}, CPU int8; load average at the end {load}"
    )


def report(results: dict, cases: list[Case], cost: list[dict], args, seconds: float) -> str:
    lines = [
        "# Filler detection and review figures: evaluation",
        "",
        f"Generated by `make eval` (`{' '.join(['python', 'eval/run.py', *sys.argv[1:]])}`) on "
        f"{datetime.now(UTC):%Y-%m-%d} in {seconds / 60:.1f} min.",
        "",
        f"Machine: {machine()}.",
        "",
        "The set (eval/dataset.py, built offline in seconds with samples/build.py's helpers):",
        "",
    ]
    for subset in SUBSETS:
        cs = [c for c in cases if c.subset == subset]
        n_f = sum(1 for c in cs for f in c.truth["fillers"] if not f.get("probable"))
        n_p = sum(1 for c in cs for f in c.truth["fillers"] if f.get("probable"))
        dur = sum(c.truth["duration_s"] for c in cs)
        lines.append(
            f"- **{subset}**: {len(cs)} recordings, {dur:.0f} s, {n_f} labelled fillers"
            + (f" (+{n_p} probable, don't-care)" if n_p else "")
            + f", {sum(len(c.truth['phone_numbers']) for c in cs)} said numbers."
        )
    lines += [
        "",
        "A detection matches a labelled filler when their times overlap (one to one). WPM, length and "
        "digits/s errors are mean absolute errors against the truth computed from segment "
        "boundaries (length: the speech span); WER is pooled over the subset, on the script's words "
        "without fillers (eval/metrics.py normalises both sides). For the real subset the truth is "
        "hand-checked, not listened to (eval/labels.py says how).",
        "",
    ]
    for model in args.models:
        lines += [
            f"## {model}",
            "",
            "| subset | variant | fillers found / labelled | precision | recall | F1 | WPM error | digits/s error | length error | WER |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for subset in SUBSETS:
            for variant in VARIANTS:
                s = results[model][subset][variant]
                fs = s["fillers"]

                def extra(v, fmt, variant=variant):
                    return "-" if v is None or variant not in ("plain", "combined") else fmt(v)

                lines.append(
                    f"| {subset} | {variant} | {fs.tp} / {s['labelled']} (+{fs.fp} false) | {fs.precision:.2f} | "
                    f"{fs.recall:.2f} | {fs.f1:.2f} | {extra(s['wpm'], pct)} | "
                    f"{extra(s['dps'], pct)}{'' if not s['numbers_missed'] or variant not in ('plain', 'combined') else ' (' + str(s['numbers_missed']) + ' missed)'} | "
                    f"{extra(s['length'], lambda v: f'{v:.2f} s')} | {pct(s['wer']) if variant != 'held vowels alone' else '-'} |"
                )
        lines.append("")
    if cost:
        lines += [
            "## Cost of the filler detection",
            "",
            "Wall time of `Reviewer.review_file` (decode, both passes, every analysis), median of "
            f"{args.reps} interleaved runs each after a warm-up (best run in brackets), same process and "
            "machine as above; CPU time is the process's, both cores. The prompted pass decodes on the "
            "core the plain pass leaves idle, so the wall time it adds depends on that core being free: "
            "the 1-minute load average when each row started is given (this run alone keeps it near 2; "
            "more means other work).",
            "",
            "| model | recording | load | plain (`--fillers fast`) | combined (default) | added wall time | "
            "added CPU time | fillers found |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for c in cost:
            lines.append(
                f"| {c['model']} | {c['file']} | {c['load']:.1f} | {c['fast']:.2f} s ({c['fast_best']:.2f}) | "
                f"{c['full']:.2f} s ({c['full_best']:.2f}) | +{100 * c['ratio']:.0f} % "
                f"(+{100 * c['ratio_best']:.0f} %) | +{100 * c['ratio_cpu']:.0f} % | {c['fillers']} |"
            )
        lines.append("")
    lines += [
        "## Per recording (combined)",
        "",
        "Misses and false detections of the combined detector (times in seconds of each recording), "
        "and the guards that set a stretch of the prompted pass aside.",
        "",
        "| model | recording | found / labelled | missed | false | guards tripped |",
        "|---|---|---|---|---|---|",
    ]
    for model in args.models:
        for name, (s, guards) in results[model]["cases"].items():
            lines.append(
                f"| {model} | {name} | {s.tp} / {s.tp + s.fn} | "
                f"{', '.join(f'{a:.2f}' for a, _ in s.misses) or '-'} | "
                f"{', '.join(f'{a:.2f} ({src})' for a, _, src in s.false) or '-'} | "
                f"{', '.join(guards) or '-'} |"
            )
    lines.append("")
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += [notes.read_text().strip(), ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--models", nargs="+", default=["base", "tiny.en"])
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--reps", type=int, default=5, help="timed runs per mode for the cost figure")
    ap.add_argument("--no-cost", action="store_true")
    ap.add_argument("--cost-only", action="store_true", help="only the cost figure, printed (no report written)")
    args = ap.parse_args()
    t_start = time.perf_counter()
    if args.cost_only:
        with tempfile.TemporaryDirectory() as d:
            measure_cost(args.models, Path(d), args.reps)
        return 0
    with tempfile.TemporaryDirectory() as d:
        cases = build_all(Path(d))
        print(f"built {len(cases)} recordings", flush=True)
        results: dict = {}
        for model in args.models:
            reviewer = Reviewer(model, device="cpu", fillers="full")
            rows: list[Row] = []
            for case in cases:
                rows += review_case(reviewer, case)
                print(f"  {model} {case.name}", flush=True)
            results[model] = {
                subset: {
                    v: summarise([r for r in rows if r.case.subset == subset and r.variant == v]) for v in VARIANTS
                }
                for subset in SUBSETS
            }
            results[model]["cases"] = {
                r.case.name: (score_fillers(r.fillers, r.case.truth["fillers"]), r.guards)
                for r in rows
                if r.variant == "combined"
            }
        cost = [] if args.no_cost else measure_cost(args.models, Path(d), args.reps)
    text = report(results, cases, cost, args, time.perf_counter() - t_start)
    # The judged set's section (eval/judge.py) and its reading follow; they are kept as they are.
    old = args.out.read_text() if args.out.exists() else ""
    if "<!-- judged:start -->" in old:
        text = text.rstrip("\n") + "\n\n" + old[old.index("<!-- judged:start -->") :]
    args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
