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

# %% [markdown] key="01-title"
# # 01 · LTV basics: what lifetime value measures
#
# After this notebook you can compute a first LTV from a company's yearly figures, say which
# period and unit it is in, and explain why two firms' LTVs are rarely comparable.
#
# **You will learn**
# - the simplest estimate of LTV (revenue over customers) and what it leaves out;
# - the basic formula LTV = ARPU × lifetime and how to keep its periods consistent;
# - that an LTV figure means nothing without its currency, its period and what it counts
#   (revenue or profit);
# - how to recompute an example yourself with a calculator and check your answer.
#
# **You need**: notebook 00 (how the workbook works). No maths beyond multiplication.

# %%
from ltvkit import (
    agrees,
    arpu_ltv,
    check,
    discounted_ltv,
    example,
    format_money,
    format_number,
    format_share,
    revenue_per_customer,
    tr,
    tr_n,
)
from ltvkit.calculators import arpu_calculator, revenue_per_customer_calculator
from ltvkit.course.exercises import options
from ltvkit.plots import bar_chart, cumulative_value_chart

# %% [markdown] key="01-what-ltv-is"
# ## What LTV is
#
# *Lifetime value* is the money one customer brings a business over the whole time they
# buy from it. It is a forecast or a record **per customer**, in a **currency**, and it adds
# up **revenue or profit** — which of the two is a choice that every LTV figure must state.
#
# The articles this workbook follows use several formulas, from a rough average to a
# customer's own purchase history. This notebook starts with the two simplest.

# %% [markdown] key="01-e-simple"
# ## E-simple: a year's revenue over the year's customers
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) opens its list of formulas with the quickest
# estimate: take what the company earned in a period and divide by the customers it served
# in that period. Its example company earned 5 million roubles in a year from 200 customers.

# %%
simple = example("E-simple")
per_customer = revenue_per_customer(
    revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"]
)
print(tr("Revenue per customer: {amount} a year", amount=format_money(per_customer, simple.currency)))
assert agrees(per_customer, simple.figures["revenue_per_customer"])

# %% [markdown] key="01-a-critical-look-this"
# ### A critical look: this is a year's revenue, not a lifetime's profit
#
# The article calls the result the profit each customer brought on average. Two words in that
# sentence do not match the calculation:
#
# - **profit**: 5 million is the company's *revenue* (its income), so 25,000 RUB is revenue
#   per customer. Profit would need the costs taken out first (notebook 02 does that);
# - **lifetime**: the figure covers *one year*. It equals a lifetime value only if every
#   customer stays exactly one year. A customer who stays three years is worth about three
#   times as much; one who leaves after a month, much less.
#
# So the honest label is "revenue per customer per year". It is a useful first number, as
# long as it is not read as LTV.

# %% [markdown] key="01-e-manufacturing"
# ## E-manufacturing: ARPU × lifetime
#
# An agency article on LTV for manufacturing companies (source 002; our copy carries no title
# of its own) uses the basic formula: average revenue per customer per period (ARPU) times the
# number of periods a customer stays. A manufacturer's client brings 1,000,000 RUB a year and
# stays 7 years.

# %%
manufacturing = example("E-manufacturing")
years = manufacturing.inputs["lifetime_years"]
ltv = arpu_ltv(arpu=manufacturing.inputs["arpu_per_year"], lifetime=years)
print(tr_n("LTV = {ltv} per client over {years} year", "LTV = {ltv} per client over {years} years", years,
           ltv=format_money(ltv, manufacturing.currency), years=years))
assert agrees(ltv, manufacturing.figures["ltv"])

# %% [markdown] key="01-the-picture-shows-the"
# The picture shows the value building up year by year: the last bar is the LTV.

# %%
cumulative_value_chart(manufacturing.inputs["arpu_per_year"], manufacturing.inputs["lifetime_years"], currency="RUB",
                       period="year")

# %% [markdown] key="01-a-critical-look-7"
# ### A critical look: 7 million of revenue is not 7 million of value
#
# The agency calls the 7,000,000 RUB the client's lifetime value. Two words in that are
# stretched:
#
# - **value**: the million a year is what the client *pays*, revenue. What the client is worth
#   to the manufacturer is the margin on it, after the cost of making what it buys, and the
#   article states no margin;
# - **lifetime**: the money comes in over 7 years, and a rouble that arrives in year 7 is worth
#   less than a rouble today (it could have been invested, or spent on winning the next client,
#   and prices rise meanwhile). Notebook 05 explains discounting; here is its answer for a
#   discount rate of 10% a year, each year's payment counted at the start of that year:

# %%
annual_rate = 0.10  # an assumption: what the manufacturer's money could earn elsewhere
today = discounted_ltv(manufacturing.inputs["arpu_per_year"], retention_rate=1.0, discount_rate=annual_rate,
                       periods=manufacturing.inputs["lifetime_years"])
print(tr("{ltv} paid over {years} years is worth {today} today at {rate} a year", ltv=format_money(ltv, "RUB"),
         years=manufacturing.inputs["lifetime_years"], today=format_money(today, "RUB", decimals=0),
         rate=format_share(annual_rate, 0)))
assert agrees(today / 1e6, manufacturing.derived["present_value_millions_at_10_percent"])
for margin in (0.2, 0.3, 0.5):  # margins for illustration; the article gives none
    print(tr("  as gross profit at a {margin} margin: {amount}", margin=format_share(margin, 0),
             amount=format_money(today * margin, "RUB", decimals=0)))

# %% [markdown] key="01-so-the-honest-label"
# So the honest label of the article's figure is "7 years of revenue, undiscounted". About
# 5.36 million is the same revenue in today's money, and the client's value as profit is a
# fraction of that. And 7 years is an average: some clients leave after two, which notebook 04
# takes into account.

