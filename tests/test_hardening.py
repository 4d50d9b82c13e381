"""Offline by construction, bounded, and hostile names kept as data: the command line (#12).

Reviews here use tiny.en on the first 3.5 s of the good sample, so the whole module stays quick.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, write_wav

GOOD = SAMPLES / "good_callback.wav"
MARKUP_REP = "[/bold]x\x1b[31mred"  # rich markup that crashed `history`, and a live ESC sequence
SHOWN_REP = "[/bold]x\\x1b[31mred"  # how it must appear: literally, the ESC written out
FORMULA_REP = '=HYPERLINK("http://127.0.0.1/x","click")'


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    data, rate = sf.read(str(GOOD), dtype="float32")
    return write_wav(tmp_path_factory.mktemp("clip") / "clip.wav", data[: int(3.5 * rate)], rate)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    from test_server_security import flac_bomb

    return flac_bomb(tmp_path_factory.mktemp("bomb") / "bomb.flac")


def exe() -> str:
    return shutil.which("reviewer", path=str(Path(sys.executable).parent))


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


# ---- 1. offline ----------------------------------------------------------------------------


def test_a_review_opens_no_network_socket_and_writes_no_telemetry(tmp_path, clip):
    """strace sees native code too (onnxruntime's telemetry, a resolver): every connect and send
    of the review and its threads must be on a local (AF_UNIX) socket."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (apt-get install strace): the no-network check cannot run")
    trace = tmp_path / "trace.txt"
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("HF_HUB_OFFLINE", None)  # reviewer must set what it needs itself
    calls = "trace=connect,sendto,sendmsg,sendmmsg"
    proc = subprocess.run(
        [strace, "-f", "-e", calls, "-o", str(trace), exe(), "review", "--model", "tiny.en", "--no-history", clip],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Score" in proc.stdout or "score" in proc.stdout
    lines = [ln for ln in trace.read_text().splitlines() if re.search(r"\b(connect|send(to|msg|mmsg))\(", ln)]
    families = set(re.findall(r"sa_family=(AF_[A-Z0-9]+)", "\n".join(lines)))
    assert families <= {"AF_UNIX"}, [ln for ln in lines if "AF_UNIX" not in ln][:5]
    assert not [ln for ln in lines if "htons(53)" in ln], "a DNS lookup"
    assert not (home / ".cache" / "Microsoft").exists(), "onnxruntime telemetry wrote its device id and queue"
    # the check itself can see a connection: a UDP connect to loopback shows as AF_INET
    probe = tmp_path / "probe.txt"
    subprocess.run(
        [strace, "-f", "-e", calls, "-o", str(probe), sys.executable, "-c",
         "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('127.0.0.1', 9))"],
        check=True,
        timeout=60,
    )  # fmt: skip
    assert "sa_family=AF_INET" in probe.read_text()


# ---- 2. bounded ----------------------------------------------------------------------------

# The peak resident set of this process image (VmHWM; ru_maxrss would include pytest's, inherited at fork).
PEAK = (
    "import re, sys\n"
    "from reviewer.apps.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:], prog_name='reviewer')\n"
    "finally:\n"
    "    kb = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
    "    print(f'peak_rss_mb={kb / 1024:.0f}')\n"
)


def test_review_refuses_a_long_recording_while_decoding_it(bomb, tmp_path):
    """1 h of FLAC silence (180 kB, no declared length): `review` stops decoding at --max-seconds
    (600 s by default) instead of decoding the hour (about 1.9 GB before)."""
    assert bomb.stat().st_size < 250_000
    proc = subprocess.run(
        [sys.executable, "-c", PEAK, "review", "--model", "tiny.en", "--no-history", bomb],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert one_error_line(proc.stderr) == f"Error: {bomb}: the recording is too long (over 600 s; at most 600 s)"
    peak = int(re.search(r"peak_rss_mb=(\d+)", proc.stdout).group(1))
    print(f"review of a 1 h FLAC bomb: peak RSS {peak} MB")
    # tiny.en loaded plus 600 s at 16 kHz float32 (38 MB); the whole hour is 230 MB, copied twice
    assert peak < 600


# ---- 4 and 5. names are data; the folder's rep --------------------------------------------


@pytest.fixture(scope="module")
def hostile_batch(cli, clip, bomb, tmp_path_factory):
    """One take in three folders: alice's and carol's named by manifest paths (a formula and
    markup with an ESC for reps), and bob's (same file name, not in the manifest); and a 1 h
    FLAC bomb in bob's, past --max-seconds."""
    root = tmp_path_factory.mktemp("hostile")
    calls = root / "calls"
    for folder in ("alice", "bob", "carol"):
        (calls / folder).mkdir(parents=True)
        shutil.copy(clip, calls / folder / "voicemail.wav")
    shutil.copy(bomb, calls / "bob" / "bomb.flac")
    manifest = calls / "manifest.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [["file", "rep"], ["alice/voicemail.wav", FORMULA_REP], ["carol/voicemail.wav", MARKUP_REP]]
        )
    db = root / "private" / "history.sqlite"
    result = cli("batch", calls, "--manifest", manifest, "-o", root / "out", "--model", "tiny.en",
                 "--workers", "1", "--db", db, "--max-seconds", "30")  # fmt: skip
    return root, db, result


def test_batch_refuses_a_long_recording_and_goes_on(hostile_batch):
    root, _, result = hostile_batch
    assert result.exit_code == 1
    bomb_file = root / "calls" / "bob" / "bomb.flac"
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]  # below the progress bar
    assert errors == [f"Error: {bomb_file}: the recording is too long (over 30 s; at most 30 s)"]
    assert "Traceback" not in result.stderr
    rows = {r["file"]: r for r in csv.DictReader(open(root / "out" / "results.csv", encoding="utf-8"))}
    (bombed,) = [r for f, r in rows.items() if f.endswith("bomb.flac")]
    assert bombed["error"] == "the recording is too long (over 30 s; at most 30 s)"
    assert all(r["error"] == "" and int(r["score"]) > 0 for f, r in rows.items() if f.endswith("voicemail.wav"))


