"""Decode any audio file into mono float32 samples at 16 kHz, or fail with one clear reason.

Everything downstream (Whisper, VAD, Praat) works on 16 kHz mono, so we decode once here.
PyAV (brought by faster-whisper) reads WAV, FLAC, OGG, MP3, M4A and WebM alike.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16_000
MIN_DURATION_S = 1.0  # shorter than this cannot hold a voicemail worth reviewing
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".flac", ".webm", ".aac", ".mp4")


class AudioError(Exception):
    """A file that cannot be reviewed as audio; the message is the reason, for one line."""


class AudioTooLong(AudioError):
    """The recording runs past the duration cap."""


@dataclass(frozen=True, eq=False)
class Audio:
    """Mono samples in [-1, 1] at `rate` Hz, plus what the original file was."""

    samples: np.ndarray  # float32, mono
    rate: int  # Hz, always SAMPLE_RATE after decoding
    source_rate: int  # Hz of the original stream (8000 means telephone bandwidth)
    source_channels: int
    path: str = ""

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.rate


def load_audio(
    path: str | os.PathLike,
    min_duration: float = MIN_DURATION_S,
    max_duration: float | None = None,
    data: bytes | None = None,
) -> Audio:
    """Decode `path`; raise AudioError with a reason a rep understands on any failure.

    With `max_duration` (s) decoding stops as soon as the audio runs past it: a small file can
    hold hours of audio (1 h of FLAC silence is under 100 kB), and hours decoded to float32 are
    gigabytes, so the cap is kept while decoding, not checked afterwards.

    With `data`, the recording is decoded from those bytes (the file's contents, sent to a Dask
    worker on a machine without the file) and `path` only names it: it is never opened."""
    p = Path(path)
    source: str | io.BytesIO
    if data is not None:
        if not data:
            raise AudioError("file is empty (0 bytes)")
        source = io.BytesIO(data)
    else:
        if not p.exists():
            raise AudioError("no such file")
        if p.is_dir():
            raise AudioError("is a directory, not an audio file")
        if p.stat().st_size == 0:
            raise AudioError("file is empty (0 bytes)")
        source = str(p)
    try:
        samples, source_rate, channels = _decode(source, max_duration)
    except AudioError:
        raise
    except Exception as exc:  # PyAV raises many types for broken input
        raise AudioError(f"not a readable audio file ({_short(exc)})") from None
    if samples.size == 0:
        raise AudioError("no audio stream could be decoded")
    audio = Audio(samples=samples, rate=SAMPLE_RATE, source_rate=source_rate, source_channels=channels, path=str(p))
    if audio.duration < min_duration:
        raise AudioError(f"too short to review ({audio.duration:.2f} s; at least {min_duration:g} s needed)")
    return audio


def too_long(seconds: float | None, max_duration: float) -> AudioTooLong:
    """The one reason for a recording over the cap (seconds None: decoding stopped at the cap)."""
    said = f"{seconds:.1f} s" if seconds is not None else f"over {max_duration:g} s"
    return AudioTooLong(f"the recording is too long ({said}; at most {max_duration:g} s)")


def _decode(source: str | io.BytesIO, max_duration: float | None = None) -> tuple[np.ndarray, int, int]:
    """Decode a file path or an in-memory file (FFmpeg probes the format from the contents)."""
    import av  # imported here so that a plain `import reviewer` stays light

    try:
        container = av.open(source, mode="r", metadata_errors="ignore")
    except av.error.InvalidDataError:
        raise AudioError("not a recognised audio format (the file's contents are not audio)") from None
    with container:
        streams = container.streams.audio
        if not streams:
            raise AudioError("the file has no audio stream")
        stream = streams[0]
        source_rate = int(stream.codec_context.sample_rate or stream.rate or 0)
        channels = int(stream.codec_context.channels or 0)
        limit = None if max_duration is None else int(max_duration * SAMPLE_RATE)
        if limit is not None:  # refuse at once what the header says is too long (it may lie: see below)
            declared = _declared_seconds(container, stream)
            if declared is not None and declared > max_duration + 0.5:
                raise too_long(declared, max_duration)
        decoded = 0
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    decoded += chunks[-1].size
                if limit is not None and decoded > limit:  # stop here: never decode past the cap
                    raise too_long(None, max_duration)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.error.InvalidDataError:
            if not chunks:
                raise AudioError("not a recognised audio format (the file's contents are not audio)") from None
            # a truncated tail: keep what decoded
    samples = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
    if not np.all(np.isfinite(samples)):
        raise AudioError("the decoded audio holds invalid (NaN or infinite) samples")
    return samples, source_rate, channels


def _declared_seconds(container, stream) -> float | None:
    """The length the file's header claims, if it claims one."""
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / 1_000_000  # av.time_base
    return None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def find_audio_files(path: str | os.PathLike) -> list[Path]:
    """All audio files under a folder, sorted, by suffix."""
    root = Path(path)
    return sorted(f for f in root.rglob("*") if f.is_file() and f.suffix.lower() in AUDIO_SUFFIXES)
