#!/bin/bash
# Screenshots in docs/screenshots (#25): the practice page, the team view and the library index,
# from three reviews of the samples under TZ=America/Los_Angeles (needs Debian chromium); copy
# /tmp/shots/*.png over the committed ones.
set -e
cd "$(git rev-parse --show-toplevel)"
W=/tmp/shots; rm -rf $W; mkdir -p $W
export TZ=America/Los_Angeles
DB=$W/history.sqlite
for pair in "alice good_callback" "alice fillers_rushed" "bob real_voice_number"; do
  set -- $pair
  .venv/bin/reviewer review --rep $1 --db $DB --fillers fast --no-profile samples/$2.wav > /dev/null || true
done
.venv/bin/reviewer note 1 "Great opening; slow the number down" --db $DB
.venv/bin/reviewer best 1 --db $DB
.venv/bin/reviewer team --db $DB --html $W/team.html > /dev/null
.venv/bin/reviewer library -o $W/library --db $DB > /dev/null
.venv/bin/reviewer serve --db $DB --data-dir $W/data --port 8766 > $W/serve.log 2>&1 &
SERVER=$!
sleep 12
.venv/bin/python - <<'PY'
from pathlib import Path
from playwright.sync_api import sync_playwright
W = Path("/tmp/shots")
index = next(p for p in (W / "library").glob("*.html"))
with sync_playwright() as pw:
    b = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
    page = b.new_page(viewport={"width": 1280, "height": 900}, timezone_id="America/Los_Angeles")
    page.goto("http://127.0.0.1:8766/")
    page.fill("#rep", "alice")  # her attempts, with the ids, note and best take history shows
    page.wait_for_timeout(3000)
    page.screenshot(path=str(W / "page.png"), full_page=True)
    page.goto(f"file://{W / 'team.html'}")
    page.wait_for_timeout(1000)
    page.screenshot(path=str(W / "team.png"), full_page=True)
    page.goto(f"file://{index}")
    page.wait_for_timeout(1000)
    page.screenshot(path=str(W / "library.png"), full_page=True)
    b.close()
PY
kill $SERVER || true
ls -la $W/*.png
