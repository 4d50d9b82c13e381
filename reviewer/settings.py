"""What a review is made with, apart from the rep and the recording (light: no model is loaded)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.rubric.thresholds import Thresholds


@dataclass(frozen=True)
class ReviewSettings:
    """What a review is made with, apart from the rep: the model, where it runs, the language,
    the goal, the rubric's thresholds and the filler mode. The CLI, the batch and the server each
    fill one in and call `Reviewer.from_settings`."""

    model: str = "base"
    device: str = "auto"
    language: str | None = "en"  # None: detect
    goal: str = "callback"
    thresholds: Thresholds | None = None
    fillers: str = "full"
