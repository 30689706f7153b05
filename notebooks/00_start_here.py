# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 00 · Start here: how to use this workbook
#
# After this notebook you can run any notebook of the course, move its calculators, check your
# exercise answers, run the workbook's own tests, and find each LTV term in Russian, English and Chinese.
#
# **You will learn**
# - how to open a notebook in JupyterLab, run its cells and start it again from a clean state;
# - how a calculator (a widget) recalculates when you move a slider, and what it shows when an
#   input makes no sense;
# - how `check` tells you whether an exercise answer is right, and where the solutions are folded;
# - what `make test` and `make report` do, and what "nbval" checks in every notebook;
# - the names of the workbook's terms (LTV, ARPU, CAC, churn, СВП ...) in three languages.
#
# **You need**: nothing but the workbook itself. The README says how to install it (one command,
# `make lab`, creates everything and opens this notebook).

# %% [markdown]
# ## Running a notebook in JupyterLab
#
# A notebook is a list of **cells**. Text cells (like this one) explain; **code cells** hold
# Python that the notebook's *kernel* runs. The course is stored with every output already in
# place, so you can read it first and run it after.
#
# - **Run one cell**: click it and press **Shift+Enter** (run, then move to the next cell).
#   **Ctrl+Enter** runs it and stays on it. The number in `[ ]` on the left says in which
#   order cells ran; `[*]` means the cell is still running.
# - **Run everything from the start**: menu **Kernel → Restart Kernel and Run All Cells…**
#   ("restart & run all"). Do this whenever a notebook behaves strangely: every notebook of the
#   workbook is built to run from top to bottom in a fresh kernel, and gives the same figures
#   each time.
# - **Edit and re-run**: change a number in a code cell and press Shift+Enter again. Cells
#   further down do not update by themselves; run them too (or run all).
#
# Try it now: click the cell below and press Shift+Enter.

# %%
from ltvkit import (
    LTVInputError,
    agrees,
    arpu_ltv,
    check,
    example,
    format_money,
    glossary_table,
    revenue_per_customer,
)
from ltvkit.calculators import revenue_per_customer_calculator

ltv = arpu_ltv(arpu=1_000, lifetime=12)
print(f"1,000 RUB a month for 12 months: LTV = {format_money(ltv, 'RUB')}")

# %% [markdown]
# ## ltvkit: where the formulas and the figures live
#
# The first line of that cell imported functions from **`ltvkit`**, the workbook's small Python
# package. Every formula of the source articles is a function in it, and every function tells
# you its units and gives an example when you ask for `help`:

# %%
help(arpu_ltv)

# %% [markdown]
# Every figure the articles print is written once, in `ltvkit.examples`, under the id of its
# worked example (`E-simple`, `E-courses`, ...). A notebook reads the article's inputs and
# figures from there, computes the figure again, and `assert`s that the two agree. If they did
# not, the cell would stop with an error, so a figure in this workbook is always one that was
# checked. Here is the example notebook 01 starts with:

# %%
simple = example("E-simple")
print(simple.summary)
print("source:", simple.article.citation)
print("inputs:", dict(simple.inputs))
print("figure printed by the article:", dict(simple.figures))

computed = revenue_per_customer(revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"])
assert agrees(computed, simple.figures["revenue_per_customer"])

# %% [markdown]
# `agrees` compares at the precision of the published figure. Notebook 06 divides a best
# client's LTV of $28,000 by a CAC of $60 and quotes the ratio as "about 467": 466.67 agrees
# with 467, but it would not agree with 470.

# %%
best = example("E-best-client-cac")
ratio = best.inputs["ltv"] / best.inputs["cac"]
print(f"{ratio:.2f} agrees with {best.derived['ltv_to_cac']}: {agrees(ratio, best.derived['ltv_to_cac'])}")
print(f"{ratio:.2f} agrees with 470: {agrees(ratio, 470)}")

# %% [markdown]
# When an input makes no sense, such as a negative price, a churn rate of 0 or text where a number
# belongs, an ltvkit function does not return a number. It raises `LTVInputError`, whose message
# names the argument and says what is allowed:

# %%
try:
    revenue_per_customer(revenue=1_000_000, customers=0)
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown]
# ## Try it
#
# Most notebooks have a **calculator**: sliders for the inputs of one formula, a result line
# that recalculates whenever a slider moves, and in some a chart that redraws. The one below
# divides a year's revenue by the customers served that year, starting from the numbers of the
# example above.
#
# - Drag a slider, or click its number and type a value and press Enter.
# - Drag **Customers in the year** down to 0: the result becomes a dash and the calculator
#   shows the `LTVInputError` message instead (dividing by zero customers means nothing).
#
# If you see a line such as `VBox(children=(...` instead of sliders, the widgets are not
# running (a static preview, or a notebook that is not trusted). Run the cell to bring them
# back. The cell after the calculator prints its result at the starting values, so every page
# shows a real number even where widgets cannot run.

# %%
calculator = revenue_per_customer_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown]
# A slider can also be set from code: this is exactly what happens when you drag it. The cell
# below sets 0 customers, prints what the calculator shows, and puts the slider back.

