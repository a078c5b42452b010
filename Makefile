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

# The main job on the embedded default: brief the coverage in seeds/ to the terminal.
run: $(STAMP)
	@for f in seeds/*.txt; do $(BIN)/summit brief "$$f" --format text || exit $$?; echo; done

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

eval: $(STAMP)
	$(BIN)/summit eval ../shared/corpus

bench: $(STAMP)
	$(BIN)/python bench/brief_speed.py

clean:
	rm -rf $(VENV) build *.egg-info
