"""What every resource's handlers share (`AppState`): the settings, where recordings go, the
loaded model, the queue for it, and the open streams."""

from __future__ import annotations

import contextlib

import anyio

from reviewer.apps.server.config import ServerConfig
from reviewer.apps.server.errors import ApiError
from reviewer.apps.server.streams import Streams
from reviewer.storage.history import History


class AppState:
    """The server's shared state, made once with the app (the model loads here)."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self.recordings = config.recordings_dir
        if not self.recordings.exists():  # every rep's recordings: this user's eyes only
            self.recordings.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.recordings.mkdir(mode=0o700)
        for stale in self.recordings.glob("*.part"):  # uploads cut off by a crash
            stale.unlink(missing_ok=True)
        History(config.history_path).close()  # fail at start, not on the first review
        # Loads the model now (once per process: every Reviewer below shares it).
        self.transcriber = self.reviewer().transcriber
        self.transcriber.load_encoder()  # a server reviews many times: the encoder on every thread
        self.limiter: anyio.CapacityLimiter | None = None
        self.waiting = 0
        self.streams = Streams(config, self.model_limiter, lambda transcriber: self.reviewer(transcriber=transcriber))
        self.endpoints: list = []  # every route (routing.Endpoint), for the OpenAPI document; set by create_app

    def reviewer(self, goal: str = "callback", script=None, transcriber=None):
        """A Reviewer with the server's settings; on `transcriber` (a streaming session's, with
        its memo) instead of the shared one when given."""
        from reviewer.pipeline import Reviewer
        from reviewer.settings import ReviewSettings

        c = self.config
        settings = ReviewSettings(c.model, c.device, c.language, goal, c.thresholds, detection=c.detection)
        reviewer = Reviewer.from_settings(settings, cpu_threads=c.cpu_threads, script=script)
        if transcriber is not None:
            reviewer.transcriber = transcriber
        return reviewer

    def model_limiter(self) -> anyio.CapacityLimiter:
        """The model's queue: one review at a time (made on first use, inside the event loop)."""
        if self.limiter is None:
            self.limiter = anyio.CapacityLimiter(1)
        return self.limiter

    @contextlib.contextmanager
    def queue_place(self):
        """A place among the reviews waiting for the model, held until the review is done; a
        full queue is a 503 before anything is stored or decoded, so a burst costs no memory."""
        if self.waiting >= self.config.max_queue:
            raise ApiError(503, "the server is busy with other reviews; try again in a minute")
        self.waiting += 1
        try:
            yield
        finally:
            self.waiting -= 1
