# The workbook's commands. Each one creates .venv from requirements-lock.txt when needed,
# so a fresh machine with Python 3.11 needs nothing else.
#   make report     execute every notebook and write the HTML report to report/
#   make test       lint and the import contract, drift, unit tests and doctests, strict nbval, browser tests
#   make app        serve the calculators and "Your data" (Voila) on 127.0.0.1:$(APP_PORT), with a token it prints
#   make lab        open the course in JupyterLab
#   make notebooks  re-execute notebooks from a clean kernel and re-pair them (NB=... for some)
#   make russian    write and execute the Russian editions notebooks/ru/ (NB=notebooks/NN_slug.py for some)
#   make translations / make catalogues   update the translation catalogues (CONTRIBUTING.md, Translating)
#   make exercises  write trainee copies of every notebook, solutions emptied, to exercises/

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NB ?= notebooks/[0-9][0-9]_*.py
NBVAL := --nbval --nbval-sanitize-with nbval_sanitize.cfg -p no:cacheprovider
CHROMIUM := /usr/bin/chromium
APP_PORT ?= 8866
# The language of `make app` and of ltvkit in general ("en" or "ru"); `make app LTVKIT_LANGUAGE=ru`.
# (Not LANG: the shell's locale variable would leak in.)
LTVKIT_LANGUAGE ?= en
# NB given on the command line, else empty: the translation commands then take every translated notebook.
TRANSLATE_NB := $(if $(filter command line,$(origin NB)),$(NB))

.PHONY: venv test lint drift unit nbval ui chromium java npm notebooks report app lab clean catalogues translations russian exercises

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

unit: $(STAMP) java
	$(BIN)/python -m pytest -q -m "not drift and not trainer" --ignore=tests/ui

# Every stored notebook re-executed and compared, then every trainee copy (make exercises) executed
# and read for a leaked answer.
nbval: $(STAMP)
	$(BIN)/python -m pytest -q $(NBVAL) notebooks/*.ipynb notebooks/ru/*.ipynb
	$(BIN)/python -m pytest -q -p no:cacheprovider -m trainer tests/test_trainer.py

# Browser tests (tests/ui): JupyterLab and Voila driven by Playwright in Debian's Chromium,
# and the report opened from disk. They need the report built first.
ui: $(STAMP) chromium report
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/ui

test: lint drift unit nbval ui

# Debian's Chromium for the browser tests (never a browser download by Playwright).
chromium:
	test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

# Debian's Java runtime for the Spark tests of ltvkit.warehouse (PySpark starts a JVM; no JDK download).
java:
	command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)

# npm fetches the widget renderer of the report once (scripts/build_report.py pins and checks it).
npm:
	command -v npm >/dev/null || (apt-get update && apt-get install -y npm)

notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

# Translation (CONTRIBUTING.md, Translating). catalogues: re-extract ltvkit's marked messages and the
# notebooks' tr() messages into ltvkit/locale/ru/LC_MESSAGES/*.po. translations: give markdown cells their
# keys and merge the English into translations/ru/NN_slug.po. russian: build and execute notebooks/ru/.
catalogues: $(STAMP)
	$(BIN)/python scripts/catalogues.py update

translations: $(STAMP)
	$(BIN)/python scripts/notebook_translations.py update $(TRANSLATE_NB)

russian: $(STAMP)
	$(BIN)/python scripts/notebook_translations.py build $(TRANSLATE_NB)
# Trainer mode: trainee copies of every notebook in exercises/ (generated, not committed; README).
exercises: $(STAMP)
	$(BIN)/python -m ltvkit.course.trainer notebooks exercises
	$(BIN)/python -m ltvkit.course.trainer notebooks/ru exercises/ru
	ln -sfn ../data exercises/data  # exercises/ru/../data, as notebooks/data is for notebooks/ru

report: $(STAMP) npm
	$(BIN)/python scripts/build_report.py

# The app: the calculators (app/calculators.py) and "Your data" (app/your_data.py), each paired with
# its .ipynb (kept without outputs; after editing a .py run `.venv/bin/jupytext --sync app/NAME.ipynb`).
# Served on 127.0.0.1 only, with a token made for this run and printed with the address to open.
app: $(STAMP)
	LTVKIT_LANGUAGE=$(LTVKIT_LANGUAGE) $(BIN)/python scripts/serve_app.py --port $(APP_PORT)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

clean:
	rm -rf $(VENV) report exercises .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Benchmarks (benchmark-only packages pinned in benchmarks/requirements.txt), each against a peer in
# the same run: customer_summary vs lifetimes and DuckDB; BG/NBD, Pareto/NBD and Gamma-Gamma fits at 1M
# customers vs lifetimes given weights (cold runs, ratios, peak memory); the report command on 100k and 1M
# orders (time per step, peak memory) vs pandas.read_csv and lifetimes; and the
# summary of 10M-100M orders from Parquet through DuckDB, pandas and Spark (about half an hour, several GB of
# temporary files: run it on a quiet machine). Write benchmarks/results/customer_summary.md, models.md,
# report.md and warehouse.md.
.PHONY: bench
bench: $(STAMP) java
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/bench_customer_summary.py
	$(BIN)/python benchmarks/bench_models.py --output benchmarks/results/models.md
	$(BIN)/python benchmarks/bench_report.py --output benchmarks/results/report.md
	$(BIN)/python benchmarks/bench_warehouse.py
