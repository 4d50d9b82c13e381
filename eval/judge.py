#!/usr/bin/env python3
"""Agreement with a coach on the judged set (eval/judged.py): per check, numbers, score bands.

    python eval/judge.py                      # build, review (16 kHz and 8 kHz), write eval/RESULTS.md's section
    python eval/judge.py --save eval/judged-results/after.json
    PYTHONPATH=/path/to/older/checkout python eval/judge.py --save before.json --no-write   # another version
    python eval/judge.py --before eval/judged-results/before.json   # a before/after table too
    python eval/judge.py --rows eval/judged-results/after.json --before eval/judged-results/before.json   # tables only
    python eval/judge.py --profile --save eval/judged-results/with-profile.json   # the rep's number known (tables printed)

Whisper's transcripts (the plain and the filler-prompted pass) are cached per file in
eval/.judged/cache, so a second version of the rubric is judged on the same words and the
difference between the two is the rubric's, not the decoder's.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from judged import BANDS, LABELLED, OUT, build_judged  # noqa: E402

from reviewer.pipeline import Reviewer  # noqa: E402
from reviewer.profile import make_profile  # noqa: E402
from reviewer.recognition.passes import prompted_pass  # noqa: E402
from reviewer.sound.decode import load_audio  # noqa: E402

RESULTS = HERE / "RESULTS.md"
START, END = "<!-- judged:start -->", "<!-- judged:end -->"


def band_of(score: int) -> str:
    return "good" if score >= 85 else "poor" if score <= 50 else "fix"


def transcripts(reviewer: Reviewer, path: Path, model: str):
    """(audio, plain, prompted), the transcripts cached by the audio's hash and the model."""
    audio = load_audio(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cache = (
        OUT / "cache" / f"{path.parent.name}-{path.stem}-{model}-{reviewer.transcriber.spec.filler_window}-{sha}.pkl"
    )
    if cache.exists():
        plain, prompted = pickle.loads(cache.read_bytes())
    else:
        plain = reviewer.transcriber.transcribe(audio, reviewer.options)
        prompted = prompted_pass(reviewer.transcriber, audio, reviewer.options)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps((plain, prompted)))
    return audio, plain, prompted


def judge(model: str, only: set[str] | None = None, profile: bool = False, cases=None) -> list[dict]:
    """Each message reviewed at both rates; with `profile`, as a rep whose profile holds the
    message's own number (what the number check does when it knows the rep's number). `cases`
    are (message, truth, 16 kHz wav, telephone wav), the judged set's by default; a message
    has the fields of judged.Judged that this reads (eval/public/score.py gives its own)."""
    rows = []
    reviewers: dict[tuple[str, str], Reviewer] = {}
    for j, _truth, wav16, wav8 in build_judged() if cases is None else cases:
        if only and j.name not in only:
            continue
        for rate, path in (("16k", wav16), ("8k", wav8)):
            key = (j.region, j.goal)
            if key not in reviewers:
                reviewers[key] = Reviewer(model, "cpu", goal=j.goal)
                th = reviewers[key].thresholds
                if hasattr(th, "number_region"):
                    reviewers[key].thresholds = dataclasses.replace(th, number_region=j.region)
            rv = reviewers[key]
            audio, plain, prompted = transcripts(rv, path, model)
            if profile and j.number:
                rv = rv.with_profile(make_profile(number=j.number, region=j.region))
            review = rv.review_transcript(audio, plain, file=str(path), prompted=prompted).to_dict()
            by = {f["check"]: f for f in review["findings"]}
            phone = by.get("phone_number")
            statuses = {}
            for c in LABELLED:
                f = by.get(c)
                if f is None and c in ("number_pace", "number_repeated") and phone and phone["status"] == "fail":
                    statuses[c] = "fail"  # not judged on a wrong number: not passed
                else:
                    statuses[c] = f["status"] if f else None
            valid = [n for n in review["phone_numbers"] if n["valid"]] or review["phone_numbers"]
            heard = valid[0]["digits"] if valid else None  # the number phone_number judged
            rows.append(
                {
                    "name": j.name,
                    "rate": rate,
                    "voice": j.voice,
                    "band": j.band,
                    "labels": j.labels,
                    "statuses": statuses,
                    # checks the review said it could not make out (a warning that says so)
                    # (the number's pace and repeat too, where a number not made out left them unjudged)
                    "unsure": [
                        c
                        for c in LABELLED
                        if by.get(c, {}).get("unsure")
                        or c in ("number_pace", "number_repeated")
                        and c not in by
                        and bool(phone and phone.get("unsure"))
                    ],
                    "messages": {c: by[c]["message"] for c in LABELLED if c in by},
                    "score": review["score"],
                    "number": j.number,
                    "number_said_right": j.number_said_right,
                    "heard": heard,
                    "phone_pass": bool(phone and phone["status"] == "pass"),
                    "transcript": review["transcript"],
                }
            )
            print(f"{j.name:24s} {rate:3s} score {review['score']:3d} ({j.band})", flush=True)
    return rows


