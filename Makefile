# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck dockerlint pytest install clean transcript

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Bounce Back needs Python 3.11 or newer: run 'make PYTHON=python3.11 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(STAMP)

## Set up, migrate the database and start the bot (polling). Reads settings from .env.
run: $(STAMP)
	@$(BIN)/bounceback keys init
	@$(BIN)/bounceback run

## Set up and run every check: lint, format, types, Dockerfile lint, tests.
test: lint typecheck dockerlint pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .

dockerlint: $(STAMP)
	$(BIN)/hadolint Dockerfile

pytest: $(STAMP)
	$(BIN)/pytest

## Regenerate docs/conversation.md, conversation-terse.md and conversation-distress.md by
## talking to the real bot process (fake Bot API).
transcript: $(STAMP)
	$(BIN)/python docs/transcript.py --out docs

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info
