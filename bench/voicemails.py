"""Typical call-back voicemails for the benchmark: 20-30 s, a number said twice.

    python bench/voicemails.py                 # (re)writes samples/bench/*.flac
    python bench/voicemails.py --batch 20 DIR  # 20 distinct ones (16 kHz WAV) for a batch run

A practice voicemail almost always leaves a number, said twice, and the number's second
listen is a real part of a review's cost: a benchmark file without one never pays it
(issue #26). Each message is synthesised with espeak-ng and laid out by samples/build.py
(the same segments, gaps and noise floor as the shipped samples). The telephone copy is the
16 kHz message band-limited to 300-3400 Hz and taken through GSM full-rate at 8 kHz and
back (sox), as a call recorded from a phone line sounds.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "bench"
TELEPHONE_BAND_HZ = (300, 3400)  # what a phone line passes
TELEPHONE_RATE_HZ = 8000  # GSM full-rate's sample rate


def _builder():
    """samples/build.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("samples_build", ROOT / "samples" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# (prospect, rep, company, reason, ask, number): one call-back voicemail each; the batch cycles
# through them with other voices and rates.
CALLERS = (
    (
        "Daniel",
        "Priya Shah",
        "Northwind Logistics",
        "We cut freight costs for three stores like yours last quarter, and I think we can do the same for you.",
        "Give me a call back when you have a minute,",
        "6124372968",
    ),
    (
        "Karen",
        "Tom Reyes",
        "Bluepath Travel",
        "I saw your team is booking a lot of trips to Denver this spring, and we can bring that spend down.",
        "Please call me back,",
        "3129047716",
    ),
    (
        "Mister Lee",
        "Erin Walsh",
        "Crestline Payroll",
        "Your payroll runs on three systems today, and we can put them into one by next month.",
        "Call me back this week,",
        "7634164321",
    ),
    (
        "Sophie",
        "Marcus Bell",
        "Harbor Supply",
        "We can ship your packaging in two days instead of five, which your warehouse asked about.",
        "Ring me back when it suits you,",
        "4159267381",
    ),
)
VOICES = ("en-us", "en-gb", "en-us+m3", "en-us+f2")


def message(b, i: int, name: str):
    """The i-th call-back voicemail: greeting, who and from where, a reason, the number, an ask,
    the number again, thanks. About 24-28 s."""
    prospect, rep, company, reason, ask, number = CALLERS[i % len(CALLERS)]
    num = dict(digit_gap=0.2, group_gap=0.4, rate=200 + 10 * (i % 3))
    segs = [
        b.Seg(f"Hi {prospect},", 0.35),
        b.Seg(f"this is {rep} from {company}.", 0.45),
        b.Seg(reason, 0.5),
        b.Seg("You can reach me at", 0.3),
        *b.number_segs(number, 0, after=0.5, **num),
        b.Seg(ask, 0.3),
        b.Seg("that number again is", 0.3),
        *b.number_segs(number, 1, after=0.45, **num),
        b.Seg("Thanks.", 0.0),
    ]
    return b.Message(name, VOICES[i % len(VOICES)], 180 + 5 * (i % 4), segs, lead=0.7, tail=0.9)


def telephone_copy(src: Path, dst: Path, tmp: Path) -> None:
    """`src` as heard over a phone line: 300-3400 Hz, GSM full-rate at 8 kHz, back to 16 kHz."""
    gsm = tmp / "line.gsm"
    low, high = TELEPHONE_BAND_HZ
    subprocess.run(
        [
            "sox",
            "-D",
            str(src),
            "-r",
            str(TELEPHONE_RATE_HZ),
            "-c",
            "1",
            "-e",
            "gsm-full-rate",
            str(gsm),
            "sinc",
            f"{low}-{high}",
        ],
        check=True,
    )
    subprocess.run(["sox", "-D", str(gsm), "-r", "16000", "-e", "signed", "-b", "16", str(dst)], check=True)


def build_one(b, i: int, dst: Path, tmp: Path) -> float:
    """Writes the i-th message to `dst` (16 kHz, 16-bit); returns its seconds."""
    y, _ = b.build(message(b, i, dst.stem), tmp)
    sf.write(str(dst), y, b.SR, subtype="PCM_16")
    return len(y) / b.SR


def build_samples(out: Path = OUT) -> list[Path]:
    """The benchmark's committed files: one message at 16 kHz and its telephone copy (FLAC)."""
    b = _builder()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        wav = tmp / "callback.wav"
        build_one(b, 0, wav, tmp)
        phone = tmp / "callback_phone.wav"
        telephone_copy(wav, phone, tmp)
        paths = []
        for src, name in ((wav, "callback.flac"), (phone, "callback_phone.flac")):
            data, rate = sf.read(str(src), dtype="int16")
            sf.write(str(out / name), data, rate, subtype="PCM_16")
            paths.append(out / name)
    return paths


def build_batch(count: int, folder: Path) -> float:
    """`count` distinct call-back voicemails (every fourth a telephone copy) in `folder`, as
    rep0..rep2/takeNN.wav; returns their total seconds."""
    b = _builder()
    total = 0.0
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for i in range(count):
            dst = folder / f"rep{i % 3}" / f"take{i:02d}.wav"
            dst.parent.mkdir(parents=True, exist_ok=True)
            total += build_one(b, i, dst, tmp)
            if i % 4 == 3:
                telephone_copy(dst, tmp / "phone.wav", tmp)
                dst.write_bytes((tmp / "phone.wav").read_bytes())
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, metavar="N", help="write N distinct voicemails to DIR instead")
    parser.add_argument("dir", nargs="?", type=Path)
    args = parser.parse_args()
    if args.batch:
        if args.dir is None:
            parser.error("--batch needs DIR")
        print(f"{args.batch} voicemails, {build_batch(args.batch, args.dir):.0f} s of audio, in {args.dir}")
        return 0
    for path in build_samples(args.dir or OUT):
        info = sf.info(str(path))
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {info.duration:.2f} s  "
            f"{info.samplerate} Hz  {path.stat().st_size // 1024} KB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
