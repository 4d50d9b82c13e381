"""A review measures the audio once (sound/signal.py): the VAD, one frame-power grid, one pitch track, intensity."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from reviewer.measures.prosody import pitch_track, tonality_pitch
from reviewer.sound.decode import load_audio
from reviewer.sound.signal import Signal, frame_levels

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _voice(rate: int = 16000, seconds: float = 2.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    f0 = 140 + 30 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    x = sum(np.sin(k * phase) / k for k in range(1, 8))
    return (0.2 * x * (t % 0.5 < 0.35)).astype(np.float32)


def test_signal_keeps_each_measurement(monkeypatch):
    from reviewer.sound import signal as sig
    from reviewer.sound.decode import Audio

    audio = Audio(_voice(), 16000, 16000, 1)
    grids: Counter = Counter()
    real = sig.energy_grid

    def counted(a, *args):
        grids["energy"] += 1
        return real(a, *args)

    monkeypatch.setattr(sig, "energy_grid", counted)
    s = Signal(audio)
    first = s.frame_power(0.03, 0.01)
    assert s.frame_power(0.03, 0.01) is first
    twenty = s.frame_power(0.02, 0.01)
    assert grids == {"energy": 1}  # both frame lengths are read off the one grid
    # ... with the very figures each frame length gives measured alone, bit for bit
    for (frame_s, hop_s), got in (((0.03, 0.01), first), ((0.02, 0.01), twenty)):
        alone = frame_levels(audio, frame_s, hop_s)
        np.testing.assert_array_equal(got[0], alone[0])
        np.testing.assert_array_equal(got[1], alone[1])
    with pytest.raises(ValueError, match="whole numbers"):
        s.frame_power(0.025, 0.01)  # not whole 10 ms cells: no second grid is made
    # The Signal's pitch track is the one prosody.pitch_track measures on its own.
    times, f0 = tonality_pitch(s)
    alone = pitch_track(audio)
    np.testing.assert_array_equal(times, alone[0])
    np.testing.assert_array_equal(f0, alone[1])
    assert tonality_pitch(s)[1] is f0 and s.pitch()[1] is f0


def test_the_grid_gives_each_frame_length_on_odd_lengths():
    """Frames read off the grid match frames measured alone whatever the length's remainder."""
    from reviewer.sound.decode import Audio

    x = _voice(seconds=1.0)
    for n in (479, 480, 481, 799, 800, 16000 - 7):
        audio = Audio(x[:n], 16000, 16000, 1)
        for frame_s in (0.02, 0.03):
            got, alone = Signal(audio).frame_power(frame_s, 0.01), frame_levels(audio, frame_s, 0.01)
            np.testing.assert_array_equal(got[0], alone[0])
            np.testing.assert_array_equal(got[1], alone[1])


@pytest.mark.fresh_reviews
def test_a_review_measures_the_audio_once(monkeypatch, tiny_transcriber):
    """One review of a sample with fillers and a number (so the filler check, the phone timing,
    tonality and clarity all run): Silero VAD, the one pitch track (its two Praat passes), the
    intensity and the one frame-power grid once; the page's pitch contour reads the review's track."""
    import faster_whisper.vad
    import parselmouth

    from reviewer.apps.server import pitch_contour
    from reviewer.pipeline import Reviewer
    from reviewer.sound import signal as sig

    counts: Counter = Counter()

    def count(owner, name, key):
        real = getattr(owner, name)

        def wrapper(*args, **kwargs):
            counts[key(*args, **kwargs)] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    # faster-whisper's own VAD inside its decoder (vad_filter) binds the function at import,
    # so this counts only the reviewer's speech regions.
    count(faster_whisper.vad, "get_speech_timestamps", lambda *a, **k: "vad")
    count(
        parselmouth.Sound,
        "to_pitch_ac",
        lambda self, **k: ("pitch", round(k["time_step"], 3), round(k["pitch_floor"]), round(k["pitch_ceiling"])),
    )
    count(parselmouth.Sound, "to_intensity", lambda self, **k: "intensity")
    count(sig, "energy_grid", lambda *a, **k: "power grid")
    count(sig, "pitch_track", lambda *a, **k: "pitch track")

    reviewer = Reviewer(model="tiny.en", device="cpu")
    assert reviewer.transcriber is tiny_transcriber
    audio = load_audio(SAMPLES / "fillers_rushed.wav")
    review = reviewer.review_audio(audio, "fillers_rushed.wav")
    assert review.filler_count and review.phone_numbers and review.signal is not None
    pitch = [k for k in counts if k[0] == "pitch"]
    assert counts["vad"] == 1
    assert counts["intensity"] == 1  # the filler check's
    assert counts["power grid"] == 1  # tonality's pauses and loudness, clarity's noise, the number's envelope
    # One pitch track, read by tonality and the filler check: its two Praat passes (the
    # speaker's register, then the pass bounded to it), each once.
    assert counts["pitch track"] == 1
    assert len(pitch) == 2 and pitch[0] == ("pitch", 0.02, 75, 500) and pitch[1][1] == 0.01
    assert all(counts[k] == 1 for k in pitch)
    before = sum(counts.values())
    contour = pitch_contour(review.signal, review.tonality.pitch_median_hz, [(0.0, audio.duration)])
    assert any(v is not None for v in contour)
    assert sum(counts.values()) == before  # the page's contour measured nothing again
    assert "signal" not in review.to_dict()
