"""The allocator settings of memory.py reach glibc (their effect on peak RSS is measured in
`make bench`, never asserted here)."""

from __future__ import annotations

import platform

import pytest

from reviewer.recognition import memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt and malloc_trim only")
def test_glibc_takes_the_arena_limit_and_gives_free_memory_back():
    assert memory.limit_arenas() is True
    memory.release_free_memory()


def test_elsewhere_they_are_no_ops(monkeypatch):
    monkeypatch.setattr(memory, "_glibc", lambda: None)
    assert memory.limit_arenas() is False
    memory.release_free_memory()