def agreement(rows: list[dict], rate: str) -> dict:
    """Per check: (agreeing, judged, disagreeing messages, unsure messages); a coach's 'ok' agrees
    with pass, 'flag' with warn or fail. A verdict the review gave as "couldn't make out ..."
    (`unsure`) is not a verdict: it is counted apart, in neither number."""
    out = {}
    for c in LABELLED:
        agree = total = 0
        wrong, unsure = [], []
        for r in rows:
            if r["rate"] != rate or r["labels"].get(c, "skip") == "skip":
                continue
            if c in r.get("unsure", ()):
                unsure.append(r["name"])
                continue
            status = r["statuses"].get(c)
            total += 1
            ok = (status == "pass") == (r["labels"][c] == "ok") and status is not None
            if c == "phone_number" and r["labels"][c] == "ok" and status == "pass":
                ok = same_number(r["heard"], r["number"])
            agree += ok
            if not ok:
                wrong.append(r["name"])
        out[c] = (agree, total, wrong, unsure)
    return out


CONTENT = ("name", "company", "reason", "call_to_action", "phone_number")


def content_failed_where_ok(rows: list[dict], rate: str) -> list[str]:
    """ "message: check" for each content check the review failed where the coach passes it: the
    verdicts #24 says a mishearing must never give (a warning that says so instead)."""
    return [
        f"{r['name']}: {c}"
        for r in rows
        if r["rate"] == rate
        for c in CONTENT
        if r["labels"].get(c) == "ok" and r["statuses"].get(c) == "fail"
    ]


def same_number(heard: str | None, number: str) -> bool:
    """The digits of the number said, give or take a country or trunk prefix ("1-215-903-4762")."""
    return bool(heard) and (heard == number or heard.endswith(number[-10:]))


def numbers(rows: list[dict], rate: str) -> dict:
    sub = [r for r in rows if r["rate"] == rate]
    meant = [r for r in sub if r["number"] and r["number_said_right"]]
    exact = [r for r in meant if r["phone_pass"] and same_number(r["heard"], r["number"])]
    wrong_passed = [
        r
        for r in sub
        if r["phone_pass"]
        and (not r["number"] or not r["number_said_right"] or not same_number(r["heard"], r["number"]))
    ]
    return {"meant": len(meant), "exact": len(exact), "wrong_passed": [r["name"] for r in wrong_passed]}


def bands(rows: list[dict], rate: str) -> dict:
    out = {}
    for b in BANDS:
        sub = [r for r in rows if r["rate"] == rate and r["band"] == b]
        scores = [r["score"] for r in sub]
        out[b] = {
            "n": len(sub),
            "min": min(scores, default=None),
            "max": max(scores, default=None),
            "in_band": sum(band_of(s) == b for s in scores),
            "outside": [f"{r['name']} {r['score']}" for r in sub if band_of(r["score"]) != b],
        }
    return out


