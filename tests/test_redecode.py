"""The second listen's reconciling (measures/number/second_listen.py), with a stand-in decoder: which number stands,
which is confirmed, which is flagged. The real decoder runs in test_verdicts_e2e and
test_phone_audio."""

from __future__ import annotations

import dataclasses

import numpy as np

from reviewer.measures.number.second_listen import second_listen
from reviewer.recognition.words import Transcript, Word, words_from_tuples
from reviewer.sound.decode import Audio


def seq(tokens, start, step=0.4, dur=0.3):
    return [(t, round(start + i * step, 3), round(start + i * step + dur, 3)) for i, t in enumerate(tokens)]


class Listener:
    """Answers each clip with the digits given for the saying that starts in it; `quick`, when
    given, answers the listens in the short encoder window instead."""

    def __init__(self, answers: dict[float, str], quick: dict[float, str] | None = None):
        self.answers = answers  # saying's first word start -> digits the second listen hears
        self.quick = quick if quick is not None else answers
        self.clips = []
        self.windows = []  # each listen's encoder window (s; None: Whisper's 30 s)

    def transcribe(self, audio, options, clip=None):
        assert options.digits_only and options.vad_filter is False
        self.clips.append(clip)
        self.windows.append(options.encoder_window_s)
        answers = self.answers if options.encoder_window_s is None else self.quick
        start = next(t for t in sorted(answers) if clip[0] <= t <= clip[1])
        words = tuple(Word(d, start + i * 0.4, start + i * 0.4 + 0.3, 0.9) for i, d in enumerate(answers[start]))
        return Transcript(words=words, duration=audio.duration)


AUDIO = Audio(np.zeros(16_000 * 30, dtype=np.float32), 16_000, 8_000, 1)
LEAD = [("Call", 0.2, 0.4), ("me", 0.5, 0.6), ("at", 0.7, 0.8)]


def first_listen(*sayings: list[str]) -> Transcript:
    rows, t = list(LEAD), 1.0
    for k, tokens in enumerate(sayings):
        if k:
            rows.append(("again,", t, t + 0.3))
            t += 0.5
        rows += seq(tokens, t)
        t += len(tokens) * 0.4 + 0.2
    rows.append(("Thanks.", t, t + 0.3))
    return words_from_tuples(rows, duration=30.0)


def test_digits_written_as_words_are_replaced_and_two_sayings_confirm_them():
    said = ["3", "1", "2", "I'm", "4", "5", "9", "8", "6", "2"]  # "seven" heard as "I'm"
    tr = first_listen(said, said)
    second = Listener({1.0: "3127459862", 1.0 + 10 * 0.4 + 0.7: "3127459862"})
    out = second_listen(second, AUDIO, tr)
    assert len(out.replaced) == 2 and out.unconfirmed == () and out.guessed == ()
    assert "".join(w.text for w in out.transcript.words if w.text.isdigit()).count("3127459862") == 2


def test_at_telephone_band_only_both_listens_of_one_saying_confirm_a_number():
    # two digits-only listens agreeing share the decoder's slips (8 kHz: "858" heard "888" by
    # both), so they confirm a number at full band but not at telephone band
    said = ["3", "1", "2", "I'm", "4", "5", "9", "8", "6", "2"]
    two_seconds = second_listen(
        Listener({1.0: "3127459862", 1.0 + 10 * 0.4 + 0.7: "3127459862"}), AUDIO, first_listen(said, said)
    )
    assert two_seconds.unconfirmed == () and two_seconds.unconfirmed_by_both == two_seconds.replaced
    clear = list("3127459862")
    both = second_listen(Listener({1.0: "3127459862"}), AUDIO, first_listen(clear))
    assert both.unconfirmed == both.unconfirmed_by_both == ()


def test_a_number_only_the_second_listen_heard_once_is_guessed():
    tr = first_listen(list("3121049862"))  # not a valid US number: an exchange cannot start with 1
    out = second_listen(Listener({1.0: "3127459862"}), AUDIO, tr)
    assert out.replaced and out.guessed == out.unconfirmed == out.replaced


def test_a_digit_added_back_once_is_still_a_guess():
    # the digit the second listen adds back can be wrong ("9" heard as "1" in a fast number)
    tr = first_listen(["3", "1", "2", "7", "4", "5", "9", "8", "6"])  # a digit lost
    out = second_listen(Listener({1.0: "3127459862"}), AUDIO, tr)
    assert out.replaced and out.guessed == out.unconfirmed == out.replaced