def test_the_folders_rep_wins_unless_the_manifest_names_that_file(hostile_batch):
    root, _, result = hostile_batch
    reps = {
        Path(r["file"]).parent.name: r["rep"]
        for r in csv.DictReader(open(root / "out" / "results.csv", encoding="utf-8"))
        if r["file"].endswith("voicemail.wav")
    }
    assert reps["bob"] == "bob"  # before: alice's manifest line made bob's voicemail.wav hers
    assert reps["alice"] == "'" + FORMULA_REP  # a formula becomes text
    assert reps["carol"] == SHOWN_REP  # control characters written out, as in every view


def test_hostile_names_are_shown_literally(cli, hostile_batch):
    _, db, batch = hostile_batch
    for output in (batch.stdout, batch.stderr):
        assert "\x1b" not in output
    assert SHOWN_REP in batch.stdout
    listing = cli("history", "--db", db)
    assert listing.exit_code == 0, listing.stderr  # before: rich's MarkupError for every rep
    assert SHOWN_REP in listing.stdout and "\x1b" not in listing.stdout
    progress = cli("progress", "--db", db, "--rep", MARKUP_REP)
    assert progress.exit_code == 0, progress.stderr
    assert f"Progress of {SHOWN_REP}" in progress.stdout and "\x1b" not in progress.stdout
    table = cli("history", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(table.stdout.splitlines()))
    assert {r["rep"] for r in rows} == {"'" + FORMULA_REP, "bob", SHOWN_REP}


def test_a_hostile_file_name_in_the_review_panel(cli, clip, tmp_path, monkeypatch):
    name = "[bold]take\x1b[2J\x07.wav"
    shutil.copy(clip, tmp_path / name)
    monkeypatch.chdir(tmp_path)  # a short name, so the panel's title shows it whole
    result = cli("review", "--model", "tiny.en", "--fillers", "fast", "--no-history", name)
    assert result.exit_code == 0, result.stderr
    assert "╭─ [bold]take\\x1b[2J\\x07.wav  score " in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_history_delete_and_private_files(cli, hostile_batch):
    root, db, _ = hostile_batch
    assert db.stat().st_mode & 0o777 == 0o600 and db.parent.stat().st_mode & 0o777 == 0o700
    gone = cli("history", "delete", "--db", db, "--rep", "bob")
    assert (
        gone.exit_code == 0
        and gone.stdout.strip() == "Deleted 1 attempt(s) (the attempts of bob) and 0 stored recording(s)."
    )
    assert (root / "calls" / "bob" / "voicemail.wav").is_file()  # a rep's own audio is never deleted
    assert "bob" not in cli("history", "--db", db).stdout
    (attempt,) = [r for r in csv.DictReader(cli("history", "--db", db, "--format", "csv").stdout.splitlines())
                  if r["rep"] == SHOWN_REP]  # fmt: skip
    one = cli("history", "delete", "--db", db, "--attempt", attempt["id"])
    assert one.exit_code == 0 and "Deleted 1 attempt(s)" in one.stdout
    again = cli("history", "delete", "--db", db, "--attempt", attempt["id"])
    assert again.exit_code == 1 and one_error_line(again.stderr).startswith(
        f"Error: nothing to delete: no attempt {attempt['id']}"
    )
    assert one_error_line(cli("history", "delete", "--db", db).stderr) == (
        "Error: history delete needs one of --rep NAME or --attempt ID"
    )


# ---- 5. workers die with their parent --------------------------------------------------------


