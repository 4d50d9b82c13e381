"""Where the time of one review goes: wall time per stage and the CTranslate2 calls behind it.

    python bench/stages.py [--model base] FILE...    (`make bench` runs it on two files)

Each stage of `Reviewer.review_audio` is wrapped with a timer, and the model's encode,
generate and align calls are counted; one warm-up review, then the mean of REPEATS. The
plain and the filler-prompted pass run at once (two threads), so their times overlap and
the stages add up to more than the review. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import reviewer.pipeline as review_module  # noqa: E402
import reviewer.recognition.engine as transcribe_module  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
STAGES = (
    ("speech_regions", "VAD (Silero), once"),
    ("prompted_pass", "filler-prompted pass (beside the plain pass)"),
    ("detect_fillers", "filler guards and audio check"),
    ("second_listen", "number: digits-only second listen, after the passes"),
    ("profile_listen", "profile words: second listen"),
    ("assemble_review", "analyses, checks, score"),
)


class _Timed:
    def __init__(self):
        self.seconds: dict[str, float] = collections.defaultdict(float)
        self.calls: collections.Counter = collections.Counter()

    def wrap(self, owner, name: str, label: str | None = None):
        inner = getattr(owner, name)
        label = label or name

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - t
                self.calls[label] += 1

        setattr(owner, name, timed)


class _CountedModel:
    """The CTranslate2 Whisper model with its encode/generate/align calls timed."""

    def __init__(self, model, timed: _Timed):
        self._model, self._timed = model, timed

    def __getattr__(self, name):
        attr = getattr(self._model, name)
        if name not in ("encode", "generate", "align"):
            return attr

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self._timed.seconds[f"model.{name}"] += time.perf_counter() - t
                self._timed.calls[f"model.{name}"] += 1

        return timed


def profile(model: str, path: str) -> list[str]:
    timed = _Timed()
    for name, _ in STAGES:
        timed.wrap(review_module, name)
    plain = transcribe_module.Transcriber.transcribe

    def transcribe(self, audio, options=None, clip=None, regions=None, segment_done=None):
        t = time.perf_counter()
        try:
            return plain(self, audio, options, clip, regions, segment_done)
        finally:
            if clip is None and not (options and (options.window_prompt or options.initial_prompt)):
                timed.seconds["plain pass"] += time.perf_counter() - t
                timed.calls["plain pass"] += 1

    transcribe_module.Transcriber.transcribe = transcribe
    reviewer = review_module.Reviewer(model=model, device="cpu")
    shared = reviewer.transcriber._shared  # the Memo that shares encoder outputs
    shared._model = _CountedModel(shared._model, timed)  # counts the decoder calls
    reviewer.transcriber.load_encoder()  # as a process that reviews many times (the server)
    shared._encoder_model = _CountedModel(
        reviewer.transcriber.loaded_encoder(), timed
    )  # the encoder runs, not the asks
    reviewer.review_file(path)  # warm-up
    timed.seconds.clear()
    timed.calls.clear()
    total = 0.0
    for _ in range(REPEATS):
        t = time.perf_counter()
        reviewer.review_file(path)
        total += time.perf_counter() - t
    transcribe_module.Transcriber.transcribe = plain
    rows = [
        f"| {model} | {Path(path).name} | whole review | {total / REPEATS:.2f} | 1 |",
        f"| | | plain pass (faster-whisper, VAD filter) | {timed.seconds['plain pass'] / REPEATS:.2f} | "
        f"{timed.calls['plain pass'] / REPEATS:.0f} |",
    ]
    for name, label in STAGES:
        if timed.calls[name]:
            rows.append(f"| | | {label} | {timed.seconds[name] / REPEATS:.2f} | {timed.calls[name] / REPEATS:.0f} |")
    for name in ("encode", "generate", "align"):
        key = f"model.{name}"
        rows.append(
            f"| | | of which model.{name} (all passes) | {timed.seconds[key] / REPEATS:.2f} | "
            f"{timed.calls[key] / REPEATS:.0f} |"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="base")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    print("| model | file | stage | seconds per review | calls per review |")
    print("|---|---|---|---|---|")
    for path in args.files:
        print("\n".join(profile(args.model, path)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
