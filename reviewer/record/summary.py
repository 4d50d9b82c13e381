"""One review's key figures, computed once for every front end.

The CSV row, the history's columns, the server's answers, the HTML report, the terminal and the
practice page all show the same few figures of a review: its score, length, pace, fillers, the
number's fastest saying and how often it was said, the checks it failed, the figure lines
("Fillers 4 (17.3/min): um 0:01, ..."), the three fixes, the page's tiles, the score's band and
how each word of the transcript is shown. `summary_of` makes them from the review's JSON (schema
1, the dict every front end holds, including old ones stored in a history or a batch store,
whose missing `band` and word `unsure` it fills in with rubric.bands), and `Review.summary()` is
the same function on a fresh review.
Moments are written by one formatter, `clock` (m:ss, the second it falls in; rubric/formats.py),
the rubric's messages' own; the practice page's script follows the same rule.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from reviewer.rubric.bands import is_unsure, score_band
from reviewer.rubric.formats import clock, format_digits  # the rubric's, re-exported for every view
from reviewer.rubric.thresholds import Thresholds

# The flat figures, by the names the CSV, the history's columns and the API's attempts share.
FIGURE_KEYS = (
    "score",
    "duration_s",
    "word_count",
    "words_per_minute",
    "filler_count",
    "fillers_per_minute",
    "phone_number",
    "number_digits_per_second",
    "number_times_said",
    "failed_checks",
)
HISTORY_FIGURES = tuple(k for k in FIGURE_KEYS if k != "phone_number")  # the history's figure columns


@dataclass(frozen=True)
class Fix:
    """One of the (up to) three things to fix first, in order."""

    check: str
    status: str  # pass | warn | fail
    message: str
    at: str  # the moment it refers to (m:ss), or ""


@dataclass(frozen=True)
class Tile:
    """One figure as the practice page shows it: a big value, a unit, a line under it, and the
    check that colours it (its status)."""

    key: str
    value: str
    unit: str
    detail: str
    check: str
    status: str  # the check's status, or "" when it was not graded


@dataclass(frozen=True)
class MarkedWord:
    """A transcript's word as every view shows it: highlighted as a filler or as part of the phone
    number, faint when Whisper was unsure of it, else plain."""

    text: str
    start: float  # s
    kind: str  # filler | phone | unsure | "" (plain)


@dataclass(frozen=True)
class Summary:
    score: int | None
    duration_s: float | None  # s, the recording
    speech_s: float | None  # s, first to last speech
    word_count: int | None
    words_per_minute: float | None  # the pace
    filler_count: int | None
    fillers_per_minute: float | None
    phone_number: str  # the digits of the first number heard, or ""
    number_digits_per_second: float | None  # the fastest saying; None without a number
    number_times_said: int  # the most times one number was said; 0 without one
    failed_checks: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]  # (label, text): the figure lines of the terminal and the report
    fixes: tuple[Fix, ...]
    tiles: tuple[Tile, ...]
    band: str | None = None  # good | fair | poor (rubric.bands): the score's colour in every view
    words: tuple[MarkedWord, ...] = ()  # the transcript's words and how each is shown

    def figures_row(self) -> dict:
        """The flat figures (FIGURE_KEYS) as a table row has them: failed checks space-separated."""
        row = {k: getattr(self, k) for k in FIGURE_KEYS}
        row["failed_checks"] = " ".join(self.failed_checks)
        return row

    def to_dict(self) -> dict:
        """JSON: the figures, `band`, `figures` as [{label, text}], `fixes` and `tiles` as objects.
        Not `words`: a JSON reader has the review's own words, each with its `unsure` flag."""
        data = asdict(self)
        del data["words"]
        data["failed_checks"] = list(self.failed_checks)
        data["figures"] = [{"label": label, "text": text} for label, text in self.figures]
        data["fixes"], data["tiles"] = list(data["fixes"]), list(data["tiles"])
        return data


