"""Tonality on signals whose properties are known: glides built with numpy, real speech
with its pitch flattened by Praat, espeak statements and questions, real speech scaled down
or faded at the end, and hand-timed transcripts for pace."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import soundfile as sf
from conftest import DATA, SAMPLES, resample, truth_transcript

from reviewer.measures.number.find import find_phone_numbers
from reviewer.measures.prosody import (
    EnergyParts,
    PhraseEnding,
    Tonality,
    analyse_tonality,
    phrase_endings,
    phrase_paces,
    pitch_track,
    sentences,
)
from reviewer.measures.prosody.pitch import octave_errors
from reviewer.measures.prosody.records import PROSODY
from reviewer.recognition.vad import speech_regions
from reviewer.recognition.words import Transcript, words_from_tuples
from reviewer.rubric import (
    Finding,
    monotone,
    phrase_verdict,
    pitch_range,
    score,
    tonality_checks,
    trailing_off,
    voice_verdicts,
)
from reviewer.rubric.formats import clock
from reviewer.rubric.thresholds import Thresholds
from reviewer.sound.decode import Audio, load_audio

RATE = 16_000
T = Thresholds()
VE9QRP = DATA / "ve9qrp_100s.wav"  # codec2-examples ve9qrp.wav, first 100 s, 8 kHz


def voice(f0: np.ndarray, spans: list[tuple[float, float]], amp: float = 0.3) -> np.ndarray:
    """A harmonic-rich, glottal-pulse-like voice (30 harmonics falling 1/k) following f0 (Hz per
    sample), sounding only inside `spans` (s), with 10 ms ramps."""
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    x = sum(np.sin(k * phase) / k for k in range(1, 31))
    env = np.zeros_like(x)
    for a, b in spans:
        i, j = int(a * RATE), int(b * RATE)
        env[i:j] = 1.0
        r = int(0.01 * RATE)
        env[i : i + r] = np.linspace(0, 1, r)
        env[j - r : j] = np.linspace(1, 0, r)
    return (amp * x / np.max(np.abs(x)) * env).astype(np.float32)


def contour(total: float, points: list[tuple[float, float]]) -> np.ndarray:
    t = np.arange(int(total * RATE)) / RATE
    return np.interp(t, [p[0] for p in points], [p[1] for p in points])


WORDS = [("I'd", 0.10, 0.40), ("love", 0.45, 0.80), ("to", 0.85, 1.00), ("connect.", 1.10, 1.90)]


@pytest.mark.parametrize("end_hz, direction", [(170.0, "rising"), (85.0, "falling"), (120.0, "level")])
def test_known_glide_on_the_last_word_is_read_as_its_direction(end_hz, direction):
    # 120 Hz, then over the last 0.45 s of "connect" a glide to end_hz (+6 st, -6 st, none).
    f0 = contour(2.3, [(0, 120), (1.45, 120), (1.9, end_hz), (2.3, end_hz)])
    audio = Audio(voice(f0, [(a, b) for _, a, b in WORDS]), RATE, RATE, 1)
    tr = words_from_tuples(WORDS, duration=2.3)
    times, hz = pitch_track(audio)
    (ending,) = phrase_endings(times, hz, tr, T.rising_ending_st)
    assert ending.direction == direction
    assert ending.text == "I'd love to connect"
    if direction != "level":
        assert abs(ending.change_st) == pytest.approx(6.0, abs=2.0)
        assert (ending.change_st > 0) == (direction == "rising")


def test_a_rising_statement_becomes_a_tip_with_the_words_and_the_time():
    f0 = contour(2.3, [(0, 120), (1.45, 120), (1.9, 170), (2.3, 170)])
    words = [(w, a + 11.0, b + 11.0) for w, a, b in WORDS]
    pad = np.zeros(int(11.0 * RATE), dtype=np.float32)
    audio = Audio(np.concatenate([pad, voice(f0, [(a, b) for _, a, b in WORDS])]), RATE, RATE, 1)
    ton = analyse_tonality(audio, words_from_tuples(words, duration=13.3))
    finding = next(f for f in tonality_checks(ton, T) if f.check == "phrase_endings")
    assert finding.status == "warn"
    assert '"I\'d love to connect" (0:12)' in finding.message and "let it fall" in finding.message


def test_flat_synthetic_voice_is_monotone():
    f0 = np.full(int(2.3 * RATE), 120.0)
    audio = Audio(voice(f0, [(a, b) for _, a, b in WORDS]), RATE, RATE, 1)
    ton = analyse_tonality(audio, words_from_tuples(WORDS, duration=2.3))
    assert ton.pitch_median_hz == pytest.approx(120, abs=2)
    assert ton.pitch_range_st < 0.5
    # 1.6 s voiced is too little for a pitch verdict (tonality_min_voiced_s); with enough, monotone
    assert ton.voiced_s < T.tonality_min_voiced_s and monotone(ton, T) is None
    assert monotone(dataclasses.replace(ton, voiced_s=T.tonality_min_voiced_s), T) is True


@pytest.mark.parametrize("voiced_s", [1.56, 3.99, 4.0, 12.0])
def test_monotone_and_pitch_variety_are_one_verdict(voiced_s):
    """The JSON's tonality.monotone and the pitch_variety finding are decided by one function
    (rubric.voice.pitch_range): on under tonality_min_voiced_s of voiced speech neither gives a
    verdict (before, monotone was true on a 1.2 s espeak clip that pitch_variety left unjudged),
    and pitch_variety says why, as an unsure warning that weighs nothing."""
    f0 = np.full(int(2.3 * RATE), 120.0)
    audio = Audio(voice(f0, [(a, b) for _, a, b in WORDS]), RATE, RATE, 1)
    ton = dataclasses.replace(analyse_tonality(audio, words_from_tuples(WORDS, duration=2.3)), voiced_s=voiced_s)
    verdict = voice_verdicts(ton, None, T).monotone
    pitch = [f for f in tonality_checks(ton, T) if f.check == "pitch_variety"]
    if voiced_s < T.tonality_min_voiced_s:
        assert verdict is None and [(f.status, f.unsure, f.weight) for f in pitch] == [("warn", True, 0.0)]
        assert pitch[0].message.startswith(f"Couldn't judge your pitch: only {voiced_s:.1f} s of clearly voiced")
    else:
        assert verdict is True and [f.status for f in pitch] == ["fail"]


def flatten(audio: Audio, hz: float = 100.0) -> Audio:
    """The same speech resynthesised by Praat (PSOLA) on one pitch."""
    import parselmouth
    from parselmouth.praat import call

    snd = parselmouth.Sound(audio.samples.astype(np.float64), sampling_frequency=audio.rate)
    manipulation = call(snd, "To Manipulation", 0.01, 75, 600)
    tier = call(manipulation, "Extract pitch tier")
    call(tier, "Formula", str(hz))
    call([tier, manipulation], "Replace pitch tier")
    flat = call(manipulation, "Get resynthesis (overlap-add)")
    return Audio(flat.values[0].astype(np.float32), audio.rate, audio.source_rate, 1)


def vad_only(audio: Audio) -> Transcript:
    """No words, only where the VAD hears speech: enough for pitch and loudness."""
    return Transcript(words=(), duration=audio.duration, speech_regions=speech_regions(audio))


def test_real_speech_is_expressive_and_the_same_speech_flattened_is_monotone():
    real = load_audio(SAMPLES / "real_fillers.wav")
    lively = analyse_tonality(real, vad_only(real))
    flat_audio = flatten(real)
    flat = analyse_tonality(flat_audio, vad_only(flat_audio))
    assert monotone(lively, T) is False and lively.pitch_range_st >= T.monotone_range_st
    assert monotone(flat, T) is True and flat.pitch_range_st < T.flat_range_st
    assert flat.pitch_median_hz == pytest.approx(100, abs=3)
    assert flat.pitch_spread_st < lively.pitch_spread_st


@pytest.mark.parametrize("start_s", [0.0, 20.0, 40.0, 60.0, 80.0])  # every 20 s window of the first 100 s
def test_real_spontaneous_speaker_is_not_monotone(start_s):
    data, rate = sf.read(VE9QRP, dtype="float32")
    piece = resample(data[int(start_s * rate) : int((start_s + 20) * rate)], rate, RATE)
    audio = Audio(piece.astype(np.float32), RATE, rate, 1)
    ton = analyse_tonality(audio, vad_only(audio))
    assert monotone(ton, T) is False, ton.pitch_range_st


@pytest.fixture(scope="module")
def espeak_endings(base_transcriber):
    """espeak reads '.' falling and '?' rising; Whisper's '?' is turned into '.' so both count as statements."""
    out = {}
    for mark, name in ((".", "espeak_statement.wav"), ("?", "espeak_question.wav")):
        audio = load_audio(DATA / name)
        tr = base_transcriber.transcribe(audio)
        words = tuple(dataclasses.replace(w, text=w.text.replace("?", ".")) for w in tr.words)
        out[mark] = analyse_tonality(audio, dataclasses.replace(tr, words=words)).endings
    return out


