"""glibc's allocator, told to keep less memory between and across the model's threads.

CTranslate2's worker and intra-op threads each get a malloc arena of their own by default, and
the encoder's attention buffers (tens of MB a 30 s window) freed in one arena are not reused by
another, so a review's peak grows with the threads that ever ran. Two arenas, and giving free
pages back after each review, took the peak RSS of a review (base, 30 s) from about 655 to
580-600 MB, and of a batch with 2 workers from 1374 to 1173 MB, with no cost in time that
interleaved runs could tell from noise (bench/RESULTS.md). One arena rather than two: a
review of the 30 s bench file peaked at 504-549 MB (median 517) against 554-569 (564), and
good_callback.wav at 524-537 against 520-525, in 6 and 4 interleaved rounds, with the same
median time (4.32 against 4.33 s, and 4.64 against 4.67 s). Elsewhere (macOS, musl, Windows)
these are no-ops.
"""

from __future__ import annotations

import ctypes
import functools
import os

MALLOC_ARENAS = 1
_M_ARENA_MAX = -8  # glibc's mallopt parameter


@functools.cache
def _glibc():
    """The C library when it is glibc (asked of the C library itself: no subprocess, no file)."""
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return None
        libc = ctypes.CDLL(None)
    except (AttributeError, ValueError, OSError):  # no confstr (Windows), or not a GNU name
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def limit_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """At most `arenas` malloc arenas from now on: call before the model's threads start."""
    libc = _glibc()
    return bool(libc and libc.mallopt(_M_ARENA_MAX, arenas) == 1)


def release_free_memory() -> None:
    """Give the pages malloc holds free back to the system (after a review)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
