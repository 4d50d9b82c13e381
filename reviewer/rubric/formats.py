"""How a moment and a phone number are written: one formatter each, for the rubric's messages and
every view (record.summary re-exports both, so the figures, the report and the practice page
write moments and numbers exactly as the findings do)."""

from __future__ import annotations


def clock(t: float | None) -> str:
    """A moment as m:ss, the one formatter of moments (messages, figures, the report, the page's
    script): the second it falls in, as a media player's position shows it (7.6 s is 0:07, not
    0:08); "" for none."""
    if t is None:
        return ""
    t = max(0.0, t)
    return f"{int(t // 60)}:{int(t % 60):02d}"


def format_digits(digits: str) -> str:
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if len(digits) == 11 and digits[0] == "1":
        return f"1-{digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 7:
        return f"{digits[:3]}-{digits[3:]}"
    if 8 <= len(digits) <= 9:  # an incomplete number, as heard: "503-827-146"
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits
