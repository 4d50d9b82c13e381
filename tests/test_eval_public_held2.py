"""The public set's second held-out half (#24, eval/public/part_f*.py): every part f message is in
"held2" and only there, the frozen dev/held split is untouched, and the half is spoken by at least
5 voices of at least 3 engines. No audio: names, halves and the build's voice table only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import public  # noqa: E402
from public.build import voice_of  # noqa: E402

MIN_VOICES = 5  # voices speaking the held2 half
MIN_ENGINES = 3  # engines among them (espeak, flite, festival)


def test_part_f_is_held2_and_the_frozen_split_is_unchanged():
    found = public.messages()
    frozen = json.loads(public.SPLIT.read_text())
    held2 = [m for m in found if m.half == "held2"]
    assert len(held2) >= 26
    assert all(m.name.startswith("pub_f_") for m in held2)
    assert not set(frozen) & {m.name for m in held2}
    assert all(m.half == frozen[m.name] for m in found if m.name in frozen)
    assert {m.half for m in found} == set(public.HALVES)


def test_held2_is_spoken_by_several_voices_and_engines():
    voices = {voice_of(m)[0] for m in public.messages() if m.half == "held2"}
    assert len(voices) >= MIN_VOICES
    assert len({v.split(":")[0] for v in voices}) >= MIN_ENGINES


def test_each_later_held_out_half_is_one_part_from_pages_no_other_part_used():
    """held2..held7 (parts f-k) were each collected from pages and files no earlier part used, and
    each is spoken by several voices of several engines, like held2 (#24: a held-out half is new
    material). Parts a and c share two pages; they make up the first split, not a later half."""
    found = public.messages()
    part = {m.name: m.name.split("_")[1] for m in found}
    for prefix, half in public.LATER_HALVES.items():
        members = [m for m in found if m.half == half]
        assert members and all(m.name.startswith(prefix) for m in members), half
        sources = {m.source for m in members}
        others = {m.source for m in found if part[m.name] != prefix.split("_")[1]}
        assert not sources & others, (half, sorted(sources & others))
        voices = {voice_of(m)[0] for m in members}
        assert len(voices) >= MIN_VOICES and len({v.split(":")[0] for v in voices}) >= MIN_ENGINES, half
