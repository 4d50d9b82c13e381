"""The benchmark's typical messages (bench/voicemails.py, #26): call-back voicemails of 20-30 s
that the committed files in samples/bench/ are, sample for sample, so `make bench` measures
what the script says it does."""

from __future__ import annotations

import importlib.util
import shutil

import numpy as np
import pytest
import soundfile as sf
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None, reason="needs espeak-ng and sox"
)


def _voicemails():
    spec = importlib.util.spec_from_file_location("bench_voicemails", ROOT / "bench" / "voicemails.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_voicemails_are_what_the_script_builds(tmp_path):
    built = _voicemails().build_samples(tmp_path)
    for path in built:
        committed = ROOT / "samples" / "bench" / path.name
        assert committed.stat().st_size < 1_000_000
        new, rate = sf.read(str(path), dtype="int16")
        old, old_rate = sf.read(str(committed), dtype="int16")
        assert rate == old_rate == 16_000 and np.array_equal(new, old)
        assert 20.0 <= len(old) / rate <= 30.0


def test_a_batch_is_distinct_call_back_voicemails(tmp_path):
    total = _voicemails().build_batch(4, tmp_path)
    files = sorted(tmp_path.rglob("*.wav"))
    assert len(files) == 4 and 4 * 20.0 <= total <= 4 * 31.0
    assert len({f.read_bytes() for f in files}) == 4
