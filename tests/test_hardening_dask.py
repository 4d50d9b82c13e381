"""A batch's Dask cluster admits only the team (#27): TLS with certificates made here by openssl,
a client without the team's certificate cannot submit, and a result is stored only once it parses
as a review; a worker that answers with a pickle gets an error row, and nothing is unpickled.
The clusters run in this process on loopback (a worker here shares this module, so the stand-in
tasks below run on it); only the one real review runs Whisper (tiny.en, 2 s of audio)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA

from reviewer.apps.batch import Job, Settings, TlsFiles, find_jobs, run_batch
from reviewer.apps.batch import cluster as cluster_module
from reviewer.apps.batch.results import outcome_text
from reviewer.apps.batch.workers import review_job

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
if not shutil.which("openssl"):
    pytest.skip("openssl is not installed: it makes the test's certificates", allow_module_level=True)

SHORT_TAKE = DATA / "espeak_question.wav"  # 2 s
UNPICKLED = "REVIEWER_TEST_UNPICKLED"  # the file a Trap's unpickling would write


def openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


def make_authority(folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key, "-out", cert, "-days", "2", "-subj", f"/CN={name}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    return cert, key


def make_signed(folder: Path, name: str, ca: tuple[Path, Path]) -> TlsFiles:
    """A machine's certificate and key, signed by `ca`."""
    key, request, cert, ext = (folder / f"{name}{s}" for s in (".key", ".csr", ".pem", ".ext"))
    ext.write_text("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth,clientAuth\n")
    openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key, "-out", request, "-subj", f"/CN={name}",
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", request, "-CA", ca[0], "-CAkey", ca[1], "-CAcreateserial",
        "-out", cert, "-days", "2", "-extfile", ext,
    )  # fmt: skip
    return TlsFiles(str(ca[0]), str(cert), str(key))


@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> dict[str, TlsFiles]:
    """The team's authority and a machine of the team; a stranger's authority and machine."""
    folder = tmp_path_factory.mktemp("certs")
    team, stranger = make_authority(folder, "team-ca"), make_authority(folder, "stranger-ca")
    return {"team": make_signed(folder, "node", team), "stranger": make_signed(folder, "intruder", stranger)}


def security(tls: TlsFiles):
    """The cluster's side: the scheduler and the worker each show the team's certificate."""
    from distributed.security import Security

    roles = {f"tls_{role}_{part}": path for role in ("scheduler", "worker", "client") for part, path in
             (("cert", tls.cert), ("key", tls.key))}  # fmt: skip
    return Security(tls_ca_file=tls.ca_file, require_encryption=True, **roles)


def local_cluster(tls: TlsFiles | None = None, worker_class=None):
    """A scheduler and one worker in this process, on loopback; TLS with `tls`."""
    return distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        host="127.0.0.1",
        protocol="tls://" if tls else "tcp://",
        security=security(tls) if tls else None,
        dashboard_address=None,
        worker_class=worker_class or distributed.Worker,
    )


@pytest.fixture(scope="module")
def tls_cluster(certs):
    with dask.config.set({"distributed.comm.timeouts.connect": "5s"}), local_cluster(certs["team"]) as c:
        yield c


