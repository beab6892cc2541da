# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run chat test lint typecheck dockerlint pytest install clean transcript transcripts \
	extract-messages update-messages init-language compile-messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Bounce Back needs Python 3.11 or newer: run 'make PYTHON=python3.11 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(STAMP) compile-messages

## Set up, migrate the database and start the bot (polling). Reads settings from .env.
run: $(STAMP) compile-messages
	@$(BIN)/bounceback keys init
	@$(BIN)/bounceback run

## Try the coach in this terminal: no token, no network (its own database, data/chat.db).
## Pass options with ARGS, e.g. make chat ARGS="--language de --speed 3600".
chat: $(STAMP) compile-messages
	@$(BIN)/bounceback chat $(ARGS)

## Set up and run every check: lint, format, types, Dockerfile lint, tests.
test: lint typecheck dockerlint pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .

dockerlint: $(STAMP)
	$(BIN)/hadolint Dockerfile

pytest: $(STAMP) compile-messages
	$(BIN)/pytest

## Regenerate docs/conversation.md, conversation-terse.md and conversation-distress.md by
## talking to the real bot process (fake Bot API).
transcript: $(STAMP) compile-messages
	$(BIN)/python docs/transcript.py --out docs

## Regenerate docs/transcripts/<language>.md: a whole journey typed in each language, by talking
## to the real bot process (fake Bot API).
transcripts: $(STAMP) compile-messages
	$(BIN)/python docs/transcript_languages.py --out docs/transcripts

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info

## Translations (README, "Languages"). The English texts in core/texts are the source.
LOCALES := core/locale
POT := $(LOCALES)/bounceback.pot
PO_FILES := $(wildcard $(LOCALES)/*/LC_MESSAGES/bounceback.po)
MO_FILES := $(PO_FILES:.po=.mo)

## Write core/locale/bounceback.pot from the English texts.
extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F pyproject.toml --no-location \
		--project=bounceback -o $(POT) .

## Merge the template into every language's .po (changed English becomes "fuzzy": review it).
update-messages: extract-messages
	$(BIN)/pybabel update -i $(POT) -d $(LOCALES) -D bounceback --no-fuzzy-matching --ignore-obsolete -w 100

## Start a new language: make init-language LANG_CODE=it
init-language: extract-messages
	$(BIN)/pybabel init -i $(POT) -d $(LOCALES) -D bounceback -l $(LANG_CODE)

## Build the .mo files the bot reads (make run and make install do this too).
compile-messages: $(MO_FILES)

$(LOCALES)/%/LC_MESSAGES/bounceback.mo: $(LOCALES)/%/LC_MESSAGES/bounceback.po $(STAMP)
	$(BIN)/pybabel compile --statistics -D bounceback -i $< -o $@
