"""The public evaluation set (#24, eval/public/): every message cited, labelled by the scheme,
its number a valid one, in exactly one half of a split frozen before any verdict code changed.
No audio: the set's texts and labels only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import phonenumbers

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import public  # noqa: E402


def test_every_message_is_cited_labelled_and_speakable():
    found = public.messages()
    assert len(found) >= 60
    for m in found:
        assert m.source.startswith(("https://", "http://")) and m.source_title, m.name
        assert set(m.flags) <= set(public.HAND) and not set(m.flags) & set(m.skip), m.name
        if m.number is not None:
            parsed = phonenumbers.parse(m.number, m.region)
            assert phonenumbers.is_valid_number(parsed), (m.name, m.number)
    sources: dict[str, set[str]] = {}
    for m in found:
        if m.number:
            sources.setdefault(m.number, set()).add(m.source)
    # each message its own number, but two messages of one caller from one source may share theirs
    # (part k2's pub_k_31 and pub_k_32: one insurance agency's two scripts, labelled and scored so)
    assert all(len(s) == 1 for s in sources.values()), "each caller their own number"
    assert {m.band for m in found} == set(public.BANDS) and {m.goal for m in found} == set(public.GOALS)


def test_the_split_is_frozen_and_stratified():
    frozen = json.loads(public.SPLIT.read_text())
    # parts f, g, h (held2, held3, held4): not in split.json
    found = [m for m in public.messages() if m.half not in public.LATER_HALVES.values()]
    assert set(frozen) == {m.name for m in found} and set(frozen.values()) == {"dev", "held"}
    for band in public.BANDS:
        halves = [m.half for m in found if m.band == band]
        assert abs(halves.count("dev") - halves.count("held")) <= 2, band
