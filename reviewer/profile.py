"""Know the rep: a profile (name, company, callback number) the review checks what was heard against.

With a profile, "a number was heard" becomes "your number was said right" (or "you said
503-827-146; your number is 503-827-1946"), and a company or name that came out differently
is quoted against the rep's own spelling. Where the name or company came out differently,
that stretch is listened to again with them as words to expect (faster-whisper's `hotwords`,
redecode.py), so an unusual name Whisper's language model would misspell is heard as the rep
spells it. The number is never given to Whisper: a number it is told is a number it writes,
wrong digit or not.

The comparisons are pure functions over the spoken words (cues.Tokens), so they are tested on
hand-built transcripts. Without a profile nothing here is used.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from reviewer.measures import parts as cues

MAX_TEXT = 80  # characters in a name or a company
# Words a company's legal name carries that nobody says in a voicemail.
LEGAL_SUFFIXES = frozenset("inc incorporated llc ltd limited corp corporation co plc gmbh llp lp pty".split())
# Words before a name that make it the person called, not the caller ("Hi Sarah").
GREETINGS = frozenset("hi hello hey dear morning afternoon evening".split())
SIMILAR = 0.75  # difflib ratio over the letters: a stretch this close to the company "came out as" it


class ProfileError(Exception):
    """A profile value that cannot be used; the message names the option and why."""


@dataclass(frozen=True)
class Profile:
    """Who the rep is. `number` is E.164 ("+15038271946"); `region` is where the rep's numbers
    are said without a country code (`--region`, else the number's own country): a review reads
    the numbers it hears there, unless its own `--region` says otherwise."""

    name: str | None = None
    company: str | None = None
    number: str | None = None
    region: str | None = None

    def __bool__(self) -> bool:
        return bool(self.name or self.company or self.number)

    @property
    def number_digits(self) -> str | None:
        """The number as the rep would say it at home: national digits ("5038271946", "02079460958")."""
        if not self.number:
            return None
        import phonenumbers

        parsed = phonenumbers.parse(self.number, None)
        return re.sub(r"\D", "", phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))

    def number_forms(self) -> set[str]:
        """The digits a rep may say for the number: national ("02079460958"), without the trunk
        prefix ("2079460958"), with the country code ("442079460958")."""
        if not self.number:
            return set()
        import phonenumbers

        parsed = phonenumbers.parse(self.number, None)
        return {self.number_digits, phonenumbers.national_significant_number(parsed), self.number.lstrip("+")}

    def hotwords(self) -> str | None:
        """The words the plain pass is told to expect: the name and company as the rep spells them."""
        parts = [p for p in (self.name, self.company) if p]
        return ", ".join(parts) + "." if parts else None

    def to_dict(self) -> dict:
        return {"name": self.name, "company": self.company, "number": self.number, "region": self.region}

    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True).encode()).hexdigest()[:16]


def clean_text(value: str | None, option: str) -> str | None:
    """A name or company as stored: spaces collapsed; "" means none; control characters refused."""
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        return None
    if len(text) > MAX_TEXT:
        raise ProfileError(f"{option}: at most {MAX_TEXT} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise ProfileError(f"{option}: no control characters")
    if not re.search(r"\w", text):
        raise ProfileError(f"{option} {text}: needs letters or digits")
    return text


def parse_number(value: str | None, region: str | None = None) -> str | None:
    """A callback number as E.164, checked by phonenumbers; "" means none."""
    import phonenumbers

    if value is None or not value.strip():
        return None
    region = (region or "US").upper()
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ProfileError(f"--number {value}: not a phone number") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ProfileError(f"--number {value}: not a valid {region} phone number (check the digits)")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def check_region(region: str) -> str:
    import phonenumbers

    if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise ProfileError(f"--region {region}: not a region phonenumbers knows (US, GB, CA, AU, ...)")
    return region.upper()


def make_profile(
    name: str | None = None,
    company: str | None = None,
    number: str | None = None,
    region: str | None = None,
    base: Profile | None = None,
) -> Profile:
    """`base` with the values given replaced (None: keep; "": clear), each checked. A new number
    without a region brings its own country's ("+44 20 ..." reads the rep's numbers as GB)."""
    import phonenumbers

    base = base or Profile()
    given = check_region(region) if region else None
    new_region = given or base.region
    new_number = base.number
    if number is not None:
        new_number = parse_number(number, given or base.region)
        if new_number is not None and given is None:
            new_region = phonenumbers.region_code_for_number(phonenumbers.parse(new_number, None)) or new_region
    return Profile(
        name=clean_text(name, "--name") if name is not None else base.name,
        company=clean_text(company, "--company") if company is not None else base.company,
        number=new_number,
        region=new_region,
    )


# ---------------------------------------------------------------- comparing with what was heard


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


__all__ = [
    "Profile",
    "ProfileError",
    "Heard",
    "make_profile",
    "parse_number",
    "check_region",
    "company_words",
    "find_exact",
    "find_similar",
    "find_own_name",
    "name_is_yours",
    "Stretch",
    "relisten_stretches",
    "heard_again",
]
