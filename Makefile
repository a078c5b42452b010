# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck layers check eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The bot on the embedded default: watches seeds/ (and configured feeds), posts each brief to
# the console, answers questions typed on stdin. Ctrl-C stops it cleanly.
run: $(STAMP)
	$(BIN)/summit run

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/ruff check bot tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck layers test

# The labelled corpus is not in this repository: it sits beside the checkout.
CORPUS ?= ../shared/corpus
eval: $(STAMP)
	@test -d "$(CORPUS)" || { echo "make eval: no labelled corpus at $(CORPUS) (expected beside the checkout as ../shared/corpus; run make eval CORPUS=DIR for another folder)" >&2; exit 2; }
	$(BIN)/summit eval "$(CORPUS)"

bench: $(STAMP)
	$(BIN)/python bench/brief_speed.py
	$(BIN)/python bench/qa_speed.py
	$(BIN)/python bench/watch_speed.py
	$(BIN)/python bench/slack_ack.py
	$(BIN)/python bench/ledger_speed.py
	$(BIN)/python bench/ledger_matching.py
	$(BIN)/python bench/cli_start.py
	$(BIN)/python bench/workers_speed.py
	$(BIN)/python bench/poll_speed.py

clean:
	rm -rf $(VENV) build *.egg-info
