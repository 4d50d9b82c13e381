"""How far the words are a measurement of what was said: figures for a transcript Whisper may
have made up.

Whisper writes fluent sentences over sounds that are not words: over a run of "uh uh uh" held
vowels or over silence it can invent a whole sentence ("I don't know if that's true or not, but
this is a very interesting thing to do" for "montreal uh uh uh uh uh uh forced aligner", issue
#24), and every figure read from those words (pace, fillers, the message's parts) then describes
the invention. Three signs, each measured here, none a verdict:

- most of the words are unsure (Whisper's probability under the rubric's `unsure_probability`);
- the words sit where nothing was said: over frames no louder than the recording's quiet floor
  (the Signal's frame power), or on a held central vowel, the shape of "uh" (fillers/audio.py;
  measured only under the unsure words, since formants cost time);
- the filler-prompted pass, which decodes the same speech, heard other words (the word error
  rate between the two passes' words, fillers left out).

`likely_made_up` is the rule over them (limits: measures/settings.py `Detection.made_up_*`):
most words unsure AND (enough of them unheard OR the passes disagree). The rubric reads it and
judges nothing from such words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.measures.fillers.audio import HeldVowel, held_vowels, voice_track
from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.script import tokens
from reviewer.measures.settings import DETECTION, Detection
from reviewer.recognition.words import Transcript, Word
from reviewer.sound.signal import Signal

__all__ = ["TranscriptTrust", "measure_trust", "passes_disagreement", "made_up", "wordless_speech"]

FRAME_S = 0.03  # s, the power frame a word's sound is read from (whole cells of the Signal's grid)
HOP_S = 0.01  # s
LISTEN_PAD_S = 0.1  # s either side of an unsure word that the held-vowel check analyses


@dataclass(frozen=True)
class TranscriptTrust:
    """The figures that say whether the words were heard or made up (fillers left out)."""

    words: int  # words measured (fillers left out)
    unsure_share: float  # 0..1, fraction of those under the rubric's unsure_probability
    words_over_silence_share: float | None  # 0..1, fraction over no sound; None without the audio
    # 0..1, fraction that are unsure and lie mostly on a held central vowel (only unsure words are
    # analysed); None without the audio
    words_over_held_vowel_share: float | None
    passes_disagree_share: float | None  # word error rate, prompted pass against plain (<= 1); None without one
    likely_made_up: bool  # the rule over the figures above (module docstring; Detection.made_up_*)
    reasons: tuple[str, ...]  # the limits crossed, in words ("67 % of the words unsure")
    # s, runs of unsure words over silence or a held vowel: the stretches most likely made up
    spans: tuple[tuple[float, float], ...] = ()
    # (start s, end s, voiced s): the stretch of voiced sound with the most voice that no word covers
    # (speech the recogniser dropped); None without the audio or where every voiced stretch has words
    wordless_speech: tuple[float, float, float] | None = None


def measure_trust(
    transcript: Transcript,
    unsure_probability: float,
    signal: Signal | None = None,
    prompted: Transcript | None = None,
    detection: Detection = DETECTION,
) -> TranscriptTrust:
    """The trust figures of `transcript` (the words the rubric reads); `signal` the audio's
    measurements (no audio figures without it), `prompted` the filler-prompted pass over the same
    speech (no disagreement figure without it)."""
    words = [w for w in transcript.words if not is_filler_word(w)]
    unsure = [w.probability < unsure_probability for w in words]
    silent: list[bool] | None = None
    on_vowel: list[bool] | None = None
    if signal is not None and words:
        silent = _over_silence(words, signal, detection)
        on_vowel = _on_held_vowels(words, unsure, signal, detection)
    n = len(words)
    unsure_share = sum(unsure) / n if n else 0.0
    silence_share = None if silent is None else sum(silent) / n
    vowel_share = None if on_vowel is None else sum(on_vowel) / n
    disagree = passes_disagreement(transcript, prompted) if prompted is not None else None
    verdict, reasons = made_up(unsure_share, silence_share, vowel_share, disagree, n, detection)
    unheard = [
        u and ((silent is not None and silent[i]) or (on_vowel is not None and on_vowel[i]))
        for i, u in enumerate(unsure)
    ]
    return TranscriptTrust(
        words=n,
        unsure_share=round(unsure_share, 3),
        words_over_silence_share=None if silence_share is None else round(silence_share, 3),
        words_over_held_vowel_share=None if vowel_share is None else round(vowel_share, 3),
        passes_disagree_share=None if disagree is None else round(disagree, 3),
        likely_made_up=verdict,
        reasons=reasons,
        spans=_runs(words, unheard),
        wordless_speech=wordless_speech(transcript.words, signal, detection) if signal is not None else None,
    )


def wordless_speech(
    words: Sequence[Word], signal: Signal, detection: Detection = DETECTION
) -> tuple[float, float, float] | None:
    """(start s, end s, voiced s) of the stretch of voiced sound (the one pitch track's voiced
    frames, gaps up to `wordless_bridge_s` joined) outside every word (padded by
    `wordless_word_pad_s`) with the most voice in it; None where there is none."""
    times, f0 = signal.pitch()
    if not len(times):
        return None
    free = f0 > 0
    pad = detection.wordless_word_pad_s
    for w in words:
        free[int(np.searchsorted(times, w.start - pad)) : int(np.searchsorted(times, w.end + pad))] = False
    step = float(times[1] - times[0]) if len(times) > 1 else 0.01
    best, run, last = None, None, None
    for t in times[free]:
        t = float(t)
        if run is not None and t - last <= detection.wordless_bridge_s:
            run = (run[0], t + step, run[2] + step)
        else:
            run = (t, t + step, step)
        last = t
        if best is None or run[2] > best[2]:
            best = run
    return None if best is None else (round(best[0], 3), round(best[1], 3), round(best[2], 3))


def made_up(
    unsure_share: float,
    silence_share: float | None,
    vowel_share: float | None,
    disagree: float | None,
    n_words: int,
    detection: Detection = DETECTION,
) -> tuple[bool, tuple[str, ...]]:
    """The rule: most words unsure, and enough of them over silence or a held vowel, or the two
    passes heard other words. Returns (likely made up, every limit crossed, in words)."""
    if n_words == 0:
        return False, ()
    most_unsure = unsure_share > detection.made_up_unsure_share
    unheard = (silence_share or 0.0) + (vowel_share or 0.0)
    over = (silence_share is not None or vowel_share is not None) and unheard >= detection.made_up_unheard_share
    apart = disagree is not None and disagree >= detection.made_up_passes_disagree
    reasons = (
        *((f"{unsure_share:.0%} of the words unsure",) if most_unsure else ()),
        *((f"{unheard:.0%} of the words over silence or a held vowel",) if over else ()),
        *((f"the two passes disagree on {disagree:.0%} of the words",) if apart else ()),
    )
    return most_unsure and (over or apart), reasons


def passes_disagreement(plain: Transcript, prompted: Transcript) -> float:
    """Word error rate of the prompted pass's words against the plain pass's, fillers left out,
    digits one per token (measures/script.py's `tokens`), at most 1; 1 where one pass has words
    and the other none."""
    import jiwer

    ref = tokens(" ".join(w.text for w in plain.words))
    hyp = tokens(" ".join(w.text for w in prompted.words))
    if not ref or not hyp:
        return 0.0 if not ref and not hyp else 1.0
    return min(1.0, float(jiwer.wer(" ".join(ref), " ".join(hyp))))


def _over_silence(words: Sequence[Word], signal: Signal, detection: Detection) -> list[bool]:
    """Per word: fewer than `made_up_word_sounded` of its frames louder than the recording's
    quiet floor (10th percentile of frame power) by `made_up_sound_above_floor_db`."""
    times, power = signal.frame_power(FRAME_S, HOP_S)
    if not len(times):
        return [False] * len(words)
    db = 10.0 * np.log10(np.maximum(power, 1e-12))
    sound = db > np.percentile(db, 10) + detection.made_up_sound_above_floor_db
    out = []
    for w in words:
        a = int(np.searchsorted(times, w.start - HOP_S / 2))
        b = max(a + 1, int(np.searchsorted(times, w.end + HOP_S / 2)))
        frames = sound[min(a, len(sound) - 1) : b]
        out.append(bool(frames.mean() < detection.made_up_word_sounded) if len(frames) else False)
    return out


def _on_held_vowels(words: Sequence[Word], unsure: Sequence[bool], signal: Signal, detection: Detection) -> list[bool]:
    """Per word: unsure and mostly (`made_up_word_on_vowel`) on a held central vowel. The
    formants are measured only around the unsure words."""
    around = [(w.start - LISTEN_PAD_S, w.end + LISTEN_PAD_S) for w, u in zip(words, unsure) if u]
    if not around:
        return [False] * len(words)
    track = voice_track(signal.audio, around=around, signal=signal)
    regions = signal.speech_regions
    padded = tuple((max(0.0, a - 0.2), b + 0.2) for a, b in regions) if regions else None
    vowels = held_vowels(track, detection, padded)
    return [u and _share_on(w, vowels) >= detection.made_up_word_on_vowel for w, u in zip(words, unsure)]


def _share_on(w: Word, vowels: Sequence[HeldVowel]) -> float:
    """Fraction of the word's span on held vowels; a zero-length stamp is on one or not."""
    if w.end <= w.start:
        return 1.0 if any(v.start <= w.start <= v.end for v in vowels) else 0.0
    covered = sum(max(0.0, min(w.end, v.end) - max(w.start, v.start)) for v in vowels)
    return covered / (w.end - w.start)


def _runs(words: Sequence[Word], flags: Sequence[bool]) -> tuple[tuple[float, float], ...]:
    """(start, end) of each run of consecutive flagged words."""
    out: list[tuple[float, float]] = []
    run: list[Word] = []
    for w, f in [*zip(words, flags), (None, False)]:
        if f:
            run.append(w)
        elif run:
            out.append((round(run[0].start, 3), round(run[-1].end, 3)))
            run = []
    return tuple(out)