def summary_of(review: dict, thresholds: Thresholds | None = None) -> Summary:
    """The summary of a review's JSON. Fields an older or partial review lacks are None (and
    their figure lines left out), but its band and its unsure words, which views colour, are
    filled in by the rubric's definitions. `thresholds` give the pace tile its target and an old
    review's unsure words their limit (default: the rubric's defaults)."""
    numbers = review.get("phone_numbers") or []
    fastest = max((n["digits_per_second"] for n in numbers), default=None)
    findings = review.get("findings") or []
    start, end = review.get("speech_start_s"), review.get("speech_end_s")
    speech = round(max(0.0, end - start), 3) if start is not None and end is not None else None
    summary = Summary(
        score=review.get("score"),
        duration_s=review.get("duration_s"),
        speech_s=speech,
        word_count=review.get("word_count"),
        words_per_minute=review.get("words_per_minute"),
        filler_count=review.get("filler_count"),
        fillers_per_minute=review.get("fillers_per_minute"),
        phone_number=numbers[0]["digits"] if numbers else "",
        number_digits_per_second=fastest,
        number_times_said=max((n.get("times_said", 1) for n in numbers), default=0),
        failed_checks=tuple(f["check"] for f in findings if f.get("status") == "fail"),
        figures=(),
        fixes=_fixes(review),
        tiles=(),
        band=review.get("band") or score_band(review.get("score")),
        words=_marked_words(review, thresholds or Thresholds()),
    )
    return replace(summary, figures=_figures(review, summary), tiles=_tiles(review, summary, thresholds))


def _figures(r: dict, s: Summary) -> tuple[tuple[str, str], ...]:
    lines: list[tuple[str, str]] = []
    if s.duration_s is not None and s.speech_s is not None:
        lines.append(
            (
                "Length",
                f"{s.duration_s:.1f} s recorded, {s.speech_s:.1f} s spoken "
                f"({r.get('leading_silence_s') or 0.0:.1f} s before, {r.get('trailing_silence_s') or 0.0:.1f} s after)",
            )
        )
    if s.word_count is not None and s.words_per_minute is not None:
        lines.append(("Words", _words_line(r, s)))
    if s.filler_count is not None and s.fillers_per_minute is not None:
        listed = ", ".join(f"{f['text']} {clock(f['start'])}" for f in r.get("fillers") or []) or "none"
        lines.append(("Fillers", f"{s.filler_count} ({s.fillers_per_minute:.1f}/min): {listed}"))
    if r.get("hedges"):
        lines.append(("Hedges", ", ".join(f"{h['text']} {clock(h['start'])}" for h in r["hedges"])))
    if r.get("pauses"):
        lines.append(("Pauses", ", ".join(f"{_pause_s(p):.1f} s at {clock(p['start'])}" for p in r["pauses"])))
    for n in r.get("phone_numbers") or []:
        groups = " · ".join(g["digits"] for g in n.get("groups") or [])
        pauses = ", ".join(f"{p:.2f}" for p in n.get("group_pauses") or [])
        lines.append(
            (
                "Number",
                f"{format_digits(n['digits'])} at {clock(n['start'])}: {n['digits_per_second']:.1f} digits/s"
                + (f", groups {groups}" if groups else "")
                + (f" (pauses {pauses} s)" if pauses else "")
                + (f", said {n.get('times_said', 1)}x" if n.get("occurrence", 1) == 1 else ", repeat"),
            )
        )
    if "phone_numbers" in r and not r["phone_numbers"]:
        lines.append(("Number", "none heard"))
    if r.get("tonality") is not None:
        lines.append(("Tonality", tonality_line(r["tonality"])))
    if r.get("clarity") is not None:
        lines.append(("Clarity", clarity_line(r["clarity"])))
    return tuple(lines)


def _judged_words(r: dict, s: Summary) -> int | None:
    """The count the word limit judges: the number's repeat is free (rubric `word_count`)."""
    judged = r.get("words_for_limit")
    return s.word_count if judged is None else judged


def _judged_pace(r: dict, s: Summary) -> tuple[float | None, bool]:
    """The pace the `pace` check judges, and whether it is the pace outside the number (the
    rubric's measure: outside the number where one was said, else overall)."""
    outside = r.get("words_per_minute_outside_number")
    if outside is not None and r.get("phone_numbers"):
        return outside, True
    return s.words_per_minute, False


def _words_line(r: dict, s: Summary) -> str:
    """The Words line, "45 (35 for the limit: the number's repeat is free) at 177 words a minute overall,
    160 outside your number": each figure named, so none contradicts a check's."""
    judged = _judged_words(r, s)
    counted = f" ({judged} for the limit: the number's repeat is free)" if judged != s.word_count else ""
    pace, outside = _judged_pace(r, s)
    where = f", {pace:.0f} outside your number" if outside and pace is not None else ""
    return f"{s.word_count}{counted} at {s.words_per_minute:.0f} words per minute overall{where}"


