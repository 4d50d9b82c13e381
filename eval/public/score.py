"""Agreement with a coach on the public set (#24): the development half while building, the
held-out half only at the end (`--half held`), each at 16 kHz and as a telephone copy, with
eval/judge.py's counting (per check, numbers, score bands).

    python eval/public/score.py --save eval/public-results/dev-before.json      # the dev half
    python eval/public/score.py --half held --save eval/public-results/held.json   # at the end
    python eval/public/score.py --rows eval/public-results/dev-after.json --before eval/public-results/dev-before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import judge  # noqa: E402

from public import HALVES  # noqa: E402
from public.build import build, voice_of  # noqa: E402


def cases(half: str):
    """(message as eval/judge.py reads it, truth, 16 kHz wav, telephone wav) of one half."""
    for m, truth, labels, wav16, wav8 in build():
        if m.half != half:
            continue
        j = SimpleNamespace(
            name=m.name,
            region=m.region,
            goal=m.goal,
            voice=voice_of(m)[0],
            band=m.band,
            labels=labels,
            number=m.number,
            number_said_right=True,
        )
        yield j, truth, wav16, wav8


def table(rows: list[dict], before: list[dict] | None, half: str) -> str:
    """eval/judge.py's tables, under this set's own heading and description."""
    about = (
        f"`python eval/public/score.py --half {half}`: {len({r['name'] for r in rows})} example voicemails taken "
        "from public sales-training pages (eval/public/part_*.py, each with its page), labelled from the script "
        "before any change; spoken by espeak-ng, flite and festival voices (eval/public/build.py), each at "
        "16 kHz and as a telephone copy (300-3400 Hz, 8 kHz, noise 15-20 dB under the speech, GSM 06.10). "
        "Counting as in the judged set's section: agreement when the reviewer passes what the coach passes "
        "and warns or fails what the coach flags; 'couldn't make out' counted apart; bands good >= 85, "
        "poor <= 50."
    )
    name = {
        "dev": "development",
        "held": "held-out",
        "held2": "second held-out",
        "held3": "third held-out",
        "held4": "fourth held-out",
        "held5": "fifth held-out",
        "held6": "sixth held-out",
        "held7": "seventh held-out",
    }[half]
    title = f"## The public set (#24), {name} half"
    return "\n".join(judge.section(rows, before, "base", title, about).split("\n")[1:-1])  # not the judged markers


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=HALVES, default="dev")
    ap.add_argument("--model", default="base")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--rows", type=Path, help="rows saved earlier: print the tables without reviewing")
    args = ap.parse_args()
    rows = json.loads(args.rows.read_text()) if args.rows else judge.judge(args.model, cases=list(cases(args.half)))
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(rows, indent=1))
    before = json.loads(args.before.read_text()) if args.before else None
    print(table(rows, before, args.half))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
