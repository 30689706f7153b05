# The workbook's commands. Each one creates .venv from requirements-lock.txt when needed,
# so a fresh machine with Python 3.11 needs nothing else.
#   make report     execute every notebook and write the HTML report to report/
#   make test       lint, unit tests, doctests, notebook pairing, strict nbval
#   make lab        open the course in JupyterLab
#   make notebooks  re-execute notebooks from a clean kernel and re-pair them (NB=... for some)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NB ?= notebooks/[0-9][0-9]_*.py
NBVAL := --nbval --nbval-sanitize-with nbval_sanitize.cfg -p no:cacheprovider

.PHONY: venv test lint unit nbval notebooks report lab clean

$(STAMP): requirements-lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .

unit: $(STAMP)
	$(BIN)/python -m pytest -q

nbval: $(STAMP)
	$(BIN)/python -m pytest -q $(NBVAL) notebooks/*.ipynb

test: lint unit nbval

notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

report: $(STAMP)
	$(BIN)/python scripts/build_report.py

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

clean:
	rm -rf $(VENV) report .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Benchmarks (benchmark-only packages pinned in benchmarks/requirements.txt), each against a peer in
# the same run: customer_summary vs lifetimes and DuckDB, BG/NBD + Gamma-Gamma fitting vs lifetimes.
# Write benchmarks/results/customer_summary.md and models.md. Takes a few minutes.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/bench_customer_summary.py
	$(BIN)/python benchmarks/bench_models.py --output benchmarks/results/models.md
