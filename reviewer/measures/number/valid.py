"""Which digit runs are phone numbers: validity with `phonenumbers` (a region for numbers said
without a country code), a run too long for one number split in two, a misheard digit at a
run's edge dropped, the same number said again recognised.

Pure functions on the digit units of digits.py.
"""

from __future__ import annotations

import re
from itertools import accumulate

import phonenumbers

from reviewer.measures.number.digits import _DIG, _digits, _Item, _standard, _strip_fillers, _trim_ohs


def _parse(d: str, plus: bool, region: str, intl_without_plus: bool = True) -> tuple[str | None, bool]:
    """(E.164 when the number is complete, valid); a '+' said or written parses internationally."""
    fmt = phonenumbers.PhoneNumberFormat.E164
    num = None
    try:
        num = phonenumbers.parse("+" + d if plus else d, None if plus else region)
    except phonenumbers.NumberParseException:
        pass
    if num is not None and phonenumbers.is_valid_number(num):
        return phonenumbers.format_number(num, fmt), True
    # "44 20 7946 0958" said without "plus": 12 digits or more, so an 11-digit misheard
    # national number ("7 713 486 2590") is not read as a foreign one
    if intl_without_plus and not plus and len(d) >= 12 and d[0] != "1":
        try:
            intl = phonenumbers.parse("+" + d, None)
            if phonenumbers.is_valid_number(intl):
                return phonenumbers.format_number(intl, fmt), True
        except phonenumbers.NumberParseException:
            pass
    if (
        num is not None
        and phonenumbers.is_possible_number_with_reason(num) == phonenumbers.ValidationResult.IS_POSSIBLE
    ):
        return phonenumbers.format_number(num, fmt), False
    return None, False


def _part_score(d: str, plus: bool, region: str, min_digits: int) -> int:
    if len(d) < min_digits or len(d) > 15:
        return 0
    if _parse(d, plus, region, intl_without_plus=False)[1]:
        return 3
    return 2 if _standard(d) else 1


def _split(run: list[_Item], region: str, min_digits: int) -> list[list[_Item]]:
    """A run too long for one number is two said back to back (or a zip code and a number)."""
    d = _digits(run)
    plus = run[0].plus
    if len(d) <= (15 if plus else 11):
        return [run]
    dig = [k for k, it in enumerate(run) if it.kind in _DIG]
    best = None
    for a, b in zip(dig, dig[1:]):
        left, right = _trim_ohs(run[: a + 1]), _trim_ohs(run[b:])
        dl, dr = _digits(left), _digits(right)
        parts = (
            _part_score(dl, bool(left) and left[0].plus, region, min_digits),
            _part_score(dr, bool(right) and right[0].plus, region, min_digits),
        )
        score = sum(parts)
        if min(len(dl), len(dr)) >= min_digits and (dl.endswith(dr) or dr.endswith(dl)):
            score += 2  # the same number again
        elif len(dr) >= 4 and dl.endswith(dr) and _part_score(dl, False, region, min_digits) == 3:
            score += 2  # the repeat partly heard ("... 1 9 4 7, [that's 2 0 6 5] 8 3 1 9 4 7")
        # a valid number and a few stray digits after it ("... 8 0 7 1, ten, ten") beat two
        # invalid numbers of a standard length: the valid parts count first
        key = (parts.count(3), score, run[b].start - run[a].end)
        if best is None or key > best[0]:
            best = (key, left, right)
    if best is None or best[0][1] <= _part_score(d, plus, region, min_digits):
        return [run]
    return [p for part in best[1:] if part for p in _split(part, region, min_digits)]


def _drop_stray_edge(run: list[_Item], region: str) -> list[_Item]:
    """An invalid 11-digit run that is a valid number without its first or last single digit
    is a neighbouring word misheard as a digit ("Keystone Freight, 6 1 2..." -> "3, 6, 1, 2...")."""
    d = _digits(run)
    if len(d) != 11 or run[0].plus or _parse(d, False, region)[1]:
        return run
    for trimmed in (run[1:], run[:-1]):
        trimmed = _strip_fillers(trimmed)
        if trimmed and len(_digits(trimmed)) == 10 and _parse(_digits(trimmed), False, region)[1]:
            return trimmed
    return run


def _settle_tentative(run: list[_Item], region: str) -> list[_Item]:
    """Keep a leading homophone digit only when the number is valid with it and not without it."""
    if not run or not run[0].tentative:
        return run
    rest = _strip_fillers(run[1:])
    with_it, without = _digits(run), _digits(rest)
    if _parse(with_it, False, region, intl_without_plus=False)[1] and not _parse(without, False, region)[1]:
        return run
    return rest


def _same_number(a: str, b: str, min_digits: int) -> bool:
    """The 7-digit local part said again, or "1" + the number, is the same number."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= min_digits and long_.endswith(short)


def _national_cuts(d: str, plus: bool, region: str) -> list[int]:
    """Where the number's country groups its digits, as offsets into `d`: "020 7946 0958" ->
    [3, 7] in GB, "0412 345 678" -> [4, 7] in AU, "1 800-555-0199" -> [1, 4, 7]; [] for a number
    `phonenumbers` does not read as valid. The national format where its digits are the ones
    said, else the international one ("44 20 7946 0958" said with its country code)."""
    try:
        num = phonenumbers.parse("+" + d if plus else d, None if plus else region)
    except phonenumbers.NumberParseException:
        return []
    if not phonenumbers.is_valid_number(num):
        return []
    for fmt in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL):
        parts = re.findall(r"\d+", phonenumbers.format_number(num, fmt))
        if "".join(parts) == d:
            return list(accumulate(len(p) for p in parts[:-1]))
    return []


def group_sizes(digits: str, region: str) -> tuple[int, ...]:
    """How the country writes this number's groups ((3, 4, 4) for "020 7946 0958" in GB, (1, 3,
    3, 4) for "1 800-555-0199"); () for a number `phonenumbers` does not read as valid."""
    cuts = _national_cuts(digits, False, region) or (_national_cuts(digits, True, region) if len(digits) >= 12 else [])
    if not cuts:
        return ()
    bounds = [0, *cuts, len(digits)]
    return tuple(b - a for a, b in zip(bounds, bounds[1:]))
