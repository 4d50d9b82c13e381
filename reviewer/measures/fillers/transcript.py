"""Fillers ("um", "uh") and hedges ("you know", "kind of", "just") in a transcript.

Fillers are what makes a voicemail sound unprepared; hedges weaken it. Both are listed with
times so the rep can find them. Each filler records where the evidence came from, so later
passes (a prompted decode, an acoustic detector) can add to what Whisper wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.recognition.words import Transcript, Word

FILLER_WORDS = frozenset(
    {
        "um",
        "umm",
        "ummm",
        "uh",
        "uhh",
        "uhhh",
        "uhm",
        "er",
        "erm",
        "err",
        "ah",
        "ahh",
        "hmm",
        "hm",
        "hmmm",
        "mm",
        "mmm",
        "mhm",
        "eh",
        "em",
    }
)
# Multi-word hedges, matched on normalised words.
HEDGE_PHRASES = (("you", "know"), ("kind", "of"), ("sort", "of"), ("i", "mean"))
HEDGE_WORDS = frozenset({"just", "basically", "literally", "actually"})
# "like" is a hedge unless a word before it makes it a verb or a comparison.
_LIKE_NOT_FILLER_AFTER = frozenset(
    {
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "would",
        "i'd",
        "we'd",
        "you'd",
        "they'd",
        "should",
        "might",
        "will",
        "feel",
        "feels",
        "look",
        "looks",
        "sound",
        "sounds",
        "seem",
        "seems",
        "something",
        "anything",
        "nothing",
        "just",
        "really",
        "don't",
        "didn't",
        "did",
        "do",
        "does",
        "much",
        "more",
        "most",
        "things",
        "stuff",
        "companies",
        "teams",
        "people",
    }
)

_STRIP = re.compile(r"^[^\w']+|[^\w']+$")


@dataclass(frozen=True)
class Filler:
    text: str  # normalised, e.g. "um"
    start: float  # s
    end: float  # s
    source: str = "asr"  # asr: Whisper wrote it; prompted: a filler-prompted pass; acoustic: heard in a gap
    confidence: float = 1.0  # 0..1


@dataclass(frozen=True)
class Hedge:
    text: str  # normalised phrase, e.g. "you know"
    start: float  # s
    end: float  # s


def normalise(text: str) -> str:
    """Lower case without surrounding punctuation: "Um," -> "um", "-6" -> "6"."""
    return _STRIP.sub("", text.lower())


def is_filler_word(word: Word | str) -> bool:
    text = word.text if isinstance(word, Word) else word
    return normalise(text) in FILLER_WORDS


def find_fillers(transcript: Transcript) -> tuple[Filler, ...]:
    """Every filler token Whisper wrote, with its time and Whisper's probability."""
    return tuple(
        Filler(normalise(w.text), w.start, w.end, "asr", w.probability) for w in transcript.words if is_filler_word(w)
    )


def find_hedges(transcript: Transcript) -> tuple[Hedge, ...]:
    """Hedging words and phrases, listed apart from fillers: they are advice, not errors."""
    words = transcript.words
    norm = [normalise(w.text) for w in words]
    hedges: list[Hedge] = []
    i = 0
    while i < len(words):
        phrase = next((p for p in HEDGE_PHRASES if tuple(norm[i : i + len(p)]) == p), None)
        if phrase and not _is_literal_phrase(norm, i, phrase):
            hedges.append(Hedge(" ".join(phrase), words[i].start, words[i + len(phrase) - 1].end))
            i += len(phrase)
            continue
        if norm[i] in HEDGE_WORDS or (norm[i] == "like" and _like_is_filler(words, norm, i)):
            hedges.append(Hedge(norm[i], words[i].start, words[i].end))
        i += 1
    return tuple(hedges)


def _is_literal_phrase(norm: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """'do you know', 'if you know' and 'what kind of' ask or describe; they are not hedges."""
    before = norm[i - 1] if i > 0 else ""
    if phrase == ("you", "know"):
        return before in {"do", "did", "if", "would", "as", "don't", "didn't", "let", "you'll"} or (
            i + 2 < len(norm)
            and norm[i + 2] in {"that", "what", "how", "who", "where", "when", "if", "about"}
            and before not in {"", "and", "so", "but"}
        )
    if phrase in {("kind", "of"), ("sort", "of")}:
        return before in {"what", "which", "this", "that", "the", "a", "any", "some", "every", "same"}
    return False


def _like_is_filler(words: tuple[Word, ...], norm: list[str], i: int) -> bool:
    before = norm[i - 1] if i > 0 else ""
    if before in _LIKE_NOT_FILLER_AFTER:
        return False
    raw = words[i].text
    comma_around = raw.endswith(",") or (i > 0 and words[i - 1].text.endswith(","))
    number_after = i + 1 < len(norm) and (
        norm[i + 1][:1].isdigit() or norm[i + 1] in {"two", "three", "four", "five", "ten", "twenty"}
    )
    return comma_around or number_after
