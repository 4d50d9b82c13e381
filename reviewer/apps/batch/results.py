"""A worker's result as plain data: JSON text written by the worker, parsed and checked as a
review by the batch before it is stored. A Dask worker is another machine: what it returns is
read like any other input, never unpickled, and anything that is not a review becomes that
file's error row."""

from __future__ import annotations

import dataclasses
import json
import math

from reviewer.record.review import SCHEMA, Review
from reviewer.record.summary import summary_of

Outcome = tuple[dict | None, str | None, float]  # review dict, error, seconds
MOST_REASON_CHARS = 300  # of an error a worker reports: a line, not a page

# The JSON kind of each field a schema-1 review must have (Review's fields without a default).
_KINDS = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "dict": (dict,),
    "tuple": (list,),
}
REQUIRED_FIELDS = {
    f.name: _KINDS[str(f.type).split("[")[0]]
    for f in dataclasses.fields(Review)
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
}


class NotAReview(ValueError):
    """A worker's result that is not a review; the message says what is wrong with it."""


def outcome_text(outcome: Outcome) -> str:
    """What a worker sends back: its (review, error, seconds) as JSON text."""
    review, error, seconds = outcome
    return json.dumps({"review": review, "error": error, "seconds": seconds})


def parse_outcome(text: object) -> Outcome:
    """(review, error, seconds) from a worker's JSON text, the review checked (check_review);
    NotAReview with the reason for anything else."""
    if not isinstance(text, str):
        raise NotAReview(f"not JSON text but {type(text).__name__}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise NotAReview(f"not JSON ({short(str(exc))})") from None
    if not isinstance(data, dict) or set(data) != {"review", "error", "seconds"}:
        raise NotAReview("not an object with review, error and seconds")
    review, error, seconds = data["review"], data["error"], data["seconds"]
    if type(seconds) not in (int, float) or not math.isfinite(seconds) or seconds < 0:
        raise NotAReview(f"seconds is not a time: {short(repr(seconds))}")
    if error is not None:
        if not isinstance(error, str) or review is not None:
            raise NotAReview("an error that is not text, or both a review and an error")
        return None, short(error), float(seconds)
    check_review(review)
    return review, None, float(seconds)


def check_review(review: object) -> None:
    """A schema-1 review: an object with every field a review must have, each of its JSON kind,
    from which the figures every output shows can be read. NotAReview otherwise."""
    if not isinstance(review, dict):
        raise NotAReview(f"the review is not an object but {type(review).__name__}")
    if review.get("schema") != SCHEMA:
        raise NotAReview(f"schema {short(repr(review.get('schema')))}, not {SCHEMA}")
    for name, kinds in REQUIRED_FIELDS.items():
        if name not in review:
            raise NotAReview(f"the review has no {name!r}")
        value = review[name]
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise NotAReview(f"the review's {name!r} is {type(value).__name__}, not {kinds[-1].__name__}")
    try:
        summary_of(review)
    except Exception as exc:  # any shape the figures cannot be read from
        raise NotAReview(f"its figures cannot be read ({type(exc).__name__}: {short(str(exc))})") from None


def short(text: str) -> str:
    """At most MOST_REASON_CHARS of a reason, on one line."""
    line = " ".join(text.split())
    return line if len(line) <= MOST_REASON_CHARS else line[: MOST_REASON_CHARS - 1] + "…"
