"""The rep's profile against what was heard: where the name and the company were said as the
profile spells them, or the stretch that came closest, and where to listen again.

Pure functions over the spoken words (`parts.Tokens`), so they are tested on hand-built
transcripts. The rubric judges what they find (rubric/parts.py, rubric/number.py); the number's
second listen decodes the stretches again (number/second_listen.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from reviewer.measures import parts as cues
from reviewer.measures.parts import GREETINGS
from reviewer.profile import Profile

# Words a company's legal name carries that nobody says in a voicemail.
LEGAL_SUFFIXES = frozenset("inc incorporated llc ltd limited corp corporation co plc gmbh llp lp pty".split())
# Words before a name that make it the person called, not the caller ("Hi Sarah").
SIMILAR = 0.75  # difflib ratio over the letters: a stretch this close to the company "came out as" it


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _words(text: str) -> list[str]:
    """Lower-case words, punctuation and "&" tidied ("Sales-Architects, Inc." -> sales architects inc)."""
    text = text.replace("&", " and ").replace("-", " ").replace("’", "'")
    return [w for w in (_letters(p) for p in text.split()) if w]


def company_words(company: str) -> list[str]:
    """The company as said: no leading "the", no legal suffix ("The Keystone Group, LLC" -> keystone group)."""
    words = _words(company)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return words


@dataclass(frozen=True)
class Heard:
    """Where a profile's words were found in the spoken words: token indices [first, last)."""

    said: str  # the words as written ("Keystone Freight")
    start: float | None
    first: int
    last: int
    ratio: float = 1.0  # 1 for the words themselves, else difflib's ratio over the letters


def find_exact(tokens: cues.Tokens, target: str, skip=lambda i: False) -> Heard | None:
    """The first stretch of words that spells `target` (letters and digits only, any case, any
    spacing or hyphenation: "SalesArchitects", "sales-architects" and "Sales Architects" alike),
    passing over stretches that start at a token `skip` refuses."""
    want = _letters(target)
    if not want:
        return None
    toks = tokens.toks
    for i in range(len(toks)):
        if skip(i):
            continue
        acc = ""
        for j in range(i, len(toks)):
            acc += _letters(toks[j].low)
            if acc == want:
                return Heard(tokens.said(i, j + 1), toks[i].start, i, j + 1)
            if not want.startswith(acc):
                break
    return None


def find_similar(tokens: cues.Tokens, target: str) -> Heard | None:
    """The stretch of about as many words as `target` whose letters come closest to it."""
    want = _letters(target)
    n = max(1, len(target.split()))
    toks = tokens.toks
    best: Heard | None = None
    for size in range(max(1, n - 1), n + 2):
        for i in range(0, len(toks) - size + 1):
            if any(t.low.isdigit() for t in toks[i : i + size]):
                continue
            got = "".join(_letters(t.low) for t in toks[i : i + size])
            ratio = SequenceMatcher(None, want, got, autojunk=False).ratio()
            if best is None or ratio > best.ratio + 1e-9:
                best = Heard(tokens.said(i, i + size), toks[i].start, i, i + size, round(ratio, 3))
    return best


def name_is_yours(heard: str, name: str) -> bool:
    """Every word heard as the caller's name is a word of the profile's name ("Sarah" of "Sarah
    Miller"; "DeGroot" of "Bob De Groot")."""
    mine = _words(name)
    joined = {a + b for a, b in zip(mine, mine[1:])}
    said = _words(heard)
    return bool(said) and all(w in mine or w in joined for w in said)


def find_own_name(tokens: cues.Tokens, name: str) -> Heard | None:
    """The profile's full name, else its first word, said where it is not a greeting's ("Hi Sarah")."""
    words = _words(name)

    def greeted(i: int) -> bool:
        return i > 0 and tokens.toks[i - 1].low in GREETINGS

    for target in dict.fromkeys([" ".join(words), words[0] if words else ""]):
        found = find_exact(tokens, target, skip=greeted) if target else None
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- a second listen for the profile's words

RELISTEN_RATIO = 0.5  # a stretch at least this close to the company is where it was likely said


@dataclass(frozen=True)
class Stretch:
    """Words heard where the profile's name or company was likely said, but not as the profile
    spells it: if a second listen told to expect the profile's words hears `target` there, it
    replaces the words heard between `start` and `end`."""

    part: str  # name | company
    target: str  # the profile's words, as find_exact reads them
    start: float  # s, the first word heard differently
    end: float  # s, the end of the last one


def relisten_stretches(tokens: cues.Tokens, profile: Profile) -> list[Stretch]:
    """Where to listen again: the company slot (find_company's words, and the stretch whose
    letters come closest to the company) and the name slot (find_name's words), when the
    profile's spelling was not heard. Nothing when it was, or where nothing was said there."""
    toks = tokens.toks
    spans: list[tuple[str, str, int, int]] = []
    name_cue = cues.find_name(tokens)
    if profile.name and find_own_name(tokens, profile.name) is None:
        if name_cue is not None and not name_is_yours(name_cue.value, profile.name):
            spans.append(("name", profile.name, name_cue.last - len(name_cue.value.split()), name_cue.last))
    if profile.company:
        target = " ".join(company_words(profile.company))
        if find_exact(tokens, target) is None:
            cue = cues.find_company(tokens, name_cue)
            if cue is not None:
                spans.append(("company", target, cue.last - len(cue.value.split()), cue.last))
            similar = find_similar(tokens, target)
            if similar is not None and similar.ratio >= RELISTEN_RATIO:
                spans.append(("company", target, similar.first, similar.last))
    return [
        Stretch(part, target, toks[i].start, toks[j - 1].end)
        for part, target, i, j in dict.fromkeys(spans)
        if 0 <= i < j <= len(toks) and toks[i].start is not None
    ]


def heard_again(stretch: Stretch, tokens: cues.Tokens) -> Heard | None:
    """The profile's words in what the second listen heard, if they came out."""
    if stretch.part == "name":
        return find_own_name(tokens, stretch.target)
    return find_exact(tokens, stretch.target)
