"""Recordings streamed to the practice server while the rep speaks (`/api/streams`).

The page sends its MediaRecorder's pieces as they come (a quarter of a second each). A
`StreamSession` keeps the bytes (bounded: bytes, seconds, sessions, an idle timeout), decodes
the recording so far now and then (PyAV decodes the start of a WebM exactly as it decodes the
whole: the samples differ only in the last millisecond), and as soon as the rep has been quiet
for half a second reviews it in the background as if they had stopped there: the audio so far,
then silence. That review's model calls go through the session's `Memo` (recognition/memo.py).

After Stop the server reviews the whole recording exactly as it reviews an upload (the same
`Reviewer.review_audio` on the same decoded samples); only its model calls go through the
same memo, so each one whose input did not change since the background review (the same
features to the last bit, the same prompt and settings) is answered from there. Whisper's
plain pass decodes the speech faster-whisper's VAD keeps, and a stretch of speech ends there
after 2 s of silence: a rep who is quiet for 2 s before Stop finds that pass, the
filler-prompted pass and the number's second listens done. The review is the same either way;
only the time differs.

A background review gives the model up at its next call when a real review wants it (an
upload, another rep's Stop), when the rep speaks again, or when the session ends.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import secrets
import threading
import time
from dataclasses import dataclass, field

import anyio
import numpy as np

from reviewer.sound.decode import SAMPLE_RATE, Audio, AudioError, AudioTooLong, load_audio

log = logging.getLogger("reviewer.server")

QUIET_S = 2.2  # s of silence put after the audio so far for a background review (more than the VAD's 2 s)
MARGIN_S = 0.05  # s of real audio needed past the end of the speech the plain pass would decode
GROWTH_S = 0.5  # s of new audio before a background review of the same speech runs again
SETTLED_S = 2.5  # s of real silence after the speech beyond which more audio changes no model input
MIN_LOOK_S = 0.25  # s between two decodes of the recording so far (more when decoding takes longer)
BUSY_LOOK_S = 1.0  # the same while a background review runs (the cores are its)
MEMO_ENTRIES = 256  # model calls a session remembers
NO_SUCH_STREAM = "no such stream (it ended, or was idle too long); upload the recording instead"


class StreamError(Exception):
    """A streaming request answered with {"error": reason} and this status."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(eq=False)
class Speculation:
    """A background review in progress: the speech it predicts the plain pass will decode, and
    the audio it reviews: the recording so far, then silence that the recording's real samples
    replace as they arrive (`fill`). Model calls made later in the review (the number's second
    listen, which hears up to 1.5 s past the number) then read what the rep's recording really
    holds there, as the review after Stop will."""

    chunks: tuple[tuple[int, int], ...]
    samples: int  # real samples it was started with
    quiet: np.ndarray | None = None  # the audio under review: real samples, then silence
    abort: threading.Event = field(default_factory=threading.Event)
    done: bool = False  # it ran to the end (a review, or a reason there is none)

    def fill(self, samples: np.ndarray) -> None:
        """Put the recording's newer samples in place of the silence (and of the last decode's
        final millisecond, which the resampler's flush made up). Never touches the speech the
        plain pass decodes: that ends MARGIN_S before the first real samples' end."""
        if self.quiet is None:
            return
        end = min(len(samples), len(self.quiet))
        start = max(0, self.samples - 512)
        if end > start:
            self.quiet[start:end] = samples[start:end]


@dataclass(eq=False)
class StreamSession:
    id: str
    transcriber: object  # the shared model behind this session's own Memo (Transcriber.remembering)
    buffer: bytearray = field(default_factory=bytearray)
    next_seq: int = 0
    failed: StreamError | None = None  # why this stream can no longer be reviewed
    closed: bool = False
    speculations: int = 0  # background reviews finished
    ran_early: int = 0  # background reviews that ran a model call, finished or given up at Stop
    early_calls: int = 0  # model calls those ran: what the review after Stop finds in the memo
    running: Speculation | None = None
    last: Speculation | None = None  # the last background review started
    decoded_s: float = 0.0  # seconds in the recording so far, as last decoded
    new_data: asyncio.Event = field(default_factory=asyncio.Event)
    next_look: float = 0.0  # monotonic time before which the recording is not decoded again
    task: asyncio.Task | None = None
    timer: asyncio.TimerHandle | None = None  # the idle timeout, restarted by each piece
    lifetime: asyncio.TimerHandle | None = None  # the end of the stream's life, however busy

    def status(self) -> dict:
        memo = self.transcriber.memo
        return {
            "id": self.id,
            "chunks": self.next_seq,
            "bytes": len(self.buffer),
            "seconds": round(self.decoded_s, 2),
            **self.early_work(),
            "model_calls_remembered": len(memo) if memo is not None else 0,
            "error": self.failed.reason if self.failed else None,
        }

    def early_work(self) -> dict:
        """What ran before Stop: a background review given up at Stop counts too, since the
        model calls it finished stay in the memo and answer the review after Stop."""
        return {
            "background_reviews": self.ran_early,
            "background_reviews_finished": self.speculations,
            "background_model_calls": self.early_calls,
        }


