# The workbook's commands. Each one creates .venv from requirements-lock.txt when needed,
# so a fresh machine with Python 3.11 needs nothing else.
#   make report     execute every notebook and write the HTML report to report/
#   make test       lint and the import contract, drift, unit tests and doctests, strict nbval, browser tests
#   make app        serve the calculators as a small web app (Voila) on http://127.0.0.1:$(APP_PORT)/
#   make lab        open the course in JupyterLab
#   make notebooks  re-execute notebooks from a clean kernel and re-pair them (NB=... for some)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NB ?= notebooks/[0-9][0-9]_*.py
NBVAL := --nbval --nbval-sanitize-with nbval_sanitize.cfg -p no:cacheprovider
CHROMIUM := /usr/bin/chromium
APP_PORT ?= 8866

.PHONY: venv test lint drift unit nbval ui chromium npm notebooks report app lab clean

$(STAMP): requirements-lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(STAMP)

# ruff, and the three layers' import contract (pyproject.toml [tool.importlinter]; CONTRIBUTING.md).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# Generated files against their source (nbdev's habit): the school's data files regenerated into a
# temporary folder byte for byte, and every notebook pair (.py / .ipynb, the app's too) holding the same cells.
drift: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m drift tests

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not drift" --ignore=tests/ui

nbval: $(STAMP)
	$(BIN)/python -m pytest -q $(NBVAL) notebooks/*.ipynb

# Browser tests (tests/ui): JupyterLab and Voila driven by Playwright in Debian's Chromium,
# and the report opened from disk. They need the report built first.
ui: $(STAMP) chromium report
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/ui

test: lint drift unit nbval ui

# Debian's Chromium for the browser tests (never a browser download by Playwright).
chromium:
	test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

# npm fetches the widget renderer of the report once (scripts/build_report.py pins and checks it).
npm:
	command -v npm >/dev/null || (apt-get update && apt-get install -y npm)

notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

report: $(STAMP) npm
	$(BIN)/python scripts/build_report.py

# The calculators app: app/calculators.py is its source, paired with app/calculators.ipynb (kept
# without outputs); after editing the .py run `.venv/bin/jupytext --sync app/calculators.ipynb`.
app: $(STAMP)
	$(BIN)/voila app/calculators.ipynb --no-browser --Voila.ip=127.0.0.1 --port=$(APP_PORT) \
		--progressive_rendering=True

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

clean:
	rm -rf $(VENV) report .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Benchmarks (benchmark-only packages pinned in benchmarks/requirements.txt, installed with the lock as
# constraints), each against peers in the same run, every implementation cold in its own process:
# customer_summary vs DuckDB, polars, lifetimes, pymc-marketing and pandas (text and integer ids);
# read_orders vs pandas.read_csv, polars and DuckDB on a 1M-row Russian export; BG/NBD + Gamma-Gamma
# fitting vs lifetimes. Each writes its table to benchmarks/results/ and prints where ltvkit is behind.
# Takes about half an hour on 2 cores: check `uptime` first.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt -c requirements-lock.txt
	$(BIN)/python benchmarks/bench_customer_summary.py
	$(BIN)/python benchmarks/bench_read_orders.py
	$(BIN)/python benchmarks/bench_models.py --output benchmarks/results/models.md