def test_espeak_statement_falls_and_the_same_words_asked_rise(espeak_endings):
    assert [e.direction for e in espeak_endings["."]] == ["falling"]
    assert [e.direction for e in espeak_endings["?"]] == ["rising"]
    assert espeak_endings["?"][0].text.endswith("get a chance")


def test_statements_end_where_the_audio_pauses_and_a_mark_only_hints():
    rows = [
        ("Hello", 0.0, 0.3),
        ("Mr.", 0.35, 0.6),  # a title: no break even before a pause
        ("Grant,", 0.95, 1.3),  # a mark and a 0.35 s pause: a break
        ("this", 1.65, 1.8),
        ("is", 1.85, 2.0),
        ("Sam.", 2.05, 2.4),  # a period with only 0.2 s after it: no break
        ("Can", 2.6, 2.8),
        ("we", 2.85, 3.0),
        ("talk", 3.05, 3.4),  # no mark, 0.4 s: a hesitation, no break
        ("today", 3.8, 4.1),  # no mark, 0.7 s: a break
        ("or", 4.8, 4.9),
        ("soon", 4.95, 5.3),
    ]
    tr = words_from_tuples(rows)
    assert sentences(tr) == [[0, 1, 2], [3, 4, 5, 6, 7, 8, 9], [10, 11]]
    swap = {"Grant,": "Grant.", "Sam.": "Sam,"}  # the title keeps its period
    swapped = words_from_tuples([(swap.get(w, w), a, b) for w, a, b in rows])
    assert sentences(swapped) == sentences(tr)  # which mark Whisper wrote never moves a break