def _marked_words(r: dict, t: Thresholds) -> tuple[MarkedWord, ...]:
    """Each word's kind: filler, else phone, else unsure (the review's flag; for a review stored
    before it was recorded, its probability against the rubric's limit), else plain."""

    def kind(w: dict) -> str:
        if w.get("filler"):
            return "filler"
        if w.get("phone"):
            return "phone"
        unsure = w["unsure"] if "unsure" in w else is_unsure(w.get("probability", 1.0), t.unsure_probability)
        return "unsure" if unsure else ""

    return tuple(MarkedWord(w["text"], w["start"], kind(w)) for w in r.get("words") or [])


def _pause_s(p: dict) -> float:
    return p["duration_s"] if "duration_s" in p else p["end"] - p["start"]


def tonality_line(ton: dict) -> str:
    """One line: pitch, endings, level, the number's pace, energy (the findings explain each)."""
    parts = []
    if ton.get("pitch_range_st") is not None:
        parts.append(
            f"pitch {ton['pitch_median_hz']:.0f} Hz, {ton['pitch_range_st']:.0f} st range"
            + (" (monotone)" if ton.get("monotone") else "")
        )
    if ton.get("endings"):
        parts.append(f"{ton['rising_endings']}/{len(ton['endings'])} endings rise")
    if ton.get("level_dbfs") is not None:
        parts.append(f"{ton['level_dbfs']:.0f} dBFS" + (", fades at the end" if ton.get("trailing_off") else ""))
    if ton.get("number_pace_ratio") is not None:
        parts.append(f"number {ton['number_pace_ratio']:.1f}x your pace")
    if ton.get("energy") is not None:
        parts.append(f"energy {ton['energy']}/100")
    return "; ".join(parts) or "too little voiced speech to measure"


def clarity_line(cl: dict) -> str:
    """One line: unsure words, SNR, clipping, bandwidth."""
    unsure = cl.get("unsure_words") or []
    listing = ", ".join(f"{w['text'].strip(',.!?')} {clock(w['start'])}" for w in unsure[:3])
    parts = [f"{len(unsure)} unsure word{'s' if len(unsure) != 1 else ''}: {listing}" if unsure else "no unsure words"]
    if cl.get("snr_db") is not None:
        parts.append(f"SNR {cl['snr_db']:.0f} dB")
    parts.append(f"clipped {cl['clipped_share']:.2%}" if cl.get("clipped_share") else "no clipping")
    if cl.get("telephone_band"):
        parts.append("telephone bandwidth")
    return "; ".join(parts)


def _fixes(r: dict) -> tuple[Fix, ...]:
    by_check = {f["check"]: f for f in r.get("findings") or []}
    return tuple(
        Fix(c, by_check[c]["status"], by_check[c]["message"], clock(by_check[c].get("start")))
        for c in r.get("top_fixes") or []
        if c in by_check
    )


def _tiles(r: dict, s: Summary, thresholds: Thresholds | None) -> tuple[Tile, ...]:
    status = {f["check"]: f.get("status", "") for f in r.get("findings") or []}
    t = thresholds or Thresholds()

    def tile(key: str, value: str, unit: str, detail: str, check: str) -> Tile:
        return Tile(key, value, unit, detail, check, status.get(check, ""))

    tiles = []
    if s.speech_s is not None and s.duration_s is not None:
        tiles.append(tile("length", f"{s.speech_s:.0f}", "s", f"of speech; {s.duration_s:.0f} s recorded", "length"))
    if s.word_count is not None:  # the count the check judges, beside the one said
        judged = _judged_words(r, s)
        free = f"; the number's repeat is free ({s.word_count} said)" if judged != s.word_count else ""
        tiles.append(tile("words", str(judged), "", f"fillers not counted{free}", "word_count"))
    pace, outside = _judged_pace(r, s)
    if pace is not None:  # the pace the check judges
        band = ("outside your number; " if outside else "") + f"aim for {t.pace_min_wpm:g}-{t.pace_max_wpm:g}"
        tiles.append(tile("pace", f"{pace:.0f}", "wpm", band, "pace"))
    if s.filler_count is not None and s.fillers_per_minute is not None:
        tiles.append(tile("fillers", str(s.filler_count), "", f"{s.fillers_per_minute:.1f} per minute", "fillers"))
    if s.number_digits_per_second is not None:
        said = f"said {s.number_times_said}×"
        tiles.append(tile("number", f"{s.number_digits_per_second:.1f}", "digits/s", said, "number_pace"))
    elif "phone_numbers" in r:
        tiles.append(tile("number", "none", "", "no phone number heard", "phone_number"))
    return tuple(tiles)
