"""Batch review for coaches, end to end through the CLI on real recordings."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import ROW, SAMPLES, assert_same_review

from reviewer.apps.batch import (
    STORE_NAME,
    Job,
    Settings,
    default_workers,
    find_jobs,
    read_recording,
    run_batch,
    summarise,
)


def copy_scaled(src: Path, dst: Path, gain: float, seconds: float | None = None) -> Path:
    """A copy with its own bytes (so its own SHA-256), as another take would have; the first
    `seconds` of it where given."""
    data, rate = sf.read(str(src), dtype="float32")
    if seconds is not None:
        data = data[: int(seconds * rate)]
    dst.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(dst), data * gain, rate, subtype="PCM_16")
    return dst


@pytest.fixture(scope="module")
def call_block(tmp_path_factory):
    """12 recordings from 3 reps, 2 of them bad."""
    root = tmp_path_factory.mktemp("call_block")
    names = ["good_callback", "fillers_rushed", "too_long", "real_voice_number", "real_fillers"]
    plan = {"alice": names[:4], "bob": names[1:5], "carol": names[:2]}
    for rep, picks in plan.items():
        for k, name in enumerate(picks):
            copy_scaled(SAMPLES / f"{name}.wav", root / rep / f"{rep}_{k}_{name}.wav", 1.0)
    (root / "carol" / "carol_broken.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 10)
    (root / "carol" / "carol_empty.m4a").write_bytes(b"")
    return root


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def batch_run(cli, call_block, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch_out")
    db = out / "history.sqlite"  # its own: a review of the same audio elsewhere in the session would be reused
    result = cli("batch", call_block, "-o", out, "--workers", "1", "--model", "tiny.en", "--db", db)  # batch logic
    return result, out


def test_batch_writes_every_file_and_error_rows(batch_run, call_block):
    result, out = batch_run
    assert result.exit_code == 1, result.stderr  # some failed
    rows = read_csv(out / "results.csv")
    assert len(rows) == 12
    errors = [r for r in rows if r["error"]]
    assert sorted(Path(r["file"]).name for r in errors) == ["carol_broken.wav", "carol_empty.m4a"]
    assert {r["error"] for r in errors} == {
        "file is empty (0 bytes)",
        "not a recognised audio format (the file's contents are not audio)",
    }
    good = [r for r in rows if not r["error"]]
    assert all(0 <= int(r["score"]) <= 100 for r in good)
    assert {r["rep"] for r in rows} == {"alice", "bob", "carol"}
    assert f"Error: {call_block / 'carol' / 'carol_empty.m4a'}: file is empty (0 bytes)" in result.stderr
    assert "12 recordings: 10 reviewed now, 0 already done, 2 failed." in result.stdout
    bar = [line for line in result.stderr.splitlines() if "already done" in line][-1]
    assert "12/12" in bar and "10 reviewed now, 0 already done, 2 failed" in bar
    assert "-:--:--" not in bar and bar.rstrip().endswith("left 0:00:00")
    jsonl = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(jsonl) == 12
    assert all(("error" in j) != ("score" in j) for j in jsonl)
    assert all(j["schema"] == 1 for j in jsonl if "score" in j)
    assert (out / "report.html").exists()


def test_identical_takes_are_reviewed_alike(batch_run):
    rows = read_csv(batch_run[1] / "results.csv")
    by_sample: dict[str, set] = {}
    for r in rows:
        if not r["error"]:
            by_sample.setdefault(Path(r["file"]).name.split("_", 2)[2], set()).add(r["score"])
    assert all(len(scores) == 1 for scores in by_sample.values()), by_sample


def test_per_rep_averages_match_the_per_file_figures(batch_run):
    rows = read_csv(batch_run[1] / "results.csv")
    jsonl = [json.loads(line) for line in (batch_run[1] / "results.jsonl").read_text().splitlines()]
    summary = {
        s["rep"]: s
        for s in summarise(
            [
                {
                    "file": j["file"],
                    "rep": j["rep"],
                    "date": j["date"],
                    "review": j if "score" in j else None,
                    "error": j.get("error"),
                }
                for j in jsonl
            ]
        )
    }
    for rep in ("alice", "bob", "carol", "(team)"):
        mine = [r for r in rows if (rep == "(team)" or r["rep"] == rep) and not r["error"]]
        assert summary[rep]["reviewed"] == len(mine)
        assert summary[rep]["average_score"] == pytest.approx(np.mean([float(r["score"]) for r in mine]), abs=0.01)
        assert summary[rep]["words_per_minute"] == pytest.approx(
            np.mean([float(r["words_per_minute"]) for r in mine]), abs=0.01
        )
        dps = [float(r["number_digits_per_second"]) for r in mine if r["number_digits_per_second"]]
        assert summary[rep]["number_digits_per_second"] == pytest.approx(np.mean(dps), abs=0.01)
    assert summary["carol"]["errors"] == 2
    printed = batch_run[0].stdout
    assert "alice" in printed and "(team)" in printed


def test_rerun_skips_finished_files_and_force_redoes_them(cli, batch_run, call_block):
    _, out = batch_run
    before = (out / "results.csv").read_text()
    again = cli("batch", call_block, "-o", out, "--workers", "1", "--model", "tiny.en", "--db", out / "history.sqlite")
    assert "12 recordings: 0 reviewed now, 12 already done (2 of them failed before), 0 failed." in again.stdout
    bar = [line for line in again.stderr.splitlines() if "already done" in line][-1]
    assert "0 reviewed now, 12 already done, 0 failed" in bar
    assert (out / "results.csv").read_text() == before
    forced = cli(
        "batch", call_block / "alice", "-o", out, "--workers", "1", "--model", "tiny.en", "--force",
        "--db", out / "history.sqlite",
    )  # fmt: skip
    assert "4 recordings: 4 reviewed now, 0 already done, 0 failed" in forced.stdout
    assert forced.exit_code == 0


def test_manifest_names_reps_and_dates(cli, call_block, tmp_path):
    manifest = tmp_path / "calls.csv"
    manifest.write_text("file,rep,date\nalice_0_good_callback.wav,Alice Smith,2026-11-20\n")
    jobs = find_jobs([call_block / "alice"], manifest)
    by = {Path(j.file).name: j for j in jobs}
    assert by["alice_0_good_callback.wav"].rep == "Alice Smith"
    assert by["alice_0_good_callback.wav"].date == "2026-11-20"
    assert by["alice_1_fillers_rushed.wav"].rep == "alice"  # not in the manifest: its folder
    bad = tmp_path / "bad.csv"
    bad.write_text("name,who\nx,y\n")
    result = cli("batch", call_block, "--manifest", bad, "-o", tmp_path / "o")
    assert result.exit_code == 2 and "file,rep" in result.stderr


@pytest.fixture(scope="module")
def small_block(tmp_path_factory):
    """Six distinct takes, for the interruption, Dask and size-cap tests: the batch's logic, so
    tiny.en on the first 8 s of each sample keeps it quick."""
    root = tmp_path_factory.mktemp("small_block")
    for k, (name, gain) in enumerate(
        [
            ("good_callback", 1.0),
            ("fillers_rushed", 1.0),
            ("real_voice_number", 1.0),
            ("good_callback", 0.8),
            ("fillers_rushed", 0.8),
            ("real_fillers", 1.0),
        ]
    ):
        copy_scaled(SAMPLES / f"{name}.wav", root / "dana" / f"take{k}.wav", gain, seconds=8.0)
    return root


def stored_rows(out: Path) -> int:
    try:
        with sqlite3.connect(out / STORE_NAME, timeout=1) as db:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def small_reference(cli, small_block, tmp_path_factory):
    """One uninterrupted tiny.en batch of the small block, with a manifest and a history: the
    reference for the interrupted run, the Dask run and the history test."""
    root = tmp_path_factory.mktemp("small_reference")
    manifest = root / "m.csv"
    manifest.write_text("file,rep,date\ntake0.wav,Dana Lee,2026-11-02\n")
    out, db = root / "out", root / "h.sqlite"
    args = ("--model", "tiny.en", "--workers", "1", "--manifest", manifest)
    result = cli("batch", small_block, "-o", out, *args, "--db", db)
    assert result.exit_code == 0, result.stderr
    return out, db, args


def jsonl(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]


def test_killed_batch_resumes_with_only_the_remaining_files(cli, small_block, small_reference, tmp_path):
    reference, _, args = small_reference
    out = tmp_path / "interrupted"
    exe = Path(sys.executable).parent / "reviewer"
    proc = subprocess.Popen(
        [str(exe), "batch", str(small_block), "-o", str(out), *map(str, args), "--no-history"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    while stored_rows(out) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up: like a crash or a pulled plug
    proc.wait()
    done_before = stored_rows(out)
    assert 2 <= done_before < 6, "the kill should land mid-batch"
    assert not (out / "results.csv").exists()

    resumed = cli("batch", small_block, "-o", out, *args, "--no-history")
    assert resumed.exit_code == 0, resumed.stderr
    assert f"6 recordings: {6 - done_before} reviewed now, {done_before} already done" in resumed.stdout
    assert (out / "results.csv").read_text() == (reference / "results.csv").read_text()


def test_dask_cluster_gives_the_same_reviews(small_block, small_reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    reference = jsonl(small_reference[0])
    jobs = find_jobs([small_block], small_reference[2][-1])
    settings = Settings(model="tiny.en", device="cpu")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_batch(jobs, tmp_path / "dask", settings, executor="dask", scheduler=cluster.scheduler_address)
    assert [r["file"] for r in remote] == [r["file"] for r in reference]
    for want, got in zip(reference, remote):
        assert got["error"] is None
        assert_same_review(got["review"], want, ROW)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hiding_works(folder: Path) -> bool:
    """Whether `unshare -rm` (user and mount namespaces, no root needed) can mount over a folder."""
    unshare = shutil.which("unshare")
    if not unshare:
        return False
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", 'mount -t tmpfs none "$1"', "sh", str(folder)], capture_output=True
    )
    return probe.returncode == 0


def test_dask_workers_without_the_input_folder_review_from_the_bytes_sent(small_block, small_reference, tmp_path):
    """A `dask scheduler` and a `dask worker` as separate processes on loopback, the worker in a
    mount namespace where the input folder is an empty tmpfs, as on a machine without the
    coach's disk: every recording is reviewed, from the bytes the batch sends, as locally; the
    worker loads the model once for all of them."""
    distributed = pytest.importorskip("distributed")
    if not hiding_works(tmp_path):
        pytest.skip("unshare -rm (user and mount namespaces) is not available here: cannot hide the input folder")
    dask = Path(sys.executable).parent / "dask"
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "cluster.log", "w")  # closed below
    quiet = {"stdout": log, "stderr": subprocess.STDOUT, "start_new_session": True}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet
    )
    hide = 'mount -t tmpfs none "$1" && exec "$2" worker "$3" --host 127.0.0.1 --nthreads 2 --no-nanny --no-dashboard'
    worker = subprocess.Popen(["unshare", "-rm", "sh", "-c", hide, "sh", small_block, dask, address], **quiet)

    def models_loaded() -> int:  # runs on the worker
        from reviewer.apps.batch import workers

        return len(workers._worker_reviewers)

    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
            take = str(small_block / "dana" / "take0.wav")
            assert os.path.exists(take)
            assert list(client.run(os.path.exists, take).values()) == [False], "the worker must not see the input"
            jobs = find_jobs([small_block], small_reference[2][-1])
            remote = run_batch(
                jobs, tmp_path / "out", Settings(model="tiny.en", device="cpu"), executor="dask", scheduler=address
            )
            assert list(client.run(models_loaded).values()) == [1], "one model load for all the recordings"
    finally:
        for proc in (worker, scheduler):
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
    reference = jsonl(small_reference[0])
    assert [r["file"] for r in remote] == [r["file"] for r in reference]
    for want, got in zip(reference, remote):
        assert got["error"] is None, got["error"]
        assert_same_review(got["review"], want, ROW)


def encode(samples: np.ndarray, path: Path, codec: str, fmt: str | None = None, rate: int = 16000) -> Path:
    """`samples` (16 kHz mono float32) encoded with PyAV's FFmpeg, as a phone app would save them."""
    import av

    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = 16000
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=rate)
        for chunk in [*resampler.resample(frame), *resampler.resample(None), None]:
            for packet in stream.encode(chunk):
                out.mux(packet)
    return path