@pytest.mark.parametrize("name", ["good_callback", "fillers_rushed", "too_long", "real_voice_number"])
def test_endings_on_known_word_times_fall_and_a_comma_or_period_never_flips_them(name, expected):
    """The samples' known word times (expected.json), the real audio: espeak and Allison end
    statements falling or level. Every comma made a period and every period a comma changes
    nothing, since breaks are found in the audio."""
    audio = load_audio(SAMPLES / expected["samples"][name]["file"])
    truth = truth_transcript(name, audio)
    ton = analyse_tonality(audio, truth, find_phone_numbers(truth, audio))
    assert ton.endings and ton.rising_endings == 0, ton.endings
    swap = {".": ",", ",": "."}
    flipped = tuple(dataclasses.replace(w, text=w.text[:-1] + swap.get(w.text[-1], w.text[-1])) for w in truth.words)
    other = dataclasses.replace(truth, words=flipped)
    again = analyse_tonality(audio, other, find_phone_numbers(other, audio))
    assert [(e.start, e.direction) for e in again.endings] == [(e.start, e.direction) for e in ton.endings]


def test_a_rise_that_leads_into_the_number_is_not_a_question():
    """ "... from Keystone Freight, 6 1 2": the voice rises to say more is coming."""
    f0 = contour(4.0, [(0, 120), (1.0, 120), (1.5, 170), (4.0, 170)])
    rows = [("Sarah", 0.1, 0.4), ("from", 0.45, 0.7), ("Keystone", 0.75, 1.1), ("Freight,", 1.15, 1.5)]
    rows += [("6,", 2.0, 2.3), ("1,", 2.5, 2.8), ("2.", 3.0, 3.3)]
    audio = Audio(voice(f0, [(a, b) for _, a, b in rows]), RATE, RATE, 1)
    times, hz = pitch_track(audio)
    assert phrase_endings(times, hz, words_from_tuples(rows, duration=4.0), T.rising_ending_st) == ()
    alone = words_from_tuples(rows[:4], duration=4.0)  # the same rise ending the message is judged
    assert [e.direction for e in phrase_endings(times, hz, alone, T.rising_ending_st)] == ["rising"]


