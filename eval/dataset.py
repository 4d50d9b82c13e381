"""The labelled evaluation set: synthetic voicemails, real human digits, real spontaneous speech.

Every case is built like samples/build.py builds the shipped samples (its Seg/Message/build
are imported, not copied): segments synthesised (espeak-ng) or cut from a recording, trimmed,
joined with gaps of known length, so the truth (speech span, word count, fillers with times,
phone-number digits and pace) comes from the segment boundaries. Building takes seconds and
is deterministic, so nothing here is checked in but the labels.

Subsets:
- synthetic: espeak-ng, 8 voices, 145-200 wpm, "um"/"uh" as their own segments at known times,
  plus the three espeak samples of samples/ (two of the new messages have no filler at all);
- allison: a real professional voice reading digits (Asterisk prompts), no fillers;
- real: all of codec2's ve9qrp.wav (112 s of spontaneous speech) cut at pauses into six
  voicemail-length excerpts, fillers labelled as described in eval/labels.py;
- real-other: the other speakers of codec2's all.wav (read sentences, radio calls), labelled
  filler-free and kept out of tuning; only fillers are scored there (eval/labels.py).
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from labels import CODEC2_OTHER, VE9QRP_EXCERPTS  # noqa: E402


def _load_samples_build():
    spec = importlib.util.spec_from_file_location("samples_build", ROOT / "samples" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["samples_build"] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


sb = _load_samples_build()
ALL_WAV = sb.VE9QRP.parent / "all.wav"
Seg, Message, number_segs = sb.Seg, sb.Message, sb.number_segs


@dataclass
class Case:
    name: str
    subset: str  # synthetic | allison | real | real-other
    path: Path
    truth: dict  # samples/build.py's truth: script, word_count, words_per_minute, fillers, phone_numbers, ...


# --- synthetic: espeak-ng -----------------------------------------------------------------


def _f(text: str, gap: float = 0.15) -> Seg:
    return Seg(text, gap, kind="filler")


def synthetic_messages() -> list[Message]:
    """New espeak messages: different voices, rates, filler positions; two with no filler."""
    num = dict(digit_gap=0.2, group_gap=0.4)
    msgs = [
        Message(
            "syn_solar_us160",
            "en-us",
            160,
            [
                Seg("Hi Dana, this is Marcus from Bluepeak Solar.", 0.3),
                _f("um", 0.15),
                Seg("I noticed your warehouse roof gets full sun,", 0.2),
                _f("uh", 0.15),
                Seg("and we can cut your power bill by a third.", 0.35),
                Seg("Call me at", 0.3),
                *number_segs("4045821937", 0, after=0.4, **num),
                Seg("Thanks.", 0.0),
            ],
        ),
        Message(
            "syn_recruit_gb150",
            "en-gb",
            150,
            [
                Seg("Good morning Alex, it's Hannah at Crestline Recruiting.", 0.25),
                _f("uh", 0.2),
                Seg("We have two senior engineers who match the role you posted.", 0.3),
                _f("um", 0.15),
                Seg("Give me a ring on", 0.3),
                *number_segs("6175239840", 0, after=0.3, **num),
                _f("uh", 0.15),
                Seg("that's", 0.25),
                *number_segs("6175239840", 1, after=0.4, **num),
                Seg("Cheers.", 0.0),
            ],
        ),
        Message(
            "syn_insure_f3_170",
            "en-us+f3",
            170,
            [
                Seg("Hello Chris, this is Laura with Summit Insurance.", 0.3),
                Seg("I can lower the premium on your fleet policy before renewal.", 0.3),
                Seg("Please call me back at", 0.3),
                *number_segs("3129047716", 0, after=0.4, **num),
                Seg("Again,", 0.25),
                *number_segs("3129047716", 1, after=0.0, **num),
            ],
        ),
        Message(
            "syn_security_m3_185",
            "en-us+m3",
            185,
            [
                Seg("Hey Sam, it's", 0.1),
                _f("um", 0.15),
                Seg("Derek from Ironclad Security.", 0.25),
                _f("uh", 0.2),
                Seg("We spotted a gap in your firewall setup,", 0.15),
                _f("um", 0.15),
                Seg("and I can walk you through a fix in ten minutes.", 0.25),
                _f("uh", 0.2),
                Seg("My number is", 0.3),
                *number_segs("7136248805", 0, after=0.0, **num),
            ],
        ),
        Message(
            "syn_freight_029_155",
            "en-029",
            155,
            [
                Seg("Hi Priya, this is Omar from Harbor Freight Logistics.", 0.2),
                _f("um", 0.2),
                Seg("Your shipments to Chicago could arrive a day sooner.", 0.35),
                Seg("Call me at", 0.3),
                *number_segs("2146973058", 0, after=0.0, **num),
            ],
        ),
        Message(
            "syn_analytics_scot145",
            "en-gb-scotland",
            145,
            [
                Seg("Hello Morgan, Fiona here from Thistle Analytics.", 0.3),
                Seg("We cut month end reporting from five days to one for firms like yours.", 0.35),
                Seg("Ring me on", 0.3),
                *number_segs("5036182794", 0, after=0.0, **num),
            ],
        ),
        Message(
            "syn_print_nyc200",
            "en-us-nyc",
            200,
            [
                Seg("Hi Jamie,", 0.1),
                _f("uh", 0.15),
                Seg("this is Tony from Metro Print.", 0.2),
                _f("um", 0.15),
                Seg("We can", 0.1),
                _f("uh", 0.15),
                Seg("print your spring catalog for less and ship it in a week.", 0.2),
                _f("um", 0.15),
                Seg("Call me,", 0.3),
                *number_segs("4045821937", 0, after=0.0, **num),
            ],
        ),
        Message(
            "syn_payroll_f4_165",
            "en-gb+f4",
            165,
            [
                Seg("Hi Ben, it's Grace at Northwind Payroll.", 0.25),
                _f("um", 0.2),
                Seg("I wanted to share how we save finance teams about ten hours a month.", 0.25),
                _f("uh", 0.2),
                Seg("Call me back at", 0.3),
                *number_segs("6175239840", 0, after=0.4, **num),
                Seg("Bye for now.", 0.0),
            ],
        ),
    ]
    for m in msgs:
        m.lead, m.tail = 0.7, 0.8
    return msgs


# --- allison: a real voice reading digits -------------------------------------------------


def allison_messages() -> list[Message]:
    """The Allison prompts around numbers read at three speeds (digit gap 0-0.15 s)."""
    A = sb.ALLISON

    def digits(d: str, k: int, dg: float, gg: float, after: float) -> list[Seg]:
        return number_segs(d, k, digit_gap=dg, group_gap=gg, after=after, wav_dir=A / "digits")

    voice = "Allison Smith (Asterisk core sounds en_US_f_Allison, 8 kHz recordings)"
    return [
        Message(
            "allison_slow",
            voice,
            0,
            [
                Seg("Hello.", 0.35, wav=A / "hello.wav"),
                Seg("Telephone number.", 0.4, wav=A / "telephone-number.wav"),
                *digits("6175239840", 0, 0.15, 0.6, 0.5),
                Seg("Goodbye!", 0.0, wav=A / "goodbye.wav"),
            ],
            lead=0.6,
            tail=0.7,
            source="asterisk-core-sounds-en-wav",
            noise=False,
        ),
        Message(
            "allison_steady",
            voice,
            0,
            [
                Seg("Hello.", 0.35, wav=A / "hello.wav"),
                Seg("The number I have is", 0.35, wav=A / "vm-num-i-have.wav"),
                *digits("3129047716", 0, 0.05, 0.35, 0.5),
                Seg("Telephone number.", 0.35, wav=A / "telephone-number.wav"),
                *digits("3129047716", 1, 0.05, 0.35, 0.5),
                Seg("Goodbye!", 0.0, wav=A / "goodbye.wav"),
            ],
            lead=0.5,
            tail=0.6,
            source="asterisk-core-sounds-en-wav",
            noise=False,
        ),
        Message(
            "allison_fast",
            voice,
            0,
            [
                Seg("The number I have is", 0.3, wav=A / "vm-num-i-have.wav"),
                *digits("7136248805", 0, 0.0, 0.12, 0.5),
                Seg("Goodbye!", 0.0, wav=A / "goodbye.wav"),
            ],
            lead=0.5,
            tail=0.6,
            source="asterisk-core-sounds-en-wav",
            noise=False,
        ),
    ]


# --- real: ve9qrp excerpts ----------------------------------------------------------------


def speech_edges(x: np.ndarray, sr: int, above_floor_db: float = 20.0) -> tuple[float, float]:
    """First and last 10 ms frame whose level is `above_floor_db` over the excerpt's quiet
    floor (10th percentile): where the talker starts and stops, as build.py's REAL_SPEECH."""
    hop = sr // 100
    frames = x[: len(x) // hop * hop].reshape(-1, hop)
    db = 20 * np.log10(np.sqrt((frames**2).mean(axis=1)) + 1e-9)
    loud = np.flatnonzero(db > np.percentile(db, 10) + above_floor_db)
    return loud[0] / 100, (loud[-1] + 1) / 100


def real_messages(tmp: Path) -> list[Message]:
    msgs = []
    for name, (a, b), script, fillers in VE9QRP_EXCERPTS:
        x = sb.to_16k(sb.VE9QRP, tmp, (a, b))
        s, e = speech_edges(x, sb.SR)
        seg = Seg(script, 0.0, kind="clip", wav=sb.VE9QRP, clip=(a, b), speech=(a + s, a + e), fillers=fillers)
        msgs.append(
            Message(
                name,
                "VE9QRP (codec2-examples ve9qrp.wav, 8 kHz)",
                0,
                [seg],
                lead=0.0,
                tail=0.0,
                source="codec2-examples",
                noise=False,
            )
        )
    return msgs


def other_messages(tmp: Path) -> list[Message]:
    msgs = []
    for name, (a, b), script in CODEC2_OTHER:
        x = sb.to_16k(ALL_WAV, tmp, (a, b))
        s, e = speech_edges(x, sb.SR)
        seg = Seg(script, 0.0, kind="clip", wav=ALL_WAV, clip=(a, b), speech=(a + s, a + e), fillers=[])
        msgs.append(
            Message(
                name,
                "codec2-examples all.wav (several radio amateurs, 8 kHz)",
                0,
                [seg],
                lead=0.0,
                tail=0.0,
                source="codec2-examples",
                noise=False,
                extra={"scored": "fillers"},
            )
        )
    return msgs


def build_all(out: Path) -> list[Case]:
    """Write every case's wav under `out` and return the cases with their truth."""
    import shutil

    missing = [t for t in ("espeak-ng", "sox") if shutil.which(t) is None]
    missing += [str(f) for f in (sb.ALLISON, sb.VE9QRP, ALL_WAV) if not f.exists()]
    if missing:
        raise SystemExit(
            f"the eval set needs {', '.join(missing)}: apt-get install espeak-ng sox "
            "asterisk-core-sounds-en-wav codec2-examples (as .ci/run does)"
        )
    out.mkdir(parents=True, exist_ok=True)
    sb.check_numbers(["4045821937", "6175239840", "3129047716", "7136248805", "2146973058", "5036182794"])
    cases = []
    tmp = out / "tmp"
    tmp.mkdir(exist_ok=True)
    groups = [
        ("synthetic", [sb.good_callback(), sb.fillers_rushed(), sb.too_long(), *synthetic_messages()]),
        ("allison", allison_messages()),
        ("real", real_messages(tmp)),
        ("real-other", other_messages(tmp)),
    ]
    for subset, msgs in groups:
        for msg in msgs:
            y, truth = sb.build(msg, tmp)
            path = out / f"{msg.name}.wav"
            sf.write(path, y, sb.SR, subtype="PCM_16")
            cases.append(Case(msg.name, subset, path, truth))
    return cases


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for c in build_all(Path(d)):
            t = c.truth
            print(
                f"{c.subset:9} {c.name:24} {t['duration_s']:6.1f} s  {t['word_count']:3} words  "
                f"{t['words_per_minute']:5.1f} wpm  fillers {len(t['fillers'])}  "
                f"numbers {[(n['digits'], n['digits_per_second']) for n in t['phone_numbers']]}"
            )
