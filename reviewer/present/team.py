"""The team view as one page: per rep their figures, a small trend line of the weekly average
score, the checks failed and warned most, and every recording behind the figures.

`team_data` (storage/team.py) gives what the page shows, bands included; `render_team` lays it
out (templates/team.html.j2).
"""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.rubric.bands import SCORE_BANDS

__all__ = ["render_team", "trend_points"]


def trend_points(values: list[float | None], width: int = 120, height: int = 28) -> str:
    """SVG polyline points of a weekly series (the score), for a small trend line."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if not present:
        return ""
    lo, hi = min(v for _, v in present), max(v for _, v in present)
    span = hi - lo or 1.0
    n = max(1, len(values) - 1)
    return " ".join(
        f"{4 + (width - 8) * (i / n if len(values) > 1 else 0.5):.1f},{height - 4 - (height - 8) * (v - lo) / span:.1f}"
        for i, v in present
    )


def render_team(data: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v, d=1: "—" if v is None else f"{v:.{d}f}"
    env.globals["trend_points"] = trend_points
    # The page recomputes a rep's row for the dates it shows: the score bands, as the rubric defines them.
    bands = json.dumps([list(b) for b in SCORE_BANDS])
    return env.get_template("team.html.j2").render(data=data, bands_json=bands)