def test_questions_digit_runs_and_greetings_are_not_judged_as_statements():
    f0 = contour(6.0, [(0, 120), (6.0, 170)])  # rising all along: every judged ending would rise
    rows = [
        ("Can", 0.1, 0.3),
        ("we", 0.35, 0.5),
        ("talk?", 0.55, 0.9),
        ("Call", 1.5, 1.7),
        ("me", 1.75, 1.9),
        ("at", 1.95, 2.1),
        ("6,", 2.2, 2.4),
        ("1,", 2.5, 2.7),
        ("2.", 2.8, 3.0),
        ("Bye!", 3.6, 3.9),
        ("I", 4.5, 4.6),
        ("can", 4.65, 4.9),
        ("help.", 4.95, 5.6),
    ]
    audio = Audio(voice(f0, [(a, b) for _, a, b in rows]), RATE, RATE, 1)
    tr = words_from_tuples(rows, duration=6.0)
    times, hz = pitch_track(audio)
    endings = phrase_endings(times, hz, tr, T.rising_ending_st)
    assert [e.text for e in endings] == ["I can help"]


def test_a_recording_20_db_down_is_quiet():
    audio = load_audio(SAMPLES / "good_callback.wav")
    tr = vad_only(audio)
    normal = analyse_tonality(audio, tr)
    quiet_audio = dataclasses.replace(audio, samples=(audio.samples * 0.1).astype(np.float32))
    quiet = analyse_tonality(quiet_audio, tr)
    assert not voice_verdicts(normal, None, T).quiet and voice_verdicts(quiet, None, T).quiet
    assert quiet.level_dbfs == pytest.approx(normal.level_dbfs - 20.0, abs=0.5)
    volume = next(f for f in tonality_checks(quiet, T) if f.check == "volume")
    assert volume.status == "warn" and "quiet" in volume.message


@pytest.fixture(scope="module")
def good_transcript(base_transcriber):
    audio = load_audio(SAMPLES / "good_callback.wav")
    return audio, base_transcriber.transcribe(audio)


def test_last_words_12_db_quieter_trail_off(good_transcript):
    audio, tr = good_transcript
    steady = analyse_tonality(audio, tr)
    cut = tr.words[-3].start - 0.05
    faded = audio.samples.copy()
    faded[int(cut * RATE) :] *= 10 ** (-12 / 20)
    fading = analyse_tonality(dataclasses.replace(audio, samples=faded), tr)
    assert not trailing_off(steady, T) and abs(steady.ending_drop_db) < 3
    assert trailing_off(fading, T) and fading.ending_drop_db == pytest.approx(12.0, abs=2.0)
    finding = next(f for f in tonality_checks(fading, T) if f.check == "trailing_off")
    assert finding.status == "warn" and clock(fading.last_words_start) in finding.message


