"""A rep's progress as one self-contained HTML page: a line chart per metric, no JavaScript.

The charts are inline SVG drawn here, so the page needs nothing from the network and prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from reviewer.storage.attempts import Attempt, local_time

WIDTH, HEIGHT, PAD = 360, 140, 28


def chart(values: Sequence[float | None], target: Sequence[float] | None, ids: Sequence[int] = ()) -> dict:
    """Coordinates for one metric's SVG: points (each with its attempt's id, as `history`
    prints it), the target band, and the axis labels."""
    present = [v for v in values if v is not None]
    lo, hi = min(present), max(present)
    if target:
        lo, hi = min(lo, target[0]), max(hi, target[1])
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    n = len(values)

    def x(i: int) -> float:
        return PAD + (WIDTH - 2 * PAD) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (v - lo) / (hi - lo)

    ids = list(ids) if len(ids) == n else list(range(1, n + 1))
    points = [(round(x(i), 1), round(y(v), 1), v, ids[i]) for i, v in enumerate(values) if v is not None]
    band = None
    if target:
        band = {"y": round(y(target[1]), 1), "h": round(y(target[0]) - y(target[1]), 1)}
    return {
        "points": points,
        "polyline": " ".join(f"{px},{py}" for px, py, _, _ in points),
        "band": band,
        "lo": lo,
        "hi": hi,
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
    }


def render_progress(data: dict, attempts: Sequence[Attempt]) -> str:
    env = Environment(
        loader=PackageLoader("reviewer.present", "templates"), autoescape=select_autoescape(["html", "j2"])
    )
    env.filters["local"] = lambda iso: " ".join(local_time(iso))
    ids = [a.id for a in attempts]
    charts = [dict(t, chart=chart(t["values"], t.get("target"), ids)) for t in data["trends"]]
    return env.get_template("progress.html.j2").render(data=data, charts=charts, attempts=attempts)
