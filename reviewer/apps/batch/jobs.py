"""What a batch is made of: its jobs (a recording and whose it is) and the settings that key
each job's stored result."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from reviewer.measures.settings import DETECTION, Detection
from reviewer.profile import Profile
from reviewer.rubric.thresholds import Thresholds
from reviewer.settings import Config, ReviewSettings

DEFAULT_MAX_MB = 200.0  # `--max-mb`: 10 min of 48 kHz stereo 24-bit WAV is 173 MB; a voicemail is well under 1 MB
# Bump when a change to the analyses makes stored results stale. 2: the record carries the score's
# band and each word's unsure flag; `monotone` needs the voiced speech pitch_variety needs; the
# filler check reads the one pitch track (#23). 3: the parts read from a language parse,
# made-up transcripts not judged, pitch judged on a plausible track only, numbers said every way (#24).
# 4: the reason reader's second round, two sayings alike but not the same unsure at every band, a
# number said once at telephone band never passed (#24). 5: two different numbers each heard the same
# by both listens fail at full band. 6: the reason reader's third round, no company asked after a
# meeting or for a job search, a number dropped as no words is unsure (#24). 7: the parts reader's
# fourth round (a name and company with no verb, more asks, a referral, misheard asks quoted) (#24).
# 8: each saying of a number heard first in a 15 s encoder window, standing only where it confirms (#26).
PIPELINE_VERSION = "8"


class BatchError(Exception):
    """A batch that cannot start (bad manifest, no audio); the message names the cause."""


@dataclass(frozen=True)
class Job:
    file: str
    rep: str
    date: str = ""  # as given in the manifest (ISO date recommended)
    profile: Profile | None = None  # the manifest's name, company, number, else the rep's stored profile
    named: bool = False  # the manifest names this file's rep (else it is the folder's, or the history's)


@dataclass(frozen=True)
class Settings(ReviewSettings):
    """Everything that changes a review's result; part of each result's key. A batch reviews with
    the full filler mode, on the CPU unless told otherwise."""

    device: str = "cpu"
    thresholds: Thresholds = Thresholds()
    detection: Detection = DETECTION
    max_seconds: float | None = 600.0  # longer recordings are refused while decoding

    def fingerprint(self, profile: Profile | None = None) -> str:
        """These settings, and the rep's profile where one is checked against (no profile keeps old keys)."""
        data = {
            "model": self.model,
            "goal": self.goal,
            "language": self.language,
            "thresholds": Config(self.thresholds, self.detection).flat(),  # both records, flat: the config's names
            "pipeline": PIPELINE_VERSION,
        }
        if self.max_seconds != 600.0:  # a refusal as too long depends on it (the default keeps old keys)
            data["max_seconds"] = self.max_seconds
        if self.model not in ("base", "tiny.en"):
            data["model_path"] = str(Path(self.model).resolve())
        if profile:
            data["profile"] = profile.to_dict()
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
