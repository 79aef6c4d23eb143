# Two commands for a fresh machine: `make run` and `make test` (both set up .venv first).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup run dev test check lint schema

setup: $(VENV)/.installed

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: setup
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.headless true

dev: setup
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.runOnSave true

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

check: setup
	$(BIN)/python -m classroom check

schema: setup
	$(BIN)/python -m classroom schema
