"""The spoken words as every reader of the message's wording sees them: fillers removed, lower
case beside the written form, each with its time and Whisper's probability, and the punctuation
Whisper wrote after it (for the language parse: sentences end where Whisper heard them end).

The parse (`Tokens.doc`) is spaCy's, of the same words; `Tokens.at(doc_token)` maps its tokens
back to these, so a part found in the parse keeps the words, times and probabilities heard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from reviewer.measures import language
from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.recognition.words import Transcript

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "I'm" -> "I" "'m", "name's" -> "name" "'s", "don't" -> "do" "n't": as spaCy's own tokenizer splits them
_CONTRACTION = re.compile(r"^(.+?)(n't|'m|'s|'ll|'re|'ve|'d)$", re.IGNORECASE)
PUNCTUATION = "\"'“”‘’«».,!?;:()[]…—–-"
SENTENCE_MARKS = ".,!?;:"  # kept for the parse, after the word they follow


@dataclass(frozen=True)
class Tok:
    text: str  # as written, punctuation stripped ("DeGroot")
    low: str  # lower case, curly apostrophes straightened ("degroot", "i'm")
    start: float | None  # s, None for a script's text
    end: float | None  # s
    probability: float = 1.0  # Whisper's word probability (1 for a script's text)
    mark: str = ""  # the punctuation written right after the word ("," "." "?"), for the parse


@dataclass(frozen=True)
class Tokens:
    toks: tuple[Tok, ...]
    text: str  # " ".join(t.low): what literal phrases are searched in
    offsets: tuple[int, ...]  # character offset of each token in `text`

    def index_at(self, pos: int) -> int:
        """The token that holds character `pos` of `text`."""
        k = 0
        for i, off in enumerate(self.offsets):
            if off <= pos:
                k = i
            else:
                break
        return k

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Token indices [i, j) covering characters [a, b) of `text`."""
        i = self.index_at(a)
        j = self.index_at(max(a, b - 1)) + 1
        return i, j

    def said(self, i: int, j: int) -> str:
        return " ".join(t.text for t in self.toks[i:j])

    @cached_property
    def _parse_words(self) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[int, ...]]:
        """(words, spaces after them, the index in `toks` of each, -1 for a mark)."""
        words, spaces, owner = [], [], []
        for k, tok in enumerate(self.toks):
            split = _CONTRACTION.match(tok.text.replace("’", "'"))
            for piece in split.groups() if split else (tok.text,):
                words.append(piece)
                spaces.append(False)
                owner.append(k)
            spaces[-1] = not tok.mark
            if tok.mark:
                words.append(tok.mark)
                spaces.append(True)
                owner.append(-1)
        return tuple(words), tuple(spaces), tuple(owner)

    @cached_property
    def doc(self) -> Doc:
        """spaCy's parse of these words, each mark written after its word as its own token."""
        words, spaces, _ = self._parse_words
        return language.parse(words, spaces)

    @cached_property
    def parsed(self) -> tuple[Token | None, ...]:
        """For each token, its parse token (of a contraction, the first piece: "I" of "I'm")."""
        out: list = [None] * len(self.toks)
        for w in self.doc:
            if not w.is_punct and out[self.at(w)] is None:
                out[self.at(w)] = w
        return tuple(out)

    def at(self, token: Token) -> int:
        """The index in `toks` of a parse token (a mark maps to the word before it)."""
        owner = self._parse_words[2]
        i = token.i
        while i > 0 and owner[i] < 0:
            i -= 1
        return max(owner[i], 0)


@dataclass(frozen=True)
class Cue:
    """A part of the message found in the words: what was heard, and when."""

    part: str  # name | company | reason | topic | call_to_action | next_step | weak_phrase | acquainted | candidate
    evidence: str  # the words heard, as written ("this is Kevin")
    value: str  # the part itself where there is one ("Kevin", "Apex Software"), else the evidence
    start: float | None  # s
    first: int  # token index
    last: int  # token index, exclusive
    unsure: bool = False  # Whisper was unsure of the words that make the part
    # the part's place was said ("this is ...", "from ...") but what filled it is not a name or a
    # company: likely misheard, so it is quoted as heard and not judged
    garbled: bool = False


UNSURE_WORD = 0.3  # Whisper's probability under which a part's word is quoted as unsure


def cue(tokens: Tokens, part: str, i: int, j: int, value: str, core: tuple[int, int] | None = None, **kw) -> Cue:
    """A part found at tokens [i, j), its value; unsure where Whisper was unsure of its `core` words."""
    a, b = core or (i, j)
    unsure = any(t.probability < UNSURE_WORD for t in tokens.toks[a:b])
    start = tokens.toks[i].start if tokens.toks else None
    return Cue(part, tokens.said(i, j), value, start, i, j, unsure, **kw)


def find_phrase(tokens: Tokens, part: str, phrases: Sequence[str]) -> Cue | None:
    """The first of a team's own phrases (the `extra_*_cues` settings) heard, any case."""
    for phrase in phrases:
        words = " ".join(clean(w).lower() for w in phrase.split() if clean(w))
        if not words:
            continue
        m = re.search(rf"(?<!\S){re.escape(words)}(?!\S)", tokens.text)
        if m:
            i, j = tokens.span(m.start(), m.end())
            return cue(tokens, part, i, j, tokens.said(i, j))
    return None


def clean(word: str) -> str:
    return word.replace("’", "'").replace("‘", "'").strip(PUNCTUATION)


def _mark(piece: str) -> str:
    tail = piece.rstrip("\"'“”’»)")
    return tail[-1] if tail and tail[-1] in SENTENCE_MARKS else ""


def build(rows: Iterable[tuple[str, float | None, float | None, float]]) -> Tokens:
    toks, offsets, parts, pos = [], [], [], 0
    for text, start, end, prob in rows:
        for piece in text.split():
            word = clean(piece)
            if not word or is_filler_word(word):
                if toks and _mark(piece) and not toks[-1].mark:  # "Kevin, uh, ..." keeps its comma
                    toks[-1] = Tok(
                        toks[-1].text, toks[-1].low, toks[-1].start, toks[-1].end, toks[-1].probability, _mark(piece)
                    )
                continue
            low = word.lower()
            toks.append(Tok(word, low, start, end, prob, _mark(piece)))
            offsets.append(pos)
            parts.append(low)
            pos += len(low) + 1
    return Tokens(tuple(toks), " ".join(parts), tuple(offsets))


def tokens_from_transcript(transcript: Transcript) -> Tokens:
    """The spoken words, fillers removed, each with its time and the punctuation after it."""
    return build((w.text, w.start, w.end, w.probability) for w in transcript.words if not is_filler_word(w))


def tokens_from_text(text: str) -> Tokens:
    """A script's words, for the same readers."""
    return build((w, None, None, 1.0) for w in text.split())
