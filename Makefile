# Two commands a new machine needs:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-postgres setup setup-test prerequisites browser gettext bench lint i18n check-generated

# The one Debian package the set-up needs beyond python3 (≥ 3.11) and make: python3-venv (Debian's python3 has no
# venv without it). A C compiler is optional: with gcc and python3-dev the registry import's worksheet scanner is
# built, without them the import reads workbooks with calamine (slower).
prerequisites:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; fi; }

$(BIN)/python: | prerequisites
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e .

setup-test: $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"

# Debian's chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; fi; }

# gettext for scripts/i18n.py (translations, and the tests that check them).
gettext:
	@command -v xgettext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; fi; }

# Set up, load regions and demo data into var/xiezuo.sqlite3, start a worker and the site on :8000.
demo: setup
	$(BIN)/xiezuo demo

# Every test: unit and integration (tests/) and the real browser (e2e/), on SQLite by default,
# on PostgreSQL when XIEZUO_DATABASE_URL is set.
# TEST_PROCESSES=0 runs them in this one process; by default one process per CPU core (pytest-xdist), each with its
# own test database and cache, the browser tests all in one of them.
TEST_PROCESSES ?= auto
test: setup-test browser gettext
	mkdir -p var
	$(BIN)/pytest tests e2e -q -n $(TEST_PROCESSES) --dist loadgroup

test-postgres:
	XIEZUO_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(MAKE) test

bench: setup-test
	$(BIN)/python bench/registry_import.py $(ARGS)

lint: setup-test
	$(BIN)/ruff check .

i18n: setup-test gettext
	$(BIN)/python scripts/i18n.py
	$(BIN)/python scripts/data_dictionary.py

# What CI checks: the committed translations and data dictionary match the code.
check-generated: setup-test gettext
	$(BIN)/python scripts/i18n.py --check
	$(BIN)/python scripts/data_dictionary.py --check
