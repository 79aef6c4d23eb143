# Two commands for a fresh machine: `make run` and `make test` (both set up .venv first).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup run dev bench test check lint schema

setup: $(VENV)/.installed

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# The classroom server: st.App under uvicorn, tuned as docs/benchmarks.md measured (reasons in serve.py):
# uvicorn binds the port itself (TCP_NODELAY), no gc.collect after every rerun, no file watcher, and on
# Linux one process per core sharing the port, each device always served by the same one (reuseport.py).
run: setup
	$(BIN)/python serve.py --port $(PORT)

# For authors: `streamlit run` watching the files and rerunning on save (slower; never for a class).
dev: setup
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true

# The standard load scenarios and the content check (about 15 minutes; numbers in docs/benchmarks.md).
BENCH_OUT ?= /tmp/classroom-bench.json
bench: setup
	$(BIN)/python bench/run.py --json $(BENCH_OUT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

check: setup
	$(BIN)/python -m classroom check

schema: setup
	$(BIN)/python -m classroom schema

# The classroom kiosk: a shared screen that resets itself (docs in classroom/kiosk.py, settings in kiosk.yaml).
# The settings file is checked first, so a mistake stops here with path:line:column messages.
# Served by serve.py like `make run`; --kiosk puts the server in kiosk mode (only the kiosk page exists).
.PHONY: kiosk
KIOSK ?= kiosk.yaml
kiosk: setup
	$(BIN)/python -m classroom.kiosk $(KIOSK)
	$(BIN)/python serve.py --port $(PORT) --kiosk $(KIOSK)

# The kiosk "all day" soak (issue 6): 5,000 visits against one kiosk server, RSS growth under 10% after
# warm-up (6–8 minutes; numbers in docs/benchmarks.md, "Kiosk soak"). JSON in $(SOAK_OUT).
.PHONY: soak
SOAK_OUT ?= /tmp/classroom-kiosk-soak.json
soak: setup
	$(BIN)/python bench/kiosk_soak.py --visits 5000 --kiosks 4 --json $(SOAK_OUT)