def test_rushed_and_dragging_phrases_are_found_with_their_rate():
    fast = [(f"w{i}", 1.0 + i * 0.15, 1.0 + i * 0.15 + 0.12) for i in range(10)]  # 10 words in 1.47 s
    slow = [(f"s{i}", 4.0 + i * 1.0, 4.0 + i * 1.0 + 0.5) for i in range(6)]  # 6 words in 5.5 s, 0.5 s gaps
    normal = [(f"n{i}", 12.0 + i * 0.3, 12.0 + i * 0.3 + 0.25) for i in range(8)]  # 8 words in 2.35 s
    tr = words_from_tuples(fast + slow + normal, duration=16.0)
    tr = dataclasses.replace(tr, speech_regions=())
    phrases = phrase_paces(tr, ())
    verdicts = {p.text.split()[0][0]: (phrase_verdict(p, T), p.words_per_minute) for p in phrases}
    assert verdicts["w"][0] == "rushed" and verdicts["w"][1] == pytest.approx(10 / 1.47 * 60, rel=0.02)
    assert verdicts["n"][0] == "ok"
    # The slow words are separate phrases (0.5 s gaps): too short to judge, never "rushed".
    assert "s" not in verdicts
    joined = words_from_tuples([(f"s{i}", 4.0 + i * 0.9, 4.0 + i * 0.9 + 0.7) for i in range(6)], duration=10)
    (drag,) = phrase_paces(dataclasses.replace(joined, speech_regions=()), ())
    assert phrase_verdict(drag, T) == "dragging" and drag.words_per_minute == pytest.approx(6 / 5.2 * 60, rel=0.02)


def test_number_words_are_left_out_of_phrase_pace_and_compared_with_the_rest():
    rows = [
        ("Call", 1.0, 1.2),
        ("me", 1.25, 1.4),
        ("back", 1.45, 1.7),
        ("on", 1.75, 1.9),
        ("my", 1.95, 2.1),
        ("cell", 2.15, 2.4),
        ("at", 2.45, 2.6),
    ]
    digits = "6124372968"
    rows += [(d + ",", 2.7 + i * 0.15, 2.7 + i * 0.15 + 0.12) for i, d in enumerate(digits)]  # 10 digits in 1.47 s
    rows += [
        ("Thanks", 4.6, 4.9),
        ("so", 4.95, 5.1),
        ("much", 5.15, 5.4),
        ("for", 5.45, 5.6),
        ("listening.", 5.65, 6.2),
    ]
    tr = words_from_tuples(rows, duration=7.0)
    numbers = find_phone_numbers(tr)
    assert [n.digits for n in numbers] == [digits]
    f0 = contour(7.0, [(0, 120), (3, 150), (7, 110)])
    audio = Audio(voice(f0, [(a, b) for _, a, b in rows]), RATE, RATE, 1)
    ton = analyse_tonality(audio, tr, numbers)
    assert all(not p.text[0].isdigit() for p in ton.phrases)
    assert ton.number_digits_per_minute == pytest.approx(10 / (numbers[0].end - numbers[0].start) * 60, rel=0.01)
    assert ton.number_pace_ratio > T.number_pace_ratio_max
    finding = next(f for f in tonality_checks(ton, T) if f.check == "number_slowdown")
    assert finding.status == "warn"


def test_energy_is_0_to_100_and_explained_by_its_parts():
    real = load_audio(SAMPLES / "real_voice_number.wav")
    tr = words_from_tuples([("word", a, a + 0.3) for a in np.arange(0.7, 22.0, 0.45)], duration=real.duration)
    tr = dataclasses.replace(tr, speech_regions=speech_regions(real))
    lively = analyse_tonality(real, tr)
    flat = analyse_tonality(flatten(real, 200.0), tr)
    assert 0 <= flat.energy < lively.energy <= 100
    assert flat.energy_parts.pitch < lively.energy_parts.pitch
    assert flat.energy_parts.pace == lively.energy_parts.pace
    assert lively.energy == round(
        0.5 * lively.energy_parts.pitch + 0.25 * lively.energy_parts.loudness + 0.25 * lively.energy_parts.pace
    )


def test_silence_gives_no_pitch_verdict_and_no_crash():
    audio = Audio(np.zeros(3 * RATE, dtype=np.float32), RATE, RATE, 1)
    ton = analyse_tonality(audio, Transcript(words=(), duration=3.0))
    assert monotone(ton, T) is None and ton.pitch_range_st is None and ton.energy is None
    assert tonality_checks(ton, T) == ()