def test_two_listens_that_differ_are_a_second_opinion():
    tr = first_listen(list("2065831947"))
    out = second_listen(Listener({1.0: "2065831497"}), AUDIO, tr)
    assert [d for _, _, d in out.disagreements] == ["2065831497"]
    assert out.unconfirmed and not out.replaced


def test_two_sayings_in_the_first_listen_alone_do_not_confirm_a_number():
    # one decode wrote both sayings, and Whisper copies the first into the second
    tr = first_listen(list("6124372968"), list("6124372968"))
    second = Listener({1.0: "612437", 1.0 + 10 * 0.4 + 0.7: "61243"})
    out = second_listen(second, AUDIO, tr)
    assert len(out.unconfirmed) == 2 and out.disagreements == ()
    # one saying heard the same by both listens confirms the number for both
    second = Listener({1.0: "612437", 1.0 + 10 * 0.4 + 0.7: "6124372968"})
    assert second_listen(second, AUDIO, tr).unconfirmed == ()


def test_a_saying_the_first_listen_ran_into_the_other_is_split_by_the_second():
    rows = [*LEAD, *seq(list("2065831947") + list("831947"), 1.0), ("Thanks.", 9.0, 9.3)]
    tr = words_from_tuples(rows, duration=30.0)
    out = second_listen(Listener({1.0: "20658319472065831947"}), AUDIO, tr)
    assert out.replaced and out.unconfirmed == ()
    digits = "".join(w.text for w in out.transcript.words if w.text.isdigit())
    assert digits == "2065831947" * 2


def test_a_quick_listen_stands_only_where_it_confirms_the_first_listen():
    """Each saying is heard first in a 15 s encoder window (a quarter of a 30 s window's cost);
    Whisper hears some clips otherwise there, so that listen stands only where it confirms the
    number the first listen heard, and every other saying is heard again in 30 s."""
    from reviewer.measures.number.listens import QUICK_WINDOW_S

    said = list("6124372968")
    second = Listener({1.0: "6124372968", 5.7: "6124372968"})
    out = second_listen(second, AUDIO, first_listen(said, said))
    assert second.windows == [QUICK_WINDOW_S] * 2 and out.unconfirmed == out.disagreements == ()
    # the quick listen hears another number: the 30 s listen is the one reconciled
    second = Listener({1.0: "6124372968"}, quick={1.0: "6124372988"})
    out = second_listen(second, AUDIO, first_listen(said))
    assert second.windows == [QUICK_WINDOW_S, None] and out.unconfirmed == out.disagreements == ()
    second = Listener({1.0: "6124372988"}, quick={1.0: "6124372908"})  # ... or it does not
    out = second_listen(second, AUDIO, first_listen(said))
    assert second.windows == [QUICK_WINDOW_S, None]  # the number the 30 s listen heard is the second opinion
    assert [d for _, _, d in out.disagreements] == ["6124372988"] and out.unconfirmed
    # where the first listen read no number, the quick listen confirms nothing: 30 s again
    second = Listener({1.0: "6124372968"}, quick={1.0: "6124372968"})
    out = second_listen(second, AUDIO, first_listen(["6", "1", "2", "I'm", "3", "7", "2", "9", "6", "8"]))
    assert second.windows == [QUICK_WINDOW_S, None] and out.replaced


def test_the_lead_in_is_never_listened_to_again():
    tr = first_listen(list("6124372968"))
    second = Listener({1.0: "6124372968"})
    out = second_listen(second, AUDIO, tr)
    assert second.clips and all(a >= 0.8 for a, _ in second.clips)  # after "at" ends
    assert out.unconfirmed == ()


def test_a_first_digit_the_second_listen_hardly_heard_is_the_word_before():
    # "again" leaking into the clip, written "7" because every word must be a digit
    tr = first_listen(list("2065831947"))

    class Leaky(Listener):
        def transcribe(self, audio, options, clip=None):
            t = super().transcribe(audio, options, clip)
            lead = Word("7,", clip[0], clip[0] + 0.1, 0.05)
            return Transcript(words=(lead, *t.words), duration=t.duration)

    out = second_listen(Leaky({1.0: "2065831947"}), AUDIO, tr)
    assert out.unconfirmed == () and out.disagreements == ()
    # a first digit heard with confidence stays, and so does one without which no number is left
    from reviewer.measures.number.second_listen import _without_lead_in

    sure = [Word("7", 0.0, 0.2, 0.6), *(Word(d, 0.4 * i, 0.4 * i + 0.3, 0.9) for i, d in enumerate("2065831947", 1))]
    assert _without_lead_in(sure, "US", 30.0) == sure
    real = [Word("7", 0.0, 0.2, 0.01), *(Word(d, 0.4 * i, 0.4 * i + 0.3, 0.9) for i, d in enumerate("204519836", 1))]
    assert _without_lead_in(real, "US", 30.0) == real


