"""The filler-prompted pass: Whisper told to expect "um" and "uh", over the same speech.

Whisper is trained on transcripts that leave fillers out, so its plain pass drops most of them;
told to expect them (a prompt of fillers before every window) it writes them. This module
decodes that pass; its guards and its merging into the plain transcript are
measures/fillers/hidden.py's. The number's second listen decodes clips of the recording through
`Transcriber.transcribe` itself (`clip`, `DecodeOptions.digits_only`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from reviewer.recognition.engine import DecodeOptions, Transcriber
from reviewer.recognition.vad import speech_regions, whisper_vad_chunks
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.decode import Audio

__all__ = ["FILLER_PROMPT", "WINDOW_S", "prompted_pass", "max_tokens_for"]

FILLER_PROMPT = "Um, uh, um, uh."  # measured against "Uh, um, uh." (ASR-NOTES.md) and a sentence: eval/RESULTS.md
WINDOW_S = 30.0  # s, Whisper's window


def prompted_pass(
    transcriber: Transcriber,
    audio: Audio,
    options: DecodeOptions | None = None,
    regions: tuple[tuple[float, float], ...] | None = None,
) -> Transcript:
    """Whisper told to expect fillers: the prompt before every window, no timestamp tokens
    (fewer tokens and, measured, fewer lost halves), one beam try (no temperature ladder),
    and a token budget, so a looping pass stays cheap and the guards set it aside.

    It needs nothing from the plain pass, so both can run at once. With a model whose
    `filler_window` is "plain" (base), when the speech faster-whisper's VAD filter keeps fits
    one 30 s window (a voicemail's does), it decodes exactly the plain pass's window: the same
    features, so the encoder runs once for both (`Memo`). Otherwise the speech is decoded in
    clips of at most 30 s cut at pauses, one window each, without the VAD filter, so that no
    window starts in the middle of a word. `regions` are the VAD's speech regions when
    measured already (the plain pass's).
    """
    regions = regions if regions is not None else speech_regions(audio)
    prompted = dataclasses.replace(
        options or DecodeOptions(),
        initial_prompt=None,
        window_prompt=FILLER_PROMPT,
        temperature=(0.0,),
        without_timestamps=True,
        first_window_only=True,
    )
    shares = transcriber.spec.filler_window == "plain" and prompted.vad_filter
    kept = sum(b - a for a, b in whisper_vad_chunks(audio.samples)) / audio.rate if shares else WINDOW_S + 1
    words: list[Word] = []
    if kept <= WINDOW_S:
        opts = dataclasses.replace(prompted, max_new_tokens=max_tokens_for(kept))
        words.extend(transcriber.transcribe(audio, opts, regions=regions).words)
    else:
        for a, b in _cut(regions, WINDOW_S - 0.02):
            margin = min(0.3, (WINDOW_S - 0.02 - (b - a)) / 2)  # up to 0.3 s either side, within one window
            clip = (max(0.0, a - margin), min(audio.duration, b + margin))
            opts = dataclasses.replace(prompted, vad_filter=False, max_new_tokens=max_tokens_for(clip[1] - clip[0]))
            words.extend(transcriber.transcribe(audio, opts, clip=clip).words)
    return Transcript(
        words=tuple(words),
        duration=audio.duration,
        speech_regions=regions,
        model=transcriber.spec.name,
        passes=("prompted",),
    )


def _cut(regions: Sequence[tuple[float, float]], max_len: float) -> list[tuple[float, float]]:
    """Speech regions grouped into spans of at most `max_len` s (a longer region alone is cut)."""
    out: list[tuple[float, float]] = []
    for a, b in regions:
        while b - a > max_len:
            out.append((a, a + max_len))
            a += max_len
        if out and b - out[-1][0] <= max_len and a - out[-1][1] < max_len:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def max_tokens_for(seconds: float) -> int:
    """Tokens one window of the prompted pass may use: fast speech (4 words/s), a token and a
    filler or comma per word, and room to spare; far below a loop's 440."""
    return int(min(440, 2 * 4.0 * seconds + 40))
