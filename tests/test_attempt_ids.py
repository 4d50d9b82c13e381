"""One attempt id everywhere (#25): the page's API, a coach's note and best-take mark, `reviewer
history` and the progress page all name a take by the id `history` prints, through a real
server (uvicorn in a thread) and the installed CLI, in zones west and east of UTC. A note never
replaces another unseen, and a best take is removed only by an explicit `unstar`."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import UTC, datetime

import pytest
from conftest import serve_in_thread, stored_review

from reviewer.apps.server import ServerConfig
from reviewer.storage.history import History

ZONES = ("America/Los_Angeles", "Asia/Kolkata")


@pytest.fixture(scope="module")
def team(tiny_transcriber, tmp_path_factory):
    """alice's takes are #1, #3 and #4 (bob's #2 between them): the page once numbered them 1..3."""
    root = tmp_path_factory.mktemp("ids")
    db = root / "history.sqlite"
    with History(db) as h:
        for i, rep in enumerate(("alice", "bob", "alice", "alice")):
            h.add(stored_review(f"take{i}.wav", 60 + i), rep, when=datetime(2026, 11, 23, 17, i, tzinfo=UTC))
    config = ServerConfig(model="tiny.en", device="cpu", db_path=db, data_dir=root)
    with serve_in_thread(config) as url:
        yield url, db


def call(url: str, method: str = "GET", data: dict | None = None) -> tuple[int, dict]:
    body = None if data is None else json.dumps(data).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"}, method=method)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.parametrize("zone", ZONES)
def test_a_note_set_on_the_page_is_the_one_history_shows_for_that_take(team, cli_process, tmp_path, zone):
    url, db = team
    status, listed = call(f"{url}/api/history?rep=alice")
    assert status == 200 and [a["attempt"] for a in listed["attempts"]] == [1, 3, 4]
    third_of_alice = listed["attempts"][1]["attempt"]  # the page's row "#3": the history's id
    note = f"Slow the number down ({zone})"
    status, coached = call(f"{url}/api/attempts/{third_of_alice}/coach", "POST", {"note": note, "replace": True})
    assert status == 200 and coached == {"attempt": 3, "note": note, "best": False}
    env = {"TZ": zone, "COLUMNS": "80"}
    shown = cli_process("history", "--rep", "alice", "--db", db, env=env)
    assert shown.exit_code == 0, shown.stderr
    assert f'#3 note: "{note}"' in shown.stdout
    local = {"America/Los_Angeles": "2026-11-23 09:02", "Asia/Kolkata": "2026-11-23 22:32"}[zone]
    assert local in shown.stdout  # #3 was stored at 17:02 UTC: shown in the coach's zone
    rows = json.loads(cli_process("history", "--format", "json", "--db", db, env=env).stdout)
    assert {r["id"]: r["note"] for r in rows}[3] == note
    assert [a["note"] for a in call(f"{url}/api/history?rep=alice")[1]["attempts"]] == [None, note, None]
    page = tmp_path / "progress.html"
    assert cli_process("progress", "--rep", "alice", "--db", db, "--html", page, env=env).exit_code == 0
    html = page.read_text(encoding="utf-8")
    for aid in (1, 3, 4):  # the "#" column is the attempt's id, not a row number
        assert f'<tr id="attempt-{aid}"><td>{aid}</td>' in html
    assert "attempt #3:" in html and '<tr id="attempt-2">' not in html
    team = tmp_path / "team.html"
    assert cli_process("team", "--db", db, "--html", team, env=env).exit_code == 0
    rows = team.read_text(encoding="utf-8").split('<tr id="take-')[1:]
    notes = {r.split('"')[0]: r.split("</tr>")[0].count(note) for r in rows}
    assert (notes["1"], notes["3"], notes["4"]) == (0, 1, 0)  # on take #3, in every table it is in


def test_a_note_is_replaced_and_a_best_take_removed_only_on_purpose(team, cli_process):
    url, db = team
    coach = f"{url}/api/attempts/4/coach"
    assert call(coach, "POST", {"note": "Great opening"}) == (
        200,
        {"attempt": 4, "note": "Great opening", "best": False},
    )
    assert call(coach, "POST", {"note": "Great opening"})[0] == 200  # the same note again: nothing replaced
    status, refused = call(coach, "POST", {"note": "Redo it"})
    assert status == 409 and '"Great opening"' in refused["error"] and "replace" in refused["error"]
    status, refused = call(coach, "POST", {"note": ""})  # removing is replacing too
    assert status == 409
    assert call(coach, "POST", {"note": "Redo it", "replace": True}) == (
        200,
        {"attempt": 4, "note": "Redo it", "best": False},
    )

    assert call(coach, "POST", {"best": True})[1]["best"] is True
    assert call(coach, "POST", {"best": True})[1]["best"] is True  # marking twice keeps it: no toggle
    status, refused = call(coach, "POST", {"best": False})
    assert status == 422 and "unstar" in refused["error"]
    assert call(coach, "POST", {"best": True, "unstar": True})[0] == 422
    shown = cli_process("history", "--rep", "alice", "--db", db, env={"TZ": "Asia/Kolkata"}).stdout
    assert '#4 ★ best take · note: "Redo it"' in shown
    assert call(coach, "POST", {"unstar": True}) == (200, {"attempt": 4, "note": "Redo it", "best": False})
    assert call(f"{url}/api/attempts/99/coach", "POST", {"unstar": True})[0] == 404
    assert call(f"{url}/api/attempts/99/coach", "POST", {"note": "x"})[0] == 404
    long_note = "Open with the reason for the call, then the number, slowly. " * 4
    assert call(f"{url}/api/attempts/1/coach", "POST", {"note": long_note, "replace": True})[0] == 200
    shown = cli_process("history", "--rep", "alice", "--db", db, env={"COLUMNS": "80", "TZ": ZONES[0]}).stdout
    assert max(map(len, shown.splitlines())) <= 80 and '#1 note: "Open with the reason' in shown
