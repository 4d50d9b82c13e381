"""The judged set (#11): voicemails written for this evaluation, each with the verdict a coach
gives per check and a score band (good / fix one thing / poor).

Every message is built like samples/build.py builds the samples (its Seg/Message/build are
reused): espeak-ng voices at several rates, the Asterisk Allison prompts and digits for a
real voice, and an 8 kHz telephone copy of each (sox: 300-3400 Hz band, 8 kHz). Building is
deterministic and offline; only this file (the scripts and the labels) is checked in.

Labels. A coach's verdict is "ok" or "flag" (fix this); the reviewer agrees when it passes
what the coach passes and warns or fails what the coach flags. The structure verdicts (name,
company, reason, call to action, weak phrases, opening, phone number) are written by hand
below: the coach listened to the script. The measured ones (length, word count, pace, number
pace, repeated, fillers) are read from the build's truth (known segment times) with a
margin around each rubric edge; inside the margin a coach would not commit, so the check is
not scored for that message. `number` is the number the rep meant; a wrong number passed
is a reviewer pass with other digits (or any pass when what was said is no valid number).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf
from dataset import Message, Seg, number_segs, sb

HERE = Path(__file__).resolve().parent
OUT = HERE / ".judged"  # built audio (ignored by git)
A = sb.ALLISON

LABELLED = (
    "length",
    "word_count",
    "pace",
    "opening",
    "fillers",
    "name",
    "company",
    "reason",
    "call_to_action",
    "phone_number",
    "number_pace",
    "number_repeated",
    "weak_phrases",
)
BANDS = ("good", "fix", "poor")


@dataclass
class Judged:
    name: str
    voice: str
    rate: int
    parts: list  # str (espeak), ("um"|"uh") filler, ("#", digits, style) a number, ("A", prompt) Allison
    band: str  # good | fix | poor: the coach's ranking
    flags: frozenset = frozenset()  # hand-labelled checks the coach flags (the others in HAND: ok)
    skip: frozenset = frozenset()  # checks the coach would not judge on this message
    number: str | None = None  # the number the rep meant (digits), None when none was said
    number_said_right: bool = True  # False: what was said is not that number (a digit lost, two sayings differ)
    region: str = "US"
    goal: str = "callback"
    notes: str = ""
    labels: dict = field(default_factory=dict)  # filled by label(): check -> "ok" | "flag"


HAND = ("opening", "name", "company", "reason", "call_to_action", "phone_number", "weak_phrases")


def F(*checks: str) -> frozenset:
    return frozenset(checks)


G = "good"
X = "fix"
P = "poor"

n1, n2, n3, n4, n5 = "6124372968", "2065831947", "4159267381", "4045821937", "3127459862"
n6, n7, n8, n9, n10 = "7134862590", "5038271946", "6179423805", "8016394725", "9194738261"
n11, n12, n13, n14 = "7204519836", "3059847216", "8582736491", "2159034762"


def num(d: str, style: str = "slow") -> tuple:
    return ("#", d, style)


MESSAGES: list[Judged] = [
    # ---------------------------------------------------------------- good: nothing to fix
    Judged(
        "g01_freight",
        "en-us",
        150,
        [
            "Hi Maria, this is Sarah from Keystone Freight.",
            "I can cut your shipping costs by a third.",
            "Call me at",
            num(n1),
            "Again,",
            num(n1),
            "Thanks.",
        ],
        G,
        number=n1,
    ),
    Judged(
        "g02_clinics",
        "en-gb",
        150,
        [
            "Hello Tom, Priya here from Northwind Health.",
            "We helped three clinics like yours cut no shows in half.",
            "Ring me on",
            num(n2),
            "That's",
            num(n2),
        ],
        G,
        number=n2,
    ),
    Judged(
        "g03_hail",
        "en-us+m3",
        150,
        [
            "Hey Dana, I'm Bob DeGroot with Harbor Insurance.",
            "Your neighbours on Oak Street got their hail damage covered; yours qualifies.",
            "Reach me at",
            num(n3),
            "Once more,",
            num(n3),
        ],
        G,
        number=n3,
    ),
    Judged(
        "g04_hiring",
        "en-gb-x-rp",
        145,
        [
            "Good morning Alan, my name's Lucy, from Brightline Analytics.",
            "I noticed your team is hiring three analysts this quarter.",
            "My direct line is",
            num(n4),
            "again,",
            num(n4),
        ],
        G,
        number=n4,
    ),
    Judged(
        "g05_payroll",
        "en-us+f2",
        150,
        [
            "Hi Carlos, it's Jenna with Peak Payroll.",
            "We could save you about twenty percent on payroll fees.",
            "Call me back at",
            num(n5),
            "That's",
            num(n5),
        ],
        G,
        number=n5,
    ),
    Judged(
        "g06_solar",
        "en-029",
        150,
        [
            "Hi Miss Lee, this is Marcus Reed from Bluepeak Solar.",
            "Your roof gets full sun, so we can lower your power bill.",
            "Give me a call at",
            num(n6),
            "again,",
            num(n6),
        ],
        G,
        number=n6,
    ),
    Judged(
        "g07_contract",
        "en-us-nyc",
        150,
        [
            "Hello Pat, Jordan calling from Clearwater Dental Supply.",
            "I'm calling because your supply contract renews in March.",
            "You can reach me at",
            num(n7),
            "that's",
            num(n7),
        ],
        G,
        number=n7,
    ),
    Judged(
        "g08_glasgow",
        "en-gb-scotland",
        145,
        [
            "Hi Fiona, this is Ewan from Highland Freight.",
            "We can halve your delivery times to Glasgow.",
            "Shoot me a text at",
            num(n8),
            "again,",
            num(n8),
        ],
        G,
        number=n8,
    ),
    Judged(
        "g09_alarm_allison",
        "en-us",
        150,
        [
            "Hi Greg, this is Nina from Atlas Security.",
            "We cut false alarm fees for stores like yours by forty percent.",
            "Call me at",
            num(n9, "allison"),
            "again,",
            num(n9, "allison"),
        ],
        G,
        number=n9,
    ),
    Judged(
        "g10_outage_allison",
        "en-gb",
        150,
        [
            "Hello Sam, Omar here from Vertex Cloud.",
            "I noticed your site went down twice last month.",
            "Call me back at",
            num(n10, "allison"),
            "that's",
            num(n10, "allison"),
        ],
        G,
        number=n10,
    ),
    Judged(
        "g11_tollfree",
        "en-us",
        150,
        [
            "Hi Laura, this is Ben from Nimbus Travel.",
            "We can save your team thousands of dollars on flights.",
            "Call us at",
            num("18006427391"),
            "again,",
            num("18006427391"),
        ],
        G,
        number="18006427391",
    ),
    Judged(
        "g12_uk",
        "en-gb",
        150,
        [
            "Hello Mark, this is Olivia from Thames Energy.",
            "We can lower your energy bills by a quarter.",
            "Ring me on",
            num("02079460958", "uk"),
            "again,",
            num("02079460958", "uk"),
        ],
        G,
        number="02079460958",
        region="GB",
        skip=F("pace", "number_pace"),  # the build's truth reads "oh" as no digit
    ),
    Judged(
        "g13_books",
        "en-us",
        145,
        [
            "Hi Rachel, this is Dev from Orbit Software.",
            "Teams like yours close the books two days sooner.",
            "Call me at",
            num(n11),
            "again,",
            num(n11),
        ],
        G,
        number=n11,
    ),
    Judged(
        "g14_fleet",
        "en-us+f2",
        140,
        [
            "Hi Joe, this is Amy from Cobalt Fleet.",
            "We help fleets like yours reduce fuel costs.",
            "Text me at",
            num(n12),
            "again,",
            num(n12),
        ],
        X,
        flags=F("reason"),
        number=n12,
        notes=(
            "Relabelled 2026-12-07 (was good, reason ok) under the reason rule written into eval/public's LABELS: "
            "what the rep does for anyone of a kind ('we help fleets like yours ...') is a general "
            "self-description with nothing of this listener, flagged as in parts h and i."
        ),
    ),
    Judged(
        "g15_realty",
        "en-gb",
        150,
        [
            "Hi Paul, this is Sam with Redwood Realty.",
            "Homes on your street sold for ten percent above asking this spring.",
            "Call me on",
            num(n13),
            "again,",
            num(n13),
        ],
        G,
        number=n13,
    ),
    Judged(
        "g16_lease",
        "en-us+m3",
        145,
        [
            "Hi Ken, my name is Ana Ruiz from Summit Leasing.",
            "Your copier lease ends in June; we can lower the monthly cost.",
            "Please call me back at",
            num(n14),
            "again,",
            num(n14),
        ],
        G,
        number=n14,
    ),
    # ---------------------------------------------------------------- fix one thing
    Judged(
        "f01_touch_base",
        "en-us",
        150,
        [
            "Hi Maria, this is Sarah from Keystone Freight.",
            "Just wanted to touch base.",
            "Call me at",
            num(n1),
            "Again,",
            num(n1),
        ],
        P,
        flags=F("reason", "weak_phrases", "opening"),
        number=n1,
        notes="no reason, only a weak phrase, in the opening",
    ),
    Judged(
        "f02_following_up",
        "en-gb",
        150,
        [
            "Hello, this is Kevin Marsh from Apex Software, following up.",
            "Give me a call at",
            num(n2),
            "That's",
            num(n2),
        ],
        X,
        flags=F("reason"),
        number=n2,
        notes="'following up' with nothing after it is no reason",
    ),
    Judged(
        "f03_wondering",
        "en-us+f2",
        150,
        [
            "Hi Joe, this is Amy from Cobalt Fleet.",
            "I was just wondering if you had a minute.",
            "Call me at",
            num(n12),
            "again,",
            num(n12),
        ],
        P,
        flags=F("reason", "weak_phrases", "opening"),
        number=n12,
        notes="no reason, a hedged ask in the opening",
    ),
    Judged(
        "f04_no_company",
        "en-us",
        150,
        ["Hi Ann, this is Mike.", "We can cut your payroll fees by a fifth.", "Call me at", num(n4), "again,", num(n4)],
        X,
        flags=F("company"),
        number=n4,
    ),
    Judged(
        "f05_no_name",
        "en-gb-x-rp",
        145,
        [
            "Hi there, calling from Quantum Heating.",
            "Your boiler warranty ends this month, and we can service it for free.",
            "Call me at",
            num(n6),
            "again,",
            num(n6),
        ],
        X,
        flags=F("name"),
        number=n6,
    ),
    Judged(
        "f06_no_ask",
        "en-us+m3",
        150,
        [
            "Hi, this is Lena from Corvid Labs.",
            "We helped clinics like yours cut no shows in half.",
            num(n3),
            "again,",
            num(n3),
            "Bye.",
        ],
        X,
        flags=F("call_to_action"),
        number=n3,
    ),
    Judged(
        "f07_fillers",
        "en-us",
        150,
        [
            "Hi Maria, this is Sarah from Keystone Freight.",
            "We can cut your shipping costs,",
            "um",
            "by a third,",
            "uh",
            "this quarter.",
            "Call me,",
            "um",
            "at",
            num(n1),
            "again,",
            num(n1),
        ],
        X,
        number=n1,
        notes="three fillers after the opening",
    ),
    Judged(
        "f08_fast_number",
        "en-us",
        150,
        [
            "Hi Greg, this is Nina from Atlas Security.",
            "We cut false alarm fees for stores like yours.",
            "Call me at",
            num(n9, "fast"),
            "again,",
            num(n9, "fast"),
        ],
        X,
        number=n9,
        notes="the number at conversational speed, no pauses",
    ),
    Judged(
        "f09_long",
        "en-gb",
        150,
        [
            "Hello Mister Grant, this is Oliver Hughes from Brightline Analytics.",
            "I am calling because we have just released a new version of our reporting dashboard,",
            "and it cuts the time your finance team spends on the month end close by about half.",
            "Several firms in your region already use it, and they tell us the reports are much clearer.",
            "We also run a short training session for new customers, which your team would be welcome to join.",
            "I would be glad to walk you through it whenever it suits you.",
            "You can reach me at",
            num(n5),
            "again,",
            num(n5),
        ],
        X,
        number=n5,
        notes="too long: several ideas",
    ),
    Judged(
        "f10_no_company_allison",
        "en-us",
        150,
        [
            "Hi Tom, it's Rosa.",
            "Your neighbours on Elm Street got their roof replaced for free.",
            "Call me at",
            num(n10, "allison"),
            "again,",
            num(n10, "allison"),
        ],
        X,
        flags=F("company"),
        number=n10,
    ),
    Judged(
        "f11_no_reason_noticed",
        "en-us-nyc",
        150,
        ["Hi Carlos, this is Jenna with Peak Payroll.", "I noticed.", "Call me back at", num(n11), "That's", num(n11)],
        X,
        flags=F("reason"),
        number=n11,
        notes="'noticed' alone is no reason",
    ),
    Judged(
        "f12_apology",
        "en-us+f2",
        150,
        [
            "Hi, sorry to bother you, this is Kim from Maple Dental.",
            "Your cleaning is six months overdue, and we have openings this week.",
            "Call me at",
            num(n13),
            "again,",
            num(n13),
        ],
        X,
        flags=F("opening", "weak_phrases"),
        number=n13,
        notes="an apology in the opening",
    ),
    Judged(
        "f13_rushed",
        "en-us",
        235,
        [
            "Hi Dana, this is Bob from Harbor Insurance.",
            "Your neighbours on Oak Street got their hail damage covered and yours qualifies too.",
            "Call me at",
            num(n3),
            "again,",
            num(n3),
        ],
        X,
        number=n3,
        notes="the words rushed, the number fine",
    ),
    # ---------------------------------------------------------------- poor
    Judged(
        "p01_textbook_bad",
        "en-us",
        160,
        ["Hi,", "um", "this is", "um", "Lee Salz from", "um", "Sales Architects,", "um", num(n7, "fast")],
        P,
        flags=F("opening", "reason", "call_to_action"),
        number=n7,
        notes="Lee Salz's classic bad example",
    ),
    Judged(
        "p02_no_number",
        "en-us",
        150,
        [
            "Hi Tom, this is Kevin from Summit Roofing.",
            "Your neighbours got their hail damage covered this spring.",
            "Call me back when you get a chance.",
        ],
        P,
        flags=F("phone_number"),
        notes="a call-back message with no number",
    ),
    Judged(
        "p03_nine_digits",
        "en-gb",
        150,
        [
            "Hi Dana, this is Bob from Harbor Insurance.",
            "We can lower your premiums by ten percent.",
            "Call me at",
            num("503827146"),
            "again,",
            num("503827146"),
        ],
        P,
        flags=F("phone_number"),
        number=n7,
        number_said_right=False,
        notes="a digit left out: 9 digits",
    ),
    Judged(
        "p04_two_numbers",
        "en-us",
        150,
        [
            "Hi Maria, this is Sarah from Keystone Freight.",
            "I can cut your shipping costs by a third.",
            "Call me at",
            num(n2),
            "again,",
            num("2065831497"),
        ],
        P,
        flags=F("phone_number"),
        number=n2,
        number_said_right=False,
        notes="the repeat differs from the first saying",
    ),
    Judged(
        "p05_ramble",
        "en-gb",
        160,
        [
            "Hi,",
            "uh",
            "this is Oliver from Brightline.",
            "So,",
            "um",
            "we have a lot going on right now, new dashboards, new reports, a webinar next month,",
            "uh",
            "and a discount for anyone who signs up before June,",
            "um",
            "and I also wanted to mention our partner program, which is growing fast, and our new office in Leeds.",
            "Anyway,",
            "uh",
            "I would love to chat about any of it whenever suits you, there is really a lot to cover.",
            "You can reach me at",
            num(n4),
        ],
        P,
        flags=F("opening", "weak_phrases"),
        skip=F("reason", "company"),
        number=n4,
        notes="a ramble with fillers, several ideas",
    ),
    Judged(
        "p06_checking_in",
        "en-us+m3",
        150,
        ["Hey, just checking in.", "Give me a call at", num(n8)],
        P,
        flags=F("name", "company", "reason", "weak_phrases", "opening"),
        number=n8,
    ),
    Judged(
        "p07_touching_base",
        "en-us+f2",
        150,
        ["Hi, it's me again, just touching base on the proposal.", "Call me."],
        P,
        flags=F("name", "company", "reason", "phone_number", "weak_phrases", "opening"),
    ),
    Judged(
        "p08_fillers_no_reason",
        "en-us",
        150,
        [
            "Uh,",
            "hi, this is Greg from Atlas Security,",
            "um",
            "just calling to,",
            "uh",
            "follow up.",
            "Call me at",
            num(n9),
            "again,",
            num(n9),
        ],
        P,
        flags=F("opening", "reason", "weak_phrases"),
        number=n9,
    ),
    Judged(
        "p09_allison_prompts",
        "Allison",
        0,
        [
            ("A", "hello"),
            ("A", "vm-num-i-have"),
            num(n10, "allison"),
            ("A", "telephone-number"),
            num(n10, "allison"),
            ("A", "goodbye"),
        ],
        P,
        flags=F("name", "company", "reason", "call_to_action"),
        number=n10,
        notes="assembled from IVR prompts: no name, company, reason or ask",
    ),
    Judged(
        "p10_no_number_no_ask",
        "en-gb-scotland",
        145,
        ["Hi, this is Ewan from Highland Freight.", "We can halve your delivery times to Glasgow.", "Cheers, bye."],
        P,
        flags=F("call_to_action", "phone_number"),
    ),
    Judged(
        "p11_blur",
        "en-us",
        150,
        ["Hi, this is Dan from Apex.", "Call me at", num(n1, "blur"), "thanks, bye."],
        P,
        flags=F("reason", "phone_number"),
        number=n1,
        notes="the number said far too fast to write down (or transcribe)",
    ),
    Judged(
        "p12_no_number_ring",
        "en-029",
        150,
        [
            "Hello Priya, Marcus here from Bluepeak Solar.",
            "I noticed your warehouse roof gets full sun all afternoon.",
            "Ring me back when you can.",
        ],
        P,
        flags=F("phone_number"),
    ),
]


# ---------------------------------------------------------------- building


def _number(d: str, style: str, k: int) -> list[Seg]:
    if style == "slow":
        return number_segs(d, k, digit_gap=0.22, group_gap=0.45, after=0.4, rate=190)
    if style == "allison":
        return number_segs(d, k, digit_gap=0.08, group_gap=0.45, after=0.45, wav_dir=A / "digits")
    if style == "fast":
        return number_segs(d, k, digit_gap=0.0, group_gap=0.06, after=0.3, per_digit=False, rate=260)
    if style == "blur":
        return [Seg(" ".join(d), 0.3, "digits", rate=450, number=k, group=0)]
    if style == "uk":  # "oh two oh, seven nine four six, oh nine five eight"
        groups = [d[:3], d[3:7], d[7:]]
        segs = []
        for g, grp in enumerate(groups):
            for i, c in enumerate(grp):
                last = i == len(grp) - 1
                gap = (0.4 if g == 2 else 0.45) if last else 0.22
                segs.append(Seg("oh" if c == "0" else c, gap, "digits", rate=190, number=k, group=g))
        return segs
    if len(d) == 11 and d[0] == "1":  # "1 800 642 7391"
        pass
    raise ValueError(style)


def message(j: Judged) -> Message:
    segs: list[Seg] = []
    k = 0
    for p in j.parts:
        if isinstance(p, str):
            if p in ("um", "uh"):
                segs.append(Seg(p, 0.15, kind="filler"))
            else:
                segs.append(Seg(p, 0.3))
        elif p[0] == "#":
            d, style = p[1], p[2]
            if len(d) == 11 and d[0] == "1" and style == "slow":
                segs.append(Seg("1", 0.25, "digits", rate=190, number=k, group=9))
                d = d[1:]
            segs += _number(d, style, k)
            k += 1
        elif p[0] == "A":
            segs.append(Seg(p[1], 0.35, wav=A / f"{p[1]}.wav"))
    return Message(j.name, j.voice if j.rate else "en-us", j.rate or 150, segs, lead=0.6, tail=0.7)


def label(j: Judged, truth: dict) -> dict:
    """The coach's verdict per check: hand labels, and the measured ones read from the truth with margins."""
    out: dict[str, str] = {}
    for c in HAND:
        out[c] = "flag" if c in j.flags else "ok"
    if j.number is None or not j.number_said_right:
        out["phone_number"] = "flag"
    span = truth["speech_end_s"] - truth["speech_start_s"]
    out["length"] = "ok" if 16 <= span <= 29 else "flag" if span < 14 or span > 31.5 else "skip"
    nums = truth["phone_numbers"]
    said = {}
    for n in nums:
        said[n["digits"]] = said.get(n["digits"], 0) + 1
    repeats = sum(len(n["digits"]) for n in nums[1:] if said[n["digits"]] > 1 and n is not nums[0])
    words = truth["word_count"] - repeats
    out["word_count"] = "ok" if words <= 33 else "flag" if words >= 38 else "skip"
    wpm = truth["words_per_minute_outside_numbers"] or truth["words_per_minute"]
    out["pace"] = "ok" if 115 <= wpm <= 155 else "flag" if wpm < 95 or wpm > 185 else "skip"
    n_fill = truth["filler_count"]
    out["fillers"] = "ok" if n_fill == 0 else "flag" if n_fill / max(1, truth["word_count"]) > 0.03 else "skip"
    spoken = 0
    for w in truth["script"].split():  # a filler before the 11th spoken word is in the opening
        if re.sub(r"\W", "", w.lower()) in ("um", "uh"):
            out["opening"] = "flag"
            break
        spoken += 1
        if spoken > 10:
            break
    if out["phone_number"] == "flag":
        out["number_pace"] = out["number_repeated"] = "skip"  # judged only once the number is right
    else:
        dps = max(n["digits_per_second"] for n in nums)
        out["number_pace"] = "ok" if 1.1 <= dps <= 2.3 else "flag" if dps >= 2.8 or dps < 0.9 else "skip"
        out["number_repeated"] = "ok" if max(said.values()) >= 2 else "flag"
    for c in j.skip:
        out[c] = "skip"
    return out