def test_the_analyses_measure_and_only_the_rubric_judges():
    # Tonality and Clarity hold figures; the verdicts on them (monotone, quiet, trailing off,
    # a rushed phrase, clipping) are the rubric's, put beside the figures in the JSON
    from reviewer.measures.clarity import Clarity
    from reviewer.measures.prosody import PhrasePace, Tonality

    fields = {f.name for cls in (Tonality, Clarity, PhrasePace) for f in dataclasses.fields(cls)}
    assert not fields & {"monotone", "trailing_off", "quiet", "clipped", "verdict", "rushed_phrases"}


# --- a plausible pitch track (#24): octave errors out, enough confident voiced speech, else no verdict


def test_octave_errors_are_frames_an_octave_off_the_running_median_and_glides_stay():
    """A stretch tracked at double (12 st up) is an octave error; a speaker's own glide of 10 st
    above the running median is not."""
    times = np.arange(600) * 0.01
    st = np.full(600, 12 * np.log2(100.0))
    st[100:130] += 12.0  # 0.3 s tracked an octave up
    st[300:340] += np.linspace(0, 10, 40)  # a real rise on a stressed word
    off = octave_errors(times, st, PROSODY.octave_window_s, PROSODY.octave_error_st)
    assert off[100:130].all() and not off[:100].any() and not off[130:].any()


def test_a_noisy_phone_line_gets_no_pitch_verdict_and_says_why():
    """codec2's cq_ref through a 300-3400 Hz band, 11 dB above pink noise: a quarter of its
    voiced frames tracked two octaves up. Before, its pitch range read 28 st around 101 Hz and
    the rep was told it "sounds engaged"; now the octave errors are left out of the figures and
    the rubric says it couldn't judge the pitch, at no cost to the score."""
    audio = load_audio(DATA / "cq_ref_phone_noise.wav")
    ton = analyse_tonality(audio, vad_only(audio))
    assert ton.pitch_octave_share > T.pitch_octave_share_max
    assert ton.pitch_range_st < 12  # the errors are not in the range
    assert monotone(ton, T) is None and pitch_range(ton, T) is None
    by = {f.check: f for f in tonality_checks(ton, T)}
    pitch = by["pitch_variety"]
    assert (pitch.status, pitch.unsure, pitch.weight) == ("warn", True, 0.0)
    assert pitch.message.startswith("Couldn't judge your pitch: the pitch tracker jumped an octave")
    assert "energy" not in by  # half of it is the pitch range


def test_the_real_noisy_recording_keeps_its_pitch_verdict():
    """ve9qrp, 14 dB above its own noise: a plausible track (under 2 % octave errors) that is judged."""
    data, rate = sf.read(VE9QRP, dtype="float32")
    audio = Audio(resample(data, rate, RATE).astype(np.float32), RATE, rate, 1)
    ton = analyse_tonality(audio, vad_only(audio))
    assert ton.pitch_octave_share < 0.02 and 85 < ton.pitch_median_hz < 100
    assert T.monotone_range_st < pitch_range(ton, T) < 12
    pitch = next(f for f in tonality_checks(ton, T) if f.check == "pitch_variety")
    assert pitch.status == "pass" and not pitch.unsure


def lively_voice() -> Tonality:
    """A voice with a plausible track over a lively range, even loudness and level endings."""
    parts = EnergyParts(50, 50, 50)
    return Tonality(130.0, 9.0, 2.5, 8.0, (), 0, -22.0, -3.0, 3.0, 0.0, "thanks", 9.0, (), None, None, None, 50, parts)


