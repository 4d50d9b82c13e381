"""Issue 25, counts: the README's two batch lines, in either order and into new output folders,
leave each call once in the history under the manifest's rep; `team` and the batch count the
same recordings (the batch's error rows beside them); the team page's date filter applies to
the per-rep figures too. Through the CLI, `team` as a process under two zones."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import SAMPLES, launch_chromium, require_chromium
from test_batch import copy_scaled

from reviewer.storage.history import History

ZONES = ("America/Los_Angeles", "Asia/Kolkata")
TINY = ("--model", "tiny.en", "--workers", "1")  # the records' logic, not the ASR


@pytest.fixture(scope="module")
def calls(tmp_path_factory):
    """carol's two calls and one file that cannot be reviewed, flat in `calls/` (so the folder's
    rep is "calls"), and a manifest naming carol for all three."""
    root = tmp_path_factory.mktemp("calls")
    copy_scaled(SAMPLES / "good_callback.wav", root / "calls" / "a.wav", 1.0, seconds=6.0)
    copy_scaled(SAMPLES / "fillers_rushed.wav", root / "calls" / "b.wav", 1.0, seconds=6.0)
    (root / "calls" / "bad.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 10)
    (root / "calls.csv").write_text(
        "file,rep,date\ncalls/a.wav,carol,2026-11-23\ncalls/b.wav,carol,2026-11-30\ncalls/bad.wav,carol,2026-11-30\n"
    )
    return root


def batch(cli, root, db, out, manifest: bool):
    args = ("--manifest", root / "calls.csv") if manifest else ()
    return cli("batch", root / "calls", *args, "-o", root / out, *TINY, "--db", db)


def stored(db) -> list[tuple[str, str]]:
    with History(db) as h:
        return sorted((a.rep, a.file.rsplit("/", 1)[-1]) for a in h.attempts())


@pytest.mark.parametrize("manifest_first", [False, True])
def test_the_readme_batch_lines_in_any_order_store_each_call_once_under_its_rep(cli, calls, tmp_path, manifest_first):
    db = tmp_path / "history.sqlite"
    order = [True, False] if manifest_first else [False, True]
    for manifest in order:  # the README's two lines, into one output folder
        assert batch(cli, calls, db, f"out-{manifest_first}", manifest).exit_code == 1  # bad.wav fails
    assert stored(db) == [("carol", "a.wav"), ("carol", "b.wav")]
    again = batch(cli, calls, db, f"new-{manifest_first}", not order[-1])  # a new output folder
    assert "2 already done (2 from the history), 1 failed" in again.stdout, again.stdout
    assert stored(db) == [("carol", "a.wav"), ("carol", "b.wav")]  # not counted twice
    with open(calls / f"new-{manifest_first}" / "results.csv", newline="") as f:
        assert {r["rep"] for r in csv.DictReader(f) if not r["error"]} == {"carol"}  # an error row: its folder's
    with History(db) as h:
        assert sorted(a.reviewed_at for a in h.attempts()) == ["2026-11-23", "2026-11-30"]  # the manifest's dates


@pytest.fixture(scope="module")
def carol_db(cli, calls, tmp_path_factory):
    db = tmp_path_factory.mktemp("carol") / "history.sqlite"
    done = batch(cli, calls, db, "out-carol", manifest=True)
    assert done.exit_code == 1
    return db, done


@pytest.mark.parametrize("zone", ZONES)
def test_team_and_the_batch_count_the_same_recordings(cli_process, carol_db, zone):
    db, done = carol_db
    row = next(line for line in done.stdout.splitlines() if "carol" in line)
    assert [cell.strip() for cell in row.split("│")[2:4]] == ["2", "1"], row  # reviewed, errors
    data = cli_process("team", "--db", db, "--format", "json", env={"TZ": zone}).json()
    assert [(r["rep"], r["takes"]) for r in data["reps"]] == [("carol", 2)]
    text = cli_process("team", "--db", db, env={"TZ": zone, "COLUMNS": "100"}).stdout
    assert "recs: recordings reviewed" in " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("zone", ZONES)
def test_the_team_pages_date_filter_applies_to_the_per_rep_figures(cli_process, carol_db, tmp_path, zone):
    from playwright.sync_api import sync_playwright

    require_chromium()
    db, _ = carol_db
    page_path = tmp_path / "team.html"
    assert cli_process("team", "--db", db, "--html", page_path, env={"TZ": zone}).exit_code == 0
    takes = json.loads(cli_process("team", "--db", db, "--format", "json", env={"TZ": zone}).stdout)["takes"]
    late = next(t for t in takes if t["day"] == "2026-11-30")
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(page_path.as_uri())

        def rep_cells() -> list[list[str]]:
            return page.eval_on_selector_all(
                "#reps tbody tr:not([hidden])", "rows => rows.map(r => [...r.cells].map(c => c.dataset.value || ''))"
            )

        assert rep_cells()[0][1] == "2"
        page.fill("#since", "2026-11-30")
        cells = rep_cells()
        assert cells[0][1] == "1" and float(cells[0][2]) == late["score"], cells  # that week's take only
        page.fill("#since", "2026-12-01")
        assert rep_cells() == [] and page.inner_text("#shown") == "0 recordings shown"
        page.fill("#since", "")
        assert rep_cells()[0][1] == "2"
        browser.close()
    assert problems == []
