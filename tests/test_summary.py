"""One review record on the way out (#13): the figures computed in one place, one moment
formatter, no import cycle, and the batch's resume and dedupe logic without Whisper."""

from __future__ import annotations

import ast
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES, stored_review

from reviewer.apps.batch import Settings, find_jobs, run_batch, write_outputs
from reviewer.record.summary import FIGURE_KEYS, HISTORY_FIGURES, clock, summary_of

# ---- one moment formatter ------------------------------------------------------------


@pytest.mark.parametrize(
    "seconds, shown",
    [
        (None, ""),
        (0.0, "0:00"),
        (7.0, "0:07"),
        (7.49, "0:07"),
        (7.6, "0:07"),  # the second it falls in, as a player's position shows it: never 0:08
        (7.999, "0:07"),
        (59.99, "0:59"),
        (60.0, "1:00"),
        (125.5, "2:05"),
        (-0.3, "0:00"),
    ],
)
def test_a_moment_is_the_second_it_falls_in(seconds, shown):
    assert clock(seconds) == shown


def test_the_page_script_writes_moments_by_the_same_rule():
    """The page's own `clock` (for the words and the chart axes), run under Node, writes every
    moment as `summary.clock` does; every other moment on the page comes from the server, written
    by `summary.clock`."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: the page's script is run under Node (apt-get install nodejs)")
    moments = [None, 0.0, 7.0, 7.49, 7.6, 7.999, 59.99, 60.0, 125.5, -0.3, 3599.5]
    script = ROOT / "reviewer" / "apps" / "server" / "static" / "practice.js"
    program = f"const page = require({json.dumps(str(script))}); console.log(JSON.stringify({json.dumps(moments)}.map(page.clock)));"
    ran = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == [clock(t) for t in moments]


# ---- the summary of a review's JSON -----------------------------------------------------

REVIEW = {  # a hand-made review: moments on the half second, two sayings of one number
    "file": "take.wav",
    "score": 61,
    "duration_s": 20.0,
    "speech_start_s": 0.5,
    "speech_end_s": 19.0,
    "leading_silence_s": 0.5,
    "trailing_silence_s": 1.0,
    "word_count": 40,
    "words_per_minute": 150.5,
    "filler_count": 1,
    "fillers_per_minute": 3.24,
    "fillers": [{"text": "um", "start": 7.6, "end": 7.9}],
    "hedges": [],
    "pauses": [{"start": 12.5, "end": 13.25, "duration_s": 0.75}],
    "phone_numbers": [
        {
            "digits": "2065831947",
            "start": 9.5,
            "end": 13.0,
            "digits_per_second": 2.857,
            "groups": [],
            "group_pauses": [],
            "times_said": 2,
            "occurrence": 1,
        },
        {
            "digits": "2065831947",
            "start": 16.5,
            "end": 18.5,
            "digits_per_second": 5.0,
            "groups": [],
            "group_pauses": [],
            "times_said": 2,
            "occurrence": 2,
        },
    ],  # fmt: skip
    "findings": [
        {"check": "opening", "status": "fail", "message": 'You said "um" at 0:07.', "start": 7.6},
        {"check": "number_pace", "status": "fail", "message": "Your number went by fast.", "start": 16.5},
        {"check": "pace", "status": "pass", "message": "Pace is fine.", "start": None},
        {"check": "length", "status": "warn", "message": "A bit short.", "start": None},
    ],
    "top_fixes": ["opening", "number_pace", "length"],
}


def test_the_summary_of_a_review():
    s = summary_of(REVIEW)
    assert s.figures_row() == {
        "score": 61,
        "duration_s": 20.0,
        "word_count": 40,
        "words_per_minute": 150.5,
        "filler_count": 1,
        "fillers_per_minute": 3.24,
        "phone_number": "2065831947",
        "number_digits_per_second": 5.0,  # the fastest saying
        "number_times_said": 2,
        "failed_checks": "opening number_pace",
    }
    assert dict(s.figures) == {
        "Length": "20.0 s recorded, 18.5 s spoken (0.5 s before, 1.0 s after)",
        "Words": "40 at 150 words per minute overall",
        "Fillers": "1 (3.2/min): um 0:07",
        "Pauses": "0.8 s at 0:12",
        "Number": "206-583-1947 at 0:16: 5.0 digits/s, repeat",
    }
    assert [label for label, _ in s.figures].count("Number") == 2
    assert [(f.check, f.at) for f in s.fixes] == [("opening", "0:07"), ("number_pace", "0:16"), ("length", "")]
    tiles = {t.key: (t.value, t.unit, t.detail, t.status) for t in s.tiles}
    assert tiles["pace"] == ("150", "wpm", "aim for 110-160", "pass")  # Python's rounding, not the page's
    assert tiles["number"] == ("5.0", "digits/s", "said 2×", "fail")
    assert tiles["length"] == ("18", "s", "of speech; 20 s recorded", "warn")
    data = json.loads(json.dumps(s.to_dict()))
    assert data["failed_checks"] == ["opening", "number_pace"] and data["figures"][0]["label"] == "Length"


def test_an_old_or_partial_review_has_a_summary_too():
    """History rows stored by older versions (or by hand) hold less: what is missing is None."""
    s = summary_of({"file": "x.wav", "score": 50, "findings": []})
    assert s.figures_row() == dict.fromkeys(FIGURE_KEYS) | {
        "score": 50,
        "phone_number": "",
        "number_times_said": 0,
        "failed_checks": "",
    }
    assert s.figures == () and s.fixes == ()
    old = {k: v for k, v in REVIEW.items() if k != "pauses"}
    old["phone_numbers"] = [{k: v for k, v in n.items() if k not in ("times_said", "occurrence", "groups")}
                            for n in REVIEW["phone_numbers"][:1]]  # fmt: skip
    assert summary_of(old).number_times_said == 1
    assert dict(summary_of(old).figures)["Number"] == "206-583-1947 at 0:09: 2.9 digits/s, said 1x"


# ---- no import cycle ---------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each reviewer module's imports of the others (dotted names), those inside functions included."""
    modules = {_module_name(p): p for p in (ROOT / "reviewer").rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(
                        [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                    )
                targets = [f"{base}.{a.name}" for a in node.names] + [base]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            deps |= {t for t in targets if t in modules and t != name and t != "reviewer"}
        graph[name] = deps
    return graph


def _reach(graph: dict[str, set[str]], start: list[str]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        for dep in graph.get(todo.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_no_import_cycle():
    graph = _imports()
    assert not any(d.startswith("reviewer.apps") for d in graph["reviewer.present.report"])
    assert [m for m in sorted(graph) if m in _reach(graph, [m])] == []


# The pure analyses read `recognition.words.Word`/`Transcript`; only the passes that decode (the
# recognition engine, and the hidden-filler pass, the second listen and the pipeline that drive it)
# may reach the ASR adapter.
PURE_ANALYSES = (
    "reviewer.recognition.words",
    "reviewer.measures.fillers.transcript",
    "reviewer.measures.fillers.audio",
    "reviewer.measures.pace",
    "reviewer.measures.number.find",
    "reviewer.measures.number.digits",
    "reviewer.measures.number.valid",
    "reviewer.measures.number.timing",
    "reviewer.measures.prosody",
    "reviewer.measures.clarity",
    "reviewer.measures.parts",
    "reviewer.measures.script",
    "reviewer.rubric",
    "reviewer.sound.signal",
    "reviewer.record.summary",
)
# The ASR adapter: the only modules that import faster-whisper or CTranslate2.
ENGINE = (
    "reviewer.recognition.engine",
    "reviewer.recognition.memo",
    "reviewer.recognition.vad",
    "reviewer.recognition.passes",
)


def test_pure_analyses_do_not_import_the_asr_adapter():
    graph = _imports()
    assert not set(ENGINE) & _reach(graph, list(PURE_ANALYSES))
    for path in (ROOT / "reviewer").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
        asr = {m for m in imported if m.split(".")[0] in ("faster_whisper", "ctranslate2")}
        assert not asr or _module_name(path) in ENGINE, f"{path.name} imports {asr}"
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in PURE_ANALYSES)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('faster_whisper', 'ctranslate2')"
        + f" or m in {ENGINE!r}))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_how_it_works_names_every_stage_and_module():
    """Every stage folder, and every module (by its name, its path in the stage, or its
    sub-package's folder), is in README's "How it works"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works") : readme.index("## JSON (schema 1)")]
    listed = set(re.findall(r"`([\w/.]+)`", section))
    package = ROOT / "reviewer"
    stages = {f"reviewer/{p.name}/" for p in package.iterdir() if (p / "__init__.py").exists()}
    assert stages - listed == set()
    missing = []
    for path in package.rglob("*.py"):
        inside = path.relative_to(package).parts
        if path.name in ("__init__.py", "__main__.py") and len(inside) > 1:
            continue
        names = {path.name, "/".join(inside), "/".join(inside[1:]), *(f"{d}/" for d in inside[1:-1])}
        if len(inside) == 1:
            names.add(f"reviewer/{path.name}")
        if not names & listed:
            missing.append("/".join(inside))
    assert missing == []


# ---- the batch's store logic, without Whisper ---------------------------------------------


def test_batch_resumes_and_reviews_identical_files_once_without_whisper(tmp_path, monkeypatch):
    import reviewer.apps.batch.executors

    monkeypatch.setattr(reviewer.apps.batch.executors, "review_job", lambda *a, **k: pytest.fail("Whisper was asked"))
    calls = tmp_path / "calls" / "dana"
    calls.mkdir(parents=True)
    for name, content in [("a.wav", b"A"), ("b.wav", b"B"), ("c.wav", b"A"), ("d.wav", b"D"), ("e.wav", b"E")]:
        (calls / name).write_bytes(content)
    jobs = find_jobs([tmp_path / "calls"])
    out = tmp_path / "out"
    asked: list[str] = []

    def review_fn(file: str, settings: Settings, stop_after: int | None = None):
        if stop_after is not None and len(asked) == stop_after:
            raise KeyboardInterrupt  # Ctrl-C mid-batch
        asked.append(Path(file).name)
        if file.endswith("d.wav"):
            return None, "not a recognised audio format", 0.1
        return stored_review(file, 40 + len(asked)), None, 0.1

    # Ctrl-C after two reviews: what was finished is kept
    with pytest.raises(KeyboardInterrupt):
        run_batch(jobs, out, Settings(), review_fn=lambda f, s: review_fn(f, s, stop_after=2))
    assert asked == ["a.wav", "b.wav"]

    # the same command again reviews only the rest; c.wav is a.wav's twin, reviewed with it
    asked.clear()
    states = []
    rows = run_batch(jobs, out, Settings(), review_fn=review_fn, on_progress=lambda p, j, r: states.append(p))
    assert asked == ["d.wav", "e.wav"]
    last = states[-1]
    assert (last.total, last.done, last.skipped, last.reviewed, last.failed) == (5, 5, 3, 1, 1)
    by = {Path(r["file"]).name: r for r in rows}
    assert by["c.wav"]["review"] == by["a.wav"]["review"] and by["c.wav"]["file"].endswith("c.wav")
    assert by["d.wav"]["error"] == "not a recognised audio format" and by["d.wav"]["review"] is None

    # once more: nothing to do; --force: everything again, the twins once
    asked.clear()
    states.clear()
    again = run_batch(jobs, out, Settings(), review_fn=review_fn, on_progress=lambda p, j, r: states.append(p))
    assert asked == [] and (states[-1].skipped, states[-1].skipped_failed) == (5, 1)
    assert again == rows
    run_batch(jobs, out, Settings(), review_fn=review_fn, force=True)
    assert asked == ["a.wav", "b.wav", "d.wav", "e.wav"]

    # another model is another result: reviewed anew
    asked.clear()
    run_batch(jobs, out, Settings(model="tiny.en"), review_fn=review_fn)
    assert asked == ["a.wav", "b.wav", "d.wav", "e.wav"]

    # and the tables come out of the same records
    paths = write_outputs(rows, out)
    with open(paths["csv"], newline="", encoding="utf-8") as f:
        table = {Path(r["file"]).name: r for r in csv.DictReader(f)}
    assert table["a.wav"]["failed_checks"] == "reason" and table["a.wav"]["number_digits_per_second"] == ""
    assert table["d.wav"]["score"] == "" and table["d.wav"]["error"] == "not a recognised audio format"
    assert len(paths["jsonl"].read_text().splitlines()) == 5


# ---- the figures in one place: CSV, history, API, report and terminal agree -----------------


@pytest.fixture(scope="module")
def one_review(cli, tmp_path_factory):
    """One real review (tiny.en) through `reviewer batch`, with its own history."""
    root = tmp_path_factory.mktemp("one_review")
    audio = root / "calls" / "dana" / "fillers_rushed.wav"
    audio.parent.mkdir(parents=True)
    shutil.copy(SAMPLES / "fillers_rushed.wav", audio)
    out, db = root / "out", root / "history.sqlite"
    result = cli("batch", root / "calls", "-o", out, "--workers", "1", "--model", "tiny.en", "--db", db)
    assert result.exit_code == 0, result.stderr
    (line,) = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    review = {k: v for k, v in json.loads(line).items() if k not in ("rep", "date")}
    return root, audio, out, db, review


def test_csv_history_api_report_and_terminal_show_the_same_figures(one_review):
    from starlette.testclient import TestClient

    from reviewer.apps.server import ServerConfig, create_app
    from reviewer.storage.history import History

    root, audio, out, db, review = one_review
    summary = summary_of(review)
    want = summary.figures_row()
    assert want["phone_number"] and want["failed_checks"] and summary.fixes  # something to compare

    # the CSV
    with open(out / "results.csv", newline="", encoding="utf-8") as f:
        (row,) = list(csv.DictReader(f))
    assert {k: row[k] for k in FIGURE_KEYS} == {k: "" if v is None else str(v) for k, v in want.items()}

    # the history
    with History(db) as h:
        (attempt,) = h.attempts("dana")
    assert {k: getattr(attempt, k) for k in HISTORY_FIGURES} == {k: want[k] for k in HISTORY_FIGURES}

    # the API: the history's attempts, and a review of the same file
    config = ServerConfig(model="tiny.en", device="cpu", db_path=db, data_dir=root / "data")
    with TestClient(create_app(config)) as client:
        (listed,) = client.get("/api/history", params={"rep": "dana"}).json()["attempts"]
        with open(audio, "rb") as f:
            answer = client.post("/api/review", data={"rep": "sam"}, files={"file": ("take.wav", f)})
    assert answer.status_code == 200, answer.text
    stored = {k: want[k] for k in HISTORY_FIGURES} | {"failed_checks": list(summary.failed_checks)}
    assert {k: listed[k] for k in HISTORY_FIGURES} == stored
    assert answer.json()["summary"] == summary.to_dict()

    # the report: the table's figures (the data it sorts on, and the cells) and the drill-down
    page = (out / "report.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)[1])
    (shown,) = data["recordings"]
    for key in ("score", "duration_s", "word_count", "words_per_minute", "fillers_per_minute"):
        assert shown[key] == want[key], key
    assert shown["number_digits_per_second"] == want["number_digits_per_second"]
    assert shown["failed_count"] == len(summary.failed_checks)
    chips = re.findall(r'<span class="chip">([a-z_]+)</span>', page)
    assert chips == list(summary.failed_checks)
    figures = re.search(r'<dl class="figures">(.*?)</dl>', page, re.S)[1]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", figures)
    assert [(html.unescape(a), html.unescape(b)) for a, b in pairs] == list(summary.figures)
    fixes = re.search(r'<ol class="fixes">(.*?)</ol>', page, re.S)[1]
    assert [html.unescape(m) for m in re.findall(r"</span> (.*?)</li>", fixes)] == [f.message for f in summary.fixes]

    # the terminal: the same figure lines and fixes, the fixes' moments too
    from reviewer.apps.cli import main

    shown = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["review", "--no-history", "--model", "tiny.en", str(audio)])
    assert shown.exit_code == 0, shown.stderr
    lines = [" ".join(line.strip("│ ").split()) for line in shown.stdout.splitlines()]
    for label, text in summary.figures:
        assert f"{label} {' '.join(text.split())}" in lines, (label, text)
    for k, fix in enumerate(summary.fixes, 1):
        at = f" ({fix.at})" if fix.at and fix.at not in fix.message else ""
        assert any(line.startswith(f"{k}. ") and line.endswith(f"{fix.message}{at}") for line in lines), fix
