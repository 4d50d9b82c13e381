"""The practice page in headless Debian Chromium against the real server (uvicorn in a thread).

Chromium's fake microphone plays the good sample (16-bit PCM WAV at 48 kHz, `%noloop` so
the take ends in silence instead of starting over), so the recording takes the page's real
path: getUserMedia, MediaRecorder (WebM/Opus), each piece streamed to the server while it
records (/api/streams), the review after Stop. A first attempt is an upload under a hostile
file name; the recorded second attempt must review like the CLI's review of the same file,
show the comparison with the first, and be exactly the review an upload of the same take
gets. When streaming fails, the page uploads the take after Stop.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
import soundfile as sf
from conftest import (
    OUTPUT,
    SAMPLES,
    check_screenshot,
    launch_chromium,
    require_chromium,
    resample,
    serve_in_thread,
    write_wav,
)
from playwright.sync_api import expect, sync_playwright  # the test extra

from reviewer.apps.server import ServerConfig
from reviewer.record.summary import clock

GOOD = SAMPLES / "good_callback.wav"
HOSTILE = "<img src=x onerror=alert(1)>.wav"
REP = "Sam O'Neil & Co"


@pytest.fixture(scope="module")
def server_url(base_transcriber, tmp_path_factory):

    root = tmp_path_factory.mktemp("practice")
    config = ServerConfig(device="cpu", db_path=root / "history.sqlite", data_dir=root, allowed_hosts=("127.0.0.1",))
    with serve_in_thread(config, start_s=30) as url:
        yield url


@pytest.fixture(scope="module")
def microphone(tmp_path_factory) -> tuple[Path, float]:
    """The good sample as Chromium's fake capture file wants it: 16-bit PCM, 48 kHz."""
    data, rate = sf.read(str(GOOD), dtype="float32")
    path = write_wav(tmp_path_factory.mktemp("mic") / "good_48k.wav", resample(data, rate, 48000), 48000)
    return path, len(data) / rate


@pytest.fixture(scope="module")
def page(microphone):
    require_chromium()
    wav, _ = microphone
    fake_microphone = (
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}%noloop",
    )
    with sync_playwright() as p:
        browser = launch_chromium(p, *fake_microphone)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        yield context.new_page()
        browser.close()


@pytest.fixture(scope="module")
def recorded(page, server_url, microphone) -> dict:
    """An upload under a hostile name, then a take recorded through the fake microphone and
    streamed while it records: what each test of the streamed take starts from, so any of them
    runs alone. Fails (never skips) when the page gives no streamed review."""
    problems, requests = [], []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append("dialog " + d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server_url + "/")
    assert page.locator("#placeholder").is_visible()
    page.fill("#rep", REP)

    # 1. an uploaded file, under a name that would run script if it reached the page as HTML
    with page.expect_response("**/api/review", timeout=120_000) as answer:
        page.set_input_files("#file", files=[{"name": HOSTILE, "mimeType": "audio/wav", "buffer": GOOD.read_bytes()}])
    first = answer.value.json()
    assert answer.value.status == 200, first
    page.wait_for_selector("#review:not([hidden])")
    assert page.inner_text("#title") == HOSTILE
    assert page.inner_text("#comparison") == f"First attempt stored for {REP}."
    page.wait_for_selector("#history-rows tr")

    # 2. the microphone: record for the sample's length (+1.5 s of silence), stop, review; the
    # take streams to the server as it is recorded, and the review comes from the stream
    _, seconds = microphone
    page.click("#record")
    page.wait_for_selector("#stop:not([disabled])")
    page.wait_for_timeout(int((seconds + 1.5) * 1000))
    assert page.inner_text("#timer").startswith("0:2")  # the timer ran
    with page.expect_response("**/api/streams/*/review", timeout=120_000) as answer:
        page.click("#stop")
    review = answer.value.json()
    assert answer.value.status == 200, review
    return {"first": first, "review": review, "problems": problems, "requests": requests}