def batch_cli(*args) -> tuple[int, str]:
    """`reviewer batch ARGS` in this process: (exit code, stderr)."""
    from reviewer.apps.cli import main

    result = CliRunner().invoke(main, ["batch", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stderr


def one_error_line(stderr: str) -> str:
    """The one error line, last after the progress bar; no traceback, no other error."""
    errors = [line for line in stderr.splitlines() if "Error" in line or "Traceback" in line]
    assert len(errors) == 1 and stderr.splitlines()[-1] == errors[0], stderr
    return errors[0]


def one_take(tmp_path: Path) -> Path:
    folder = tmp_path / "calls" / "dana"
    folder.mkdir(parents=True)
    shutil.copy(SHORT_TAKE, folder / "take.wav")
    return tmp_path / "calls"


def test_a_client_without_the_teams_certificate_cannot_submit(tls_cluster, certs, tmp_path):
    calls, address = one_take(tmp_path), tls_cluster.scheduler_address
    common = (calls, "--executor", "dask", "--scheduler", address, "--model", "tiny.en", "--no-history")
    stranger = certs["stranger"]
    for extra in [
        (),  # no certificate at all
        ("--tls-ca-file", stranger.ca_file, "--tls-cert", stranger.cert, "--tls-key", stranger.key),
        ("--tls-ca-file", certs["team"].ca_file, "--tls-cert", stranger.cert, "--tls-key", stranger.key),
    ]:
        code, stderr = batch_cli(*common, *extra, "-o", tmp_path / "out")
        assert code != 0 and one_error_line(stderr).startswith(f"Error: {address}: "), stderr
    plain = address.replace("tls://", "tcp://")
    code, stderr = batch_cli(*common[:-5], plain, "--model", "tiny.en", "--no-history", "-o", tmp_path / "out")
    assert code != 0 and one_error_line(stderr).startswith(f"Error: {plain}: "), stderr
    assert not tls_cluster.scheduler.tasks, "nothing was submitted"


def test_with_the_teams_certificates_a_batch_runs(tls_cluster, certs, tmp_path):
    """The real worker task (review_job on the bytes sent, as JSON text), read back as a review."""
    team = certs["team"]
    calls, out = one_take(tmp_path), tmp_path / "out"
    tls = ("--tls-ca-file", team.ca_file, "--tls-cert", team.cert, "--tls-key", team.key)
    code, stderr = batch_cli(
        calls, "--executor", "dask", "--scheduler", tls_cluster.scheduler_address, *tls, "--model", "tiny.en",
        "--no-history", "-o", out,
    )  # fmt: skip
    assert code == 0, stderr
    [row] = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert row["schema"] == 1 and row["rep"] == "dana" and row["word_count"] > 0


# Stand-ins for the worker's task (`cluster.remote_review`), by the file's name: what a broken or
# hostile worker might send back instead of a review's JSON text.
GOOD: dict = {}  # the real review, filled in by the test


def _unpickled() -> str:
    Path(os.environ[UNPICKLED]).write_text("unpickled")
    return "unpickled"


class Trap:
    """An object whose unpickling runs code (writes a file): it must never reach the batch."""

    def __reduce__(self):
        return (_unpickled, ())


def stand_in(file: str, settings, data: bytes, profile=None):
    name = Path(file).stem
    return {
        "good": lambda: outcome_text((GOOD["review"], None, 1.0)),
        "garbage": lambda: "<html>not json",
        "not_a_review": lambda: outcome_text(({"schema": 1, "score": "high"}, None, 1.0)),
        "wrong_kind": lambda: outcome_text((dict(GOOD["review"], score="high"), None, 1.0)),
        "wrong_schema": lambda: outcome_text((dict(GOOD["review"], schema=2), None, 1.0)),
        "bad_figures": lambda: outcome_text((dict(GOOD["review"], findings=[{"status": "fail"}]), None, 1.0)),
        "a_dict": lambda: {"review": GOOD["review"], "error": None, "seconds": 1.0},
        "trap": lambda: Trap(),
    }[name]()


class PicklingWorker(distributed.Worker):
    """A rogue worker: it sends its results pickled, whatever encoding the client asks for."""

    async def get_data(self, comm, keys, who=None, serializers=None):
        return await super().get_data(comm, keys, who=who, serializers=["pickle"])


@pytest.fixture(scope="module")
def good_review() -> dict:
    review, error, _ = review_job(str(SHORT_TAKE), Settings(model="tiny.en", device="cpu"))
    assert error is None, error
    return review


def run_stand_ins(tmp_path: Path, names: list[str], scheduler: str, tls: TlsFiles | None) -> dict[str, dict]:
    calls = tmp_path / "calls"
    calls.mkdir()
    for name in names:
        shutil.copy(SHORT_TAKE, calls / f"{name}.wav")
        with open(calls / f"{name}.wav", "ab") as f:
            f.write(name.encode())  # each its own bytes: no file is a twin of another
    jobs = [Job(j.file, "dana") for j in find_jobs([calls])]
    rows = run_batch(jobs, tmp_path / "out", Settings(model="tiny.en"), executor="dask", scheduler=scheduler, tls=tls)
    return {Path(r["file"]).stem: r for r in rows}


def test_results_are_stored_only_once_they_parse_as_a_review(tls_cluster, certs, good_review, tmp_path, monkeypatch):
    monkeypatch.setitem(GOOD, "review", good_review)
    monkeypatch.setattr(cluster_module, "remote_review", stand_in)
    monkeypatch.setenv(UNPICKLED, str(tmp_path / "unpickled"))
    names = ["good", "garbage", "not_a_review", "wrong_kind", "wrong_schema", "bad_figures", "a_dict", "trap"]
    rows = run_stand_ins(tmp_path, names, tls_cluster.scheduler_address, certs["team"])
    assert rows["good"]["error"] is None and rows["good"]["review"]["score"] == good_review["score"]
    reasons = {
        "garbage": "not JSON",
        "not_a_review": "the review has no 'file'",
        "wrong_kind": "the review's 'score' is str, not int",
        "wrong_schema": "schema 2, not 1",
        "bad_figures": "its figures cannot be read",
        "a_dict": "not JSON text but",
        "trap": "the cluster sent no result",
    }
    for name, reason in reasons.items():
        assert rows[name]["review"] is None and reason in rows[name]["error"], (name, rows[name]["error"])
    assert not (tmp_path / "unpickled").exists()


def test_a_worker_that_answers_with_a_pickle_gets_an_error_row_and_runs_nothing(good_review, tmp_path, monkeypatch):
    monkeypatch.setitem(GOOD, "review", good_review)
    monkeypatch.setattr(cluster_module, "remote_review", stand_in)
    monkeypatch.setenv(UNPICKLED, str(tmp_path / "unpickled"))
    with local_cluster(worker_class=PicklingWorker) as rogue:
        rows = run_stand_ins(tmp_path, ["good", "trap"], rogue.scheduler_address, None)
    for name in ("good", "trap"):
        assert rows[name]["review"] is None
        assert "Data serialized with pickle" in rows[name]["error"], rows[name]["error"]
    assert not (tmp_path / "unpickled").exists(), "the batch unpickled what the worker sent"


def test_an_unencrypted_cluster_beyond_this_machine_is_warned_about():
    assert cluster_module.unencrypted_warning("tcp://10.0.0.5:8786").startswith("Warning: tcp://10.0.0.5:8786: ")
    assert cluster_module.unencrypted_warning("10.0.0.5:8786")
    for quiet in ("tls://10.0.0.5:8786", "tcp://127.0.0.1:8786", "tcp://localhost:8786", "tcp://[::1]:8786", None):
        assert cluster_module.unencrypted_warning(quiet) is None, quiet
