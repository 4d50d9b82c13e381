"""How the practice server runs (`ServerConfig`) and the limits it holds every request to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.measures.settings import DETECTION, Detection
from reviewer.rubric.thresholds import Thresholds
from reviewer.storage.history import default_db_path

MAX_SCRIPT_CHARS = 20_000
MAX_FORM_OVERHEAD = 16_000 + 4 * MAX_SCRIPT_CHARS  # bytes beyond the file: multipart framing, rep, goal, script (UTF-8)
MAX_REP_CHARS = 80
# Container formats PyAV reports -> the suffix and media type a stored recording gets.
FORMATS = {
    "wav": (".wav", "audio/wav"),
    "mp3": (".mp3", "audio/mpeg"),
    "ogg": (".ogg", "audio/ogg"),
    "matroska,webm": (".webm", "audio/webm"),
    "mov,mp4,m4a,3gp,3g2,mj2": (".m4a", "audio/mp4"),
    "flac": (".flac", "audio/flac"),
    "aac": (".aac", "audio/aac"),
}
MEDIA_TYPES = {suffix: media for suffix, media in FORMATS.values()} | {".audio": "application/octet-stream"}
RECORDING_ID = re.compile(r"[0-9a-f]{32}\.(?:wav|mp3|ogg|webm|m4a|flac|aac|audio)")


@dataclass(frozen=True)
class ServerConfig:
    """How `reviewer serve` runs: the model and rubric, where data lives, and the upload limits."""

    model: str = "base"
    device: str = "auto"
    language: str | None = "en"
    cpu_threads: int = 0
    thresholds: Thresholds = field(default_factory=Thresholds)
    detection: Detection = DETECTION  # how the measures measure (the same --config file sets it)
    db_path: Path | None = None  # None: $REVIEWER_DB or the user data folder, as the CLI
    data_dir: Path | None = None  # recordings go to data_dir/recordings; None: the history db's folder
    max_upload_bytes: int = 20_000_000
    max_duration_s: float = 120.0
    max_queue: int = 32  # reviews waiting for the model; more get 503 rather than piling up memory
    allowed_hosts: tuple[str, ...] | None = None  # Host names served (stops DNS rebinding); None: any
    allow_ip_hosts: bool = False  # also serve a Host that is an IP literal (no name to rebind)
    token: str | None = None  # required on every request when set (cookie, bearer header or ?token=)
    body_timeout_s: float = 30.0  # an upload that sends nothing for this long is cut off (408)
    header_timeout_s: float = 10.0  # a connection must send its request headers within this (slowloris)
    max_connections: int = 48  # concurrent connections; a request beyond them gets 503 at once (uvicorn)
    max_streams: int = 4  # recordings streaming at once (the page uploads after Stop beyond them); 0: none
    stream_idle_s: float = 30.0  # a stream that sends nothing for this long is dropped, its audio freed

    @property
    def history_path(self) -> Path:
        return Path(self.db_path) if self.db_path else default_db_path()

    @property
    def recordings_dir(self) -> Path:
        return Path(self.data_dir or self.history_path.parent) / "recordings"