@pytest.mark.browser
def test_record_review_retry(page, server_url, recorded, sample_reviews):
    """The recorded take streamed, reviews like the CLI's review of the same file, and the page
    shows the server's figures, the comparison with the first attempt and the player."""
    first, review, problems, requests = (recorded[k] for k in ("first", "review", "problems", "requests"))
    assert review["recording"]["name"].startswith("practice-") and review["recording"]["id"].endswith(".webm")
    assert review["stream"]["chunks"] > 20  # a piece every 250 ms, sent while recording
    assert not [u for u in requests if u.endswith("/api/review")][1:], "the take was streamed, not uploaded"

    cli = sample_reviews["good_callback"]  # `reviewer review --format json` of the same file
    assert review["word_count"] == pytest.approx(cli["word_count"], abs=3)
    assert review["words_per_minute"] == pytest.approx(cli["words_per_minute"], rel=0.15)
    assert [n["digits"] for n in review["phone_numbers"]] == [n["digits"] for n in cli["phone_numbers"]]

    # what the page shows of it
    # a locator wait, not wait_for_function: the page's CSP (rightly) forbids eval
    expect(page.locator("#history-rows tr")).to_have_count(2, timeout=30_000)
    assert page.inner_text("#score") == str(review["score"])
    assert page.inner_text("#comparison").startswith("Since your last attempt (")
    # the words the 35-word check judges (the number's repeat free, #25), as the check counts them
    assert page.inner_text('#tiles [data-figure="words"] .v') == str(review["words_for_limit"])
    # the tiles are the server's summary, as sent; every moment is the second it falls in (summary.clock)
    tiles = page.eval_on_selector_all(
        "#tiles .tile",
        "ts => ts.map(t => [t.dataset.figure, t.className, t.querySelector('.v').textContent,"
        " t.querySelector('.d').textContent])",
    )
    assert tiles == [
        [t["key"], "tile " + t["status"], t["value"] + (" " + t["unit"] if t["unit"] else ""), t["detail"]]
        for t in review["summary"]["tiles"]
    ]
    words = page.eval_on_selector_all("#transcript .w", "ws => ws.map(w => w.title)")
    assert words == [clock(w["start"]) for w in review["words"]]
    assert page.locator("#fixes li .at").all_inner_texts() == [
        f"at {f['at']}" for f in review["summary"]["fixes"] if f["at"]
    ]
    messages = {f["check"]: f["message"] for f in review["findings"]}
    fixes = page.locator("#fixes li").all_inner_texts()
    assert len(fixes) == len(review["top_fixes"]) >= 1
    assert all(text.startswith(messages[c]) for text, c in zip(fixes, review["top_fixes"]))
    phone = "".join(page.locator("#transcript .w.phone").all_inner_texts())
    assert "".join(c for c in phone if c.isdigit()) == "".join(n["digits"] for n in review["phone_numbers"])
    assert page.locator("#pace-chart svg polyline").count() == 1
    assert page.locator("#pitch-chart svg polyline").count() >= 1
    rows = page.locator("#history-rows tr")
    assert rows.nth(0).get_attribute("class") == "current"
    assert rows.nth(0).locator("td.score").inner_text() == str(review["score"])
    assert rows.nth(1).locator("td.score").inner_text() == str(first["score"])
    # the stored recording plays back from the server
    assert page.get_attribute("#player", "src") == review["recording"]["url"]
    ready = page.evaluate("""() => new Promise((ok, fail) => { const a = document.getElementById('player');
        if (a.readyState >= 1) return ok(a.readyState);
        a.onloadedmetadata = () => ok(a.readyState); a.onerror = () => fail(new Error('audio ' + a.error.code)); })""")
    assert ready >= 1

    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "practice.png"
    check_screenshot(page, shot)

    assert page.locator("img").count() == 0  # the hostile name stayed text
    assert problems == []
    assert requests and all(u.startswith(server_url + "/") for u in requests), requests


