"""Seconds from Stop to the review on the practice page: the streamed take against the upload.

    .venv/bin/python bench/practice_latency.py [--rounds 3] [--trail 1.5 3.5] [--model base]

The practice server (uvicorn in a thread, as the tests run it) and headless Debian Chromium
with its fake microphone playing the good sample (samples/good_callback.wav, 19.4 s, its last
word at about 18.5 s), as tests/test_practice_browser.py drives them. Each take records for
the sample's length plus `trail` seconds of silence, then Stop is clicked; the time is from the
click to the page showing the new review (`#review[data-attempt]` changed: set in the same
task as the score), both read in the page's clock (`WATCH`). The two paths alternate, take after take, in one run:

- stream: the page as shipped (each MediaRecorder piece sent while it records, /api/streams);
- upload: the same page with POST /api/streams answered 503, so it uploads the take after Stop
  (the path before streaming, and the page's fallback).

Prints each take and the medians; `--save` writes them into bench/RESULTS-practice.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import soundfile as sf  # noqa: E402
from conftest import launch_chromium, require_chromium, resample, serve_in_thread, write_wav  # noqa: E402

from reviewer.apps.server import ServerConfig  # noqa: E402

GOOD = ROOT / "samples" / "good_callback.wav"
READING = "## What the figures say"


# Times, in the page's own clock, the Stop click's event and the new review on screen: a
# MutationObserver fires in the same task as the change. (Playwright's wait_for_selector polls
# at up to 500 ms, which rounded every take up to the next poll: 2.34, 2.85, 3.36 s.)
WATCH = """() => {
  window.benchStop = null; window.benchShown = null;
  const review = document.querySelector('#review');
  const before = review.getAttribute('data-attempt');
  document.querySelector('#stop').addEventListener('click', () => { window.benchStop = performance.now(); },
    {capture: true, once: true});
  new MutationObserver((changes, observer) => {
    if (review.getAttribute('data-attempt') !== before) { window.benchShown = performance.now(); observer.disconnect(); }
  }).observe(review, {attributes: true});
}"""


def take(page, seconds: float, trail: float, upload: bool) -> tuple[float, dict]:
    """Record, stop, wait for the review on screen: (seconds from Stop, the review's JSON)."""
    if upload:
        page.route("**/api/streams", lambda route: route.fulfill(status=503, json={"error": "bench: upload"}))
    else:
        page.unroute("**/api/streams")
    page.click("#record")
    page.wait_for_selector("#stop:not([disabled])")
    page.wait_for_timeout(int((seconds + trail) * 1000))
    page.evaluate(WATCH)
    pattern = "**/api/review" if upload else "**/api/streams/*/review"
    with page.expect_response(pattern, timeout=300_000) as answer:
        logging.getLogger("reviewer.bench").debug("Stop")
        page.click("#stop")
        page.wait_for_function("() => window.benchShown !== null", polling=50, timeout=300_000)
    stop, shown = page.evaluate("() => [window.benchStop, window.benchShown]")
    elapsed = (shown - stop) / 1000
    review = answer.value.json()
    assert answer.value.status == 200, review
    return elapsed, review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--trail", type=float, nargs="+", default=[1.5, 3.5], help="s recorded after the sample")
    parser.add_argument("--model", default="base")
    parser.add_argument("--save", action="store_true", help="write the result into bench/RESULTS-practice.md")
    parser.add_argument("--verbose", action="store_true", help="the server's debug lines (background reviews)")
    args = parser.parse_args()
    if args.verbose:
        logging.basicConfig(format="%(relativeCreated)8.0f ms %(message)s")
        logging.getLogger("reviewer").setLevel(logging.DEBUG)
    try:
        require_chromium()
    except BaseException as exc:  # pytest.skip outside pytest
        sys.exit(f"chromium is needed: {exc}")
    from playwright.sync_api import sync_playwright

    results: dict[tuple[float, str], list[float]] = {}
    lines = []
    with tempfile.TemporaryDirectory(prefix="practice-latency-") as tmp:
        root = Path(tmp)
        data, rate = sf.read(str(GOOD), dtype="float32")
        seconds = len(data) / rate
        mic = write_wav(root / "mic48.wav", resample(data, rate, 48000), 48000)
        config = ServerConfig(
            model=args.model, device="cpu", db_path=root / "history.sqlite", data_dir=root, allowed_hosts=("127.0.0.1",)
        )
        with serve_in_thread(config, start_s=120) as url, sync_playwright() as p:
            browser = launch_chromium(
                p,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={mic}%noloop",
            )
            page = browser.new_page()
            page.goto(url + "/")
            page.fill("#rep", "bench")
            take(page, 2.0, 0.0, upload=True)  # warm up: the first review of a process pays for loading
            for trail in args.trail:
                for k in range(args.rounds):
                    for path in ("stream", "upload"):
                        elapsed, review = take(page, seconds, trail, upload=path == "upload")
                        results.setdefault((trail, path), []).append(elapsed)
                        s = review.get("stream") or {}
                        extra = (
                            f"  background reviews {s['background_reviews']}, model calls after Stop: "
                            f"{s['model_calls_reused']} from the memo, {s['model_calls_run']} run"
                            if s
                            else ""
                        )
                        line = (
                            f"trail {trail:.1f} s  {path:6}  take {k + 1}: {elapsed:5.2f} s  "
                            f"(score {review['score']}, {review['word_count']} words){extra}"
                        )
                        print(line, flush=True)
                        lines.append(line)
            browser.close()
    print()
    table = ["| silence before Stop | upload (before) | stream (now) |", "|---|---|---|"]
    for trail in args.trail:
        up, st = (statistics.median(results[(trail, p)]) for p in ("upload", "stream"))
        row = f"| sample's own ~0.9 s + {trail:g} s | {up:.2f} s | {st:.2f} s |"
        table.append(row)
    print("\n".join(table))
    if args.save:
        save(table, lines, args)


def save(table: list[str], lines: list[str], args) -> None:
    path = ROOT / "bench" / "RESULTS-practice.md"
    cpu = os.cpu_count()
    load = os.getloadavg()
    text = f"""# Practice page: seconds from Stop to the review on screen

Measured by `.venv/bin/python bench/practice_latency.py --rounds {args.rounds} --trail {" ".join(f"{t:g}" for t in args.trail)}`
(model `{args.model}`, CPU, {cpu} cores, {platform.machine()}; load average at the end
{load[0]:.1f}: Chromium, the server and whatever else the machine ran shared the cores).
Median of {args.rounds} takes per row, the two paths alternating in one run. The take is the
good sample through Chromium's fake microphone (19.4 s, the last word at about 18.5 s), then
the silence in the first column, then Stop.

{chr(10).join(table)}

Every take:

```
{chr(10).join(lines)}
```
"""
    kept = path.read_text().partition(READING)[2] if path.exists() else ""
    path.write_text(text + (f"\n{READING}{kept}" if kept else ""))  # the reading, written by hand, stays
    print(f"written to {path}")


if __name__ == "__main__":
    main()
