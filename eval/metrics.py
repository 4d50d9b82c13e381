"""Scoring a review against a case's truth: fillers, pace, number pace, length, word error rate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.recognition.words import DIGIT_WORDS

FILLERS = {"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm", "mhm", "eh"}
NUMBER_WORDS = {**DIGIT_WORDS, "ten": "10"}  # the spelled digits (recognition/words.py), and "ten"


@dataclass
class FillerScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # detections on a "probable" label: neither right nor wrong
    misses: list = field(default_factory=list)  # (start, end) of labelled fillers not found
    false: list = field(default_factory=list)  # (start, end, source) of detections matching no label

    def add(self, other: FillerScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ignored += other.ignored

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_fillers(found: list[dict], labels: list[dict]) -> FillerScore:
    """A detection matches a labelled filler when their times overlap; each label matches at
    most one detection (the one overlapping it most). Probable labels are don't-care."""
    s = FillerScore()
    certain = [x for x in labels if not x.get("probable")]
    probable = [x for x in labels if x.get("probable")]
    used: set[int] = set()
    for f in sorted(found, key=lambda f: f["start"]):
        best, best_ov = None, 0.0
        for i, lab in enumerate(certain):
            ov = min(f["end"], lab["end"]) - max(f["start"], lab["start"])
            if i not in used and ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            s.tp += 1
        elif any(min(f["end"], p["end"]) > max(f["start"], p["start"]) for p in probable):
            s.ignored += 1
        else:
            s.fp += 1
            s.false.append((f["start"], f["end"], f.get("source", "")))
    s.fn = len(certain) - len(used)
    s.misses = [(lab["start"], lab["end"]) for i, lab in enumerate(certain) if i not in used]
    return s


def normalise_words(text: str) -> list[str]:
    """Words for WER, fillers removed: lower case, no punctuation, "2,500" -> "2500", letters
    split from digits and short capitals spelt out ("W5ABC" -> "w 5 a b c", "TS-2000" -> "t s
    2000"), number words and numbers as single digits ("five" -> "5", "612" -> "6 1 2"); the
    same rule for the script and for every transcript."""
    text = re.sub(r"(\d)\s*,\s*(\d)", r"\1\2", text)
    text = re.sub(r"[^\w' ]+", " ", text)
    out: list[str] = []
    for token in text.split():
        if re.fullmatch(r"[A-Z]{2,6}", token):
            out.extend(token.lower())
            continue
        parts = re.findall(r"\d+|[^\d]+", token)
        for part in parts:
            if len(parts) > 1 and part.isalpha() and part.isupper():
                out.extend(part.lower())
            else:
                out.append(part.lower())
    out = [NUMBER_WORDS.get(w, w) for w in out]
    # digits one by one: the script says "6 1 2", Whisper writes "612" or "6, 1, 2"
    out = [d for w in out for d in (list(w) if w.isdigit() else [w])]
    return [w for w in out if w.strip("'") and w not in FILLERS]


def wer(reference: str, hypothesis: str) -> tuple[float, int]:
    """(word error rate, reference word count) on normalised words, fillers excluded."""
    import jiwer

    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    if not ref:
        return (0.0 if not hyp else 1.0), 0
    return jiwer.wer(" ".join(ref), " ".join(hyp) if hyp else ""), len(ref)


def number_errors(found: list[dict], truth: list[dict]) -> tuple[list[float], int]:
    """Relative digits/s error for each true number matched by time overlap, and how many
    true numbers had no match."""
    errors, missed = [], 0
    for n in truth:
        match = next((f for f in found if min(f["end"], n["end"]) > max(f["start"], n["start"])), None)
        if match is None:
            missed += 1
        else:
            errors.append(abs(match["digits_per_second"] - n["digits_per_second"]) / n["digits_per_second"])
    return errors, missed