def test_the_word_between_two_sayings_written_as_a_digit_is_left_out():
    tr = first_listen(list("2065831947") + list("831947"))  # the first listen ran the sayings together

    class Joined(Listener):
        def transcribe(self, audio, options, clip=None):
            t = super().transcribe(audio, options, clip)
            w = list(t.words)
            w.insert(10, Word("8", w[9].end + 0.05, w[9].end + 0.1, 0.44))  # "again"
            return Transcript(words=tuple(w), duration=t.duration)

    tr = dataclasses.replace(tr, words=tuple(w for w in tr.words if w.text != "Thanks."))  # the clip runs on
    out = second_listen(Joined({1.0: "2065831947" * 2}), AUDIO, tr)
    digits = "".join(w.text for w in out.transcript.words if w.text.isdigit())
    assert digits == "2065831947" * 2 and out.unconfirmed == ()


def test_a_digits_only_listen_may_write_digits_and_again_but_no_other_word(base_transcriber):
    """Without "again" a listen to two sayings ends after the first (or writes a digit for it)."""
    suppressed = set(base_transcriber._not_digits())
    tok = base_transcriber._model.hf_tokenizer

    def ids(text: str) -> list[int]:
        return tok.encode(text, add_special_tokens=False).ids

    for allowed in (" again", " Again", " five", " 5", ","):
        assert not set(ids(allowed)) & suppressed, allowed
    for word in (" I'm", " heaven", " call", " more"):
        assert set(ids(word)) & suppressed, word


def test_a_saying_both_listens_misread_differently_is_the_number_of_the_other_saying():
    # Allison's second saying: written "31294047716" (a "4" added) and heard again "329047716"
    # (the "1" lost); the first saying's second listen heard 3129047716: the slips are not
    # shared, so the second saying is that number, and times it at 10 digits, not 11
    rows = [*LEAD, *seq(list("3121047716"), 1.0), ("telephone", 6.0, 6.3), ("number", 6.4, 6.7)]
    rows += [("31294047716,", 7.0, 11.0), ("Goodbye.", 12.0, 12.4)]
    tr = words_from_tuples(rows, duration=30.0)
    out = second_listen(Listener({1.0: "3129047716", 7.0: "329047716"}), AUDIO, tr)
    numbers = [w.text for w in out.transcript.words if any(c.isdigit() for c in w.text)]
    assert numbers[-1] == "3129047716," and "".join(numbers[:-1]) == "3129047716"
    # neither saying was heard the same twice: both stay flagged
    assert len(out.unconfirmed) == 2 and out.guessed == out.unconfirmed


def test_a_saying_whose_listens_share_a_slip_is_not_read_as_the_other_number():
    # the same added "1" in both listens: evidence the rep said it, so no reading
    rows = [*LEAD, *seq(list("3121047716"), 1.0), ("telephone", 6.0, 6.3), ("number", 6.4, 6.7)]
    rows += [("31129047716,", 7.0, 11.0), ("Goodbye.", 12.0, 12.4)]
    tr = words_from_tuples(rows, duration=30.0)
    out = second_listen(Listener({1.0: "3129047716", 7.0: "31129047716"}), AUDIO, tr)
    assert [w.text for w in out.transcript.words if w.start >= 7.0][0] == "31129047716,"


def test_one_edit_and_editing_words():
    from reviewer.measures.number.second_listen import _edited, _one_edit

    assert _one_edit("31294047716", "3129047716") == ("del", 4)
    assert _one_edit("329047716", "3129047716") == ("ins", 1)
    assert _one_edit("3129047716", "3129047916") == ("sub", 7)
    assert _one_edit("2065831947", "2065831497") is None  # two digits swapped: two changes
    ws = list(words_from_tuples(seq(["3,", "2,", "9"], 1.0)).words)
    ins = _edited(ws, "3129")
    assert [w.text for w in ins] == ["3,", "1", "2,", "9"] and ins[0].end <= ins[1].start < ins[1].end <= ins[2].start
    assert [w.text for w in _edited(ws, "3229")] == ["3,", "2", "2,", "9"]
    assert [w.text for w in _edited(ws, "39")] == ["3,", "9"]
    assert [w.text for w in _edited(ws, "359")] == ["3,", "5,", "9"]


