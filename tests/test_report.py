"""The batch report, from real reviews of real recordings, in a real headless Chromium.

The reviews run once per module through the CLI (no batch store needed to render). Two
recordings carry hostile names: a file `<img src=x onerror=alert(2)>.wav`, and a rep
folder `<script>alert(1)<` holding `script>.wav`, so the shown path reads
`<script>alert(1)</script>.wav` (a file name cannot hold a `/`). Either would run script
if any name reached the page unescaped; the browser tests listen for the dialog.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import OUTPUT, SAMPLES, check_screenshot, launch_chromium, require_chromium
from playwright.sync_api import sync_playwright  # the test extra

from reviewer.apps.batch import find_jobs, summarise, write_outputs
from reviewer.present.report import audio_src
from reviewer.rubric.score import cap_note, score_explanation
from reviewer.rubric.thresholds import Thresholds

SCRIPT_REP = "<script>alert(1)<"
SCRIPT_PATH = "<script>alert(1)</script>.wav"  # as shown: rep folder + file name
IMG_NAME = "<img src=x onerror=alert(2)>.wav"
PLAN = [  # (rep folder, file name, sample)
    ("alice", "good_callback.wav", "good_callback"),
    ("alice", "fillers_rushed.wav", "fillers_rushed"),
    ("bob", "too_long.wav", "too_long"),
    ("bob", IMG_NAME, "real_voice_number"),
    (SCRIPT_REP, "script>.wav", "real_fillers"),
]


@pytest.fixture(scope="module")
def rows(cli, tmp_path_factory) -> list[dict]:
    """Stored-result rows as `run_batch` returns them, from real reviews, plus one error row."""
    calls = tmp_path_factory.mktemp("calls")
    for rep, name, sample in PLAN:
        (calls / rep).mkdir(exist_ok=True)
        shutil.copy(SAMPLES / f"{sample}.wav", calls / rep / name)
    (calls / "carol").mkdir()
    (calls / "carol" / "broken.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 10)
    jobs = find_jobs([calls])
    assert len(jobs) == len(PLAN) + 1
    result = cli("review", "--format", "json", *[j.file for j in jobs])
    assert result.exit_code == 1, result.stderr  # the broken file
    reviews = result.json()
    assert [r["file"] for r in reviews] == [j.file for j in jobs]
    out = []
    for k, (job, r) in enumerate(zip(jobs, reviews)):
        error = r.get("error")
        out.append(
            {
                "file": job.file,
                "rep": job.rep,
                "date": f"2024-05-{20 - k:02d}",
                "review": None if error else r,
                "error": error,
            }
        )
    assert sum(r["error"] is not None for r in out) == 1
    return out


@pytest.fixture(scope="module")
def report(rows, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    return write_outputs(rows, out)["html"]


# ---- the HTML itself ---------------------------------------------------------------------


def test_report_is_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"https?://", html, re.I)
    assert not re.search(r"<link\b|@import|url\(|<iframe|<object|<embed|\bfetch\(|XMLHttpRequest", html, re.I)
    # the only external references are the recordings, relative to the report
    srcs = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert len(srcs) == len(PLAN)  # one player per reviewed recording; none for the broken one
    assert all(re.fullmatch(r"[A-Za-z0-9%._~/-]+", s) and not s.startswith("/") for s in srcs), srcs
    assert html.count('<audio controls preload="none"') == len(PLAN)


def test_report_escapes_names_and_transcripts(report, rows):
    html = report.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.wav" in html
    assert "&lt;img src=x onerror=alert(2)&gt;.wav" in html
    assert '<option value="&lt;script&gt;alert(1)&lt;">&lt;script&gt;alert(1)&lt;</option>' in html
    # three scripts of our own: the class switch, the data, the behaviour
    assert len(re.findall(r"<script\b", html)) == 3
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and "\\u003cimg src=x onerror=alert(2)\\u003e.wav" in data
    assert "Kevin Marsh" in html  # transcripts are there, as text


def test_audio_src_points_at_the_recording_from_the_report(rows, report):
    for row in rows:
        src = audio_src(row["file"], report.parent)
        assert "<" not in src and " " not in src
        assert (report.parent / unquote(src)).resolve() == Path(row["file"]).resolve()


def test_the_score_is_explained_with_its_caps_and_a_capped_score_says_so(report, rows, cli):
    """The footer and the Score column's help state the caps (before: "the weighted share of
    checks passed, a warning counting half", no caps); a capped review's drill-down and its
    terminal view name the gate that held it down."""
    html = report.read_text(encoding="utf-8")
    note = score_explanation()
    assert html.count(note) == 2  # the footer and the Score column's help
    assert f"capped at {Thresholds().gate_no_number} with no valid number" in note
    capped = [r for r in rows if r["review"] and r["review"]["score_cap"] < 100]
    assert capped, [r["review"]["score"] for r in rows if r["review"]]
    review = capped[0]["review"]
    said = cap_note(review["score_cap"], review["score_capped_by"])
    assert f"({said})" in html
    shown = cli("review", capped[0]["file"]).stdout
    assert f"capped at {review['score_cap']} by" in " ".join(shown.split())


# ---- in the browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


class Page:
    """A loaded report that records everything that should never happen on it."""

    def __init__(self, page, url: str):
        self.page, self.console_errors, self.page_errors, self.dialogs, self.requests = page, [], [], [], []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url)
        page.wait_for_load_state("load")

    def assert_clean(self):
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []
        assert self.requests and all(u.startswith("file://") for u in self.requests), self.requests

    def rows(self) -> list[dict]:
        """The recordings table as shown: visible rows, each column's text by key."""
        return self.page.eval_on_selector_all(
            "table#recordings tr.row",
            """trs => trs.filter(tr => tr.offsetParent !== null).map(tr => {
                 const o = {rep: tr.dataset.rep};
                 tr.querySelectorAll('td[data-key]').forEach(td => { o[td.dataset.key] = td.innerText.trim(); });
                 return o; })""",
        )

    def open(self, text: str):
        self.page.locator("table#recordings tr.row", has_text=text).first.click()


