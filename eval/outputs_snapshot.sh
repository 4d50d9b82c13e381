#!/bin/bash
# Every front end's output on the bundled audio, to diff two versions of reviewer (#23):
#   eval/outputs_snapshot.sh CHECKOUT OUTDIR        (run once per checkout, then diff the folders)
# `review --format json` per file (samples/, tests/data/), with --goal educate, --fillers fast,
# --script and a profile; the terminal view; a batch (CSV, JSONL, HTML report); history,
# progress and team (text and HTML). Uses this checkout's .venv and models/ (override with PY
# and REVIEWER_MODELS_DIR); runs inside CHECKOUT so that its code is the one imported.
set -u
src=$(cd "$1" && pwd); out=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$here/.venv/bin/python}
export PYTHONPATH=$src REVIEWER_MODELS_DIR=${REVIEWER_MODELS_DIR:-$here/models} REVIEWER_DB=$out/h.db
export REVIEWER_REP=snap COLUMNS=160
main=reviewer.cli; [ -e "$src/reviewer/apps" ] && main=reviewer.apps.cli
r() { "$PY" -c "import sys; sys.argv[0] = 'reviewer'; from $main import main; main()" "$@"; }
cd "$src" && rm -f "$out/h.db"
for f in samples/*.wav tests/data/*.wav tests/data/verdicts/*.wav; do
  n=$(echo "$f" | tr / _)
  r review --format json --no-profile "$f" > "$out/$n.json" 2> "$out/$n.err"
done
r review --format json --no-profile --goal educate samples/good_callback.wav samples/fillers_rushed.wav > "$out/educate.json" 2>&1
r review --format json --no-profile --fillers fast samples/real_fillers.wav tests/data/hesitant_phone.wav > "$out/fast.json" 2>&1
r review --format json --no-profile --script samples/scripts/good_callback.txt samples/good_callback.wav > "$out/script.json" 2>&1
r review --format json --name "Dana Reyes" --company Northwind --number 5035550123 samples/good_callback.wav \
  tests/data/verdicts/uk.wav > "$out/profile.json" 2>&1
r review --no-profile --no-history samples/good_callback.wav samples/fillers_rushed.wav tests/data/verdicts/two_numbers.wav \
  > "$out/text.txt" 2>&1
r batch --no-profile -o "$out/batch" --workers 1 --db "$out/h.db" samples/ > "$out/batch.txt" 2>&1
r history > "$out/history.txt" 2>&1
r progress > "$out/progress.txt" 2>&1
r progress --html "$out/progress.html" > "$out/progress_html.txt" 2>&1
r team > "$out/team.txt" 2>&1
r team --html "$out/team.html" > "$out/team_html.txt" 2>&1