@pytest.mark.browser
@pytest.mark.fresh_reviews
def test_the_streamed_take_reviews_exactly_as_its_upload(server_url, recorded):
    """The streamed review (worked out while the take came in, its model calls answered from
    the session's memo) is the review an upload of the same bytes gets, decoded afresh."""
    import urllib.request

    streamed = recorded["review"]
    take = urllib.request.urlopen(server_url + streamed["recording"]["url"]).read()
    boundary = "reviewer-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="rep"\r\n\r\nupload of the take\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="take.webm"\r\n'
            f"Content-Type: audio/webm\r\n\r\n"
        ).encode()
        + take
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        server_url + "/api/review", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    uploaded = json.loads(urllib.request.urlopen(request, timeout=300).read())
    own = {"file", "recording", "history", "stream"}
    assert {k: v for k, v in streamed.items() if k not in own} == {k: v for k, v in uploaded.items() if k not in own}


@pytest.mark.browser
def test_a_rep_deletes_an_attempt_and_then_all_their_data(page, server_url, recorded):
    """The ✕ on an attempt, then "Delete all": each after a confirm, the recordings go too."""
    import urllib.error
    import urllib.request

    tab = page.context.new_page()  # the first test's page refuses every dialog
    confirms: list[str] = []
    tab.on("dialog", lambda d: (confirms.append(d.message), d.accept()))
    tab.goto(server_url + "/")
    tab.fill("#rep", REP)
    rows = tab.locator("#history-rows tr")
    expect(rows).to_have_count(2, timeout=30_000)
    urls = [
        a["recording_url"]
        for a in json.loads(urllib.request.urlopen(f"{server_url}/api/history?rep={quote(REP)}").read())["attempts"]
    ]
    with tab.expect_response(lambda r: r.request.method == "DELETE") as answer:
        rows.nth(0).locator("button.delete").click()
    assert answer.value.status == 200 and answer.value.json() == {"deleted_attempts": 1, "deleted_recordings": 1}
    expect(rows).to_have_count(1, timeout=30_000)
    with tab.expect_response(lambda r: r.request.method == "DELETE") as answer:
        tab.click("#forget")
    assert answer.value.status == 200 and answer.value.json()["deleted_attempts"] == 1
    expect(rows).to_have_count(0, timeout=30_000)
    assert len(confirms) == 2 and confirms[1].startswith(f"Delete every attempt and recording of {REP}?")
    for url in urls:
        with pytest.raises(urllib.error.HTTPError) as gone:
            urllib.request.urlopen(server_url + url)
        assert gone.value.code == 404
    tab.close()


@pytest.mark.browser
def test_the_page_uploads_the_take_when_streaming_fails(page, server_url):
    """A piece the server never gets (the connection drops): the page keeps every piece and
    uploads the whole take after Stop, as it does a file."""
    tab = page.context.new_page()
    tab.route("**/api/streams/*/chunks/3", lambda route: route.abort())
    sent: list[str] = []
    tab.on("request", lambda r: sent.append(f"{r.method} {r.url.removeprefix(server_url)}"))
    tab.goto(server_url + "/")
    tab.fill("#rep", "Fallback Rep")
    tab.click("#record")
    tab.wait_for_selector("#stop:not([disabled])")
    tab.wait_for_timeout(4000)
    with tab.expect_response("**/api/review", timeout=120_000) as answer:
        tab.click("#stop")
    review = answer.value.json()
    assert answer.value.status == 200, review
    assert review["recording"]["id"].endswith(".webm") and review["duration_s"] > 3
    tab.wait_for_selector("#review:not([hidden])")
    assert tab.inner_text("#score") == str(review["score"])
    assert "POST /api/streams" in sent and not any(s.endswith("/review") and "/api/streams/" in s for s in sent)
    assert any(s.startswith("DELETE /api/streams/") for s in sent)  # the server frees the stream at once
    tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("zone", ("America/Los_Angeles", "Asia/Kolkata"))
