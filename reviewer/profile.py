"""Know the rep: a profile (name, company, callback number) the review checks what was heard against.

With a profile, "a number was heard" becomes "your number was said right" (or "you said
503-827-146; your number is 503-827-1946"), and a company or name that came out differently
is quoted against the rep's own spelling. Where the name or company came out differently,
that stretch is listened to again with them as words to expect (faster-whisper's `hotwords`,
measures/number/second_listen.py), so an unusual name Whisper's language model would misspell is heard as the rep
spells it. The number is never given to Whisper: a number it is told is a number it writes,
wrong digit or not.

This module is the profile itself (an input of the review, like the recording); comparing it
with what was heard is a measurement (measures/heard.py). Without a profile nothing here is used.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

MAX_TEXT = 80  # characters in a name or a company


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


__all__ = [
    "Profile",
    "ProfileError",
    "make_profile",
    "parse_number",
    "check_region",
]
