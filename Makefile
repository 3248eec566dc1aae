# Jaring: `make run` serves the demo as production runs (gunicorn, DEBUG off, worker, periodic jobs), `make dev`
# with Django's autoreloading debug server; `make test` runs every check. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test lint format install install-dev worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The demo logins are printed with the address served; keys are generated once into the data dir (one machine).
run: install
	JARING_SITE_URL=$${JARING_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/jaring demo
	@echo "Serving Jaring on http://$(HOST):$(PORT)/ (staff: http://$(HOST):$(PORT)/petugas/) - Ctrl+C to stop"
	JARING_HTTPS=$${JARING_HTTPS:-0} JARING_SITE_URL=$${JARING_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/jaring run_local --bind $(HOST):$(PORT)

dev: install
	JARING_DEBUG=1 JARING_SITE_URL=$${JARING_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/jaring demo
	JARING_DEBUG=1 $(BIN)/jaring run_local --bind $(HOST):$(PORT)

# Packages mypy keeps clean (widen as more become clean; see docs/development.md).
MYPY_PACKAGES := src/jaring/lib src/jaring/accounts src/jaring/audit

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(MYPY_PACKAGES)
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache
