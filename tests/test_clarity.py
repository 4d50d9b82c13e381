"""Clarity on real recordings changed in known ways: noise added at a known SNR, clipping by
a known gain, telephone sampling; and unsure words on hand-built transcripts."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import soundfile as sf
from conftest import SAMPLES, resample, write_wav

from reviewer.measures.clarity import analyse_clarity, estimate_snr, unsure_words
from reviewer.recognition.vad import speech_regions
from reviewer.recognition.words import Transcript, words_from_tuples
from reviewer.rubric import clarity_checks, clipped
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.decode import Audio, load_audio

RATE = 16_000
T = Thresholds()


def vad_only(audio: Audio) -> Transcript:
    return Transcript(words=(), duration=audio.duration, speech_regions=speech_regions(audio))


def region_mask(n: int, regions) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    for a, b in regions:
        m[int(a * RATE) : int(b * RATE)] = True
    return m


def finding(clarity, check):
    return next(f for f in clarity_checks(clarity, T) if f.check == check)


@pytest.mark.parametrize("name", ["good_callback", "real_voice_number"])
@pytest.mark.parametrize("snr_db", [10.0, 20.0])
def test_noise_added_at_a_known_snr_is_estimated_within_3_db(name, snr_db):
    clean = load_audio(SAMPLES / f"{name}.wav")
    x = clean.samples.astype(np.float64)
    regions = speech_regions(clean)
    speech_power = np.mean(x[region_mask(x.size, regions)] ** 2)
    noise = np.random.default_rng(7).standard_normal(x.size) * np.sqrt(speech_power / 10 ** (snr_db / 10))
    noisy = dataclasses.replace(clean, samples=(x + noise).astype(np.float32))
    clarity = analyse_clarity(noisy, vad_only(noisy))  # the pipeline's view: VAD on the noisy file
    assert clarity.snr_source == "vad"
    assert clarity.snr_db == pytest.approx(snr_db, abs=3.0)


@pytest.mark.parametrize("snr_db, status", [(5.0, "fail"), (15.0, "warn")])
def test_noisy_recordings_get_a_noise_tip(snr_db, status):
    clean = load_audio(SAMPLES / "real_voice_number.wav")
    x = clean.samples.astype(np.float64)
    speech_power = np.mean(x[region_mask(x.size, speech_regions(clean))] ** 2)
    noise = np.random.default_rng(5).standard_normal(x.size) * np.sqrt(speech_power / 10 ** (snr_db / 10))
    noisy = dataclasses.replace(clean, samples=(x + noise).astype(np.float32))
    assert finding(analyse_clarity(noisy, vad_only(noisy)), "noise").status == status


def test_clean_samples_have_a_high_snr():
    audio = load_audio(SAMPLES / "good_callback.wav")
    clarity = analyse_clarity(audio, vad_only(audio))
    assert clarity.snr_db > 40
    assert finding(clarity, "noise").status == "pass"


def test_without_background_the_quietest_frames_stand_in():
    clean = load_audio(SAMPLES / "good_callback.wav")
    x = clean.samples.astype(np.float64)
    speech_power = np.mean(x[region_mask(x.size, speech_regions(clean))] ** 2)
    noisy = x + np.random.default_rng(3).standard_normal(x.size) * np.sqrt(speech_power / 100)  # 20 dB
    audio = dataclasses.replace(clean, samples=noisy.astype(np.float32))
    whole = ((0.0, audio.duration),)  # as if the VAD called it all speech
    snr, _, source = estimate_snr(audio, whole)
    assert source == "percentile"
    assert snr == pytest.approx(20.0, abs=3.0)  # reads about 1 dB low: the silences count as speech here


def test_clipped_recording_is_called_clipped_and_the_original_is_not(tmp_path):
    audio = load_audio(SAMPLES / "real_voice_number.wav")
    hot_samples = np.clip(audio.samples * 4.0, -1.0, 1.0)  # +12 dB into a hard limit
    path = write_wav(tmp_path / "clipped.wav", hot_samples, RATE)
    loaded = load_audio(path)
    hot = analyse_clarity(loaded, vad_only(loaded))
    clean = analyse_clarity(audio, vad_only(audio))
    assert not clipped(clean, T) and clean.clipped_share < T.clipped_warn_share
    assert clipped(hot, T) and hot.clipped_share > T.clipped_fail_share
    assert finding(hot, "clipping").status == "fail"
    assert finding(clean, "clipping").status == "pass"


def test_clipping_survives_a_later_gain_change():
    audio = load_audio(SAMPLES / "good_callback.wav")
    hot_samples = np.clip(audio.samples * 4.0, -1.0, 1.0) * 0.3  # clipped, then turned down
    hot = analyse_clarity(dataclasses.replace(audio, samples=hot_samples.astype(np.float32)), vad_only(audio))
    assert clipped(hot, T)


def test_unsure_words_are_listed_with_times_and_fillers_ignored():
    tr = words_from_tuples(
        [
            ("Hi,", 0.5, 0.7, 0.95),
            ("um,", 0.8, 1.0, 0.1),
            ("this", 1.1, 1.3, 0.9),
            ("is", 1.35, 1.5, 0.92),
            ("Sam", 1.55, 1.9, 0.85),
            ("from", 2.0, 2.2, 0.93),
            ("Brightline", 12.1, 12.6, 0.22),
            ("Analytics.", 12.7, 13.3, 0.31),
        ]
    )
    unsure = unsure_words(tr, T.unsure_probability)
    assert [(w.text, w.start) for w in unsure] == [("Brightline", 12.1), ("Analytics.", 12.7)]
    audio = Audio(np.zeros(int(14 * RATE), dtype=np.float32), RATE, RATE, 1)
    clarity = analyse_clarity(audio, tr)
    assert clarity.unsure_share == pytest.approx(2 / 7, abs=0.001)
    f = finding(clarity, "clear_words")
    assert f.status == "fail" and '"Brightline" (0:12)' in f.message and f.start == 12.1


def test_confident_words_pass():
    tr = words_from_tuples([(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate("this is Sam from Acme".split())])
    audio = Audio(np.zeros(int(3 * RATE), dtype=np.float32), RATE, RATE, 1)
    clarity = analyse_clarity(audio, tr)
    assert clarity.unsure_words == () and finding(clarity, "clear_words").status == "pass"


def test_telephone_bandwidth_from_the_sample_rate_and_from_the_spectrum(tmp_path):
    wide = load_audio(SAMPLES / "good_callback.wav")
    assert not analyse_clarity(wide, vad_only(wide)).telephone_band
    # An 8 kHz file: known from its sample rate.
    data, rate = sf.read(str(SAMPLES / "good_callback.wav"), dtype="float32")
    phone = load_audio(write_wav(tmp_path / "phone.wav", resample(data, rate, 8000), 8000))
    c = analyse_clarity(phone, vad_only(phone))
    assert phone.source_rate == 8000 and c.telephone_band and c.bandwidth_hz <= 4500
    # Telephone speech stored at 16 kHz (ve9qrp was 8 kHz): known from its empty upper band.
    upsampled = load_audio(SAMPLES / "real_fillers.wav")
    c = analyse_clarity(upsampled, vad_only(upsampled))
    assert upsampled.source_rate == 16000 and c.telephone_band
    assert finding(c, "bandwidth").weight == 0.0
