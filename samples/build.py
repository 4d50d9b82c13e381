#!/usr/bin/env python3
"""Rebuild the practice-voicemail samples and their ground truth, deterministically.

    python samples/build.py            # writes samples/*.wav and samples/expected.json

Every message is a list of segments. Each segment is synthesised (espeak-ng) or cut from a
recording (Asterisk's Allison prompts, codec2's ve9qrp) on its own, resampled to 16 kHz
(sox, no dither), trimmed of leading and trailing silence, and laid end to end with gaps of
known length. So every boundary (speech start and end, each filler, each digit, each 3-3-4
group of a phone number) is known to the sample, and expected.json is computed from those
boundaries, never written by hand. A -70 dBFS noise floor from a seeded generator keeps the
gaps from being digital silence.

Needs: espeak-ng, sox, the Debian packages asterisk-core-sounds-en-wav and codec2-examples,
and numpy, soundfile, phonenumbers in the Python that runs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf

SR = 16_000
HERE = Path(__file__).resolve().parent
ALLISON = Path("/usr/share/asterisk/sounds/en_US_f_Allison")
VE9QRP = Path("/usr/share/codec2/wav/ve9qrp.wav")

TRIM_THRESHOLD = 0.001  # |x| above 0.1 % of full scale is sound (the sox `silence ... 0.1%` rule)
PEAK = 10 ** (-3 / 20)  # each file is scaled so its loudest sample sits at -3 dBFS
NOISE_DBFS = -70.0  # RMS of the added noise floor

# Fillers are not words: they are left out of word_count and counted in filler_count.
FILLER_WORDS = {"um", "uh", "erm", "er", "ah", "hmm", "mm"}

TOLERANCES = {
    "duration_s": 0.01,  # s, the file itself (exact up to rounding)
    "speech_start_s": 0.3,  # s, what an energy/VAD detector should find
    "speech_end_s": 0.3,
    "word_count_abs": 2,  # words, or word_count_rel, whichever is larger
    "word_count_rel": 0.10,
    "words_per_minute_rel": 0.12,
    "filler_count_synthetic": 0,  # exact for espeak fillers
    "filler_count_real": 2,  # labelled (not listened) real speech: +-2
    "filler_time_s": 0.3,  # s, a detected filler's centre within this of a labelled one
    "digits_per_second_rel": 0.20,
    "number_span_s": 0.3,  # s, start and end of a said number
    "group_pause_s": 0.15,  # s, each pause between 3-3-4 groups
    # s, the same for real recordings: a spoken digit decays and the next one starts softly, so
    # the silence heard (about -30 dB) is 0.1-0.2 s longer than the sample-level gap (-60 dB)
    "group_pause_s_real": 0.25,
}


@dataclass
class Seg:
    """One piece of a message: synthesised or cut out on its own, then trimmed."""

    text: str  # what is said; for a digit, the digit ("7")
    gap: float = 0.3  # s of silence after this segment
    kind: str = "speech"  # "speech" | "filler" | "digits" | "clip" (real recording) | "roomtone" (no speech)
    voice: str | None = None  # espeak voice, default the message's
    rate: int | None = None  # espeak words per minute, default the message's
    wav: Path | None = None  # a recorded prompt instead of espeak
    number: int | None = None  # for digits: which saying of the phone number (0, 1, ...)
    group: int | None = None  # for digits: which 3-3-4 group (0, 1, 2)
    clip: tuple[float, float] | None = None  # s, cut this span of `wav` (kept as is, not trimmed)
    speech: tuple[float, float] | None = None  # s of the source: where speech is inside `clip`
    fillers: list[tuple[str, float, float, bool]] | None = None  # (text, start, end, certain), s of the source


@dataclass
class Message:
    name: str
    voice: str  # espeak voice, or a description of the recorded voice
    rate: int  # espeak words per minute
    segs: list[Seg]
    lead: float = 0.7  # s of dead air before the first segment
    tail: float = 0.8  # s of dead air after the last
    notes: str = ""
    source: str = "espeak-ng"
    reviewer_should_say: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    noise: bool = True  # add the -70 dBFS floor (a real recording brings its own)


def number_segs(
    digits: str,
    number: int,
    *,
    digit_gap: float,
    group_gap: float,
    after: float,
    per_digit: bool = True,
    rate: int | None = None,
    voice: str | None = None,
    wav_dir: Path | None = None,
) -> list[Seg]:
    """A North American number in 3-3-4 groups: one segment per digit (or per group)."""
    groups = [digits[:3], digits[3:6], digits[6:]]
    segs: list[Seg] = []
    for g, grp in enumerate(groups):
        last_group = g == len(groups) - 1
        pieces = list(grp) if per_digit else [" ".join(grp)]
        for i, piece in enumerate(pieces):
            last_in_group = i == len(pieces) - 1
            gap = (after if last_group else group_gap) if last_in_group else digit_gap
            wav = wav_dir / f"{piece}.wav" if wav_dir is not None else None
            segs.append(Seg(piece, gap, "digits", voice=voice, rate=rate, wav=wav, number=number, group=g))
    return segs


# --- the messages ------------------------------------------------------------------------

GOOD_NUMBER = "6124372968"
RUSHED_NUMBER = "2065831947"  # base writes "206-583-1947" robustly; 763-829-4150 came out as "763824150"
LONG_NUMBER = "4159267381"
REAL_NUMBER = "9524873160"


def good_callback() -> Message:
    # 35 words with the number said twice (start and end), one idea, a call to action.
    # A 0.25 s gap between digits makes base Whisper write one token per digit ("6, 1, 2, ...");
    # with 0.18 s it wrote "612, 437, 2958".
    num = dict(digit_gap=0.25, group_gap=0.45, rate=220)
    segs = [
        Seg("Maria,", 0.3),
        Seg("this is Sarah from Keystone Freight,", 0.45),
        *number_segs(GOOD_NUMBER, 0, after=0.45, **num),
        Seg("I can cut your shipping costs.", 0.45, rate=150),  # at 160 base heard "ship in cost"
        Seg("Call me,", 0.35),
        *number_segs(GOOD_NUMBER, 1, after=0.0, **num),
    ]
    return Message(
        "good_callback",
        "en-us",
        160,
        segs,
        lead=0.8,
        tail=0.9,
        notes="A good message: name, company, one specific reason, call to action; the number "
        "at writing speed in 3-3-4 groups, said at the start and at the end; no fillers.",
        reviewer_should_say=[
            "length: ok ({duration:.1f} s)",
            "word count: ok ({words}, <= 35 including the number)",
            "fillers: none",
            "opening: ok (no filler, no apology in the first 10 words)",
            "pace: ok (about {wpm:.0f} wpm overall, about {wpm_out:.0f} outside the number)",
            "phone number: said twice, about {dps:.1f} digits/s (writing speed), {pause:.2f} s pauses between 3-3-4 groups",
            "structure: name, company, reason, call to action, number all present",
        ],
    )


def fillers_rushed() -> Message:
    # The classic bad message: fillers from the first words, an apology opening, the number
    # rushed in one breath (each 3-3-4 group one fast segment, no pause between groups), once.
    F = dict(kind="filler")
    segs = [
        Seg("Hi,", 0.12),
        Seg("um", 0.2, **F),
        Seg("sorry to bother you, this is", 0.15),
        Seg("uh", 0.2, **F),
        Seg("Kevin Marsh from", 0.12),
        Seg("um", 0.2, **F),
        Seg("Apex Software.", 0.35),
        Seg("Just checking in on that demo we talked about,", 0.15),
        Seg("uh", 0.2, **F),
        Seg("so give me a call at", 0.1),
        *number_segs(RUSHED_NUMBER, 0, digit_gap=0.0, group_gap=0.0, after=0.25, per_digit=False, rate=230),
        Seg("Thanks so much, bye.", 0.0),
    ]
    return Message(
        "fillers_rushed",
        "en-us+m3",
        175,
        segs,
        lead=0.8,
        tail=1.0,
        notes="Fillers (um/uh, each its own espeak segment) from the first words, 'sorry to bother "
        "you' and 'just checking in' in the opening, the number rushed with no group pauses "
        "and said once.",
        reviewer_should_say=[
            "fillers: 4 (um, uh, um, uh), two of them in the first 10 words: well above 5 % of words",
            "opening: filler and 'sorry to bother you' in the first 10 words; 'just checking in'",
            "phone number: rushed (about {dps:.1f} digits/s, over 2.5), no pauses between groups, said only once",
            "structure: no specific reason ('just checking in')",
            "word count: warn ({words}, over 35); length ok ({duration:.1f} s)",
            "pace: fast (about {wpm:.0f} wpm overall, around the 175 'rushed' line; {wpm_out:.0f} outside the number)",
        ],
    )


def too_long() -> Message:
    texts = [
        ("Hello Mister Grant, this is Oliver Hughes calling from Brightline Analytics.", 0.45),
        ("I am ringing because we have just released a new version of our reporting dashboard,", 0.2),
        ("and I thought it might be useful for your finance team at the end of the quarter.", 0.5),
        ("Also, I noticed that your company is expanding into the northern region,", 0.2),
        ("and we have worked with several firms in that area, so there may be something there too.", 0.5),
        ("On top of that, we are running a webinar next month about forecasting,", 0.2),
        ("with a special discount for anyone who signs up before June.", 0.5),
        ("Anyway, I would love to chat whenever suits you.", 0.45),
        ("You can reach me on", 0.2),
    ]
    segs = [Seg(t, g) for t, g in texts]
    segs += number_segs(LONG_NUMBER, 0, digit_gap=0.0, group_gap=0.25, after=0.45, per_digit=False, rate=175)
    segs += [Seg("Thanks very much, and have a lovely afternoon.", 0.0)]
    return Message(
        "too_long",
        "en-gb",
        135,
        segs,
        lead=0.6,
        tail=0.8,
        notes="A rambling message: several ideas (dashboard, expansion, webinar, discount), "
        "well over 60 words, the number said once at conversational pace.",
        reviewer_should_say=[
            "length: fail ({duration:.1f} s, over 45 s)",
            "word count: fail ({words}, over 60)",
            "more than one idea (dashboard, expansion, webinar, discount)",
            "phone number: said once, about {dps:.1f} digits/s: warn (faster than 2.5), only {pause:.2f} s between groups",
            "pace: ok (about {wpm:.0f} wpm)",
            "opening: ok; no fillers",
        ],
    )


def real_voice_number() -> Message:
    A = ALLISON
    segs = [
        Seg("Hello.", 0.35, wav=A / "hello.wav"),
        Seg("The number I have is", 0.35, wav=A / "vm-num-i-have.wav"),
        *number_segs(REAL_NUMBER, 0, digit_gap=0.08, group_gap=0.45, after=0.6, wav_dir=A / "digits"),
        Seg("Telephone number.", 0.35, wav=A / "telephone-number.wav"),
        *number_segs(REAL_NUMBER, 1, digit_gap=0.08, group_gap=0.45, after=0.5, wav_dir=A / "digits"),
        Seg("Goodbye!", 0.0, wav=A / "goodbye.wav"),
    ]
    return Message(
        "real_voice_number",
        "Allison Smith (Asterisk core sounds en_US_f_Allison, 8 kHz recordings)",
        0,
        segs,
        lead=0.6,
        tail=0.7,
        source="asterisk-core-sounds-en-wav",
        notes="A real human voice: Allison prompts and digits, each a separate recording, joined "
        "with known gaps; the number at writing speed in 3-3-4 groups, said twice.",
        reviewer_should_say=[
            "phone number: said twice, about {dps:.2f} digits/s (slow dictation, not yet dragging), "
            "{pause:.2f} s pauses between 3-3-4 groups",
            "fillers: none",
            "length: ok ({duration:.1f} s); pace slow overall (about {wpm:.0f} wpm: the slow digits dominate)",
            "structure: no name, no company, no reason (it is assembled from IVR prompts)",
        ],
    )


# Real spontaneous speech: ve9qrp.wav from codec2-examples (an amateur-radio operator, 8 kHz).
# Nobody listened to it; the fillers were labelled like this (times in s of the SOURCE file):
#   1. candidates: base and tiny.en Whisper with initial_prompt="Uh, um, uh.", beam 5, no VAD,
#      wrote "uh" at 35.34, 36.52, 40.46, 42.14, 44.32, 44.98, 48.12, 50.34, 51.26, 55.34,
#      58.42 (base) and at about the same places (tiny.en). The plain pass wrote none of them.
#   2. each candidate was checked in Praat (parselmouth): a filled pause is a steady
#      central vowel, F1 480-900 Hz and F2 1150-1650 Hz held for 0.2-0.5 s, with flat or
#      falling pitch, often ending in creak, between words or pauses. Start and end are where
#      that steady stretch begins and ends (10 ms frames, intensity > floor + 12 dB), so they
#      are good to about 0.05-0.1 s. 51.26 was dropped: it falls in a pause (no voicing).
#   3. "probable": 44.02 and 44.98 are steady schwas with creak between "been" / "a" and
#      "pleasant" / "enough"; they could be a drawn-out word onset rather than a filler.
REAL_CLIP = (34.85, 54.63)  # the excerpt: room tone, "Uh, the, uh, weather ..." to "... TS-2000 radio."
REAL_SPEECH = (35.44, 54.59)  # first and last frame of speech (energy), source time
REAL_ROOM_TONE = (34.25, 34.85)  # 0.6 s of this recording's own background, appended as dead air
REAL_FILLER_TIMES: list[tuple[str, float, float, bool]] = [  # (text, start, end, certain)
    ("uh", 35.45, 35.92, True),
    ("uh", 36.51, 36.88, True),
    ("uh", 40.45, 40.80, True),
    ("uh", 42.11, 42.41, True),
    ("uh", 44.02, 44.34, False),  # probable
    ("uh", 44.98, 45.31, False),  # probable
    ("uh", 48.08, 48.45, True),
    ("uh", 50.40, 50.95, True),
]
REAL_FILLER_SCRIPT = (
    "Uh, the, uh, weather here seems quite nice, nice fall day. Uh, the leaves are "
    "slowly, uh, departing from us, but it's been, uh, a pleasant, uh, enough week in "
    "the last little while. And, uh, I'm using a, uh, Kenwood TS-2000 radio."
)


def real_fillers() -> Message:
    segs = [
        Seg(
            REAL_FILLER_SCRIPT,
            0.0,
            kind="clip",
            wav=VE9QRP,
            clip=REAL_CLIP,
            speech=REAL_SPEECH,
            fillers=REAL_FILLER_TIMES,
        ),
        Seg("", 0.0, kind="roomtone", wav=VE9QRP, clip=REAL_ROOM_TONE),
    ]
    return Message(
        "real_fillers",
        "VE9QRP (amateur-radio operator, codec2-examples ve9qrp.wav, 8 kHz)",
        0,
        segs,
        lead=0.0,
        tail=0.0,
        source="codec2-examples",
        noise=False,
        notes="Real spontaneous speech with real 'uh's: ve9qrp.wav 34.85-54.63 s plus 0.6 s of its "
        "own room tone (34.25-34.85 s) as trailing dead air. Not a sales message; it is here "
        "for filler detection on real speech. Fillers labelled without listening: candidates "
        "from base/tiny.en Whisper with initial_prompt='Uh, um, uh.' (no VAD), each kept only "
        "where Praat shows a steady central vowel (F1 480-900 Hz, F2 1150-1650 Hz) of 0.2-0.5 s "
        "between words; boundaries good to about 0.1 s. Two are marked probable: they could be a "
        "drawn-out word onset. 'TS-2000' is spoken 'T S two thousand' (4 words) but "
        "counted as 2 here; word_count is good to about +-3.",
        reviewer_should_say=[
            "fillers: many ({fillers} 'uh' against {words} words, over 5 %): needs work",
            "opening: starts with a filler ('Uh, the, uh, ...')",
            "no phone number, no name, no company, no call to action (it is not a sales message)",
            "length: ok ({duration:.1f} s)",
        ],
        extra={
            "labelling": "model candidates (prompted Whisper, no VAD) + acoustic check in Praat; "
            "not listened to; see build.py"
        },
    )


# --- synthesis and assembly ---------------------------------------------------------------


def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def to_16k(path: Path, tmp: Path, clip: tuple[float, float] | None = None) -> np.ndarray:
    """sox: any wav to 16 kHz mono float32, no dither (deterministic)."""
    out = tmp / "r16.wav"
    effects = ["trim", f"{clip[0]}", f"={clip[1]}"] if clip else []
    _run(
        [
            "sox",
            "-D",
            str(path),
            "-e",
            "floating-point",
            "-b",
            "32",
            "-c",
            "1",
            str(out),
            *effects,
            "rate",
            "-v",
            str(SR),
        ]
    )
    x, sr = sf.read(out, dtype="float32")
    assert sr == SR
    return x


def espeak(text: str, voice: str, rate: int, tmp: Path) -> np.ndarray:
    raw = tmp / "espeak.wav"
    _run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(raw), "--", text])
    return to_16k(raw, tmp)


def trim(x: np.ndarray) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) > TRIM_THRESHOLD)
    if loud.size == 0:
        raise RuntimeError("segment is silent")
    return x[loud[0] : loud[-1] + 1]


def render(seg: Seg, msg: Message, tmp: Path) -> np.ndarray:
    if seg.wav is not None:
        x = to_16k(seg.wav, tmp, seg.clip)
        return x if seg.clip else trim(x)  # a clip keeps its own edges (labelled in source time)
    return trim(espeak(seg.text, seg.voice or msg.voice, seg.rate or msg.rate, tmp))


def count_words(text: str) -> int:
    """Spoken words, fillers excluded; a digit said on its own is one word."""
    tokens = re.findall(r"[A-Za-z0-9']+", text)
    return sum(1 for t in tokens if t.lower() not in FILLER_WORDS)


def build(msg: Message, tmp: Path) -> tuple[np.ndarray, dict]:
    pieces: list[np.ndarray] = [np.zeros(round(msg.lead * SR), np.float32)]
    spans: list[tuple[Seg, int, int]] = []  # (segment, first sample, one past last sample)
    pos = len(pieces[0])
    for seg in msg.segs:
        x = render(seg, msg, tmp)
        spans.append((seg, pos, pos + len(x)))
        pieces.append(x)
        pos += len(x)
        gap = np.zeros(round(seg.gap * SR), np.float32)
        pieces.append(gap)
        pos += len(gap)
    pieces.append(np.zeros(round(msg.tail * SR), np.float32))
    y = np.concatenate(pieces)
    y *= PEAK / np.abs(y).max()
    if msg.noise:
        rng = np.random.default_rng(zlib.crc32(msg.name.encode()))
        y += rng.normal(0.0, 10 ** (NOISE_DBFS / 20), y.size).astype(np.float32)
    return y, truth(msg, spans, len(y))


def r3(v: float) -> float:
    return round(float(v), 3)


def truth(msg: Message, spans: list[tuple[Seg, int, int]], n: int) -> dict:
    t = lambda i: i / SR  # noqa: E731
    spoken_spans = [(sg, a, b) for sg, a, b in spans if sg.kind != "roomtone"]

    def speech_edges(sg: Seg, a: int, b: int) -> tuple[float, float]:
        if sg.speech is None:
            return t(a), t(b)
        return t(a) + sg.speech[0] - sg.clip[0], t(a) + sg.speech[1] - sg.clip[0]

    speech_start = speech_edges(*spoken_spans[0])[0]
    speech_end = speech_edges(*spoken_spans[-1])[1]
    words = []
    for i, (sg, _, _) in enumerate(spoken_spans):
        nxt = spoken_spans[i + 1][0] if i + 1 < len(spoken_spans) else None
        comma = (
            sg.kind == "digits"
            and nxt is not None
            and nxt.kind == "digits"
            and nxt.number == sg.number
            and nxt.group != sg.group
        )
        words.append(sg.text + ("," if comma else ""))
    script = " ".join(words)
    # Each segment's words and where they sound: the tests build word-timed transcripts from
    # these (words spread over the segment by length), to test analyses without Whisper.
    segments = [
        {"text": text, "kind": sg.kind, "start": r3(speech_edges(sg, a, b)[0]), "end": r3(speech_edges(sg, a, b)[1])}
        for (sg, a, b), text in zip(spoken_spans, words)
    ]
    fillers = []
    for sg, a, b in spoken_spans:
        if sg.kind == "filler":
            fillers.append({"text": sg.text, "start": r3(t(a)), "end": r3(t(b))})
        for text, fa, fb, certain in sg.fillers or []:
            fillers.append(
                {
                    "text": text,
                    "start": r3(t(a) + fa - sg.clip[0]),
                    "end": r3(t(a) + fb - sg.clip[0]),
                    **({} if certain else {"probable": True}),
                }
            )
    numbers = []
    for k in sorted({s.number for s, _, _ in spans if s.number is not None}):
        digs = [(s, a, b) for s, a, b in spans if s.number == k]
        digits = "".join(re.sub(r"\D", "", s.text) for s, _, _ in digs)
        groups = []
        for g in sorted({s.group for s, _, _ in digs}):
            gs = [(s, a, b) for s, a, b in digs if s.group == g]
            groups.append(
                {
                    "digits": "".join(re.sub(r"\D", "", s.text) for s, _, _ in gs),
                    "start": r3(t(gs[0][1])),
                    "end": r3(t(gs[-1][2])),
                }
            )
        start, end = t(digs[0][1]), t(digs[-1][2])
        numbers.append(
            {
                "digits": digits,
                "start": r3(start),
                "end": r3(end),
                "digits_per_second": round(len(digits) / (end - start), 3),
                "groups": groups,
                "group_pauses_s": [r3(groups[i + 1]["start"] - groups[i]["end"]) for i in range(len(groups) - 1)],
            }
        )
    said = {}
    for num in numbers:
        said[num["digits"]] = said.get(num["digits"], 0) + 1
    word_count = sum(count_words(sg.text) for sg, _, _ in spoken_spans if sg.kind != "filler")
    spoken = speech_end - speech_start
    number_time = sum(x["end"] - x["start"] for x in numbers)
    number_words = sum(len(x["digits"]) for x in numbers)
    out = {
        "file": f"{msg.name}.wav",
        "source": msg.source,
        "voice": msg.voice,
        "espeak_rate_wpm": msg.rate or None,
        "duration_s": r3(t(n)),
        "sample_rate": SR,
        "speech_start_s": r3(speech_start),
        "speech_end_s": r3(speech_end),
        "script": script,
        "word_count": word_count,
        "words_per_minute": round(word_count / (spoken / 60), 1),
        "words_per_minute_outside_numbers": round((word_count - number_words) / ((spoken - number_time) / 60), 1)
        if numbers
        else None,
        "fillers": fillers,
        "filler_count": len(fillers),
        "phone_numbers": numbers,
        "number_said_times": max(said.values()) if said else 0,
        "segments": segments,
        "notes": msg.notes,
        **msg.extra,
    }
    first = numbers[0] if numbers else {}
    fmt = dict(
        duration=out["duration_s"],
        words=word_count,
        wpm=out["words_per_minute"],
        wpm_out=out["words_per_minute_outside_numbers"] or 0.0,
        fillers=len(fillers),
        dps=first.get("digits_per_second", 0.0),
        pause=min(first.get("group_pauses_s") or [0.0]),
    )
    out["reviewer_should_say"] = [line.format(**fmt) for line in msg.reviewer_should_say]
    return out


def check_numbers(numbers: list[str]) -> None:
    import phonenumbers

    for d in numbers:
        p = phonenumbers.parse("+1" + d)
        if not phonenumbers.is_valid_number(p) or d[3:6] == "555" or d[0] in "01" or d[3] in "01":
            raise SystemExit(f"not a valid, dialable-looking North American number: {d}")


def main() -> int:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (apt-get install {tool})")
    check_numbers([GOOD_NUMBER, RUSHED_NUMBER, LONG_NUMBER, REAL_NUMBER])
    messages = [good_callback(), fillers_rushed(), too_long(), real_voice_number(), real_fillers()]
    expected = {
        "about": "Ground truth for the shipped samples, computed by samples/build.py from the known "
        "segment boundaries. Times in seconds from the start of the file. word_count "
        "excludes fillers; each spoken digit is one word. words_per_minute = word_count / "
        "((speech_end_s - speech_start_s) / 60). digits_per_second = len(digits) / (end - start) "
        "of one saying of the number, first digit onset to last digit offset.",
        "tolerances": TOLERANCES,
        "samples": {},
    }
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for msg in messages:
            y, info = build(msg, tmp)
            sf.write(HERE / f"{msg.name}.wav", y, SR, subtype="PCM_16")
            expected["samples"][msg.name] = info
            print(
                f"{msg.name}.wav  {info['duration_s']:.2f} s  {info['word_count']} words  "
                f"{info['words_per_minute']} wpm  fillers {info['filler_count']}  "
                f"numbers {[(x['digits'], x['digits_per_second']) for x in info['phone_numbers']]}"
            )
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
