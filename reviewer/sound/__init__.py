"""Sound: a file (a path, or its bytes) enters; an `Audio` of 16 kHz mono float32 samples leaves
(decode.py; or an `AudioError` with a one-line reason), and with it its `Signal` (signal.py): the
recording's measurements, each taken once and read by every analysis: one frame-power grid of
10 ms cells, one pitch track, Praat's intensity, and the VAD's speech regions that the
recognition stage hands it. Nothing here loads a model.
"""
