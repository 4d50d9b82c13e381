"""The number's second listen (measures/number/second_listen.py) against a decoder's loop: a
digits-only listen that repeats a few digits ("3 2 1 3 2 1 ...") gives no second opinion and
never replaces the first listen's words (#24: a number said once was passed as given twice, and
failed as 10.6 digits a second, on such a loop at 8 kHz)."""

from __future__ import annotations

from test_redecode import AUDIO, Listener, first_listen

from reviewer.measures.number.second_listen import second_listen


def test_a_looping_second_listen_is_no_second_opinion():
    # "9 4 1 9 8 7 3 6 5 0" heard among words at 8 kHz
    said = ["I'm", "4,", "1,", "I'll", "take", "heaven,", "3,", "6,", "I'm", "nero."]
    tr = first_listen(said)
    out = second_listen(Listener({1.0: "13213213213"}), AUDIO, tr)  # valid as a US number, but a loop
    assert out.replaced == () and out.disagreements == () and out.transcript == tr


def test_a_real_number_is_no_loop():
    said = ["3", "1", "2", "I'm", "4", "5", "9", "8", "6", "2"]
    out = second_listen(Listener({1.0: "3127459862"}), AUDIO, first_listen(said))
    assert len(out.replaced) == 1
