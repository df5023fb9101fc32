# Two commands on a fresh clone: `make run` (the app on the bundled seeds) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?=
DBARG  := $(if $(DB),--db $(DB),)
MODEL  ?=
MODELARG := $(if $(MODEL),--model $(MODEL),)

.PHONY: run test install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changes, so a second `make` is fast.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q annotator  # as pip install does: no compiling at each launch
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/annotator import seeds $(DBARG) $(MODELARG)
	$(BIN)/annotator gui $(DBARG) $(MODELARG)

test: install-test
	$(BIN)/ruff check annotator tests benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/lint-imports

bench: install-test
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/quotes.py

clean:
	rm -rf $(VENV) build *.egg-info
