"""The score's bands and what counts as an unsure word: one definition each, for every output.

The record carries both (`Review.band`, `ReviewWord.unsure`), so the terminal, the HTML pages,
the CSV and the practice page only present them; a stored review made before they were recorded
is banded here too (`record.summary`).
"""

from __future__ import annotations

# (name, lowest score in the band), best first. "good" starts above the one-failure cap
# (Thresholds.gate_one_failure: 80), so a message with one thing to fix is never shown as good
# (README, "The score").
SCORE_BANDS: tuple[tuple[str, int], ...] = (("good", 85), ("fair", 60), ("poor", 0))


def score_band(score: float | None) -> str | None:
    """good, fair or poor; None without a score (a recording that could not be reviewed)."""
    if score is None:
        return None
    return next(name for name, lowest in SCORE_BANDS if score >= lowest)


def is_unsure(probability: float, unsure_probability: float) -> bool:
    """A word Whisper half-guessed: its probability under Thresholds.unsure_probability. The
    clarity check counts these words, and every view shows the same words faint."""
    return probability < unsure_probability