def test_the_page_names_takes_by_their_history_id_and_coaches_on_purpose(page, cli_process, tmp_path, zone):
    """The page's rows, note prompt and confirms name a take by the id `reviewer history` prints
    (alice's takes are #1 and #3, bob's #2 between them); a note set on the page is the one
    `history` and `team --html` show for that take; replacing a note and removing a best take each
    ask first; while a review runs, the review pane says so; the browser, the CLI and the team page
    in the coach's zone, west or east of UTC, put each take on the same day (#25)."""
    from datetime import UTC, datetime

    from test_attempt_ids import stored_review

    from reviewer.storage.history import History

    db = tmp_path / "history.sqlite"
    with History(db) as h:
        for i, rep in enumerate(("alice", "bob", "alice")):
            # 03:0i UTC on the 24th: the evening of the 23rd in Los Angeles, the morning of the 24th in Kolkata
            h.add(stored_review(f"take{i}.wav", 60 + i), rep, when=datetime(2026, 11, 24, 3, i, tzinfo=UTC))
        h.set_note(3, "Great opening")
        h.set_best(3)
    config = ServerConfig(device="cpu", db_path=db, data_dir=tmp_path, allowed_hosts=("127.0.0.1",))
    with serve_in_thread(config, start_s=30) as url:
        context = page.context.browser.new_context(timezone_id=zone, locale="en-US")
        tab = context.new_page()
        dialogs, answers = [], ["Slow the number down", "Redo the close"]
        tab.on(
            "dialog", lambda d: (dialogs.append(d.message), d.accept(answers.pop(0) if d.type == "prompt" else None))
        )
        tab.goto(url + "/")
        tab.fill("#rep", "alice")
        rows = tab.locator("#history-rows tr:not(.note-row)")
        expect(rows).to_have_count(2, timeout=30_000)
        assert [rows.nth(i).locator("td").first.inner_text() for i in range(2)] == ["#3", "#1"]
        day = "Nov 23" if zone.startswith("America") else "Nov 24"
        assert all(rows.nth(i).locator("td.when").inner_text().startswith(day) for i in range(2))
        rows.nth(1).locator("button.note").click()  # a first note: no confirm
        expect(tab.locator("#history-rows td.note")).to_have_count(2)
        rows.nth(0).locator("button.note").click()  # another note on #3: shown, and asked first
        expect(tab.locator("#history-rows td.note").first).to_have_text("Coach: Redo the close")
        rows.nth(0).locator("button.best").click()
        expect(tab.locator("#history-rows button.best.on")).to_have_count(0)
        assert dialogs[0].startswith("Coach's note on attempt #1") and dialogs[1].startswith(
            "Coach's note on attempt #3"
        )
        assert (
            dialogs[2].startswith("Attempt #3 already has a note:\n\nGreat opening") and "Redo the close" in dialogs[2]
        )
        assert dialogs[3].startswith("Remove attempt #3 from the best takes") and len(dialogs) == 4
        shown = cli_process("history", "--rep", "alice", "--db", db, env={"TZ": zone, "COLUMNS": "80"}).stdout
        assert '#1 note: "Slow the number down"' in shown and '#3 note: "Redo the close"' in shown
        assert "★" not in shown and f"2026-11-{day[-2:]}" in shown
        team_page = tmp_path / "team.html"
        assert cli_process("team", "--db", db, "--html", team_page, env={"TZ": zone}).exit_code == 0
        html = team_page.read_text(encoding="utf-8")
        for take, note in ((1, "Slow the number down"), (3, "Redo the close")):
            row = html.split(f'<tr id="take-{take}"')[1].split("</tr>")[0]
            assert f'data-date="2026-11-{day[-2:]}"' in row and f'<div class="note">{note}</div>' in row
            assert "★" not in row

        # a review under way: the review pane shows it, where the review will appear
        held = []
        tab.route("**/api/review", lambda route: held.append(route))
        tab.set_input_files("#file", files=[{"name": "take.wav", "mimeType": "audio/wav", "buffer": GOOD.read_bytes()}])
        expect(tab.locator("#result #status")).to_be_visible()
        expect(tab.locator("#placeholder")).to_be_hidden()
        assert "Reviewing" in tab.inner_text("#result #status")
        held[0].fulfill(status=503, json={"error": "the server is busy"})
        expect(tab.locator("#status")).to_be_hidden()
        expect(tab.locator("#placeholder")).to_be_visible()
        context.close()