@pytest.mark.parametrize(
    "over, reason",
    [
        ({"pitch_range_st": 37.0, "pitch_median_hz": 66.0}, "wider than a voice spans"),  # #24's recordings
        ({"pitch_median_hz": 66.0}, "66 Hz, is under any speaking voice"),
        ({"pitch_octave_share": 0.3}, "jumped an octave or more in 30%"),
        ({"voiced_s": 2.0}, "only 2.0 s of clearly voiced speech"),
    ],
)
def test_an_implausible_pitch_track_is_not_judged_and_costs_nothing(over, reason):
    base = lively_voice()
    ton = dataclasses.replace(base, **over)
    assert pitch_range(base, T) == 9.0 and pitch_range(ton, T) is None and monotone(ton, T) is None
    (pitch,) = [f for f in tonality_checks(ton, T) if f.check == "pitch_variety"]
    assert pitch.status == "warn" and pitch.unsure and pitch.weight == 0 and reason in pitch.message
    assert score([pitch, Finding("name", "pass", "")]) == 100


def ending(direction: str, mark: str, pause_after_s: float | None, text: str = "my fellow Americans") -> PhraseEnding:
    return PhraseEnding(text, 1.0, 1.5, 5.0 if direction == "rising" else -5.0, direction, mark, pause_after_s)


def endings_verdict(*endings: PhraseEnding):
    base = lively_voice()
    ton = dataclasses.replace(base, endings=endings, rising_endings=sum(e.direction == "rising" for e in endings))
    return next(f for f in tonality_checks(ton, T) if f.check == "phrase_endings")


def test_a_rise_before_a_comma_carries_the_sentence_on_and_is_no_question():
    """ "And so, my fellow Americans, ask not ...": rises before commas, then the sentence falls."""
    read = (ending("rising", ",", 0.5, "And so"), ending("rising", ",", 0.9), ending("falling", ".", 1.0, "ask not"))
    f = endings_verdict(*read)
    assert f.status == "pass" and "carry the sentence on" in f.message
    # The same rises at a sentence's end, before a long pause or ending the message are question-like
    assert endings_verdict(ending("rising", ".", 0.5, "And so"), ending("rising", ".", 0.9)).status == "fail"
    long_pause = T.continuation_pause_max_s + 0.1
    assert (
        endings_verdict(ending("rising", ",", long_pause, "And so"), ending("rising", ",", long_pause)).status == "fail"
    )
    assert endings_verdict(ending("rising", ",", None)).status == "warn"  # the message's last words


def test_each_ending_says_how_the_rubric_reads_it_for_the_page():
    """The JSON's endings carry the rubric's verdict, so the page draws a rise before a comma as
    the sentence carrying on, not as a red question (charts.js reads `verdict`)."""
    from reviewer.rubric import voice_verdicts

    base = lively_voice()
    read = (ending("rising", ",", 0.5, "And so"), ending("rising", ".", 0.9), ending("falling", ".", 1.0, "ask not"))
    ton = dataclasses.replace(base, endings=read, rising_endings=2)
    verdicts = voice_verdicts(ton, None, T)
    assert verdicts.ending_verdicts == ("continuation", "question_like", "falling")
    data = verdicts.into({"tonality": {"phrases": [], "endings": [{}, {}, {}]}})
    assert [e["verdict"] for e in data["tonality"]["endings"]] == ["continuation", "question_like", "falling"]


def test_each_ending_carries_its_mark_and_the_pause_after_it():
    f0 = contour(4.0, [(0, 120), (1.0, 120), (1.5, 170), (2.2, 120), (4.0, 120)])
    rows = [("And", 0.1, 0.3), ("so", 0.35, 0.6), ("my", 0.65, 0.8), ("Americans,", 0.85, 1.5)]
    rows += [("ask", 2.2, 2.5), ("not", 2.55, 2.8), ("today.", 2.85, 3.4)]
    audio = Audio(voice(f0, [(a, b) for _, a, b in rows]), RATE, RATE, 1)
    times, hz = pitch_track(audio)
    first, last = phrase_endings(times, hz, words_from_tuples(rows, duration=4.0), T.rising_ending_st)
    assert (first.direction, first.mark, first.pause_after_s) == ("rising", ",", pytest.approx(0.7))
    assert (last.mark, last.pause_after_s) == (".", None)
