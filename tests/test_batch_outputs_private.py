"""A batch's outputs are its owner's only, whatever the umask (#27): results.sqlite holds every
transcript, the reports every rep's figures. Folders the batch creates are 0700, files 0600; an
older readable store is made private; a link planted in the output folder is replaced, not
followed. Through the CLI, with a stand-in for the review (no model)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, stored_review

from reviewer.apps.batch import STORE_NAME, executors

OUTPUTS = ("results.csv", "results.jsonl", "report.html", STORE_NAME)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def no_model(monkeypatch):
    def review_job(file, settings, cpu_threads=0, data=None, profile=None):
        return stored_review(file, 80), None, 0.1

    monkeypatch.setattr(executors, "review_job", review_job)


def batch(calls: Path, out: Path) -> None:
    from reviewer.apps.cli import main

    args = ["batch", str(calls), "-o", str(out), "--workers", "1", "--model", "tiny.en", "--no-history"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def a_call(tmp_path: Path) -> Path:
    calls = tmp_path / "calls" / "dana"
    calls.mkdir(parents=True)
    (calls / "take.wav").write_bytes((DATA / "espeak_question.wav").read_bytes())
    return calls.parent


def test_batch_outputs_are_owner_only_under_umask_022(umask_022, no_model, tmp_path):
    out = tmp_path / "team" / "week1"  # two folders the batch creates
    batch(a_call(tmp_path), out)
    assert mode(out) == 0o700 and mode(out.parent) == 0o700
    assert {name: mode(out / name) for name in OUTPUTS} == dict.fromkeys(OUTPUTS, 0o600)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")], "nothing left aside"


def test_an_older_readable_store_is_made_private_and_links_are_not_followed(umask_022, no_model, tmp_path):
    calls, out = a_call(tmp_path), tmp_path / "out"
    out.mkdir()  # the coach's own folder, made before: left as it is
    batch(calls, out)
    os.chmod(out / STORE_NAME, 0o644)  # as an older version left it
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text("not the batch's")
    (out / "report.html").unlink()
    (out / "report.html").symlink_to(elsewhere)
    batch(calls, out)
    assert mode(out) == 0o755
    assert mode(out / STORE_NAME) == 0o600
    assert not (out / "report.html").is_symlink() and mode(out / "report.html") == 0o600
    assert elsewhere.read_text() == "not the batch's"


def test_the_output_folders_write_probe_never_follows_a_planted_link(no_model, tmp_path):
    """The check that -o is writable once wrote a fixed name, following a link planted under it."""
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    (out / ".reviewer-write-test").symlink_to(outside)
    batch(a_call(tmp_path), out)
    assert not outside.exists()