# %% [markdown] key="01-periods-and-units-keep"
# ## Periods and units: keep them the same on both sides
#
# ARPU is money *per period*; lifetime is a *number of periods*. The product is money only
# when both use the same period. The manufacturer's figures can be restated per month: ARPU
# becomes 1,000,000 / 12 RUB a month and the lifetime 7 × 12 = 84 months. The LTV does not
# change, because it is the same money.

# %%
monthly_arpu = manufacturing.inputs["arpu_per_year"] / 12
lifetime_months = manufacturing.inputs["lifetime_years"] * 12
monthly_ltv = arpu_ltv(arpu=monthly_arpu, lifetime=lifetime_months)
print(tr("Monthly ARPU {arpu} x {months} months = {ltv}", arpu=format_money(monthly_arpu, "RUB", decimals=2),
         months=lifetime_months, ltv=format_money(monthly_ltv, "RUB")))
assert agrees(monthly_ltv, manufacturing.figures["ltv"])

# %% [markdown] key="01-mixing-the-periods-is"
# Mixing the periods is the most common slip: a yearly ARPU times a lifetime in months
# overstates the LTV twelvefold.

# %%
mixed = arpu_ltv(arpu=manufacturing.inputs["arpu_per_year"], lifetime=lifetime_months)
times = mixed / ltv
print(tr_n("Yearly ARPU x lifetime in months = {ltv}: {times} time too much",
           "Yearly ARPU x lifetime in months = {ltv}: {times} times too much", round(times),
           ltv=format_money(mixed, "RUB"), times=format_number(times)))

# %% [markdown] key="01-why-one-firm-s"
# ## Why one firm's LTV says little about another's
#
# The two examples above are both called LTV, yet they differ in everything that matters:
#
# | | E-simple | E-manufacturing |
# |---|---|---|
# | what it adds up | revenue | revenue |
# | period covered | one year | the whole relationship (7 years) |
# | per | customer served in the year | client |
# | currency | RUB | RUB |
#
# Before comparing LTVs, ask: revenue or profit? Over what period? Per customer, per user, or
# per account? In which currency and which year's money? A chart of the two numbers side by
# side shows how far apart "LTV" can be when those answers differ.

# %%
bar_chart(
    [tr("E-simple (1 year, revenue)"),
     tr_n("E-manufacturing ({years} year, revenue)", "E-manufacturing ({years} years, revenue)", years, years=years)],
    [per_customer, ltv],
    currency="RUB",
    title=tr("Two numbers both called LTV"),
)

# %% [markdown] key="01-try-it"
# ## Try it
#
# Move the sliders: ARPU per year and the number of years. The label recalculates LTV with
# `arpu_ltv` and the chart redraws. The next cell prints the result at the starting values
# (the manufacturer's), so this page shows a real number even where widgets cannot run.

# %%
calculator = arpu_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="01-a-second-calculator-for"
# A second calculator for the simplest formula, starting from E-simple's numbers.

# %%
simple_calculator = revenue_per_customer_calculator()
simple_calculator

# %%
print(simple_calculator.result_text)

# %% [markdown] key="01-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell: `check` says whether it is right or
# gives a hint. Solutions are folded under each exercise (click the dots to open one).
#
# **ex-01-1.** Another client of the manufacturer is billed 250,000 RUB every quarter and stays
# 5 years. What is this client's LTV, in RUB?

# %%
answer = None
check("ex-01-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
quarters = 5 * 4
answer = arpu_ltv(arpu=250_000, lifetime=quarters)  # ARPU per quarter x lifetime in quarters
check("ex-01-1", answer)

# %% [markdown] key="01-ex-01-2"
# **ex-01-2.** The company of E-simple keeps its revenue but serves 50 more customers. What
# is the revenue per customer now, in RUB a year?

# %%
answer = None
check("ex-01-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = revenue_per_customer(revenue=simple.inputs["revenue_per_year"], customers=simple.inputs["customers_per_year"] + 50)
check("ex-01-2", answer)

# %% [markdown] key="01-ex-01-3"
# **ex-01-3.** The slip can go the other way. A colleague takes the manufacturer's ARPU per
# *month* and multiplies it by the lifetime in *years* as it stands. Which figure, in RUB, do
# they report? How many times too small is it?

# %%
answer = None
check("ex-01-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = arpu_ltv(arpu=monthly_arpu, lifetime=manufacturing.inputs["lifetime_years"])
check("ex-01-3", answer)
# 12 times too small: a monthly ARPU needs a lifetime in months.

# %% [markdown] key="01-ex-01-4"
# **ex-01-4.** E-simple's customers bring 25,000 RUB each, E-manufacturing's 7,000,000. Why
# does that not show that the manufacturer's customers are worth 280 times as much?

# %%
print(options("ex-01-4"))
answer = None  # a letter, such as "a"
check("ex-01-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # a year's revenue per customer served against seven years' revenue per client
check("ex-01-4", answer)

# %% [markdown] key="01-summary"
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | revenue per customer = revenue in a period / customers in that period | `revenue_per_customer(revenue, customers)` | E-simple: 25,000 RUB a year |
# | LTV = ARPU × lifetime (same period on both) | `arpu_ltv(arpu, lifetime)` | E-manufacturing: 7,000,000 RUB |
#
# Every LTV figure needs its labels: currency, period, revenue or profit, per what, and whether
# later money is discounted (7,000,000 RUB over 7 years is about 5.36 million today at 10% a
# year, `discounted_ltv(arpu, retention_rate=1.0, discount_rate=0.10, periods=7)`).
# Next: notebook 02 takes LTV from one customer's purchase history and from revenue to profit.