def test_a_call_stored_at_16_khz_needs_both_listens_like_an_8_khz_one(tmp_path):
    """The telephone band is clarity.py's one definition (8 kHz, or no speech energy above it),
    for the number rule as for every check: a call upsampled to 16 kHz whose number no saying's
    two listens both heard is not confirmed, as at 8 kHz; the same listens on wideband audio
    leave it confirmed (only a number the second listen alone heard is flagged there)."""
    import soundfile as sf
    from conftest import SAMPLES, resample, truth_transcript, write_wav

    from reviewer.measures.number.second_listen import SecondListen
    from reviewer.pipeline import assemble_review
    from reviewer.rubric.thresholds import Thresholds
    from reviewer.sound.decode import load_audio

    data, rate = sf.read(SAMPLES / "good_callback.wav", dtype="float32")
    call = write_wav(tmp_path / "call_16k.wav", resample(resample(data, rate, 8000), 8000, 16000), 16000)
    verdicts = {}
    for name, path in (("wideband", SAMPLES / "good_callback.wav"), ("call", call)):
        audio = load_audio(path)
        assert audio.source_rate == 16000
        transcript = truth_transcript("good_callback", audio)
        first = assemble_review(audio, transcript, (), Thresholds(), "callback", None)
        assert first.phone_numbers  # said twice
        spans = tuple((n.start, n.end) for n in first.phone_numbers)
        listen = SecondListen(transcript, (), (), unconfirmed_by_both=spans)
        review = assemble_review(audio, transcript, (), Thresholds(), "callback", None, listen=listen)
        phone = next(f for f in review.findings if f.check == "phone_number")
        confirmed = {n.confirmed for n in review.phone_numbers}
        verdicts[name] = (review.clarity.telephone_band, confirmed, phone.status)
    assert verdicts["wideband"] == (False, {None}, "pass")
    assert verdicts["call"][:2] == (True, {False}) and verdicts["call"][2] != "pass"


def test_listens_started_ahead_are_the_second_listens_and_each_clip_is_decoded_once():
    """A review starts the quick listens from the plain pass's words as they come
    (measures/number/listens.py); the second listen finds them and decodes no clip twice."""
    from reviewer.measures.number.listens import QUICK_WINDOW_S, Listens

    said = list("6124372968")
    tr = first_listen(said, said)
    second = Listener({1.0: "6124372968", 5.7: "6124372968"})
    with Listens(second, AUDIO, None) as listens:
        listens.ahead(tr.words[:8])  # the first saying's digits so far: nothing is started
        assert second.clips == []
        listens.ahead(tr.words[:18])  # the first saying and four words after it
        listens.ahead(tr.words[:18])  # asked again: the same listen
        assert len(second.clips) == 1 and second.windows == [QUICK_WINDOW_S]
        listens.ahead(tr.words, whole=True)  # the whole plain pass: every saying
        out = second_listen(second, AUDIO, tr, listens=listens)
    assert len(second.clips) == 2 == len(set(second.clips)) and second.windows == [QUICK_WINDOW_S] * 2
    assert out.unconfirmed == out.disagreements == ()
    alone = Listener({1.0: "6124372968", 5.7: "6124372968"})
    assert second_listen(alone, AUDIO, tr) == out  # the same as decoded after
    assert sorted(alone.clips) == sorted(second.clips)


def test_a_listen_started_ahead_for_a_saying_the_whole_transcript_has_otherwise_is_not_used():
    from reviewer.measures.number.listens import Listens

    said = list("6124372968")
    tr = first_listen(said)
    second = Listener({1.0: "6124372968"})
    with Listens(second, AUDIO, None) as listens:
        listens.ahead(tr.words[:9], whole=True)  # a saying cut short: another stretch
        out = second_listen(second, AUDIO, tr, listens=listens)
    assert len(second.clips) == 2 and second.clips[0] != second.clips[1]
    assert out.unconfirmed == out.disagreements == ()