def test_audio_decoded_from_its_bytes_is_the_files(tmp_path):
    """What a Dask worker decodes from the bytes it is sent is what a local worker decodes from
    the file: the same samples, and the same one-line reason for a bad file."""
    from reviewer.sound.decode import AudioError, load_audio

    wav = SAMPLES / "good_callback.wav"
    samples = load_audio(wav).samples
    files = [
        wav,
        encode(samples, tmp_path / "take.flac", "flac"),
        encode(samples, tmp_path / "take.m4a", "aac", "mp4"),
        encode(samples, tmp_path / "take.ogg", "libopus", "ogg", rate=48000),
        encode(samples, tmp_path / "take.mp3", "libmp3lame"),
    ]
    (tmp_path / "broken.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 10)
    (tmp_path / "empty.m4a").write_bytes(b"")
    (tmp_path / "short.wav").write_bytes(wav.read_bytes()[:30000])

    def decoded(path: Path, **kw):
        try:
            audio = load_audio(path, max_duration=30, **kw)
            return audio.samples.tobytes(), audio.source_rate, audio.source_channels
        except AudioError as exc:
            return str(exc)

    for f in files:
        assert isinstance(decoded(f), tuple), f.name
        assert decoded(f, data=f.read_bytes()) == decoded(f), f.name
    bad = [*(tmp_path / n for n in ("broken.wav", "empty.m4a", "short.wav")), SAMPLES / "too_long.wav"]
    reasons = [decoded(f, data=f.read_bytes()) for f in bad]
    assert reasons == [decoded(f) for f in bad]
    assert [r.split(" (")[0] for r in reasons] == [
        "not a recognised audio format",
        "file is empty",
        "too short to review",
        "the recording is too long",
    ]


def test_files_over_the_size_cap_are_refused_before_they_are_read(cli, small_block, tmp_path, monkeypatch):
    from reviewer.apps.batch import engine

    def no_reading(path):
        raise AssertionError(f"{path} was read")

    files = sorted((small_block / "dana").glob("*.wav"))
    jobs = [Job(str(f), "dana") for f in files]
    cap = min(f.stat().st_size for f in files) - 1
    settings = Settings(model="tiny.en", device="cpu")
    with monkeypatch.context() as m:
        m.setattr(engine, "sha256_of", no_reading)  # nor hashed, nor sent to a worker
        rows = run_batch(jobs, tmp_path / "capped", settings, max_bytes=cap)
        for f, row in zip(files, rows):
            assert row["error"] == f"the file is too large ({f.stat().st_size / 1e6:.1f} MB; at most {cap / 1e6:g} MB)"
        capped = cli(
            "batch", small_block, "-o", tmp_path / "cli", "--model", "tiny.en", "--no-history", "--max-mb", "0.01"
        )
    assert capped.exit_code == 1
    refusals = [line for line in capped.stderr.splitlines() if line.startswith("Error: ")]
    assert refusals[0].startswith(f"Error: {files[0]}: the file is too large (")
    assert len(refusals) == 6 and all(line.endswith("; at most 0.01 MB)") for line in refusals)
    assert "Traceback" not in capped.stderr
    # The cap is checked each run: with a larger one the same folder is reviewed.
    again = run_batch(jobs, tmp_path / "capped", settings, max_bytes=None)
    assert [row["error"] for row in again] == [None] * 6
    with pytest.raises(ValueError, match="too large"):  # a file grown past the cap after it was hashed
        read_recording(str(files[0]), cap)
    assert read_recording(str(files[0]), None) == files[0].read_bytes()


def test_batch_reviews_go_into_the_history_under_each_rep(small_reference):
    from reviewer.storage.history import History

    with History(small_reference[1]) as h:
        assert h.reps() == ["Dana Lee", "dana"]
        (first,) = h.attempts("Dana Lee")
        assert first.reviewed_at.startswith("2026-11-02")
        assert len(h.attempts("dana")) == 5


def test_default_workers_one_per_core_at_most_four_and_as_memory_allows(monkeypatch):
    assert default_workers(cores=2, free_mb=8000) == 2  # measured on 2 cores: 2 workers beat 1 with 2 threads
    assert default_workers(cores=1, free_mb=8000) == 1
    assert default_workers(cores=16, free_mb=64000) == 4
    assert default_workers(cores=8, free_mb=1500) == 2  # about 700 MB a worker
    assert default_workers(cores=8, free_mb=300) == 1  # never none
    import reviewer.apps.batch.workers

    if sys.platform == "linux":
        assert reviewer.apps.batch.workers.available_mb() > 0  # read from /proc/meminfo
    monkeypatch.setattr(reviewer.apps.batch.workers, "available_mb", lambda: 1500.0)
    assert default_workers(cores=8) == 2  # the system's free memory, when not given
    monkeypatch.setattr(reviewer.apps.batch.workers, "available_mb", lambda: None)
    assert default_workers(cores=8) == 4  # unknown: no memory cap
