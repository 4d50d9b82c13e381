"""One record for every output (#23): the score's band and each word's kind are the record's
(rubric/bands.py: good from 85, fair from 60; a word is unsure under the rubric's 0.4), filled in
by the summary for reviews stored before they were recorded, and every view shows them as they
are; one averager (record/reps.py) gives the batch's and the team view's per-rep figures.
No model: reviews here are JSON and records made by hand."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from rich.console import Console

from reviewer.present.team import render_team
from reviewer.present.terminal import render_review
from reviewer.present.writers import summarise, write_outputs
from reviewer.record.reps import rep_figures
from reviewer.record.review import Review, ReviewWord
from reviewer.record.summary import summary_of
from reviewer.storage.history import History
from reviewer.storage.team import team_data

WORDS = [  # (text, probability, unsure as recorded; None: a review stored before the flag)
    ("Hi", 0.95, False),
    ("sort", 0.45, False),  # under the old 0.5, not under the rubric's 0.4: no longer faint
    ("mumbled", 0.35, True),
]


def stored_review(score: int, *, flags: bool = False, band: str | None = None, file: str = "take.wav") -> dict:
    """A review's JSON as a history row or an old batch JSONL holds it: without `band` and the
    words' `unsure` unless asked."""
    words = []
    for k, (text, p, unsure) in enumerate(WORDS):
        w = {"text": text, "start": float(k), "end": k + 0.5, "probability": p, "filler": False, "phone": False}
        if flags:
            w["unsure"] = unsure
        words.append(w)
    review = {
        "schema": 1,
        "file": file,
        "model": "tiny.en",
        "goal": "callback",
        "score": score,
        "duration_s": 20.0,
        "speech_start_s": 0.5,
        "speech_end_s": 19.0,
        "word_count": 3,
        "words_per_minute": 120.0,
        "filler_count": 0,
        "fillers_per_minute": 0.0,
        "phone_numbers": [],
        "findings": [],
        "top_fixes": [],
        "words": words,
        "transcript": " ".join(t for t, _, _ in WORDS),
    }
    if band is not None:
        review["band"] = band
    return review


@pytest.mark.parametrize(
    "score, band", [(100, "good"), (85, "good"), (84, "fair"), (82, "fair"), (60, "fair"), (59, "poor"), (0, "poor")]
)
def test_the_summary_bands_a_stored_review_by_the_rubric(score, band):
    assert summary_of(stored_review(score)).band == band


def test_the_summary_reads_the_band_and_unsure_flags_a_review_carries():
    summary = summary_of(stored_review(82, flags=True, band="fair"))
    assert summary.band == "fair"
    assert [w.kind for w in summary.words] == ["", "", "unsure"]
    assert summary.to_dict()["band"] == "fair" and "words" not in summary.to_dict()


def test_an_old_reviews_unsure_words_are_filled_in_at_the_rubrics_limit():
    # 0.45 was faint under the views' old 0.5; the rubric's 0.4 (Thresholds.unsure_probability) decides now
    assert [w.kind for w in summary_of(stored_review(90)).words] == ["", "", "unsure"]


def review_record(score: int) -> Review:
    words = tuple(ReviewWord(t, float(k), k + 0.5, p, False, False, unsure) for k, (t, p, unsure) in enumerate(WORDS))
    return Review(
        schema=1,
        file="take.wav",
        model="tiny.en",
        goal="callback",
        duration_s=20.0,
        speech_start_s=0.5,
        speech_end_s=19.0,
        leading_silence_s=0.5,
        trailing_silence_s=1.0,
        transcript=" ".join(t for t, _, _ in WORDS),
        words=words,
        word_count=3,
        words_per_minute=120.0,
        pauses=(),
        fillers=(),
        filler_count=0,
        fillers_per_minute=0.0,
        hedges=(),
        phone_numbers=(),
        findings=(),
        score=score,
        top_fixes=(),
        audio={},
        band=None,  # as a record made before bands: the summary fills it in
    )


def test_the_terminal_colours_82_as_fair_and_fades_only_unsure_words():
    console = Console(record=True, width=100, force_terminal=True, color_system="standard")
    render_review(review_record(82), console)
    shown = console.export_text(styles=True)
    assert re.search(r"\x1b\[1;33m82/100", shown)  # bold yellow: fair (it was green from 80)
    assert re.search(r"\x1b\[2;3mmumbled", shown)  # dim italic: unsure
    assert not re.search(r"\x1b\[[0-9;]*msort", shown)  # 0.45: plain now
    console = Console(record=True, width=100, force_terminal=True, color_system="standard")
    render_review(review_record(85), console)
    assert re.search(r"\x1b\[1;32m85/100", console.export_text(styles=True))  # bold green: good


