"""The public set (#24): example voicemails taken from public sales-training pages, each with
the page it came from and the verdicts a coach gives, written from the script before any code
that judges them changed. Messages are split once (split.json, stratified by band and goal) into
a development half (looked at while building) and a held-out half (scored only at the end).

A message's text says the callback number where it is spoken as "{number}" (the builder speaks
the digits in the rep's grouping), so one script is spoken by several voices and engines, and
each also as a telephone copy. Labels: a coach's verdict per hand-judged check ("flag": fix
this; the others are ok), the band (good / fix / poor), the number meant, and whether the
message as written says it right. The measured checks (length, pace, word count, the number's
pace and repeat) are read from the build's truth, as in eval/judged.py.

LABELS (the band rule, applied to every part; set when the parts' duplicate scripts were merged).
Words = the spoken words outside the number (the number and its repeats not counted).
- Things to fix: each HAND flag is one, except that one phrase tripping both opening and
  weak_phrases (an apology or filler in the first ten words) is one thing; length as below.
- Length, callback: up to about 42 words is "about 35" (fine). 43-60 words is "long" (the
  rubric's word-count warn): it keeps a message from good (band fix when nothing else is
  wrong) but is not a second thing beside a HAND flag. Over 60 words (the word-count fail) is
  one thing to fix. Rambling, estimated far past 30 s (over about 45 s at 150 words a minute
  plus about 5 s per saying of the number), is poor on its own. Shortness counts only under the
  rubric's ~8 s hang-up floor.
- Length, educate: no number to dictate, may be longer: counts as one thing only over about 70
  words; call_to_action and phone_number are not judged (skip) on educate messages.
- Band: good = nothing to fix; fix = exactly one thing; poor = two or more, or no number on a
  callback message (phone_number flagged, as eval/judged.py p02), or rambling.
- company is not judged (skip) where the caller has no firm (a job seeker, a freelancer, a
  direct seller) or has already met or spoken with the listener. weak_phrases is not judged
  where the only candidate is an empty phrase that is none of the listed kinds (no "just", no
  apology, no "touch base"/"just wondering"), e.g. "I wanted to introduce myself".
- reason (written 2026-12-07 before part i was labelled; parts a-h were labelled without it and
  keep their labels): ok when the message gives this listener one concrete reason to care, per
  RUBRIC.md's structure row: (1) something of theirs the rep knows (their inquiry, application,
  posting, order, claim, reviews, an event or change at their firm), (2) a specific offer or result
  for them with a specific thing in it (a figure, a date, a named product for their situation),
  (3) a referral by a named person, or (4) something already shared with them, with its subject (a
  booked call, a meeting, a promise, a document sent). Flagged when the only reason is a vague
  check-in ("touch base", "see how things are going", "following up", "checking in", "wanted to
  connect"), the rep's general self-description with nothing of this listener ("we help companies
  grow", "I help HVAC businesses get more customers"), a claim every seller makes ("save you
  money", "I think you'd be interested"), or nothing.
Where a script was collected twice or three times, one copy is kept and its notes say what the
annotators' labels were and what was decided.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HAND = ("opening", "name", "company", "reason", "call_to_action", "phone_number", "weak_phrases")
BANDS = ("good", "fix", "poor")
GOALS = ("callback", "educate")
# Parts added after the split, each a held-out half of its own, scored once at the end:
# every message of part f is in held2, of part g in held3, of part h in held4, of part i in held5, of part j in
# held6, of part k in held7.
LATER_HALVES = {
    "pub_f_": "held2",
    "pub_g_": "held3",
    "pub_h_": "held4",
    "pub_i_": "held5",
    "pub_j_": "held6",
    "pub_k_": "held7",
}
HALVES = ("dev", "held", *LATER_HALVES.values())


@dataclass(frozen=True)
class Public:
    name: str  # unique, "pub_<part>_<nn>_<word>"
    source: str  # the URL of the public page the script was taken from
    source_title: str  # that page's title
    text: str  # the message as the page gives it, with "{number}" where the number is said
    band: str  # good | fix | poor: the coach's ranking of the message as written
    flags: frozenset = frozenset()  # checks of HAND the coach flags; the others are ok
    skip: frozenset = frozenset()  # checks of HAND the coach would not judge on this message
    number: str | None = None  # the callback number's digits, None when the message says none
    goal: str = "callback"  # callback: get a call back; educate: prepare the next call
    region: str = "US"
    adapted: str = ""  # what was changed from the page's text ("" when verbatim)
    notes: str = ""  # why the coach labels it so, where it is not plain

    @property
    def half(self) -> str:
        """dev or held, as split.json froze it (split() made it once, by band); a message added
        later goes by a hash of its name, so the split never moves; part f is all held2, part g all held3,
        part h all held4."""
        later = next((h for prefix, h in LATER_HALVES.items() if self.name.startswith(prefix)), None)
        if later is not None:
            return later
        frozen = _frozen_split()
        if self.name in frozen:
            return frozen[self.name]
        return "held" if hashlib.sha256(self.name.encode()).digest()[0] % 2 else "dev"


SPLIT = Path(__file__).resolve().parent / "split.json"


@functools.cache
def _frozen_split() -> dict[str, str]:
    return json.loads(SPLIT.read_text()) if SPLIT.exists() else {}


def split(found: list[Public]) -> dict[str, str]:
    """Halves stratified by band and goal: within each, messages in the order of a hash of their
    name, alternately dev and held. Run once (`python -c "import public; public.freeze()"`)."""
    out: dict[str, str] = {}
    for key in sorted({(m.band, m.goal) for m in found}):
        group = sorted(
            (m for m in found if (m.band, m.goal) == key), key=lambda m: hashlib.sha256(m.name.encode()).digest()
        )
        for i, m in enumerate(group):
            out[m.name] = "dev" if i % 2 == 0 else "held"
    return out


def freeze() -> None:
    """Write split.json once; never again after the held-out half was scored."""
    if SPLIT.exists():
        raise SystemExit(f"{SPLIT} exists: the split is frozen")
    SPLIT.write_text(json.dumps(dict(sorted(split(messages()).items())), indent=1) + "\n")


def messages() -> list[Public]:
    """Every message of the set, from its parts (one module per part)."""
    import importlib
    import pkgutil

    import public

    parts = sorted(m.name for m in pkgutil.iter_modules(public.__path__) if m.name.startswith("part_"))
    found = [msg for part in parts for msg in importlib.import_module(f"public.{part}").MESSAGES]
    names = [m.name for m in found]
    assert len(names) == len(set(names)), "message names must be unique"
    for m in found:
        assert m.band in BANDS and m.goal in GOALS and set(m.flags) <= set(HAND) and set(m.skip) <= set(HAND), m.name
        assert m.source.startswith("https://") or m.source.startswith("http://"), m.name
        assert (m.number is None) == ("{number}" not in m.text), m.name
    return found