def descendants(pid: int) -> set[int]:
    """Every live process under `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_batch_leaves_no_worker(clip, tmp_path):
    calls = tmp_path / "calls" / "sam"
    calls.mkdir(parents=True)
    for k in range(4):
        data, rate = sf.read(str(clip), dtype="float32")
        write_wav(calls / f"take{k}.wav", data * (0.5 + 0.1 * k), rate)
    proc = subprocess.Popen(
        [exe(), "batch", tmp_path / "calls", "-o", tmp_path / "out", "--model", "tiny.en", "--workers", "2",
         "--no-history"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    everyone: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2:
            workers = {p for p in descendants(proc.pid) if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()}
            time.sleep(0.2)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(2.0)  # inside their initializer, loading the model
        everyone = descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(alive(p) for p in everyone):
            time.sleep(0.2)
        left = [p for p in everyone if alive(p)]
        assert not left, f"orphans after SIGKILL of the batch: {left}"
    finally:  # whatever happened, leave nothing running
        for p in everyone | (descendants(proc.pid) if proc.poll() is None else set()):
            if alive(p):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(p, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()


# ---- 6. one-line errors instead of tracebacks ----------------------------------------------


@pytest.fixture(scope="module")
def damaged_db(tmp_path_factory) -> Path:
    from reviewer.storage.history import History

    path = tmp_path_factory.mktemp("damaged") / "history.sqlite"
    with History(path) as h:
        for k in range(40):
            h.add({"file": f"take{k}.wav", "score": 50, "findings": [], "notes": "x" * 3000}, "sam")
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(3)
    for offset in range(4096 * 3, len(data), 4096):  # damage every page after the schema's
        data[offset : offset + 100] = rng.integers(0, 256, 100, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_history_is_one_line_from_the_console_script(cli_process, damaged_db):
    for args in (["history"], ["progress", "--rep", "sam"]):
        result = cli_process(*args, "--db", damaged_db)
        assert result.exit_code == 1
        assert one_error_line(result.stderr) == (
            f"Error: {damaged_db}: the history database is damaged (database disk image is malformed); "
            "restore it from a backup"
        )


@pytest.mark.parametrize(
    "setup, args, code, message",
    [
        ("thresholds = 5\n", ["review", "--config", "{f}", "{good}"], 2, "{f}: thresholds must be a table"),
        (b"pace_max_wpm = 150\n# caf\xe9\n", ["review", "--config", "{f}", "{good}"], 2, "{f}: not UTF-8 text"),
        ("pace_max_wpm = -10\n", ["review", "--config", "{f}", "{good}"], 2, "{f}: pace_max_wpm must be 0 or more"),
        ("snr_warn_db = nan\n", ["review", "--config", "{f}", "{good}"], 2, "{f}: snr_warn_db must be a finite"),
        (
            "[thresholds]\nnumber_max_dps = inf\n",
            ["progress", "--config", "{f}"],
            2,
            "{f}: number_max_dps must be a finite",
        ),
        ("quiet_dbfs = 5\n", ["serve", "--config", "{f}"], 2, "{f}: quiet_dbfs is a level in dBFS"),
        (
            None,
            ["review", "--threads", "-1", "{good}"],
            2,
            "Invalid value for '--threads': -1 is not in the range x>=0",
        ),
        (None, ["batch", "{dir}", "--workers", "0"], 2, "Invalid value for '--workers'"),
        ("", ["batch", "{dir}", "-o", "{f}"], 2, "{f}: is a file, not a folder"),
        ("", ["batch", "{dir}", "-o", "{f}/out"], 2, "{f}/out: cannot write the output folder (Not a directory)"),
        (b"file,rep\ntake.wav,Jos\xe9\n", ["batch", "{dir}", "--manifest", "{f}"], 2, "{f}: the manifest is not UTF-8"),
        (None, ["review", "--max-seconds", "0", "{good}"], 2, "Invalid value for '--max-seconds'"),
        (None, ["serve", "--token", "a&b"], 2, "--token must be at least 8 characters"),
        (None, ["serve", "--token", "long-enough", "--no-token"], 2, "--token and --no-token contradict"),
    ],
)
def test_refusals_are_one_line(cli, tmp_path, setup, args, code, message):
    f = tmp_path / "given"
    if isinstance(setup, bytes):
        f.write_bytes(setup)
    elif setup is not None:
        f.write_text(setup)
    (tmp_path / "calls" / "sam").mkdir(parents=True)
    shutil.copy(GOOD, tmp_path / "calls" / "sam" / "take.wav")
    fill = {"f": str(f), "good": str(GOOD), "dir": str(tmp_path / "calls")}
    result = cli(*[a.format(**fill) for a in args])
    assert result.exit_code == code
    assert one_error_line(result.stderr).startswith("Error: " + message.format(**fill))


def test_a_newer_database_is_refused_and_left_as_it_was(cli, tmp_path):
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 7")
    result = cli("history", "--db", path)
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == f"Error: {path}: made by a newer reviewer (schema 7); upgrade reviewer"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite"]