def test_the_report_shows_82_as_fair_and_fades_only_unsure_words(tmp_path):
    rows = [
        {"file": str(tmp_path / "a.wav"), "rep": "ann", "date": "", "review": stored_review(82, file="a.wav")},
        {
            "file": str(tmp_path / "b.wav"),
            "rep": "ann",
            "date": "",
            "review": stored_review(88, flags=True, file="b.wav"),
        },
        {"file": str(tmp_path / "c.wav"), "rep": "ann", "date": "", "review": None, "error": "unreadable"},
    ]
    page = (write_outputs(rows, tmp_path)["html"]).read_text(encoding="utf-8")
    assert '<span class="score fair">82</span>' in page
    assert '<span class="score good">88</span>' in page
    assert '<span class="score none">—</span>' in page  # the error row: no score, no band
    assert page.count('<span class="w unsure" title="0:02">mumbled</span>') == 2  # flagged, and filled in
    assert '<span class="w unsure" title="0:01">sort</span>' not in page
    # the team's average (85.0) is good; the rep's figures are the team's
    assert re.search(r'data-figure="average_score" class="good"', page)


def test_the_team_view_shows_82_as_fair(tmp_path):
    with History(tmp_path / "h.sqlite") as db:
        db.add(stored_review(82), "ann", when=datetime(2026, 11, 2, 12, tzinfo=UTC))
        db.add(stored_review(90), "bob", when=datetime(2026, 11, 2, 12, tzinfo=UTC))
        data = team_data(db)
    assert [(t["rep"], t["band"]) for t in data["takes"]] == [("ann", "fair"), ("bob", "good")]
    page = render_team(data)
    assert re.search(r'<span class="score fair">82</span>', page)  # ann's row and her take
    assert len(re.findall(r'<span class="score fair">82</span>', page)) == 2
    assert len(re.findall(r'<span class="score good">90</span>', page)) == 2


def test_one_averager_for_the_batch_and_the_team_view(tmp_path):
    figures = [
        {"score": 70, "fillers_per_minute": 1.0, "words_per_minute": 120.0, "number_digits_per_second": None},
        {"score": 85, "fillers_per_minute": 2.5, "words_per_minute": 131.0, "number_digits_per_second": 2.333},
        {"score": 84, "fillers_per_minute": None, "words_per_minute": 140.0, "number_digits_per_second": 2.0},
    ]
    mine = rep_figures(figures, [["pace", "fillers"], ["fillers"], ["pace"]], [["energy"], [], []])
    assert (mine.reviews, mine.score, mine.fillers_per_minute) == (3, 79.67, 1.75)
    assert (mine.words_per_minute, mine.number_digits_per_second, mine.band) == (130.33, 2.17, "fair")
    assert mine.failed == (("pace", 2), ("fillers", 2)) and mine.warned == (("energy", 1),)
    assert rep_figures([]).score is None and rep_figures([]).band is None

    # the batch's per-rep row and the team view's rep row are the same figures of the same reviews
    scores = (70, 85, 84)
    rows = [{"file": f"{k}.wav", "rep": "ann", "date": "", "review": stored_review(s)} for k, s in enumerate(scores)]
    (batch_row, _team) = summarise(rows)
    with History(tmp_path / "h.sqlite") as db:
        for k, s in enumerate(scores):
            db.add(stored_review(s, file=f"{k}.wav"), "ann", when=datetime(2026, 11, 2, 12, k, tzinfo=UTC))
        (team_row,) = team_data(db)["reps"]
    assert batch_row["average_score"] == team_row["score"] == 79.67
    assert batch_row["words_per_minute"] == team_row["words_per_minute"] == 120.0
    assert batch_row["band"] == team_row["band"] == "fair"


def test_the_pages_history_list_carries_each_attempts_band(tmp_path):
    """The practice page colours its list of attempts by the band the API gives (practice.js)."""
    from starlette.testclient import TestClient

    from reviewer.apps.server import ServerConfig, create_app

    with History(tmp_path / "history.sqlite") as db:
        for score in (82, 85, 40):
            db.add(stored_review(score), "dana")
    config = ServerConfig(
        model="tiny.en", device="cpu", db_path=tmp_path / "history.sqlite", data_dir=tmp_path / "data"
    )
    with TestClient(create_app(config)) as client:
        listed = client.get("/api/history", params={"rep": "dana"}).json()["attempts"]
    assert [(a["score"], a["band"]) for a in listed] == [(82, "fair"), (85, "good"), (40, "poor")]
