"""Every kind of bad input gives a review or one line `Error: FILE: reason`, never a traceback."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, encode_with_pyav, resample, write_wav

GOOD = SAMPLES / "good_callback.wav"


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    rng = np.random.default_rng(7)
    (d / "empty.wav").write_bytes(b"")
    (d / "garbage.wav").write_bytes(rng.integers(0, 256, 4096, dtype=np.uint8).tobytes())
    (d / "notes.mp3").write_text("This is a text file, not an MP3.\n")
    (d / "no_audio_here").mkdir()
    (d / "no_audio_here" / "readme.txt").write_text("nothing to review")
    write_wav(d / "silence.wav", np.zeros(16000 * 5, np.float32), 16000)
    t = np.arange(int(0.5 * 16000)) / 16000
    write_wav(d / "tone.wav", 0.3 * np.sin(2 * np.pi * 440 * t), 16000)
    return d


@pytest.mark.parametrize(
    "name, reason",
    [
        ("missing.wav", "no such file"),
        ("empty.wav", "file is empty (0 bytes)"),
        ("garbage.wav", "not a recognised audio format"),
        ("notes.mp3", "not a recognised audio format"),
        ("no_audio_here", "no audio files in this folder"),
        ("silence.wav", "no speech detected"),
        ("tone.wav", "too short to review (0.50 s"),
    ],
)
def test_bad_input_is_one_line_error(cli, bad, name, reason):
    path = bad / name
    result = cli("review", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {path}: ")
    assert reason in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_input_in_json_is_an_error_object(cli, bad):
    result = cli("review", "--format", "json", bad / "garbage.wav")
    assert result.exit_code == 1
    assert result.json() == [
        {"file": str(bad / "garbage.wav"), "error": "not a recognised audio format (the file's contents are not audio)"}
    ]


def test_one_bad_file_does_not_stop_the_others(cli, bad):
    result = cli("review", "--format", "json", bad / "empty.wav", GOOD, bad / "missing.wav")
    assert result.exit_code == 1
    rows = result.json()
    assert [("error" in r) for r in rows] == [True, False, True]
    assert rows[1]["score"] > 0


def test_bad_input_from_the_real_console_script(cli_process, bad):
    """What a user sees in a terminal: exit code, one line, no traceback."""
    result = cli_process("review", bad / "notes.mp3")
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: {bad / 'notes.mp3'}: not a recognised audio format (the file's contents are not audio)"
    )
    assert result.stdout == ""


def test_usage_errors_exit_2(cli_process, tmp_path):
    assert cli_process("review").exit_code == 2
    assert cli_process("review", "--goal", "nonsense", GOOD).exit_code == 2
    cfg = tmp_path / "t.toml"
    cfg.write_text("pace_max_wpm = 'fast'\n")
    result = cli_process("review", "--config", cfg, GOOD)
    assert result.exit_code == 2
    assert "pace_max_wpm must be float" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def reference(cli):
    result = cli("review", "--format", "json", GOOD)
    assert result.exit_code == 0
    return result.json()[0]


@pytest.mark.parametrize("variant", ["stereo_44k.wav", "mp3", "m4a", "ogg"])
def test_other_formats_review_like_the_wav(cli, reference, tmp_path, variant):
    data, rate = sf.read(str(GOOD), dtype="float32")
    if variant == "stereo_44k.wav":
        up = resample(data, rate, 44100)
        path = write_wav(tmp_path / variant, np.stack([up, up * 0.8], axis=1), 44100)
    else:
        codec = {"mp3": "libmp3lame", "m4a": "aac", "ogg": "libopus"}[variant]
        path = encode_with_pyav(GOOD, tmp_path / f"good.{variant}", codec, 48000 if variant == "ogg" else None)
    result = cli("review", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    got = result.json()[0]
    if variant == "stereo_44k.wav":
        assert got["audio"]["source_channels"] == 2
    assert got["duration_s"] == pytest.approx(reference["duration_s"], abs=0.1)
    assert got["word_count"] == pytest.approx(reference["word_count"], abs=3)
    assert got["words_per_minute"] == pytest.approx(reference["words_per_minute"], rel=0.12)
    assert [n["digits"] for n in got["phone_numbers"]] == [n["digits"] for n in reference["phone_numbers"]]


def test_telephone_8k_audio_reviews(cli, expected, tmp_path):
    """8 kHz telephone audio: the real-voice sample (Allison's recordings are 8 kHz at source)."""
    truth = expected["samples"]["real_voice_number"]
    data, rate = sf.read(str(SAMPLES / truth["file"]), dtype="float32")
    path = write_wav(tmp_path / "telephone_8k.wav", resample(data, rate, 8000), 8000)
    result = cli("review", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    got = result.json()[0]
    assert got["audio"]["source_rate"] == 8000
    assert got["duration_s"] == pytest.approx(truth["duration_s"], abs=0.05)
    assert [n["digits"] for n in got["phone_numbers"]] == [n["digits"] for n in truth["phone_numbers"]]
    assert got["words_per_minute"] == pytest.approx(truth["words_per_minute"], rel=0.12)
