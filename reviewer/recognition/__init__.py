"""Speech recognition: an `Audio` (sound/decode.py) enters; a `Transcript` of timed words with
Whisper's probabilities (words.py), the VAD's speech regions (vad.py) and the decoding passes'
transcripts leave. engine.py loads the model once and decodes the plain pass and the clips the
number's second listen asks for; memo.py lets the passes over one window share one encoder run;
passes.py holds the filler-prompted pass; models.py finds and checks the weights and memory.py
tunes the allocator. Only engine.py, memo.py and vad.py import faster-whisper or CTranslate2,
and only when a model is loaded or run, so importing this package or words.py stays light and
the analyses read transcripts without the engine.
"""