def section(
    after: list[dict], before: list[dict] | None, model: str, title: str | None = None, about: str | None = None
) -> str:
    """The tables, under the judged set's heading and description unless `title` and `about`
    give another set's (eval/public/score.py)."""
    lines = [
        START,
        title or "## The judged set (#11): agreement with a coach",
        "",
        about
        or f"`python eval/judge.py` ({datetime.now(UTC).strftime('%Y-%m-%d')}, model {model}): "
        f"{len({r['name'] for r in after})} voicemails written for this check (eval/judged.py: espeak-ng voices "
        "en-us, en-us+m3, en-us+f2, en-us-nyc, en-gb, en-gb-x-rp, en-gb-scotland, en-029 at 145-235 wpm; "
        "Allison's recorded digits and prompts), each reviewed at 16 kHz and as an 8 kHz telephone copy "
        "(sox, 300-3400 Hz). A coach's verdict is ok or flag per check; the reviewer agrees when it passes "
        "what the coach passes and warns or fails what the coach flags; `phone_number` agrees on a pass only "
        "with the right digits. Checks a coach would not commit to on a message (a measure within a margin "
        "of a rubric edge) are left out of its count. Where the review said it could not make a part out "
        '("Couldn\'t make out your name": a warning, when Whisper was unsure of the words), that is no '
        "verdict: it is listed apart and counted in neither number. Score bands: good >= 85, fix one thing "
        "51-84, poor <= 50.",
        "",
    ]
    for rate in ("16k", "8k"):
        ag = agreement(after, rate)
        bg = agreement(before, rate) if before else None
        head = (
            "| check | before | after | disagreements (after) | couldn't make out (after) |"
            if bg
            else "| check | agreement | disagreements | couldn't make out |"
        )
        lines += [f"### {'16 kHz' if rate == '16k' else '8 kHz telephone copies'}", "", head]
        lines.append("|---|---|---|---|---|" if bg else "|---|---|---|---|")
        for c in LABELLED:
            a, n, wrong, unsure = ag[c]
            cell = f"{a}/{n} ({100 * a / n:.0f} %)" if n else "-"
            if bg:
                b, bn, *_ = bg[c]
                bcell = f"{b}/{bn} ({100 * b / bn:.0f} %)" if bn else "-"
                lines.append(f"| `{c}` | {bcell} | {cell} | {', '.join(wrong)} | {', '.join(unsure)} |")
            else:
                lines.append(f"| `{c}` | {cell} | {', '.join(wrong)} | {', '.join(unsure)} |")
        total = [sum(ag[c][0] for c in LABELLED), sum(ag[c][1] for c in LABELLED), sum(len(ag[c][3]) for c in LABELLED)]
        cell = f"{total[0]}/{total[1]} ({100 * total[0] / max(total[1], 1):.1f} %)"
        if bg:
            bt = [sum(bg[c][0] for c in LABELLED), sum(bg[c][1] for c in LABELLED)]
            lines.append(
                f"| all checks | {bt[0]}/{bt[1]} ({100 * bt[0] / max(bt[1], 1):.1f} %) | {cell} | | {total[2]} |"
            )
        else:
            lines.append(f"| all checks | {cell} | | {total[2]} |")
        blamed = content_failed_where_ok(after, rate)
        nm = numbers(after, rate)
        lines += [
            "",
            f"Content checks ({', '.join(CONTENT)}) failed where the coach passes them: {len(blamed)}"
            + (f" ({', '.join(blamed)})" if blamed else "")
            + ".",
            "",
            f"Numbers: {nm['exact']} of {nm['meant']} said right were found exactly and passed; "
            f"wrong numbers passed: {len(nm['wrong_passed'])}"
            + (f" ({', '.join(nm['wrong_passed'])})" if nm["wrong_passed"] else "")
            + (
                f"; before: {numbers(before, rate)['exact']} exact, {len(numbers(before, rate)['wrong_passed'])} wrong passed"
                if before
                else ""
            )
            + ".",
            "",
            "| band | messages | scores | in band | outside |" + (" before: scores, in band |" if before else ""),
            "|---|---|---|---|---|" + ("---|" if before else ""),
        ]
        bb = bands(before, rate) if before else None
        for b, v in bands(after, rate).items():
            row = f"| {b} | {v['n']} | {v['min']}-{v['max']} | {v['in_band']} | {', '.join(v['outside'])} |"
            if bb:
                row += f" {bb[b]['min']}-{bb[b]['max']}, {bb[b]['in_band']} |"
            lines.append(row)
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_section(text: str) -> None:
    old = RESULTS.read_text() if RESULTS.exists() else ""
    if START in old and END in old:
        new = old[: old.index(START)] + text + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip() + "\n\n" + text + "\n"
    RESULTS.write_text(new)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="base")
    ap.add_argument("--save", type=Path, help="write the rows as JSON")
    ap.add_argument("--before", type=Path, help="rows of an earlier version, for a before/after table")
    ap.add_argument("--no-write", action="store_true", help="do not touch eval/RESULTS.md")
    ap.add_argument("--only", nargs="*", help="judge only these messages")
    ap.add_argument("--rows", type=Path, help="rows saved by an earlier --save: write the tables without reviewing")
    ap.add_argument("--profile", action="store_true", help="each rep's profile holds the message's own number")
    args = ap.parse_args()
    rows = (
        json.loads(args.rows.read_text())
        if args.rows
        else judge(args.model, set(args.only) if args.only else None, args.profile)
    )
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(rows, indent=1))
    before = json.loads(args.before.read_text()) if args.before else None
    text = section(rows, before, args.model)
    print(text)
    if not args.no_write and not args.only and not args.profile:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
