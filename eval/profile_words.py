#!/usr/bin/env python3
"""What telling Whisper the rep's name and company does to a review (README, "Your profile").

    python eval/profile_words.py [--models base tiny.en]

On the committed messages (samples/ and tests/data/), each reviewed (`--fillers fast`) three
ways: without a profile, with the speaker's own name and company, and with a stranger's (words
nobody says); and the plain pass alone with those words before every window (faster-whisper's
`hotwords`), the way first tried. Prints per message and way: the words (same as without a
profile, or what changed), word count, words per minute, seconds, and the name and company
verdicts. Not run by `make eval`: it decodes each message up to five times.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.pipeline import Reviewer
from reviewer.profile import make_profile
from reviewer.sound.decode import load_audio

ROOT = Path(__file__).resolve().parent.parent
OWN = {  # the message's own name and company, as said
    "samples/good_callback.wav": ("Sarah", "Keystone Freight"),
    "samples/fillers_rushed.wav": ("Kevin Marsh", "Apex Software"),
    "samples/too_long.wav": ("Oliver Hughes", "Brightline Analytics"),
    "tests/data/verdicts/no_number.wav": ("Kevin", "Apex Software"),
    "tests/data/verdicts/good.wav": ("Bob DeGroot", "Harbor Insurance"),
    "tests/data/verdicts/nine_digits.wav": ("Sarah", "Northwind Health"),
    "tests/data/verdicts/two_numbers.wav": ("Jenna", "Peak Payroll"),
    "tests/data/verdicts/too_fast.wav": ("Lee", "Sales Architects"),
    "tests/data/verdicts/uk.wav": ("Olivia", "Thames Energy"),
    "tests/data/verdicts/toll_free.wav": ("Ben", "Nimbus Travel"),
}
WITHOUT = ("samples/real_voice_number.wav", "samples/real_fillers.wav", "tests/data/hesitant_phone.wav")
STRANGER = ("Priya Raman", "Bluepeak Roofing")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["base", "tiny.en"])
    args = ap.parse_args()
    for model in args.models:
        reviewer = Reviewer(model, "cpu", fillers="fast")
        for file in (*OWN, *WITHOUT):
            audio = load_audio(ROOT / file)
            ways = [("none", None), ("stranger", make_profile(*STRANGER))]
            if file in OWN:
                ways.append(("own", make_profile(*OWN[file])))
            base_text = None
            first = reviewer.transcriber.transcribe(audio, reviewer.options)  # the plain pass, told nothing
            for label, profile in ways:
                t0 = time.perf_counter()
                review = reviewer.with_profile(profile).review_audio(audio, file)
                seconds = time.perf_counter() - t0
                by = {f.check: f for f in review.findings}
                base_text = base_text or review.transcript
                same = "same words" if review.transcript == base_text else f"now: {review.transcript}"
                print(
                    f"{model:8} {Path(file).stem:18} {label:9} listen again  {review.word_count:4} words "
                    f"{review.words_per_minute:6.1f} wpm {seconds:5.1f} s  name {by['name'].status}, "
                    f"company {by['company'].status}  {same}",
                    flush=True,
                )
                if profile is None:
                    continue
                options = dataclasses.replace(reviewer.options, window_prompt=profile.hotwords())
                plain = reviewer.transcriber.transcribe(audio, options)
                told = [w for w in plain.words if not is_filler_word(w)]
                span = (told[-1].end - told[0].start) / 60 if told else 0
                same = "same words" if plain.text == first.text else f"now: {plain.text}"
                print(
                    f"{model:8} {Path(file).stem:18} {label:9} whole pass    {len(told):4} words "
                    f"{len(told) / span if span else 0:6.1f} wpm (plain pass only)  {same}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
