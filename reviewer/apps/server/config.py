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
MAX_NOTE_BODY_BYTES = 16_000  # a coach's note as JSON (2000 characters, escaped)
MAX_STREAM_PIECE_BYTES = 1_000_000  # one streamed piece: the page sends a quarter second, a few kB
STREAM_STOP_GRACE_S = 60.0  # a stream lives the longest recording's length plus this (Stop, the form)
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
class BodyLimit:
    """What one route reads of a request body, and for how long: a body is read only through
    `body.bounded_receive`, which holds it to these (nothing is buffered beyond `max_bytes`)."""

    what: str  # how the answers name the body: "the upload", "the note"
    max_bytes: int  # more is refused (413) as soon as it arrives, or at once when declared
    idle_s: float  # s the client may send nothing (408)
    deadline_s: float  # s for the whole body, however it trickles (408)
    shown_bytes: int | None = None  # the cap as a 413 states it (an upload's, without the form's framing)


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
    body_timeout_s: float = 30.0  # a body that sends nothing for this long is cut off (408)
    upload_deadline_s: float = 120.0  # an upload's whole body must arrive within this (408), however it trickles
    header_timeout_s: float = 10.0  # a connection must send its request headers within this (slowloris),
    # and a small body (a note, a stream's piece or its Stop form) the whole of itself
    max_connections: int = 48  # concurrent connections; a request beyond them gets 503 at once (uvicorn)
    max_streams: int = 4  # recordings streaming at once (the page uploads after Stop beyond them); 0: none
    stream_idle_s: float = 30.0  # a stream that sends nothing for this long is dropped, its audio freed
    stream_lifetime_s: float | None = None  # s a stream may stay open; None: max_duration_s + STREAM_STOP_GRACE_S

    @property
    def history_path(self) -> Path:
        return Path(self.db_path) if self.db_path else default_db_path()

    @property
    def recordings_dir(self) -> Path:
        return Path(self.data_dir or self.history_path.parent) / "recordings"

    @property
    def stream_lifetime(self) -> float:
        """s a stream may stay open: it is recorded as it streams, so no longer than the longest
        recording and the Stop after it (slow clients cannot hold every stream place for ever)."""
        return (
            self.stream_lifetime_s if self.stream_lifetime_s is not None else self.max_duration_s + STREAM_STOP_GRACE_S
        )

    def upload_body(self) -> BodyLimit:
        """An upload's form: the recording and its fields."""
        size = self.max_upload_bytes + MAX_FORM_OVERHEAD
        return BodyLimit("the upload", size, self.body_timeout_s, self.upload_deadline_s, self.max_upload_bytes)

    def small_body(self, what: str, max_bytes: int) -> BodyLimit:
        """A note, a stream's piece or its Stop form: due as promptly as the headers."""
        return BodyLimit(what, max_bytes, self.body_timeout_s, self.header_timeout_s)
