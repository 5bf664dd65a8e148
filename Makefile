# The README's commands. `make site` sets up .venv, checks the records and builds site/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AUDIENCE ?= $(or $(BARRIERKB_AUDIENCE),public)
SITE_DIR := $(if $(filter internal,$(AUDIENCE)),site-internal,site)

.PHONY: site serve test check lint bench screenshots briefings-png clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/barrierkb check

site: check
	NO_MKDOCS_2_WARNING=1 BARRIERKB_AUDIENCE=$(AUDIENCE) $(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

bench: $(STAMP)
	$(BIN)/python -m benchmarks

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf site site-internal build .pytest_cache
