"""A rep's reviews as one row: the one averager behind every per-rep figure.

The batch's per-rep and team summary (present/writers.py) and the team view's rep and week rows
(storage/team.py) show the same figures of a group of reviews: how many, the mean score, pace,
fillers and number pace, the band of the mean score, and the checks failed (and warned) most.
Each output keeps the fields it always showed by picking them from one `RepFigures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.rubric.bands import score_band

# The figures averaged over a rep's reviews, by the names the summary and the history share.
AVERAGED = ("score", "fillers_per_minute", "words_per_minute", "number_digits_per_second")


@dataclass(frozen=True)
class RepFigures:
    """Averages over the reviews that have each figure (a review without a number adds nothing
    to the number's pace), rounded to 2 decimals; None where none has it."""

    reviews: int
    score: float | None  # /100
    fillers_per_minute: float | None
    words_per_minute: float | None
    number_digits_per_second: float | None  # digits/s, each review's fastest saying
    band: str | None  # good | fair | poor: of the mean score (rubric.bands)
    failed: tuple[tuple[str, int], ...]  # (check, reviews that failed it), most first, ties as first seen
    warned: tuple[tuple[str, int], ...]  # the same for warnings


def mean(values: Iterable[float | int | None]) -> float | None:
    """The mean of the values present, to 2 decimals; None when there are none."""
    present = [float(v) for v in values if v is not None]
    return round(sum(present) / len(present), 2) if present else None


def rep_figures(
    reviews: Sequence[Mapping],
    failed: Iterable[Iterable[str]] = (),
    warned: Iterable[Iterable[str]] = (),
) -> RepFigures:
    """The figures of a group of reviews: `reviews` are flat figures (AVERAGED keys, as a summary's
    row or a history attempt has them), `failed` and `warned` each review's failed and warned
    checks."""
    averages = {key: mean(r[key] for r in reviews) for key in AVERAGED}
    return RepFigures(
        reviews=len(reviews),
        **averages,
        band=score_band(averages["score"]),
        failed=tuple(Counter(c for checks in failed for c in checks).most_common()),
        warned=tuple(Counter(c for checks in warned for c in checks).most_common()),
    )
