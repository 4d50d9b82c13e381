"""Analyses on hand-built transcripts: fillers, hedges, timing, rubric checks, thresholds."""

from __future__ import annotations

import dataclasses

import pytest

from reviewer.measures.fillers.transcript import find_fillers, find_hedges
from reviewer.measures.pace import count_words, measure_timing
from reviewer.measures.settings import DETECTION
from reviewer.recognition.words import Transcript, words_from_tuples
from reviewer.rubric import run_checks, score, top_fixes
from reviewer.rubric.thresholds import Thresholds
from reviewer.settings import Config, ConfigError, ReviewSettings, load_config


def t(words: str, start: float = 1.0, step: float = 0.4, gap_after: dict | None = None) -> Transcript:
    """Evenly timed transcript from a string; gap_after={index: extra seconds}."""
    rows, now = [], start
    for i, w in enumerate(words.split()):
        rows.append((w, now, now + step * 0.8))
        now += step + (gap_after or {}).get(i, 0.0)
    return words_from_tuples(rows, duration=now + 1.0)


def test_fillers_are_found_with_times_and_source():
    tr = t("Hi, um, this is Sam. Uh, call me. Hmm")
    fillers = find_fillers(tr)
    assert [(f.text, f.source) for f in fillers] == [("um", "asr"), ("uh", "asr"), ("hmm", "asr")]
    assert fillers[0].start == pytest.approx(1.4)


def test_ordinary_words_are_not_fillers():
    assert find_fillers(t("Umbrella hummus error uhura ahead")) == ()


def test_hedges_are_listed_apart():
    tr = t("You know, I just wanted to, like, share kind of a big idea. Do you know what kind of car I like?")
    assert [h.text for h in find_hedges(tr)] == ["you know", "just", "like", "kind of"]


def test_word_count_excludes_fillers_and_counts_number_digits():
    tr = t("Um call me at 763-416-4321 in 2 weeks")
    assert count_words(tr) == 7  # um excluded; the number token counts once without number info
    assert count_words(tr, number_word_indices={4}) == 16  # ten digits spoken


def test_speech_span_uses_vad_when_whisper_stamps_from_zero():
    words = words_from_tuples([("Hi", 0.0, 2.3), ("there", 2.3, 2.7), ("friend", 2.8, 3.2)], duration=5.0)
    tr = dataclasses.replace(words, speech_regions=((2.0, 3.25),))
    timing = measure_timing(tr)
    assert timing.speech_start_s == 2.0  # not Whisper's 0.00
    assert timing.speech_end_s == 3.25  # the VAD edge, near the last word
    assert timing.leading_silence_s == 2.0
    assert timing.word_count == 3
    assert timing.words_per_minute == pytest.approx(3 / (1.25 / 60), rel=0.01)


def test_pauses_from_vad_gaps_and_from_word_gaps():
    tr = t("one two three four five", gap_after={1: 1.0})
    pauses = measure_timing(tr).pauses
    assert len(pauses) == 1 and pauses[0].after_word == "two"
    assert pauses[0].duration == pytest.approx(1.08, abs=0.01)
    vad = dataclasses.replace(tr, speech_regions=((1.0, 1.75), (2.6, 3.0), (3.5, 3.95)))
    assert [p.duration for p in measure_timing(vad).pauses] == [0.85, 0.5]


def _review(tr: Transcript, goal="callback", **over):
    from reviewer.measures.number.find import find_phone_numbers

    th = dataclasses.replace(Thresholds(), **over)
    numbers = find_phone_numbers(tr)
    timing = measure_timing(tr, {i for n in numbers for i in n.word_indices})
    return run_checks(tr, timing, find_fillers(tr), find_hedges(tr), numbers, th, goal)


GOOD = (
    "Maria, this is Dana from Northwind. I can halve your Denver transit time. Call me at "
    "6 1 2 4 3 7 2 9 5 8 again 6 1 2 4 3 7 2 9 5 8"
)


def test_a_good_message_passes_the_structure_checks():
    tr = t(GOOD, step=0.42)
    by = {f.check: f for f in _review(tr)}
    for check in ("name", "company", "reason", "call_to_action", "phone_number", "opening", "fillers"):
        assert by[check].status == "pass", by[check]


def test_filler_in_the_opening_fails_and_comes_first_in_fixes():
    tr = t("Um, hi, this is Dana from Northwind, sorry to bother you")
    findings = _review(tr)
    by = {f.check: f for f in findings}
    assert by["opening"].status == "fail"
    assert '"um" at 0:01' in by["opening"].message
    assert by["phone_number"].status == "fail"
    # the content gates (no number, no reason) come first, then the other failures, heaviest first
    fixes = [f.check for f in top_fixes(findings, 5)]
    assert fixes[:2] == ["phone_number", "reason"] and "opening" in fixes


def test_apologetic_opening_fails_like_a_filler():
    by = {f.check: f for f in _review(t("Hi Sam, sorry to bother you, this is Dana from Northwind"))}
    assert by["opening"].status == "fail" and "sorry to bother" in by["opening"].message