@pytest.fixture
def page(browser, report):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    p = Page(context.new_page(), report.as_uri())
    yield p
    context.close()


def numbers(values: list[str]) -> list[float | None]:
    return [None if v in ("", "—") else float(v) for v in values]


@pytest.mark.browser
def test_page_loads_clean_with_team_view(page, rows):
    p = page.page
    reviewed = sum(r["review"] is not None for r in rows)
    assert p.inner_text('#team [data-figure="recordings"]') == str(len(rows))
    assert p.inner_text('#team [data-figure="reviewed"]') == str(reviewed)
    assert p.inner_text('#team [data-figure="errors"]') == "1"
    team = summarise(rows)[-1]
    assert p.inner_text('#team [data-figure="average_score"]').startswith(f"{team['average_score']:.0f}")
    assert len(page.rows()) == len(rows)
    assert p.locator("table#summary tbody tr").count() == 4  # alice, bob, carol, the hostile rep
    page.assert_clean()


@pytest.mark.browser
def test_header_click_sorts_numbers_numerically_both_ways(page):
    p = page.page
    before = numbers([r["word_count"] for r in page.rows()])
    shown = [v for v in before if v is not None]
    assert sorted(shown) != sorted(shown, key=lambda v: str(int(v)))  # 2- and 3-digit counts: text sort would differ
    th = p.locator('table#recordings th[data-key="word_count"]')
    th.click()
    asc = numbers([r["word_count"] for r in page.rows()])
    assert asc[: len(shown)] == sorted(shown) and asc[len(shown) :] == [None]  # the error row last
    assert asc != before
    assert th.get_attribute("aria-sort") == "ascending"
    assert p.evaluate("th => getComputedStyle(th, '::after').content", th.element_handle()) == '"▲"'
    th.click()
    desc = numbers([r["word_count"] for r in page.rows()])
    assert desc[: len(shown)] == sorted(shown, reverse=True) and desc[len(shown) :] == [None]
    assert th.get_attribute("aria-sort") == "descending"
    assert p.evaluate("th => getComputedStyle(th, '::after').content", th.element_handle()) == '"▼"'
    # another column takes over the indicator; text sorts as text
    rep_th = p.locator('table#recordings th[data-key="rep"]')
    rep_th.click()
    assert th.get_attribute("aria-sort") is None and rep_th.get_attribute("aria-sort") == "ascending"
    reps = [r["rep"] for r in page.rows()]
    assert reps == sorted(reps, key=str.lower)
    page.assert_clean()