def _sox_phone(src: Path, dst: Path) -> None:
    """A telephone copy: 300-3400 Hz, 8 kHz, 16-bit (no dither: deterministic)."""
    subprocess.run(
        ["sox", "-D", str(src), "-r", "8000", "-b", "16", str(dst), "sinc", "300-3400"],
        check=True,
        capture_output=True,
    )


def build_cached(name: str, msg: Message, out: Path, phone) -> tuple[dict, Path, Path]:
    """(truth, 16 kHz wav, telephone wav) of one message, built, or reused when its script is
    unchanged; `phone(wav16, wav8, tmp)` makes the telephone copy and returns what it adds to the
    truth (or None). Shared by the judged set and the public set (eval/public/build.py)."""
    import json
    import tempfile

    key = hashlib.sha256(repr(dataclasses.asdict(msg)).encode()).hexdigest()[:16]
    wav16, wav8, meta = out / "16k" / f"{name}.wav", out / "8k" / f"{name}.wav", out / f"{name}.json"
    if meta.exists() and wav16.exists() and wav8.exists() and json.loads(meta.read_text()).get("key") == key:
        return json.loads(meta.read_text())["truth"], wav16, wav8
    with tempfile.TemporaryDirectory() as tmp:
        y, truth = sb.build(msg, Path(tmp))
        sf.write(wav16, y.astype(np.float32), sb.SR, subtype="PCM_16")
        truth.update(phone(wav16, wav8, Path(tmp)) or {})
    meta.write_text(json.dumps({"key": key, "truth": truth}))
    return truth, wav16, wav8


def build_judged(out: Path = OUT) -> list[tuple[Judged, dict, Path, Path]]:
    """Build (or reuse, when the script is unchanged) every message at 16 kHz and 8 kHz."""
    (out / "16k").mkdir(parents=True, exist_ok=True)
    (out / "8k").mkdir(parents=True, exist_ok=True)
    done = []
    for j in MESSAGES:
        truth, wav16, wav8 = build_cached(j.name, message(j), out, lambda a, b, tmp: _sox_phone(a, b))
        j.labels = label(j, truth)
        done.append((j, truth, wav16, wav8))
    return done


def expected_digits(j: Judged) -> str | None:
    return j.number


__all__ = ["MESSAGES", "LABELLED", "BANDS", "Judged", "build_judged", "label", "re"]