def test_goal_changes_which_checks_apply():
    tr = t("Hi Sam, this is Dana from Northwind. We help fleets cut fuel costs. I'll try you again Tuesday.")
    callback = {f.check for f in _review(tr, "callback")}
    educate = {f.check: f for f in _review(tr, "educate")}
    assert "call_to_action" in callback and "phone_number" in callback
    assert "call_to_action" not in educate and "phone_number" not in educate
    assert educate["next_step"].status == "pass"


def test_pace_thresholds_come_from_the_dataclass():
    tr = t("word " * 40, step=0.3)  # 200 words per minute
    assert {f.check: f.status for f in _review(tr)}["pace"] == "fail"
    assert {f.check: f.status for f in _review(tr, pace_max_wpm=250.0, pace_fast_fail_wpm=260.0)}["pace"] == "pass"


def test_score_weights_fails_and_warnings():
    from reviewer.rubric import Finding

    # delivery checks weigh in without gating the score
    assert score([Finding("volume", "pass", ""), Finding("noise", "fail", "")]) == 50
    assert score([Finding("volume", "warn", "", weight=2.0), Finding("noise", "pass", "", weight=2.0)]) == 75
    # one failed message check caps the score at 80 (the weighted share, scaled under the cap)
    assert score([Finding("a", "pass", ""), Finding("b", "fail", "")]) == 40


def test_thresholds_toml_overrides_and_rejects(tmp_path):
    p = tmp_path / "t.toml"
    p.write_text("[thresholds]\nwords_max = 40\npace_max_wpm = 170\n")
    th = load_config(p).thresholds
    assert th.words_max == 40 and th.pace_max_wpm == 170.0 and th.length_max_s == 30.0
    p.write_text("words_maxx = 40\n")
    with pytest.raises(ConfigError, match="unknown threshold"):
        load_config(p)
    p.write_text("words_max = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(p)


def test_detection_settings_are_set_by_the_same_config_names(tmp_path):
    """The detection settings left Thresholds for the measures' own record (measures/settings.py);
    a config file still sets them by the same flat names, with the same messages, and the
    pipeline hands them to the measures beside the rubric's thresholds."""
    from reviewer.measures.settings import Detection
    from reviewer.pipeline import Reviewer

    p = tmp_path / "t.toml"
    p.write_text("[thresholds]\nwords_max = 40\nfiller_search_s = 0.5\npause_min_s = 1\nguard_repeats = 4\n")
    config = load_config(p)
    assert config.thresholds.words_max == 40
    assert config.detection == Detection(filler_search_s=0.5, pause_min_s=1.0, guard_repeats=4)
    assert not hasattr(config.thresholds, "pause_min_s") and "pause_min_s" in config.flat()
    settings = ReviewSettings("tiny.en", "cpu", thresholds=config.thresholds, detection=config.detection)
    reviewer = Reviewer.from_settings(settings)
    assert reviewer.detection == config.detection and reviewer.thresholds == config.thresholds
    for text, message in (
        ("guard_repeats = 2.5\n", "guard_repeats must be int, got 2.5"),
        ("filler_search_s = -1\n", "filler_search_s must be 0 or more, got -1.0"),
        ("filler_min_voicedd = 1\n", "unknown threshold(s) filler_min_voicedd"),
    ):
        p.write_text(text)
        with pytest.raises(ConfigError) as err:
            load_config(p)
        assert str(err.value) == f"{p}: {message}"


def test_the_batch_key_hashes_the_same_names_as_before(monkeypatch):
    """Every name a config sets, flat, as when the detection settings were Thresholds fields, so a
    setting's home never changes a key; the reviews themselves changed (#23, #24), so the version
    moved on. #24 added settings (the parts read from a parse, made-up transcripts) and removed
    gate_unsure_number, so the keys at the old version are pinned anew: 90 names; its second round
    added unsure_reason_probability: 91; its third the wordless speech settings (wordless_word_pad_s,
    wordless_bridge_s, wordless_speech_voiced_s): 94."""
    import reviewer.apps.batch.jobs as jobs
    from reviewer.apps.batch import Settings

    th = Thresholds()
    moved = dataclasses.replace(DETECTION, filler_search_s=0.5, pause_min_s=0.4)
    assert len(Config().flat()) == 94
    now = Settings().fingerprint()
    monkeypatch.setattr(jobs, "PIPELINE_VERSION", "1")
    assert Settings().fingerprint() == "0464d907f950e800" != now
    assert (
        Settings(thresholds=dataclasses.replace(th, words_max=40), detection=moved).fingerprint() == "4ccc20a3ef471eb3"
    )


def test_the_analyses_default_to_the_rubrics_edges():
    """Clarity and tonality are handed the one edge each reads (the pipeline passes the rubric's);
    called alone they default to the same figure."""
    import inspect

    from reviewer.measures.clarity import analyse_clarity
    from reviewer.measures.prosody import analyse_tonality

    th = Thresholds()
    assert inspect.signature(analyse_clarity).parameters["unsure_probability"].default == th.unsure_probability
    assert inspect.signature(analyse_tonality).parameters["rising_ending_st"].default == th.rising_ending_st
