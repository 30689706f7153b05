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

# %% [markdown] key="00-title"
# # 00 · Start here: how to use this workbook
#
# After this notebook you can run any notebook of the course, move its calculators, check your
# exercise answers, and find each LTV term in Russian, English and Chinese.
#
# **You will learn**
# - how to open a notebook in JupyterLab, run its cells and start it again from a clean state;
# - how a calculator (a widget) recalculates when you move a slider, and what it shows when an
#   input makes no sense;
# - how `check` tells you whether an exercise answer is right, and where the solutions are folded;
# - the names of the workbook's terms (LTV, ARPU, CAC, churn, СВП ...) in three languages, and
#   which words of the Chinese article are machine translations.
#
# **You need**: a browser with the workbook open in JupyterLab. If nobody has set it up for
# you, the README's Quick start does it with one command.

# %% [markdown] key="00-running-a-notebook-in"
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
    format_number,
    glossary_table,
    revenue_per_customer,
    tr,
    tr_n,
)
from ltvkit.calculators import revenue_per_customer_calculator
from ltvkit.course.exercises import options
from ltvkit.course.glossary import mistranslations_table
from ltvkit.display import full_table

price, months = 1_000, 12
ltv = arpu_ltv(arpu=price, lifetime=months)
print(tr_n("{price} a month for {months} month: LTV = {ltv}", "{price} a month for {months} months: LTV = {ltv}",
           months, price=format_money(price, "RUB"), months=months, ltv=format_money(ltv, "RUB")))

# %% [markdown] key="00-ltvkit-where-the-formulas"
# ## ltvkit: where the formulas and the figures live
#
# The first line of that cell imported functions from **`ltvkit`**, the workbook's small Python
# package. Every formula of the source articles is a function in it, and every function tells
# you its units and gives an example when you ask for `help`:

# %%
help(arpu_ltv)

# %% [markdown] key="00-every-figure-the-articles"
# Every figure the articles print is written once, in `ltvkit.examples`, under the id of its
# worked example (`E-simple`, `E-courses`, ...). A notebook reads the article's inputs and
# figures from there, computes the figure again, and `assert`s that the two agree. If they did
# not, the cell would stop with an error, so a figure in this workbook is always one that was
# checked. Here is the example notebook 01 starts with:

# %%
simple = example("E-simple")
print(simple.summary)
print(tr("source: {citation}", citation=simple.article.citation))
print(tr("inputs: {inputs}", inputs=dict(simple.inputs)))
print(tr("figure printed by the article: {figures}", figures=dict(simple.figures)))

computed = revenue_per_customer(revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"])
assert agrees(computed, simple.figures["revenue_per_customer"])

# %% [markdown] key="00-agrees-compares-at-the"
# `agrees` compares at the precision of the published figure. Notebook 06 divides a best
# client's LTV of $28,000 by a CAC of $60 and quotes the ratio as "about 467": 466.67 agrees
# with 467, but it would not agree with 470.

# %%
best = example("E-best-client-cac")
ratio = best.inputs["ltv"] / best.inputs["cac"]
for published in (best.derived["ltv_to_cac"], 470):
    print(tr("{ratio} agrees with {published}: {verdict}", ratio=format_number(ratio, 2),
             published=format_number(published), verdict=agrees(ratio, published)))

# %% [markdown] key="00-when-an-input-makes"
# When an input makes no sense, such as a negative price, a churn rate of 0 or text where a number
# belongs, an ltvkit function does not return a number. It raises `LTVInputError`, whose message
# names the argument and says what is allowed:

# %%
try:
    revenue_per_customer(revenue=1_000_000, customers=0)
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown] key="00-try-it"
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

# %% [markdown] key="00-a-slider-can-also"
# A slider can also be set from code: this is exactly what happens when you drag it. The cell
# below sets 0 customers, prints what the calculator shows, and puts the slider back.

# %%
calculator.controls["customers"].value = 0
print(tr("result: {text}", text=calculator.result_text))
print(tr("message: {text}", text=calculator.error_text))
calculator.controls["customers"].value = simple.inputs["customers_per_year"]
print(tr("back to: {text}", text=calculator.result_text))

# %% [markdown] key="00-exercises"
# ## Exercises
#
# Each exercise has an id such as `ex-00-1`. Write your figure in place of `None` in the cell
# under it and run the cell: `check` compares it with the answer computed by ltvkit and says
# **right**, or gives a **hint** (it never prints the answer). A figure within 0.5% of the answer
# counts as right, so rounding is fine. While the answer is still `None`, `check` says so:

# %%
check("ex-00-1", None)

# %% [markdown] key="00-with-a-wrong-figure"
# With a wrong figure, say 30 instead of the answer, `check` gives the exercise's hint:

# %%
check("ex-00-1", 30)

# %% [markdown] key="00-under-each-exercise-there"
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

# %% [markdown] key="00-ex-00-2"
# **ex-00-2.** A shop took 1,200,000 RUB in a year from 480 customers. What is its revenue per
# customer for that year, in RUB?

# %%
answer = None
check("ex-00-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = revenue_per_customer(revenue=1_200_000, customers=480)
check("ex-00-2", answer)

# %% [markdown] key="00-some-exercises-ask-why"
# Some exercises ask *why* rather than *how much*: pick the letter of the option you think is
# right. A wrong pick gets a hint about that option, never the answer.
#
# **ex-00-3.** A colleague says "our LTV is 12,000". Before you compare it with anything, which
# question do you ask first?

# %%
print(options("ex-00-3"))
answer = None  # a letter, such as "a"
check("ex-00-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # an LTV is only a figure once its currency, period and kind (revenue or profit) are known
check("ex-00-3", answer)

# %% [markdown] key="00-glossary-russian-english-chinese"
# ## Glossary: Russian, English, Chinese
#
# The source articles are in Russian and Chinese; this workbook is in English. One table in
# `ltvkit.course.glossary` gives each term its names in the three languages and a short meaning. The
# abbreviation in the first column is what the notebooks use (`ltvkit.course.glossary.term("CAC")`
# looks one up).

# %%
full_table(glossary_table())

# %% [markdown] key="00-words-of-the-chinese"
# Two pairs to keep apart from the start:
#
# - **AOV** (average check, *средний чек*) is money per *order*; **ARPU** is money per
#   *customer per period*. A customer who orders twice a month has an ARPU twice the AOV.
# - **gross margin** (*СВП* in article 001) is a *share* of revenue (0.3 = 30%); multiplied by
#   revenue it gives gross profit, an amount of money. The letters СВП stand for "average gross
#   profit", yet the article uses it as a share (0.7): read it as a margin.
# - **RPR** usually means the *repeat purchase rate*, the share of customers who buy again (the
#   Chinese 重复购买率 says the same). Article 001 puts the letters on a number of purchases per
#   period, which is a frequency (PF); notebook 03 reads it that way.
#
# ### Words of the Chinese article that are machine translations
#
# The Chinese article on affiliate marketing reads in places like a machine translation from
# English. Three of its words say something else than they mean, and a reader who looks them up
# will be misled:

# %%
full_table(mistranslations_table())


# %% [markdown] key="00-summary"
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
# | look up a term | `full_table(glossary_table())`, `term("CAC")` |
#
# Bad input raises `LTVInputError` with the argument's name; a calculator shows that message and
# a dash. Next: notebook 01 computes a first LTV and asks which period and unit it is in.
