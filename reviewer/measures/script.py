"""Practising a script: what was said against what was meant to be said.

Reps rehearse the same script many times; the useful feedback is the word error rate, the
key phrases (name, company, phone number) that went missing or crept in, and whether the
number said is the script's number. jiwer computes the WER, the field's standard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.measures import parts as cues
from reviewer.measures.fillers.transcript import is_filler_word, normalise
from reviewer.measures.number.digits import DIGIT_WORDS

_SPELLED = DIGIT_WORDS  # the spelled digits, as number/digits.py defines them


class ScriptError(Exception):
    """A script file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class ScriptCheck:
    name: str  # the script's name (its file name without suffix)
    fingerprint: str  # short hash of the normalised script, to group attempts at the same text
    wer: float  # word error rate of what was said against the script, fillers excluded (0 = word perfect)
    script_words: int
    said_words: int
    missed_phrases: tuple[str, ...]  # key phrases of the script not heard, e.g. "company: Keystone Freight"
    added_phrases: tuple[str, ...]  # key phrases heard that the script does not have
    script_number: str | None  # digits of the script's phone number
    said_number: str | None  # digits of the first number said
    number_matches: bool | None  # None when the script has no number


def load_script(path: str | Path) -> tuple[str, str]:
    """(name, text) of a script file; ScriptError with a one-line reason otherwise."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise ScriptError(f"{path}: no such script file") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise ScriptError(f"{path}: not a UTF-8 text file") from None
    if not text:
        raise ScriptError(f"{path}: the script is empty")
    return p.stem, text


def tokens(text: str) -> list[str]:
    """Words for comparison: lower case, no punctuation, digits one per token ("763-416" -> 7 6 3 4 1 6)."""
    out: list[str] = []
    for raw in text.split():
        word = normalise(raw)
        if not word or is_filler_word(word):
            continue
        compact = re.sub(r"[-.()/]", "", word)
        if compact.isdigit():
            out.extend(compact)
        elif word in _SPELLED and word != "oh":
            out.append(_SPELLED[word])
        else:
            out.extend(p for p in re.split(r"[-/]", word) if p)
    return out


def script_digits(text: str) -> str | None:
    """The phone number in a script: the longest run of 7+ digits, however it is written."""
    runs, current = [], ""
    for tok in tokens(text):
        if tok.isdigit() or (tok == "oh" and current):
            current += "0" if tok == "oh" else tok
        else:
            if current:
                runs.append(current)
            current = ""
    if current:
        runs.append(current)
    runs = [r for r in runs if len(r) >= 7]
    return max(runs, key=len) if runs else None


def key_phrases(text: str) -> dict[str, str]:
    """name and company from the script's own wording ("this is Sarah from Keystone Freight")."""
    toks = cues.tokens_from_text(text)
    found = {}
    name = cues.find_name(toks)
    if name is not None:
        found["name"] = name.value
    company = cues.find_company(toks, name)
    if company is not None:
        found["company"] = company.value
    return found


def compare_script(name: str, script_text: str, said_text: str, said_numbers: Sequence[str]) -> ScriptCheck:
    import jiwer

    expected, said = tokens(script_text), tokens(said_text)
    wer = jiwer.wer(" ".join(expected), " ".join(said)) if expected and said else 1.0
    said_joined = " " + " ".join(said) + " "
    want = key_phrases(script_text)
    missed = tuple(
        f"{kind}: {phrase}" for kind, phrase in want.items() if " " + " ".join(tokens(phrase)) + " " not in said_joined
    )
    got = key_phrases(said_text)
    added = tuple(
        f"{kind}: {phrase}"
        for kind, phrase in got.items()
        if kind in want
        and " ".join(tokens(phrase)) != " ".join(tokens(want[kind]))
        and " " + " ".join(tokens(phrase)) + " " not in " " + " ".join(expected) + " "
    )
    number = script_digits(script_text)
    said_number = said_numbers[0] if said_numbers else None
    if number and said_number != number and number not in said_numbers:
        missed += (f"number: {number}",)
    matches = None if number is None else (number in said_numbers)
    fingerprint = hashlib.sha256(" ".join(expected).encode()).hexdigest()[:12]
    return ScriptCheck(
        name=name,
        fingerprint=fingerprint,
        wer=round(float(wer), 3),
        script_words=len(expected),
        said_words=len(said),
        missed_phrases=missed,
        added_phrases=added,
        script_number=number,
        said_number=said_number,
        number_matches=matches,
    )