# %%
calculator.controls["customers"].value = 0
print("result:", calculator.result_text)
print("message:", calculator.error_text)
calculator.controls["customers"].value = simple.inputs["customers_per_year"]
print("back to:", calculator.result_text)

# %% [markdown]
# ## Exercises
#
# Each exercise has an id such as `ex-00-1`. Write your figure in place of `None` in the cell
# under it and run the cell: `check` compares it with the answer computed by ltvkit and says
# **right**, or gives a **hint** (it never prints the answer). A figure within 0.5% of the answer
# counts as right, so rounding is fine. While the answer is still `None`, `check` says so:

# %%
check("ex-00-1", None)

# %% [markdown]
# With a wrong figure, say 30 instead of the answer, `check` gives the exercise's hint:

# %%
check("ex-00-1", 30)

# %% [markdown]
# Under each exercise there is a **folded solution**: a cell tagged `solution` whose code is
# hidden. Only its output ("right.") shows. To unfold it, click the **⋯** in the folded cell,
# or the blue bar to the left of it; **View → Expand All Code** unfolds every cell at once. Try
# the exercise first: the point is to do the arithmetic yourself.
#
# **ex-00-1.** A subscription costs 300 RUB a month and a subscriber stays 8 months on average.
# What is the LTV per subscriber (LTV = ARPU × lifetime), in RUB?

# %%
answer = None
check("ex-00-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = arpu_ltv(arpu=300, lifetime=8)
check("ex-00-1", answer)

# %% [markdown]
# **ex-00-2.** A shop took 1,200,000 RUB in a year from 480 customers. What is its revenue per
# customer for that year, in RUB?

# %%
answer = None
check("ex-00-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = revenue_per_customer(revenue=1_200_000, customers=480)
check("ex-00-2", answer)

# %% [markdown]
# ## How the workbook checks itself
#
# Two commands, run in a terminal in the workbook's folder (each creates the Python
# environment `.venv/` the first time):
#
# - **`make test`** runs, in order:
#   1. *ruff*, a linter that keeps the code tidy;
#   2. the **unit tests** in `tests/` and the examples in ltvkit's docstrings: every formula
#      against every worked example, laws that must hold for any input (tested with
#      *hypothesis*), bad input (each case must raise `LTVInputError` naming the argument), the
#      calculators' sliders and labels, the exercises;
#   3. **notebook tests**: each `notebooks/NN_slug.py` (the source that is reviewed) and its
#      `NN_slug.ipynb` (the executed notebook) hold the same cells, ran top to bottom, and
#      follow the course's skeleton;
#   4. **nbval** (strict): it runs every notebook again in a fresh kernel and compares each
#      cell's text output with the one stored in the `.ipynb`. A figure that changed, a warning
#      that appeared or an `assert` that failed makes the test fail. Pictures (PNG charts) and
#      the random ids of widgets are not compared.
# - **`make report`** executes every notebook and writes an HTML version of the whole course to
#   `report/index.html`, to read or share without Jupyter.
#
# If you change a notebook and want to keep it, `make notebooks NB=notebooks/NN_slug.py`
# re-executes it and stores the new outputs (this is for maintainers; as a learner you can just
# experiment and restart).

# %% [markdown]
# ## Glossary: Russian, English, Chinese
#
# The source articles are in Russian and Chinese; this workbook is in English. One table in
# `ltvkit.course.glossary` gives each term its names in the three languages and a short meaning. The
# abbreviation in the first column is what the notebooks use (`ltvkit.course.glossary.term("CAC")`
# looks one up).

# %%
glossary_table().set_index("term")

# %% [markdown]
# Two pairs to keep apart from the start:
#
# - **AOV** (average check, *средний чек*) is money per *order*; **ARPU** is money per
#   *customer per period*. A customer who orders twice a month has an ARPU twice the AOV.
# - **gross margin** (*СВП* in article 001) is a *share* of revenue (0.3 = 30%); multiplied by
#   revenue it gives gross profit, an amount of money. The letters СВП stand for "average gross
#   profit", yet the article uses it as a share (0.7): read it as a margin.

# %% [markdown]
# ## Summary
#
# | to ... | do |
# |---|---|
# | run a cell | Shift+Enter (Ctrl+Enter stays on the cell) |
# | start a notebook again from a clean state | Kernel → Restart Kernel and Run All Cells… |
# | see a function's units and an example | `help(arpu_ltv)` |
# | read an article's figures | `example("E-simple").figures`, compared with `agrees(computed, published)` |
# | check an exercise | `check("ex-00-1", answer)`: "right", a hint, or "no answer yet" |
# | see a solution | click the ⋯ of the folded cell, or View → Expand All Code |
# | test everything | `make test` (lint, unit tests, notebook pairing, strict nbval) |
# | build the HTML report | `make report` → `report/index.html` |
#
# Bad input raises `LTVInputError` with the argument's name; a calculator shows that message and
# a dash. Next: notebook 01 computes a first LTV and asks which period and unit it is in.
