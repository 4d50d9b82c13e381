"""Every number the rubric judges by, in one place, with its unit and source.

Defaults come from ../shared/RUBRIC.md (sales-training material and public research);
a TOML file passed with `--config` overrides any of them by field name.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A thresholds file that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Thresholds:
    # Length of the spoken message (speech span). InsideSales: callbacks peak at 18-25 s.
    length_min_s: float = 15.0  # s, shorter warns
    length_hangup_s: float = 8.0  # s, shorter fails: sounds like a dial-and-hang-up (HubSpot)
    length_max_s: float = 30.0  # s, longer warns (Decker: under 30 s)
    length_fail_s: float = 45.0  # s, longer fails
    educate_length_max_s: float = 40.0  # s, warn above for an educating message (HubSpot: 25-40 s)
    educate_length_fail_s: float = 55.0  # s, fail above for an educating message

    # Word count, fillers excluded, each spoken digit one word (UpYourTeleSales: 35 incl. contact info).
    words_max: int = 35  # words, more warns
    words_fail: int = 60  # words, more fails
    educate_words_max: int = 70  # words, an educating message may say more
    educate_words_fail: int = 100  # words

    # Pace over the speech span (Speaker Coach 100-165, Read.ai 130-175, Kurlan 100-120).
    pace_min_wpm: float = 110.0  # words/min, slower warns
    pace_max_wpm: float = 160.0  # words/min, faster warns
    pace_slow_fail_wpm: float = 100.0  # words/min, slower fails
    pace_fast_fail_wpm: float = 175.0  # words/min, faster fails (Gong: reps average 173 under stress)

    # Pauses and dead air.
    pause_min_s: float = 0.5  # s, a silence between words this long is listed as a pause
    pause_long_s: float = 2.0  # s, a pause this long mid-message sounds like a lost thread
    dead_air_s: float = 2.0  # s, silence before the first word longer than this warns

    # Fillers, as a share of words (Read.ai: under 4%; open-source coaches: 2% / 5% bands).
    filler_ok_ratio: float = 0.02  # fraction, at or below passes
    filler_fail_ratio: float = 0.05  # fraction, above fails
    opening_words: int = 10  # words, the opening that decides call-back or delete

    # Phone number pace ("at writing speed"; 2 digits/s is our reading of it, RUBRIC.md).
    number_max_dps: float = 2.5  # digits/s over the whole number, faster warns
    number_fail_dps: float = 3.5  # digits/s, faster fails: nobody can write that down
    number_min_dps: float = 1.0  # digits/s, slower warns as dragging
    number_group_pause_s: float = 0.15  # s, a pause at least this long separates digit groups
    number_region: str = "US"  # phonenumbers default region for numbers without a country code

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(self))


def load_thresholds(path: str | Path | None) -> Thresholds:
    """Defaults, overridden by the TOML file's keys (top level or a [thresholds] table)."""
    if path is None:
        return Thresholds()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    data = data.get("thresholds", data)
    defaults = Thresholds()
    unknown = sorted(set(data) - set(defaults.fields))
    if unknown:
        raise ConfigError(f"{path}: unknown threshold(s) {', '.join(unknown)}")
    values = {}
    for name, value in data.items():
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"{path}: {name} must be {expected.__name__}, got {value!r}")
        values[name] = value
    return dataclasses.replace(defaults, **values)