def predicted_chunks(audio: Audio) -> tuple[tuple[tuple[int, int], ...], bool, np.ndarray]:
    """The speech faster-whisper's VAD would keep if the rep stopped now and stayed quiet:
    (chunks in samples, whether they lie inside the real audio, the audio with the silence)."""
    from reviewer.recognition.vad import whisper_vad_chunks

    quiet = np.concatenate([audio.samples, np.zeros(int(QUIET_S * audio.rate), np.float32)])
    chunks = tuple(whisper_vad_chunks(quiet))
    inside = bool(chunks) and chunks[-1][1] + int(MARGIN_S * audio.rate) <= len(audio.samples)
    return chunks, inside, quiet


class Streams:
    """The open streaming sessions and their background reviews.

    `limiter()` is the model's queue (one review at a time); `reviewer(transcriber)` makes a
    Reviewer with the server's settings on that transcriber."""

    def __init__(self, config, limiter, reviewer):
        self.config = config
        self._limiter = limiter
        self._reviewer = reviewer
        self.sessions: dict[str, StreamSession] = {}
        self.running: set[Speculation] = set()  # background reviews holding or about to hold the model

    # ---- sessions ----------------------------------------------------------------------

    def open(self, transcriber) -> StreamSession:
        c = self.config
        if len(self.sessions) >= c.max_streams:
            raise StreamError(
                503,
                f"too many recordings are streaming already (at most {c.max_streams}); "
                "the recording is uploaded after Stop instead",
            )
        session = StreamSession(secrets.token_hex(16), transcriber.remembering(MEMO_ENTRIES))
        self.sessions[session.id] = session
        loop = asyncio.get_running_loop()
        session.task = loop.create_task(self._watch(session))
        session.lifetime = loop.call_later(c.stream_lifetime, self._expire, session, "open")
        self._touch(session)
        return session

    def get(self, sid: str) -> StreamSession:
        session = self.sessions.get(sid) if len(sid) == 32 and all(c in "0123456789abcdef" for c in sid) else None
        if session is None:
            raise StreamError(404, NO_SUCH_STREAM)
        return session

    def close(self, session: StreamSession) -> None:
        """End the session: no more pieces; its buffer is freed once the caller drops it."""
        session.closed = True
        self.sessions.pop(session.id, None)
        for timer in (session.timer, session.lifetime):
            if timer is not None:
                timer.cancel()
        if session.task is not None:
            session.task.cancel()
        session.new_data.set()

    def drop(self, session: StreamSession) -> None:
        """End the session and forget its audio and its background work."""
        self.close(session)
        if session.running is not None:
            session.running.abort.set()
        session.buffer = bytearray()
        session.transcriber.memo.clear()

    def _touch(self, session: StreamSession) -> None:
        if session.timer is not None:
            session.timer.cancel()
        session.timer = asyncio.get_running_loop().call_later(self.config.stream_idle_s, self._expire, session, "idle")

    def _expire(self, session: StreamSession, why: str) -> None:
        """Drop a stream idle for stream_idle_s, or open for its whole lifetime (four slow clients
        must not hold every place for ever)."""
        if self.sessions.get(session.id) is session:
            seconds = self.config.stream_idle_s if why == "idle" else self.config.stream_lifetime
            log.info("stream %s… %s for %g s: dropped", session.id[:6], why, seconds)
            self.drop(session)

    def append(self, session: StreamSession, seq: int, data: bytes) -> None:
        if session.failed is not None:
            failed = session.failed
            self.drop(session)
            raise failed
        if seq != session.next_seq:
            raise StreamError(409, f"piece {seq} arrived, piece {session.next_seq} was expected")
        if len(session.buffer) + len(data) > self.config.max_upload_bytes:
            self.drop(session)
            raise StreamError(413, f"the recording is too large: at most {self.config.max_upload_bytes / 1e6:g} MB")
        session.buffer += data
        session.next_seq += 1
        self._touch(session)
        session.new_data.set()

    # ---- background reviews --------------------------------------------------------------

    def preempt(self, keep: Speculation | None = None) -> None:
        """A review wants the model: every background review but `keep` gives it up at its next call."""
        for speculation in list(self.running):
            if speculation is not keep:
                speculation.abort.set()

    async def _watch(self, session: StreamSession) -> None:
        """Decode the recording so far when pieces arrive (at most every MIN_LOOK_S, BUSY_LOOK_S
        while a background review runs, or four times as long as a decode takes), start a
        background review when it can help, and keep the running one's audio up to date."""
        try:
            while not session.closed:
                await session.new_data.wait()
                session.new_data.clear()
                wait = session.next_look - time.monotonic()
                if wait > 0:
                    await anyio.sleep(wait)
                if session.closed or session.failed is not None:
                    return
                data = bytes(session.buffer)
                started = time.monotonic()
                try:
                    look = await anyio.to_thread.run_sync(self._look, data)
                except AudioTooLong as exc:
                    session.failed = StreamError(422, str(exc))
                    session.buffer = bytearray()  # never reviewed: free it now
                    if session.running is not None:
                        session.running.abort.set()
                    return
                every = BUSY_LOOK_S if session.running is not None else MIN_LOOK_S
                session.next_look = time.monotonic() + max(every, 4 * (time.monotonic() - started))
                if look is None:  # not decodable yet (the first piece may hold only the header)
                    continue
                audio, chunks, inside, quiet = look
                session.decoded_s = audio.duration
                running = session.running
                if running is not None and running.chunks != chunks:
                    running.abort.set()  # the rep spoke again: that guess is wrong
                elif running is not None:
                    running.fill(audio.samples)
                if inside and running is None and self._worth(session, chunks, len(audio.samples)):
                    speculation = Speculation(chunks, len(audio.samples), quiet)
                    log.debug(
                        "stream %s…: %.2f s so far, the speech ends at %.2f s: background review",
                        session.id[:6],
                        audio.duration,
                        chunks[-1][1] / SAMPLE_RATE,
                    )
                    session.running = session.last = speculation
                    asyncio.get_running_loop().create_task(self._speculate(session, speculation, audio))
        except asyncio.CancelledError:
            pass

    def _look(self, data: bytes):
        try:
            audio = load_audio("stream.webm", data=data, min_duration=0.0, max_duration=self.config.max_duration_s)
        except AudioTooLong:
            raise
        except AudioError:
            return None
        return (audio, *predicted_chunks(audio))

    def _worth(self, session: StreamSession, chunks, samples: int) -> bool:
        last = session.last
        if last is None or last.chunks != chunks:
            return True
        # The same speech with more audio after it: clips that reached into the added silence
        # (the number's second listen hears up to 1.5 s past it) now hold the real audio.
        after = samples - chunks[-1][1]
        return samples - last.samples >= GROWTH_S * SAMPLE_RATE and after - (samples - last.samples) < (
            SETTLED_S * SAMPLE_RATE
        )

    async def _speculate(self, session: StreamSession, speculation: Speculation, audio: Audio) -> None:
        limiter = self._limiter()
        try:
            limiter.acquire_nowait()  # only when no review holds or waits for the model
        except anyio.WouldBlock:
            session.running = None
            session.last = None  # try again with the next piece
            return
        self.running.add(speculation)
        try:
            if not speculation.abort.is_set():
                review_audio = dataclasses.replace(audio, samples=speculation.quiet)
                await anyio.to_thread.run_sync(self._review, session, speculation, review_audio)
        finally:
            self.running.discard(speculation)
            limiter.release()
            if session.running is speculation:
                session.running = None
            if not speculation.done and session.last is speculation:
                session.last = None  # given up before the end: the same audio is worth another try
            session.new_data.set()  # look again: audio may have come meanwhile

    def _review(self, session: StreamSession, speculation: Speculation, audio: Audio) -> None:
        from reviewer.recognition.memo import Preempted

        memo = session.transcriber.memo
        memo.abort = speculation.abort
        started, calls = time.monotonic(), memo.misses
        try:
            self._reviewer(session.transcriber).review_audio(audio, "stream")
            session.speculations += 1
            speculation.done = True
            log.debug(
                "stream %s…: background review of %.2f s done in %.2f s (%d model calls run)",
                session.id[:6],
                speculation.samples / SAMPLE_RATE,
                time.monotonic() - started,
                memo.misses - calls,
            )
        except Preempted:
            pass
        except AudioError:  # no words yet: the real review will say so
            speculation.done = True
        except Exception:  # a background review is only a head start: the real one will say
            speculation.done = True
            log.exception("background review of stream %s… failed", session.id[:6])
        finally:
            memo.abort = None
            speculation.quiet = None
            ran = memo.misses - calls
            session.early_calls += ran
            session.ran_early += ran > 0
