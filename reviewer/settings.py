"""What a review is made with, apart from the rep and the recording (light: no model is loaded).

`--config FILE.toml` sets two records by field name, flat in one file: the rubric's edges
(rubric/thresholds.py `Thresholds`: where a figure passes, warns and fails) and the measures'
detection settings (measures/settings.py `Detection`: how a figure is taken). `load_config`
reads the file and routes each name to its record; `ReviewSettings` carries both to the
pipeline, which hands the measures only the one and the rubric only the other.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reviewer.measures.settings import DETECTION, Detection
from reviewer.rubric.thresholds import Thresholds

_DETECTION_NAMES = frozenset(f.name for f in dataclasses.fields(Detection))


class ConfigError(Exception):
    """A config file that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Config:
    """What a config file sets: the rubric's thresholds and the measures' detection settings."""

    thresholds: Thresholds = Thresholds()
    detection: Detection = DETECTION

    def flat(self) -> dict:
        """Every setting by its config-file name, both records in one flat dict: the names a file
        may set, and what the batch's result key hashes."""
        return dataclasses.asdict(self.thresholds) | dataclasses.asdict(self.detection)


@dataclass(frozen=True)
class ReviewSettings:
    """What a review is made with, apart from the rep: the model, where it runs, the language,
    the goal, the rubric's thresholds, the filler mode and the detection settings. The CLI, the
    batch and the server each fill one in and call `Reviewer.from_settings`."""

    model: str = "base"
    device: str = "auto"
    language: str | None = "en"  # None: detect
    goal: str = "callback"
    thresholds: Thresholds | None = None
    fillers: str = "full"
    detection: Detection | None = None


def load_config(path: str | Path | None) -> Config:
    """Defaults, overridden by the TOML file's keys (top level or a [thresholds] table)."""
    if path is None:
        return Config()
    data = _read_toml(path)
    data = data.get("thresholds", data)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: thresholds must be a table ([thresholds] with name = value lines), got {data!r}")
    known = Config().flat()
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown threshold(s) {', '.join(unknown)}")
    values, detection = {}, {}
    for name, value in data.items():
        # a detection setting goes to the measures' record, the rest are the rubric's
        (detection if name in _DETECTION_NAMES else values)[name] = _typed(path, name, value, known[name])
    config = Config(dataclasses.replace(Thresholds(), **values), dataclasses.replace(DETECTION, **detection))
    return check_ranges(config, str(path))


def _read_toml(path: str | Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _typed(path: str | Path, name: str, value: object, default: object) -> object:
    """`value` as the type of the setting's default, or a ConfigError naming the setting."""
    expected = type(default)
    if expected is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {name} must be a list of strings, got {value!r}")
        return tuple(value)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, expected) or isinstance(value, bool):
        raise ConfigError(f"{path}: {name} must be {expected.__name__}, got {value!r}")
    return value


def check_ranges(config: Config, source: str) -> Config:
    """Refuse values no rubric can mean, naming the field: NaN or infinite anywhere, a negative
    time, count, rate or share, a share or probability over 1, a dBFS level above full scale."""
    for name, value in config.flat().items():
        if not isinstance(value, int | float):
            continue
        if not math.isfinite(value):
            raise ConfigError(f"{source}: {name} must be a finite number, got {value!r}")
        if name.endswith("_dbfs"):
            if value > 0:
                raise ConfigError(f"{source}: {name} is a level in dBFS and must be 0 or below, got {value!r}")
        elif value < 0:
            raise ConfigError(f"{source}: {name} must be 0 or more, got {value!r}")
        elif ("share" in name or "probability" in name or name.startswith("filler_") and "ratio" in name) and (
            value > 1
        ):
            raise ConfigError(f"{source}: {name} is a fraction and must be between 0 and 1, got {value!r}")
    return config