@pytest.mark.browser
def test_rep_filter_hides_other_reps_and_their_drill_downs(page, rows):
    p = page.page
    p.click("#expand-all")
    assert p.locator("table#recordings tr.detail:visible").count() == len(rows)
    options = p.eval_on_selector_all("select#rep-filter option", "os => os.map(o => [o.value, o.textContent])")
    assert options[0] == ["", "all reps"] and [v for v, _ in options[1:]] == sorted({r["rep"] for r in rows})
    p.select_option("select#rep-filter", "alice")
    shown = page.rows()
    assert [r["rep"] for r in shown] == ["alice", "alice"]
    assert p.locator("table#recordings tr.detail:visible").count() == 2
    assert p.locator('table#recordings tbody[data-rep="bob"] tr.row').first.is_hidden()
    assert "2 of 6" in p.inner_text("#shown-count")
    assert p.get_attribute('table#summary tr[data-summary-rep="alice"]', "class") == "selected"
    p.select_option("select#rep-filter", SCRIPT_REP)
    assert [r["file"] for r in page.rows()] == [SCRIPT_PATH]
    p.select_option("select#rep-filter", "")
    assert len(page.rows()) == len(rows)
    page.assert_clean()


@pytest.mark.browser
def test_hostile_names_show_as_text_and_run_nothing(page):
    p = page.page
    files = [r["file"] for r in page.rows()]
    assert SCRIPT_PATH in files and f"bob/{IMG_NAME}" in files
    assert p.locator("img").count() == 0
    assert p.locator("script").count() == 3
    p.click("#expand-all")  # drill-downs show the full paths too
    assert p.locator("table#recordings h3", has_text=SCRIPT_PATH).count() == 1
    assert p.locator("table#recordings h3", has_text=IMG_NAME).count() == 1
    assert p.evaluate("typeof window.alert") == "function"
    page.assert_clean()


@pytest.mark.browser
def test_drill_down_shows_highlights_findings_fixes_and_a_working_player(page, rows):
    p = page.page
    review = next(r["review"] for r in rows if r["file"].endswith("fillers_rushed.wav"))
    detail = p.locator("table#recordings tbody", has_text="fillers_rushed.wav").locator("tr.detail")
    assert detail.is_hidden()
    page.open("fillers_rushed.wav")
    assert detail.is_visible()
    fillers = detail.locator(".transcript .w.filler").all_inner_texts()
    assert fillers == [w["text"] for w in review["words"] if w["filler"]] and fillers
    phone = detail.locator(".transcript .w.phone").all_inner_texts()
    assert phone == [w["text"] for w in review["words"] if w["phone"] and not w["filler"]] and phone
    findings = detail.locator("li.finding")
    assert findings.count() == len(review["findings"])
    marks = {"pass": "✓", "warn": "!", "fail": "✗"}
    for k, f in enumerate(review["findings"]):
        li = findings.nth(k)
        assert li.get_attribute("data-status") == f["status"]
        assert li.locator(".mark").inner_text() == marks[f["status"]]
    by_check = {f["check"]: f["message"] for f in review["findings"]}
    assert detail.locator("ol.fixes li").all_inner_texts() == [
        f"{marks[next(f['status'] for f in review['findings'] if f['check'] == c)]} {by_check[c]}"
        for c in review["top_fixes"]
    ]
    # the player finds the recording next to the report, even under the hostile name
    audio = detail.locator("audio")
    assert audio.get_attribute("preload") == "none" and audio.get_attribute("controls") is not None
    page.open(IMG_NAME)
    hostile = p.locator("table#recordings tbody", has_text=IMG_NAME).locator("audio")
    duration = hostile.evaluate("""a => new Promise((ok, fail) => {
        a.onloadedmetadata = () => ok(a.duration);
        a.onerror = () => fail(new Error('audio error ' + (a.error && a.error.code)));
        a.preload = 'metadata'; a.load(); })""")
    assert duration == pytest.approx(23.7, abs=0.1)
    # an error row's drill-down gives the reason
    page.open("broken.wav")
    reason = p.locator("table#recordings tbody", has_text="broken.wav").locator(".reason")
    error = next(r["error"] for r in rows if r["error"])
    assert reason.is_visible() and error in reason.inner_text()
    page.assert_clean()


@pytest.mark.browser
def test_screenshot(page):
    """A picture for people: sorted by score, one recording open."""
    p = page.page
    p.click('table#recordings th[data-key="score"]')
    page.open("fillers_rushed.wav")
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "report.png"
    detail = p.locator("table#recordings tbody", has_text="fillers_rushed.wav").locator("tr.detail")
    assert detail.is_visible() and p.locator("table#recordings tr.detail:visible").count() == 1
    check_screenshot(p, shot)
    page.assert_clean()
